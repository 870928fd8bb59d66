import { pathOf } from '../document/json';
import { unwrapItem } from '../document/jsonEdit';
import { describeTaskDefinitionsInArray, taskDefinitionsInArray } from '../document/taskDefinition';
import { SyntaxRule } from './rule';

/**
 * Fix payload: `{ unwrap: true }` on a one-item array: the item, as written, replaces the array. An array of several
 * task definitions gets no fix: which one the file keeps, and where the others go, is the user's call.
 */
export const taskDefinitionInArray: SyntaxRule = {
  meta: {
    id: 'task-definition-in-array',
    title: 'A task definition file holds one task definition object, not an array',
    defaultSeverity: 'error',
    enforces: { source: 'ecs-api', requirement: 'The AWS CLI (--cli-input-json) and RegisterTaskDefinition take one task definition object' },
  },
  checkSyntax(parsed) {
    // YAML is read as a CloudFormation template, an object.
    if (parsed.language === 'yaml') return [];
    const found = taskDefinitionsInArray(parsed.root);
    if (!found) return [];
    const message = describeTaskDefinitionsInArray(found);
    // On the opening bracket: the whole file would be one long squiggle.
    return [
      {
        offset: found.array.offset,
        length: 1,
        path: pathOf(found.array),
        message: `This file is ${message}. Nothing else in it is checked until then.`,
        ...(found.items === 1 && { fix: { unwrap: true } }),
      },
    ];
  },
  // Registering needs one object, but a script may read the array as it is (`jq '.[0]'`): the user decides.
  fixes(fix, { parsed }) {
    const found = taskDefinitionsInArray(parsed.root);
    if (fix.unwrap !== true || !found || found.items !== 1) return [];
    return [{ title: 'Remove the enclosing [ ]', edits: [unwrapItem([])], safe: false, preferred: true }];
  },
};
