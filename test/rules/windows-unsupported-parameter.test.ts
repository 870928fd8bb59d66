import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unsupportedParameterFacts } from '../../server/src/rules/_unsupported';
import { expectFix, fixTitlesAt, unattendedFixCount } from '../support/codeActions';
import { expectFindings, expectNoFindings, lintText } from '../support/lint';

const RULE = 'windows-unsupported-parameter';
const BY_IMAGES = 'this is a Windows task (every container image is a Windows image). Remove it.';

describe(RULE, () => {
  it('reports every Linux-only parameter of a Windows task known by its images, saying how it knows', () => {
    expectFindings(
      RULE,
      `{
  "family": "legacy-webforms",
  "requiresCompatibilities": ["EC2"],
  "networkMode": «"bridge"»,
  "pidMode": «"task"»,
  "ipcMode": «"none"»,
  "containerDefinitions": [
    {
      "name": "web",
      "image": "mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2019",
      "memory": 2048,
      «"links"»: ["log-monitor"],
      "readonlyRootFilesystem": «true»,
      «"linuxParameters"»: { "initProcessEnabled": true },
      "disableNetworking": «true»,
      «"dnsServers"»: ["10.0.0.2"],
      «"dnsSearchDomains"»: ["corp.example.com"],
      «"extraHosts"»: [ { "hostname": "db", "ipAddress": "10.0.0.5" } ],
      "dockerSecurityOptions": ["credentialspec:ssm://arn:aws:ssm:us-east-1:123456789012:parameter/gmsa", «"no-new-privileges"»],
      «"ulimits"»: [ { "name": "nofile", "softLimit": 1024, "hardLimit": 4096 } ],
      «"systemControls"»: [ { "namespace": "net.ipv4.tcp_keepalive_time", "value": "500" } ]
    },
    { "name": "log-monitor", "image": "mcr.microsoft.com/windows/servercore:ltsc2019", "memory": 256 }
  ]
}`,
      [
        `"networkMode": "bridge" is not supported for Windows containers (Windows containers use "awsvpc", or no networkMode for the default NAT network), and ${BY_IMAGES}`,
        `"pidMode": "task" is not supported for Windows containers, and ${BY_IMAGES}`,
        `"ipcMode" is not supported for Windows containers, and ${BY_IMAGES}`,
        { message: `"links" in container "web" is not supported for Windows containers, and ${BY_IMAGES}`, path: ['containerDefinitions', 0, 'links'] },
        `"readonlyRootFilesystem" in container "web" is not supported for Windows containers, and ${BY_IMAGES}`,
        `"linuxParameters" in container "web" is not supported for Windows containers, and ${BY_IMAGES}`,
        `"disableNetworking" in container "web" is not supported for Windows containers, and ${BY_IMAGES}`,
        `"dnsServers" in container "web" is not supported for Windows containers, and ${BY_IMAGES}`,
        `"dnsSearchDomains" in container "web" is not supported for Windows containers, and ${BY_IMAGES}`,
        `"extraHosts" in container "web" is not supported for Windows containers, and ${BY_IMAGES}`,
        `"no-new-privileges" in "dockerSecurityOptions" in container "web" is not supported for Windows containers (Windows containers take only "credentialspec:" entries), and ${BY_IMAGES}`,
        `"ulimits" in container "web" is not supported for Windows containers, and ${BY_IMAGES}`,
        `"systemControls" in container "web" is not supported for Windows containers, and ${BY_IMAGES}`,
      ],
    );
  });

  it('names the declared operating system family', () => {
    expectFindings(
      RULE,
      `{
  "family": "iis",
  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE", "cpuArchitecture": «"ARM64"» },
  "containerDefinitions": [ { "name": "iis", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/iis:1", "readonlyRootFilesystem": «true» } ]
}`,
      [
        '"cpuArchitecture": "ARM64" is not supported for Windows containers (Windows containers run on "X86_64"), and this is a WINDOWS_SERVER_2022_CORE task. Remove it.',
        '"readonlyRootFilesystem" in container "iis" is not supported for Windows containers, and this is a WINDOWS_SERVER_2022_CORE task. Remove it.',
      ],
    );
  });

  it('accepts what Windows takes: awsvpc or no network mode, credentialspec options, false and empty values', () => {
    expectNoFindings(
      RULE,
      `{
  "family": "iis",
  "networkMode": "awsvpc",
  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2019_FULL", "cpuArchitecture": "X86_64" },
  "pidMode": null,
  "containerDefinitions": [
    { "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "user": "ContainerUser", "readonlyRootFilesystem": false,
      "links": [], "linuxParameters": null, "dockerSecurityOptions": ["credentialspec:file://gmsa.json"], "ulimits": [] }
  ]
}`,
    );
  });

  it('does not apply to Linux tasks, mixed or unknown images, or a placeholder operating system family', () => {
    const linuxOnly = '"readonlyRootFilesystem": true, "linuxParameters": { "initProcessEnabled": true }, "links": ["b"]';
    expectNoFindings(
      RULE,
      `{ "family": "x", "runtimePlatform": { "operatingSystemFamily": "LINUX" }, "containerDefinitions": [ { "name": "a", "image": "mcr.microsoft.com/windows/servercore", ${linuxOnly} } ] }`,
    );
    expectNoFindings(
      RULE,
      `{ "family": "x", "containerDefinitions": [ { "name": "a", "image": "mcr.microsoft.com/windows/servercore", ${linuxOnly} }, { "name": "b", "image": "amazon/aws-xray-daemon" } ] }`,
    );
    expectNoFindings(RULE, `{ "family": "x", "containerDefinitions": [ { "name": "a", "image": "\${IMAGE}", ${linuxOnly} } ] }`);
    expectNoFindings(
      RULE,
      `{ "family": "x", "runtimePlatform": { "operatingSystemFamily": "{{os}}" }, "containerDefinitions": [ { "name": "a", "image": "mcr.microsoft.com/windows/servercore", ${linuxOnly} } ] }`,
    );
  });

  it('leaves to fargate-unsupported-parameter what Fargate rejects on a Windows Fargate task, so nothing is reported twice', () => {
    const findings = lintText(`{
  "family": "win",
  "requiresCompatibilities": ["FARGATE"],
  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
  "networkMode": "awsvpc",
  "ipcMode": "task",
  "pidMode": "task",
  "cpu": "1024",
  "memory": "2048",
  "containerDefinitions": [ { "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "links": ["x"], "readonlyRootFilesystem": true } ]
}`).filter((finding) => finding.ruleId === RULE || finding.ruleId === 'fargate-unsupported-parameter');
    assert.deepEqual(
      findings.map((finding) => [finding.ruleId, finding.severity, finding.path.join('.')]),
      [
        ['fargate-unsupported-parameter', 'error', 'ipcMode'],
        // "This isn't supported for Windows containers on Fargate" (TaskDefinition pidMode): Fargate's to report.
        ['fargate-unsupported-parameter', 'error', 'pidMode'],
        ['fargate-unsupported-parameter', 'error', 'containerDefinitions.0.links'],
        [RULE, 'warning', 'containerDefinitions.0.readonlyRootFilesystem'],
      ],
    );
  });
});

