import { IssueKind } from './issueCatalog';

/**
 * Recognisers for the troubleshooting table's cases, most specific first: the exact English texts are
 * not all published, so each looks for the words a case cannot do without, never for a whole string.
 * They run on normalized text (straight quotes, single spaces) and ignore case.
 */
export interface IssuePattern {
  readonly kind: IssueKind;
  readonly test: (text: string) => boolean;
  /** The variable part worth showing (exit code, reason, architecture, configuration, invoker). */
  readonly detail?: (text: string) => string | undefined;
}

const has =
  (...patterns: RegExp[]) =>
  (text: string) =>
    patterns.every((pattern) => pattern.test(text));
const either =
  (...tests: ((text: string) => boolean)[]) =>
  (text: string) =>
    tests.some((test) => test(text));

const MENTIONS_SERVICES = /\bservice\s*names?\b|\bservices?\s+(?:were\s+|was\s+)?deployed\b|\bdeployed\b/i;
const MENTIONS_TASKS = /\btask\s*ids?\b|\btasks?\s+(?:were\s+|was\s+)?(?:started|launched)\b/i;
/** Whether a tasks-or-services case is about services: named services, or "deployed" without task ids. */
const aboutServices = (text: string) => MENTIONS_SERVICES.test(text) && !/\btask\s*ids?\b/i.test(text);

const quotedAfter = (label: RegExp) => (text: string) => {
  const match = new RegExp(`${label.source}\\s*:?\\s*['"]?([^'"]+?)['"]?(?:\\s+for\\s+tasks?\\b|\\s+in\\s+task\\s*definition\\b|$)`, 'i').exec(text);
  return match?.[1].trim() || undefined;
};

const EXCLUSION_TAG = either(has(/exclusion\s*tag/i), has(/GuardDutyManaged\s*[-=:]?\s*['"]?false/i));
const BEFORE_AGENT_AUTOMATION = has(/before\s+(?:enabling|turning\s+on|the\s+enablement\s+of)?\s*(?:the\s+)?automat(?:ed|ic)\s+agent\s+config/i);
const BEFORE_RUNTIME_MONITORING = has(/before\s+(?:enabling|turning\s+on)?\s*(?:GuardDuty\s+)?Runtime\s+Monitoring/i);

export const ISSUE_PATTERNS: readonly IssuePattern[] = [
  {
    kind: 'agent-image-pull-failed',
    test: has(/CannotPullContainer/i),
    detail: (text) => /CannotPullContainer\w*\s*:\s*(.+)$/i.exec(text)?.[1],
  },
  { kind: 'vpc-endpoint-creation-failed', test: either(has(/enableDnsSupport|enableDnsHostnames/i), has(/VPC\s*endpoint/i, /creat/i, /fail|error|could\s*not|unable/i)) },
  { kind: 'agent-vpc-issue', test: has(/\bVPC[_\s-]?ISSUE\b/i) },
  { kind: 'agent-not-reporting', test: has(/\bagent\b/i, /\bnot\s+(?:been\s+)?report(?:ing|ed)?\b|\bno\s+reports?\b/i) },
  {
    kind: 'unsupported-invocation',
    test: either(has(/unsupported\s+invocation/i), has(/invo(?:cation|ked)/i, /not\s+supported|unsupported/i)),
    detail: (text) => /invo(?:cation|ked)\s+by\s+(?:the\s+)?['"]?([\w .-]+?)['"]?(?:\s+(?:for|that|which)\b|$)/i.exec(text)?.[1],
  },
  {
    kind: 'unsupported-cpu-architecture',
    test: either(has(/unsupported\s+CPU\s+architecture/i), has(/CPU\s+architecture/i, /not\s+supported|unsupported/i)),
    detail: (text) => /architecture\s*:?\s*['"]([^'"]+)['"]/i.exec(text)?.[1] ?? /architecture\s*:?\s*([A-Z0-9_]{3,})\b/.exec(text)?.[1],
  },
  { kind: 'task-execution-role-missing', test: has(/task\s*execution\s*role/i, /\bmissing\b|\bnot\s+(?:found|provided|set|specified)\b|\bno\s+task\s*execution\s*role\b|\babsent\b/i) },
  {
    kind: 'network-configuration-missing',
    test: has(/network\s*config(?:uration)?/i, /\bmissing\b|\bnot\s+(?:found|provided|set|specified)\b|\bno\s+network\b|\bempty\b|\black/i),
    detail: quotedAfter(/network\s*config(?:uration)?/),
  },
  { kind: 'excluded-by-tag-services', test: (text) => EXCLUSION_TAG(text) && aboutServices(text) },
  { kind: 'excluded-by-tag-tasks', test: EXCLUSION_TAG },
  { kind: 'services-before-agent-automation', test: (text) => BEFORE_AGENT_AUTOMATION(text) && aboutServices(text) },
  { kind: 'tasks-before-agent-automation', test: BEFORE_AGENT_AUTOMATION },
  {
    kind: 'service-needs-new-deployment',
    test: either(has(/\bnew\s+deployment\b|force\s*New\s*Deployment|\bre-?deploy(?:ment)?\b/i), (text) => BEFORE_RUNTIME_MONITORING(text) && aboutServices(text) && !MENTIONS_TASKS.test(text)),
  },
  { kind: 'tasks-need-relaunch', test: either(has(/\bre-?launch/i), BEFORE_RUNTIME_MONITORING) },
  { kind: 'old-task-arn-format', test: has(/\btask\s*ARN\b/i, /\bold(?:er)?\b|\blegacy\b|\bshort\b|\bformat\b/i) },
  {
    kind: 'agent-exited',
    test: either(has(/\bexit\s*code\b/i), has(/\bagent\s+exited\b/i), has(/^\s*reason\s*:/i), has(/\bexited\b/i, /\breason\b/i)),
    detail: (text) => {
      const code = /exit\s*code\s*[:=]?\s*(-?\d+)/i.exec(text)?.[1];
      const reason = /reason\s*:?\s*['"]?(.+?)['"]?(?:\s+for\s+(?:the\s+)?tasks?\b|$)/i.exec(text)?.[1];
      return [code && `exit code ${code}`, reason].filter(Boolean).join(', ') || undefined;
    },
  },
  { kind: 'unidentified', test: has(/\bun(?:identified|known)\s+issue\b/i) },
];
