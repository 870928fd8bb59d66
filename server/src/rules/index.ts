import { containerMemoryExceedsTask } from './container-memory-exceeds-task';
import { duplicateContainerName } from './duplicate-container-name';
import { essentialContainerRequired } from './essential-container-required';
import { fargateNetworkMode } from './fargate-network-mode';
import { jsonSyntax } from './json-syntax';
import { privilegedContainer } from './privileged-container';
import { Rule, RuleMeta, SyntaxRule } from './rule';
import { valueType } from './value-type';

/** Every rule, sorted by id. Adding a rule: its file here, `docs/rules/<id>.md`, `test/rules/<id>.test.ts`. */
export const syntaxRules: readonly SyntaxRule[] = [jsonSyntax];
export const contentRules: readonly Rule[] = [
  containerMemoryExceedsTask,
  duplicateContainerName,
  essentialContainerRequired,
  fargateNetworkMode,
  privilegedContainer,
  valueType,
];

export const allRuleMetas: readonly RuleMeta[] = [...syntaxRules, ...contentRules]
  .map((rule) => rule.meta)
  .sort((a, b) => a.id.localeCompare(b.id));

export const ruleIds: ReadonlySet<string> = new Set(allRuleMetas.map((meta) => meta.id));

export function ruleMeta(id: string): RuleMeta | undefined {
  return allRuleMetas.find((meta) => meta.id === id);
}
