import { JSONPath } from 'jsonc-parser';
import { ENABLED_DISABLED, Field, FieldType, patternKey } from './fields';
import type { EcsResourceKind } from './resources';

/**
 * The one table of the properties of services, clusters, task sets and capacity providers that hover and
 * completion document, by the ECS API's names (as `document/fields.ts` is for task definitions). The
 * CloudFormation name is the API's with a capital first letter unless `templateName` says otherwise. Which
 * Security Hub control or GuardDuty prerequisite a property touches is not restated here: `rules` names the
 * resource rules that read it, and hover shows their metadata.
 */

/** How a resource is written: a template resource, or the `--cli-input-json` of the command that creates or updates it. */
export type ResourceForm = 'template' | 'create' | 'update';

/** `number`: a decimal (a task set's scale), which task definitions do not have. */
export type ResourceFieldType = FieldType | 'number';

export interface ResourceField extends Omit<Field, 'type' | 'check' | 'unit' | 'anchor'> {
  readonly type: ResourceFieldType;
  readonly kinds: readonly EcsResourceKind[];
  /** CloudFormation's name for the last segment, when it is not the API's with a capital first letter. */
  readonly templateName?: string;
  /** The forms that take the property; every form when absent. */
  readonly forms?: readonly ResourceForm[];
  /** Ids of the resource rules that read the property (hover lists those that check the resource's kind). */
  readonly rules?: readonly string[];
  /** API names of sibling properties the API rejects together with this one: completion leaves it out when one is there. */
  readonly conflicts?: readonly string[];
}

type Extra = Omit<ResourceField, 'path' | 'type' | 'summary' | 'kinds'>;

const SERVICE: readonly EcsResourceKind[] = ['service'];
const TASK_SET: readonly EcsResourceKind[] = ['task-set'];
const CLUSTER: readonly EcsResourceKind[] = ['cluster'];
const CAPACITY_PROVIDER: readonly EcsResourceKind[] = ['capacity-provider'];
const SERVICE_AND_TASK_SET: readonly EcsResourceKind[] = ['service', 'task-set'];
const EVERY_KIND: readonly EcsResourceKind[] = ['service', 'task-set', 'cluster', 'capacity-provider'];

const NOT_UPDATE: readonly ResourceForm[] = ['template', 'create'];

function field(kinds: readonly EcsResourceKind[], spec: string, type: ResourceFieldType, summary: string, extra: Extra = {}): ResourceField {
  return { kinds, path: spec.split('.'), type, summary, ...extra };
}

// Enumerations of the ECS API, each spelt once.
const LAUNCH_TYPES = ['EC2', 'FARGATE', 'EXTERNAL'];
const PLATFORM_VERSIONS = ['LATEST', '1.4.0', '1.3.0', '1.0.0'];

/** Rules that read how a service or task set launches its tasks (`launchType`, `capacityProviderStrategy`). */
const LAUNCH_RULES = ['fargate-platform-version', 'service-network-configuration'];
const NETWORK_RULES = ['service-network-configuration'];