describe(`${RULE} docs`, () => {
  it('lists every fact of the table with the AWS page it comes from', () => {
    const page = fs.readFileSync(path.resolve(__dirname, '../../docs/rules', `${RULE}.md`), 'utf8');
    for (const { parameter, source } of unsupportedParameterFacts('windows')) {
      const key = parameter.split('.').pop()!;
      assert.ok(page.includes(`\`${key}`) || page.includes(`.${key}`), `the page names ${parameter}`);
      assert.ok(page.includes(source), `the page links ${source} (for ${parameter})`);
    }
  });
});

describe(`${RULE} fixes`, () => {
  const doc = `{
  "family": "iis",
  "containerDefinitions": [
    {
      "name": "iis",
      "image": "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022",
      "readonlyRootFilesystem": |true,
      "dockerSecurityOptions": ["credentialspec:file://gmsa.json", "apparmor:docker-default"]
    }
  ]
}`;

  it('removes the parameter, a decision left to the user', () => {
    assert.deepEqual(fixTitlesAt(RULE, doc), ['Remove "readonlyRootFilesystem"']);
    expectFix(
      RULE,
      doc.replace('"apparmor:docker-default"', '"credentialspec:file://other.json"'),
      'Remove "readonlyRootFilesystem"',
      doc.replace('"apparmor:docker-default"', '"credentialspec:file://other.json"').replace('      "readonlyRootFilesystem": |true,\n', ''),
    );
    assert.equal(unattendedFixCount(RULE, doc), 0);
  });

  it('removes one Linux security option and keeps the credential spec', () => {
    const atOption = doc.replace('|true', 'false').replace('"apparmor', '|"apparmor');
    expectFix(RULE, atOption, 'Remove "apparmor:docker-default" from "dockerSecurityOptions"', atOption.replace(', |"apparmor:docker-default"', ''));
  });
});
