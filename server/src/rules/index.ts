import { clusterTags } from './cluster-tags';
import { serviceTags } from './service-tags';
import { taskDefinitionTags } from './task-definition-tags';
import { capacityProviderTerminationProtection } from './capacity-provider-termination-protection';
import { clusterContainerInsights } from './cluster-container-insights';
import { fargatePlatformVersion } from './fargate-platform-version';
import { guarddutyExclusionTag } from './guardduty-exclusion-tag';
import { servicePublicIp } from './service-public-ip';
import { serviceNetworkConfiguration } from './service-network-configuration';
import { serviceTaskDefinitionCompatibility } from './service-task-definition-compatibility';
import { taskSetPublicIp } from './task-set-public-ip';
import { taskDefinitionInArray } from './task-definition-in-array';
import { containerMemoryExceedsTask } from './container-memory-exceeds-task';
import { duplicateContainerName } from './duplicate-container-name';
import { efsTransitEncryption } from './efs-transit-encryption';
import { environmentSecrets } from './environment-secrets';
import { essentialContainerRequired } from './essential-container-required';
import { executionRoleRequired } from './execution-role-required';
import { fargateCpuMemory } from './fargate-cpu-memory';
import { fargateNetworkMode } from './fargate-network-mode';
import { fargateUnsupportedParameter } from './fargate-unsupported-parameter';
import { guarddutyAgentMemory } from './guardduty-agent-memory';
import { guarddutyCpuArchitecture } from './guardduty-cpu-architecture';
import { guarddutyLinuxOnly } from './guardduty-linux-only';
import { hostNetworkMode } from './host-network-mode';
import { hostPortMismatch } from './host-port-mismatch';
import { hostNetworkRootUser } from './host-network-root-user';
import { jsonSyntax } from './json-syntax';
import { linuxNonRootUser } from './linux-non-root-user';
import { logConfiguration } from './log-configuration';
import { pidModeHost } from './pid-mode-host';
import { privilegedContainer } from './privileged-container';
import { readonlyRootFilesystem } from './readonly-root-filesystem';
import { ResourceRule, Rule, RuleMeta, SyntaxRule } from './rule';
import { valueType } from './value-type';
import { windowsNonAdminUser } from './windows-non-admin-user';
import { windowsUnsupportedParameter } from './windows-unsupported-parameter';

/** Every rule, sorted by id. Adding a rule: its file here, `docs/rules/<id>.md`, `test/rules/<id>.test.ts`. */
export const syntaxRules: readonly SyntaxRule[] = [jsonSyntax, taskDefinitionInArray];
export const contentRules: readonly Rule[] = [
  containerMemoryExceedsTask,
  duplicateContainerName,
  efsTransitEncryption,
  environmentSecrets,
  essentialContainerRequired,
  executionRoleRequired,
  fargateCpuMemory,
  fargateNetworkMode,
  fargateUnsupportedParameter,
  guarddutyAgentMemory,
  guarddutyCpuArchitecture,
  guarddutyLinuxOnly,
  hostNetworkMode,
  hostNetworkRootUser,
  hostPortMismatch,
  linuxNonRootUser,
  logConfiguration,
  pidModeHost,
  privilegedContainer,
  readonlyRootFilesystem,
  taskDefinitionTags,
  valueType,
  windowsNonAdminUser,
  windowsUnsupportedParameter,
];

/** Rules about the services, clusters, task sets and capacity providers around task definitions. */
export const resourceRules: readonly ResourceRule[] = [
  capacityProviderTerminationProtection,
  clusterContainerInsights,
  clusterTags,
  fargatePlatformVersion,
  guarddutyExclusionTag,
  serviceNetworkConfiguration,
  servicePublicIp,
  serviceTags,
  serviceTaskDefinitionCompatibility,
  taskSetPublicIp,
];

// By id in localeCompare's order, which for ids (lower-case letters, digits and hyphens) is the order of their
// character codes: compared as such, loading the catalog sets up no ICU collator (~5 ms of a CLI run).
export const allRuleMetas: readonly RuleMeta[] = [...syntaxRules, ...contentRules, ...resourceRules].map((rule) => rule.meta).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export const ruleIds: ReadonlySet<string> = new Set(allRuleMetas.map((meta) => meta.id));

const catalogIndex = new Map(allRuleMetas.map((meta, index) => [meta.id, index]));

/** A rule's place in the catalog (sorted by id): how findings at the same offset are ordered. */
export function ruleOrder(id: string): number {
  return catalogIndex.get(id) ?? allRuleMetas.length;
}

export function ruleMeta(id: string): RuleMeta | undefined {
  return allRuleMetas.find((meta) => meta.id === id);
}
