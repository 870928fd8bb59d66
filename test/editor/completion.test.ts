import * as assert from 'node:assert/strict';
import { TextEdit } from 'vscode-languageserver-types';
import { ParseError, parseTree } from 'jsonc-parser';
import { acceptCompletion, assertExcludes, assertIncludes, completionLabelsAt, completionNamed, completionsAt } from '../support/editor';
import { lintText } from '../support/lint';

function newText(marked: string, label: string): string {
  return (completionNamed(marked, label).textEdit as TextEdit).newText;
}

describe('completion', () => {
  describe('property names', () => {
    it('offers task-level keys not yet present', () => {
      const labels = completionLabelsAt(`{
  "family": "web",
  |
  "containerDefinitions": []
}`);
      assertIncludes(labels, ['taskRoleArn', 'executionRoleArn', 'networkMode', 'requiresCompatibilities', 'cpu', 'memory', 'runtimePlatform', 'pidMode']);
      assertExcludes(labels, ['family', 'containerDefinitions', 'image', 'user']);
    });

    it('offers container keys inside a container, without those already there', () => {
      const labels = completionLabelsAt(`{ "family": "web", "containerDefinitions": [ { "name": "app", "image": "nginx", | } ] }`);
      assertIncludes(labels, ['user', 'readonlyRootFilesystem', 'privileged', 'logConfiguration', 'essential', 'memory', 'portMappings']);
      assertExcludes(labels, ['name', 'image', 'family', 'networkMode']);
    });

    it('inserts the key with quotes and a value when nothing was typed', () => {
      const marked = `[ { "name": "app", "image": "nginx", | } ]`;
      assert.equal(newText(marked, 'user'), '"user": "${1:1000}"');
      assert.equal(newText(marked, 'readonlyRootFilesystem'), '"readonlyRootFilesystem": true');
      assert.equal(newText(marked, 'privileged'), '"privileged": false');
      assert.equal(newText(marked, 'logConfiguration'), '"logConfiguration": {$1}');
      assert.equal(completionNamed(marked, 'user').filterText, 'user');
    });

    it('replaces what was typed after an opening quote, and filters with the quote', () => {
      const marked = `[ { "name": "app", "image": "nginx", "us| } ]`;
      const item = completionNamed(marked, 'user');
      assert.equal(item.filterText, '"user"');
      assert.equal(acceptCompletion(marked, 'user'), '[ { "name": "app", "image": "nginx", "user": "1000" } ]');
    });

    it('replaces a closed key and keeps its value when a colon follows', () => {
      const marked = `[ { "name": "app", "image": "nginx", "us|": "1000" } ]`;
      assert.equal(newText(marked, 'user'), '"user"');
      assert.equal(acceptCompletion(marked, 'user'), '[ { "name": "app", "image": "nginx", "user": "1000" } ]');
    });

    it('adds a comma when another property follows', () => {
      const marked = `{
  "family": "web",
  "|
  "containerDefinitions": []
}`;
      assert.equal(
        acceptCompletion(marked, 'networkMode'),
        `{
  "family": "web",
  "networkMode": "awsvpc",
  "containerDefinitions": []
}`,
      );
    });

    it('offers the keys of each nested level', () => {
      const container = (inner: string) => `[ { "name": "app", "image": "nginx", ${inner} } ]`;
      assert.deepEqual(completionLabelsAt(`{ "runtimePlatform": { | }, "containerDefinitions": [] }`), ['operatingSystemFamily', 'cpuArchitecture']);
      assert.deepEqual(completionLabelsAt(container(`"logConfiguration": { "logDriver": "awslogs", | }`)), ['options', 'secretOptions']);
      assertIncludes(completionLabelsAt(container(`"linuxParameters": { | }`)), ['capabilities', 'initProcessEnabled', 'tmpfs', 'maxSwap', 'swappiness']);
      assertIncludes(completionLabelsAt(container(`"portMappings": [ { | } ]`)), ['containerPort', 'hostPort', 'protocol', 'appProtocol']);
      assert.deepEqual(completionLabelsAt(container(`"environment": [ { "name": "A", | } ]`)), ['value']);
      assert.deepEqual(completionLabelsAt(container(`"secrets": [ { | } ]`)), ['name', 'valueFrom']);
      assertIncludes(completionLabelsAt(container(`"healthCheck": { | }`)), ['command', 'interval', 'timeout', 'retries', 'startPeriod']);
      assertIncludes(completionLabelsAt(`{ "containerDefinitions": [], "volumes": [ { "name": "data", "efsVolumeConfiguration": { | } } ] }`), [
        'fileSystemId',
        'transitEncryption',
        'authorizationConfig',
      ]);
    });

    it('offers nothing inside free-form maps such as dockerLabels', () => {
      assert.deepEqual(completionLabelsAt(`[ { "name": "app", "image": "nginx", "dockerLabels": { | } } ]`), []);
    });
  });

  describe('values', () => {
    it('offers enums as JSON strings, replacing the quotes already typed', () => {
      const marked = `{ "family": "web", "networkMode": "|", "containerDefinitions": [] }`;
      assert.deepEqual(completionLabelsAt(marked), ['"awsvpc"', '"bridge"', '"host"', '"none"']);
      assert.equal(acceptCompletion(marked, '"awsvpc"'), '{ "family": "web", "networkMode": "awsvpc", "containerDefinitions": [] }');
    });

    it('after a typed colon, inserts a space, the value and the comma the next property needs', () => {
      const marked = `{
  "family": "web",
  "networkMode":|
  "containerDefinitions": []
}`;
      assert.equal(
        acceptCompletion(marked, '"awsvpc"'),
        `{
  "family": "web",
  "networkMode": "awsvpc",
  "containerDefinitions": []
}`,
      );
    });

    it('offers the enums of every level', () => {
      const container = (inner: string) => `[ { "name": "app", "image": "nginx", ${inner} } ]`;
      const task = (inner: string) => `{ ${inner}, "containerDefinitions": [] }`;
      assertIncludes(completionLabelsAt(task(`"runtimePlatform": { "operatingSystemFamily": | }`)), ['"LINUX"', '"WINDOWS_SERVER_2022_CORE"']);
      assert.deepEqual(completionLabelsAt(task(`"runtimePlatform": { "cpuArchitecture": "|" }`)), ['"X86_64"', '"ARM64"']);
      assert.deepEqual(completionLabelsAt(task(`"pidMode": |`)), ['"task"', '"host"']);
      assert.deepEqual(completionLabelsAt(task(`"ipcMode": |`)), ['"task"', '"host"', '"none"']);
      assertIncludes(completionLabelsAt(container(`"logConfiguration": { "logDriver": "|" }`)), ['"awslogs"', '"awsfirelens"', '"splunk"']);
      assert.deepEqual(completionLabelsAt(container(`"portMappings": [ { "containerPort": 80, "protocol": | } ]`)), ['"tcp"', '"udp"']);
      assert.deepEqual(completionLabelsAt(container(`"portMappings": [ { "containerPort": 80, "appProtocol": | } ]`)), ['"http"', '"http2"', '"grpc"']);
      assert.deepEqual(completionLabelsAt(task(`"volumes": [ { "name": "d", "efsVolumeConfiguration": { "transitEncryption": | } } ]`)), ['"ENABLED"', '"DISABLED"']);
    });

    it('offers booleans with the value the security controls want first', () => {
      const container = (inner: string) => `[ { "name": "app", "image": "nginx", ${inner} } ]`;
      assert.deepEqual(completionLabelsAt(container(`"essential": |`)), ['true', 'false']);
      assert.deepEqual(completionLabelsAt(container(`"privileged": |`)), ['false', 'true']);
      assert.deepEqual(completionLabelsAt(container(`"readonlyRootFilesystem": |`)), ['true', 'false']);
    });

    it('offers launch types not yet in requiresCompatibilities', () => {
      assert.deepEqual(completionLabelsAt(`{ "requiresCompatibilities": ["EC2", |], "containerDefinitions": [] }`), ['"FARGATE"', '"EXTERNAL"', '"MANAGED_INSTANCES"']);
    });

    it('offers the memory values that go with the task cpu, and the cpu values that go with the memory, as strings', () => {
      assert.deepEqual(completionLabelsAt(`{ "cpu": "512", "memory": "|", "containerDefinitions": [] }`), ['"1024"', '"2048"', '"3072"', '"4096"']);
      assert.deepEqual(completionLabelsAt(`{ "cpu": |, "memory": "2048", "containerDefinitions": [] }`), ['"256"', '"512"', '"1024"']);
      assert.deepEqual(completionLabelsAt(`{ "cpu": "1 vCPU", "memory": "|", "containerDefinitions": [] }`).length, 7);
    });

    it('offers the Windows cpu values for a Windows task', () => {
      const labels = completionLabelsAt(`{ "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2019_CORE" }, "cpu": "|", "containerDefinitions": [] }`);
      assert.deepEqual(labels, ['"1024"', '"2048"', '"4096"']);
    });

    it('offers the fitting sizes as snippet choices when completing the cpu key', () => {
      assert.equal(newText(`{ "memory": "4096", | "containerDefinitions": [] }`, 'cpu'), '"cpu": "${1|512,1024,2048|}",');
    });

    it('offers nothing after a complete value, nor for free text fields', () => {
      assert.deepEqual(completionLabelsAt(`{ "networkMode": "awsvpc" |, "containerDefinitions": [] }`), []);
      assert.deepEqual(completionLabelsAt(`{ "family": "|", "containerDefinitions": [] }`), []);
    });
  });

  describe('document shapes', () => {
    it('works inside describe-task-definition output, and not in the wrapper around it', () => {
      assertIncludes(completionLabelsAt(`{ "taskDefinition": { "containerDefinitions": [ { "name": "a", "image": "x", | } ] } }`), ['user', 'privileged']);
      assertIncludes(completionLabelsAt(`{ "taskDefinition": { | "containerDefinitions": [] } }`), ['family', 'networkMode']);
      assert.deepEqual(completionLabelsAt(`{ "taskDefinition": { "containerDefinitions": [] }, | }`), []);
    });

    it('treats the items of a bare container array as containers, including a new empty one', () => {
      assertIncludes(completionLabelsAt(`[ { "name": "a", "image": "x", | } ]`), ['user', 'logConfiguration']);
      const labels = completionLabelsAt(`[ { "name": "a", "image": "x" }, { | } ]`);
      assertIncludes(labels, ['name', 'image', 'user']);
      assertExcludes(labels, ['family']);
    });

    it('offers nothing in other JSON files, unless the file was included as a task definition', () => {
      assert.deepEqual(completionLabelsAt(`{ "name": "my-package", | }`), []);
      assert.deepEqual(completionLabelsAt(`{ | }`), []);
      assertIncludes(completionLabelsAt(`{ | }`, { assumeTaskDefinition: true }), ['family', 'containerDefinitions']);
    });
  });

  describe('new container definition', () => {
    const task = (containers: string) => `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "512",
  "memory": "1024",
  "runtimePlatform": { "operatingSystemFamily": "LINUX", "cpuArchitecture": "X86_64" },
  "executionRoleArn": "arn:aws:iam::111122223333:role/ecsTaskExecutionRole",
  "containerDefinitions": [${containers}]
}`;
    const existing = `{ "name": "app", "image": "nginx:1.27", "essential": true, "memory": 512, "user": "1000", "readonlyRootFilesystem": true, "privileged": false,
    "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "app" } } }`;

    it('is offered in containerDefinitions, not inside a container or elsewhere', () => {
      assert.deepEqual(completionLabelsAt(task(`\n    |\n  `)), ['New container definition']);
      assertExcludes(completionLabelsAt(`[ { "name": "a", "image": "x", | } ]`), ['New container definition']);
      assertExcludes(completionLabelsAt(`{ | "containerDefinitions": [] }`), ['New container definition']);
    });

    it('uses snippet placeholders for name, image, memory and region', () => {
      const snippet = newText(task(`\n    |\n  `), 'New container definition');
      for (const placeholder of ['"${1:app}"', '"${2:<IMAGE>}"', '${3:', '"${4:us-east-1}"', '"awslogs-stream-prefix": "$1"']) {
        assert.ok(snippet.includes(placeholder), `${placeholder} in ${snippet}`);
      }
    });

    it('inserts valid JSON that passes every rule, logging to /ecs/<family>', () => {
      const after = acceptCompletion(task(`\n    ${existing},\n    |\n  `), 'New container definition');
      const errors: ParseError[] = [];
      parseTree(after, errors, { allowTrailingComma: false });
      assert.deepEqual(errors, []);
      const newContainerFindings = lintText(after).filter((finding) => finding.path[0] === 'containerDefinitions' && finding.path[1] === 1);
      assert.deepEqual(
        newContainerFindings.map((finding) => `${finding.ruleId}: ${finding.message}`),
        [],
      );
      const added = (JSON.parse(after) as { containerDefinitions: Record<string, unknown>[] }).containerDefinitions[1];
      assert.deepEqual(added, {
        name: 'app-2',
        image: '<IMAGE>',
        essential: true,
        // 1024 MiB task − 128 MiB for the GuardDuty agent − 512 MiB for "app".
        memory: 384,
        user: '1000',
        readonlyRootFilesystem: true,
        privileged: false,
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'app-2' } },
      });
    });

    it('on a Windows task, runs as ContainerUser and leaves out the read-only root file system Windows does not support', () => {
      const windowsTask = `{
  "family": "iis",
  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
  "containerDefinitions": [
    |
  ]
}`;
      const after = acceptCompletion(windowsTask, 'New container definition');
      assert.deepEqual(
        lintText(after)
          .filter((finding) => finding.path[0] === 'containerDefinitions')
          .map((finding) => `${finding.ruleId}: ${finding.message}`),
        [],
      );
      const added = (JSON.parse(after) as { containerDefinitions: Record<string, unknown>[] }).containerDefinitions[0];
      assert.equal(added.user, 'ContainerUser');
      assert.equal('readonlyRootFilesystem' in added, false);
    });

    it('adds the commas between items that the JSON needs', () => {
      const before = acceptCompletion(task(`\n    |\n    ${existing}\n  `), 'New container definition');
      const after = acceptCompletion(task(`\n    ${existing}\n    |\n  `), 'New container definition');
      for (const text of [before, after]) assert.equal((JSON.parse(text) as { containerDefinitions: unknown[] }).containerDefinitions.length, 2);
    });

    it('asks for the family in a bare container array', () => {
      const snippet = newText(`[ { "name": "a", "image": "x" }, | ]`, 'New container definition');
      assert.ok(snippet.includes('"awslogs-group": "/ecs/${5:family}"'));
    });
  });

  it('completion items carry the field documentation', () => {
    const [item] = completionsAt(`{ "runtimePlatform": { | }, "containerDefinitions": [] }`);
    assert.deepEqual(item.documentation && typeof item.documentation === 'object' ? item.documentation.value.split('\n')[0] : undefined, '**operatingSystemFamily** · string');
  });
});
