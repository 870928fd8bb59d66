import { JSONPath, Node } from 'jsonc-parser';
import { arrayItems, childValue } from './json';

/**
 * The JSON types and enumerations that RegisterTaskDefinition checks, as data: the `value-type` rule
 * walks these tables, and hover and completion can read the same descriptions.
 */

/** The JSON type the API expects; `integer` is a JSON number without a fraction. */
export type FieldType = 'string' | 'integer' | 'boolean' | 'array' | 'object';

/** A path below the task object or below one container: property keys, and `*` for every item of an array. */
export type FieldPattern = readonly string[];

export interface FieldSpec {
  readonly path: FieldPattern;
  readonly type: FieldType;
  /** The only values the API accepts, for enumerated strings (case-sensitive). */
  readonly enum?: readonly string[];
  /** What a number counts, for messages and hover. */
  readonly unit?: string;
  /** A short example of the expected shape, shown when the type is wrong. */
  readonly example?: string;
  /** A list of name/value pairs: a `{ "NAME": "value" }` map or `"NAME=value"` strings can be converted to it. */
  readonly pairs?: { readonly nameKey: string; readonly valueKey: string };
  readonly description: string;
}

const ENVIRONMENT_PAIRS = { nameKey: 'name', valueKey: 'value' } as const;
const SECRET_PAIRS = { nameKey: 'name', valueKey: 'valueFrom' } as const;

export const NETWORK_MODES = ['bridge', 'host', 'awsvpc', 'none'] as const;
export const COMPATIBILITIES = ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'] as const;
export const OPERATING_SYSTEM_FAMILIES = [
  'LINUX',
  'WINDOWS_SERVER_2019_FULL',
  'WINDOWS_SERVER_2019_CORE',
  'WINDOWS_SERVER_2016_FULL',
  'WINDOWS_SERVER_2004_CORE',
  'WINDOWS_SERVER_2022_CORE',
  'WINDOWS_SERVER_2022_FULL',
  'WINDOWS_SERVER_2025_CORE',
  'WINDOWS_SERVER_2025_FULL',
  'WINDOWS_SERVER_20H2_CORE',
] as const;
export const LOG_DRIVERS = ['json-file', 'syslog', 'journald', 'gelf', 'fluentd', 'awslogs', 'splunk', 'awsfirelens'] as const;

/**
 * Task-level fields. `runtimePlatform.cpuArchitecture` is left out on purpose: the
 * `guardduty-cpu-architecture` rule owns that value.
 */
export const TASK_FIELDS: readonly FieldSpec[] = [
  { path: ['family'], type: 'string', description: 'The task definition family: revisions are registered under this name.' },
  { path: ['cpu'], type: 'string', unit: 'CPU units', description: 'Task CPU as a string, in CPU units ("1024") or vCPU ("1 vCPU"). Required on Fargate.' },
  { path: ['memory'], type: 'string', unit: 'MiB', description: 'Task memory as a string, in MiB ("2048") or GB ("2 GB"). Required on Fargate.' },
  { path: ['networkMode'], type: 'string', enum: NETWORK_MODES, description: 'Docker networking mode of the containers; absent means bridge on EC2. Fargate requires awsvpc.' },
  { path: ['pidMode'], type: 'string', enum: ['host', 'task'], description: 'Process namespace the containers share: the host\'s or one per task.' },
  { path: ['ipcMode'], type: 'string', enum: ['host', 'task', 'none'], description: 'IPC resource namespace of the containers.' },
  { path: ['requiresCompatibilities'], type: 'array', example: '["FARGATE"]', description: 'Launch types the task definition is validated against.' },
  { path: ['requiresCompatibilities', '*'], type: 'string', enum: COMPATIBILITIES, description: 'A launch type the task definition must be valid for.' },
  { path: ['runtimePlatform'], type: 'object', example: '{ "operatingSystemFamily": "LINUX" }', description: 'Operating system and CPU architecture the task runs on.' },
  { path: ['runtimePlatform', 'operatingSystemFamily'], type: 'string', enum: OPERATING_SYSTEM_FAMILIES, description: 'Operating system of the task; absent means Linux.' },
  { path: ['containerDefinitions'], type: 'array', example: '[{ "name": "app", "image": "nginx" }]', description: 'The containers of the task.' },
  { path: ['containerDefinitions', '*'], type: 'object', example: '{ "name": "app", "image": "nginx" }', description: 'One container definition.' },
];

