import * as assert from 'node:assert/strict';
import { lintText } from '../support/lint';

/**
 * A value that ECS rejects (or does not support) somewhere and that a Security Hub control also fails gets one
 * finding, from one rule, saying both; what ECS rejects is the unsupported-parameter table's answer. Each case is
 * one value on every launch type and operating system, with exactly the findings on that value.
 */
const PLATFORMS = {
  'Fargate, Linux': { requiresCompatibilities: ['FARGATE'] },
  'Fargate, Windows': { requiresCompatibilities: ['FARGATE'], runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } },
  'EC2, Linux': { requiresCompatibilities: ['EC2'] },
  'EC2, Windows': { requiresCompatibilities: ['EC2'], runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } },
  'EXTERNAL, Linux': { requiresCompatibilities: ['EXTERNAL'] },
  'EXTERNAL, Windows': { requiresCompatibilities: ['EXTERNAL'], runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } },
} as const;
type Platform = keyof typeof PLATFORMS;

/** The findings on the node at `path`, as `rule severity`, when the task is on `platform` with `task` and `container` set. */
function findingsOn(platform: Platform, path: (string | number)[], task: Record<string, unknown>, container: Record<string, unknown> = {}, turnedOff?: string): string[] {
  const document = {
    family: 'web',
    networkMode: 'awsvpc',
    cpu: '1024',
    memory: '2048',
    ...PLATFORMS[platform],
    ...task,
    containerDefinitions: [{ name: 'web', image: 'public.ecr.aws/nginx/nginx:1.27', ...container }],
  };
  return lintText(JSON.stringify(document, null, 2), turnedOff ? { rules: { [turnedOff]: 'off' } } : {})
    .filter((finding) => JSON.stringify(finding.path) === JSON.stringify(path))
    .map((finding) => `${finding.ruleId} ${finding.severity}`);
}

function expectOnEveryPlatform(path: (string | number)[], task: Record<string, unknown>, container: Record<string, unknown>, expected: Record<Platform, string[]>, turnedOff?: string): void {
  for (const platform of Object.keys(PLATFORMS) as Platform[]) {
    assert.deepEqual(findingsOn(platform, path, task, container, turnedOff), expected[platform], platform);
  }
}

