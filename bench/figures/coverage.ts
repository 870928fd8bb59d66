// Coverage refresh against the fake GuardDuty on 127.0.0.1, every request answered after 50 ms: 500 clusters
// in one region take ListDetectors then 10 pages of ListCoverage one after another (GetCoverageStatistics can
// run beside them). The floor is that chain of 11 round trips, measured in the same run with bare HTTP
// requests to the same fake; the figure is loadCoverage in-process over it, and the CLI (a cold process) too.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCoverage } from '../../client/src/coverage';
import { startFakeGuardDuty } from '../../client/src/coverage/testing/fakeGuardDuty/fakeGuardDutyServer';
import { ecsClusterResource } from '../../client/src/coverage/testing/fakeGuardDuty/resourceBuilders';
import { Figure, RunOptions, spreadOf } from '../support/figure';
import { REPO_ROOT } from '../support/inputs';
import { interleave, ratios, summarise } from '../support/stats';

const REGION = 'us-east-1';
const CLUSTERS = 500;
const DELAY_MS = 50;
const PAGE_SIZE = 50;
const DETECTOR_ID = 'benchdetector0000000000000000000';
const CREDENTIALS = { accessKeyId: 'bench', secretAccessKey: 'bench' };

function roundTrip(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${url}/detector`, { headers: { authorization: `AWS4-HMAC-SHA256 Credential=bench/20240101/${REGION}/guardduty/aws4_request` } }, (response) => {
      response.resume();
      response.on('end', resolve);
    });
    request.on('error', reject);
  });
}

/** The CLI, cold: a new process with an isolated AWS environment pointed at the fake. */
function runCli(url: string, home: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/ecs-guard.js'), 'coverage', '--region', REGION, '--endpoint-url', url, '--format', 'json'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        PATH: process.env.PATH,
        HOME: home,
        AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
        AWS_CONFIG_FILE: path.join(home, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
      },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ecs-guard coverage exited with ${code}: ${stderr}`))));
  });
}

export async function coverageFigures(options: RunOptions): Promise<Figure[]> {
  const resources = Array.from({ length: CLUSTERS }, (_, i) =>
    ecsClusterResource({ clusterName: `cluster-${i}`, accountId: '111122223333', detectorId: DETECTOR_ID, issues: i % 5 === 0 ? ['Fargate tasks need relaunch'] : [] }),
  );
  const fake = await startFakeGuardDuty({ regions: { [REGION]: { detectorId: DETECTOR_ID, resources } }, faults: [{ kind: 'slow', delayMs: DELAY_MS }] });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-bench-aws-'));
  fs.writeFileSync(path.join(home, 'config'), '');
  fs.writeFileSync(path.join(home, 'credentials'), '');
  const chain = 1 + Math.ceil(CLUSTERS / PAGE_SIZE);
  try {
    const inProcess = async () => {
      const start = performance.now();
      const [region] = await loadCoverage([REGION], { endpoint: fake.url, credentials: CREDENTIALS });
      const ms = performance.now() - start;
      if (region.error || region.clusters.length !== CLUSTERS) throw new Error(`coverage loaded ${region.clusters.length} clusters: ${region.error?.message ?? ''}`);
      return ms;
    };
    await inProcess(); // loads the SDK
    const measured = await interleave(options.quick ? 3 : 7, {
      floor: async () => {
        const start = performance.now();
        for (let i = 0; i < chain; i++) await roundTrip(fake.url);
        return performance.now() - start;
      },
      inProcess,
      cli: async () => {
        const start = performance.now();
        await runCli(fake.url, home);
        return performance.now() - start;
      },
    });
    const vsFloor = summarise(ratios(measured.inProcess, measured.floor));
    const cliVsFloor = summarise(ratios(measured.cli, measured.floor));
    const floorMs = summarise(measured.floor).median;
    return [
      {
        name: 'coverage_vs_floor',
        what: `coverage of ${CLUSTERS} clusters, ${DELAY_MS} ms per request, in-process / ${chain} sequential round trips`,
        unit: 'x',
        value: vsFloor.median,
        target: 1.1,
        spread: spreadOf(vsFloor),
        reference: `floor ${floorMs.toFixed(0)} ms, in-process ${summarise(measured.inProcess).median.toFixed(0)} ms`,
      },
      {
        name: 'coverage_cli_vs_floor',
        what: 'the same with `ecs-guard coverage` (a cold process) / the floor',
        unit: 'x',
        value: cliVsFloor.median,
        target: 1.3,
        spread: spreadOf(cliVsFloor),
        reference: `CLI ${summarise(measured.cli).median.toFixed(0)} ms`,
      },
    ];
  } finally {
    await fake.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
