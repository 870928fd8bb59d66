// The `.ecs-guard.json` schema the extension contributes (jsonValidation): VS Code's own JSON language
// features underline a misspelt rule id in the file itself. The file is written outside the examples
// workspace, which the harness keeps unchanged.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, waitFor } from './vscodeHelpers';

suite('.ecs-guard.json schema in VS Code', () => {
  teardown(closeAllEditors);

  test('a misspelt rule id and a wrong severity are underlined in the file', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-schema-'));
    const file = path.join(folder, '.ecs-guard.json');
    fs.writeFileSync(file, '{\n  "rules": { "privileged-containers": "off", "log-configuration": "warn" }\n}\n');
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(document);
      let squiggled: string[] = [];
      await waitFor(
        () => {
          squiggled = vscode.languages.getDiagnostics(document.uri).map((diagnostic) => document.getText(diagnostic.range));
          return squiggled.includes('"privileged-containers"') && squiggled.includes('"warn"');
        },
        () => `the schema's diagnostics; now on: ${JSON.stringify(squiggled)}`,
        60_000,
      );
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
