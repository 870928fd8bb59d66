// `npm run package`: builds ecs-guard.vsix. package.json's "files" is the npm package's list (the CLI and the
// language server), and vsce refuses a manifest with "files" beside a .vscodeignore. So the VSIX is packaged
// from a staging folder: the production build, what .vscodeignore lets in, and package.json without "files".
//
//   node scripts/packageVsix.mjs [--out ecs-guard.vsix]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outIndex = process.argv.indexOf('--out');
const out = path.resolve(root, outIndex > 0 ? process.argv[outIndex + 1] : 'ecs-guard.vsix');

run(process.execPath, [path.join(root, 'scripts/build.mjs'), '--production'], root);

const stage = mkdtempSync(path.join(tmpdir(), 'ecs-guard-vsix-'));
try {
  // Everything .vscodeignore might let in; it decides, inside the staging folder, what is packaged.
  for (const entry of ['.vscodeignore', 'LICENSE', 'CHANGELOG.md', 'MARKETPLACE.md', 'dist', 'docs', 'syntaxes', 'schemas', 'media', 'images']) {
    if (existsSync(path.join(root, entry))) cpSync(path.join(root, entry), path.join(stage, entry), { recursive: true });
  }
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  delete manifest.files;
  // Built above; the staging folder has no sources to build from.
  delete manifest.scripts['vscode:prepublish'];
  writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2));
  const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--readme-path', 'MARKETPLACE.md', '--out', out], stage);
} finally {
  rmSync(stage, { recursive: true, force: true });
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
