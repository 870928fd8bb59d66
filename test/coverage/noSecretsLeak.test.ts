import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { CliIO, main } from '../../cli/src/main';
import { listCoverageCommandForNode } from '../../client/src/coverage';
import { FakeGuardDuty, startFakeGuardDuty } from '../../client/src/coverage/testing/fakeGuardDuty/fakeGuardDutyServer';
import { Fault, FAULT_KINDS, FaultKind } from '../../client/src/coverage/testing/fakeGuardDuty/faults';
import { buildCoverageTree } from '../../client/src/coverageView/model/coverageTreeModel';
import { CoverageTreeNode } from '../../client/src/coverageView/model/treeNode';
import { statusBarSummary, viewDescription } from '../../client/src/coverageView/model/viewSummary';
import { coverageLoader } from '../../client/src/coverageView/refresh/coverageLoader';
import { CoverageRefreshController } from '../../client/src/coverageView/refresh/refreshController';
import { treeInput } from '../coverageView/support/treeInput';
import { manyClusters } from './support/fakeData';
import { useIsolatedAwsEnvironment } from './support/isolatedAwsEnvironment';
import { startNotHttpServer } from './support/notHttpServer';

// Known fake secrets, deliberately short and plain: no pattern recognises them, only their values can.
const ACCESS_KEY_ID = 'ASIAFAKE4LEAK';
const SECRET_ACCESS_KEY = 'fake/Secret+Key';
const SESSION_TOKEN = 'FakeSessTok42';
const SECRETS = [ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN, encodeURIComponent(SECRET_ACCESS_KEY)];
/** A signature or credential scope that made it through: redacted ones read `Signature=[redacted]`. */
const SIGNED_PARTS = /Signature=[0-9a-f]|Credential=\w|SignedHeaders=\w/;

const REGIONS = ['us-east-1', 'eu-west-1'];

/** Every fault the fake has, each on us-east-1 (the pagination faults need more than one page there). */
const FAULTS: readonly Fault[] = FAULT_KINDS.map((kind: FaultKind) => ({ kind, region: 'us-east-1', ...(kind === 'slow' ? { delayMs: 5_000 } : {}) }));

/** Whatever reaches stdout, stderr or the console while `run` runs, besides what it returns. */
async function capturingProcessOutput<T>(run: () => Promise<T>): Promise<{ result: T; output: string }> {
  const chunks: string[] = [];
  const originals = { out: process.stdout.write, err: process.stderr.write, log: console.log, warn: console.warn, error: console.error };
  const capture = (chunk: unknown) => (chunks.push(String(chunk)), true);
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  console.log = console.warn = console.error = (...args: unknown[]) => void chunks.push(args.map(String).join(' '));
  try {
    return { result: await run(), output: chunks.join('') };
  } finally {
    Object.assign(process.stdout, { write: originals.out });
    Object.assign(process.stderr, { write: originals.err });
    Object.assign(console, { log: originals.log, warn: originals.warn, error: originals.error });
  }
}

/** Every text a tree node carries: label, description, tooltip, copied command, and its children's. */
function treeText(nodes: readonly CoverageTreeNode[]): string {
  return nodes.map((node) => [node.label, node.description, node.tooltipMarkdown, node.awsCliCommand, treeText(node.children)].join('\n')).join('\n');
}

// One test drives every failure path of the CLI and of the view's model with known fake credentials and
// searches everything they produced: output, errors, tree, tooltips, status bar, copied commands, console.
describe('no credential, session token or signature in any output', () => {
  const environment = useIsolatedAwsEnvironment();
  let fake: FakeGuardDuty;

  beforeEach(async () => {
    fake = await startFakeGuardDuty({ regions: { 'us-east-1': manyClusters(120), 'eu-west-1': manyClusters(3, 'd-eu') } });
    fs.writeFileSync(environment.credentialsFile, `[leaky]\naws_access_key_id = ${ACCESS_KEY_ID}\naws_secret_access_key = ${SECRET_ACCESS_KEY}\naws_session_token = ${SESSION_TOKEN}\n`);
  });
  afterEach(() => fake.close());

  it('every fault of the fake, an endpoint that is not HTTP and one that is closed, through the CLI and the view', async function () {
    this.timeout(120_000);
    const notHttp = await startNotHttpServer();
    const closed = await startFakeGuardDuty();
    await closed.close();
    const endpoints = [{ fault: undefined, endpoint: notHttp.url }, { fault: undefined, endpoint: closed.url }, ...FAULTS.map((fault) => ({ fault, endpoint: fake.url }))];
    const seen: string[] = [];
    try {
      for (const { fault, endpoint } of endpoints) {
        fake.clearFaults();
        if (fault) fake.addFault(fault);
        const what = fault?.kind ?? endpoint;
        const { output, result } = await capturingProcessOutput(async () => {
          const texts: string[] = [];
          for (const format of ['json', 'table']) {
            const io: CliIO = { cwd: process.cwd(), isTTY: false, stdout: (text) => texts.push(text), stderr: (text) => texts.push(text) };
            const args = ['coverage', '--region', REGIONS.join(','), '--profile', 'leaky', '--endpoint-url', endpoint, '--timeout', '1', '--format', format];
            texts.push(`exit ${await main(args, io)}`);
          }
          const controller = new CoverageRefreshController({
            load: coverageLoader(() => ({ regions: REGIONS, profile: 'leaky', endpoint, useConfiguredEndpointUrls: false, timeoutMs: 1_000 })),
            canLoad: () => true,
            onDidChange: () => undefined,
            onNewlyUnhealthy: (transitions) => texts.push(JSON.stringify(transitions)),
          });
          await controller.refresh();
          const snapshot = controller.state.snapshot;
          const roots = buildCoverageTree(treeInput({ regions: REGIONS, snapshot, connection: { profile: 'leaky', endpoint } }));
          const status = statusBarSummary(snapshot, false);
          texts.push(treeText(roots), status.text, status.tooltip, viewDescription(controller.state, (date) => date.toISOString()) ?? '', JSON.stringify(snapshot));
          texts.push(...(snapshot ?? []).map((region) => listCoverageCommandForNode(region, undefined, { profile: 'leaky', endpoint }) ?? ''));
          controller.dispose();
          return texts.join('\n');
        });
        const everything = `${result}\n${output}`;
        seen.push(`${what}: ${/"kind": ?"([a-z-]+)"/.exec(everything)?.[1] ?? 'no error'}`);
        for (const secret of SECRETS) assert.ok(!everything.includes(secret), `${what} leaked "${secret}":\n${everything}`);
        assert.doesNotMatch(everything, SIGNED_PARTS, `${what} leaked signed headers`);
      }
    } finally {
      await notHttp.close();
    }
    // Every path really failed (a slow answer meets the 1 s time-out): the search ran over error paths.
    assert.deepEqual(
      seen.filter((line) => line.endsWith('no error')),
      [],
      seen.join('\n'),
    );
    assert.equal(seen.length, FAULT_KINDS.length + 2);
  });
});
