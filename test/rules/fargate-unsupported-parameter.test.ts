import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unsupportedParameterFacts } from '../../server/src/rules/_unsupported';
import { expectFix, fixTitlesAt, unattendedFixCount } from '../support/codeActions';
import { expectFindings, expectNoFindings, lintText } from '../support/lint';

const RULE = 'fargate-unsupported-parameter';
const REJECTS = ': ECS rejects a task definition that requires FARGATE with it. Remove it, or take FARGATE out of "requiresCompatibilities" if the task runs on EC2.';

describe(RULE, () => {
  it('reports every parameter Fargate rejects at once, each on its value or key', () => {
    // An EC2 task moved to Fargate: every one of these would be its own RegisterTaskDefinition error.
    expectFindings(
      RULE,
      `{
  "family": "legacy-api",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "512",
  "memory": "1024",
  "executionRoleArn": "ecsTaskExecutionRole",
  "ipcMode": «"host"»,
  «"placementConstraints"»: [ { "type": "memberOf", "expression": "attribute:ecs.instance-type =~ t3.*" } ],
  "volumes": [ { "name": "data", «"dockerVolumeConfiguration"»: { "scope": "shared", "driver": "local" } }, { "name": "logs", "host": { "sourcePath": «"/var/log/api"» } } ],
  "containerDefinitions": [
    {
      "name": "api",
      "image": "public.ecr.aws/nginx/nginx:1.27",
      «"links"»: ["db"],
      "hostname": «"api"»,
      «"dnsServers"»: ["10.0.0.2"],
      «"dnsSearchDomains"»: ["corp.example.com"],
      «"extraHosts"»: [ { "hostname": "db", "ipAddress": "10.0.0.5" } ],
      «"dockerSecurityOptions"»: ["no-new-privileges"],
      "disableNetworking": «true»,
      "linuxParameters": {
        "capabilities": { "add": ["SYS_PTRACE", «"NET_ADMIN"»], "drop": ["ALL"] },
        "sharedMemorySize": «256»,
        «"tmpfs"»: [ { "containerPath": "/tmp", "size": 64 } ],
        "maxSwap": «512»,
        "swappiness": «10»,
        «"devices"»: [ { "hostPath": "/dev/fuse" } ],
        "initProcessEnabled": true
      },
      "resourceRequirements": [ { "type": «"GPU"», "value": "1" } ]
    }
  ]
}`,
      [
        `"ipcMode" is not valid on Fargate${REJECTS}`,
        { message: `"placementConstraints" is not valid on Fargate${REJECTS}`, path: ['placementConstraints'] },
        `"dockerVolumeConfiguration" of volume "data" is not valid on Fargate (use a bind mount or an Amazon EFS volume)${REJECTS}`,
        `"sourcePath" of volume "logs" is not valid on Fargate (a Fargate bind mount is a volume with only a "name")${REJECTS}`,
        { message: `"links" in container "api" is not valid on Fargate${REJECTS}`, path: ['containerDefinitions', 0, 'links'] },
        `"hostname" in container "api" is not valid on Fargate${REJECTS}`,
        `"dnsServers" in container "api" is not valid on Fargate${REJECTS}`,
        `"dnsSearchDomains" in container "api" is not valid on Fargate${REJECTS}`,
        `"extraHosts" in container "api" is not valid on Fargate${REJECTS}`,
        `"dockerSecurityOptions" in container "api" is not valid on Fargate${REJECTS}`,
        `"disableNetworking" in container "api" is not valid on Fargate${REJECTS}`,
        `Adding the capability "NET_ADMIN" in container "api" is not valid on Fargate (Fargate adds only "SYS_PTRACE")${REJECTS}`,
        `"sharedMemorySize" of "linuxParameters" in container "api" is not valid on Fargate${REJECTS}`,
        `"tmpfs" of "linuxParameters" in container "api" is not valid on Fargate${REJECTS}`,
        `"maxSwap" of "linuxParameters" in container "api" is not valid on Fargate${REJECTS}`,
        `"swappiness" of "linuxParameters" in container "api" is not valid on Fargate${REJECTS}`,
        `"devices" of "linuxParameters" in container "api" is not valid on Fargate${REJECTS}`,
        `A GPU in "resourceRequirements" in container "api" is not valid on Fargate${REJECTS}`,
      ],
    );
  });

  it('is an error, and leaves to their own rules the values a Security Hub control fails too (privileged, pidMode host, host network mode) and the other network modes', () => {
    const findings = lintText(`{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "host",
  "pidMode": "host",
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [ { "name": "web", "image": "nginx", "links": ["db"], "privileged": true, "portMappings": [ { "containerPort": 8080, "hostPort": 80 } ] } ]
}`).filter((finding) => [RULE, 'privileged-container', 'pid-mode-host', 'host-network-mode', 'fargate-network-mode', 'host-port-mismatch'].includes(finding.ruleId));
    assert.deepEqual(
      findings.map((finding) => [finding.ruleId, finding.severity, finding.path.join('.')]),
      [
        ['host-network-mode', 'error', 'networkMode'],
        ['pid-mode-host', 'error', 'pidMode'],
        [RULE, 'error', 'containerDefinitions.0.links'],
        ['privileged-container', 'error', 'containerDefinitions.0.privileged'],
        ['host-port-mismatch', 'error', 'containerDefinitions.0.portMappings.0.hostPort'],
      ],
    );
  });

  it('accepts what Fargate takes: pidMode task, SYS_PTRACE (with or without CAP_), hostPort equal to containerPort, initProcessEnabled, EFS and bind mounts', () => {
    expectNoFindings(
      RULE,
      `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "pidMode": "task",
  "cpu": "256",
  "memory": "512",
  "volumes": [ { "name": "scratch" }, { "name": "shared", "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0", "transitEncryption": "ENABLED" } } ],
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx",
      "portMappings": [ { "containerPort": 80, "hostPort": 80 }, { "containerPort": 443 } ],
      "linuxParameters": { "initProcessEnabled": true, "capabilities": { "add": ["SYS_PTRACE", "CAP_SYS_PTRACE"], "drop": ["NET_RAW"] } },
      "resourceRequirements": [ { "type": "InferenceAccelerator", "value": "device_1" } ],
      "ulimits": [ { "name": "nofile", "softLimit": 65536, "hardLimit": 65536 } ]
    }
  ]
}`,
    );
  });

  it('reads values that ask for nothing as unset: false, null, empty strings and lists, and placeholders as unknown', () => {
    expectNoFindings(
      RULE,
      `{
  "taskDefinition": {
    "family": "web",
    "requiresCompatibilities": ["EC2", "FARGATE"],
    "networkMode": "awsvpc",
    "ipcMode": null,
    "pidMode": "\${pid_mode}",
    "placementConstraints": [],
    "containerDefinitions": [
      { "name": "web", "image": "nginx", "links": [], "hostname": null, "dnsServers": [], "disableNetworking": false, "dockerSecurityOptions": null, "extraHosts": [],
        "linuxParameters": { "devices": null, "tmpfs": [], "sharedMemorySize": null, "capabilities": { "add": [] } } }
    ]
  }
}`,
    );
  });

  it("reports in a CloudFormation template's terms", () => {
    expectFindings(
      RULE,
      `{
  "Resources": {
    "ApiTask": {
      "Type": "AWS::ECS::TaskDefinition",
      "Properties": {
        "RequiresCompatibilities": ["FARGATE"],
        "NetworkMode": "awsvpc",
        "Cpu": "256",
        "Memory": "512",
        "ContainerDefinitions": [ { "Name": "api", "Image": "nginx", "LinuxParameters": { "SharedMemorySize": «64» } } ]
      }
    }
  }
}`,
      [
        'ApiTask: "SharedMemorySize" of "LinuxParameters" in container "api" is not valid on Fargate: ECS rejects a task definition that requires FARGATE with it. Remove it, or take FARGATE out of "RequiresCompatibilities" if the task runs on EC2.',
      ],
    );
  });

  it('applies only to tasks that require Fargate', () => {
    for (const compatibilities of ['["EC2"]', '["EXTERNAL"]', '["<LAUNCH_TYPE>"]']) {
      expectNoFindings(RULE, `{ "family": "x", "requiresCompatibilities": ${compatibilities}, "ipcMode": "host", "containerDefinitions": [ { "name": "a", "image": "x", "links": ["b"] } ] }`);
    }
    expectNoFindings(RULE, `{ "family": "x", "ipcMode": "host", "containerDefinitions": [ { "name": "a", "image": "x", "links": ["b"] } ] }`);
    expectNoFindings(RULE, `[ { "name": "a", "image": "x", "links": ["b"] } ]`);
  });

  it('reports what Fargate rejects on a Windows Fargate task too (windows-unsupported-parameter leaves those values to it)', () => {
    expectFindings(
      RULE,
      `{
  "family": "win",
  "requiresCompatibilities": ["FARGATE"],
  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
  "networkMode": "awsvpc",
  "ipcMode": «"host"»,
  "cpu": "1024",
  "memory": "2048",
  "containerDefinitions": [ { "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis" } ]
}`,
      [`"ipcMode" is not valid on Fargate${REJECTS}`],
    );
  });

  it('reports "pidMode": "task" and systemControls on a Windows Fargate task, which Fargate takes for Linux containers only', () => {
    const windows = (family: string) => `{
  "family": "win",
  "requiresCompatibilities": ["FARGATE"],
  "runtimePlatform": { "operatingSystemFamily": ${family} },
  "networkMode": "awsvpc",
  "pidMode": «"task"»,
  "cpu": "1024",
  "memory": "2048",
  "containerDefinitions": [ { "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", «"systemControls"»: [ { "namespace": "net.ipv4.tcp_keepalive_time", "value": "500" } ] } ]
}`;
    expectFindings(RULE, windows('"WINDOWS_SERVER_2022_CORE"'), [
      `"pidMode": "task" is not valid on Fargate (Fargate takes it for Linux containers only, and this is a WINDOWS_SERVER_2022_CORE task)${REJECTS}`,
      `"systemControls" in container "iis" is not valid on Fargate (Fargate takes it for Linux containers only, and this is a WINDOWS_SERVER_2022_CORE task)${REJECTS}`,
    ]);
    // Without a family the images decide: these are Windows images.
    const byImages = 'Fargate takes it for Linux containers only, and this is a Windows task (every container image is a Windows image)';
    expectFindings(RULE, windows('null'), [`"pidMode": "task" is not valid on Fargate (${byImages})${REJECTS}`, `"systemControls" in container "iis" is not valid on Fargate (${byImages})${REJECTS}`]);
    // A Linux task, and an unknown family: Fargate takes both.
    for (const family of ['"LINUX"', '"${OS}"']) expectNoFindings(RULE, windows(family).replace(/[«»]/g, ''));
  });

  it('says on a Windows Fargate task that Fargate takes no host pidMode there either, when pid-mode-host is off', () => {
    expectFindings(
      RULE,
      `{ "family": "win", "requiresCompatibilities": ["FARGATE"], "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2019_FULL" }, "networkMode": "awsvpc", "pidMode": «"host"», "containerDefinitions": [ { "name": "iis", "image": "x" } ] }`,
      [`"pidMode": "host" is not valid on Fargate (Fargate takes only "task", for Linux containers only, and this is a WINDOWS_SERVER_2019_FULL task)${REJECTS}`],
      { rules: { 'pid-mode-host': 'off' } },
    );
  });
});

