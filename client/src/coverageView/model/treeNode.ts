import type { ShellKind } from '../../coverage';
import type { CoverageContextValue } from '../ids';

/** The codicons the coverage tree uses. */
export type CoverageIconId =
  | 'globe'
  | 'loading~spin'
  | 'pass-filled'
  | 'error'
  | 'question'
  | 'warning'
  | 'info'
  | 'workspace-untrusted'
  | 'quote'
  | 'file-code'
  | 'symbol-event'
  | 'lightbulb'
  | 'arrow-small-right'
  | 'filter'
  | 'refresh'
  | 'account'
  | 'copy';

/** Theme colour ids for icons. */
export type CoverageColorId = 'testing.iconPassed' | 'testing.iconFailed' | 'problemsErrorIcon.foreground' | 'problemsWarningIcon.foreground' | 'disabledForeground';

export type Collapsible = 'none' | 'collapsed' | 'expanded';

/** How the data was loaded, so a copied AWS CLI command asks the same profile and endpoint, quoted for the user's shell. */
export interface CommandConnection {
  readonly profile?: string;
  readonly endpoint?: string;
  readonly shell?: ShellKind;
}

/** A command run when the node is clicked (plain data; the adapter turns it into a vscode.Command). */
export interface NodeCommand {
  readonly command: string;
  readonly title: string;
  readonly arguments?: readonly string[];
  /** Pass the node itself as the first argument, as a context-menu action would. */
  readonly passNode?: boolean;
}

/** Where "Open task definition" goes: a workspace file and the line of its `"family"` key (0-based). */
export interface TaskDefinitionLocation {
  readonly uri: string;
  readonly line: number;
  /** The path relative to the workspace folder, for labels. */
  readonly displayPath: string;
}

/**
 * One node of the coverage tree as plain data, so the whole tree can be built and checked without VS Code.
 * The adapter maps it to a TreeItem one to one.
 */
export interface CoverageTreeNode {
  /** Unique in the tree and stable across refreshes, so VS Code keeps nodes expanded. */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltipMarkdown?: string;
  readonly icon?: CoverageIconId;
  readonly color?: CoverageColorId;
  readonly contextValue: CoverageContextValue;
  readonly collapsible: Collapsible;
  readonly children: readonly CoverageTreeNode[];
  readonly command?: NodeCommand;
  /** Region and cluster nodes: the `aws guardduty list-coverage` line that asks what the node shows; an error's `aws sso login`. */
  readonly awsCliCommand?: string;
  /** Cluster nodes: the account, so "filter by account" can start from a node. */
  readonly accountId?: string;
  /** Issue nodes whose task definition family a workspace file defines. */
  readonly taskDefinition?: TaskDefinitionLocation;
}