describe('one finding per problem: rules that would report the same value for the same reason', () => {
  it('"pidMode": "host": pid-mode-host only, an error where Fargate rejects it (ECS.3 either way)', () => {
    expectOnEveryPlatform(
      ['pidMode'],
      { pidMode: 'host' },
      {},
      {
        'Fargate, Linux': ['pid-mode-host error'],
        'Fargate, Windows': ['pid-mode-host error'],
        'EC2, Linux': ['pid-mode-host warning'],
        'EC2, Windows': ['pid-mode-host warning'],
        'EXTERNAL, Linux': ['pid-mode-host warning'],
        'EXTERNAL, Windows': ['pid-mode-host warning'],
      },
    );
  });

  it('"networkMode": "host": host-network-mode only, an error where Fargate rejects it (ECS.17 either way)', () => {
    expectOnEveryPlatform(
      ['networkMode'],
      { networkMode: 'host' },
      {},
      {
        'Fargate, Linux': ['host-network-mode error'],
        'Fargate, Windows': ['host-network-mode error'],
        'EC2, Linux': ['host-network-mode warning'],
        'EC2, Windows': ['host-network-mode warning'],
        'EXTERNAL, Linux': ['host-network-mode warning'],
        'EXTERNAL, Windows': ['host-network-mode warning'],
      },
    );
  });

  it('"networkMode": "bridge": fargate-network-mode on Fargate, windows-unsupported-parameter on Windows elsewhere, never both', () => {
    expectOnEveryPlatform(
      ['networkMode'],
      { networkMode: 'bridge' },
      {},
      {
        'Fargate, Linux': ['fargate-network-mode error'],
        'Fargate, Windows': ['fargate-network-mode error'],
        'EC2, Linux': [],
        'EC2, Windows': ['windows-unsupported-parameter warning'],
        'EXTERNAL, Linux': [],
        'EXTERNAL, Windows': ['windows-unsupported-parameter warning'],
      },
    );
  });

  it('"pidMode": "task" and systemControls: Fargate takes them for Linux only, so an error on Windows Fargate and a Windows warning elsewhere', () => {
    const onWindows = {
      'Fargate, Linux': [],
      'Fargate, Windows': ['fargate-unsupported-parameter error'],
      'EC2, Linux': [],
      'EC2, Windows': ['windows-unsupported-parameter warning'],
      'EXTERNAL, Linux': [],
      'EXTERNAL, Windows': ['windows-unsupported-parameter warning'],
    };
    expectOnEveryPlatform(['pidMode'], { pidMode: 'task' }, {}, onWindows);
    expectOnEveryPlatform(['containerDefinitions', 0, 'systemControls'], {}, { systemControls: [{ namespace: 'net.ipv4.tcp_keepalive_time', value: '500' }] }, onWindows);
  });

  it('"privileged": true: privileged-container only, an error where Fargate rejects it (ECS.4 either way)', () => {
    expectOnEveryPlatform(
      ['containerDefinitions', 0, 'privileged'],
      {},
      { privileged: true },
      {
        'Fargate, Linux': ['privileged-container error'],
        'Fargate, Windows': ['privileged-container error'],
        'EC2, Linux': ['privileged-container warning'],
        'EC2, Windows': ['privileged-container warning'],
        'EXTERNAL, Linux': ['privileged-container warning'],
        'EXTERNAL, Windows': ['privileged-container warning'],
      },
    );
  });

  it('a hostPort other than its containerPort under awsvpc: host-port-mismatch on every launch type and OS', () => {
    const everywhere = Object.fromEntries(Object.keys(PLATFORMS).map((platform) => [platform, ['host-port-mismatch error']])) as Record<Platform, string[]>;
    expectOnEveryPlatform(['containerDefinitions', 0, 'portMappings', 0, 'hostPort'], {}, { portMappings: [{ containerPort: 8080, hostPort: 80 }] }, everywhere);
  });

  it('a hostPort other than its containerPort under host: host-port-mismatch; under bridge: nothing (on Fargate the mode is reported, and the port follows awsvpc)', () => {
    const path = ['containerDefinitions', 0, 'portMappings', 0, 'hostPort'];
    const container = { portMappings: [{ containerPort: 8080, hostPort: 80 }] };
    assert.deepEqual(findingsOn('EC2, Linux', path, { networkMode: 'host' }, container), ['host-port-mismatch error']);
    assert.deepEqual(findingsOn('EXTERNAL, Linux', path, { networkMode: 'host' }, container), ['host-port-mismatch error']);
    assert.deepEqual(findingsOn('EC2, Linux', path, { networkMode: 'bridge' }, container), []);
    assert.deepEqual(findingsOn('EC2, Linux', path, { networkMode: undefined }, container), []);
    assert.deepEqual(findingsOn('EC2, Windows', path, { networkMode: undefined }, container), []);
    assert.deepEqual(findingsOn('Fargate, Linux', path, { networkMode: 'bridge' }, container), ['host-port-mismatch error']);
  });

  it('a root user in host network mode: the user rule of the platform (ECS.20/21), not the retired ECS.1 as well', () => {
    const user = ['containerDefinitions', 0, 'user'];
    const byOs = (linux: string[], windows: string[]) =>
      Object.fromEntries(Object.keys(PLATFORMS).map((platform) => [platform, platform.endsWith('Windows') ? windows : linux])) as Record<Platform, string[]>;
    // "root" is no Windows account, so windows-non-admin-user leaves it to ECS.1's rule.
    expectOnEveryPlatform(user, { networkMode: 'host' }, { user: 'root' }, byOs(['linux-non-root-user warning'], ['host-network-root-user warning']));
    expectOnEveryPlatform(user, { networkMode: 'host' }, { user: '' }, byOs(['linux-non-root-user warning'], ['windows-non-admin-user warning']));
    // With the current control's rule off, the retired control's rule reports it.
    expectOnEveryPlatform(user, { networkMode: 'host' }, { user: 'root' }, byOs(['host-network-root-user warning'], ['host-network-root-user warning']), 'linux-non-root-user');
    expectOnEveryPlatform(user, { networkMode: 'host' }, { user: '' }, byOs(['linux-non-root-user warning'], ['host-network-root-user warning']), 'windows-non-admin-user');
  });

  describe('with the Security Hub rule turned off, what ECS rejects or does not support is still reported', () => {
    it('"pidMode": "host" without pid-mode-host: fargate-unsupported-parameter on Fargate, windows-unsupported-parameter on Windows elsewhere', () => {
      expectOnEveryPlatform(
        ['pidMode'],
        { pidMode: 'host' },
        {},
        {
          'Fargate, Linux': ['fargate-unsupported-parameter error'],
          'Fargate, Windows': ['fargate-unsupported-parameter error'],
          'EC2, Linux': [],
          'EC2, Windows': ['windows-unsupported-parameter warning'],
          'EXTERNAL, Linux': [],
          'EXTERNAL, Windows': ['windows-unsupported-parameter warning'],
        },
        'pid-mode-host',
      );
    });

    it('"networkMode": "host" without host-network-mode: fargate-network-mode on Fargate, windows-unsupported-parameter on Windows elsewhere', () => {
      expectOnEveryPlatform(
        ['networkMode'],
        { networkMode: 'host' },
        {},
        {
          'Fargate, Linux': ['fargate-network-mode error'],
          'Fargate, Windows': ['fargate-network-mode error'],
          'EC2, Linux': [],
          'EC2, Windows': ['windows-unsupported-parameter warning'],
          'EXTERNAL, Linux': [],
          'EXTERNAL, Windows': ['windows-unsupported-parameter warning'],
        },
        'host-network-mode',
      );
    });

    it('"privileged": true without privileged-container: fargate-unsupported-parameter on Fargate, windows-unsupported-parameter on Windows elsewhere', () => {
      expectOnEveryPlatform(
        ['containerDefinitions', 0, 'privileged'],
        {},
        { privileged: true },
        {
          'Fargate, Linux': ['fargate-unsupported-parameter error'],
          'Fargate, Windows': ['fargate-unsupported-parameter error'],
          'EC2, Linux': [],
          'EC2, Windows': ['windows-unsupported-parameter warning'],
          'EXTERNAL, Linux': [],
          'EXTERNAL, Windows': ['windows-unsupported-parameter warning'],
        },
        'privileged-container',
      );
    });
  });
});