export const RESOURCE_FIELDS: readonly ResourceField[] = [
  // Services
  field(SERVICE, 'serviceName', 'string', 'Name of the service, unique in its cluster: up to 255 letters, digits, hyphens and underscores.', { forms: NOT_UPDATE }),
  field(SERVICE, 'service', 'string', 'Name or ARN of the service to update.', { forms: ['update'] }),
  field(SERVICE, 'cluster', 'string', 'Short name or ARN of the cluster the service runs in; the `default` cluster when absent.'),
  field(
    SERVICE,
    'taskDefinition',
    'string',
    'The task definition its tasks run: `family:revision` or its ARN (the latest ACTIVE revision for a family alone); in a template usually a `Ref` to the task definition resource.',
    {
      rules: ['service-task-definition-compatibility', 'fargate-platform-version'],
    },
  ),
  field(SERVICE, 'desiredCount', 'integer', 'Number of tasks the service keeps running; 1 when absent on a new service. Not used with the `DAEMON` scheduling strategy.'),
  field(
    SERVICE_AND_TASK_SET,
    'launchType',
    'string',
    "Infrastructure the tasks run on. Leave it out to use a `capacityProviderStrategy` (or the cluster's default strategy): the two cannot be used together.",
    {
      values: LAUNCH_TYPES,
      forms: NOT_UPDATE,
      conflicts: ['capacityProviderStrategy'],
      rules: [...LAUNCH_RULES, 'service-task-definition-compatibility'],
    },
  ),
  field(
    SERVICE_AND_TASK_SET,
    'capacityProviderStrategy',
    'array of objects',
    'Capacity providers the tasks are spread over, each with a `base` and a `weight`; instead of `launchType`. `FARGATE` and `FARGATE_SPOT` run the tasks on Fargate.',
    {
      conflicts: ['launchType'],
      rules: LAUNCH_RULES,
    },
  ),
  field(
    SERVICE_AND_TASK_SET,
    'capacityProviderStrategy.*.capacityProvider',
    'string',
    "Short name or ARN of the capacity provider: `FARGATE`, `FARGATE_SPOT`, or one of the cluster's Auto Scaling group capacity providers.",
    {
      rules: LAUNCH_RULES,
    },
  ),
  field(SERVICE_AND_TASK_SET, 'capacityProviderStrategy.*.weight', 'integer', 'Share of the tasks this provider gets relative to the others, 0 to 1000.'),
  field(SERVICE_AND_TASK_SET, 'capacityProviderStrategy.*.base', 'integer', 'Tasks that run on this provider before the weights apply, 0 to 100000; only one provider of a strategy can have a base.'),
  field(SERVICE_AND_TASK_SET, 'platformVersion', 'string', 'Fargate platform version of the tasks, for tasks on Fargate only; `LATEST` when absent (1.4.0 on Linux, 1.0.0 on Windows).', {
    values: PLATFORM_VERSIONS,
    recommended: 'LATEST',
    rules: ['fargate-platform-version'],
  }),
  field(
    SERVICE,
    'role',
    'string',
    'IAM role that lets ECS call the load balancer for the service; only with a load balancer and tasks outside the `awsvpc` network mode (otherwise ECS uses its service-linked role).',
    {
      forms: NOT_UPDATE,
    },
  ),
  field(SERVICE, 'deploymentConfiguration', 'object', 'How a deployment replaces the tasks: how many may run or stop at once, and what marks a deployment as failed and rolls it back.'),
  field(SERVICE, 'deploymentConfiguration.maximumPercent', 'integer', 'Most tasks that may be running or pending during a deployment, as a percent of `desiredCount`; 200 when absent.'),
  field(SERVICE, 'deploymentConfiguration.minimumHealthyPercent', 'integer', 'Fewest tasks that must stay running and healthy during a deployment, as a percent of `desiredCount`.'),
  field(SERVICE, 'deploymentConfiguration.deploymentCircuitBreaker', 'object', 'Stops a deployment whose tasks cannot reach a steady state, and can roll it back.'),
  field(SERVICE, 'deploymentConfiguration.deploymentCircuitBreaker.enable', 'boolean', 'Turns the circuit breaker on.'),
  field(SERVICE, 'deploymentConfiguration.deploymentCircuitBreaker.rollback', 'boolean', 'Rolls back to the last completed deployment when the circuit breaker stops one.'),
  field(SERVICE, 'deploymentConfiguration.alarms', 'object', 'CloudWatch alarms that mark a deployment as failed.'),
  field(SERVICE, 'deploymentConfiguration.alarms.alarmNames', 'array of strings', 'Names of the CloudWatch alarms watched during a deployment.'),
  field(SERVICE, 'deploymentConfiguration.alarms.enable', 'boolean', 'Uses the alarms to detect a failed deployment.'),
  field(SERVICE, 'deploymentConfiguration.alarms.rollback', 'boolean', 'Rolls back a deployment the alarms mark as failed.'),
  field(SERVICE, 'deploymentController', 'object', 'What deploys new tasks: ECS rolling updates, CodeDeploy blue/green deployments, or an external controller through task sets.', {
    forms: NOT_UPDATE,
  }),
  field(SERVICE, 'deploymentController.type', 'string', 'The deployment controller; `ECS` when absent. With `EXTERNAL` the network configuration belongs to the task sets.', {
    values: ['ECS', 'CODE_DEPLOY', 'EXTERNAL'],
    forms: NOT_UPDATE,
    rules: NETWORK_RULES,
  }),
  field(SERVICE_AND_TASK_SET, 'networkConfiguration', 'object', 'The VPC network of the tasks: required when they use the `awsvpc` network mode, as every task on Fargate does.', {
    rules: NETWORK_RULES,
  }),
  field(SERVICE, 'networkConfiguration.awsvpcConfiguration', 'object', "Subnets, security groups and public IP address of the tasks' elastic network interfaces.", { rules: NETWORK_RULES }),
  field(TASK_SET, 'networkConfiguration.awsvpcConfiguration', 'object', "Subnets, security groups and public IP address of the tasks' elastic network interfaces.", {
    templateName: 'AwsVpcConfiguration',
  }),
  field(SERVICE_AND_TASK_SET, 'networkConfiguration.awsvpcConfiguration.subnets', 'array of strings', 'IDs of the subnets the tasks run in, up to 16, all in one VPC.', { rules: NETWORK_RULES }),
  field(
    SERVICE_AND_TASK_SET,
    'networkConfiguration.awsvpcConfiguration.securityGroups',
    'array of strings',
    "IDs of the tasks' security groups, up to 5; the VPC's default security group when absent.",
  ),
  field(SERVICE_AND_TASK_SET, 'networkConfiguration.awsvpcConfiguration.assignPublicIp', 'string', "Whether each task's elastic network interface gets a public IP address. Absent means `DISABLED`.", {
    values: ENABLED_DISABLED,
    recommended: 'DISABLED',
    rules: ['service-public-ip', 'task-set-public-ip'],
  }),
  field(SERVICE_AND_TASK_SET, 'loadBalancers', 'array of objects', 'Load balancer target groups (or Classic Load Balancers) the containers are registered with.'),
  field(SERVICE_AND_TASK_SET, 'loadBalancers.*.targetGroupArn', 'string', 'ARN of the Elastic Load Balancing target group.', { conflicts: ['loadBalancerName'] }),
  field(SERVICE_AND_TASK_SET, 'loadBalancers.*.loadBalancerName', 'string', 'Name of a Classic Load Balancer, instead of a target group.', { conflicts: ['targetGroupArn'] }),
  field(SERVICE_AND_TASK_SET, 'loadBalancers.*.containerName', 'string', 'The container (its `name` in the task definition) registered with the load balancer.'),
  field(SERVICE_AND_TASK_SET, 'loadBalancers.*.containerPort', 'integer', 'Port of that container the load balancer sends traffic to.'),
  field(SERVICE_AND_TASK_SET, 'serviceRegistries', 'array of objects', 'AWS Cloud Map registries the tasks are registered in for service discovery.'),
  field(SERVICE_AND_TASK_SET, 'serviceRegistries.*.registryArn', 'string', 'ARN of the AWS Cloud Map service.'),
  field(SERVICE_AND_TASK_SET, 'serviceRegistries.*.port', 'integer', 'Port value for SRV records.'),
  field(SERVICE_AND_TASK_SET, 'serviceRegistries.*.containerName', 'string', 'The container whose port the SRV records give.'),
  field(SERVICE_AND_TASK_SET, 'serviceRegistries.*.containerPort', 'integer', 'That container port.'),
  field(SERVICE, 'healthCheckGracePeriodSeconds', 'integer', 'Seconds after a task starts during which failing load balancer and container health checks are ignored.'),
  field(
    SERVICE,
    'schedulingStrategy',
    'string',
    '`REPLICA` keeps `desiredCount` tasks across the cluster; `DAEMON` runs one task on each active container instance (not on Fargate). Absent means `REPLICA`.',
    {
      values: ['REPLICA', 'DAEMON'],
      forms: NOT_UPDATE,
    },
  ),
  field(SERVICE, 'placementConstraints', 'array of objects', 'Rules that restrict which EC2 container instances the tasks may be placed on (not on Fargate).'),
  field(SERVICE, 'placementConstraints.*.type', 'string', '`distinctInstance` places each task on a different instance; `memberOf` on the instances that match `expression`.', {
    values: ['distinctInstance', 'memberOf'],
  }),
  field(SERVICE, 'placementConstraints.*.expression', 'string', 'Cluster query language expression, for example `attribute:ecs.instance-type =~ t3.*`.'),
  field(SERVICE, 'placementStrategy', 'array of objects', 'How the tasks are spread over or packed onto EC2 container instances (not on Fargate).', { templateName: 'PlacementStrategies' }),
  field(SERVICE, 'placementStrategy.*.type', 'string', '`spread` evenly by `field`, `binpack` on the fewest instances by `cpu` or `memory`, or `random`.', {
    values: ['random', 'spread', 'binpack'],
  }),
  field(SERVICE, 'placementStrategy.*.field', 'string', 'What to spread or pack by: `instanceId`, `host`, an attribute such as `attribute:ecs.availability-zone`, or `cpu` or `memory` for `binpack`.'),
  field(SERVICE, 'enableECSManagedTags', 'boolean', 'Tags the tasks with the names of their cluster and service (`aws:ecs:clusterName`, `aws:ecs:serviceName`).'),
  // The API also takes NONE; CloudFormation's schema lists the two sources only.
  field(SERVICE, 'propagateTags', 'string', "Copies the task definition's or the service's tags to the tasks it starts; nothing is copied when absent.", {
    values: ['TASK_DEFINITION', 'SERVICE', 'NONE'],
    forms: ['create', 'update'],
  }),
  field(SERVICE, 'propagateTags', 'string', "Copies the task definition's or the service's tags to the tasks it starts; nothing is copied when absent.", {
    values: ['SERVICE', 'TASK_DEFINITION'],
    forms: ['template'],
  }),
  field(
    SERVICE,
    'enableExecuteCommand',
    'boolean',
    'Turns on ECS Exec: `aws ecs execute-command` can then run commands or open a shell in the running containers (the task role needs the SSM Session Manager permissions).',
  ),
  field(SERVICE, 'forceNewDeployment', 'boolean', 'Starts a new deployment even when nothing else changes, so that every task is replaced.', {
    forms: ['update'],
    requires: [
      '**GuardDuty Runtime Monitoring**: tasks started before Runtime Monitoring and its automated agent configuration were turned on get no agent; a new deployment replaces them with monitored ones.',
    ],
  }),
  field(SERVICE, 'forceNewDeployment', 'object', 'Forces a new deployment of the service on a stack update, even when nothing else changed, so that every task is replaced.', {
    forms: ['template'],
    requires: [
      '**GuardDuty Runtime Monitoring**: tasks started before Runtime Monitoring and its automated agent configuration were turned on get no agent; a new deployment replaces them with monitored ones.',
    ],
  }),
  field(SERVICE, 'forceNewDeployment.enableForceNewDeployment', 'boolean', 'Turns forced deployments on.', { forms: ['template'] }),
  field(SERVICE, 'forceNewDeployment.forceNewDeploymentNonce', 'string', 'Any value: changing it forces another deployment.', { forms: ['template'] }),
  field(SERVICE, 'serviceConnectConfiguration', 'object', 'Service Connect: the service gets names in an AWS Cloud Map namespace, and a proxy through which other services reach it.'),
  field(SERVICE, 'serviceConnectConfiguration.enabled', 'boolean', 'Turns Service Connect on for the service.'),
  field(SERVICE, 'serviceConnectConfiguration.namespace', 'string', "The AWS Cloud Map namespace; the cluster's default namespace when absent."),
  field(SERVICE, 'volumeConfigurations', 'array of objects', 'Amazon EBS volumes that ECS creates and attaches to each task, for the volumes the task definition marks `configuredAtLaunch`.'),
  field(SERVICE, 'volumeConfigurations.*.name', 'string', 'Name of the task definition volume it configures.'),
  field(SERVICE, 'volumeConfigurations.*.managedEBSVolume', 'object', 'The EBS volume ECS creates for each task: size, type, encryption and the role ECS uses to manage it.'),
  field(SERVICE, 'availabilityZoneRebalancing', 'string', 'Whether ECS moves tasks to keep the service balanced across Availability Zones. Absent means `ENABLED` on a new service.', {
    values: ENABLED_DISABLED,
  }),
  field(SERVICE_AND_TASK_SET, 'clientToken', 'string', 'Up to 36 ASCII characters that make the request idempotent.', { forms: ['create'] }),

  // Task sets
  field(TASK_SET, 'service', 'string', 'Short name or ARN of the service to create the task set in; its deployment controller must be `EXTERNAL`.'),
  field(TASK_SET, 'cluster', 'string', 'Short name or ARN of the cluster that hosts the service.'),
  field(TASK_SET, 'externalId', 'string', 'An identifier of your choosing for the task set; with AWS Cloud Map, its instances get it as the `ECS_TASK_SET_EXTERNAL_ID` attribute.'),
  field(TASK_SET, 'taskDefinition', 'string', "The task definition the task set's tasks run: `family:revision` or its ARN.", {
    rules: ['service-task-definition-compatibility', 'fargate-platform-version'],
  }),
  field(TASK_SET, 'scale', 'object', "How many tasks the task set runs, as a percent of the service's `desiredCount`."),
  field(TASK_SET, 'scale.value', 'number', 'The percent, from 0 to 100.'),
  field(TASK_SET, 'scale.unit', 'string', 'The unit of `value`.', { values: ['PERCENT'] }),

  // Clusters
  field(CLUSTER, 'clusterName', 'string', 'Name of the cluster: up to 255 letters, digits, hyphens and underscores.'),
  field(CLUSTER, 'settings', 'array of objects', "Settings of the cluster; `containerInsights` is the one there is. Absent, the account's `containerInsights` default applies.", {
    templateName: 'ClusterSettings',
    rules: ['cluster-container-insights'],
  }),
  field(CLUSTER, 'settings.*.name', 'string', 'The setting.', { values: ['containerInsights'], rules: ['cluster-container-insights'] }),
  field(CLUSTER, 'settings.*.value', 'string', 'For `containerInsights`: `enhanced` (Container Insights with enhanced observability), `enabled`, or `disabled`.', {
    values: ['enhanced', 'enabled', 'disabled'],
    rules: ['cluster-container-insights'],
  }),
  field(CLUSTER, 'configuration', 'object', 'How ECS Exec sessions are encrypted and logged, and which KMS keys encrypt the storage of the tasks.'),
  field(CLUSTER, 'configuration.executeCommandConfiguration', 'object', 'How ECS Exec sessions in the cluster are encrypted and logged.'),
  field(CLUSTER, 'configuration.executeCommandConfiguration.kmsKeyId', 'string', 'KMS key that encrypts the data between the client and the container.'),
  field(
    CLUSTER,
    'configuration.executeCommandConfiguration.logging',
    'string',
    "Where the output of ECS Exec commands goes: `DEFAULT`, the task's `awslogs` configuration; `OVERRIDE`, the `logConfiguration` given here; `NONE`, nowhere.",
    {
      values: ['DEFAULT', 'OVERRIDE', 'NONE'],
    },
  ),
  field(CLUSTER, 'configuration.executeCommandConfiguration.logConfiguration', 'object', 'The CloudWatch Logs group or S3 bucket that receives the output, with `logging` `OVERRIDE`.'),
  field(CLUSTER, 'configuration.executeCommandConfiguration.logConfiguration.cloudWatchLogGroupName', 'string', 'The CloudWatch Logs group.'),
  field(CLUSTER, 'configuration.executeCommandConfiguration.logConfiguration.cloudWatchEncryptionEnabled', 'boolean', 'Whether the output sent to CloudWatch Logs is encrypted; not when absent.'),
  field(CLUSTER, 'configuration.executeCommandConfiguration.logConfiguration.s3BucketName', 'string', 'The S3 bucket.'),
  field(CLUSTER, 'configuration.executeCommandConfiguration.logConfiguration.s3EncryptionEnabled', 'boolean', 'Whether the output sent to S3 is encrypted; not when absent.'),
  field(CLUSTER, 'configuration.executeCommandConfiguration.logConfiguration.s3KeyPrefix', 'string', 'Key prefix of the objects in the bucket.'),
  field(CLUSTER, 'configuration.managedStorageConfiguration', 'object', 'KMS keys for the storage ECS manages for the tasks.'),
  field(CLUSTER, 'configuration.managedStorageConfiguration.kmsKeyId', 'string', 'KMS key for the Amazon EBS volumes attached to the tasks.'),
  field(CLUSTER, 'configuration.managedStorageConfiguration.fargateEphemeralStorageKmsKeyId', 'string', 'KMS key that encrypts the Fargate ephemeral storage of the tasks.'),
  field(CLUSTER, 'capacityProviders', 'array of strings', 'Capacity providers the cluster can use: `FARGATE`, `FARGATE_SPOT`, or Auto Scaling group capacity providers.'),
  field(CLUSTER, 'defaultCapacityProviderStrategy', 'array of objects', 'Strategy for the services and tasks that give neither a launch type nor a capacity provider strategy.'),
  field(CLUSTER, 'defaultCapacityProviderStrategy.*.capacityProvider', 'string', 'Short name or ARN of the capacity provider, one of `capacityProviders`.'),
  field(CLUSTER, 'defaultCapacityProviderStrategy.*.weight', 'integer', 'Share of the tasks this provider gets relative to the others, 0 to 1000.'),
  field(CLUSTER, 'defaultCapacityProviderStrategy.*.base', 'integer', 'Tasks that run on this provider before the weights apply; only one provider of a strategy can have a base.'),
  field(CLUSTER, 'serviceConnectDefaults', 'object', "Default Service Connect settings of the cluster's services."),
  field(CLUSTER, 'serviceConnectDefaults.namespace', 'string', 'The AWS Cloud Map namespace services use for Service Connect unless they name another.'),

  // Capacity providers
  field(CAPACITY_PROVIDER, 'name', 'string', 'Name of the capacity provider, up to 255 characters; it cannot start with `aws`, `ecs` or `fargate`.'),
  field(CAPACITY_PROVIDER, 'autoScalingGroupProvider', 'object', 'The Auto Scaling group whose EC2 instances give the capacity, and how ECS scales the group and protects its instances.', {
    rules: ['capacity-provider-termination-protection'],
  }),
  field(CAPACITY_PROVIDER, 'autoScalingGroupProvider.autoScalingGroupArn', 'string', 'ARN or name of the Auto Scaling group.'),
  field(CAPACITY_PROVIDER, 'autoScalingGroupProvider.managedScaling', 'object', 'Lets ECS scale the Auto Scaling group to the capacity the tasks need.'),
  field(CAPACITY_PROVIDER, 'autoScalingGroupProvider.managedScaling.status', 'string', 'Turns managed scaling on; managed termination protection needs it.', {
    values: ENABLED_DISABLED,
    recommended: 'ENABLED',
  }),
  field(CAPACITY_PROVIDER, 'autoScalingGroupProvider.managedScaling.targetCapacity', 'integer', "Target use of the group's capacity, in percent from 1 to 100."),
  field(CAPACITY_PROVIDER, 'autoScalingGroupProvider.managedScaling.minimumScalingStepSize', 'integer', 'Fewest instances a scaling action adds or removes, 1 to 10000.'),
  field(CAPACITY_PROVIDER, 'autoScalingGroupProvider.managedScaling.maximumScalingStepSize', 'integer', 'Most instances a scaling action adds or removes, 1 to 10000.'),
  field(CAPACITY_PROVIDER, 'autoScalingGroupProvider.managedScaling.instanceWarmupPeriod', 'integer', "Seconds before a new instance counts in the group's CloudWatch metrics; 300 when absent."),
  field(
    CAPACITY_PROVIDER,
    'autoScalingGroupProvider.managedTerminationProtection',
    'string',
    'Keeps scale-in from terminating instances that still run tasks. Absent means `DISABLED`; `ENABLED` needs managed scaling and scale-in protection on the instances.',
    {
      values: ENABLED_DISABLED,
      recommended: 'ENABLED',
      rules: ['capacity-provider-termination-protection'],
    },
  ),
  field(CAPACITY_PROVIDER, 'autoScalingGroupProvider.managedDraining', 'string', 'Drains the tasks off an instance before scale-in or an instance refresh terminates it.', {
    values: ENABLED_DISABLED,
  }),

  // Every kind
  field(EVERY_KIND, 'tags', 'array of objects', 'Key/value metadata on the resource, up to 50 tags.', {
    forms: NOT_UPDATE,
    rules: ['service-tags', 'cluster-tags', 'guardduty-exclusion-tag'],
  }),
  field(EVERY_KIND, 'tags.*.key', 'string', 'Tag key, up to 128 characters; the `aws:` prefix is reserved.', { forms: NOT_UPDATE, rules: ['guardduty-exclusion-tag'] }),
  field(EVERY_KIND, 'tags.*.value', 'string', 'Tag value, up to 256 characters.', { forms: NOT_UPDATE, rules: ['guardduty-exclusion-tag'] }),
];

