import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Node } from 'jsonc-parser';
import { CONTAINER_FIELDS, TASK_FIELDS } from '../../server/src/document/schema';
import { valueType } from '../../server/src/rules/value-type';
import { analyzeText } from '../../server/src/service/analysis';
import { caseText, fuzzCase, seedFiles } from '../reliability/fuzzHarness';
import { expectFindings, expectNoFindings } from '../support/lint';
import { plainNodesMatching } from '../support/oracles';
import { expectFix, fixTitlesAt, unattendedFixCount } from '../support/codeActions';

const RULE = 'value-type';

describe(RULE, () => {
  describe('task-level cpu and memory', () => {
    it('wants strings, and offers the quoted number', () => {
      const findings = expectFindings(
        RULE,
        `{
  "family": "web",
  "cpu": «1024»,
  "memory": «2048»,
  "containerDefinitions": [ { "name": "app", "image": "nginx" } ]
}`,
        [
          { message: 'Task-level "cpu" must be a string: write "1024".', path: ['cpu'] },
          { message: 'Task-level "memory" must be a string: write "2048".', path: ['memory'] },
        ],
      );
      assert.deepEqual(
        findings.map((f) => f.fix),
        [{ replaceWith: '1024' }, { replaceWith: '2048' }],
      );
    });

    it('accepts CPU units, vCPU and GB strings', () => {
      expectNoFindings(RULE, `{ "cpu": "1 vCPU", "memory": "2 GB", "containerDefinitions": [ { "name": "app", "image": "nginx" } ] }`);
      expectNoFindings(RULE, `{ "cpu": "256", "memory": "512", "containerDefinitions": [ { "name": "app", "image": "nginx" } ] }`);
    });

    it('stays quiet about the values a template that is not JSON yet leaves (json-syntax reports the text)', () => {
      // Terraform's templatefile() input: the recovery parse reads ${fargate_cpu} as the object {fargate_cpu}.
      expectNoFindings(
        RULE,
        `{
  "family": "app",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": \${fargate_cpu},
  "memory": \${fargate_memory},
  "containerDefinitions": [
    { "name": "app", "image": "\${app_image}", "essential": \${essential}, "portMappings": [ { "containerPort": \${app_port}, "hostPort": \${app_port} } ] }
  ]
}`,
      );
      // A real wrong value next to a syntax error is still reported.
      expectFindings(RULE, `{ "family": "app", "cpu": «256», "containerDefinitions": [ { "name": "app", "image": "x", "essential": «"true"» "cpu": 1 } ] }`, [
        'Task-level "cpu" must be a string: write "256".',
        '"essential" in container "app" must be true without quotes, not the string "true".',
      ]);
    });

    it('checks the task inside describe-task-definition output', () => {
      expectFindings(
        RULE,
        `{
  "taskDefinition": {
    "cpu": «256»,
    "containerDefinitions": [ { "name": "app", "image": "nginx" } ]
  }
}`,
        [{ message: 'Task-level "cpu" must be a string: write "256".', path: ['taskDefinition', 'cpu'] }],
      );
    });
  });

  describe('container cpu, memory and memoryReservation', () => {
    it('wants JSON numbers: a numeric string gets the number as fix', () => {
      const findings = expectFindings(
        RULE,
        `{ "containerDefinitions": [ {
  "name": "app",
  "image": "nginx",
  "cpu": «"256"»,
  "memory": «"512"»,
  "memoryReservation": «"256"»
} ] }`,
        [
          { message: '"cpu" in container "app" must be a JSON number, not a string: write 256 without quotes.', path: ['containerDefinitions', 0, 'cpu'] },
          '"memory" in container "app" must be a JSON number, not a string: write 512 without quotes.',
          '"memoryReservation" in container "app" must be a JSON number, not a string: write 256 without quotes.',
        ],
      );
      assert.deepEqual(
        findings.map((f) => f.fix),
        [{ replaceWith: 256 }, { replaceWith: 512 }, { replaceWith: 256 }],
      );
    });

    it('converts task-level spellings such as "1 GB" and "1 vCPU"', () => {
      const findings = expectFindings(RULE, `[ { "name": "app", "image": "nginx", "cpu": «"1 vCPU"», "memory": «"1 GB"» } ]`, [
        '"cpu" in container "app" must be a whole number of CPU units: write 1024 ("1 vCPU" is accepted only at task level).',
        '"memory" in container "app" must be a whole number of MiB: write 1024 ("1 GB" is accepted only at task level).',
      ]);
      assert.deepEqual(
        findings.map((f) => f.fix),
        [{ replaceWith: 1024 }, { replaceWith: 1024 }],
      );
    });

    it('reports other strings and fractions without a fix', () => {
      const findings = expectFindings(RULE, `[ { "name": "app", "image": "nginx", "memory": «"512m"», "memoryReservation": «256.5», "cpu": «true» } ]`, [
        '"memory" in container "app" must be a whole number of MiB, not the string "512m".',
        '"memoryReservation" in container "app" must be a whole number of MiB, not 256.5.',
        '"cpu" in container "app" must be a whole number of CPU units, not true.',
      ]);
      assert.deepEqual(
        findings.map((f) => f.fix),
        [undefined, undefined, undefined],
      );
    });

    it('checks port numbers too', () => {
      expectFindings(RULE, `[ { "name": "app", "image": "nginx", "portMappings": [ { "containerPort": «"80"», "hostPort": 80 } ] } ]`, [
        { message: '"portMappings[0].containerPort" in container "app" must be a JSON number, not a string: write 80 without quotes.', path: [0, 'portMappings', 0, 'containerPort'] },
      ]);
    });
  });

  describe('enumerations', () => {
    it('suggests the canonical spelling when only the case differs', () => {
      const findings = expectFindings(
        RULE,
        `{
  "family": "web",
  "networkMode": «"AWSVPC"»,
  "requiresCompatibilities": [ «"fargate"», "EC2" ],
  "runtimePlatform": { "operatingSystemFamily": «"linux"», "cpuArchitecture": "x86_64" },
  "containerDefinitions": [ {
    "name": "app",
    "image": "nginx",
    "portMappings": [ { "containerPort": 80, "protocol": «"TCP"», "appProtocol": «"HTTP"» } ],
    "logConfiguration": { "logDriver": «"AwsLogs"» }
  } ]
}`,
        [
          { message: 'Task-level "networkMode" must be "awsvpc", not "AWSVPC": the values are case-sensitive.', path: ['networkMode'] },
          { message: 'Task-level "requiresCompatibilities[0]" must be "FARGATE", not "fargate": the values are case-sensitive.', path: ['requiresCompatibilities', 0] },
          'Task-level "runtimePlatform.operatingSystemFamily" must be "LINUX", not "linux": the values are case-sensitive.',
          '"portMappings[0].protocol" in container "app" must be "tcp", not "TCP": the values are case-sensitive.',
          '"portMappings[0].appProtocol" in container "app" must be "http", not "HTTP": the values are case-sensitive.',
          '"logConfiguration.logDriver" in container "app" must be "awslogs", not "AwsLogs": the values are case-sensitive.',
        ],
      );
      assert.deepEqual(
        findings.map((f) => f.fix),
        ['awsvpc', 'FARGATE', 'LINUX', 'tcp', 'http', 'awslogs'].map((value) => ({ replaceWith: value })),
      );
    });

    it('lists the allowed values for an unknown one', () => {
      const findings = expectFindings(
        RULE,
        `{
  "pidMode": «"container"»,
  "ipcMode": «"shareable"»,
  "containerDefinitions": [ { "name": "app", "image": "nginx", "logConfiguration": { "logDriver": «"loki"» } } ]
}`,
        [
          'Task-level "pidMode" must be one of "host" or "task", not the string "container".',
          'Task-level "ipcMode" must be one of "host", "task" or "none", not the string "shareable".',
          '"logConfiguration.logDriver" in container "app" must be one of "json-file", "syslog", "journald", "gelf", "fluentd", "awslogs", "splunk" or "awsfirelens", not the string "loki".',
        ],
      );
      assert.deepEqual(
        findings.map((f) => f.fix),
        [undefined, undefined, undefined],
      );
    });

    it('accepts every documented value, and leaves cpuArchitecture to guardduty-cpu-architecture', () => {
      expectNoFindings(
        RULE,
        `{
  "networkMode": "none",
  "pidMode": "task",
  "ipcMode": "none",
  "requiresCompatibilities": [ "EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES" ],
  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE", "cpuArchitecture": "arm" },
  "containerDefinitions": [ {
    "name": "app",
    "image": "nginx",
    "portMappings": [ { "containerPort": 53, "protocol": "udp" }, { "containerPort": 50051, "appProtocol": "grpc" } ],
    "logConfiguration": { "logDriver": "awsfirelens" }
  } ]
}`,
      );
    });

    it('reports a non-string where an enumerated string belongs', () => {
      expectFindings(RULE, `{ "networkMode": «1», "containerDefinitions": [ { "name": "app", "image": "nginx" } ] }`, [
        'Task-level "networkMode" must be one of "bridge", "host", "awsvpc" or "none", not 1.',
      ]);
    });
  });

  describe('booleans', () => {
    it('turns quoted booleans into JSON booleans', () => {
      const findings = expectFindings(
        RULE,
        `[ {
  "name": "app",
  "image": "nginx",
  "essential": «"true"»,
  "privileged": «"False"»,
  "readonlyRootFilesystem": «"TRUE"»,
  "interactive": «"yes"»,
  "pseudoTerminal": «1»,
  "disableNetworking": false
} ]`,
        [
          { message: '"essential" in container "app" must be true without quotes, not the string "true".', path: [0, 'essential'] },
          '"privileged" in container "app" must be false without quotes, not the string "False".',
          '"readonlyRootFilesystem" in container "app" must be true without quotes, not the string "TRUE".',
          '"interactive" in container "app" must be true or false, not the string "yes".',
          '"pseudoTerminal" in container "app" must be true or false, not 1.',
        ],
      );
      assert.deepEqual(
        findings.map((f) => f.fix),
        [{ replaceWith: true }, { replaceWith: false }, { replaceWith: true }, undefined, undefined],
      );
    });
  });

  describe('environment values', () => {
    it('wants strings: numbers and booleans get the quoted text, naming the variable', () => {
      const findings = expectFindings(
        RULE,
        `{ "containerDefinitions": [ {
  "name": "api",
  "image": "api:1",
  "environment": [
    { "name": "PORT", "value": «8080» },
    { "name": "DEBUG", "value": «false» },
    { "name": "RATIO", "value": «0.50» },
    { "name": "MODE", "value": "prod" },
    { "value": «[1]» }
  ]
} ] }`,
        [
          { message: 'Environment variable "PORT" in container "api" must be a string: write "8080".', path: ['containerDefinitions', 0, 'environment', 0, 'value'] },
          'Environment variable "DEBUG" in container "api" must be a string: write "false".',
          'Environment variable "RATIO" in container "api" must be a string: write "0.50".',
          '"environment[4].value" in container "api" must be a string, not an array.',
        ],
      );
      assert.deepEqual(
        findings.map((f) => f.fix),
        [{ replaceWith: '8080' }, { replaceWith: 'false' }, { replaceWith: '0.50' }, undefined],
      );
    });
  });

  describe('structure', () => {
    it('wants containerDefinitions to be an array of objects', () => {
      expectFindings(RULE, `{ "family": "web", "containerDefinitions": «{ "name": "app", "image": "nginx" }» }`, [
        { message: 'Task-level "containerDefinitions" must be an array, like [{ "name": "app", "image": "nginx" }], not an object.', path: ['containerDefinitions'] },
      ]);
      expectFindings(RULE, `{ "family": "web", "containerDefinitions": [ { "name": "app", "image": "nginx" }, «"sidecar"» ] }`, [
        'Task-level "containerDefinitions[1]" must be an object, like { "name": "app", "image": "nginx" }, not the string "sidecar".',
      ]);
    });

    it('wants string names and images', () => {
      expectFindings(RULE, `[ { "name": «42», "image": «{ "repository": "nginx" }» } ]`, [
        '"name" in container #1 must be a string: write "42".',
        '"image" in container #1 must be a string, not an object.',
      ]);
    });

    it('converts an environment map and NAME=value strings to name/value pairs', () => {
      const findings = expectFindings(
        RULE,
        `[ {
  "name": "app",
  "image": "nginx",
  "environment": «{ "PORT": 8080, "MODE": "prod" }»
}, {
  "name": "worker",
  "image": "nginx",
  "environment": [ «"QUEUE=jobs=1"», «"JUST_A_NAME"» ]
} ]`,
        [
          '"environment" in container "app" must be an array, like [{ "name": "PORT", "value": "8080" }], not an object.',
          '"environment[0]" in container "worker" must be an object, like { "name": "PORT", "value": "8080" }, not the string "QUEUE=jobs=1".',
          '"environment[1]" in container "worker" must be an object, like { "name": "PORT", "value": "8080" }, not the string "JUST_A_NAME".',
        ],
      );
      assert.deepEqual(
        findings.map((f) => f.fix),
        [
          {
            replaceWith: [
              { name: 'PORT', value: '8080' },
              { name: 'MODE', value: 'prod' },
            ],
          },
          { replaceWith: { name: 'QUEUE', value: 'jobs=1' } },
          undefined,
        ],
      );
    });

    it('converts a secrets map to name/valueFrom pairs, and checks the other lists', () => {
      const findings = expectFindings(
        RULE,
        `[ {
  "name": "app",
  "image": "nginx",
  "secrets": «{ "DB_PASSWORD": "arn:aws:ssm:eu-west-1:123456789012:parameter/db" }»,
  "portMappings": «80»,
  "mountPoints": «"data:/data"»,
  "logConfiguration": «"awslogs"»
} ]`,
        [
          /^"secrets" in container "app" must be an array, like \[/,
          /^"portMappings" in container "app" must be an array, like \[\{ "containerPort": 80 \}\], not 80\.$/,
          /^"mountPoints" in container "app" must be an array/,
          /^"logConfiguration" in container "app" must be an object/,
        ],
      );
      assert.deepEqual(findings[0].fix, { replaceWith: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:eu-west-1:123456789012:parameter/db' }] });
    });
  });

  it('shortens long strings in the message', () => {
    expectFindings(RULE, `[ { "name": "app", "image": "nginx", "memory": «"a very long value that nobody wants to read twice"» } ]`, [
      '"memory" in container "app" must be a whole number of MiB, not the string "a very long value that nobody wants…".',
    ]);
  });

  it('never reports placeholders or null', () => {
    expectNoFindings(
      RULE,
      `{
  "family": "web",
  "cpu": "\${CPU}",
  "memory": "#{Memory}",
  "networkMode": "{{NETWORK_MODE}}",
  "pidMode": null,
  "ipcMode": null,
  "requiresCompatibilities": [ "<COMPATIBILITY>" ],
  "containerDefinitions": [ {
    "name": "<CONTAINER_NAME>",
    "image": "<IMAGE1_NAME>",
    "cpu": "\${CONTAINER_CPU}",
    "memory": "{{ memory }}",
    "essential": "#{Essential}",
    "environment": [ { "name": "PORT", "value": "\${PORT}" } ],
    "logConfiguration": { "logDriver": "\${LOG_DRIVER}" }
  } ]
}`,
    );
  });

  it('accepts a well-typed task definition', () => {
    expectNoFindings(
      RULE,
      `{
  "family": "web",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "512",
  "memory": "1024",
  "containerDefinitions": [ {
    "name": "app",
    "image": "nginx:1.27",
    "cpu": 256,
    "memory": 512,
    "essential": true,
    "environment": [ { "name": "PORT", "value": "8080" } ],
    "secrets": [ { "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db" } ],
    "portMappings": [ { "containerPort": 8080, "protocol": "tcp" } ],
    "mountPoints": [],
    "logConfiguration": { "logDriver": "awslogs", "options": {} }
  } ]
}`,
    );
  });

  it('is silent when the severity is off', () => {
    expectNoFindings(RULE, `{ "cpu": 256, "containerDefinitions": [ { "name": "a", "image": "x" } ] }`, { rules: { [RULE]: 'off' } });
  });
});

describe(`${RULE} fixes`, () => {
  it('quotes, unquotes and corrects the case of values, all safe', () => {
    const doc = `{
  "family": "web",
  "cpu": |256,
  "networkMode": "AWSVPC",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "memory": "512", "essential": "true", "environment": { "PORT": 8080 } }
  ]
}`;
    assert.deepEqual(fixTitlesAt(RULE, doc), ['Change "cpu" to "256"']);
    expectFix(
      RULE,
      doc,
      'Fix all value-type problems in this file',
      `{
  "family": "web",
  "cpu": "256",
  "networkMode": "awsvpc",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "memory": 512, "essential": true, "environment": [{ "name": "PORT", "value": "8080" }] }
  ]
}`,
    );
    assert.equal(unattendedFixCount(RULE, doc), 5);
  });

  it('names the conversion of a map to name/value pairs', () => {
    const doc = '[{ "name": "app", "image": "nginx", "environment": |{ "PORT": "8080" } }]';
    expectFix(RULE, doc, 'Convert "environment" to a list of name/value pairs', '[{ "name": "app", "image": "nginx", "environment": [{ "name": "PORT", "value": "8080" }] }]');
  });
});

describe(`${RULE}: one walk per object, reported as a scan field by field would`, () => {
  it("reports each object's findings in the order of the field table, whatever the order of the properties (mutated real files)", () => {
    const seeds = seedFiles().filter((seed) => seed.name.endsWith('.json'));
    fc.assert(
      fc.property(fuzzCase(seeds.length), (fuzz) => {
        const { text } = caseText(seeds, fuzz);
        for (const doc of analyzeText(text).taskDefinitions) {
          const reported: Node[] = [];
          valueType.check({ doc, requiredTagKeys: [], reportAt: (node) => reported.push(node), reportMissing: () => assert.fail('value-type reports values only'), reports: () => true });
          const scopes = [...(doc.task ? [{ root: doc.task.node, fields: TASK_FIELDS }] : []), ...doc.containers.map((container) => ({ root: container.node, fields: CONTAINER_FIELDS }))];
          const tableOrder = scopes.flatMap(({ root, fields }) => fields.flatMap((spec) => plainNodesMatching(root, spec.path))).filter((node) => reported.includes(node));
          assert.deepEqual(
            reported.map((node) => node.offset),
            tableOrder.map((node) => node.offset),
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
