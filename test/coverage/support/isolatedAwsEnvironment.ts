import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

export interface IsolatedAwsEnvironment {
  /** A temporary home with empty ~/.aws files; tests write profiles into it. */
  readonly home: string;
  readonly configFile: string;
  readonly credentialsFile: string;
}

const CLEARED = [
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_SESSION_TOKEN',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_GUARDDUTY',
  'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
  'AWS_USE_FIPS_ENDPOINT',
  'AWS_USE_DUALSTACK_ENDPOINT',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_ARN',
  'AWS_MAX_ATTEMPTS',
  'AWS_RETRY_MODE',
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'https_proxy',
  'http_proxy',
];

/**
 * Registers mocha hooks that give the suite fake credentials in the environment and an empty temporary
 * home: no real profile, SSO cache or instance metadata can be reached, whatever the machine has.
 */
export function useIsolatedAwsEnvironment(): IsolatedAwsEnvironment {
  const saved = new Map<string, string | undefined>();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-aws-'));
  const environment = { home, configFile: path.join(home, '.aws', 'config'), credentialsFile: path.join(home, '.aws', 'credentials') };
  const set = (name: string, value: string | undefined) => {
    if (!saved.has(name)) saved.set(name, process.env[name]);
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };

  before(() => {
    fs.mkdirSync(path.dirname(environment.configFile), { recursive: true });
    CLEARED.forEach((name) => set(name, undefined));
    set('HOME', home);
    set('USERPROFILE', home);
    set('AWS_ACCESS_KEY_ID', TEST_CREDENTIALS.accessKeyId);
    set('AWS_SECRET_ACCESS_KEY', TEST_CREDENTIALS.secretAccessKey);
    set('AWS_EC2_METADATA_DISABLED', 'true');
    set('AWS_CONFIG_FILE', environment.configFile);
    set('AWS_SHARED_CREDENTIALS_FILE', environment.credentialsFile);
    set('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
  });
  beforeEach(() => {
    fs.writeFileSync(environment.configFile, '');
    fs.writeFileSync(environment.credentialsFile, '');
  });
  after(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    saved.clear();
    fs.rmSync(home, { recursive: true, force: true });
  });
  return environment;
}
