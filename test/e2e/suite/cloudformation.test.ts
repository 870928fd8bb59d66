// A hand-written CloudFormation template in YAML, opened in VS Code: the extension activates on YAML, and the
// template gets ECS Guard's diagnostic, hover and quick fix, in the template's own names and syntax. The example
// file is left unchanged.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, open, waitForDiagnostics } from './vscodeHelpers';

const TEMPLATE = 'cloudformation/web-service.yaml';
const RULE = 'environment-secrets';

suite('ECS Guard in a CloudFormation YAML template', () => {
  teardown(closeAllEditors);

  test('the template is YAML and gets the environment-secrets finding on the variable name, naming the logical id', async () => {
    const { document, finding } = await secretFinding();
    assert.equal(document.languageId, 'yaml');
    assert.match(finding.message, /^WebTask: Container "web" passes AWS_ACCESS_KEY_ID/);
  });

  test("hover on the finding explains the field, leaving the finding to VS Code's diagnostic hover", async () => {
    const { document, finding } = await secretFinding();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, finding.range.start.translate(0, 1));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /Security Hub ECS\.8/, `hover text: ${text}`);
    assert.doesNotMatch(text, /environment-secrets/, `VS Code shows the finding itself; hover text: ${text}`);
  });

  test('the quick fix removes the variable in YAML, keeping the other lines, and the finding goes away', async () => {
    const { document, finding } = await secretFinding();
    const before = document.getText();
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.filter((action): action is vscode.CodeAction => typeof action.command !== 'string').find((action) => action.title.startsWith('Remove AWS_ACCESS_KEY_ID'));
    assert.ok(fix?.edit, `a quick fix removing the variable among: ${actions.map((action) => action.title).join(' | ')}`);
    try {
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the WorkspaceEdit applies');
      const removed = before.split('\n').filter((line) => !document.getText().split('\n').includes(line));
      assert.deepEqual(removed, ['            - Name: AWS_ACCESS_KEY_ID', '              Value: AKIAIOSFODNN7EXAMPLE']);
      await waitForDiagnostics(document.uri, (codes) => !codes.includes(RULE));
    } finally {
      // Revert without saving, so the file on disk and the other checks see the original.
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.equal(document.getText(), before);
  });
});

async function secretFinding(): Promise<{ document: vscode.TextDocument; finding: vscode.Diagnostic }> {
  const document = await open(TEMPLATE);
  const diagnostics = await waitForDiagnostics(document.uri, (codes) => codes.includes(RULE));
  const finding = diagnostics.find((diagnostic) => codeOf(diagnostic) === RULE)!;
  assert.equal(document.getText(finding.range), 'AWS_ACCESS_KEY_ID');
  return { document, finding };
}
