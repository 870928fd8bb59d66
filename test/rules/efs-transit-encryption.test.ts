import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, fixTitlesAt, unattendedFixCount } from '../support/codeActions';

const RULE = 'efs-transit-encryption';
const ADVICE = 'Set "transitEncryption": "ENABLED" so NFS traffic between the task and the file system is encrypted with TLS.';

describe(RULE, () => {
  it('flags "transitEncryption": "DISABLED" on the value', () => {
    const [finding] = expectFindings(
      RULE,
      `{
  "family": "web",
  "containerDefinitions": [ { "name": "app", "image": "x" } ],
  "volumes": [
    {
      "name": "data",
      "efsVolumeConfiguration": { "fileSystemId": "fs-1234", "transitEncryption": «"DISABLED"» }
    }
  ]
}`,
      [
        {
          message: `EFS volume "data" mounts without encryption in transit (Security Hub ECS.18). ${ADVICE}`,
          path: ['volumes', 0, 'efsVolumeConfiguration', 'transitEncryption'],
        },
      ],
    );
    assert.deepEqual(finding.fix, { set: { key: 'transitEncryption', value: 'ENABLED' } });
  });

  it('flags a configuration without transitEncryption on its key, and a null on the null', () => {
    expectFindings(
      RULE,
      `{
  "taskDefinition": {
    "containerDefinitions": [ { "name": "app", "image": "x" } ],
    "volumes": [
      { "name": "scratch", "host": {} },
      {
        "name": "data",
        «"efsVolumeConfiguration"»: {
          "fileSystemId": "fs-1234",
          "rootDirectory": "/"
        }
      },
      { "efsVolumeConfiguration": { "fileSystemId": "fs-5678", "transitEncryption": «null» } }
    ]
  }
}`,
      [
        {
          message: `EFS volume "data" does not set "transitEncryption", which defaults to DISABLED (Security Hub ECS.18). ${ADVICE}`,
          path: ['taskDefinition', 'volumes', 1, 'efsVolumeConfiguration'],
        },
        {
          message: `EFS volume #3 leaves "transitEncryption" unset, which means DISABLED (Security Hub ECS.18). ${ADVICE}`,
          path: ['taskDefinition', 'volumes', 2, 'efsVolumeConfiguration', 'transitEncryption'],
        },
      ],
    );
  });

  it('checks every EFS volume, not only the first', () => {
    expectFindings(
      RULE,
      `{ "containerDefinitions": [ { "name": "app", "image": "x" } ], "volumes": [
      { "name": "a", "efsVolumeConfiguration": { "fileSystemId": "fs-1", "transitEncryption": "ENABLED" } },
      { "name": "b", "efsVolumeConfiguration": { "fileSystemId": "fs-2", "transitEncryption": «"DISABLED"» } }
    ] }`,
      [/^EFS volume "b" mounts without encryption in transit/],
    );
  });

  it('accepts ENABLED, volumes without EFS, placeholders and other types', () => {
    expectNoFindings(
      RULE,
      `{ "containerDefinitions": [ { "name": "app", "image": "x" } ], "volumes": [
      { "name": "a", "efsVolumeConfiguration": { "fileSystemId": "fs-1", "transitEncryption": "ENABLED", "authorizationConfig": { "iam": "ENABLED" } } },
      { "name": "b", "efsVolumeConfiguration": { "fileSystemId": "fs-2", "transitEncryption": "\${TRANSIT}" } },
      { "name": "c", "efsVolumeConfiguration": { "fileSystemId": "fs-3", "transitEncryption": "{{TRANSIT}}" } },
      { "name": "d", "efsVolumeConfiguration": { "fileSystemId": "fs-4", "transitEncryption": true } },
      { "name": "e", "efsVolumeConfiguration": null },
      { "name": "f", "efsVolumeConfiguration": "<EFS>" },
      { "name": "g", "host": { "sourcePath": "/data" } }
    ] }`,
    );
    expectNoFindings(RULE, `{ "containerDefinitions": [ { "name": "app", "image": "x" } ] }`);
  });

  it('is silent on a bare container array, which has no volumes', () => {
    expectNoFindings(RULE, `[ { "name": "app", "image": "x", "mountPoints": [ { "sourceVolume": "data", "containerPath": "/data" } ] } ]`);
  });
});

describe(`${RULE} fixes`, () => {
  const doc = `{
  "family": "files",
  "containerDefinitions": [{ "name": "app", "image": "app:1" }],
  "volumes": [
    {
      "name": "data",
      |"efsVolumeConfiguration": {
        "fileSystemId": "fs-12345678"
      }
    },
    { "name": "logs", "efsVolumeConfiguration": { "fileSystemId": "fs-87654321", "transitEncryption": "DISABLED" } }
  ]
}`;

  it('adds transitEncryption to a configuration without it', () => {
    expectFix(
      RULE,
      doc.replace('"DISABLED"', '"ENABLED"'),
      'Set "transitEncryption": "ENABLED"',
      `{
  "family": "files",
  "containerDefinitions": [{ "name": "app", "image": "app:1" }],
  "volumes": [
    {
      "name": "data",
      "efsVolumeConfiguration": {
        "fileSystemId": "fs-12345678",
        "transitEncryption": "ENABLED"
      }
    },
    { "name": "logs", "efsVolumeConfiguration": { "fileSystemId": "fs-87654321", "transitEncryption": "ENABLED" } }
  ]
}`,
    );
  });

  it('replaces DISABLED, and fix all does both volumes', () => {
    const onDisabled = doc.replace('|', '').replace('"DISABLED"', '|"DISABLED"');
    assert.deepEqual(fixTitlesAt(RULE, onDisabled), ['Set "transitEncryption": "ENABLED"']);
    expectFix(
      RULE,
      onDisabled,
      'Fix all efs-transit-encryption problems in this file',
      `{
  "family": "files",
  "containerDefinitions": [{ "name": "app", "image": "app:1" }],
  "volumes": [
    {
      "name": "data",
      "efsVolumeConfiguration": {
        "fileSystemId": "fs-12345678",
        "transitEncryption": "ENABLED"
      }
    },
    { "name": "logs", "efsVolumeConfiguration": { "fileSystemId": "fs-87654321", "transitEncryption": "ENABLED" } }
  ]
}`,
    );
    assert.equal(unattendedFixCount(RULE, doc), 2);
  });
});
