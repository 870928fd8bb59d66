/** Where each rule's docs page lives; the page is `docs/rules/<rule-id>.md` in the repository. */
export const REPOSITORY_URL = 'https://github.com/ecs-guard/ecs-guard';

export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
