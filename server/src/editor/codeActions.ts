import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionKind, Command, CreateFile, Diagnostic, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { CONFIG_FILE_NAME } from '../config/config';
import { disableRuleInConfig } from '../config/disableRule';
import { COMMANDS, ruleDocsUrl } from '../engine/protocol';
import { FixProposal } from '../rules/rule';
import { Analysis } from '../service/analysis';
import { diagnosticDataOf } from '../service/diagnostics';
import { appliedProposal, countSafeFixes, fixAll, fixProposals } from '../service/fixes';
import { LintFinding, validate, ValidateOptions } from '../service/validate';
import { fixAllData, fixAllDataOf } from './fixAllData';

/** `editor.codeActionsOnSave: { "source.fixAll.ecs-guard": "explicit" }` applies every safe fix on save. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.ecs-guard`;
/** Registered by the VS Code client; other editors can map it to "open this URL". */
export const SHOW_RULE_DOCUMENTATION_COMMAND = COMMANDS.showRuleDocumentation;

/** The workspace folder's `.ecs-guard.json`: its URI, and its text (undefined when it does not exist yet). */
export interface ConfigFileState {
  readonly uri: string;
  readonly text: string | undefined;
}

export interface CodeActionOptions {
  /** The same options the diagnostics were computed with, so "fix all" sees the same findings. */
  readonly validate?: ValidateOptions;
  /** The analysis's findings under `validate`, when the caller has them (the server caches them per version); validated here otherwise. */
  readonly findings?: readonly LintFinding[];
  /** Undefined when the document is in no workspace folder: then there is no "disable" action. */
  readonly configFile?: ConfigFileState;
  /** The client applies `CreateFile` operations, needed to disable a rule when there is no config file yet. */
  readonly canCreateFiles?: boolean;
  /** `CodeActionContext.only`: the kinds the client asked for. */
  readonly only?: readonly string[];
  /**
   * The client resolves code actions (`codeAction/resolve`): "fix all" actions go out without their edit,
   * which `resolveCodeAction` computes once one is chosen. Computing them all for every light bulb takes
   * seconds on a large file.
   */
  readonly deferFixAllEdits?: boolean;
}

/**
 * The code actions for the diagnostics in a range: each rule's own fixes for each diagnostic, then per rule
 * "fix all", "disable" and "show documentation"; and the whole-file safe fixes when `source.fixAll` is asked for.
 */
export function codeActions(analysis: Analysis, diagnostics: readonly Diagnostic[], options: CodeActionOptions = {}): CodeAction[] {
  const actions: CodeAction[] = [];
  const fixAllOf = fixAllContent(analysis, options);
  if (asksFor(options.only, CodeActionKind.QuickFix)) {
    const ours = diagnostics.flatMap((diagnostic) => {
      const data = diagnosticDataOf(diagnostic);
      return data ? [{ diagnostic, data }] : [];
    });
    for (const { diagnostic, data } of ours) {
      for (const proposal of fixProposals(analysis, data)) {
        const action = proposalAction(analysis, proposal, [diagnostic]);
        if (action) actions.push(action);
      }
    }
    for (const ruleId of new Set(ours.map(({ data }) => data.ruleId))) {
      const ruleDiagnostics = ours.filter(({ data }) => data.ruleId === ruleId).map(({ diagnostic }) => diagnostic);
      actions.push(...ruleActions(ruleId, ruleDiagnostics, options, fixAllOf));
    }
  }
  // Only on request: a source action in every light bulb would be noise.
  if (options.only && asksFor(options.only, FIX_ALL_KIND)) {
    const all = fixAllOf(undefined, 1);
    if (all) actions.push({ title: 'Fix all safely fixable ECS Guard problems', kind: FIX_ALL_KIND, ...all });
  }
  return actions;
}

/** What a "fix all" action carries: its edit, or the `data` to compute the edit with in `codeAction/resolve`. */
type FixAllContent = Pick<CodeAction, 'edit' | 'data'>;
/** The content of "fix all" for one rule (or every rule when `ruleId` is undefined), if it fixes at least `atLeast` problems. */
type FixAllContentOf = (ruleId: string | undefined, atLeast: number) => FixAllContent | undefined;

/** Deferred, only the safe proposals are counted and no text is edited; otherwise the edit is computed now. */
function fixAllContent(analysis: Analysis, options: CodeActionOptions): FixAllContentOf {
  // At most one validation, shared by every "fix all" of this request, and none when the caller has the findings.
  let findings = options.findings;
  const findingsOnce = () => (findings ??= validate(analysis, options.validate));
  if (options.deferFixAllEdits) {
    return (ruleId, atLeast) => (countSafeFixes(analysis, findingsOnce(), { ruleId, upTo: atLeast }) >= atLeast ? { data: fixAllData(analysis.document, ruleId) } : undefined);
  }
  return (ruleId, atLeast) => {
    const { text, fixed } = fixAll(analysis, { validate: options.validate, ruleId, findings: findingsOnce() });
    return fixed.length >= atLeast ? { edit: documentEdit(analysis.document, text) } : undefined;
  };
}

