import { FormattingOptions } from 'jsonc-parser';
import { JsonEdit, jsonEditChanges, TextChange } from './jsonEdit';
import { ParsedJson } from './parse';
import { yamlEditChanges } from './yamlEdit';

/** The text changes that make path-based edits in the document's own syntax, JSON or YAML; undefined when they cannot be made. */
export function editChanges(parsed: ParsedJson, edits: readonly JsonEdit[], formatting?: FormattingOptions): TextChange[] | undefined {
  if (parsed.language === 'yaml') return yamlEditChanges(parsed.text, parsed.root, edits);
  return jsonEditChanges(parsed.text, edits, { formatting, root: parsed.root });
}
