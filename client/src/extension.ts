import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { COMMANDS, InitializationOptions, REPOSITORY_URL, ruleDocsUrl, SETTINGS_SECTION } from '../../server/src/engine/protocol';
import type { EcsGuardApi } from './api';
import { LazyCoverageView } from './coverageView/vscode/lazyCoverageView';

/** The coverage view's own bundle (scripts/build.mjs), next to this one; loaded when first needed. */
const COVERAGE_BUNDLE = 'dist/client/coverageView.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<EcsGuardApi> {
  // A run-time require of the other bundle, which esbuild leaves alone: it is loaded only when first needed.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const coverageView = new LazyCoverageView(context, () => require(context.asAbsolutePath(COVERAGE_BUNDLE)));
  context.subscriptions.push(coverageView);
  const module = context.asAbsolutePath('dist/server/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Every JSON and YAML file is offered; the server decides by content which ones are task definitions or
    // CloudFormation templates (other YAML is left to the YAML and AWS Toolkit extensions).
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'untitled', language: 'json' },
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    // VS Code's own hover shows each diagnostic's message: the server's hover then explains only the field.
    initializationOptions: { diagnosticsInHover: true } satisfies InitializationOptions,
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.ecs-guard.json'),
    },
  };
  // The client id names the `ecsGuard.trace.server` setting.
  client = new LanguageClient(SETTINGS_SECTION, 'ECS Guard', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.restartServer, () => client?.restart()),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => client?.outputChannel.show()),
    vscode.commands.registerCommand(COMMANDS.showRuleDocumentation, (url?: unknown) => showRuleDocumentation(context, url)),
  );
  await client.start();
  return {
    get coverageViewLoaded() {
      return coverageView.isLoaded;
    },
    coverageView: () => coverageView.session(),
  };
}

/** From a code action the docs URL comes as the argument; from the command palette the user picks a rule. */
async function showRuleDocumentation(context: vscode.ExtensionContext, url?: unknown): Promise<void> {
  let target = typeof url === 'string' ? url : undefined;
  if (target === undefined) {
    const picked = await vscode.window.showQuickPick(
      rulesInManifest(context).map((rule) => ({ label: rule.id, description: rule.title })),
      { placeHolder: 'Rule to show the documentation of' },
    );
    if (!picked) return;
    target = ruleDocsUrl(picked.label);
  }
  // Only our own docs pages: the argument could come from any extension running the command.
  if (target.startsWith(`${REPOSITORY_URL}/`)) await vscode.env.openExternal(vscode.Uri.parse(target));
}

/** The rule ids and titles, from the manifest's `ecsGuard.rules` setting (generated from the rule registry). */
function rulesInManifest(context: vscode.ExtensionContext): { id: string; title: string }[] {
  const rules = context.extension.packageJSON?.contributes?.configuration?.properties?.[`${SETTINGS_SECTION}.rules`]?.properties ?? {};
  return Object.entries(rules as Record<string, { markdownDescription?: string }>).map(([id, schema]) => ({
    id,
    title: (schema.markdownDescription ?? '').replace(/ \(default: .*\)\.$/, ''),
  }));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
