import * as assert from 'node:assert/strict';
import { parseJson } from '../../server/src/document/parse';
import { findTaskDefinition, whyNotATaskDefinition } from '../../server/src/document/taskDefinition';

const TASK = '{ "family": "web", "containerDefinitions": [ { "name": "web", "image": "nginx" } ] }';

describe('what a document that is not linted as a task definition is', () => {
  it('does not lint a task definition wrapped in an array, which the AWS CLI rejects ("Invalid type: expecting map"), and says so', () => {
    const wrapped = parseJson(`[ ${TASK} ]`);
    assert.equal(findTaskDefinition(wrapped), undefined);
    assert.equal(
      whyNotATaskDefinition(wrapped),
      'a task definition inside an array: the AWS CLI (--cli-input-json) and RegisterTaskDefinition take one task definition object, not an array, so remove the enclosing [ ]',
    );
  });

  it('counts the task definitions of an array of several, describe output included', () => {
    const several = parseJson(`[ ${TASK}, { "taskDefinition": ${TASK} }, { "other": 1 } ]`);
    assert.equal(findTaskDefinition(several), undefined);
    assert.match(whyNotATaskDefinition(several), /^an array of 2 task definitions: .* remove the enclosing \[ \] and keep one task definition per file$/);
  });

  it('names what is missing otherwise', () => {
    assert.equal(whyNotATaskDefinition(parseJson('{ "compilerOptions": {} }')), 'no "containerDefinitions"');
    assert.equal(whyNotATaskDefinition(parseJson('[1, 2, 3]')), 'an array, but not of container definitions with "name" and "image"');
  });
});
