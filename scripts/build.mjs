// Bundles the extension client (two bundles: activation, and the coverage view loaded when needed), the
// language server, the CLI and the fake GuardDuty with esbuild. Type checking is separate (`npm run typecheck`).
import * as esbuild from 'esbuild';
import { bundles } from './bundles.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const builds = Object.values(bundles({ production }));

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
