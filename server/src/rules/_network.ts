import { stringValue } from '../document/json';
import { setValue } from '../document/jsonEdit';
import { describeResource, nodeInDocument, possibleStrings } from '../document/resources';
import { FixProposal, ResourceFixContext, ResourceRuleContext } from './rule';
import { reportPossible } from './_possible';

/**
 * Services and task sets share their network configuration's shape; a task set's is written
 * `AwsVpcConfiguration` in CloudFormation, a service's `AwsvpcConfiguration` (read either way).
 */
export function awsvpcConfiguration(context: Pick<ResourceRuleContext, 'resource'>) {
  return context.resource.properties.object('networkConfiguration').object('awsvpcConfiguration');
}

/** Fix payload `{ assignPublicIp: 'DISABLED' }`: the finding's node is a literal that can be set. */
export function checkAssignPublicIp(context: ResourceRuleContext, control: string): void {
  const { resource, reportAt } = context;
  const awsvpc = awsvpcConfiguration(context);
  const key = awsvpc.keyFor('assignPublicIp');
  for (const possible of possibleStrings(resource, awsvpc.get('assignPublicIp'))) {
    if (possible.value !== 'ENABLED') continue;
    reportPossible(
      reportAt,
      possible,
      `${describeResource(resource)} gives each of its tasks a public IP address ("${key}": "ENABLED"), so the tasks can be reached from the internet (Security Hub ${control}). Set it to "DISABLED" and run the tasks in private subnets, reaching out through a NAT gateway or VPC endpoints (ECR, S3, CloudWatch Logs).`,
      { assignPublicIp: 'DISABLED' },
    );
  }
}

/** Setting "DISABLED" needs a decision: tasks in public subnets without a NAT gateway could no longer pull images. */
export function disablePublicIpFixes(fix: Record<string, unknown>, { resource, path }: ResourceFixContext): FixProposal[] {
  if (fix.assignPublicIp !== 'DISABLED' || stringValue(nodeInDocument(resource, path)) !== 'ENABLED') return [];
  return [
    { title: `Set "${path[path.length - 1]}": "DISABLED" (the tasks then need a NAT gateway or VPC endpoints to pull images)`, edits: [setValue(path, 'DISABLED')], safe: false, preferred: true },
  ];
}