/** The fields of one kind of resource in one form, by path pattern and by parent. */
export interface ResourceFieldIndex {
  /** The field at a path relative to the resource's properties (array indexes match `*`). */
  at(apiPath: JSONPath): ResourceField | undefined;
  /** The fields an object at this path may have, in table order. */
  of(objectApiPath: JSONPath): readonly ResourceField[];
}

const indexes = new Map<string, ResourceFieldIndex>();

export function resourceFields(kind: EcsResourceKind, form: ResourceForm): ResourceFieldIndex {
  const key = `${kind} ${form}`;
  let index = indexes.get(key);
  if (!index) indexes.set(key, (index = buildIndex(RESOURCE_FIELDS.filter((entry) => entry.kinds.includes(kind) && (!entry.forms || entry.forms.includes(form))))));
  return index;
}

function buildIndex(fields: readonly ResourceField[]): ResourceFieldIndex {
  const byPattern = new Map(fields.map((entry) => [patternKey(entry.path), entry]));
  const byParent = new Map<string, ResourceField[]>();
  for (const entry of fields) {
    const parent = patternKey(entry.path.slice(0, -1));
    const siblings = byParent.get(parent);
    if (siblings) siblings.push(entry);
    else byParent.set(parent, [entry]);
  }
  return { at: (apiPath) => byPattern.get(patternKey(apiPath)), of: (objectApiPath) => byParent.get(patternKey(objectApiPath)) ?? [] };
}

