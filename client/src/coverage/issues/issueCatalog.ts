/**
 * The cases of GuardDuty's "Troubleshooting Amazon ECS-Fargate runtime coverage issues" table, with
 * ECS Guard's own short title and fix-it steps for each.
 */
export type IssueKind =
  | 'agent-not-reporting'
  | 'agent-vpc-issue'
  | 'agent-exited'
  | 'agent-image-pull-failed'
  | 'vpc-endpoint-creation-failed'
  | 'unsupported-invocation'
  | 'unsupported-cpu-architecture'
  | 'task-execution-role-missing'
  | 'network-configuration-missing'
  | 'excluded-by-tag-tasks'
  | 'excluded-by-tag-services'
  | 'tasks-before-agent-automation'
  | 'services-before-agent-automation'
  | 'service-needs-new-deployment'
  | 'tasks-need-relaunch'
  | 'old-task-arn-format'
  | 'unidentified'
  | 'unrecognized';

export interface IssueCase {
  readonly title: string;
  readonly steps: readonly string[];
}

const ROOT_CAUSE_QUESTIONS = [
  'Was the task started before Runtime Monitoring was turned on? Fargate tasks cannot be changed while they run: stop it and start it again so GuardDuty can add its sidecar.',
  'Does the task belong to a service deployed before Runtime Monitoring was turned on? Restart the service, or update it with forceNewDeployment (console, UpdateService or AWS CLI).',
  'Was the task started after the cluster was excluded with the tag GuardDutyManaged=false? Set the tag back to true and start the task again.',
  'Does the service run tasks that still use the old taskArn format? GuardDuty cannot cover those; opt in to the long ARN format and replace the tasks.',
];

