// Bundles the extension-host suite (test/e2e/suite/*.test.ts) for a VS Code extension host, with
// `vscode` left to the host, and optionally an entry point next to it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { REPO } from '../../scripts/e2e/codeServer';

const COMMON: esbuild.BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  logLevel: 'warning',
  // Mocha's parallel mode (worker files found with require.resolve) is not used here.
  logOverride: { 'require-resolve-not-external': 'silent' },
};

/** Writes `<outDir>/suite/*.test.js`, and `<outDir>/<name>.js` for each entry given. */
export async function bundleSuite(outDir: string, entries: Record<string, string> = {}): Promise<void> {
  const suiteDir = path.join(REPO, 'test/e2e/suite');
  const suites = fs.readdirSync(suiteDir).filter((name) => name.endsWith('.test.ts'));
  fs.rmSync(path.join(outDir, 'suite'), { recursive: true, force: true });
  await esbuild.build({ ...COMMON, entryPoints: suites.map((name) => path.join(suiteDir, name)), outdir: path.join(outDir, 'suite') });
  for (const [name, entry] of Object.entries(entries)) {
    await esbuild.build({ ...COMMON, entryPoints: [entry], outfile: path.join(outDir, `${name}.js`) });
  }
}
