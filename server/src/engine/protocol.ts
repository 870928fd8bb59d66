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

/** Where each rule's docs page lives; the page is `docs/rules/<rule-id>.md` in the repository. */
export const REPOSITORY_URL = 'https://github.com/ecs-guard/ecs-guard';

export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