/** A property name as a template spells it. */
export function resourceTemplateName(entry: ResourceField): string {
  return entry.templateName ?? capitalized(entry.path[entry.path.length - 1]);
}

function capitalized(apiKey: string): string {
  return apiKey.charAt(0).toUpperCase() + apiKey.slice(1);
}

/**
 * The template's names of a resource's properties as a tree keyed by the API's names, one step per key or
 * array item (`*`): what the rules read templates by (`document/resources.ts`), one lookup per step.
 */
export interface TemplateNameStep {
  /** CloudFormation's name of the property. */
  readonly name: string;
  /**
   * The keys a template may write it with, lower-cased: CloudFormation's name and the API's. Keys are read
   * without regard to case, which also covers CloudFormation's own inconsistencies (`AwsvpcConfiguration` on a
   * service, `AwsVpcConfiguration` on a task set).
   */
  readonly spellings: readonly string[];
  readonly children: ReadonlyMap<string, TemplateNameStep>;
}

interface MutableNameStep extends TemplateNameStep {
  name: string;
  spellings: string[];
  readonly children: Map<string, MutableNameStep>;
}

const nameTrees = new Map<EcsResourceKind, TemplateNameStep>();

/** The step of a kind of resource's `Properties`. */
export function templateNames(kind: EcsResourceKind): TemplateNameStep {
  let tree = nameTrees.get(kind);
  if (!tree) nameTrees.set(kind, (tree = buildNameTree(RESOURCE_FIELDS.filter((entry) => entry.kinds.includes(kind) && (!entry.forms || entry.forms.includes('template'))))));
  return tree;
}

