import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerCoverageView } from './coverageView/registerCoverageView';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  registerCoverageView(context);
  const module = context.asAbsolutePath('dist/server/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Every JSON file is offered; the server decides by content which ones are task definitions.
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'untitled', language: 'json' },
    ],
    synchronize: {
      configurationSection: 'ecsGuard',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.ecs-guard.json'),
    },
  };
  client = new LanguageClient('ecsGuard', 'ECS Guard', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('ecsGuard.restartServer', () => client?.restart()),
    vscode.commands.registerCommand('ecsGuard.showOutput', () => client?.outputChannel.show()),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
