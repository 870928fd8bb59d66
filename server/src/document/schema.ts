import { JSONPath, Node } from 'jsonc-parser';
import { arrayItems, childValue } from './json';

/**
 * The JSON types and enumerations that RegisterTaskDefinition checks, as data: the `value-type` rule
 * walks these tables, and the editor's field docs (server/src/editor/fieldDocs.ts) take their allowed values
 * from the enumerations here, so completion never offers what the rule rejects.
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
  { path: ['family'], type: 'string' },
  { path: ['cpu'], type: 'string', unit: 'CPU units' },
  { path: ['memory'], type: 'string', unit: 'MiB' },
  { path: ['networkMode'], type: 'string', enum: NETWORK_MODES },
  { path: ['pidMode'], type: 'string', enum: ['host', 'task'] },
  { path: ['ipcMode'], type: 'string', enum: ['host', 'task', 'none'] },
  { path: ['requiresCompatibilities'], type: 'array', example: '["FARGATE"]' },
  { path: ['requiresCompatibilities', '*'], type: 'string', enum: COMPATIBILITIES },
  { path: ['runtimePlatform'], type: 'object', example: '{ "operatingSystemFamily": "LINUX" }' },
  { path: ['runtimePlatform', 'operatingSystemFamily'], type: 'string', enum: OPERATING_SYSTEM_FAMILIES },
  { path: ['containerDefinitions'], type: 'array', example: '[{ "name": "app", "image": "nginx" }]' },
  { path: ['containerDefinitions', '*'], type: 'object', example: '{ "name": "app", "image": "nginx" }' },
];

/** Fields of one container definition, relative to the container object. */
export const CONTAINER_FIELDS: readonly FieldSpec[] = [
  { path: ['name'], type: 'string' },
  { path: ['image'], type: 'string' },
  { path: ['cpu'], type: 'integer', unit: 'CPU units' },
  { path: ['memory'], type: 'integer', unit: 'MiB' },
  { path: ['memoryReservation'], type: 'integer', unit: 'MiB' },
  { path: ['essential'], type: 'boolean' },
  { path: ['privileged'], type: 'boolean' },
  { path: ['readonlyRootFilesystem'], type: 'boolean' },
  { path: ['interactive'], type: 'boolean' },
  { path: ['pseudoTerminal'], type: 'boolean' },
  { path: ['disableNetworking'], type: 'boolean' },
  { path: ['environment'], type: 'array', pairs: ENVIRONMENT_PAIRS, example: '[{ "name": "PORT", "value": "8080" }]' },
  { path: ['environment', '*'], type: 'object', pairs: ENVIRONMENT_PAIRS, example: '{ "name": "PORT", "value": "8080" }' },
  { path: ['environment', '*', 'name'], type: 'string' },
  { path: ['environment', '*', 'value'], type: 'string' },
  { path: ['secrets'], type: 'array', pairs: SECRET_PAIRS, example: '[{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:…" }]' },
  { path: ['secrets', '*'], type: 'object', example: '{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:…" }' },
  { path: ['secrets', '*', 'name'], type: 'string' },
  { path: ['secrets', '*', 'valueFrom'], type: 'string' },
  { path: ['portMappings'], type: 'array', example: '[{ "containerPort": 80 }]' },
  { path: ['portMappings', '*'], type: 'object', example: '{ "containerPort": 80, "protocol": "tcp" }' },
  { path: ['portMappings', '*', 'containerPort'], type: 'integer', unit: 'port' },
  { path: ['portMappings', '*', 'hostPort'], type: 'integer', unit: 'port' },
  { path: ['portMappings', '*', 'protocol'], type: 'string', enum: ['tcp', 'udp'] },
  { path: ['portMappings', '*', 'appProtocol'], type: 'string', enum: ['http', 'http2', 'grpc'] },
  { path: ['mountPoints'], type: 'array', example: '[{ "sourceVolume": "data", "containerPath": "/data" }]' },
  { path: ['mountPoints', '*'], type: 'object', example: '{ "sourceVolume": "data", "containerPath": "/data" }' },
  { path: ['logConfiguration'], type: 'object', example: '{ "logDriver": "awslogs", "options": { … } }' },
  { path: ['logConfiguration', 'logDriver'], type: 'string', enum: LOG_DRIVERS },
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