function buildNameTree(fields: readonly ResourceField[]): TemplateNameStep {
  const root = nameStep('', '');
  for (const entry of fields) {
    const step = entry.path.reduce((parent, segment) => {
      let child = parent.children.get(segment);
      if (!child) parent.children.set(segment, (child = nameStep(segment, capitalized(segment))));
      return child;
    }, root);
    step.name = resourceTemplateName(entry);
    step.spellings = spellingsOf(entry.path[entry.path.length - 1], step.name);
  }
  return root;
}

function nameStep(apiKey: string, name: string): MutableNameStep {
  return { name, spellings: spellingsOf(apiKey, name), children: new Map() };
}

function spellingsOf(apiKey: string, name: string): string[] {
  const spellings = [name.toLowerCase()];
  if (apiKey.toLowerCase() !== spellings[0]) spellings.push(apiKey.toLowerCase());
  return spellings;
}

const NO_CHILDREN: ReadonlyMap<string, TemplateNameStep> = new Map();

/** The step of an API property (or `*`, an array's items) below `step`; a property the table does not document is its API name capitalised. */
export function templateNameBelow(step: TemplateNameStep, apiKey: string): TemplateNameStep {
  return step.children.get(apiKey) ?? { name: capitalized(apiKey), spellings: spellingsOf(apiKey, capitalized(apiKey)), children: NO_CHILDREN };
}

/** Whether a key the template writes spells the property of this step. */
export function spellsProperty(step: TemplateNameStep, key: string): boolean {
  let lowerCased: string | undefined;
  for (const spelling of step.spellings) {
    // Most keys are another property of the same object: the length tells them apart without lower-casing.
    if (spelling.length === key.length && (lowerCased ??= key.toLowerCase()) === spelling) return true;
  }
  return false;
}

/** The API name of a key a template writes in the object at this step; undefined for a key the table does not know. */
export function apiKeyOf(step: TemplateNameStep, key: string): string | undefined {
  for (const [apiKey, child] of step.children) if (apiKey !== '*' && spellsProperty(child, key)) return apiKey;
  return undefined;
}
