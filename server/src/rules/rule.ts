import { JSONPath, Node } from 'jsonc-parser';
import { JsonEdit } from '../document/jsonEdit';
import { EcsResource, EcsResourceKind, ResourceObject } from '../document/resources';
import { ObjectView, TaskDefinitionDocument } from '../document/taskDefinition';
import { ParsedJson } from '../document/parse';

/** The severities a rule can be set to, weakest first; `off` turns the rule off. */
export const SEVERITY_OVERRIDES = ['off', 'info', 'warning', 'error'] as const;
export type SeverityOverride = (typeof SEVERITY_OVERRIDES)[number];
export type Severity = Exclude<SeverityOverride, 'off'>;

/** What a rule enforces, so users can map a finding to the control or prerequisite it comes from. */
export type Enforces =
  /** `retired`: when Security Hub retired the control (the AWS Config rule behind it remains). */
  | { readonly source: 'security-hub'; readonly control: string; readonly configRule: string; readonly retired?: string }
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
  /** This finding's severity when the user has not set one for the rule (privileged-container: an error where ECS rejects the value). */
  readonly severity?: Severity;
}

export interface RuleContext {
  readonly doc: TaskDefinitionDocument;
  /** Tag keys the user requires (`.ecs-guard.json` `requiredTagKeys`); empty when none are configured. */
  readonly requiredTagKeys: readonly string[];
  /** Report on a value (or key) node: the range is the node, the path is its path; `severity` as in `Finding`. */
  reportAt(node: Node, message: string, fix?: FixData, severity?: Severity): void;
  /** Report a property missing from an object: the range is the object's anchor, the path the object's path. */
  reportMissing(object: ObjectView, message: string, fix?: FixData): void;
  /**
   * Whether another rule's findings are shown (the user has not turned it off): a value two rules could report
   * is reported by one, and by the other when that one is off, so turning off a Security Hub control never hides
   * that ECS rejects the value.
   */
  reports(ruleId: string): boolean;
}

/** One way to resolve a finding, as path-based edits of the document. */
export interface FixProposal {
  /** The code action's title: what changes, and any placeholder left to fill in. */
  readonly title: string;
  /** All resolved on the document as it is, like LSP text edits: they must not overlap (adding several properties to one object is fine). */
  readonly edits: readonly JsonEdit[];
  /**
   * True when applying it needs no decision from the user: the value is the one the rule requires (or the
   * same value written right) and no placeholder is left to fill in. Fixes that choose a size, a user, a
   * network mode, an operating system or which container matters, or that leave a placeholder, are unsafe:
   * offered one at a time in the editor, never applied by "fix all" or `ecs-guard lint --fix`.
   */
  readonly safe: boolean;
  /** The best of several proposals for one finding. */
  readonly preferred?: boolean;
}

/** What a rule's fixes see: the current document and where the finding is. */
export interface FixContext {
  readonly doc: TaskDefinitionDocument;
  /** The finding's path: the offending value, or the object that lacks a property. */
  readonly path: JSONPath;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): void;
  /**
   * Turns the fix payload of one of this rule's findings into proposals, best first. The payload may come
   * back from an editor, so it is checked, never trusted; a payload that no longer fits the document gives none.
   */
  fixes?(fix: FixData, context: FixContext): FixProposal[];
}

/** A rule about the JSON text itself, which runs even when the content is not recognisable. */
export interface SyntaxRule {
  readonly meta: RuleMeta;
  checkSyntax(parsed: ParsedJson): Finding[];
  /** As `Rule.fixes`, on the parsed text: a finding's payload and path, checked against the current text. */
  fixes?(fix: FixData, context: { readonly parsed: ParsedJson; readonly path: JSONPath }): FixProposal[];
}

/** What a rule about services, clusters, task sets or capacity providers sees of one resource. */
export interface ResourceRuleContext {
  readonly resource: EcsResource;
  /** Tag keys the user requires (`.ecs-guard.json` `requiredTagKeys`); empty when none are configured. */
  readonly requiredTagKeys: readonly string[];
  /** The task definition a service or task set runs, when the same template defines it (`Ref`). */
  readonly taskDefinition: TaskDefinitionDocument | undefined;
  /** Report on a value (or key) node; `when` says which parameter value or condition gives it. */
  reportAt(node: Node, message: string, fix?: FixData, when?: string): void;
  /** Report a property missing from an object: on the object's key when it has one, else on the resource. */
  reportMissing(object: ResourceObject, message: string, fix?: FixData): void;
}

/** What a resource rule's fixes see: the resource the finding is on and the finding's path. */
export interface ResourceFixContext {
  readonly resource: EcsResource;
  readonly path: JSONPath;
}

/** A rule about the resources around task definitions (issue: services and clusters). */
export interface ResourceRule {
  readonly meta: RuleMeta;
  /** The kinds of resource it checks. */
  readonly kinds: readonly EcsResourceKind[];
  check(context: ResourceRuleContext): void;
  /** As `Rule.fixes`, with edits on the document's own paths and property names. */
  fixes?(fix: FixData, context: ResourceFixContext): FixProposal[];
}
