import * as assert from 'node:assert/strict';
import { EMPTY_CONFIG, EcsGuardConfig, mergeConfigs, parseConfig, readConfigObject, selectFile } from '../../server/src/config/config';

const KNOWN_RULES: ReadonlySet<string> = new Set(['json-syntax', 'privileged-container']);

function parse(value: unknown): ReturnType<typeof parseConfig> {
  return parseConfig(typeof value === 'string' ? value : JSON.stringify(value), KNOWN_RULES);
}

function config(globs: Partial<EcsGuardConfig>): EcsGuardConfig {
  return { ...EMPTY_CONFIG, ...globs };
}

describe('.ecs-guard.json', () => {
  describe('parseConfig', () => {
    it('reads rules, include and ignore, and allows $schema', () => {
      assert.deepEqual(parse({ $schema: './schema.json', rules: { 'privileged-container': 'error', 'json-syntax': 'off' }, include: ['deploy/**'], ignore: ['deploy/legacy/**'] }), {
        config: { rules: { 'privileged-container': 'error', 'json-syntax': 'off' }, include: ['deploy/**'], ignore: ['deploy/legacy/**'], requiredTagKeys: [] },
        problems: [],
      });
    });

    it('accepts every severity: off, info, warning, error', () => {
      for (const severity of ['off', 'info', 'warning', 'error']) {
        assert.deepEqual(parse({ rules: { 'privileged-container': severity } }).config.rules, { 'privileged-container': severity });
      }
    });

    it('reports an unknown key and keeps the rest', () => {
      const result = parse({ rule: { 'privileged-container': 'off' }, ignore: ['tmp/**'] });
      assert.deepEqual(result.problems, ['.ecs-guard.json: unknown key "rule" (expected "rules", "include", "ignore" or "requiredTagKeys").']);
      assert.deepEqual(result.config, config({ ignore: ['tmp/**'] }));
    });

    it('reports an unknown rule id and keeps the known ones', () => {
      const result = parse({ rules: { 'no-such-rule': 'off', 'privileged-container': 'error' } });
      assert.deepEqual(result.problems, ['.ecs-guard.json: unknown rule "no-such-rule".']);
      assert.deepEqual(result.config.rules, { 'privileged-container': 'error' });
    });

    it('treats keys of Object.prototype as unknown rules, without touching any prototype', () => {
      const result = parse('{ "rules": { "__proto__": "off", "constructor": "error", "toString": "info" } }');
      assert.equal(result.problems.length, 3);
      assert.deepEqual(Object.keys(result.config.rules), []);
      assert.equal(Object.getPrototypeOf(result.config.rules), Object.prototype);
    });

    it('reports a severity that is not off, info, warning or error', () => {
      for (const severity of ['warn', 'ERROR', 2, null, true]) {
        const result = parse({ rules: { 'privileged-container': severity } });
        assert.deepEqual(result.problems, [`.ecs-guard.json: rule "privileged-container" has severity ${JSON.stringify(severity)}; use "off", "info", "warning" or "error".`]);
        assert.deepEqual(result.config.rules, {});
      }
    });

    it('reports rules that are not an object', () => {
      for (const rules of [['privileged-container'], 'off', null]) {
        assert.deepEqual(parse({ rules }).problems, ['.ecs-guard.json: "rules" must be an object of rule id to "off", "info", "warning" or "error".']);
      }
    });

    it('reports include and ignore that are not arrays of glob strings, and drops them', () => {
      for (const globs of ['deploy/**', ['deploy/**', 1], { deploy: true }, null]) {
        const result = parse({ include: globs, ignore: globs, rules: { 'privileged-container': 'off' } });
        assert.deepEqual(result.problems, ['.ecs-guard.json: "include" must be an array of glob strings.', '.ecs-guard.json: "ignore" must be an array of glob strings.']);
        assert.deepEqual(result.config, config({ rules: { 'privileged-container': 'off' } }));
      }
    });

    it('reports empty and unusable globs and keeps the others, so matching never throws', () => {
      const tooLong = 'a'.repeat(70_000);
      const result = parse({ include: ['', 'deploy/**', tooLong], ignore: ['  '] });
      assert.deepEqual(result.config, config({ include: ['deploy/**'] }));
      assert.deepEqual(result.problems.slice(0, 1), ['.ecs-guard.json: "include" has an empty glob; it is ignored.']);
      assert.match(result.problems[1], /^\.ecs-guard\.json: "include" has an unusable glob \(.*\); it is ignored\.$/);
      assert.deepEqual(result.problems.slice(2), ['.ecs-guard.json: "ignore" has an empty glob; it is ignored.']);
      assert.equal(selectFile('deploy/task.json', result.config), 'included');
    });

    it('ignores a file that is not JSON, naming where it stops being JSON', () => {
      assert.deepEqual(parse('{ "rules": { "privileged-container": "off" }, }'), {
        config: EMPTY_CONFIG,
        problems: ['.ecs-guard.json is not valid JSON (at offset 46); it is ignored.'],
      });
      for (const text of ['', '{ "rules": {', '// comment\n{}', "{ 'rules': {} }"]) {
        const result = parse(text);
        assert.deepEqual(result.config, EMPTY_CONFIG, JSON.stringify(text));
        assert.match(result.problems[0], /^\.ecs-guard\.json is not valid JSON \(at offset \d+\); it is ignored\.$/);
      }
    });

    it('reports a file built to fool the nesting guard instead of silently turning linting off', () => {
      for (const text of [`{ // "\n "rules": ${'['.repeat(100_000)}`, `{ "rules\r": ${'[},'.repeat(100_000)}`]) {
        const result = parse(text);
        assert.deepEqual(result.config, EMPTY_CONFIG);
        assert.match(result.problems[0], /is not valid JSON/);
      }
    });

    it('reads a file saved with a UTF-8 byte order mark', () => {
      assert.deepEqual(parse('\uFEFF{ "rules": { "privileged-container": "off" } }'), { config: config({ rules: { 'privileged-container': 'off' } }), problems: [] });
    });

    it('reports a top-level value that is not an object', () => {
      for (const text of ['[]', 'null', '"rules"', '42']) {
        assert.deepEqual(parse(text), { config: EMPTY_CONFIG, problems: ['.ecs-guard.json must be a JSON object with "rules", "include" and "ignore".'] });
      }
    });
  });

  describe('readConfigObject', () => {
    it('names where the problem comes from', () => {
      const result = readConfigObject({ rules: { 'no-such-rule': 'off' } }, KNOWN_RULES, 'ecsGuard settings');
      assert.deepEqual(result.problems, ['ecsGuard settings: unknown rule "no-such-rule".']);
    });
  });

  describe('mergeConfigs', () => {
    it('lets the file win for each rule it names, and applies the globs of both', () => {
      const settings = config({ rules: { 'privileged-container': 'info', 'json-syntax': 'warning' }, include: ['a/**'], ignore: ['a/old/**'] });
      const file = config({ rules: { 'privileged-container': 'error' }, include: ['b/**'], ignore: ['b/old/**'] });
      assert.deepEqual(mergeConfigs(settings, file), {
        rules: { 'privileged-container': 'error', 'json-syntax': 'warning' },
        include: ['a/**', 'b/**'],
        ignore: ['a/old/**', 'b/old/**'],
        requiredTagKeys: [],
      });
    });
  });

  describe('requiredTagKeys', () => {
    it('reads the tag keys the tagging rules require', () => {
      assert.deepEqual(parse({ requiredTagKeys: ['team', 'cost-center'] }), { config: config({ requiredTagKeys: ['team', 'cost-center'] }), problems: [] });
    });

    it('reports keys AWS would not take (empty, over 128 characters, the reserved aws: prefix) and keeps the others', () => {
      const result = parse({ requiredTagKeys: ['team', '', 'aws:cloudformation:stack-name', 'k'.repeat(129)] });
      assert.deepEqual(result.config.requiredTagKeys, ['team']);
      assert.equal(result.problems.length, 3);
      assert.match(result.problems[1], /"aws:cloudformation:stack-name" starts with the reserved prefix "aws:"; it is ignored/);
    });

    it('reports a value that is not an array of strings', () => {
      assert.deepEqual(parse({ requiredTagKeys: 'team' }).problems, ['.ecs-guard.json: "requiredTagKeys" must be an array of tag keys.']);
    });

    it('merges the keys of settings and file, once each', () => {
      assert.deepEqual(mergeConfigs(config({ requiredTagKeys: ['team'] }), config({ requiredTagKeys: ['team', 'owner'] })).requiredTagKeys, ['team', 'owner']);
    });
  });

  describe('selectFile', () => {
    it('decides by content when there are no globs', () => {
      assert.equal(selectFile('task.json', EMPTY_CONFIG), 'by-content');
    });

    it('with include, lints matching files as task definitions and ignores the others', () => {
      const included = config({ include: ['deploy/**/*.json'] });
      assert.equal(selectFile('deploy/web/task.json', included), 'included');
      assert.equal(selectFile('deploy/task.json', included), 'included');
      assert.equal(selectFile('package.json', included), 'ignored');
      assert.equal(selectFile('other/deploy/task.json', included), 'ignored', 'globs are relative to the folder');
    });

    it('with ignore, never lints matching files and decides the others by content', () => {
      const ignoring = config({ ignore: ['legacy/**', '*.generated.json'] });
      assert.equal(selectFile('legacy/task.json', ignoring), 'ignored');
      assert.equal(selectFile('task.generated.json', ignoring), 'ignored');
      assert.equal(selectFile('deploy/task.generated.json', ignoring), 'by-content', 'a glob without a slash matches at the folder root only');
      assert.equal(selectFile('task.json', ignoring), 'by-content');
    });

    it('lets ignore win over include', () => {
      const both = config({ include: ['deploy/**'], ignore: ['deploy/legacy/**'] });
      assert.equal(selectFile('deploy/legacy/task.json', both), 'ignored');
      assert.equal(selectFile('deploy/task.json', both), 'included');
    });

    it('reads !globs as exceptions, as in .gitignore', () => {
      const except = config({ include: ['deploy/**', '!deploy/legacy/**'], ignore: ['**/*.json', '!**/task-definition.json'] });
      assert.equal(selectFile('deploy/web/task-definition.json', except), 'included');
      assert.equal(selectFile('deploy/legacy/task-definition.json', except), 'ignored');
      assert.equal(selectFile('deploy/web/other.json', except), 'ignored');
    });

    it('matches files and folders whose names start with a dot', () => {
      assert.equal(selectFile('.aws/task.json', config({ include: ['**/*.json'] })), 'included');
      assert.equal(selectFile('.aws/task.json', config({ ignore: ['*/task.json'] })), 'ignored');
    });
  });
});
