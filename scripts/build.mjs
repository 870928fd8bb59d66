// Bundles the extension client, the language server, the CLI and the fake GuardDuty with esbuild.
// Type checking is separate (`npm run typecheck`).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { writeNotices } from './thirdPartyNotices.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// `npm pack` and `npm publish` run `prepare` after `prepack`: both build for production then.
const production = process.argv.includes('--production') || ['pack', 'publish'].includes(process.env.npm_command ?? '');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's "main" is a UMD build with dynamic requires that a bundle cannot resolve; its ESM build bundles.
  mainFields: ['module', 'main'],
  define: { ECS_GUARD_VERSION: JSON.stringify(version) },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server/server.js' },
  { ...common, entryPoints: ['cli/src/bin.ts'], outfile: 'dist/cli/ecs-guard.js' },
  // A local GuardDuty look-alike for demos and manual testing; not shipped in the .vsix.
  { ...common, entryPoints: ['client/src/coverage/testing/fakeGuardDuty/main.ts'], outfile: 'dist/fake-guardduty/server.js' },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build({ ...options, metafile: true })));
  // The notices cover what the shipped bundles (npm package and VSIX) inline; the fake GuardDuty is not shipped.
  writeNotices(results.filter((_, index) => !builds[index].outfile.startsWith('dist/fake-guardduty/')).map((result) => result.metafile));
}
