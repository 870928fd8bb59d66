import { describeResource } from '../document/resources';
import { describeMissingTags, missingTagKeys, tagKeysOf } from './_tags';
import { ResourceRuleContext } from './rule';

/** ECS.13 and ECS.14: a service or cluster without every tag key of `requiredTagKeys`. */
export function checkResourceTags({ resource, requiredTagKeys, reportAt, reportMissing }: ResourceRuleContext, control: string): void {
  if (requiredTagKeys.length === 0) return;
  const { properties } = resource;
  const tags = properties.get('tags');
  // The resource reader spells `key` as the document does (`Key` in a template); an item it cannot read as an object makes the keys unknown.
  const tagObjects = new Map(properties.items('tags').map((tag) => [tag.node, tag]));
  const present = tagKeysOf(tags, (item) => tagObjects.get(item)?.get('key'));
  const missing = missingTagKeys(requiredTagKeys, present);
  if (missing.length === 0) return;
  const message = `${describeResource(resource)} lacks ${describeMissingTags(missing)} (Security Hub ${control}, with the requiredTagKeys of .ecs-guard.json). Add ${missing.length === 1 ? 'it' : 'them'} to "${properties.keyFor('tags')}".`;
  if (tags) reportAt(tags, message);
  else reportMissing(properties, message);
}
