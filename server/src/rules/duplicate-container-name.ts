import { containsPlaceholder, isPlaceholderNode, stringValue } from '../document/json';
import { ContainerView } from '../document/taskDefinition';
import { setValue } from '../document/jsonEdit';
import { containerAt, describeSetting, isRecord } from './_fix';
import { Rule } from './rule';

/*
 * Fix payload for a missing name: `{ insert: { name } }` adds the property to the container object,
 * with a name taken from the image and not used by another container. Duplicates have no fix:
 * renaming may break links, dependsOn and volumesFrom that use the name.
 */

export const duplicateContainerName: Rule = {
  meta: {
    id: 'duplicate-container-name',
    title: 'Every container needs a name of its own',
    defaultSeverity: 'error',
    enforces: { source: 'ecs-api', requirement: 'Each container definition needs a name, unique within the task definition' },
  },
  check({ doc, reportAt, reportMissing }) {
    const firstUse = new Map<string, ContainerView>();
    for (const container of doc.containers) {
      const nameNode = container.get('name');
      if (!nameNode || nameNode.type === 'null') continue;
      const name = stringValue(nameNode);
      // Other types are value-type findings; placeholders may well differ once filled in.
      if (name === undefined || isPlaceholderNode(nameNode)) continue;
      const earlier = firstUse.get(name);
      if (earlier) {
        reportAt(nameNode, `Container name "${name}" is already used by container #${earlier.index + 1}: container names must be unique in a task definition, so rename this one.`);
      } else {
        firstUse.set(name, container);
      }
    }
    const taken = new Set(firstUse.keys());
    for (const container of doc.containers) {
      const nameNode = container.get('name');
      if (nameNode && nameNode.type !== 'null') continue;
      const suggestion = freeName(imageBaseName(stringValue(container.get('image'))) ?? 'container', taken);
      taken.add(suggestion);
      reportMissing(container, `Container ${container.label} has no "name", which ECS requires: add a name that is unique in the task definition, such as "${suggestion}".`, {
        insert: { name: suggestion },
      });
    }
  },
  fixes(fix, { doc, path }) {
    const name = isRecord(fix.insert) ? fix.insert.name : undefined;
    const container = containerAt(doc, path);
    if (typeof name !== 'string' || name === '' || !container) return [];
    // A container without a name cannot be referred to yet, so naming it breaks nothing.
    return [{ title: `Add ${describeSetting('name', name)}`, edits: [setValue([...container.path, 'name'], name)], safe: true, preferred: true }];
  },
};

/** "123.dkr.ecr.us-east-1.amazonaws.com/team/api:1.2" → "api"; undefined when nothing usable remains. */
function imageBaseName(image: string | undefined): string | undefined {
  if (!image || containsPlaceholder(image)) return undefined;
  const repository = image.split('@')[0].split('/').pop()?.split(':')[0] ?? '';
  const cleaned = repository.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return cleaned === '' ? undefined : cleaned;
}

function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
