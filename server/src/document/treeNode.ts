import type { Node, NodeType } from 'jsonc-parser';

/** What a leaf holds: jsonc-parser's values (a number is a JS number, `1e400` Infinity). */
type LeafValue = string | number | boolean | null;

/**
 * A string, number, boolean or null: the fields jsonc-parser gives it, as own data properties (a spread or
 * `Object.assign` copies them, as it copies jsonc-parser's). Two classes, leaf and branch, keep every node to
 * one of two fixed shapes (the engine's reads stay inline-cached) without a leaf paying for `children` and
 * `colonOffset`: about 110 bytes per node of a 5 MB task definition against parseTree's 170. The strict JSON
 * parser and the YAML tree build them; other code may still make plain objects that satisfy `Node`.
 */
export class LeafNode implements Node {
  declare type: NodeType;
  declare offset: number;
  declare length: number;
  declare parent: Node | undefined;
  declare value: LeafValue;

  constructor(type: NodeType, offset: number, length: number, parent: Node | undefined, value: LeafValue) {
    this.type = type;
    this.offset = offset;
    this.length = length;
    this.parent = parent;
    this.value = value;
  }
}

/**
 * An object, array or property. `colonOffset` is undefined on objects and arrays, as `value` is absent here and
 * `parent` is undefined on the root: fields jsonc-parser leaves out, read the same.
 */
export class BranchNode implements Node {
  declare type: NodeType;
  declare offset: number;
  declare length: number;
  declare parent: Node | undefined;
  declare children: Node[] | undefined;
  declare colonOffset: number | undefined;

  constructor(type: NodeType, offset: number, length: number, parent: Node | undefined) {
    this.type = type;
    this.offset = offset;
    this.length = length;
    this.parent = parent;
    this.children = undefined;
    this.colonOffset = undefined;
  }
}
