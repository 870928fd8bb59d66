import * as vscode from 'vscode';
import { FOCUS_VIEW_COMMAND } from '../ids';

/** The overall coverage percentage in the status bar; a click focuses the coverage view. */
export class CoverageStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('ecsGuard.coverage.statusBar', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'ECS Guard: GuardDuty Coverage';
    this.item.command = FOCUS_VIEW_COMMAND;
  }

  show(summary: { readonly text: string; readonly tooltip: string }): void {
    this.item.text = summary.text;
    this.item.tooltip = summary.tooltip;
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
