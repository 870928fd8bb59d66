import { JSONPath, Node } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItem, CompletionItemKind, TextEdit } from 'vscode-languageserver-types';
import { subVariableChoices } from './intrinsicArguments';

/** `arn:${AWS::Reg|`: a `${...}` name being typed (`${!Literal}` is no name). */
const NAME_BEFORE = /\$\{([A-Za-z0-9_:.]*)$/;
/** The rest of the name after the cursor, and its closing brace. */
const NAME_AFTER = /^[A-Za-z0-9_:.]*\}?/;

/**
 * Completion of the `${...}` name being typed in an `Fn::Sub` string at `path` (JSON and YAML alike): the name
 * and its closing brace replace what is typed there. `stringStart` is where the string's text starts on the
 * cursor's line. Undefined when the cursor is in no such name.
 */
export function subVariableCompletions(root: Node | undefined, path: JSONPath, document: TextDocument, offset: number, stringStart: number): CompletionItem[] | undefined {
  const text = document.getText();
  const typed = NAME_BEFORE.exec(text.slice(stringStart, offset));
  if (!typed) return undefined;
  const choices = subVariableChoices(root, path);
  if (!choices) return undefined;
  const rest = NAME_AFTER.exec(text.slice(offset))?.[0] ?? '';
  const range = { start: document.positionAt(offset - typed[1].length), end: document.positionAt(offset + rest.length) };
  return choices.map((choice, index) => ({
    label: choice.name,
    kind: CompletionItemKind.Variable,
    detail: choice.detail,
    sortText: String(index).padStart(3, '0'),
    textEdit: TextEdit.replace(range, `${choice.name}}`),
  }));
}
