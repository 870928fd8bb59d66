import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, analyze } from '../engine';

/** One parse per document version, shared by every request on that version. */
export class AnalysisCache {
  private readonly entries = new Map<string, Analysis>();

  get(document: TextDocument): Analysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.document.version === document.version) return cached;
    const analysis = analyze(snapshotOf(document));
    this.entries.set(document.uri, analysis);
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}

/**
 * `TextDocuments` applies edits to the same TextDocument object in place, so an analysis must keep its
 * own immutable copy: otherwise its version (and text) silently follow the live document.
 */
function snapshotOf(document: TextDocument): TextDocument {
  return TextDocument.create(document.uri, document.languageId, document.version, document.getText());
}
