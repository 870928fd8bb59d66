import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sectionOf } from '../../server/src/editor/ruleDocs';
import { hoverAt, hoverLinesAt } from '../support/editor';

const PARAMETERS = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html';

function assertLines(lines: string[], expected: string[]): void {
  for (const line of expected) assert.ok(lines.includes(line), `missing line ${JSON.stringify(line)} in:\n${lines.join('\n')}`);
}

describe('hover', () => {
  describe('field documentation', () => {
    it('explains a container key: what it does, its type and the Security Hub controls on it', () => {
      const lines = hoverLinesAt(`{
  "family": "web",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "u|ser": "1000" }
  ]
}`);
      assertLines(lines, [
        '**user** · string',
        "User (and group) the container runs as: `user`, `uid`, `user:group`, `uid:gid`. Absent means the image's user, often root.",
        '**Security Hub ECS.20** (Linux or no OS family): set it, and not to `root` or `0`.',
        '**Security Hub ECS.21** (Windows or no OS family): set it, and not to `containeradministrator`.',
        `[Task definition parameters](${PARAMETERS}#container_definition_security)`,
      ]);
    });

    it('explains a task key from its value too, with the allowed values', () => {
      const lines = hoverLinesAt(`{ "family": "web", "networkMode": "ho|st", "containerDefinitions": [] }`);
      assertLines(lines, [
        '**networkMode** · string',
        'Allowed values: `awsvpc`, `bridge`, `host`, `none`',
        '**Security Hub ECS.17**: must not be `host`.',
        '**Fargate**: must be `awsvpc`.',
        `[Task definition parameters](${PARAMETERS}#network_mode)`,
      ]);
    });

    it('explains an array item by its array', () => {
      const lines = hoverLinesAt(`{ "requiresCompatibilities": ["FAR|GATE"], "containerDefinitions": [] }`);
      assert.equal(lines[0], '**requiresCompatibilities** · array of strings');
    });

    it('names the GuardDuty prerequisites on executionRoleArn and runtimePlatform', () => {
      const role = hoverLinesAt(`{ "execution|RoleArn": "arn:aws:iam::111122223333:role/x", "containerDefinitions": [] }`);
      assert.match(role.join('\n'), /^\*\*GuardDuty Runtime Monitoring\*\*: on Fargate the role must let the GuardDuty security agent sidecar image be pulled from ECR/m);
      const platform = hoverLinesAt(`{ "runtimePlatform": { "operatingSystem|Family": "LINUX" }, "containerDefinitions": [] }`);
      assertLines(platform, ['**GuardDuty Runtime Monitoring**: `LINUX` only; Windows is not supported.']);
    });

    it('works inside describe-task-definition output, with paths relative to the task', () => {
      const lines = hoverLinesAt(`{
  "taskDefinition": {
    "pid|Mode": "host",
    "containerDefinitions": [ { "name": "app", "image": "nginx" } ]
  }
}`);
      assertLines(lines, ['**pidMode** · string', '**Security Hub ECS.3**: must not be `host`.']);
    });

    it('says which launch type and OS take pidMode and systemControls: Fargate for Linux containers only', () => {
      assertLines(hoverLinesAt(`{ "pid|Mode": "task", "containerDefinitions": [] }`), [
        '**Fargate**: only `task`, for Linux containers (platform version 1.4.0 or later); none for Windows containers.',
      ]);
      assertLines(hoverLinesAt(`[ { "name": "a", "image": "x", "system|Controls": [] } ]`), ['**Fargate**: Linux containers only (platform version 1.4.0 or later).']);
    });

    it('says nothing about the describe wrapper itself', () => {
      assert.equal(hoverAt(`{ "task|Definition": { "containerDefinitions": [ { "name": "a", "image": "x" } ] }, "tags": [] }`), undefined);
      assert.equal(hoverAt(`{ "taskDefinition": { "containerDefinitions": [ { "name": "a", "image": "x" } ] }, "ta|gs": [] }`), undefined);
    });

    it('works in a bare container array, where items are containers', () => {
      const lines = hoverLinesAt(`[ { "name": "app", "image": "nginx", "readonlyRoot|Filesystem": false } ]`);
      assertLines(lines, ['**readonlyRootFilesystem** · boolean', '**Security Hub ECS.5**: must be `true` (absent fails too); does not apply to Windows.']);
    });

    it('documents nested objects: logConfiguration, linuxParameters, EFS volumes', () => {
      assert.equal(hoverLinesAt(`[ { "name": "a", "image": "x", "logConfiguration": { "log|Driver": "awslogs" } } ]`)[0], '**logDriver** · string');
      assert.equal(hoverLinesAt(`[ { "name": "a", "image": "x", "linuxParameters": { "init|ProcessEnabled": true } } ]`)[0], '**initProcessEnabled** · boolean');
      const efs = hoverLinesAt(`{ "containerDefinitions": [], "volumes": [ { "name": "data", "efsVolumeConfiguration": { "fileSystemId": "fs-1", "transit|Encryption": "DISABLED" } } ] }`);
      assertLines(efs, ['**transitEncryption** · string', '**Security Hub ECS.18**: must be `ENABLED`.']);
    });

    it('gives no hover on unknown keys, on objects, or in other JSON files', () => {
      assert.equal(hoverAt(`[ { "name": "a", "image": "x", "dockerLabels": { "te|am": "web" } } ]`), undefined);
      assert.equal(hoverAt(`{ "containerDefinitions": [ { "name": "a", "image": "x" } ], | "family": "x" }`), undefined);
      assert.equal(hoverAt(`{ "name": "my-package", "ver|sion": "1.0.0" }`), undefined);
    });
  });

  describe('task cpu and memory', () => {
    it('shows the Fargate size table with the current row spelled out and the current memory in bold', () => {
      const lines = hoverLinesAt(`{ "requiresCompatibilities": ["FARGATE"], "cp|u": "512", "memory": "2048", "containerDefinitions": [] }`);
      assertLines(lines, [
        '**Fargate task sizes** (Linux)',
        '| 256 (.25 vCPU) | 512, 1024, 2048 |',
        '| **512 (.5 vCPU)** | 1024, **2048**, 3072, 4096 |',
        '| 4096 (4 vCPU) | 8192–30720, step 1024 |',
        '| 16384 (16 vCPU) | 32768–122880, step 8192 |',
        'Cpu 512 (.5 vCPU) with 2048 MiB is a valid Fargate size.',
        "**GuardDuty agent**: its sidecar may use up to 128 MiB of this task's 2048 MiB, leaving 1920 MiB for your containers.",
      ]);
    });

    it('reads the vCPU and GB forms, and says which memory values go with the cpu', () => {
      const lines = hoverLinesAt(`{ "cpu": "1 vCPU", "mem|ory": "3 GB", "containerDefinitions": [] }`);
      assertLines(lines, ['| **1024 (1 vCPU)** | 2048, **3072**, 4096, 5120, 6144, 7168, 8192 |', 'Cpu 1024 (1 vCPU) with 3072 MiB is a valid Fargate size.']);
    });

    it('says when the pair is not a Fargate size', () => {
      const lines = hoverLinesAt(`{ "requiresCompatibilities": ["FARGATE"], "cpu": "512", "memory": "30|00", "containerDefinitions": [] }`);
      assertLines(lines, [
        'Memory 3000 MiB does not go with cpu 512 (.5 vCPU): use 1024, 2048, 3072, 4096.',
        '**GuardDuty agent**: its sidecar takes up to 128 MiB of task memory up to 4 vCPU, 256 or 512 MiB at 8 vCPU and 1 GiB at 16 vCPU.',
      ]);
    });

    it('gives the larger agent share of big tasks', () => {
      const lines = hoverLinesAt(`{ "requiresCompatibilities": ["FARGATE"], "cpu": "8192", "memory": "32|768", "containerDefinitions": [] }`);
      assertLines(lines, ["**GuardDuty agent**: its sidecar may use up to 512 MiB of this task's 32768 MiB, leaving 32256 MiB for your containers."]);
    });

    it('uses the Windows table and says GuardDuty does not cover Windows', () => {
      const lines = hoverLinesAt(`{
  "requiresCompatibilities": ["FARGATE"],
  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },
  "cpu": "51|2",
  "memory": "1024",
  "containerDefinitions": []
}`);
      assertLines(lines, [
        '**Fargate task sizes** (Windows)',
        '| 1024 (1 vCPU) | 2048–8192, step 1024 |',
        'Cpu 512 is not a Fargate size for Windows: use 1024, 2048, 4096.',
        '**GuardDuty Runtime Monitoring** does not support Windows tasks: no agent runs in this task.',
      ]);
      assert.ok(!lines.some((line) => line.startsWith('| 256')), 'no Linux-only rows');
    });

    it('leaves the Fargate table out for an EC2-only task definition', () => {
      const text = hoverAt(`{ "requiresCompatibilities": ["EC2"], "cpu": "5|00", "memory": "700", "containerDefinitions": [] }`) ?? '';
      assert.ok(text.startsWith('**cpu** · string'));
      assert.ok(!text.includes('Fargate task sizes'));
    });

    it('shows no size table for container-level cpu', () => {
      const text = hoverAt(`[ { "name": "a", "image": "x", "cpu": 2|56 } ]`) ?? '';
      assert.ok(text.startsWith('**cpu** · integer'));
      assert.ok(!text.includes('Fargate task sizes'));
    });
  });

  describe('findings', () => {
    const fix = sectionOf(fs.readFileSync(path.join(__dirname, '../../docs/rules/privileged-container.md'), 'utf8'), 'Fix');

    it('explains the finding under the cursor: rule, title, message, the Fix section of its docs, and the link; then the field', () => {
      const text = hoverAt(`{
  "family": "web",
  "containerDefinitions": [ { "name": "app", "image": "nginx", "privileged": tr|ue } ]
}`);
      const [finding, field] = text?.split('\n\n---\n\n') ?? [];
      assert.equal(
        finding,
        [
          '**privileged-container** (warning): Containers should run without privileged mode',
          '',
          'Container "app" runs privileged, with root-like access to the host (Security Hub ECS.4). Set "privileged": false and grant only the Linux capabilities it needs.',
          '',
          '**How to fix**',
          '',
          fix,
          '',
          '[Rule documentation](https://github.com/ecs-guard/ecs-guard/blob/main/docs/rules/privileged-container.md)',
        ].join('\n'),
      );
      assert.ok(field.startsWith('**privileged** · boolean'));
    });

    it('explains a syntax finding where there is no field', () => {
      const text = hoverAt(`{ "family": "web", "containerDefinitions": [ { "name": "a", "image": "x" }|, ] }`);
      assert.ok(text?.startsWith('**json-syntax** (error): The file must be strict JSON\n\nTrailing comma: remove it, strict JSON does not allow one.'));
    });

    it('shows only the findings it is given', () => {
      const text = hoverAt(`[ { "name": "a", "image": "x", "privileged": tr|ue } ]`, { findings: [] });
      assert.ok(text?.startsWith('**privileged** · boolean'));
    });
  });
});