describe(`${RULE} docs`, () => {
  it('lists every fact of the table with the AWS page it comes from', () => {
    const page = fs.readFileSync(path.resolve(__dirname, '../../docs/rules', `${RULE}.md`), 'utf8');
    for (const { parameter, source } of unsupportedParameterFacts('fargate')) {
      const key = parameter.split('.').pop()!;
      assert.ok(page.includes(`\`${key}`) || page.includes(`.${key}`), `the page names ${parameter}`);
      assert.ok(page.includes(source), `the page links ${source} (for ${parameter})`);
    }
  });
});

describe(`${RULE} fixes`, () => {
  it('removes the parameter, a decision left to the user', () => {
    const doc = `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx",
      |"links": ["db"],
      "essential": true
    }
  ]
}`;
    assert.deepEqual(fixTitlesAt(RULE, doc), ['Remove "links"']);
    expectFix(RULE, doc, 'Remove "links"', doc.replace('      |"links": ["db"],\n', ''));
    assert.equal(unattendedFixCount(RULE, doc), 0);
  });

  it('removes "pidMode": "task" from a Windows Fargate task', () => {
    const doc =
      '{ "family": "win", "requiresCompatibilities": ["FARGATE"], "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" }, "networkMode": "awsvpc", "pidMode": |"task", "containerDefinitions": [{ "name": "iis", "image": "x" }] }';
    assert.deepEqual(fixTitlesAt(RULE, doc), ['Remove "pidMode"']);
    expectFix(RULE, doc, 'Remove "pidMode"', doc.replace(' "pidMode": |"task",', ''));
    assert.equal(unattendedFixCount(RULE, doc), 0);
  });

  it('removes one capability from the list, keeping SYS_PTRACE', () => {
    const doc =
      '{ "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "containerDefinitions": [{ "name": "web", "image": "nginx", "linuxParameters": { "capabilities": { "add": ["SYS_PTRACE", |"NET_ADMIN"] } } }] }';
    expectFix(RULE, doc, 'Remove "NET_ADMIN" from "add"', doc.replace(', |"NET_ADMIN"', ''));
  });
});
