import { JSONPath } from 'jsonc-parser';

/**
 * The one table of task definition fields: what each field is (its docs for hover and completion), what it
 * takes (its type and allowed values) and which fields the `value-type` rule checks. The editor's field docs
 * (editor/fieldDocs.ts) and the `value-type` rule's schema (document/schema.ts) are views of it, so
 * completion never offers what the rule rejects, and an enumeration is spelt once.
 */

/** How the docs name a field's type; the `value-type` rule checks the JSON type behind it. */
export type FieldType = 'string' | 'integer' | 'boolean' | 'object' | 'string map' | 'array of strings' | 'array of integers' | 'array of objects';

/** A list of name/value pairs: a `{ "NAME": "value" }` map or `"NAME=value"` strings can be converted to it. */
export interface NamePairs {
  readonly nameKey: string;
  readonly valueKey: string;
}

/** What the `value-type` rule checks of a field, beyond its type and allowed values. */
export interface TypeCheck {
  /** A short example of the expected shape, shown when the type is wrong. */
  readonly example?: string;
  readonly pairs?: NamePairs;
  /** For an array: its items are checked too (for an array of strings, against `values`). */
  readonly items?: { readonly example?: string; readonly pairs?: NamePairs };
}

export interface Field {
  /** JSON-path pattern relative to the task object; `*` stands for any array index. */
  readonly path: readonly string[];
  readonly type: FieldType;
  /** What the field does, in a sentence or two. */
  readonly summary: string;
  /** The only values the API accepts (case-sensitive), in the API's order; for an array, of its items. */
  readonly values?: readonly string[];
  /** The value ECS Guard recommends among `values`: listed and completed first. */
  readonly recommended?: string;
  /** What a number counts, for the `value-type` rule's messages. */
  readonly unit?: string;
  /** What GuardDuty Runtime Monitoring, Security Hub, Fargate or the ECS API require of it (Markdown). */
  readonly requires?: readonly string[];
  /** The field's section on the AWS task definition parameters page. */
  readonly anchor?: string;
  /** Snippet for the value when the key is completed, when the type's default is not the best start. */
  readonly valueSnippet?: string;
  /** Set when the `value-type` rule checks the field's JSON type and values; documented only otherwise. */
  readonly check?: TypeCheck;
}

type Extra = Omit<Field, 'path' | 'type' | 'summary'>;

/** `spec` is the path pattern with dots between segments; no key in the table contains a dot. */
function field(spec: string, type: FieldType, summary: string, extra: Extra = {}): Field {
  return { path: spec.split('.'), type, summary, ...extra };
}

// Enumerations of the ECS API, each spelt once.
const NETWORK_MODES = ['bridge', 'host', 'awsvpc', 'none'] as const;
const PID_MODES = ['host', 'task'] as const;
const IPC_MODES = ['host', 'task', 'none'] as const;
const COMPATIBILITIES = ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'] as const;
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
export const CPU_ARCHITECTURES = ['X86_64', 'ARM64'] as const;
const LOG_DRIVERS = ['json-file', 'syslog', 'journald', 'gelf', 'fluentd', 'awslogs', 'splunk', 'awsfirelens'] as const;
const PORT_PROTOCOLS = ['tcp', 'udp'] as const;
const APP_PROTOCOLS = ['http', 'http2', 'grpc'] as const;

const ENVIRONMENT_PAIRS: NamePairs = { nameKey: 'name', valueKey: 'value' };
const SECRET_PAIRS: NamePairs = { nameKey: 'name', valueKey: 'valueFrom' };

const GUARDDUTY = '**GuardDuty Runtime Monitoring**';
const FARGATE = '**Fargate**';
const NOT_ON_AWSVPC = `${FARGATE} and \`awsvpc\` tasks: not supported.`;
const ANCHOR = {
  task: 'task_size',
  container: 'container_definitions',
  network: 'container_definition_network',
  security: 'container_definition_security',
  storage: 'container_definition_storage',
  environment: 'container_definition_environment',
  linux: 'container_definition_linuxparameters',
  volumes: 'volumes',
} as const;

