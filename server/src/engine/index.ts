/**
 * The ECS Guard engine's public API: everything a host (the language server, the `ecs-guard` CLI, the VS Code
 * client) needs from the rules, and nothing more. Hosts import this module only; `test/architecture` fails
 * when a host file reaches into an engine internal.
 */

// Analysing a text: one parse, shared by every feature below.
export { analyze, analyzeText } from '../service/analysis';
export type { Analysis } from '../service/analysis';

// Is this document linted, and how? One answer for every host.
export { lintPlan, lintsContent } from '../service/lintPlan';
export type { ActiveLintPlan, LintPlan, LintSubject } from '../service/lintPlan';
export { whyNotATaskDefinition } from '../document/taskDefinition';

// Linting.
export { validate } from '../service/validate';
export type { LintFinding, ValidateOptions } from '../service/validate';
export { toDiagnostic, DIAGNOSTIC_SOURCE } from '../service/diagnostics';

// Fixes.
export { fixAll } from '../service/fixes';
export type { FixAllOptions, FixAllResult } from '../service/fixes';
export { codeActions, resolveCodeAction, FIX_ALL_KIND } from '../editor/codeActions';
export type { ConfigFileState, CodeActionOptions } from '../editor/codeActions';
export { fixAllDataOf } from '../editor/fixAllData';

// Editor features over an analysis.
export { hover } from '../editor/hover';
export { complete } from '../editor/completion';
export { documentSymbols } from '../editor/documentSymbols';
export { RuleDocs } from '../editor/ruleDocs';

// Configuration: `.ecs-guard.json` and the `ecsGuard.*` settings.
export { CONFIG_FILE_NAME, EMPTY_CONFIG, mergeConfigs, readConfigObject, selectFile } from '../config/config';
export type { EcsGuardConfig, FileSelection } from '../config/config';
export { configFileIn, readConfigFile, readConfigFileText } from '../config/configFile';
export type { ConfigFileText } from '../config/configFile';
export { compileGlob, GlobSyntaxError } from '../config/glob';

// The rule catalog.
export { allRuleMetas, ruleIds, ruleMeta } from '../rules';
export { SEVERITY_OVERRIDES } from '../rules/rule';
export type { RuleMeta, Severity, SeverityOverride } from '../rules/rule';

// What hosts and the client agree on (the client imports './protocol' alone, without the rule engine).
export * from './protocol';