/** Fields of one container definition, relative to the container object. */
export const CONTAINER_FIELDS: readonly FieldSpec[] = [
  { path: ['name'], type: 'string', description: 'Container name, unique within the task definition.' },
  { path: ['image'], type: 'string', description: 'Image the container starts from: repository URL and tag or digest.' },
  { path: ['cpu'], type: 'integer', unit: 'CPU units', description: 'CPU units reserved for the container (1024 = 1 vCPU).' },
  { path: ['memory'], type: 'integer', unit: 'MiB', description: 'Hard memory limit of the container, in MiB.' },
  { path: ['memoryReservation'], type: 'integer', unit: 'MiB', description: 'Soft memory limit of the container, in MiB.' },
  { path: ['essential'], type: 'boolean', description: 'When an essential container stops, the whole task stops. Absent means true.' },
  { path: ['privileged'], type: 'boolean', description: 'Runs the container with root-like access to the host.' },
  { path: ['readonlyRootFilesystem'], type: 'boolean', description: 'Mounts the container\'s root filesystem read-only.' },
  { path: ['interactive'], type: 'boolean', description: 'Keeps stdin open (docker run --interactive).' },
  { path: ['pseudoTerminal'], type: 'boolean', description: 'Allocates a TTY (docker run --tty).' },
  { path: ['disableNetworking'], type: 'boolean', description: 'Turns networking off inside the container.' },
  { path: ['environment'], type: 'array', pairs: ENVIRONMENT_PAIRS, example: '[{ "name": "PORT", "value": "8080" }]', description: 'Environment variables as name/value pairs.' },
  { path: ['environment', '*'], type: 'object', pairs: ENVIRONMENT_PAIRS, example: '{ "name": "PORT", "value": "8080" }', description: 'One environment variable.' },
  { path: ['environment', '*', 'name'], type: 'string', description: 'Name of the environment variable.' },
  { path: ['environment', '*', 'value'], type: 'string', description: 'Value of the environment variable: always a string, even for numbers and booleans.' },
  { path: ['secrets'], type: 'array', pairs: SECRET_PAIRS, example: '[{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:…" }]', description: 'Environment variables filled from Secrets Manager or SSM Parameter Store.' },
  { path: ['secrets', '*'], type: 'object', example: '{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:…" }', description: 'One secret.' },
  { path: ['secrets', '*', 'name'], type: 'string', description: 'Name of the environment variable the secret is exposed as.' },
  { path: ['secrets', '*', 'valueFrom'], type: 'string', description: 'ARN (or name) of the secret or parameter.' },
  { path: ['portMappings'], type: 'array', example: '[{ "containerPort": 80 }]', description: 'Ports the container exposes.' },
  { path: ['portMappings', '*'], type: 'object', example: '{ "containerPort": 80, "protocol": "tcp" }', description: 'One port mapping.' },
  { path: ['portMappings', '*', 'containerPort'], type: 'integer', unit: 'port', description: 'Port the application listens on inside the container.' },
  { path: ['portMappings', '*', 'hostPort'], type: 'integer', unit: 'port', description: 'Port on the host; with awsvpc it must equal containerPort or be absent.' },
  { path: ['portMappings', '*', 'protocol'], type: 'string', enum: ['tcp', 'udp'], description: 'Transport protocol of the mapping; absent means tcp.' },
  { path: ['portMappings', '*', 'appProtocol'], type: 'string', enum: ['http', 'http2', 'grpc'], description: 'Application protocol, used by Service Connect.' },
  { path: ['mountPoints'], type: 'array', example: '[{ "sourceVolume": "data", "containerPath": "/data" }]', description: 'Volumes mounted into the container.' },
  { path: ['mountPoints', '*'], type: 'object', example: '{ "sourceVolume": "data", "containerPath": "/data" }', description: 'One mount point.' },
  { path: ['logConfiguration'], type: 'object', example: '{ "logDriver": "awslogs", "options": { … } }', description: 'Where the container\'s logs go.' },
  { path: ['logConfiguration', 'logDriver'], type: 'string', enum: LOG_DRIVERS, description: 'Log driver of the container.' },
];

/** The spec whose pattern matches a concrete path relative to the task or container, if any. */
export function findFieldSpec(fields: readonly FieldSpec[], relativePath: JSONPath): FieldSpec | undefined {
  return fields.find(
    (spec) => spec.path.length === relativePath.length && spec.path.every((segment, i) => segment === '*' ? typeof relativePath[i] === 'number' : segment === relativePath[i]),
  );
}

/** Every node below `root` that the pattern reaches; a missing property or a non-container on the way yields nothing. */
export function nodesMatching(root: Node, pattern: FieldPattern): Node[] {
  let current: Node[] = [root];
  for (const segment of pattern) {
    current = current.flatMap((node) => {
      if (segment === '*') return arrayItems(node);
      const child = childValue(node, segment);
      return child ? [child] : [];
    });
  }
  return current;
}
