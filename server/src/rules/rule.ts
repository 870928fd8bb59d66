import { JSONPath, Node } from 'jsonc-parser';
import { ObjectView, TaskDefinitionDocument } from '../document/taskDefinition';
import { ParsedJson } from '../document/parse';

export type Severity = 'error' | 'warning' | 'info';
export type SeverityOverride = Severity | 'off';

/** What a rule enforces, so users can map a finding to the control or prerequisite it comes from. */
export type Enforces =
  | { readonly source: 'security-hub'; readonly control: string; readonly configRule: string }
  | { readonly source: 'guardduty'; readonly prerequisite: string }
  | { readonly source: 'ecs-api'; readonly requirement: string };

export interface RuleMeta {
  /** Stable kebab-case id: the public interface for settings, suppressions and docs. */
  readonly id: string;
  /** One line: what the rule checks. */
  readonly title: string;
  readonly defaultSeverity: Severity;
  readonly enforces: Enforces;
}

/** A fix a rule proposes, carried in `diagnostic.data` so code actions never parse messages. */
export type FixData = Record<string, unknown>;

export interface Finding {
  /** Offset and length of the narrowest useful range in the document text. */
  readonly offset: number;
  readonly length: number;
  /** JSON path of the offending value, or of the object that lacks a property. */
  readonly path: JSONPath;
  readonly message: string;
  readonly fix?: FixData;
}

export interface RuleContext {
  readonly doc: TaskDefinitionDocument;
  /** Report on a value (or key) node: the range is the node, the path is its path. */
  reportAt(node: Node, message: string, fix?: FixData): void;
  /** Report a property missing from an object: the range is the object's anchor, the path the object's path. */
  reportMissing(object: ObjectView, message: string, fix?: FixData): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): void;
}

/** A rule about the JSON text itself, which runs even when the content is not recognisable. */
export interface SyntaxRule {
  readonly meta: RuleMeta;
  checkSyntax(parsed: ParsedJson): Finding[];
}
