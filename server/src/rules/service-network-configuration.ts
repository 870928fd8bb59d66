import { arrayItems, stringValue } from '../document/json';
import { describeResource, possibleStrings } from '../document/resources';
import { launchOf } from './_launch';
import { awsvpcConfiguration } from './_network';
import { ResourceRule } from './rule';

export const serviceNetworkConfiguration: ResourceRule = {
  meta: {
    id: 'service-network-configuration',
    title: 'Services whose tasks use the awsvpc network mode need subnets',
    defaultSeverity: 'error',
    enforces: { source: 'ecs-api', requirement: 'A service whose tasks use the awsvpc network mode (every Fargate service) needs networkConfiguration.awsvpcConfiguration with at least one subnet' },
  },
  kinds: ['service'],
  check({ resource, taskDefinition, reportAt, reportMissing }) {
    const { properties } = resource;
    // With an external deployment controller the network configuration belongs to the task sets.
    if (possibleStrings(resource, properties.object('deploymentController').get('type')).some((possible) => possible.value === 'EXTERNAL')) return;
    const fargate = launchOf(resource) === 'fargate';
    const awsvpcTask = stringValue(taskDefinition?.task?.get('networkMode')) === 'awsvpc';
    if (!fargate && !awsvpcTask) return;
    const why = fargate ? 'runs on Fargate, where every task uses the awsvpc network mode' : `runs task definition ${taskDefinition?.template?.logicalId}, which uses the awsvpc network mode`;
    const consequence = 'ECS rejects the service without subnets, and GuardDuty reports its clusters with a missing network configuration';
    const network = properties.object('networkConfiguration');
    // update-service input without a network configuration keeps the service's own.
    const updates = resource.form === 'update';
    if (!network.node) {
      if (properties.get('networkConfiguration') === undefined && !updates) {
        reportMissing(
          properties,
          `${describeResource(resource)} ${why}, but has no "${properties.keyFor('networkConfiguration')}": ${consequence}. Add one with the subnets (and security groups) of its tasks.`,
        );
      }
      return;
    }
    const awsvpc = awsvpcConfiguration({ resource });
    if (!awsvpc.node) {
      if (network.get('awsvpcConfiguration') === undefined)
        reportMissing(network, `${describeResource(resource)} ${why}, but its "${network.keyFor('awsvpcConfiguration')}" is missing: ${consequence}. Add it with the subnets of its tasks.`);
      return;
    }
    const subnets = awsvpc.get('subnets');
    if (subnets === undefined) {
      reportMissing(awsvpc, `${describeResource(resource)} ${why}, but names no "${awsvpc.keyFor('subnets')}": ${consequence}. List the subnets its tasks run in.`);
    } else if (subnets.type === 'array' && arrayItems(subnets).length === 0) {
      reportAt(subnets, `${describeResource(resource)} ${why}, but its "${awsvpc.keyFor('subnets')}" list is empty: ${consequence}. List the subnets its tasks run in.`);
    }
  },
};
