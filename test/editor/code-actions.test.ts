import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionKind, Diagnostic } from 'vscode-languageserver-types';
import { parseConfig } from '../../server/src/config/config';
import { codeActions, FIX_ALL_KIND, resolveCodeAction, SHOW_RULE_DOCUMENTATION_COMMAND } from '../../server/src/editor/codeActions';
import { ruleIds } from '../../server/src/rules';
import { ruleDocsUrl } from '../../server/src/engine/protocol';
import { analyze, analyzeText } from '../../server/src/service/analysis';
import { toDiagnostic } from '../../server/src/service/diagnostics';
import { actionsAt, actionTitled, afterAction, afterResolving, applyWorkspaceEdit, DOCUMENT_URI, onlyRules, titles } from '../support/codeActions';
import { lintText } from '../support/lint';
import { displayName, realTaskDefinitionFiles } from '../support/realFiles';

const CONFIG_URI = 'file:///workspace/.ecs-guard.json';
const README_CONFIG = `{
  "rules": { "readonly-root-filesystem": "off", "log-configuration": "error" },
  "include": ["deploy/**/*.json"]
}
`;

const READONLY = 'readonly-root-filesystem';
const SET_READONLY = 'Set "readonlyRootFilesystem": true';

const TWO_SPACES = `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": |"app",
      "image": "nginx"
    },
    {
      "name": "sidecar",
      "image": "envoy"
    }
  ]
}
`;

