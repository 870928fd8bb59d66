import { TextDocument } from 'vscode-languageserver-textdocument';
import { ParsedJson, parseJson } from '../document/parse';
import { findTaskDefinition, TaskDefinitionDocument } from '../document/taskDefinition';

/** One parse of one document version, shared by validation, hover, code actions and completion. */
export interface Analysis {
  readonly document: TextDocument;
  readonly parsed: ParsedJson;
  /** Undefined when the content is not a task definition. */
  readonly taskDefinition: TaskDefinitionDocument | undefined;
}

export function analyze(document: TextDocument): Analysis {
  const parsed = parseJson(document.getText());
  return { document, parsed, taskDefinition: findTaskDefinition(parsed) };
}

/** Convenience for the CLI and tests: analyse plain text. */
export function analyzeText(text: string, uri = 'file:///untitled.json'): Analysis {
  return analyze(TextDocument.create(uri, 'json', 0, text));
}