const LINUX_CAPABILITIES = [
  'ALL',
  'AUDIT_CONTROL',
  'AUDIT_WRITE',
  'BLOCK_SUSPEND',
  'CHOWN',
  'DAC_OVERRIDE',
  'DAC_READ_SEARCH',
  'FOWNER',
  'FSETID',
  'IPC_LOCK',
  'IPC_OWNER',
  'KILL',
  'LEASE',
  'LINUX_IMMUTABLE',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
  'MKNOD',
  'NET_ADMIN',
  'NET_BIND_SERVICE',
  'NET_BROADCAST',
  'NET_RAW',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_ADMIN',
  'SYS_BOOT',
  'SYS_CHROOT',
  'SYS_MODULE',
  'SYS_NICE',
  'SYS_PACCT',
  'SYS_PTRACE',
  'SYS_RAWIO',
  'SYS_RESOURCE',
  'SYS_TIME',
  'SYS_TTY_CONFIG',
  'SYSLOG',
  'WAKE_ALARM',
];
const ULIMIT_NAMES = ['core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack'];
export const ENABLED_DISABLED = ['ENABLED', 'DISABLED'];

const C = 'containerDefinitions.*';

export const FIELDS: readonly Field[] = [
  // Task level
  field('family', 'string', 'Name of the task definition family; every registration adds a revision to it. Up to 255 letters, digits, hyphens and underscores.', {
    anchor: 'family',
    check: {},
    requires: ['**ECS API**: required.'],
  }),
  field('taskRoleArn', 'string', 'IAM role that the code in the containers assumes to call AWS APIs.', {
    anchor: 'task_role_arn',
    requires: ['**Least privilege**: give the task a role of its own, not the execution role.'],
  }),
  field('executionRoleArn', 'string', "IAM role that ECS and Fargate use on the task's behalf: to pull images from ECR, read `secrets` and send `awslogs` logs.", {
    anchor: 'execution_role_arn',
    requires: [
      `${GUARDDUTY}: on Fargate the role must let the GuardDuty security agent sidecar image be pulled from ECR: \`ecr:GetAuthorizationToken\`, \`ecr:BatchCheckLayerAvailability\`, \`ecr:GetDownloadUrlForLayer\` and \`ecr:BatchGetImage\` (the managed policy AmazonECSTaskExecutionRolePolicy has them).`,
    ],
  }),
  field('networkMode', 'string', "Docker networking mode of the task's containers. Absent means `bridge` on EC2 Linux.", {
    anchor: 'network_mode',
    values: NETWORK_MODES,
    recommended: 'awsvpc',
    check: {},
    requires: ['**Security Hub ECS.17**: must not be `host`.', `${FARGATE}: must be \`awsvpc\`.`],
  }),
  field('containerDefinitions', 'array of objects', 'The containers of the task, at least one.', {
    anchor: 'container_definitions',
    check: { example: '[{ "name": "app", "image": "nginx" }]', items: { example: '{ "name": "app", "image": "nginx" }' } },
    requires: ['**ECS API**: required; at least one container must be essential.'],
  }),
  field('volumes', 'array of objects', 'Data volumes the containers can mount with `mountPoints`: bind mounts, Docker volumes, Amazon EFS or FSx for Windows File Server.', { anchor: ANCHOR.volumes }),
  field('placementConstraints', 'array of objects', 'Rules that restrict which EC2 container instances the task may be placed on.', { requires: [`${FARGATE}: not supported.`] }),
  field('requiresCompatibilities', 'array of strings', 'Launch types the task definition is validated against when it is registered.', {
    anchor: 'requires_compatibilities',
    values: COMPATIBILITIES,
    recommended: 'FARGATE',
    check: { example: '["FARGATE"]', items: {} },
    valueSnippet: '["${1|FARGATE,EC2,EXTERNAL,MANAGED_INSTANCES|}"]',
    requires: [
      `${FARGATE}: with \`FARGATE\`, task \`cpu\` and \`memory\` must form a valid Fargate size and \`networkMode\` must be \`awsvpc\`.`,
      `${GUARDDUTY}: on Fargate, GuardDuty adds its security agent as a sidecar container to each new task.`,
    ],
  }),
  field('cpu', 'string', 'Task CPU, in CPU units as a string (`"1024"` is 1 vCPU) or in vCPU (`"1 vCPU"`).', {
    anchor: ANCHOR.task,
    unit: 'CPU units',
    check: {},
    requires: [`${FARGATE}: required; it must pair with \`memory\`.`, `${GUARDDUTY}: the agent sidecar takes its memory out of the task's; its share grows with the task size.`],
  }),
  field('memory', 'string', 'Task memory, in MiB as a string (`"2048"`) or in GB (`"2 GB"`).', {
    anchor: ANCHOR.task,
    unit: 'MiB',
    check: {},
    requires: [`${FARGATE}: required; it must pair with \`cpu\`.`, `${GUARDDUTY}: the agent sidecar takes its memory out of this; leave room for it.`],
  }),
  field('pidMode', 'string', "Process namespace of the containers: the host's, or one shared by the containers of the task.", {
    anchor: 'task_definition_pidmode',
    values: PID_MODES,
    recommended: 'task',
    check: {},
    requires: ['**Security Hub ECS.3**: must not be `host`.', `${FARGATE}: only \`task\`, for Linux containers (platform version 1.4.0 or later); none for Windows containers.`],
  }),
  field('ipcMode', 'string', "IPC namespace of the containers: the host's, one per task, or private to each container.", {
    anchor: 'task_definition_ipcmode',
    values: IPC_MODES,
    recommended: 'task',
    check: {},
    requires: [`${FARGATE}: not supported.`, "**Security**: `host` exposes the host's shared memory to the containers."],
  }),
  field('proxyConfiguration', 'object', 'App Mesh proxy (Envoy) settings for the task.', { anchor: 'proxyConfiguration' }),
  field('proxyConfiguration.type', 'string', 'The proxy type.', { values: ['APPMESH'] }),
  field('proxyConfiguration.containerName', 'string', 'The container that runs the proxy.'),
  field('proxyConfiguration.properties', 'array of objects', 'Proxy settings as name/value pairs (`IgnoredUID`, `AppPorts`, `ProxyIngressPort`, ...).'),
  field('inferenceAccelerators', 'array of objects', 'Elastic Inference accelerators attached to the task (EC2 only).'),
  field('inferenceAccelerators.*.deviceName', 'string', 'Name that `resourceRequirements` of a container refers to.'),
  field('inferenceAccelerators.*.deviceType', 'string', 'The Elastic Inference accelerator type.'),
  field('ephemeralStorage', 'object', "Size of the task's ephemeral storage on Fargate; 20 GiB when absent.", { anchor: 'task_definition_ephemeralStorage' }),
  field('ephemeralStorage.sizeInGiB', 'integer', 'Ephemeral storage in GiB, from 21 to 200.'),
  field('runtimePlatform', 'object', 'Operating system and CPU architecture the task runs on; needed for Windows and ARM64 on Fargate.', {
    anchor: 'runtime-platform',
    check: { example: '{ "operatingSystemFamily": "LINUX" }' },
    requires: [
      `${GUARDDUTY}: Linux only, on \`X86_64\` or \`ARM64\`; Windows tasks are not monitored.`,
      '**Security Hub**: ECS.5 does not apply to Windows; ECS.20 checks Linux users and ECS.21 Windows users.',
    ],
  }),
  field('runtimePlatform.operatingSystemFamily', 'string', 'Operating system family. Absent means `LINUX`.', {
    anchor: 'runtime-platform',
    values: OPERATING_SYSTEM_FAMILIES,
    check: {},
    requires: [`${GUARDDUTY}: \`LINUX\` only; Windows is not supported.`],
  }),
  field('runtimePlatform.cpuArchitecture', 'string', 'CPU architecture. Absent means `X86_64`.', {
    anchor: 'runtime-platform',
    // Not type-checked: the guardduty-cpu-architecture rule owns this value.
    values: CPU_ARCHITECTURES,
    requires: [`${GUARDDUTY}: both are supported.`],
  }),
  field('tags', 'array of objects', 'Key/value metadata on the task definition, up to 50 tags.', {
    requires: ['**Security Hub ECS.15**: task definitions should carry tags (and the keys your control configuration requires).'],
  }),
  field('tags.*.key', 'string', 'Tag key, up to 128 characters; the `aws:` prefix is reserved.'),
  field('tags.*.value', 'string', 'Tag value, up to 256 characters.'),
  field('enableFaultInjection', 'boolean', "Allows the task's containers to receive AWS Fault Injection Service actions."),
  field('placementConstraints.*.type', 'string', 'The constraint type.', { values: ['memberOf'] }),
  field('placementConstraints.*.expression', 'string', 'Cluster query language expression, for example `attribute:ecs.instance-type =~ t3.*`.'),

  // Container level
  field(`${C}.name`, 'string', 'Container name, unique in the task; `links`, `dependsOn` and `volumesFrom` refer to it.', {
    check: {},
    anchor: ANCHOR.container,
    requires: ['**ECS API**: required.'],
  }),
  field(`${C}.image`, 'string', 'Image to run: `repository/image:tag` or `repository/image@sha256:digest`.', {
    check: {},
    anchor: 'container_definition_image',
    requires: ['**ECS API**: required.'],
  }),
  field(`${C}.repositoryCredentials`, 'object', 'Secrets Manager secret holding credentials for a private registry outside ECR.', { anchor: ANCHOR.container }),
  field(`${C}.repositoryCredentials.credentialsParameter`, 'string', 'ARN of the secret; the execution role must be allowed to read it.'),
  field(`${C}.cpu`, 'integer', 'CPU units reserved for the container (1024 is 1 vCPU). On Fargate, the containers together must fit the task `cpu`.', {
    anchor: ANCHOR.container,
    unit: 'CPU units',
    check: {},
  }),
  field(`${C}.memory`, 'integer', 'Hard memory limit in MiB: the container is stopped when it goes above it.', {
    unit: 'MiB',
    check: {},
    anchor: 'container_definition_memory',
    requires: [
      '**AWS Config** `ecs-task-definition-memory-hard-limit`: every container should set it.',
      `${GUARDDUTY}: on Fargate, the containers together must leave room in the task memory for the agent sidecar.`,
    ],
  }),
  field(`${C}.memoryReservation`, 'integer', 'Soft memory limit in MiB: memory reserved for the container, which may use more up to `memory`.', {
    anchor: 'container_definition_memory',
    unit: 'MiB',
    check: {},
  }),
  field(`${C}.links`, 'array of strings', 'Legacy `bridge`-mode links to other containers, as `name:alias`.', { anchor: ANCHOR.network, requires: [NOT_ON_AWSVPC] }),
  field(`${C}.portMappings`, 'array of objects', 'Container ports to expose.', {
    check: { example: '[{ "containerPort": 80 }]', items: { example: '{ "containerPort": 80, "protocol": "tcp" }' } },
    anchor: 'container_definition_portmappings',
    requires: ['**`awsvpc`**: `hostPort` must be absent or equal to `containerPort`.'],
  }),
  field(`${C}.essential`, 'boolean', 'When an essential container stops, the whole task stops. Absent means `true`.', {
    check: {},
    anchor: ANCHOR.container,
    valueSnippet: '${1|true,false|}',
    requires: ['**ECS API**: at least one container of the task must be essential.'],
  }),
  field(`${C}.restartPolicy`, 'object', 'Restarts the container in place when it exits, instead of replacing the task.', { anchor: ANCHOR.container }),
  field(`${C}.restartPolicy.enabled`, 'boolean', 'Turns the restart policy on.'),
  field(`${C}.restartPolicy.ignoredExitCodes`, 'array of integers', 'Exit codes after which the container is not restarted.'),
  field(`${C}.restartPolicy.restartAttemptPeriod`, 'integer', 'Seconds (60 to 1800) the container must run before a restart is attempted again.'),
  field(`${C}.entryPoint`, 'array of strings', "Replaces the image's `ENTRYPOINT`.", { anchor: ANCHOR.container }),
  field(`${C}.command`, 'array of strings', "Replaces the image's `CMD`.", { anchor: ANCHOR.container }),
  field(`${C}.environment`, 'array of objects', 'Environment variables, in plain text in the task definition.', {
    check: { example: '[{ "name": "PORT", "value": "8080" }]', pairs: ENVIRONMENT_PAIRS, items: { example: '{ "name": "PORT", "value": "8080" }', pairs: ENVIRONMENT_PAIRS } },
    anchor: ANCHOR.environment,
    requires: ['**Security Hub ECS.8**: no `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` or `ECS_ENGINE_AUTH_DATA`; pass credentials with `secrets`.'],
  }),
  field(`${C}.environment.*.name`, 'string', 'Variable name.', {
    check: {},
    requires: ['**Security Hub ECS.8**: not `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` or `ECS_ENGINE_AUTH_DATA`.'],
  }),
  field(`${C}.environment.*.value`, 'string', 'Variable value, readable by anyone who can describe the task definition.', { check: {} }),
  field(`${C}.environmentFiles`, 'array of objects', 'Files in Amazon S3 with `VARIABLE=value` lines, added to the environment.', { anchor: ANCHOR.environment }),
  field(`${C}.environmentFiles.*.value`, 'string', 'ARN of the S3 object (`.env` file).'),
  field(`${C}.environmentFiles.*.type`, 'string', 'The file type.', { values: ['s3'] }),
  field(`${C}.mountPoints`, 'array of objects', 'Task `volumes` mounted into the container. With a read-only root file system, mount a volume wherever the app must write.', {
    anchor: ANCHOR.storage,
    check: { example: '[{ "sourceVolume": "data", "containerPath": "/data" }]', items: { example: '{ "sourceVolume": "data", "containerPath": "/data" }' } },
  }),
  field(`${C}.mountPoints.*.sourceVolume`, 'string', 'The `name` of a task volume.'),
  field(`${C}.mountPoints.*.containerPath`, 'string', 'Where the volume appears in the container.'),
  field(`${C}.mountPoints.*.readOnly`, 'boolean', 'Mount read-only. Absent means `false`.'),
  field(`${C}.volumesFrom`, 'array of objects', 'Mounts every volume of another container of the task.', { anchor: ANCHOR.storage }),
  field(`${C}.volumesFrom.*.sourceContainer`, 'string', "The other container's `name`."),
  field(`${C}.volumesFrom.*.readOnly`, 'boolean', 'Mount read-only. Absent means `false`.'),
  field(`${C}.linuxParameters`, 'object', 'Linux-specific settings: capabilities, devices, init process, shared memory, tmpfs and swap.', { anchor: ANCHOR.linux }),
  field(`${C}.secrets`, 'array of objects', 'Environment variables read at start from Secrets Manager or SSM Parameter Store: the place for credentials.', {
    check: {
      example: '[{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:…" }]',
      pairs: SECRET_PAIRS,
      items: { example: '{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:…" }' },
    },
    anchor: ANCHOR.environment,
    requires: ['**Execution role**: must be allowed to read each secret or parameter.'],
  }),
  field(`${C}.secrets.*.name`, 'string', 'Environment variable name in the container.', { check: {} }),
  field(`${C}.secrets.*.valueFrom`, 'string', 'ARN (or name, in the same Region) of the secret or SSM parameter; a secret may end in `:json-key::`.', { check: {} }),
  field(`${C}.dependsOn`, 'array of objects', 'Containers that must reach a condition before this one starts.', { anchor: 'container_definition_dependson' }),
  field(`${C}.dependsOn.*.containerName`, 'string', "The other container's `name`."),
  field(`${C}.dependsOn.*.condition`, 'string', 'What the other container must reach: started, exited, exited with 0, or healthy.', { values: ['START', 'COMPLETE', 'SUCCESS', 'HEALTHY'] }),
  field(`${C}.startTimeout`, 'integer', 'Seconds to wait for dependencies before giving up on starting this container.', { anchor: 'container_definition_timeout' }),
  field(`${C}.stopTimeout`, 'integer', 'Seconds between SIGTERM and SIGKILL when the container is stopped.', {
    anchor: 'container_definition_timeout',
    requires: [`${FARGATE}: at most 120.`],
  }),
  field(`${C}.versionConsistency`, 'string', 'Whether ECS resolves the image tag to a digest at deployment, so every task runs the same image.', {
    anchor: ANCHOR.container,
    values: ['enabled', 'disabled'],
  }),
  field(`${C}.hostname`, 'string', 'Host name inside the container.', { anchor: ANCHOR.network, requires: [NOT_ON_AWSVPC] }),
  field(`${C}.user`, 'string', "User (and group) the container runs as: `user`, `uid`, `user:group`, `uid:gid`. Absent means the image's user, often root.", {
    anchor: ANCHOR.security,
    valueSnippet: '"${1:1000}"',
    requires: ['**Security Hub ECS.20** (Linux or no OS family): set it, and not to `root` or `0`.', '**Security Hub ECS.21** (Windows or no OS family): set it, and not to `containeradministrator`.'],
  }),
  field(`${C}.workingDirectory`, 'string', 'Directory in which `command` and `entryPoint` run.', { anchor: ANCHOR.container }),
  field(`${C}.disableNetworking`, 'boolean', 'Turns networking off inside the container.', { anchor: ANCHOR.network, check: {} }),
  field(`${C}.privileged`, 'boolean', 'Gives the container root-like access to the host: every capability and every device.', {
    check: {},
    anchor: ANCHOR.security,
    valueSnippet: 'false',
    requires: ['**Security Hub ECS.4**: must not be `true`.', `${FARGATE}: not supported.`],
  }),
  field(`${C}.readonlyRootFilesystem`, 'boolean', "Mounts the container's root file system read-only; write to mounted volumes instead.", {
    check: {},
    anchor: ANCHOR.storage,
    valueSnippet: 'true',
    requires: ['**Security Hub ECS.5**: must be `true` (absent fails too); does not apply to Windows.'],
  }),
  field(`${C}.dnsServers`, 'array of strings', 'DNS server addresses for the container.', { anchor: ANCHOR.network, requires: [NOT_ON_AWSVPC] }),
  field(`${C}.dnsSearchDomains`, 'array of strings', 'DNS search domains for the container.', { anchor: ANCHOR.network, requires: [NOT_ON_AWSVPC] }),
  field(`${C}.extraHosts`, 'array of objects', "Lines added to the container's `/etc/hosts`.", { anchor: ANCHOR.network, requires: [NOT_ON_AWSVPC] }),
  field(`${C}.extraHosts.*.hostname`, 'string', 'Host name to resolve.'),
  field(`${C}.extraHosts.*.ipAddress`, 'string', 'Address it resolves to.'),
  field(`${C}.dockerSecurityOptions`, 'array of strings', 'SELinux, AppArmor or credential-spec labels for the container.', { anchor: ANCHOR.security, requires: [`${FARGATE}: not supported.`] }),
  field(`${C}.interactive`, 'boolean', 'Keeps stdin open (`docker run -i`).', { anchor: ANCHOR.container, check: {} }),
  field(`${C}.pseudoTerminal`, 'boolean', 'Allocates a TTY (`docker run -t`).', { anchor: ANCHOR.container, check: {} }),
  field(`${C}.dockerLabels`, 'string map', 'Docker labels on the container, as string keys and values.', { anchor: 'container_definition_labels' }),
  field(`${C}.ulimits`, 'array of objects', "Resource limits for the container's processes.", { anchor: ANCHOR.container, requires: [`${FARGATE}: only \`nofile\` can be changed.`] }),
  field(`${C}.ulimits.*.name`, 'string', 'The limit.', { values: ULIMIT_NAMES }),
  field(`${C}.ulimits.*.softLimit`, 'integer', 'Soft limit.'),
  field(`${C}.ulimits.*.hardLimit`, 'integer', 'Hard limit.'),
  field(`${C}.logConfiguration`, 'object', "Where the container's stdout and stderr go.", {
    check: { example: '{ "logDriver": "awslogs", "options": { … } }' },
    anchor: ANCHOR.storage,
    requires: ['**Security Hub ECS.9**: every container needs one, with a `logDriver`.'],
  }),
  field(`${C}.healthCheck`, 'object', 'Command Docker runs in the container to decide whether it is healthy.', { anchor: 'container_definition_healthcheck' }),
  field(`${C}.systemControls`, 'array of objects', 'Kernel parameters (`sysctl`) set in the container.', {
    anchor: ANCHOR.container,
    requires: [`${FARGATE}: Linux containers only (platform version 1.4.0 or later).`],
  }),
  field(`${C}.systemControls.*.namespace`, 'string', 'The kernel parameter, for example `net.ipv4.tcp_keepalive_time`.'),
  field(`${C}.systemControls.*.value`, 'string', 'Its value.'),
  field(`${C}.resourceRequirements`, 'array of objects', 'GPUs or inference accelerators reserved for the container.', { anchor: ANCHOR.container }),
  field(`${C}.resourceRequirements.*.type`, 'string', 'The resource.', { values: ['GPU', 'InferenceAccelerator'] }),
  field(`${C}.resourceRequirements.*.value`, 'string', 'Number of GPUs, or the `deviceName` of an inference accelerator.'),
  field(`${C}.firelensConfiguration`, 'object', 'Makes this container the FireLens log router (Fluent Bit or Fluentd) for the task.', { anchor: ANCHOR.storage }),
  field(`${C}.firelensConfiguration.type`, 'string', 'The log router.', { values: ['fluentbit', 'fluentd'] }),
  field(`${C}.firelensConfiguration.options`, 'string map', 'Router options, such as `enable-ecs-log-metadata` or `config-file-value`.'),
  field(`${C}.credentialSpecs`, 'array of strings', 'gMSA credential specs (ARNs) for Active Directory authentication.', { anchor: ANCHOR.security }),

  // logConfiguration
  field(`${C}.logConfiguration.logDriver`, 'string', "Log driver that receives the container's output.", {
    anchor: ANCHOR.storage,
    values: LOG_DRIVERS,
    check: {},
    requires: ['**Security Hub ECS.9**: required.', `${FARGATE}: \`awslogs\`, \`splunk\` or \`awsfirelens\`.`],
  }),
  field(`${C}.logConfiguration.options`, 'string map', 'Driver options; for `awslogs`: `awslogs-group`, `awslogs-region`, `awslogs-stream-prefix` (required on Fargate), `mode`.', {
    anchor: ANCHOR.storage,
  }),
  field(`${C}.logConfiguration.secretOptions`, 'array of objects', 'Driver options read from Secrets Manager or SSM Parameter Store, such as a Splunk token.', { anchor: ANCHOR.storage }),
  field(`${C}.logConfiguration.secretOptions.*.name`, 'string', 'Driver option name.'),
  field(`${C}.logConfiguration.secretOptions.*.valueFrom`, 'string', 'ARN of the secret or SSM parameter.'),

  // linuxParameters
  field(`${C}.linuxParameters.capabilities`, 'object', "Linux capabilities added to or dropped from Docker's default set.", {
    anchor: ANCHOR.linux,
    requires: [`${FARGATE}: only \`SYS_PTRACE\` can be added.`],
  }),
  field(`${C}.linuxParameters.capabilities.add`, 'array of strings', 'Capabilities to add.', { values: LINUX_CAPABILITIES }),
  field(`${C}.linuxParameters.capabilities.drop`, 'array of strings', 'Capabilities to drop; `ALL` drops every one.', { values: LINUX_CAPABILITIES }),
  field(`${C}.linuxParameters.devices`, 'array of objects', 'Host devices exposed to the container.', { anchor: ANCHOR.linux, requires: [`${FARGATE}: not supported.`] }),
  field(`${C}.linuxParameters.devices.*.hostPath`, 'string', 'Device path on the host.'),
  field(`${C}.linuxParameters.devices.*.containerPath`, 'string', 'Device path in the container.'),
  field(`${C}.linuxParameters.devices.*.permissions`, 'array of strings', 'What the container may do with the device.', { values: ['read', 'write', 'mknod'] }),
  field(`${C}.linuxParameters.initProcessEnabled`, 'boolean', 'Runs an init process as PID 1 that forwards signals and reaps zombie processes.', { anchor: ANCHOR.linux }),
  field(`${C}.linuxParameters.sharedMemorySize`, 'integer', 'Size of `/dev/shm` in MiB.', { anchor: ANCHOR.linux, requires: [`${FARGATE}: not supported.`] }),
  field(`${C}.linuxParameters.tmpfs`, 'array of objects', 'tmpfs mounts: writable scratch space in memory, useful with a read-only root file system.', {
    anchor: ANCHOR.linux,
    requires: [`${FARGATE}: not supported.`],
  }),
  field(`${C}.linuxParameters.tmpfs.*.containerPath`, 'string', 'Mount path in the container.'),
  field(`${C}.linuxParameters.tmpfs.*.size`, 'integer', 'Size in MiB.'),
  field(`${C}.linuxParameters.tmpfs.*.mountOptions`, 'array of strings', 'Mount options such as `noexec` or `nosuid`.'),
  field(`${C}.linuxParameters.maxSwap`, 'integer', 'Swap the container may use, in MiB; `0` turns swap off.', { anchor: ANCHOR.linux, requires: [`${FARGATE}: not supported.`] }),
  field(`${C}.linuxParameters.swappiness`, 'integer', 'How readily pages are swapped, from 0 to 100; 60 when absent.', { anchor: ANCHOR.linux, requires: [`${FARGATE}: not supported.`] }),

  // portMappings items
  field(`${C}.portMappings.*.containerPort`, 'integer', 'Port the application listens on in the container.', { anchor: 'container_definition_portmappings', unit: 'port', check: {} }),
  field(`${C}.portMappings.*.hostPort`, 'integer', 'Port on the host; `0` or absent picks a dynamic port in `bridge` mode.', {
    unit: 'port',
    check: {},
    anchor: 'container_definition_portmappings',
    requires: ['**`awsvpc`**: absent or equal to `containerPort`.'],
  }),
  field(`${C}.portMappings.*.protocol`, 'string', 'Transport protocol. Absent means `tcp`.', { anchor: 'container_definition_portmappings', values: PORT_PROTOCOLS, check: {} }),
  field(`${C}.portMappings.*.name`, 'string', 'Name of the mapping, used by Service Connect.', { anchor: 'container_definition_portmappings' }),
  field(`${C}.portMappings.*.appProtocol`, 'string', 'Application protocol, for Service Connect metrics and routing.', {
    anchor: 'container_definition_portmappings',
    values: APP_PROTOCOLS,
    check: {},
  }),
  field(`${C}.portMappings.*.containerPortRange`, 'string', 'A range of container ports, such as `"8000-8010"`, instead of `containerPort`.', { anchor: 'container_definition_portmappings' }),

  // healthCheck
  field(`${C}.healthCheck.command`, 'array of strings', 'The check: `["CMD-SHELL", "curl -f http://localhost/ || exit 1"]` or `["CMD", "executable", "arg"]`; exit code 0 means healthy.', {
    anchor: 'container_definition_healthcheck',
    valueSnippet: '["CMD-SHELL", "${1:curl -f http://localhost/ || exit 1}"]',
  }),
  field(`${C}.healthCheck.interval`, 'integer', 'Seconds between checks, 5 to 300; 30 when absent.', { anchor: 'container_definition_healthcheck' }),
  field(`${C}.healthCheck.timeout`, 'integer', 'Seconds a check may take, 2 to 120; 5 when absent.', { anchor: 'container_definition_healthcheck' }),
  field(`${C}.healthCheck.retries`, 'integer', 'Failed checks in a row before the container is unhealthy, 1 to 10; 3 when absent.', { anchor: 'container_definition_healthcheck' }),
  field(`${C}.healthCheck.startPeriod`, 'integer', 'Grace period in seconds, 0 to 300, during which failed checks do not count.', { anchor: 'container_definition_healthcheck' }),

  // volumes items
  field('volumes.*.name', 'string', 'Volume name, referred to by `mountPoints.sourceVolume`.', { anchor: ANCHOR.volumes }),
  field('volumes.*.host', 'object', 'Bind mount of a host path; without `sourcePath`, a scratch volume that lives as long as the task.', { anchor: ANCHOR.volumes }),
  field('volumes.*.host.sourcePath', 'string', 'Path on the host (EC2 only).', { requires: [`${FARGATE}: not supported; leave \`host\` empty.`] }),
  field('volumes.*.configuredAtLaunch', 'boolean', 'The volume (such as EBS) is configured when a task or service is created, not here.', { anchor: ANCHOR.volumes }),
  field('volumes.*.dockerVolumeConfiguration', 'object', 'A Docker volume (EC2 only).', { anchor: ANCHOR.volumes, requires: [`${FARGATE}: not supported.`] }),
  field('volumes.*.dockerVolumeConfiguration.scope', 'string', 'Whether the volume lives as long as the task or is shared and kept.', { values: ['task', 'shared'] }),
  field('volumes.*.dockerVolumeConfiguration.autoprovision', 'boolean', 'Creates a `shared` volume when it does not exist yet.'),
  field('volumes.*.dockerVolumeConfiguration.driver', 'string', 'Docker volume driver, such as `local`.'),
  field('volumes.*.dockerVolumeConfiguration.driverOpts', 'string map', 'Options passed to the driver.'),
  field('volumes.*.dockerVolumeConfiguration.labels', 'string map', 'Labels on the Docker volume.'),
  field('volumes.*.efsVolumeConfiguration', 'object', 'An Amazon EFS file system mounted as the volume.', {
    anchor: ANCHOR.volumes,
    requires: ['**Security Hub ECS.18**: `transitEncryption` must be `ENABLED`.'],
  }),
  field('volumes.*.efsVolumeConfiguration.fileSystemId', 'string', 'The EFS file system ID (`fs-...`).', { anchor: ANCHOR.volumes }),
  field('volumes.*.efsVolumeConfiguration.rootDirectory', 'string', 'Directory of the file system mounted as the volume root; `/` when absent. Ignored with an access point.', {
    anchor: ANCHOR.volumes,
  }),
  field('volumes.*.efsVolumeConfiguration.transitEncryption', 'string', 'TLS between the task and EFS. Absent means `DISABLED`.', {
    anchor: ANCHOR.volumes,
    values: ENABLED_DISABLED,
    requires: ['**Security Hub ECS.18**: must be `ENABLED`.'],
  }),
  field('volumes.*.efsVolumeConfiguration.transitEncryptionPort', 'integer', 'Port for the encrypted traffic between the ECS host and EFS; picked by the mount helper when absent.', {
    anchor: ANCHOR.volumes,
  }),
  field('volumes.*.efsVolumeConfiguration.authorizationConfig', 'object', 'EFS access point and IAM authorization for the mount.', {
    anchor: ANCHOR.volumes,
    requires: ['**ECS API**: needs `transitEncryption` `ENABLED`.'],
  }),
  field('volumes.*.efsVolumeConfiguration.authorizationConfig.accessPointId', 'string', 'The EFS access point ID (`fsap-...`).'),
  field('volumes.*.efsVolumeConfiguration.authorizationConfig.iam', 'string', "Mount with the task role's IAM identity, so EFS file system policies apply.", { values: ENABLED_DISABLED }),
  field('volumes.*.fsxWindowsFileServerVolumeConfiguration', 'object', 'An FSx for Windows File Server share mounted as the volume.', { anchor: ANCHOR.volumes }),
  field('volumes.*.fsxWindowsFileServerVolumeConfiguration.fileSystemId', 'string', 'The FSx file system ID.'),
  field('volumes.*.fsxWindowsFileServerVolumeConfiguration.rootDirectory', 'string', 'Directory of the share mounted as the volume root.'),
  field('volumes.*.fsxWindowsFileServerVolumeConfiguration.authorizationConfig', 'object', 'Secret with the domain credentials, and the domain.'),
];

/** Patterns as map keys: array indexes and `*` are the same segment. */
export function patternKey(path: JSONPath | readonly string[]): string {
  return JSON.stringify(path.map((segment) => (typeof segment === 'number' ? '*' : segment)));
}