describe('code actions', () => {
  it("offers the rule's fix (preferred), fix all, disable and documentation, linked to the diagnostic", () => {
    const { actions } = actionsAt(TWO_SPACES, { validate: onlyRules(READONLY), configFile: { uri: CONFIG_URI, text: '{}' } });
    assert.deepEqual(titles(actions), [SET_READONLY, `Fix all ${READONLY} problems in this file`, `Disable ${READONLY} in .ecs-guard.json`, `Show documentation for ${READONLY}`]);
    assert.deepEqual(
      actions.map((action) => [action.kind, action.isPreferred ?? false]),
      [
        [CodeActionKind.QuickFix, true],
        [CodeActionKind.QuickFix, false],
        [CodeActionKind.QuickFix, false],
        [CodeActionKind.QuickFix, false],
      ],
    );
    for (const action of actions)
      assert.deepEqual(
        action.diagnostics?.map((diagnostic) => diagnostic.code),
        [READONLY],
      );
  });

  it('inserts the property in a 2-space document, after the last one, and the finding is gone', () => {
    const fixed = afterAction(TWO_SPACES, SET_READONLY, { validate: onlyRules(READONLY) });
    assert.equal(
      fixed,
      `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "readonlyRootFilesystem": true
    },
    {
      "name": "sidecar",
      "image": "envoy"
    }
  ]
}
`,
    );
    assert.deepEqual(
      lintText(fixed, onlyRules(READONLY)).map((finding) => finding.path),
      [['containerDefinitions', 1]],
    );
  });

  it('keeps 4-space indentation in describe-task-definition output, replacing the null in place', () => {
    const fixed = afterAction(
      `{
    "taskDefinition": {
        "family": "web",
        "containerDefinitions": [
            {
                "name": "app",
                "readonlyRootFilesystem": |null,
                "image": "nginx"
            }
        ]
    }
}`,
      SET_READONLY,
      { validate: onlyRules(READONLY) },
    );
    assert.equal(
      fixed,
      `{
    "taskDefinition": {
        "family": "web",
        "containerDefinitions": [
            {
                "name": "app",
                "readonlyRootFilesystem": true,
                "image": "nginx"
            }
        ]
    }
}`,
    );
    assert.deepEqual(lintText(fixed, onlyRules(READONLY)), []);
  });

  it('keeps tab indentation, and a one-line container stays on one line', () => {
    const fixed = afterAction(
      `{
\t"family": "web",
\t"containerDefinitions": [
\t\t{
\t\t\t"name": "app",
\t\t\t"image": "nginx",
\t\t\t"privileged": |true
\t\t},
\t\t{ "name": "sidecar", "image": "envoy", "privileged": true }
\t]
}`,
      'Set "privileged": false',
      { validate: onlyRules('privileged-container') },
    );
    assert.equal(
      fixed,
      `{
\t"family": "web",
\t"containerDefinitions": [
\t\t{
\t\t\t"name": "app",
\t\t\t"image": "nginx",
\t\t\t"privileged": false
\t\t},
\t\t{ "name": "sidecar", "image": "envoy", "privileged": true }
\t]
}`,
    );
    assert.deepEqual(
      lintText(fixed, onlyRules('privileged-container')).map((finding) => finding.path),
      [['containerDefinitions', 1, 'privileged']],
    );
    assert.equal(
      afterAction(fixed.replace('"sidecar"', '|"sidecar"'), SET_READONLY, { validate: onlyRules(READONLY) }),
      `{
\t"family": "web",
\t"containerDefinitions": [
\t\t{
\t\t\t"name": "app",
\t\t\t"image": "nginx",
\t\t\t"privileged": false
\t\t},
\t\t{ "name": "sidecar", "image": "envoy", "privileged": true, "readonlyRootFilesystem": true }
\t]
}`,
    );
  });

  it('keeps CRLF line endings, and the edit never splits one', () => {
    const crlf = TWO_SPACES.replace(/\n/g, '\r\n');
    const fixed = afterAction(crlf, SET_READONLY, { validate: onlyRules(READONLY) });
    assert.equal(fixed, TWO_SPACES.replace('|', '').replace('"image": "nginx"', '"image": "nginx",\n      "readonlyRootFilesystem": true').replace(/\n/g, '\r\n'));
    const { actions } = actionsAt(crlf, { validate: onlyRules(READONLY) });
    const [edit] = actionTitled(actions, SET_READONLY).edit?.changes?.[DOCUMENT_URI] ?? [];
    assert.ok(!edit.newText.startsWith('\n') && !edit.newText.endsWith('\r'), JSON.stringify(edit.newText));
  });

  describe('fix all', () => {
    it('applies every safe fix of the rule in one edit', () => {
      const fixed = afterAction(TWO_SPACES, `Fix all ${READONLY} problems in this file`, { validate: onlyRules(READONLY) });
      assert.equal(
        fixed,
        `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx",
      "readonlyRootFilesystem": true
    },
    {
      "name": "sidecar",
      "image": "envoy",
      "readonlyRootFilesystem": true
    }
  ]
}
`,
      );
      assert.deepEqual(lintText(fixed, onlyRules(READONLY)), []);
      const { actions } = actionsAt(TWO_SPACES, { validate: onlyRules(READONLY) });
      assert.equal(actionTitled(actions, `Fix all ${READONLY} problems in this file`).edit?.changes?.[DOCUMENT_URI]?.length, 1);
    });

    it('fixes several items of one array in one edit', () => {
      const fixed = afterAction(
        `{
  "family": "api",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "api:1",
      "environment": [
        { "name": "A", "value": 1 },
        { "name": "B", "value": "b" },
        { "name": "C", "value": |true }
      ]
    }
  ]
}`,
        'Fix all value-type problems in this file',
        { validate: onlyRules('value-type') },
      );
      assert.equal(
        fixed,
        `{
  "family": "api",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "api:1",
      "environment": [
        { "name": "A", "value": "1" },
        { "name": "B", "value": "b" },
        { "name": "C", "value": "true" }
      ]
    }
  ]
}`,
      );
      assert.deepEqual(lintText(fixed, onlyRules('value-type')), []);
    });

    it("is not offered when the rule's fixes need a decision (here: which user the containers run as)", () => {
      const { actions } = actionsAt(TWO_SPACES, { validate: onlyRules('linux-non-root-user') });
      assert.deepEqual(titles(actions), ['Set "user": "1000"', 'Show documentation for linux-non-root-user']);
    });

    it("starts from the findings it is given (the server's cached ones) instead of validating again", () => {
      const { actions } = actionsAt(TWO_SPACES, { validate: onlyRules(READONLY), findings: [] });
      assert.deepEqual(titles(actions), [SET_READONLY, `Show documentation for ${READONLY}`]);
    });

    it('is not offered for a single fixable problem, which its own quick fix covers', () => {
      const { actions } = actionsAt('{ "family": "web", "containerDefinitions": [{ "name": |"app", "image": "nginx" }] }', { validate: onlyRules(READONLY) });
      assert.deepEqual(titles(actions), [SET_READONLY, `Show documentation for ${READONLY}`]);
    });
  });

  describe('disable in .ecs-guard.json', () => {
    const disable = `Disable ${READONLY} in .ecs-guard.json`;
    const configAfter = (text: string | undefined, canCreateFiles = true) => {
      const { actions } = actionsAt(TWO_SPACES, { validate: onlyRules(READONLY), configFile: { uri: CONFIG_URI, text }, canCreateFiles });
      return applyWorkspaceEdit(actionTitled(actions, disable).edit, CONFIG_URI, text);
    };

    it('creates the file when there is none, and the rule is then off', () => {
      const created = configAfter(undefined);
      assert.equal(created, `{\n  "rules": {\n    "${READONLY}": "off"\n  }\n}\n`);
      const { config, problems } = parseConfig(created!, ruleIds);
      assert.deepEqual(problems, []);
      assert.deepEqual(lintText(TWO_SPACES.replace('|', ''), { rules: { ...onlyRules(READONLY).rules, ...config.rules } }), []);
    });

    it('adds the rule to an existing "rules" object, one-line as it was, keeping the rest of the file', () => {
      assert.equal(
        configAfter(README_CONFIG.replace(`"${READONLY}": "off", `, '')),
        `{
  "rules": { "log-configuration": "error", "${READONLY}": "off" },
  "include": ["deploy/**/*.json"]
}
`,
      );
    });

    it('turns a rule already set to another severity off in place', () => {
      assert.equal(configAfter('{\n    "rules": {\n        "readonly-root-filesystem": "error"\n    }\n}\n'), '{\n    "rules": {\n        "readonly-root-filesystem": "off"\n    }\n}\n');
    });

    it('adds "rules" to a file without it, in the file\'s indentation', () => {
      assert.equal(configAfter('{\n\t"ignore": ["legacy/**"]\n}\n'), `{\n\t"ignore": ["legacy/**"],\n\t"rules": {\n\t\t"${READONLY}": "off"\n\t}\n}\n`);
    });

    it('is not offered when the file cannot be created or edited, or there is no workspace folder', () => {
      const offered = (options: Parameters<typeof actionsAt>[1]) => titles(actionsAt(TWO_SPACES, { validate: onlyRules(READONLY), ...options }).actions).includes(disable);
      assert.equal(offered({ configFile: { uri: CONFIG_URI, text: undefined }, canCreateFiles: false }), false);
      assert.equal(offered({ configFile: { uri: CONFIG_URI, text: '{ "rules": ' } }), false);
      assert.equal(offered({ configFile: { uri: CONFIG_URI, text: '{ "rules": ["off"] }' } }), false);
      assert.equal(offered({}), false);
    });
  });

  it('"Show documentation" runs the client command with the rule\'s docs URL', () => {
    const { actions } = actionsAt(TWO_SPACES, { validate: onlyRules(READONLY) });
    const action = actionTitled(actions, `Show documentation for ${READONLY}`);
    assert.equal(action.edit, undefined);
    assert.deepEqual(action.command, { title: `Show documentation for ${READONLY}`, command: SHOW_RULE_DOCUMENTATION_COMMAND, arguments: [ruleDocsUrl(READONLY)] });
  });

  describe('source.fixAll', () => {
    const task = `{
  "family": "web",
  "pidMode": "host",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "privileged": true, "readonlyRootFilesystem": false }
  ]
}`;

    it('applies the safe fixes of every rule, only when asked for', () => {
      const analysis = analyzeText(task, DOCUMENT_URI);
      assert.deepEqual(codeActions(analysis, []), []);
      const [action, ...rest] = codeActions(analysis, [], { only: [CodeActionKind.SourceFixAll] });
      assert.deepEqual(rest, []);
      assert.equal(action.kind, FIX_ALL_KIND);
      const fixed = applyWorkspaceEdit(action.edit, DOCUMENT_URI, task);
      // The log configuration needs a region and the user a decision, so those two stay.
      assert.equal(
        fixed,
        `{
  "family": "web",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "privileged": false, "readonlyRootFilesystem": true }
  ]
}`,
      );
      assert.deepEqual(
        lintText(fixed!).map((finding) => finding.ruleId),
        ['linux-non-root-user', 'log-configuration'],
      );
    });

    it('is included when the client asks for all source actions, and left out of quick fixes', () => {
      const analysis = analyzeText(task, DOCUMENT_URI);
      assert.deepEqual(
        codeActions(analysis, [], { only: [CodeActionKind.Source] }).map((action) => action.kind),
        [FIX_ALL_KIND],
      );
      assert.deepEqual(codeActions(analysis, [], { only: [CodeActionKind.QuickFix] }), []);
    });
  });

  describe('diagnostics sent back by the client', () => {
    const text = '{ "family": "web", "containerDefinitions": [{ "name": "app", "image": "nginx", "privileged": true }] }';
    const analysis = analyzeText(text, DOCUMENT_URI);
    const [published] = lintText(text, onlyRules('privileged-container')).map(toDiagnostic);

    it('ignores other sources and data it did not write', () => {
      const foreign: Diagnostic = { ...published, source: 'json' };
      const mangled: Diagnostic = { ...published, data: { ruleId: 42 } };
      assert.deepEqual(codeActions(analysis, [foreign, mangled]), []);
    });

    it('offers no fix when the payload no longer fits the document, but still the documentation', () => {
      const stale: Diagnostic = { ...published, data: { ruleId: 'privileged-container', path: ['containerDefinitions', 0, 'privileged'], fix: { replaceWith: 'maybe' } } };
      assert.deepEqual(titles(codeActions(analysis, [stale])), ['Show documentation for privileged-container']);
    });
  });
  describe('fix all with its edit deferred to codeAction/resolve', () => {
    const FIX_ALL_READONLY = `Fix all ${READONLY} problems in this file`;
    const options = { validate: onlyRules(READONLY), configFile: { uri: CONFIG_URI, text: '{}' } };
    const deferred = { ...options, deferFixAllEdits: true };

    it('offers the same actions, "fix all" without its edit and with data naming the document, its version and the rule', () => {
      const eager = actionsAt(TWO_SPACES, options).actions;
      const lazy = actionsAt(TWO_SPACES, deferred).actions;
      assert.deepEqual(titles(lazy), titles(eager));
      const fixAll = actionTitled(lazy, FIX_ALL_READONLY);
      assert.equal(fixAll.edit, undefined);
      assert.deepEqual(fixAll.data, { fixAll: { uri: DOCUMENT_URI, version: 0, ruleId: READONLY } });
      assert.deepEqual(fixAll.diagnostics, actionTitled(eager, FIX_ALL_READONLY).diagnostics);
      const others = (actions: CodeAction[]) => actions.filter((action) => action.title !== FIX_ALL_READONLY);
      assert.deepEqual(others(lazy), others(eager));
    });

    it('resolving gives the same document as the edit computed up front', () => {
      const { text, actions } = actionsAt(TWO_SPACES, deferred);
      assert.equal(afterResolving(actionTitled(actions, FIX_ALL_READONLY), text, options), afterAction(TWO_SPACES, FIX_ALL_READONLY, options));
    });

    it("source.fixAll: data without a rule, resolved to every rule's safe fixes", () => {
      const text = '{ "family": "web", "pidMode": "host", "containerDefinitions": [{ "name": "app", "image": "nginx", "privileged": true }] }';
      const only = [CodeActionKind.SourceFixAll];
      const [lazy, ...rest] = codeActions(analyzeText(text, DOCUMENT_URI), [], { only, deferFixAllEdits: true });
      assert.deepEqual(rest, []);
      assert.deepEqual({ ...lazy, data: undefined }, { title: 'Fix all safely fixable ECS Guard problems', kind: FIX_ALL_KIND, data: undefined });
      assert.deepEqual(lazy.data, { fixAll: { uri: DOCUMENT_URI, version: 0 } });
      const [eager] = codeActions(analyzeText(text, DOCUMENT_URI), [], { only });
      assert.equal(afterResolving(lazy, text), applyWorkspaceEdit(eager.edit, DOCUMENT_URI, text));
    });

    it('is not offered where it would not be up front: one fixable problem, fixes that need a decision, broken JSON', () => {
      const fixAllTitles = (marked: string, rule: string) => titles(actionsAt(marked, { validate: onlyRules(rule), deferFixAllEdits: true }).actions).filter((title) => title.startsWith('Fix all'));
      assert.deepEqual(fixAllTitles('{ "family": "web", "containerDefinitions": [{ "name": |"app", "image": "nginx" }] }', READONLY), []);
      assert.deepEqual(fixAllTitles(TWO_SPACES, 'linux-non-root-user'), []);
      // Unclosed: the findings and their quick fixes stay, but "fix all" leaves a document with syntax errors alone.
      const unclosed = TWO_SPACES.replace(/\]\n\}\n$/, '');
      assert.deepEqual(fixAllTitles(unclosed, READONLY), []);
      assert.ok(titles(actionsAt(unclosed, { validate: onlyRules(READONLY) }).actions).includes(SET_READONLY));
      assert.deepEqual(codeActions(analyzeText(unclosed.replace('|', ''), DOCUMENT_URI), [], { only: [FIX_ALL_KIND], deferFixAllEdits: true }), []);
    });

    it('an action offered on an older version is fixed on the current one', () => {
      const { actions } = actionsAt(TWO_SPACES, deferred);
      const offered = actionTitled(actions, FIX_ALL_READONLY);
      // Meanwhile a third container was added, and the first one fixed by hand.
      const current = TWO_SPACES.replace('|', '')
        .replace('"image": "nginx"', '"image": "nginx",\n      "readonlyRootFilesystem": true')
        .replace('"image": "envoy"\n    }', '"image": "envoy"\n    },\n    {\n      "name": "worker",\n      "image": "busybox"\n    }');
      const resolved = resolveCodeAction(analyze(TextDocument.create(DOCUMENT_URI, 'json', 2, current)), offered, options);
      const fixed = applyWorkspaceEdit(resolved.edit, DOCUMENT_URI, current);
      assert.equal(fixed, afterAction(current.replace('"sidecar"', '|"sidecar"'), FIX_ALL_READONLY, options));
      assert.equal(fixed?.match(/"readonlyRootFilesystem": true/g)?.length, 3);
      assert.deepEqual(lintText(fixed!, onlyRules(READONLY)), []);
    });

    it("gives back unchanged what it did not defer: other documents' actions, actions with an edit, data it did not write", () => {
      const { text, actions } = actionsAt(TWO_SPACES, deferred);
      const analysis = analyzeText(text, DOCUMENT_URI);
      const offered = actionTitled(actions, FIX_ALL_READONLY);
      const unchanged = (action: CodeAction) => assert.deepEqual(resolveCodeAction(analysis, action, options), action);
      unchanged({ ...offered, data: { fixAll: { ...(offered.data as { fixAll: object }).fixAll, uri: 'file:///workspace/other.json' } } });
      unchanged({ ...offered, data: { fixAll: { uri: DOCUMENT_URI, version: '0', ruleId: READONLY } } });
      unchanged({ ...offered, data: { fixAll: { uri: DOCUMENT_URI, version: 0, ruleId: 42 } } });
      unchanged({ ...offered, data: 'fix all' });
      unchanged({ ...offered, data: undefined });
      unchanged(actionTitled(actions, SET_READONLY));
      unchanged(actionTitled(actions, `Show documentation for ${READONLY}`));
    });

    describe('on real task definitions, every rule: offered where it is up front, and resolved to the same document', () => {
      for (const file of realTaskDefinitionFiles()) {
        it(displayName(file), () => {
          const text = fs.readFileSync(file, 'utf8');
          const analysis = analyzeText(text, DOCUMENT_URI);
          const findings = lintText(text);
          const request = { findings, only: [CodeActionKind.QuickFix, FIX_ALL_KIND] };
          const eager = codeActions(analysis, findings.map(toDiagnostic), request);
          const lazy = codeActions(analysis, findings.map(toDiagnostic), { ...request, deferFixAllEdits: true });
          assert.deepEqual(titles(lazy), titles(eager));
          for (const [index, action] of lazy.entries()) {
            if (action.data === undefined) continue;
            assert.equal(afterResolving(action, text, { findings }), applyWorkspaceEdit(eager[index].edit, DOCUMENT_URI, text), action.title);
          }
        });
      }
    });
  });
});
