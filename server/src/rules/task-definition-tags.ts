import { childValue } from '../document/json';
import { describeMissingTags, missingTagKeys, tagKeysOf } from './_tags';
import { Rule } from './rule';

export const taskDefinitionTags: Rule = {
  meta: {
    id: 'task-definition-tags',
    title: 'Task definitions should carry the tag keys that .ecs-guard.json requires',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.15', configRule: 'tagged-ecs-taskdefinition' },
  },
  check({ doc, requiredTagKeys, reportAt, reportMissing }) {
    // A bare container array has no task to tag; describe output keeps the tags beside the task definition, not in it.
    if (requiredTagKeys.length === 0 || !doc.task) return;
    const tags = doc.shape === 'describe-output' ? childValue(doc.parsed.root, 'tags') : doc.task.get('tags');
    const missing = missingTagKeys(
      requiredTagKeys,
      tagKeysOf(tags, (item) => childValue(item, 'key')),
    );
    if (missing.length === 0) return;
    const message = `The task definition lacks ${describeMissingTags(missing)} (Security Hub ECS.15, with the requiredTagKeys of .ecs-guard.json). Add ${missing.length === 1 ? 'it' : 'them'} to "tags".`;
    if (tags) reportAt(tags, message);
    else reportMissing(doc.task, message);
  },
};
