import * as assert from 'node:assert/strict';
import { expectFindings, expectNoFindings } from '../support/lint';
import { expectFix, fixTitlesAt, unattendedFixCount } from '../support/codeActions';

const RULE = 'pid-mode-host';
const MESSAGE =
  'The task shares the host\'s process namespace, so its containers can see and signal every process on the host (Security Hub ECS.3). Remove "pidMode", or set it to "task" if the containers only need to see each other\'s processes.';

describe(RULE, () => {
  it('flags "pidMode": "host" on the value and proposes removing it', () => {
    const [finding] = expectFindings(
      RULE,
      `{
  "family": "agent",
  "pidMode": «"host"»,
  "containerDefinitions": [ { "name": "app", "image": "nginx" } ]
}`,
      [{ message: MESSAGE, path: ['pidMode'] }],
    );
    assert.deepEqual(finding.fix, { remove: 'pidMode' });
  });

  it('flags describe-task-definition output', () => {
    expectFindings(
      RULE,
      `{
  "taskDefinition": {
    "family": "agent",
    "pidMode": «"host"»,
    "containerDefinitions": [ { "name": "app", "image": "nginx" } ]
  }
}`,
      [{ message: MESSAGE, path: ['taskDefinition', 'pidMode'] }],
    );
  });

  it('accepts "task", null, absent, placeholders and other types', () => {
    for (const pidMode of ['"task"', 'null', '"<PID_MODE>"', '"${PID_MODE}"', '"#{pid}"', '"{{PID_MODE}}"', 'true']) {
      expectNoFindings(RULE, `{ "pidMode": ${pidMode}, "containerDefinitions": [ { "name": "app", "image": "x" } ] }`);
    }
    expectNoFindings(RULE, `{ "family": "web", "containerDefinitions": [ { "name": "app", "image": "x" } ] }`);
  });

  it('is silent on a bare container array, which has no task-level pidMode', () => {
    expectNoFindings(RULE, `[ { "name": "app", "image": "nginx", "pidMode": "host" } ]`);
  });
});

describe(`${RULE} fixes`, () => {
  const doc = '{\n  "family": "web",\n  "pidMode": |"host",\n  "containerDefinitions": [{ "name": "app", "image": "nginx" }]\n}';

  it('removes pidMode (preferred) or sets it to task', () => {
    assert.deepEqual(fixTitlesAt(RULE, doc), ['Remove "pidMode"', 'Set "pidMode": "task"']);
    expectFix(RULE, doc, 'Remove "pidMode"', '{\n  "family": "web",\n  "containerDefinitions": [{ "name": "app", "image": "nginx" }]\n}');
    expectFix(RULE, doc, 'Set "pidMode": "task"', '{\n  "family": "web",\n  "pidMode": "task",\n  "containerDefinitions": [{ "name": "app", "image": "nginx" }]\n}');
    assert.equal(unattendedFixCount(RULE, doc), 1);
  });
});
