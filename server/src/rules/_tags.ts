import { Node } from 'jsonc-parser';
import { arrayItems, isPlaceholderNode, stringValue } from '../document/json';

/** What a tagging rule needs to know: the keys present, or that some are unknown (computed), so no finding. */
export type TagKeys = { readonly known: true; readonly keys: ReadonlySet<string> } | { readonly known: false };

/**
 * The tag keys of a `tags` list, each item read with `keyOf` (`key` in the API, `Key` in a template). An absent
 * list has no keys; a list or a key that is not literal (an intrinsic, a placeholder) makes them unknown.
 */
export function tagKeysOf(tags: Node | undefined, keyOf: (item: Node) => Node | undefined): TagKeys {
  if (tags === undefined) return { known: true, keys: new Set() };
  if (tags.type !== 'array') return { known: false };
  const keys = new Set<string>();
  for (const item of arrayItems(tags)) {
    const key = item.type === 'object' ? keyOf(item) : undefined;
    const value = stringValue(key);
    if (value === undefined || isPlaceholderNode(key)) return { known: false };
    keys.add(value);
  }
  return { known: true, keys };
}

/** The required keys missing from `present`, quoted for a message; empty when none are missing or unknown. */
export function missingTagKeys(required: readonly string[], present: TagKeys): string[] {
  if (!present.known) return [];
  return required.filter((key) => !present.keys.has(key));
}

/** `the required tag key "team"` / `the required tag keys "team" and "owner"`. */
export function describeMissingTags(missing: readonly string[]): string {
  const quoted = missing.map((key) => JSON.stringify(key));
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
  return `the required tag ${missing.length === 1 ? 'key' : 'keys'} ${list}`;
}
