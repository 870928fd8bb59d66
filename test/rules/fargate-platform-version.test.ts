import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, fixTitlesAt, unattendedFixCount } from '../support/codeActions';

const RULE = 'fargate-platform-version';
const YAML = { uri: 'file:///stack/web.yaml' };
const pinned = (version: string) => `pins Fargate platform version ${version}: GuardDuty Runtime Monitoring needs 1.4.0 or later on Linux, and Security Hub ECS.10 wants the latest version.`;

describe(RULE, () => {
  it('flags a Fargate service pinned below 1.4.0 in create-service input', () => {
    const [finding] = expectFindings(RULE, `{ "serviceName": "api", "launchType": "FARGATE", "platformVersion": «"1.3.0"» }`, [
      `Service "api" ${pinned('1.3.0')} Set "platformVersion" to "LATEST" (or remove it).`,
    ]);
    assert.deepEqual(finding.fix, { platformVersion: 'LATEST' });
  });

  it('counts FARGATE and FARGATE_SPOT capacity providers as Fargate', () => {
    expectFindings(RULE, `{ "serviceName": "api", "capacityProviderStrategy": [ { "capacityProvider": "FARGATE_SPOT", "weight": 1 } ], "platformVersion": «"1.2.0"» }`, [
      /^Service "api" pins Fargate platform version 1\.2\.0/,
    ]);
  });

  it('in a template, names a task definition feature that needs 1.4.0 (EFS volumes, ephemeral storage)', () => {
    expectFindings(
      RULE,
      `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: "256"
      Memory: "512"
      EphemeralStorage: { SizeInGiB: 50 }
      ContainerDefinitions: [ { Name: app, Image: nginx } ]
  Web:
    Type: AWS::ECS::Service
    Properties:
      LaunchType: FARGATE
      PlatformVersion: «1.3.0»
      TaskDefinition: !Ref Task
`,
      [`Web: The service ${pinned('1.3.0')} Its task definition Task also uses ephemeralStorage, which needs 1.4.0. Set "PlatformVersion" to "LATEST" (or remove it).`],
      YAML,
    );
  });

  it('1.0.0 is the latest Windows version: reported only when the task definition is known to be Linux', () => {
    const template = (family: string) => `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      RuntimePlatform: { OperatingSystemFamily: ${family} }
      ContainerDefinitions: [ { Name: app, Image: app } ]
  Web:
    Type: AWS::ECS::Service
    Properties:
      LaunchType: FARGATE
      PlatformVersion: «1.0.0»
      TaskDefinition: !Ref Task
`;
    expectFindings(RULE, template('LINUX'), [/^Web: The service pins Fargate platform version 1\.0\.0/], YAML);
    expectFindings(RULE, template('WINDOWS_SERVER_2022_CORE').replace(/[«»]/g, ''), [], YAML);
    expectNoFindings(RULE, `{ "serviceName": "api", "launchType": "FARGATE", "platformVersion": "1.0.0" }`);
  });

  it('accepts LATEST, 1.4.0, an absent version, EC2 services and placeholders', () => {
    for (const version of ['"LATEST"', '"1.4.0"', '"<PLATFORM>"']) expectNoFindings(RULE, `{ "serviceName": "api", "launchType": "FARGATE", "platformVersion": ${version} }`);
    expectNoFindings(RULE, `{ "serviceName": "api", "launchType": "FARGATE" }`);
    expectNoFindings(RULE, `{ "serviceName": "api", "launchType": "EC2", "platformVersion": "1.3.0" }`);
  });

  it("checks a parameter's allowed values", () => {
    expectFindings(
      RULE,
      `Parameters:
  Version: { Type: String, Default: LATEST, AllowedValues: [LATEST, 1.3.0] }
Resources:
  Web:
    Type: AWS::ECS::Service
    Properties:
      LaunchType: FARGATE
      PlatformVersion: «!Ref Version»
`,
      [/ \(when parameter Version is "1\.3\.0"\)$/],
      YAML,
    );
  });
});

describe(`${RULE} fixes`, () => {
  const input = (version: string) => `{\n  "serviceName": "api",\n  "launchType": "FARGATE",\n  "platformVersion": ${version}\n}`;

  it('sets "LATEST" (preferred) or removes the version, both safe', () => {
    assert.deepEqual(fixTitlesAt(RULE, input('"1.3|.0"')), ['Set "platformVersion": "LATEST"', 'Remove "platformVersion" (ECS then uses LATEST)']);
    expectFix(RULE, input('"1.3|.0"'), 'Set "platformVersion": "LATEST"', input('"LATEST"'));
    expectFix(RULE, input('"1.3|.0"'), 'Remove "platformVersion" (ECS then uses LATEST)', '{\n  "serviceName": "api",\n  "launchType": "FARGATE"\n}');
    assert.equal(unattendedFixCount(RULE, input('"1.3.0"')), 1);
  });
});
