// Client bundle require() time at activation: every JSON file a user opens activates the extension, so
// the bundle's module-level cost is paid by everyone. Fresh Node processes; the figure is the CPU time of
// the require (the process's, every thread), the wall time beside it: on a machine shared with other jobs
// the wall time of a 25 ms require mostly measures the wait for a core (measured at load 8: 69 ms wall for
// 24 ms of CPU), while the CPU time is what the extension host spends on it.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Figure, RunOptions, spreadOf } from '../support/figure';
import { REPO_ROOT } from '../support/inputs';
import { summarise } from '../support/stats';

const CLIENT_BUNDLE = path.join(REPO_ROOT, 'dist/client/extension.js');
const REQUIRE_SCRIPT = path.join(__dirname, 'requireClient.js');

interface RequireTime {
  readonly cpuMs: number;
  readonly wallMs: number;
}

function requireTime(file: string): RequireTime {
  return JSON.parse(execFileSync(process.execPath, [REQUIRE_SCRIPT, file], { encoding: 'utf8' })) as RequireTime;
}

export function clientFigures(options: RunOptions): Figure[] {
  if (!fs.existsSync(CLIENT_BUNDLE)) throw new Error(`${CLIENT_BUNDLE} is missing: run npm run build first`);
  const runs = options.quick ? 3 : 9;
  // The floor: requiring vscode-languageclient alone, which any LSP extension loads.
  const floorFile = require.resolve('vscode-languageclient/node');
  const ours: RequireTime[] = [];
  const floor: RequireTime[] = [];
  for (let i = 0; i < runs; i++) {
    ours.push(requireTime(CLIENT_BUNDLE));
    floor.push(requireTime(floorFile));
  }
  const cpu = summarise(ours.map((time) => time.cpuMs));
  const median = (times: RequireTime[], key: keyof RequireTime) => summarise(times.map((time) => time[key])).median.toFixed(0);
  return [
    {
      name: 'client_require_ms',
      what: `require() of dist/client/extension.js (${(fs.statSync(CLIENT_BUNDLE).size / 1024).toFixed(0)} KiB) in a fresh process, CPU`,
      unit: 'ms',
      value: cpu.median,
      target: 50,
      spread: spreadOf(cpu),
      reference: `wall ${median(ours, 'wallMs')} ms; vscode-languageclient/node alone (unbundled) CPU ${median(floor, 'cpuMs')} ms, wall ${median(floor, 'wallMs')} ms`,
    },
  ];
}
