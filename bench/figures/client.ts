// Client bundle require() time at activation: every JSON file a user opens activates the extension, so
// the bundle's module-level cost is paid by everyone. Fresh Node processes, wall time of the require.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Figure, RunOptions, spreadOf } from '../support/figure';
import { REPO_ROOT } from '../support/inputs';
import { summarise } from '../support/stats';

const CLIENT_BUNDLE = path.join(REPO_ROOT, 'dist/client/extension.js');
const REQUIRE_SCRIPT = path.join(__dirname, 'requireClient.js');

function requireMs(file: string): number {
  return Number(execFileSync(process.execPath, [REQUIRE_SCRIPT, file], { encoding: 'utf8' }));
}

export function clientFigures(options: RunOptions): Figure[] {
  if (!fs.existsSync(CLIENT_BUNDLE)) throw new Error(`${CLIENT_BUNDLE} is missing: run npm run build first`);
  const runs = options.quick ? 3 : 9;
  // The floor: requiring vscode-languageclient alone, which any LSP extension loads.
  const floorFile = require.resolve('vscode-languageclient/node');
  const ours: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    ours.push(requireMs(CLIENT_BUNDLE));
    floor.push(requireMs(floorFile));
  }
  const summary = summarise(ours);
  return [
    {
      name: 'client_require_ms',
      what: `require() of dist/client/extension.js (${(fs.statSync(CLIENT_BUNDLE).size / 1024).toFixed(0)} KiB) in a fresh process`,
      unit: 'ms',
      value: summary.median,
      target: 50,
      spread: spreadOf(summary),
      reference: `vscode-languageclient/node alone (unbundled) ${summarise(floor).median.toFixed(0)} ms`,
    },
  ];
}
