/**
 * What the engine, the language server and the VS Code client must agree on, in one leaf module that the
 * client can bundle without the rule engine.
 */

/** The settings section: `ecsGuard.enable`, `ecsGuard.rules`, ... (package.json `contributes.configuration`). */
export const SETTINGS_SECTION = 'ecsGuard';

/** Command ids contributed in package.json and registered by the client. */
export const COMMANDS = {
  restartServer: 'ecsGuard.restartServer',
  showOutput: 'ecsGuard.showOutput',
  showRuleDocumentation: 'ecsGuard.showRuleDocumentation',
} as const;

/**
 * `initializationOptions` a client may send with `initialize`. Our VS Code client sends them; other
 * editors need not.
 */
export interface InitializationOptions {
  /**
   * The client shows each diagnostic's message in its own hover (VS Code does), so the server's hover
   * leaves the findings out and explains only the field. Absent: the hover explains the findings too.
   */
  readonly diagnosticsInHover?: boolean;
}

/** Where each rule's docs page lives; the page is `docs/rules/<rule-id>.md` in the repository. */
export const REPOSITORY_URL = 'https://github.com/ecs-guard/ecs-guard';

export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
