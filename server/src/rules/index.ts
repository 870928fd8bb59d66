import { executionRoleRequired } from './execution-role-required';
import { fargateCpuMemory } from './fargate-cpu-memory';
import { guarddutyAgentMemory } from './guardduty-agent-memory';
import { guarddutyCpuArchitecture } from './guardduty-cpu-architecture';
import { guarddutyLinuxOnly } from './guardduty-linux-only';
import { jsonSyntax } from './json-syntax';
import { privilegedContainer } from './privileged-container';
import { Rule, RuleMeta, SyntaxRule } from './rule';

/** Every rule, sorted by id. Adding a rule: its file here, `docs/rules/<id>.md`, `test/rules/<id>.test.ts`. */
export const syntaxRules: readonly SyntaxRule[] = [jsonSyntax];
export const contentRules: readonly Rule[] = [
  executionRoleRequired,
  fargateCpuMemory,
  guarddutyAgentMemory,
  guarddutyCpuArchitecture,
  guarddutyLinuxOnly,
  privilegedContainer,
];

export const allRuleMetas: readonly RuleMeta[] = [...syntaxRules, ...contentRules]
  .map((rule) => rule.meta)
  .sort((a, b) => a.id.localeCompare(b.id));

export const ruleIds: ReadonlySet<string> = new Set(allRuleMetas.map((meta) => meta.id));

export function ruleMeta(id: string): RuleMeta | undefined {
  return allRuleMetas.find((meta) => meta.id === id);
}
