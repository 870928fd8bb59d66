import { childValue } from '../document/json';
import { describeResource } from '../document/resources';
import { describeMissingTags, missingTagKeys, tagKeysOf } from './_tags';
import { ResourceRuleContext } from './rule';

/** ECS.13 and ECS.14: a service or cluster without every tag key of `requiredTagKeys`. */
export function checkResourceTags({ resource, requiredTagKeys, reportAt, reportMissing }: ResourceRuleContext, control: string): void {
  if (requiredTagKeys.length === 0) return;
  const { properties } = resource;
  const tags = properties.get('tags');
  const present = tagKeysOf(tags, (item) => childValue(item, resource.source === 'cloudformation' ? 'Key' : 'key'));
  const missing = missingTagKeys(requiredTagKeys, present);
  if (missing.length === 0) return;
  const message = `${describeResource(resource)} lacks ${describeMissingTags(missing)} (Security Hub ${control}, with the requiredTagKeys of .ecs-guard.json). Add ${missing.length === 1 ? 'it' : 'them'} to "${properties.keyFor('tags')}".`;
  if (tags) reportAt(tags, message);
  else reportMissing(properties, message);
}
