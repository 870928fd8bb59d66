import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const ENGINE_ROOT = path.join(ROOT, 'server', 'src');
/** The engine's public modules: a host imports these and nothing else from the engine. */
const PUBLIC_ENGINE_MODULES = [path.join(ENGINE_ROOT, 'engine', 'index.ts'), path.join(ENGINE_ROOT, 'engine', 'protocol.ts')];

/** The three hosts of the engine, each in its own room. */
const HOSTS = {
  'language server': [path.join(ROOT, 'server', 'src', 'server.ts'), path.join(ROOT, 'server', 'src', 'lsp')],
  'command line': [path.join(ROOT, 'cli', 'src')],
  'VS Code client': [path.join(ROOT, 'client', 'src')],
};

function typeScriptFiles(entry: string): string[] {
  if (entry.endsWith('.ts')) return [entry];
  return fs
    .readdirSync(entry, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(entry, file));
}

/** Every relative module a file imports or re-exports, resolved to a `.ts` file or a folder's `index.ts`. */
function relativeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import|require\()\s*'(\.{1,2}\/[^']*)'/g)].map((match) => match[1]);
  return specifiers.map((specifier) => {
    const target = path.resolve(path.dirname(file), specifier);
    if (fs.existsSync(`${target}.ts`)) return `${target}.ts`;
    return path.join(target, 'index.ts');
  });
}

const isInside = (file: string, folder: string) => file.startsWith(folder + path.sep);
const hostFolders = [path.join(ENGINE_ROOT, 'lsp')];
const isEngineFile = (file: string) => isInside(file, ENGINE_ROOT) && !hostFolders.some((folder) => isInside(file, folder)) && file !== path.join(ENGINE_ROOT, 'server.ts');

describe('layering: one engine, three hosts', () => {
  for (const [host, entries] of Object.entries(HOSTS)) {
    it(`the ${host} reaches the engine only through its public modules`, () => {
      const files = entries.flatMap(typeScriptFiles);
      assert.ok(files.length > 0, `no files found for the ${host}`);
      const reaches = files.flatMap((file) =>
        relativeImports(file)
          .filter((target) => isEngineFile(target) && !PUBLIC_ENGINE_MODULES.includes(target))
          .map((target) => `${path.relative(ROOT, file)} imports ${path.relative(ROOT, target)}`),
      );
      assert.deepEqual(reaches, []);
    });
  }

  it('the engine imports no host', () => {
    const engineFiles = typeScriptFiles(ENGINE_ROOT).filter(isEngineFile);
    assert.ok(engineFiles.length > 20);
    const reaches = engineFiles.flatMap((file) =>
      relativeImports(file)
        .filter((target) => !isEngineFile(target))
        .map((target) => `${path.relative(ROOT, file)} imports ${path.relative(ROOT, target)}`),
    );
    assert.deepEqual(reaches, []);
  });

  it('the engine runs without an LSP connection: no engine file imports vscode-languageserver/node or vscode', () => {
    for (const file of typeScriptFiles(ENGINE_ROOT).filter(isEngineFile)) {
      assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /from 'vscode-languageserver\/node'|from 'vscode'/, path.relative(ROOT, file));
    }
  });

  it('the client bundles only the protocol constants of the engine, not the rules', () => {
    const reaches = typeScriptFiles(path.join(ROOT, 'client', 'src')).flatMap((file) =>
      relativeImports(file)
        .filter((target) => isEngineFile(target) && target !== PUBLIC_ENGINE_MODULES[1])
        .map((target) => `${path.relative(ROOT, file)} imports ${path.relative(ROOT, target)}`),
    );
    assert.deepEqual(reaches, []);
  });
  it('the fake GuardDuty is a test and demo tool: no product code imports it', () => {
    const fake = path.join(ROOT, 'client', 'src', 'coverage', 'testing');
    const product = Object.values(HOSTS)
      .flat()
      .flatMap(typeScriptFiles)
      .filter((file) => !isInside(file, fake));
    const reaches = product.flatMap((file) =>
      relativeImports(file)
        .filter((target) => isInside(target, fake))
        .map((target) => `${path.relative(ROOT, file)} imports ${path.relative(ROOT, target)}`),
    );
    assert.deepEqual(reaches, []);
  });

  it('the protocol constants are a leaf, and the fake GuardDuty stands alone', () => {
    assert.deepEqual(relativeImports(PUBLIC_ENGINE_MODULES[1]), []);
    const fake = path.join(ROOT, 'client', 'src', 'coverage', 'testing', 'fakeGuardDuty');
    const reaches = typeScriptFiles(fake).flatMap((file) =>
      relativeImports(file)
        .filter((target) => !isInside(target, fake))
        .map((target) => `${path.relative(ROOT, file)} imports ${path.relative(ROOT, target)}`),
    );
    assert.deepEqual(reaches, []);
  });

  it('the command line reaches the coverage core only through its index', () => {
    const core = path.join(ROOT, 'client', 'src', 'coverage');
    const reaches = typeScriptFiles(path.join(ROOT, 'cli', 'src')).flatMap((file) =>
      relativeImports(file)
        .filter((target) => isInside(target, path.join(ROOT, 'client')) && target !== path.join(core, 'index.ts'))
        .map((target) => `${path.relative(ROOT, file)} imports ${path.relative(ROOT, target)}`),
    );
    assert.deepEqual(reaches, []);
  });
});

describe('ARCHITECTURE.md', () => {
  const text = fs.readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');

  it('names only files and folders that exist', () => {
    const named = [...text.matchAll(/`((?:server|client|cli|test|scripts|docs)\/[^`\s<>]*)`/g)].map((match) => match[1]);
    assert.ok(named.length > 20);
    assert.deepEqual(
      named.filter((name) => !fs.existsSync(path.join(ROOT, name))),
      [],
    );
  });

  it('shows every host room the layering test knows', () => {
    for (const entry of Object.values(HOSTS).flat()) {
      const relative = path.relative(ROOT, entry) + (entry.endsWith('.ts') ? '' : '/');
      assert.ok(text.includes(`\`${relative}\``), `ARCHITECTURE.md names ${relative}`);
    }
  });
});
