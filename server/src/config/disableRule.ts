import { childValue } from '../document/json';
import { applyJsonEdits, detectFormatting, setValue } from '../document/jsonEdit';
import { parseJson } from '../document/parse';

/**
 * The text of `.ecs-guard.json` with `"<ruleId>": "off"` in its `rules`: a new file when there is none
 * (`text` undefined), else the same file with that one entry set or added. Undefined when the file is not
 * a JSON object with an object (or no) `rules`, since editing it could only make it worse.
 */
export function disableRuleInConfig(text: string | undefined, ruleId: string): string | undefined {
  if (text === undefined || text.trim() === '') {
    return `${JSON.stringify({ rules: { [ruleId]: 'off' } }, null, 2)}\n`;
  }
  const parsed = parseJson(text);
  if (parsed.syntaxErrors.length > 0 || parsed.root?.type !== 'object') return undefined;
  const rules = childValue(parsed.root, 'rules');
  if (rules && rules.type !== 'object') return undefined;
  const edit = rules ? setValue(['rules', ruleId], 'off') : setValue(['rules'], { [ruleId]: 'off' });
  return applyJsonEdits(text, [edit], detectFormatting(text));
}
