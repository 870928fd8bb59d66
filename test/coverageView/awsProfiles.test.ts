import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { awsProfileFiles, mergeProfiles, profileNamesInConfig, profileNamesInCredentials, readAwsProfiles } from '../../client/src/coverageView/profiles/awsProfiles';

const CONFIG = `\uFEFF# shared config
[default]
region = us-east-1

[profile audit]
sso_session = corp
sso_account_id = 111122223333

[profile prod-admin]   ; trailing comment
role_arn = arn:aws:iam::444455556666:role/admin
source_profile = default

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start

[services local]
guardduty =
  endpoint_url = http://127.0.0.1:4566

[not-a-profile-in-config]

[profile "quoted-name"]

# The SDK reads neither of these as a profile, so neither is offered.
[ profile spaced ]
[profile two words]
`;

const CREDENTIALS = `[default]
aws_access_key_id = AKIAABCDEFGHIJKLMNOP
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
[ci] # build agents
aws_access_key_id=AKIAQRSTUVWXYZABCDEF
aws_secret_access_key=notreallyasecret
`;

describe('AWS profiles for the picker', () => {
  it('reads profile names from config section headers, and nothing else', () => {
    assert.deepEqual(profileNamesInConfig(CONFIG), ['default', 'audit', 'prod-admin', 'quoted-name']);
  });

  it('reads every credentials section as a profile', () => {
    assert.deepEqual(profileNamesInCredentials(CREDENTIALS), ['default', 'ci']);
  });

  it('merges both files, default first, and never carries a key or value', () => {
    const profiles = mergeProfiles(CONFIG, CREDENTIALS);
    assert.deepEqual(profiles, [
      { name: 'default', definedIn: ['config', 'credentials'] },
      { name: 'audit', definedIn: ['config'] },
      { name: 'ci', definedIn: ['credentials'] },
      { name: 'prod-admin', definedIn: ['config'] },
      { name: 'quoted-name', definedIn: ['config'] },
    ]);
    const text = JSON.stringify(profiles);
    for (const secret of ['AKIA', 'wJalr', 'notreallyasecret', 'sso_start_url', 'role_arn']) assert.ok(!text.includes(secret), secret);
  });

  it('copes with missing files and Windows line ends', () => {
    assert.deepEqual(mergeProfiles(undefined, undefined), []);
    assert.deepEqual(profileNamesInConfig('[profile a]\r\nregion=x\r\n[profile b]\r\n'), ['a', 'b']);
  });

  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, with ~/ as the SDK allows', () => {
    assert.deepEqual(awsProfileFiles({ HOME: '/home/u' }), { configFile: path.join('/home/u', '.aws', 'config'), credentialsFile: path.join('/home/u', '.aws', 'credentials') });
    assert.deepEqual(awsProfileFiles({ HOME: '/home/u', AWS_CONFIG_FILE: '/etc/aws/config', AWS_SHARED_CREDENTIALS_FILE: '~/creds' }), {
      configFile: '/etc/aws/config',
      credentialsFile: path.join('/home/u', 'creds'),
    });
  });

  it('reads the files from disk', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-profiles-'));
    try {
      fs.writeFileSync(path.join(folder, 'config'), CONFIG);
      const profiles = await readAwsProfiles({ configFile: path.join(folder, 'config'), credentialsFile: path.join(folder, 'missing') });
      assert.deepEqual(
        profiles.map((profile) => profile.name),
        ['default', 'audit', 'prod-admin', 'quoted-name'],
      );
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