/**
 * Fills in the edit of a "fix all" action that `codeActions` sent without one; any other action comes back
 * as it is. `analysis` is the document's current version, and `findings` its findings under `validate`.
 */
export function resolveCodeAction(analysis: Analysis, action: CodeAction, options: Pick<CodeActionOptions, 'validate' | 'findings'> = {}): CodeAction {
  const data = fixAllDataOf(action.data);
  if (!data || action.edit || data.fixAll.uri !== analysis.document.uri) return action;
  // Offered on an older version, it is fixed on the current one rather than dropped (an action without an
  // edit does nothing when chosen): "fix all" names a rule, not positions, so it means the same on the new
  // text; the edit must fit the text the client has now, which is the current version; and it costs no more
  // than on the version it was offered on.
  const { text } = fixAll(analysis, { validate: options.validate, ruleId: data.fixAll.ruleId, findings: options.findings });
  return { ...action, edit: documentEdit(analysis.document, text) };
}

function ruleActions(ruleId: string, diagnostics: Diagnostic[], options: CodeActionOptions, fixAllOf: FixAllContentOf): CodeAction[] {
  const actions: CodeAction[] = [];
  // With one fixable problem "fix all" would repeat its own quick fix.
  const all = fixAllOf(ruleId, 2);
  if (all) actions.push({ title: `Fix all ${ruleId} problems in this file`, kind: CodeActionKind.QuickFix, diagnostics, ...all });
  const disable = options.configFile && disableEdit(options.configFile, ruleId, options.canCreateFiles === true);
  if (disable) {
    actions.push({ title: `Disable ${ruleId} in ${CONFIG_FILE_NAME}`, kind: CodeActionKind.QuickFix, diagnostics, edit: disable });
  }
  const title = `Show documentation for ${ruleId}`;
  actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics, command: Command.create(title, SHOW_RULE_DOCUMENTATION_COMMAND, ruleDocsUrl(ruleId)) });
  return actions;
}

function proposalAction(analysis: Analysis, proposal: FixProposal, diagnostics: Diagnostic[]): CodeAction | undefined {
  const applied = appliedProposal(analysis, proposal);
  if (applied === undefined) return undefined;
  return {
    title: proposal.title,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    ...(proposal.preferred && { isPreferred: true }),
    edit: documentEdit(analysis.document, applied.text, { prefix: applied.from, suffix: analysis.parsed.text.length - applied.to }),
  };
}

function disableEdit(configFile: ConfigFileState, ruleId: string, canCreateFiles: boolean): WorkspaceEdit | undefined {
  const text = disableRuleInConfig(configFile.text, ruleId);
  if (text === undefined) return undefined;
  if (configFile.text !== undefined) return documentEdit(TextDocument.create(configFile.uri, 'json', 0, configFile.text), text);
  if (!canCreateFiles) return undefined;
  return {
    documentChanges: [
      // Without overwrite or ignoreIfExists the edit fails rather than clobber a file created meanwhile.
      CreateFile.create(configFile.uri),
      TextDocumentEdit.create({ uri: configFile.uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, text)]),
    ],
  };
}

/**
 * One edit covering only what changed between the document and the new text, so the cursor stays put.
 * `known`: lengths of a prefix and a suffix the caller knows are unchanged, where the comparison may start.
 */
function documentEdit(document: TextDocument, newText: string, known: { prefix: number; suffix: number } = { prefix: 0, suffix: 0 }): WorkspaceEdit {
  const oldText = document.getText();
  let start = Math.min(known.prefix, oldText.length, newText.length);
  while (start < oldText.length && start < newText.length && oldText[start] === newText[start]) start++;
  let end = Math.min(known.suffix, oldText.length - start, newText.length - start);
  while (end < oldText.length - start && end < newText.length - start && oldText[oldText.length - 1 - end] === newText[newText.length - 1 - end]) end++;
  // Never split a CRLF: a position between \r and \n does not exist.
  if (start > 0 && oldText[start - 1] === '\r') start--;
  if (end > 0 && oldText[oldText.length - end] === '\n' && oldText[oldText.length - end - 1] === '\r') end--;
  const range = { start: document.positionAt(start), end: document.positionAt(oldText.length - end) };
  return { changes: { [document.uri]: [TextEdit.replace(range, newText.slice(start, newText.length - end))] } };
}

/** Whether a kind is among those asked for: `only` lists kinds or their parents ("source" covers "source.fixAll.x"). */
function asksFor(only: readonly string[] | undefined, kind: string): boolean {
  return only === undefined || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
}
