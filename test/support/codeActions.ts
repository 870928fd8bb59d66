import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { codeActions, CodeActionOptions, resolveCodeAction } from '../../server/src/editor/codeActions';
import { allRuleMetas } from '../../server/src/rules';
import { analyzeText } from '../../server/src/service/analysis';
import { toDiagnostic } from '../../server/src/service/diagnostics';
import { fixAll } from '../../server/src/service/fixes';
import { validate, ValidateOptions } from '../../server/src/service/validate';
import { lintText } from './lint';
import { markedDocument } from './markedDocument';

export const DOCUMENT_URI = 'file:///workspace/task.json';

/** Only these rules, at their default severity, so a test sees the actions it is about. */
export function onlyRules(...ids: string[]): ValidateOptions {
  return { rules: Object.fromEntries(allRuleMetas.map((meta) => [meta.id, ids.includes(meta.id) ? meta.defaultSeverity : 'off'])) };
}

export interface ActionsAt {
  readonly text: string;
  readonly actions: CodeAction[];
}

/**
 * The code actions a client gets for the diagnostics under a `«selection»` or at a `|` cursor, the way
 * VS Code asks: with the diagnostics that touch the range.
 */
export function actionsAt(marked: string, options: CodeActionOptions = {}): ActionsAt {
  const { text, ranges, cursor } = markedDocument(marked, { cursor: true });
  const selection = ranges[0] ?? (cursor !== undefined ? { offset: cursor, length: 0 } : undefined);
  if (!selection) throw new Error('mark the range with «» or the cursor with |');
  const analysis = analyzeText(text, DOCUMENT_URI);
  const document = analysis.document;
  const diagnostics = validate(analysis, options.validate)
    .map(toDiagnostic)
    .filter((diagnostic) => {
      const start = document.offsetAt(diagnostic.range.start);
      const end = document.offsetAt(diagnostic.range.end);
      return start <= selection.offset + selection.length && selection.offset <= end;
    });
  return { text, actions: codeActions(analysis, diagnostics, options) };
}

export function titles(actions: readonly CodeAction[]): string[] {
  return actions.map((action) => action.title);
}

export function actionTitled(actions: readonly CodeAction[], title: string): CodeAction {
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, `no action "${title}" among:\n${titles(actions).join('\n')}`);
  return action;
}

/** Applies LSP text edits (all relative to the original text) as a client does. */
function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const document = TextDocument.create('file:///edited', 'json', 0, text);
  const spans = edits.map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), newText: edit.newText })).sort((a, b) => b.start - a.start);
  return spans.reduce((result, span) => result.slice(0, span.start) + span.newText + result.slice(span.end), text);
}

/** The text of one file after a workspace edit; `text` undefined means the file does not exist yet. */
export function applyWorkspaceEdit(edit: WorkspaceEdit | undefined, uri: string, text: string | undefined): string | undefined {
  assert.ok(edit, 'the action has no edit');
  let result = text;
  for (const [changedUri, edits] of Object.entries(edit.changes ?? {})) {
    if (changedUri !== uri) continue;
    assert.ok(result !== undefined, `${uri} is edited but does not exist`);
    result = applyTextEdits(result, edits);
  }
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind === 'create' && change.uri === uri) {
        assert.equal(result, undefined, `${uri} is created but exists`);
        result = '';
      }
    } else if (TextDocumentEdit.is(change) && change.textDocument.uri === uri) {
      assert.ok(result !== undefined, `${uri} is edited but does not exist`);
      result = applyTextEdits(
        result,
        change.edits.filter((edit): edit is TextEdit => !('annotationId' in edit)),
      );
    }
  }
  return result;
}

/** The document after the action with this title. */
export function afterAction(marked: string, title: string, options: CodeActionOptions = {}): string {
  const { text, actions } = actionsAt(marked, options);
  const result = applyWorkspaceEdit(actionTitled(actions, title).edit, DOCUMENT_URI, text);
  assert.ok(result !== undefined);
  return result;
}

/** The text after a deferred "fix all" action, resolved on `text` (the document's current version) as the server does. */
export function afterResolving(action: CodeAction, text: string, options: CodeActionOptions = {}): string {
  const resolved = resolveCodeAction(analyzeText(text, DOCUMENT_URI), action, options);
  const result = applyWorkspaceEdit(resolved.edit, DOCUMENT_URI, text);
  assert.ok(result !== undefined);
  return result;
}

/** The rule's own fix titles at the marker, without the fix all, disable and documentation actions every rule has. */
export function fixTitlesAt(ruleId: string, marked: string): string[] {
  return titles(actionsAt(marked, { validate: onlyRules(ruleId) }).actions).filter((title) => !/^(Fix all|Disable|Show documentation) /.test(title));
}

/**
 * Applies the quick fix with this title for one rule, checks the whole document after it, and that the
 * rule no longer fires there.
 */
export function expectFix(ruleId: string, marked: string, title: string, expected: string): void {
  const fixed = afterAction(marked, title, { validate: onlyRules(ruleId) });
  assert.equal(fixed, expected);
  assert.deepEqual(
    lintText(fixed, onlyRules(ruleId)).map((finding) => finding.message),
    [],
    `${ruleId} still fires after "${title}"`,
  );
}

/** How many of the rule's findings "fix all" and `--fix` would fix: none when its fixes need a decision. */
export function unattendedFixCount(ruleId: string, marked: string): number {
  return fixAll(analyzeText(markedDocument(marked, { cursor: true }).text), { ruleId, validate: onlyRules(ruleId) }).fixed.length;
}
