// A stand-in for the `vscode` module outside the extension host (only VS Code has the real one), for measuring
// the client bundle in a plain Node process: bench/figures/requireClient.js times its require(),
// scripts/measureActivation.mjs its activate() too.
const fs = require('node:fs');
const Module = require('node:module');

/**
 * Makes `require('vscode')` answer a stand-in: any property is a function, a constructor and an object at once,
 * enough for module-level code and for activate() up to the language client's start. `regions`: the coverage
 * regions setting reads as set (`us-east-1`).
 */
function installVscodeStandIn({ regions = false } = {}) {
  const handler = {
    get(target, key) {
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return () => '';
      if (key === 'isTrusted') return true;
      if (key === 'get') return (name, fallback) => (name === 'regions' && regions ? ['us-east-1'] : fallback);
      if (!(key in target)) target[key] = standIn();
      return target[key];
    },
    set: (target, key, value) => Reflect.defineProperty(target, key, { value, writable: true, configurable: true }),
    apply: () => standIn(),
    construct: () => standIn(),
  };
  const standIn = () => new Proxy(function () {}, handler);
  // esbuild's ESM interop copies the module's own property names, so name every one the API declares.
  const declarations = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const names = {};
  for (const [, name] of declarations.matchAll(/export (?:class|enum|namespace|function|const|let|var) ([A-Za-z_$][\w$]*)/g)) names[name] = standIn();
  names.version = '1.96.4';
  // Other modules name it differently (`code.CompletionItem`): any other property is a stand-in too.
  const vscode = new Proxy(names, {
    get: (target, key) => (typeof key !== 'string' || key === '__esModule' || key === 'then' ? undefined : (target[key] ??= standIn())),
  });
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? vscode : load.call(this, request, ...rest);
  };
}

module.exports = { installVscodeStandIn };
