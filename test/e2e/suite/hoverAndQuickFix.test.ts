// Hover and quick fix on a finding, through VS Code's own provider commands: what the editor asks the
// language client for when a user hovers or opens the light bulb. The example file is left unchanged.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, open, waitForDiagnostics } from './vscodeHelpers';

const RULE = 'privileged-container';

suite('ECS Guard hover and quick fix in VS Code', () => {
  teardown(closeAllEditors);

  test('hover on "privileged": true explains the field and leaves the finding to VS Code\'s diagnostic hover', async () => {
    const { document, finding } = await privilegedFinding();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, finding.range.start.translate(0, 1));
    const text = hovers.flatMap((hover) => hover.contents.map(markdownText)).join('\n');
    assert.match(text, /Security Hub ECS\.4/, `hover text: ${text}`);
    // VS Code shows the diagnostic's message in the same hover: ours would say it a second time.
    assert.doesNotMatch(text, /privileged-container/, `hover text: ${text}`);
  });

  test('the quick fix sets "privileged": false and the finding goes away', async () => {
    const { document, finding } = await privilegedFinding();
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((action) => action.title);
    const fix = actions.filter(isCodeAction).find((action) => /"privileged": false/.test(action.title));
    assert.ok(fix?.edit, `a quick fix setting "privileged": false among: ${titles.join(' | ')}`);

    try {
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the WorkspaceEdit applies');
      assert.match(document.lineAt(finding.range.start.line).text, /"privileged": false/);
      await waitForDiagnostics(document.uri, (codes) => !codes.includes(RULE));
    } finally {
      // Revert without saving, so the file on disk and the other checks see the original.
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.equal(document.isDirty, false);
    assert.match(document.lineAt(finding.range.start.line).text, /"privileged": true/);
    await waitForDiagnostics(document.uri, (codes) => codes.includes(RULE));
  });
});

async function privilegedFinding(): Promise<{ document: vscode.TextDocument; finding: vscode.Diagnostic }> {
  const document = await open('legacy-fargate.json');
  const diagnostics = await waitForDiagnostics(document.uri, (codes) => codes.includes(RULE));
  const finding = diagnostics.find((diagnostic) => codeOf(diagnostic) === RULE)!;
  assert.equal(document.getText(finding.range), 'true');
  return { document, finding };
}

function markdownText(content: vscode.MarkdownString | vscode.MarkedString): string {
  return typeof content === 'string' ? content : content.value;
}

/** executeCodeActionProvider returns both kinds; a plain Command has its id as a string `command`. */
function isCodeAction(action: vscode.CodeAction | vscode.Command): action is vscode.CodeAction {
  return typeof action.command !== 'string';
}
