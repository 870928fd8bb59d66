import * as assert from 'node:assert/strict';
import { FIELD_DOCS, fieldDocAt, fieldDocsUrl, fieldsOf, TASK_DEFINITION_PARAMETERS_URL } from '../../server/src/editor/fieldDocs';

const C = 'containerDefinitions.*';
const EXPECTED_FIELDS = [
  ...[
    'family',
    'taskRoleArn',
    'executionRoleArn',
    'networkMode',
    'containerDefinitions',
    'volumes',
    'placementConstraints',
    'requiresCompatibilities',
    'cpu',
    'memory',
    'pidMode',
    'ipcMode',
    'proxyConfiguration',
    'inferenceAccelerators',
    'ephemeralStorage',
    'runtimePlatform',
    'tags',
    'enableFaultInjection',
  ],
  ...[
    'name',
    'image',
    'repositoryCredentials',
    'cpu',
    'memory',
    'memoryReservation',
    'links',
    'portMappings',
    'essential',
    'restartPolicy',
    'entryPoint',
    'command',
    'environment',
    'environmentFiles',
    'mountPoints',
    'volumesFrom',
    'linuxParameters',
    'secrets',
    'dependsOn',
    'startTimeout',
    'stopTimeout',
    'versionConsistency',
    'hostname',
    'user',
    'workingDirectory',
    'disableNetworking',
    'privileged',
    'readonlyRootFilesystem',
    'dnsServers',
    'dnsSearchDomains',
    'extraHosts',
    'dockerSecurityOptions',
    'interactive',
    'pseudoTerminal',
    'dockerLabels',
    'ulimits',
    'logConfiguration',
    'healthCheck',
    'systemControls',
    'resourceRequirements',
    'firelensConfiguration',
    'credentialSpecs',
  ].map((key) => `${C}.${key}`),
  'runtimePlatform.operatingSystemFamily',
  'runtimePlatform.cpuArchitecture',
  ...['logDriver', 'options', 'secretOptions'].map((key) => `${C}.logConfiguration.${key}`),
  ...['capabilities', 'devices', 'initProcessEnabled', 'sharedMemorySize', 'tmpfs', 'maxSwap', 'swappiness'].map((key) => `${C}.linuxParameters.${key}`),
  ...['containerPort', 'hostPort', 'protocol', 'name', 'appProtocol'].map((key) => `${C}.portMappings.*.${key}`),
  `${C}.environment.*.name`,
  `${C}.environment.*.value`,
  `${C}.secrets.*.name`,
  `${C}.secrets.*.valueFrom`,
  'volumes.*.name',
  'volumes.*.efsVolumeConfiguration',
  ...['fileSystemId', 'rootDirectory', 'transitEncryption', 'transitEncryptionPort', 'authorizationConfig'].map((key) => `volumes.*.efsVolumeConfiguration.${key}`),
  ...['command', 'interval', 'timeout', 'retries', 'startPeriod'].map((key) => `${C}.healthCheck.${key}`),
];

describe('field documentation table', () => {
  it('documents every field ECS Guard knows', () => {
    const missing = EXPECTED_FIELDS.filter((spec) => !fieldDocAt(spec.split('.').map((segment) => (segment === '*' ? 0 : segment))));
    assert.deepEqual(missing, []);
  });

  it('has one entry per path, each with a summary and a link to the AWS parameters page', () => {
    const paths = FIELD_DOCS.map((doc) => doc.path.join('.'));
    assert.equal(new Set(paths).size, paths.length, 'duplicate paths');
    for (const doc of FIELD_DOCS) {
      assert.ok(doc.summary.endsWith('.'), `${doc.path.join('.')}: summary is a sentence`);
      assert.ok(fieldDocsUrl(doc).startsWith(TASK_DEFINITION_PARAMETERS_URL));
    }
  });

  it('matches array indexes against * and lists the fields of an object level', () => {
    assert.equal(fieldDocAt(['containerDefinitions', 3, 'user'])?.type, 'string');
    assert.equal(fieldDocAt(['containerDefinitions', 'user']), undefined);
    assert.deepEqual(
      fieldsOf(['runtimePlatform']).map((doc) => doc.path.at(-1)),
      ['operatingSystemFamily', 'cpuArchitecture'],
    );
  });

  it('names the Security Hub control or GuardDuty prerequisite on the fields they check', () => {
    const requires = (spec: string) => fieldDocAt(spec.split('.').map((segment) => (segment === '*' ? 0 : segment)))?.requires?.join(' ') ?? '';
    assert.match(requires('executionRoleArn'), /GuardDuty.*ECR/);
    assert.match(requires(`${C}.readonlyRootFilesystem`), /ECS\.5/);
    assert.match(requires(`${C}.privileged`), /ECS\.4/);
    assert.match(requires(`${C}.user`), /ECS\.20.*ECS\.21/);
    assert.match(requires('pidMode'), /ECS\.3/);
    assert.match(requires('networkMode'), /ECS\.17.*awsvpc/);
    assert.match(requires(`${C}.logConfiguration`), /ECS\.9/);
    assert.match(requires(`${C}.environment`), /ECS\.8/);
    assert.match(requires('runtimePlatform'), /GuardDuty.*Linux only.*X86_64.*ARM64/);
  });
});
