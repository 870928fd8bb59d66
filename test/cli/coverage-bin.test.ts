import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { demoSeed } from '../../client/src/coverage/testing/fakeGuardDuty/demoSeed';
import { FakeGuardDuty, startFakeGuardDuty } from '../../client/src/coverage/testing/fakeGuardDuty/fakeGuardDutyServer';
import { useIsolatedAwsEnvironment } from '../coverage/support/isolatedAwsEnvironment';

const bin = path.resolve(__dirname, '../../bin/ecs-guard.js');

describe('ecs-guard coverage as the packaged bin', () => {
  useIsolatedAwsEnvironment();
  let fake: FakeGuardDuty;
  beforeEach(async function () {
    if (!fs.existsSync(path.resolve(__dirname, '../../dist/cli/ecs-guard.js'))) this.skip(); // npm test builds first
    fake = await startFakeGuardDuty({ regions: demoSeed() });
  });
  afterEach(() => fake?.close());

  it("prints the coverage without the AWS SDK's Node-version warning", async () => {
    const env = { ...process.env };
    delete env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED; // the bin must set it itself
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, 'coverage', '--region', 'eu-west-1', '--endpoint-url', fake.url], { env, encoding: 'utf8' });
    assert.match(stdout, /^eu-west-1 {2}detector /m);
    assert.doesNotMatch(stderr, /NodeVersionSupportWarning|AWS SDK for JavaScript/);
    assert.equal(stderr, '');
  });
});
