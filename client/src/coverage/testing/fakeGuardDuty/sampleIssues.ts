/**
 * Plausible English issue texts, one per case of the ECS-Fargate troubleshooting table. The exact
 * strings GuardDuty sends are not published in full, so these are reconstructions for the demo data.
 * `unrecognized` matches no case on purpose: the demo shows how the view presents a text it does not know.
 * `taskExecutionRoleMissing` names legacy-api, the family of examples/legacy-fargate.json (which has no
 * executionRoleArn), so the demo's issue has an "Open Task Definition" action.
 */
export const SAMPLE_ISSUES = {
  agentNotReporting: "Agent not reporting for tasks in TaskDefinition - 'checkout-api:42'",
  vpcIssue: "VPC_ISSUE; for task in TaskDefinition - 'orders-worker:7'",
  agentExitCode: "ExitCode: 137 for tasks in TaskDefinition - 'report-batch:3'",
  agentExitReason: "Reason: OutOfMemoryError: container killed for tasks in TaskDefinition - 'thumbnailer:11'",
  imagePull:
    'Agent exited: Reason: CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 593207742271.dkr.ecr.us-east-1.amazonaws.com/aws-guardduty-agent-fargate:v1.5.0-Fg_x86_64: not found',
  vpcEndpointCreation:
    'Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for vpc-0a1b2c3d4e5f67890 (Service: Ec2, Status Code: 400, Request ID: a1b2c3d4-5678-90ab-cdef-EXAMPLE11111)',
  unsupportedInvocation: "Unsupported invocation by SERVICE for tasks in TaskDefinition - 'legacy-cron:5'",
  unsupportedArchitecture: "Unsupported CPU architecture 'ARM_V7' for tasks in TaskDefinition - 'edge-proxy:2'",
  taskExecutionRoleMissing: "TaskExecutionRole missing in TaskDefinition - 'legacy-api:9'",
  networkConfigurationMissing: "Missing network configuration 'awsvpcConfiguration.subnets' for tasks in TaskDefinition - 'search-indexer:4'",
  excludedTasks: "Tasks started when clusters had exclusion tag are excluded from Runtime Monitoring. Affected task ID(s): '0f1e2d3c4b5a69788796a5b4c3d2e1f0'",
  excludedServices: "Tasks deployed when clusters had exclusion tag are excluded from Runtime Monitoring. Affected service name(s): 'ledger-sync'",
  tasksBeforeAutomation: "Tasks started before enabling automated agent configuration are not covered. Affected task ID(s): '9a8b7c6d5e4f30211203f4e5d6c7b8a9'",
  servicesBeforeAutomation: "Services deployed before enabling automated agent configuration are not covered. Affected service name(s): 'notifications'",
  serviceNeedsDeployment: "Service 'payments' requires a new deployment to remediate/troubleshoot. Refer to the documentation and affected service names: 'payments'",
  tasksNeedRelaunch: "Tasks started before enabling Runtime Monitoring require relaunch. Affected task ID(s): '1234567890abcdef1234567890abcdef'",
  oldTaskArnFormat: "Tasks with the old taskArn format are not supported. Affected task ID(s): 'c0ffee00-1111-2222-3333-444455556666'",
  unidentified: "Unidentified issue, for tasks in TaskDefinition - 'analytics:8'",
  unrecognized: 'Runtime coverage for this cluster is being recalculated after an account migration',
} as const;
