import * as assert from 'node:assert/strict';
import { ruleIds, ruleOrder } from '../../server/src/rules';
import { lintText } from '../support/lint';

describe('the order of findings', () => {
  it('puts findings at one offset in the order localeCompare gives their rule ids, as it always has', () => {
    const findings = lintText('{ "family": "web", "containerDefinitions": [ { "name": "app", "image": "nginx" } ] }');
    const atName = findings.filter((finding) => finding.offset === findings.find((f) => f.path.join('.') === 'containerDefinitions.0')?.offset);
    assert.ok(atName.length >= 3, 'several rules report the container at its name');
    const ids = atName.map((finding) => finding.ruleId);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a.localeCompare(b)),
    );
  });

  it('ranks every rule id as localeCompare sorts them (the comparison on every tie is a lookup)', () => {
    const ids = [...ruleIds];
    assert.deepEqual(
      [...ids].sort((a, b) => ruleOrder(a) - ruleOrder(b)),
      [...ids].sort((a, b) => a.localeCompare(b)),
    );
  });
});
