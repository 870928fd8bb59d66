import * as assert from 'node:assert/strict';
import { coverageLoader } from '../../client/src/coverageView/refresh/coverageLoader';

describe('coverage loader', () => {
  it('passes the current settings and the signal to the core on every load', async () => {
    const calls: unknown[] = [];
    let profile = 'audit';
    const load = coverageLoader(
      () => ({ regions: ['us-east-1'], profile, endpoint: 'http://127.0.0.1:1', useConfiguredEndpointUrls: false }),
      async (regions, options) => (calls.push({ regions, profile: options.profile, endpoint: options.endpoint, signal: options.signal instanceof AbortSignal }), []),
    );
    await load(new AbortController().signal);
    profile = 'prod';
    await load(new AbortController().signal);
    assert.deepEqual(calls, [
      { regions: ['us-east-1'], profile: 'audit', endpoint: 'http://127.0.0.1:1', signal: true },
      { regions: ['us-east-1'], profile: 'prod', endpoint: 'http://127.0.0.1:1', signal: true },
    ]);
  });

  it("turns anything thrown into each region's explained error, with secrets cut out", async () => {
    const leaky = new Error('boom with AKIAABCDEFGHIJKLMNOP and aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    const load = coverageLoader(
      () => ({ regions: ['us-east-1', 'eu-west-1'], useConfiguredEndpointUrls: false }),
      async () => {
        throw leaky;
      },
    );
    const regions = await load(new AbortController().signal);
    assert.deepEqual(
      regions.map((region) => [region.region, region.error?.kind]),
      [
        ['us-east-1', 'unexpected'],
        ['eu-west-1', 'unexpected'],
      ],
    );
    const text = JSON.stringify(regions);
    assert.ok(!text.includes('AKIAABCDEFGHIJKLMNOP') && !text.includes('wJalrXUtnFEMI'), text);
  });
});
