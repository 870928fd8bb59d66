import { arrayItems, stringValue } from '../document/json';
import { describeResource, possibleStrings } from '../document/resources';
import { ResourceRule } from './rule';

export const serviceTaskDefinitionCompatibility: ResourceRule = {
  meta: {
    id: 'service-task-definition-compatibility',
    title: "A service's launch type must be one its task definition requires",
    defaultSeverity: 'error',
    enforces: { source: 'ecs-api', requirement: "A service's launchType must be listed in its task definition's requiresCompatibilities, when the task definition lists any" },
  },
  kinds: ['service', 'task-set'],
  check({ resource, taskDefinition, reportAt }) {
    const required = taskDefinition?.task?.get('requiresCompatibilities');
    if (!taskDefinition?.template || required?.type !== 'array') return;
    const listed = arrayItems(required).map(stringValue);
    // A value the template computes is unknown, and an empty list says nothing: no finding.
    if (listed.length === 0 || listed.some((value) => value === undefined)) return;
    for (const possible of possibleStrings(resource, resource.properties.get('launchType'))) {
      if (listed.includes(possible.value)) continue;
      reportAt(
        possible.at,
        `${describeResource(resource)} launches its tasks on ${possible.value}, but its task definition ${taskDefinition.template.logicalId} requires ${listed.join(' and ')} (RequiresCompatibilities): ECS rejects the deployment. Add ${possible.value} to the task definition's RequiresCompatibilities, or change the launch type.`,
        undefined,
        possible.when,
      );
    }
  },
};
