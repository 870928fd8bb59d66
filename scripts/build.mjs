// Bundles the extension client (two bundles: activation, and the coverage view loaded when needed), the
// language server, the CLI and the fake GuardDuty with esbuild. Type checking is separate (`npm run typecheck`).
import * as esbuild from 'esbuild';
import { bundles } from './bundles.mjs';
import { writeNotices } from './thirdPartyNotices.mjs';

// `npm pack` and `npm publish` run `prepare` right after `prepack`, which has just built for production: the
// second build would only repeat it.
if (process.env.npm_lifecycle_event === 'prepare' && ['pack', 'publish'].includes(process.env.npm_command ?? '')) process.exit(0);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const builds = Object.values(bundles({ production }));

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build({ ...options, metafile: true })));
  // The notices cover what the shipped bundles (npm package and VSIX) inline; the fake GuardDuty is not shipped.
  writeNotices(results.filter((_, index) => !builds[index].outfile.startsWith('dist/fake-guardduty/')).map((result) => result.metafile));
}
