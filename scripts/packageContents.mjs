// The files the npm package must hold, and nothing else: the two bins and their bundles, the rule pages that hovers
// and the SARIF help read at run time, the notices and the usual legal files. `.npmignore` produces this list
// (not package.json's "files", which vsce refuses beside the VSIX's `.vscodeignore`).
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

export function expectedPackageFiles(repo) {
  return [
    'CHANGELOG.md',
    'LICENSE',
    'README.md',
    'bin/ecs-guard-language-server.js',
    'bin/ecs-guard.js',
    'dist/THIRD-PARTY-NOTICES.md',
    'dist/cli/coverage.js',
    'dist/cli/ecs-guard.js',
    'dist/cli/lint.js',
    'dist/server/server.js',
    'package.json',
    ...readdirSync(path.join(repo, 'docs/rules'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/rules/${name}`),
  ].sort();
}
