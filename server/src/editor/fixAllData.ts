import { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * The `data` of a "fix all" action sent without its edit: what `codeAction/resolve` needs to compute it.
 * The findings themselves are not sent; the server has them cached for the document's version.
 */
interface FixAllData {
  readonly fixAll: {
    readonly uri: string;
    /** The version the action was offered on. */
    readonly version: number;
    /** The rule whose problems to fix; absent for every rule's (`source.fixAll`). */
    readonly ruleId?: string;
  };
}

export function fixAllData(document: TextDocument, ruleId: string | undefined): FixAllData {
  return { fixAll: { uri: document.uri, version: document.version, ...(ruleId !== undefined && { ruleId }) } };
}

/** The data of a "fix all" action as a client sends it back, checked: clients may return anything. */
export function fixAllDataOf(data: unknown): FixAllData | undefined {
  if (!isRecord(data) || !isRecord(data.fixAll)) return undefined;
  const { uri, version, ruleId } = data.fixAll;
  if (typeof uri !== 'string' || typeof version !== 'number' || (ruleId !== undefined && typeof ruleId !== 'string')) return undefined;
  return { fixAll: { uri, version, ...(ruleId !== undefined && { ruleId }) } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
