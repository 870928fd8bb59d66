// Synthesizes a small ECS stack with the real AWS CDK and copies its CloudFormation template to
// examples/cdk/, so ECS Guard's CDK example is genuine `cdk synth` output. Run: npm ci && npm run synth
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';

const STACK_NAME = 'EcsGuardExampleStack';
const here = path.dirname(fileURLToPath(import.meta.url));
const target = path.resolve(here, '../../examples/cdk', `${STACK_NAME}.template.json`);

// Analytics off: the CDKMetadata resource changes with every CDK version and says nothing about ECS.
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-cdk-'));
const app = new App({ outdir, analyticsReporting: false });
const stack = new Stack(app, STACK_NAME);

const logGroup = new logs.LogGroup(stack, 'WebLogs', { retention: logs.RetentionDays.ONE_MONTH });

// A Fargate service's task as CDK users write it: GuardDuty-ready size and roles, but the container
// keeps CDK's defaults, a writable root filesystem and the image's (root) user.
const web = new ecs.FargateTaskDefinition(stack, 'WebTask', {
  cpu: 256,
  memoryLimitMiB: 1024,
  runtimePlatform: { operatingSystemFamily: ecs.OperatingSystemFamily.LINUX, cpuArchitecture: ecs.CpuArchitecture.X86_64 },
});
web.addContainer('web', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  memoryLimitMiB: 512,
  portMappings: [{ containerPort: 80 }],
  logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: 'web' }),
});
web.addContainer('log-router', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/aws-observability/aws-for-fluent-bit:stable'),
  memoryReservationMiB: 64,
  essential: false,
  readonlyRootFilesystem: true,
  user: '1000',
  logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: 'log-router' }),
});

// A batch task on EC2 in host network mode, privileged: the controls it breaks show on the CDK output.
const batch = new ecs.Ec2TaskDefinition(stack, 'BatchTask', { networkMode: ecs.NetworkMode.HOST });
batch.addContainer('batch', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:1.36'),
  memoryLimitMiB: 256,
  privileged: true,
  readonlyRootFilesystem: true,
  logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: 'batch' }),
});

const assembly = app.synth();
const synthesized = assembly.getStackByName(STACK_NAME).templateFullPath;
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(synthesized, target);
fs.rmSync(outdir, { recursive: true, force: true });
console.log(`wrote ${path.relative(process.cwd(), target)}`);
