import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, analyze } from '../engine';

/**
 * One parse per document version, shared by every request on that version. Keyed by the open document
 * itself, not by its uri: an editor reuses a uri and restarts at version 1 when a document is closed and
 * another opened (VS Code's `untitled:Untitled-1`), and a request still finishing on the closed document
 * must not leave its analysis to the new one. A closed document's entry goes with it (no memory kept).
 */
export class AnalysisCache {
  private readonly entries = new WeakMap<TextDocument, Analysis>();

  get(document: TextDocument): Analysis {
    const cached = this.entries.get(document);
    if (cached && cached.document.version === document.version) return cached;
    const analysis = analyze(snapshotOf(document));
    this.entries.set(document, analysis);
    return analysis;
  }
}

/**
 * `TextDocuments` applies edits to the same TextDocument object in place, so an analysis must keep its
 * own immutable copy: otherwise its version (and text) silently follow the live document.
 */
function snapshotOf(document: TextDocument): TextDocument {
  return TextDocument.create(document.uri, document.languageId, document.version, document.getText());
}