export const ISSUE_CATALOG: Readonly<Record<IssueKind, IssueCase>> = {
  'agent-not-reporting': {
    title: 'GuardDuty agent not reporting',
    steps: [
      "Check the VPC endpoint that carries the agent's telemetry for the cluster's tasks: it must exist in the task's VPC and be set up correctly.",
      'If your organization uses service control policies or permission boundaries, make sure they do not deny guardduty:SendSecurityTelemetry.',
    ],
  },
  'agent-vpc-issue': {
    title: 'GuardDuty agent not reporting: VPC problem',
    steps: [
      'Read the VPC details given with the issue; they say which part of the VPC setup blocks the agent.',
      "Check the GuardDuty VPC endpoint in the task's VPC, its security group and the VPC's DNS settings.",
    ],
  },
  'agent-exited': {
    title: 'GuardDuty agent exited',
    steps: [
      'Read the exit code and reason given with the issue: they tell why the sidecar stopped.',
      "Look at the task's stopped reason and container logs for the GuardDuty sidecar container.",
      "Check that the task's CPU and memory leave room for the agent (its memory limit grows with the task size).",
    ],
  },
  'agent-image-pull-failed': {
    title: 'GuardDuty agent image could not be pulled',
    steps: [
      'The task keeps running but is not monitored: the sidecar image could not be downloaded from Amazon ECR.',
      'Permissions: give the task execution role ecr:GetAuthorizationToken, ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer and ecr:BatchGetImage (AmazonECSTaskExecutionRolePolicy has them).',
      'Network: the tasks must reach ECR, through outbound internet access or through ECR VPC endpoints for private subnets.',
      "Security group: allow outbound HTTPS (port 443) to the Amazon S3 managed prefix list, where ECR's image layers live.",
      "All three are needed. To narrow it down, run the AWSSupport-TroubleshootECSTaskFailedToStart runbook in the cluster's region and read the task logs.",
    ],
  },
  'vpc-endpoint-creation-failed': {
    title: 'GuardDuty VPC endpoint could not be created',
    steps: [
      'Set both VPC attributes enableDnsSupport and enableDnsHostnames to true on the VPC named in the issue.',
      'In the VPC console these are "Enable DNS resolution" and "Enable DNS hostnames". GuardDuty retries the endpoint afterwards.',
    ],
  },
  'unsupported-invocation': {
    title: 'Agent not provisioned: task started by an unsupported service',
    steps: [
      'The task was launched by a service (named in the issue) that Runtime Monitoring does not support, so GuardDuty added no agent.',
      'Tasks launched that way stay uncovered; keep workloads that need runtime monitoring on a supported launch path.',
    ],
  },
  'unsupported-cpu-architecture': {
    title: 'Agent not provisioned: unsupported CPU architecture',
    steps: [
      'GuardDuty supports Linux Fargate tasks on x86_64 (AMD64) and ARM64 (Graviton) only.',
      "Change the task definition's runtimePlatform.cpuArchitecture to X86_64 or ARM64 and register a new revision.",
    ],
  },
  'task-execution-role-missing': {
    title: 'Agent not provisioned: task execution role missing',
    steps: [
      'Add an executionRoleArn to the task definition: GuardDuty pulls its sidecar image with that role.',
      'Give the role the ECR pull permissions (the managed policy AmazonECSTaskExecutionRolePolicy covers them), register a new revision and redeploy.',
    ],
  },
  'network-configuration-missing': {
    title: 'Agent not provisioned: network configuration missing',
    steps: [
      'The task was started without a usable network configuration: the VPC is missing, or its subnets are missing or empty.',
      'Pass awsvpc network settings with subnets (CreateService, UpdateService or RunTask), then start the tasks again.',
    ],
  },
  'excluded-by-tag-tasks': {
    title: 'Tasks excluded by the GuardDutyManaged=false tag',
    steps: [
      'These tasks started while the cluster carried the exclusion tag GuardDutyManaged=false, so GuardDuty receives no runtime events from them.',
      'Change the tag to GuardDutyManaged=true, then start the affected tasks again.',
    ],
  },
  'excluded-by-tag-services': {
    title: 'Services deployed under the GuardDutyManaged=false tag',
    steps: [
      'These services were deployed while the cluster carried the exclusion tag GuardDutyManaged=false, so GuardDuty receives no runtime events from their tasks.',
      'Change the tag to GuardDutyManaged=true, then redeploy the affected services.',
    ],
  },
  'tasks-before-agent-automation': {
    title: 'Tasks started before automated agent configuration',
    steps: ['These tasks were launched before automated agent configuration for ECS was turned on, so they have no agent. Launch them again to have them monitored.'],
  },
  'services-before-agent-automation': {
    title: 'Services deployed before automated agent configuration',
    steps: ['These services were deployed before automated agent configuration for ECS was turned on, so their tasks have no agent. Redeploy the services (for example with forceNewDeployment).'],
  },
  'service-needs-new-deployment': {
    title: 'Service needs a new deployment',
    steps: [
      'The service started before Runtime Monitoring was turned on, which is not supported.',
      'Restart it, or update it with forceNewDeployment: in the console ("Force new deployment"), with UpdateService, or `aws ecs update-service --force-new-deployment`.',
    ],
  },
  'tasks-need-relaunch': {
    title: 'Tasks started before Runtime Monitoring need a relaunch',
    steps: ['ECS tasks cannot be changed once running, so GuardDuty could not add its sidecar to these.', 'With Runtime Monitoring turned on, stop the tasks and start them again.'],
  },
  'old-task-arn-format': {
    title: 'Tasks use the old taskArn format',
    steps: [
      'Runtime Monitoring cannot cover tasks whose ARN uses the old (short) format.',
      'Switch the account to the long ARN format for tasks (ECS account setting taskLongArnFormat), then replace the tasks.',
    ],
  },
  unidentified: {
    title: 'Unidentified issue',
    steps: ['GuardDuty could not name the cause. Go through these questions:', ...ROOT_CAUSE_QUESTIONS],
  },
  unrecognized: {
    title: 'Coverage issue',
    steps: ['ECS Guard does not recognise this message; read it as GuardDuty wrote it. Common causes to check:', ...ROOT_CAUSE_QUESTIONS],
  },
};
