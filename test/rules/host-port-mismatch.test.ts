import * as assert from 'node:assert/strict';
import { expectFix, fixTitlesAt, unattendedFixCount } from '../support/codeActions';
import { expectFindings, expectNoFindings } from '../support/lint';

const RULE = 'host-port-mismatch';
const REJECTS = 'so ECS rejects a task definition whose host and container ports differ.';

describe(RULE, () => {
  it('reports a hostPort other than its containerPort under awsvpc on EC2, where ECS rejects it as on Fargate', () => {
    // aws-samples' tomcat_ec2.json: "When networkMode=awsvpc, the host ports and container ports in port mappings must match."
    expectFindings(
      RULE,
      `{
  "family": "tomcat-webserver",
  "requiresCompatibilities": ["EC2"],
  "networkMode": "awsvpc",
  "containerDefinitions": [
    {
      "name": "tomcat-webserver",
      "image": "tomcat",
      "memory": 2048,
      "portMappings": [ { "hostPort": «80», "containerPort": 8080, "protocol": "tcp" }, { "containerPort": 8443, "hostPort": 8443 }, { "containerPort": 9000 } ]
    }
  ]
}`,
      [
        {
          message: `"hostPort": 80 in container "tomcat-webserver" differs from its "containerPort", 8080: under the awsvpc network mode a container port is the port on the task's own network interface, ${REJECTS} Remove "hostPort" (or set it to 8080).`,
          path: ['containerDefinitions', 0, 'portMappings', 0, 'hostPort'],
        },
      ],
    );
  });

  it('reports under the host network mode, where the container port is the port on the host', () => {
    expectFindings(
      RULE,
      `{
  "family": "agent",
  "networkMode": "host",
  "containerDefinitions": [ { "name": "agent", "image": "datadog/agent", "portMappings": [ { "containerPort": 8125, "hostPort": «18125», "protocol": "udp" } ] } ]
}`,
      [
        `"hostPort": 18125 in container "agent" differs from its "containerPort", 8125: under the host network mode a container port is the port on the host, ${REJECTS} Remove "hostPort" (or set it to 8125).`,
      ],
    );
  });

  it('reports a dynamic hostPort 0, which neither mode can give, on EXTERNAL and Windows tasks too', () => {
    expectFindings(
      RULE,
      `{
  "family": "edge",
  "requiresCompatibilities": ["EXTERNAL"],
  "networkMode": "host",
  "containerDefinitions": [ { "name": "edge", "image": "nginx", "portMappings": [ { "containerPort": 80, "hostPort": «0» } ] } ]
}`,
      [/^"hostPort": 0 in container "edge" differs from its "containerPort", 80: under the host network mode/],
    );
    expectFindings(
      RULE,
      `{
  "family": "iis",
  "requiresCompatibilities": ["EC2"],
  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
  "networkMode": "awsvpc",
  "containerDefinitions": [ { "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "portMappings": [ { "containerPort": 80, "hostPort": «8080» } ] } ]
}`,
      [/^"hostPort": 8080 in container "iis" differs from its "containerPort", 80: under the awsvpc network mode/],
    );
  });

  it('on Fargate follows awsvpc, the only mode Fargate takes, even where the mode is missing or wrong (fargate-network-mode reports that)', () => {
    expectFindings(
      RULE,
      `{
  "family": "api",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [ { "name": "api", "image": "nginx", "portMappings": [ { "containerPort": 8080, "hostPort": «80» } ] } ]
}`,
      [
        `"hostPort": 80 in container "api" differs from its "containerPort", 8080: under the awsvpc network mode, which Fargate requires, a container port is the port on the task's own network interface, ${REJECTS} Remove "hostPort" (or set it to 8080).`,
      ],
    );
  });

  it('accepts any mapping under bridge, the default network mode on EC2, and Windows NAT; equal ports and absent hostPorts anywhere', () => {
    const ports = '"portMappings": [ { "containerPort": 8080, "hostPort": 80 }, { "containerPort": 9000, "hostPort": 0 } ]';
    expectNoFindings(RULE, `{ "family": "x", "networkMode": "bridge", "containerDefinitions": [ { "name": "a", "image": "nginx", ${ports} } ] }`);
    expectNoFindings(RULE, `{ "family": "x", "requiresCompatibilities": ["EC2"], "containerDefinitions": [ { "name": "a", "image": "nginx", ${ports} } ] }`);
    expectNoFindings(
      RULE,
      `{ "family": "x", "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2019_FULL" }, "containerDefinitions": [ { "name": "a", "image": "mcr.microsoft.com/windows/servercore/iis", ${ports} } ] }`,
    );
    expectNoFindings(
      RULE,
      `{ "family": "x", "networkMode": "awsvpc", "containerDefinitions": [ { "name": "a", "image": "nginx", "portMappings": [ { "containerPort": 80, "hostPort": 80 }, { "containerPort": 443 }, { "containerPortRange": "8000-8100" } ] } ] }`,
    );
  });

  it('leaves unknown values alone: placeholders, strings (value-type), an unknown network mode and a bare container array', () => {
    expectNoFindings(
      RULE,
      `{ "family": "x", "networkMode": "awsvpc", "containerDefinitions": [ { "name": "a", "image": "nginx", "portMappings": [ { "containerPort": 80, "hostPort": "\${HOST_PORT}" }, { "containerPort": "8080", "hostPort": 80 } ] } ] }`,
    );
    expectNoFindings(
      RULE,
      `{ "family": "x", "networkMode": "\${NETWORK_MODE}", "containerDefinitions": [ { "name": "a", "image": "nginx", "portMappings": [ { "containerPort": 8080, "hostPort": 80 } ] } ] }`,
    );
    expectNoFindings(RULE, `[ { "name": "a", "image": "nginx", "portMappings": [ { "containerPort": 8080, "hostPort": 80 } ] } ]`);
  });

  it("reports in a CloudFormation template's terms", () => {
    expectFindings(
      RULE,
      `{
  "Resources": {
    "Api": {
      "Type": "AWS::ECS::TaskDefinition",
      "Properties": {
        "NetworkMode": "awsvpc",
        "ContainerDefinitions": [ { "Name": "api", "Image": "nginx", "PortMappings": [ { "ContainerPort": 8080, "HostPort": «80» } ] } ]
      }
    }
  }
}`,
      [/^Api: "HostPort": 80 in container "api" differs from its "ContainerPort", 8080: .* Remove "HostPort" \(or set it to 8080\)\.$/],
    );
  });
});

describe(`${RULE} fixes`, () => {
  it('removes the hostPort, a decision left to the user (which port the task is reached on)', () => {
    const doc = `{
  "family": "web",
  "requiresCompatibilities": ["EC2"],
  "networkMode": "awsvpc",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx",
      "portMappings": [
        {
          "containerPort": 8080,
          "hostPort": |80,
          "protocol": "tcp"
        }
      ]
    }
  ]
}`;
    assert.deepEqual(fixTitlesAt(RULE, doc), ['Remove "hostPort"']);
    expectFix(RULE, doc, 'Remove "hostPort"', doc.replace('          "hostPort": |80,\n', ''));
    assert.equal(unattendedFixCount(RULE, doc), 0);
  });
});
