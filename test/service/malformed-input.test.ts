import * as assert from 'node:assert/strict';
import { parseJson } from '../../server/src/document/parse';
import { lintText } from '../support/lint';

/** Whatever a workspace holds, linting answers with findings or nothing, and never throws. */
describe('malformed input', () => {
  const ruleIds = (text: string, assumeTaskDefinition = true) => lintText(text, { assumeTaskDefinition }).map((f) => f.ruleId);

  it('a truncated task definition gets json-syntax findings and the content rules still run on what parsed', () => {
    const findings = lintText('{ "containerDefinitions": [ { "name": "app", "image": "x", "privileged": true ');
    assert.ok(findings.some((f) => f.ruleId === 'json-syntax' && /not closed/.test(f.message)));
    assert.ok(findings.some((f) => f.ruleId === 'privileged-container'));
  });

  it('non-JSON text named as a task definition gets json-syntax findings', () => {
    assert.ok(ruleIds('family: web\ncontainerDefinitions:\n  - name: app\n').includes('json-syntax'));
  });

  it('binary garbage gets json-syntax findings', () => {
    const garbage = String.fromCharCode(...Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256));
    assert.ok(ruleIds(garbage).includes('json-syntax'));
  });

  it('an empty file named as a task definition says it is empty', () => {
    assert.deepEqual(
      lintText('', { assumeTaskDefinition: true }).map((f) => f.message),
      ['The file is empty: a task definition is a JSON object.'],
    );
  });

  it('nesting deeper than the parser can follow is reported, not a stack overflow', () => {
    const deep = '{"containerDefinitions": ' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    assert.deepEqual(ruleIds(deep, false), []);
    const [finding] = lintText(deep, { assumeTaskDefinition: true });
    assert.equal(finding.ruleId, 'json-syntax');
    assert.match(finding.message, /nest deeper than 512 levels/);
  });

  describe('the nesting guard reads the text as the parser does', () => {
    const deepTail = '['.repeat(100_000);
    const fooling: [string, string][] = [
      ['a " inside a line comment', `{ // a "quote\n "containerDefinitions": ${deepTail}`],
      ['a " inside a block comment', `{ /* " */ "containerDefinitions": ${deepTail}`],
      ['a \\r ending an unclosed string', `{ "family": "web\r "containerDefinitions": ${deepTail}`],
      ['a \\r\\n ending an unclosed string', `{ "family": "web\r\n "containerDefinitions": ${deepTail}`],
      ['mismatched closers the parser skips', `{ "containerDefinitions": ${'[},'.repeat(100_000)}`],
      ['mismatched closers inside objects', `{ "a": ${'{ "b": ],'.repeat(50_000)}`],
    ];
    for (const [what, text] of fooling) {
      it(`${what}: reported as too deep, never a stack overflow`, () => {
        const findings = lintText(text, { assumeTaskDefinition: true });
        assert.ok(
          findings.some((f) => f.ruleId === 'json-syntax' && /nest deeper than 512 levels/.test(f.message)),
          JSON.stringify(findings.slice(0, 3)),
        );
        assert.ok(parseJson(text).tooDeepAt! > 0, 'found by the guard, not by the parser overflowing');
      });
    }

    it('brackets inside comments and strings do not count', () => {
      const text = `{ /* ${'['.repeat(1000)} */ "family": "${'{'.repeat(1000)}", "containerDefinitions": [] // ${'['.repeat(1000)}\n}`;
      assert.ok(!lintText(text, { assumeTaskDefinition: true }).some((f) => /nest deeper/.test(f.message)));
    });
  });

  it('wrong types everywhere do not throw', () => {
    const weird = [
      'null',
      'true',
      '42',
      '"text"',
      '[]',
      '[1, 2]',
      '{ "containerDefinitions": null }',
      '{ "containerDefinitions": [null, 1, "x", [], {}] }',
      '{ "taskDefinition": { "containerDefinitions": {} } }',
      '{ "containerDefinitions": [ { "name": 1, "image": {}, "environment": "x", "privileged": "yes" } ], "cpu": [], "memory": {}, "runtimePlatform": "LINUX", "requiresCompatibilities": "FARGATE", "volumes": 3 }',
    ];
    for (const text of weird) assert.doesNotThrow(() => lintText(text, { assumeTaskDefinition: true }), text);
  });

  it('a 5 MB task definition is linted in one pass', () => {
    const container = (i: number) =>
      `{ "name": "c${i}", "image": "nginx", "privileged": ${i % 1000 === 0}, "environment": [${Array.from({ length: 20 }, (_, j) => `{ "name": "V${j}", "value": "${'x'.repeat(40)}" }`).join(', ')}] }`;
    const containers: string[] = [];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i++) {
      const next = container(i);
      containers.push(next);
      size += next.length + 2;
    }
    const text = `{ "family": "huge", "containerDefinitions": [\n${containers.join(',\n')}\n] }`;
    assert.ok(text.length >= 5 * 1024 * 1024);
    const privileged = lintText(text).filter((f) => f.ruleId === 'privileged-container');
    assert.equal(privileged.length, Math.ceil(containers.length / 1000));
  });
});
