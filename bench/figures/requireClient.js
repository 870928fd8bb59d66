// Run in a fresh Node process by figures/client.ts: require()s the client bundle with a stand-in for the
// `vscode` module (only the extension host has the real one) and prints the milliseconds it took: the
// process's CPU time (every thread) and the wall time.
const Module = require('node:module');

// Any property is another stand-in, callable and constructible: enough for module-level code.
function standIn() {
  const target = function () {};
  return new Proxy(target, {
    get: (_, key) => (key === 'prototype' ? target.prototype : key === Symbol.toPrimitive ? () => '' : standIn()),
    apply: () => standIn(),
    construct: () => standIn(),
  });
}
// esbuild's ESM interop copies the module's own property names, so name every one the API declares.
const declarations = require('node:fs').readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
const names = {};
for (const [, name] of declarations.matchAll(/export (?:class|enum|namespace|function|const|let|var) ([A-Za-z_$][\w$]*)/g)) names[name] = standIn();
// Other modules name it differently (`code.CompletionItem`): any other property is a stand-in too.
const vscode = new Proxy(names, {
  get: (target, key) => (typeof key !== 'string' || key === '__esModule' || key === 'then' ? undefined : (target[key] ??= standIn())),
});
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};
const cpuBefore = process.cpuUsage();
const start = performance.now();
require(process.argv[2]);
const wallMs = performance.now() - start;
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, wallMs }));
