// Measures what activating the extension costs, outside VS Code: in fresh Node processes, the time to
// require the client bundle and the time `activate()` takes until it returns, on a stand-in `vscode`
// module that answers every call (scripts/vscodeStandIn.js, shared with the bench). The language server is not
// started: the stand-in's client never connects, and start() is cut short. Run after `node scripts/build.mjs --production`:
//
//   node scripts/measureActivation.mjs [--runs 15] [--regions] [--root OTHER_CHECKOUT]
//
// --regions: the user has coverage regions set (the status-bar item is needed at start).
import { spawnSync } from 'node:child_process';
import { statSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const rootArg = process.argv.indexOf('--root');
// --root DIR: measure another checkout's build (for a before/after comparison).
const root = rootArg > 0 ? path.resolve(process.argv[rootArg + 1]) : fileURLToPath(new URL('..', import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const withRegions = process.argv.includes('--regions');

const child = String.raw`
const { performance } = require('node:perf_hooks');
require(process.env.STAND_IN).installVscodeStandIn({ regions: Boolean(process.env.REGIONS) });
const cpuBefore = process.cpuUsage();
const t0 = performance.now();
const extension = require(process.env.BUNDLE);
const t1 = performance.now();
const requireCpu = process.cpuUsage(cpuBefore);
const context = { subscriptions: [], asAbsolutePath: (p) => require('node:path').join(process.env.ROOT, p), extensionPath: process.env.ROOT, extension: { packageJSON: {} }, workspaceState: { get: () => undefined, update: async () => undefined }, globalState: { get: () => undefined, update: async () => undefined } };
// activate() awaits the language client's start, which never connects here: time what runs before that.
const started = extension.activate(context);
const t2 = performance.now();
// What activation set going in the background (a coverage refresh, a bundle loaded later) uses CPU too.
setTimeout(() => {
  const cpu = process.cpuUsage(cpuBefore);
  process.stdout.write(JSON.stringify({ requireCpuMs: (requireCpu.user + requireCpu.system) / 1000, requireMs: t1 - t0, activateMs: t2 - t1, cpuMs: (cpu.user + cpu.system) / 1000 }));
  process.exit(0);
}, 1500);
`;

const bundle = path.join(root, 'dist/client/extension.js');
const results = [];
for (let run = 0; run < runs; run++) {
  const result = spawnSync(process.execPath, ['-e', child], {
    env: { ...process.env, BUNDLE: bundle, ROOT: root, REGIONS: withRegions ? '1' : '', STAND_IN: fileURLToPath(new URL('./vscodeStandIn.js', import.meta.url)) },
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(
      result.stderr
        .split('\n')
        .filter((line) => line.length < 400)
        .join('\n'),
    );
  results.push(JSON.parse(result.stdout));
}
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sizes = readdirSync(path.join(root, 'dist/client'))
  .filter((name) => name.endsWith('.js'))
  .map((name) => `${name} ${(statSync(path.join(root, 'dist/client', name)).size / 1024).toFixed(0)} KB`);
console.log(`client bundles: ${sizes.join(', ')}`);
console.log(
  `${runs} runs${withRegions ? ' (coverage regions set)' : ''}: require ${median(results.map((r) => r.requireMs)).toFixed(1)} ms (CPU ${median(results.map((r) => r.requireCpuMs)).toFixed(1)} ms), activate() until the client starts ${median(results.map((r) => r.activateMs)).toFixed(1)} ms (medians); CPU from require to 1.5 s later ${median(results.map((r) => r.cpuMs)).toFixed(0)} ms`,
);
