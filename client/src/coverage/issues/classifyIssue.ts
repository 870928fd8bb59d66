import { ISSUE_CATALOG, IssueKind } from './issueCatalog';
import { ISSUE_PATTERNS } from './issuePatterns';
import { normalizeIssueText, serviceNamesIn, TaskDefinitionReference, taskDefinitionIn, taskIdsIn } from './issueReferences';

/** One coverage issue, recognised as a troubleshooting case, with what it names. */
export interface ClassifiedIssue {
  readonly kind: IssueKind;
  readonly title: string;
  readonly steps: readonly string[];
  /** The issue exactly as GuardDuty sent it. */
  readonly text: string;
  /** The variable part: exit code and reason, CPU architecture, missing configuration, invoking service. */
  readonly detail?: string;
  /** The task definition named by the issue; the tree opens the workspace file defining its family. */
  readonly taskDefinition?: TaskDefinitionReference;
  readonly taskIds: readonly string[];
  readonly serviceNames: readonly string[];
}

export function classifyIssue(text: string): ClassifiedIssue {
  const normalized = normalizeIssueText(text);
  const pattern = ISSUE_PATTERNS.find((candidate) => candidate.test(normalized));
  const kind: IssueKind = pattern?.kind ?? 'unrecognized';
  const detail = pattern?.detail?.(normalized)?.trim();
  const taskDefinition = taskDefinitionIn(normalized);
  return {
    kind,
    title: ISSUE_CATALOG[kind].title,
    steps: ISSUE_CATALOG[kind].steps,
    text,
    ...(detail ? { detail } : {}),
    ...(taskDefinition ? { taskDefinition } : {}),
    taskIds: taskIdsIn(normalized),
    serviceNames: serviceNamesIn(normalized),
  };
}

/** The issues of a coverage resource (its `issue` and Fargate `issues`), classified once each. */
export function classifyIssues(texts: readonly (string | undefined)[]): ClassifiedIssue[] {
  const seen = new Set<string>();
  const issues: ClassifiedIssue[] = [];
  for (const text of texts) {
    const key = text === undefined ? '' : normalizeIssueText(text);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    issues.push(classifyIssue(text as string));
  }
  return issues;
}
