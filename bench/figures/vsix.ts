// The packaged extension's size, packaged as `npm run package` does it (scripts/packageVsix.mjs: production build, then vsce).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Figure } from '../support/figure';
import { REPO_ROOT } from '../support/inputs';

export function vsixFigures(): Figure[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-bench-vsix-'));
  try {
    const out = path.join(dir, 'ecs-guard.vsix');
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--readme-path', 'MARKETPLACE.md', '--out', out], {
      cwd: REPO_ROOT,
      stdio: 'ignore',
    });
    const bundle = (file: string) => `${(fs.statSync(path.join(REPO_ROOT, file)).size / 1024).toFixed(0)} KiB`;
    return [
      {
        name: 'vsix_bytes',
        what: 'the packaged .vsix (npm run package)',
        unit: 'bytes',
        value: fs.statSync(out).size,
        target: null,
        reference: `production bundles: client ${bundle('dist/client/extension.js')} (+ coverage view ${bundle('dist/client/coverageView.js')}, loaded on first use), server ${bundle('dist/server/server.js')}`,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
