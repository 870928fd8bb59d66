// Runs inside code-server's extension host (see ../runner-extension), with the packaged ECS Guard VSIX
// installed and the repository's examples/ folder open. Everything goes through the real `vscode` API.
// More rules land over time, so findings are checked with "includes", never with "equals".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, ecsGuardDiagnostics, EXTENSION_ID, exampleUri, open, targetOf, waitFor, waitForDiagnostics } from './vscodeHelpers';

suite('ECS Guard diagnostics in VS Code', () => {
  teardown(closeAllEditors);

  test('the extension is installed and activates when a JSON file opens', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    await open('legacy-fargate.json');
    await waitFor(() => extension.isActive, 'the extension to activate on a JSON file');
  });

  test('legacy-fargate.json: findings carry rule ids as codes, with docs links and exact ranges', async () => {
    const document = await open('legacy-fargate.json');
    const diagnostics = await waitForDiagnostics(document.uri, (codes) => codes.includes('privileged-container'));

    for (const diagnostic of diagnostics) {
      assert.match(codeOf(diagnostic) ?? '', /^[a-z0-9]+(-[a-z0-9]+)*$/, `a rule id as the code: ${diagnostic.message}`);
      const target = targetOf(diagnostic);
      assert.ok(target && target.toString().includes(codeOf(diagnostic)!), `a docs link for ${codeOf(diagnostic)}: ${String(target)}`);
    }
    const privileged = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'privileged-container')!;
    assert.equal(document.getText(privileged.range), 'true');
    assert.match(document.lineAt(privileged.range.start.line).text, /"privileged"\s*:\s*true/);
    assert.match(privileged.message, /privileged/);
  });

  test('findings follow edits: a syntax error shows as json-syntax, fixing the file clears it', async () => {
    const original = await vscode.workspace.fs.readFile(exampleUri('legacy-fargate.json'));
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: Buffer.from(original).toString('utf8') });
    const editor = await vscode.window.showTextDocument(document);
    await waitForDiagnostics(document.uri, (codes) => codes.includes('privileged-container'));

    // A trailing comma after the last container definition.
    const lastBrace = document.getText().lastIndexOf('}', document.getText().lastIndexOf(']'));
    assert.ok(await editor.edit((edit) => edit.insert(document.positionAt(lastBrace + 1), ',')), 'the edit applies');
    const broken = await waitForDiagnostics(document.uri, (codes) => codes.includes('json-syntax'));
    const syntax = broken.find((diagnostic) => codeOf(diagnostic) === 'json-syntax')!;
    assert.equal(syntax.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(syntax.range), ',');

    // Undo the comma and turn privileged mode off: both findings go away.
    const text = document.getText();
    const comma = text.lastIndexOf('},') + 1;
    const privileged = text.indexOf('"privileged": true') + '"privileged": '.length;
    const fixed = await editor.edit((edit) => {
      edit.delete(new vscode.Range(document.positionAt(comma), document.positionAt(comma + 1)));
      edit.replace(new vscode.Range(document.positionAt(privileged), document.positionAt(privileged + 'true'.length)), 'false');
    });
    assert.ok(fixed, 'the edit applies');
    await waitForDiagnostics(document.uri, (codes) => !codes.includes('json-syntax') && !codes.includes('privileged-container'));
  });

  test('a JSON file that is not a task definition gets no ECS Guard diagnostics', async () => {
    const other = await open('not-a-task-definition.json');
    // The server answers documents in the order they were opened: once a task definition opened after
    // this file has its findings, this file's (empty) answer has been published too.
    const sentinel = await vscode.workspace.openTextDocument({ language: 'json', content: '{ "containerDefinitions": [ { "name": "a", "image": "x", "privileged": true } ] }' });
    await waitForDiagnostics(sentinel.uri, (codes) => codes.includes('privileged-container'));
    assert.deepEqual(ecsGuardDiagnostics(other.uri), []);
    // And VS Code's own JSON support still works on it: the language is json, not something of ours.
    assert.equal(other.languageId, 'json');
  });
});
