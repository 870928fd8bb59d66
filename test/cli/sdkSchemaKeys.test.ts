import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');

interface SdkSchemaKeys {
  readonly SDK_SCHEMA_MODULE: RegExp;
  inlineSchemaConstants(source: string): string;
  readonly sdkSchemaKeys: esbuild.Plugin;
}

const load = async () => (await import(path.join(ROOT, 'scripts', 'sdkSchemaKeys.mjs'))) as SdkSchemaKeys;

/** Every SDK schema module installed (GuardDuty's and the credential chain's nested clients'). */
function schemaModules(pattern: RegExp): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (pattern.test(full)) found.push(full);
    }
  };
  walk(path.join(ROOT, 'node_modules', '@aws-sdk'));
  return found;
}

/** The module's exports, evaluated from a bundle of it built with or without the plugin. */
async function exportsOf(file: string, plugins: esbuild.Plugin[]): Promise<Record<string, unknown>> {
  const [output] = (await esbuild.build({ entryPoints: [file], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent', plugins })).outputFiles;
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', output.text)(module, module.exports, require);
  return module.exports;
}

/** Values as plain data: functions (the schemas' `() => Shape$` thunks, error classes) by their source. */
function comparable(value: unknown, seen = new Map<object, string>(), at = '$'): unknown {
  if (typeof value === 'function') return `function ${value.toString()}`;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return `[seen at ${seen.get(value)}]`;
  seen.set(value, at);
  if (Array.isArray(value)) return value.map((item, i) => comparable(item, seen, `${at}[${i}]`));
  if (value instanceof Map) return { map: [...value].map(([key, item], i) => [comparable(key, seen, `${at}.key${i}`), comparable(item, seen, `${at}.value${i}`)]) };
  return {
    prototype: Object.getPrototypeOf(value)?.constructor?.name,
    ...Object.fromEntries(Object.entries(value).map(([key, item]) => [key, comparable(item, seen, `${at}.${key}`)])),
  };
}

describe('SDK schema keys written as literals (bundle tree-shaking)', () => {
  it('writes constant computed keys as their strings and type codes as numbers, leaving other keys and "__proto__" alone', async () => {
    const { inlineSchemaConstants } = await load();
    const source = [
      'const _jN = "jsonName";',
      'const _p = "__proto__";',
      'const _q = "say \\"hi\\"";',
      'export var A$ = [3, n0, _jN, { [_jN]: _m, [_p]: 1, [_q]: 2, [_other]: 3 }, [64 | 0, 128 | 1]];',
      '',
    ].join('\n');
    assert.equal(
      inlineSchemaConstants(source),
      [
        'const _jN = "jsonName";',
        'const _p = "__proto__";',
        'const _q = "say \\"hi\\"";',
        'export var A$ = [3, n0, _jN, { "jsonName": _m, [_p]: 1, "say \\"hi\\"": 2, [_other]: 3 }, [64, 129]];',
        '',
      ].join('\n'),
    );
  });

  it('every SDK schema module exports exactly the same values with the plugin as without', async function () {
    this.timeout(60_000);
    const { SDK_SCHEMA_MODULE, sdkSchemaKeys } = await load();
    const modules = schemaModules(SDK_SCHEMA_MODULE);
    assert.ok(
      modules.some((file) => file.includes('client-guardduty')),
      'finds GuardDuty’s schemas',
    );
    for (const file of modules) {
      const plain = comparable(await exportsOf(file, []));
      const rewritten = comparable(await exportsOf(file, [sdkSchemaKeys]));
      assert.deepEqual(rewritten, plain, path.relative(ROOT, file));
      assert.ok(JSON.stringify(plain).includes('jsonName') || !fs.readFileSync(file, 'utf8').includes('jsonName'), `${file}: the traits are compared`);
    }
  });
});
