import * as vscode from 'vscode';
import { CoverageTreeNode } from '../model/treeNode';

const COLLAPSIBLE: Record<CoverageTreeNode['collapsible'], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

/** The plain node as a TreeItem, field by field; all decisions were made in the model. */
export function toTreeItem(node: CoverageTreeNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, COLLAPSIBLE[node.collapsible]);
  item.id = node.id;
  item.description = node.description;
  item.contextValue = node.contextValue;
  if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon, node.color ? new vscode.ThemeColor(node.color) : undefined);
  // Untrusted and without HTML: GuardDuty's texts in it can neither run commands nor inject markup.
  if (node.tooltipMarkdown) item.tooltip = new vscode.MarkdownString(node.tooltipMarkdown);
  if (node.command) {
    item.command = {
      command: node.command.command,
      title: node.command.title,
      arguments: node.command.passNode ? [node] : node.command.arguments ? [...node.command.arguments] : undefined,
    };
  }
  return item;
}

/** Serves the model's nodes to VS Code; `setRoots` replaces the whole tree after each change. */
export class CoverageTreeProvider implements vscode.TreeDataProvider<CoverageTreeNode>, vscode.Disposable {
  private roots: readonly CoverageTreeNode[] = [];
  private parents = new Map<string, CoverageTreeNode>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  setRoots(roots: readonly CoverageTreeNode[]): void {
    this.roots = roots;
    this.parents = new Map();
    const visit = (node: CoverageTreeNode) => node.children.forEach((child) => (this.parents.set(child.id, node), visit(child)));
    roots.forEach(visit);
    this.changed.fire();
  }

  getRoots(): readonly CoverageTreeNode[] {
    return this.roots;
  }

  getTreeItem(node: CoverageTreeNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  getChildren(node?: CoverageTreeNode): CoverageTreeNode[] {
    return [...(node ? node.children : this.roots)];
  }

  /** Lets TreeView.reveal find a node's place. */
  getParent(node: CoverageTreeNode): CoverageTreeNode | undefined {
    return this.parents.get(node.id);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
