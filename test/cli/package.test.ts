import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  scripts: Record<string, string>;
  dependencies?: Record<string, string>;
};

interface NoticesModule {
  bundledPackageFolders(metafiles: { inputs: Record<string, unknown> }[]): string[];
  renderNotices(folders: string[], root?: string): string;
  NOTICES_FILE: string;
}
// An ES module script shared with the build; loaded as the build loads it.
const notices = (): Promise<NoticesModule> => import(path.join(repo, 'scripts/thirdPartyNotices.mjs'));

describe('the npm package (the full check: npm run test:package)', () => {
  it('.npmignore packs exactly what the bins need; package.json has no "files", which vsce refuses beside .vscodeignore', async function () {
    this.timeout(60_000);
    assert.equal((manifest as { files?: unknown }).files, undefined);
    const pack = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repo, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    const packed = (JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { files: { path: string }[] }[])[0].files.map((file) => file.path).sort();
    const { expectedPackageFiles } = (await import(path.join(repo, 'scripts/packageContents.mjs'))) as { expectedPackageFiles(repo: string): string[] };
    assert.deepEqual(packed, expectedPackageFiles(repo));
    for (const bin of Object.values(manifest.bin)) {
      const required = [...fs.readFileSync(path.join(repo, bin), 'utf8').matchAll(/require\('([^']+)'\)/g)].map((match) => match[1]);
      assert.ok(
        required.some((module) => module.startsWith('../dist/')),
        `${bin} loads a bundle`,
      );
      for (const module of required) {
        const target = path.posix.join(path.posix.dirname(bin.replace(/^\.\//, '')), module);
        assert.ok(packed.includes(target), `${bin} requires ${target}, which the package must hold`);
      }
    }
    assert.match(manifest.scripts.prepack, /scripts\/build\.mjs --production/);
    assert.equal(Object.keys(manifest.dependencies ?? {}).length, 0, 'the bundles inline everything');
  });

  it('ships the third-party notices in the VSIX too', async () => {
    const { NOTICES_FILE } = await notices();
    assert.ok(fs.readFileSync(path.join(repo, '.vscodeignore'), 'utf8').split('\n').includes(`!${NOTICES_FILE}`));
  });

  it('the notices name each package a bundle inlines, scoped or nested, with its license and texts', async () => {
    const { bundledPackageFolders, renderNotices } = await notices();
    const folders = bundledPackageFolders([
      { inputs: { 'node_modules/@aws-sdk/client-guardduty/dist-cjs/index.js': {}, 'server/src/server.ts': {} } },
      { inputs: { 'node_modules/@aws-sdk/client-guardduty/dist-cjs/commands/x.js': {}, 'node_modules/jsonc-parser/lib/esm/main.js': {} } },
    ]);
    assert.deepEqual(folders.sort(), ['node_modules/@aws-sdk/client-guardduty', 'node_modules/jsonc-parser']);
    const text = renderNotices(folders, repo);
    assert.match(text, /\| @aws-sdk\/client-guardduty \| [\d.]+ \| Apache-2\.0 \|/);
    assert.match(text, /\| jsonc-parser \| [\d.]+ \| MIT \|/);
    assert.match(text, /Apache License\s+Version 2\.0/);
  });

  it('the build wrote notices covering the AWS SDK the CLI inlines', function () {
    const built = path.join(repo, 'dist/THIRD-PARTY-NOTICES.md');
    if (!fs.existsSync(built)) this.skip(); // npm test builds first; mocha alone may run before any build
    const text = fs.readFileSync(built, 'utf8');
    for (const name of ['@aws-sdk/client-guardduty', '@smithy/core', 'vscode-languageserver', 'jsonc-parser', 'picomatch']) assert.ok(text.includes(`| ${name} |`), name);
  });
});
