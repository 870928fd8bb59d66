import * as assert from 'node:assert/strict';
import { DEFAULT_REFRESH_INTERVAL_MINUTES, normalizeCoverageSettings, RawCoverageSettings } from '../../client/src/coverageView/settings/coverageSettings';
import { GUARDDUTY_REGIONS, regionChoices } from '../../client/src/coverageView/settings/guardDutyRegions';

const raw = (change: Partial<RawCoverageSettings> = {}): RawCoverageSettings => ({
  regions: [],
  profile: '',
  refreshIntervalMinutes: undefined,
  endpointUrl: undefined,
  useConfiguredEndpointUrls: undefined,
  ...change,
});

describe('coverage settings', () => {
  it('keeps valid regions once each, in order, and reports the rest', () => {
    const settings = normalizeCoverageSettings(raw({ regions: ['us-east-1', ' EU-WEST-1 ', 'us-east-1', 'mars-north', 7] }));
    assert.deepEqual(settings.regions, ['us-east-1', 'eu-west-1']);
    assert.deepEqual(settings.problems, ['"mars-north" is not a region name like us-east-1', '"7" is not a region name like us-east-1']);
    assert.deepEqual(normalizeCoverageSettings(raw({ regions: 'us-east-1' })).regions, []);
  });

  it('treats an empty profile as the default credential chain', () => {
    assert.equal(normalizeCoverageSettings(raw({ profile: '  ' })).profile, undefined);
    assert.equal(normalizeCoverageSettings(raw({ profile: ' audit ' })).profile, 'audit');
  });

  it('bounds the refresh interval; 0 turns it off', () => {
    const interval = (value: unknown) => normalizeCoverageSettings(raw({ refreshIntervalMinutes: value })).refreshIntervalMinutes;
    assert.equal(interval(undefined), DEFAULT_REFRESH_INTERVAL_MINUTES);
    assert.equal(interval(0), 0);
    assert.equal(interval(0.1), 1);
    assert.equal(interval(30), 30);
    assert.equal(interval(1e9), 1440);
    assert.equal(interval(-5), DEFAULT_REFRESH_INTERVAL_MINUTES);
    assert.equal(interval('5'), DEFAULT_REFRESH_INTERVAL_MINUTES);
  });

  it('accepts an http(s) endpoint only, and turns configured endpoint URLs on only when exactly true', () => {
    assert.equal(normalizeCoverageSettings(raw({ endpointUrl: 'http://127.0.0.1:4566' })).endpoint, 'http://127.0.0.1:4566');
    const bad = normalizeCoverageSettings(raw({ endpointUrl: 'file:///etc/passwd' }));
    assert.equal(bad.endpoint, undefined);
    assert.deepEqual(bad.problems, ['endpointUrl must be an http(s) URL; AWS endpoints are used']);
    assert.equal(normalizeCoverageSettings(raw({ useConfiguredEndpointUrls: 'true' })).useConfiguredEndpointUrls, false);
    assert.equal(normalizeCoverageSettings(raw({ useConfiguredEndpointUrls: true })).useConfiguredEndpointUrls, true);
  });

  it('offers the GuardDuty regions with the chosen ones ticked, keeping a chosen region it does not list', () => {
    const choices = regionChoices(['eu-west-1', 'xx-test-1']);
    assert.equal(choices.length, GUARDDUTY_REGIONS.length + 1);
    assert.deepEqual(
      choices.filter((choice) => choice.picked).map((choice) => choice.region),
      ['eu-west-1', 'xx-test-1'],
    );
    assert.equal(new Set(GUARDDUTY_REGIONS.map((entry) => entry.region)).size, GUARDDUTY_REGIONS.length);
    assert.ok(
      GUARDDUTY_REGIONS.every((entry) => normalizeCoverageSettings(raw({ regions: [entry.region] })).regions.length === 1),
      'every listed region is accepted by the setting',
    );
  });
});
