import * as assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { FieldStep, isFreeFormMap, stepInto, TASK_FIELD_TREE, templateName } from '../../server/src/document/cloudformation/names';
import { analyzeText } from '../../server/src/service/analysis';
import { LintFinding, validate, ValidateOptions } from '../../server/src/service/validate';
import { JSONPath, Node } from 'jsonc-parser';
import { cloudFormationConversion } from '../../server/src/document/cloudformation/normalize';
import { TaskDefinitionDocument } from '../../server/src/document/taskDefinition';

/**
 * The generic harness behind "a task definition gives the same answer wherever it lives": a task-definition
 * test document is written again as a CloudFormation template, in JSON and in YAML, and linted; each rule must
 * report on the same containers (or the task) there. Documents a template cannot hold the same way are skipped:
 * broken JSON, bare container arrays (the task around them is Terraform's), keys already in PascalCase (the
 * template's spelling would fix them), and scalar types CloudFormation converts (value-type's string/number checks).
 */
export function expectSameInTemplates(ruleId: string, text: string, findings: readonly LintFinding[], options: ValidateOptions): void {
  const analysis = analyzeText(text);
  const doc = analysis.taskDefinition;
  if (!doc?.task || doc.shape === 'cloudformation' || analysis.parsed.syntaxErrors.length > 0 || options.assumeTaskDefinition) return;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return;
  }
  const task = doc.shape === 'describe-output' ? (value as { taskDefinition: unknown }).taskDefinition : value;
  if (!isRecord(task) || hasPascalCaseKey(task, []) || cloudFormationConverts(doc)) return;
  const expected = where(findings, doc.task.path.length);
  const template = { AWSTemplateFormatVersion: '2010-09-09', Resources: { TaskDef: { Type: 'AWS::ECS::TaskDefinition', Properties: toTemplate(task, []) } } };
  const prefix = ['Resources', 'TaskDef', 'Properties'].length;
  for (const [form, templateText, uri] of [
    ['JSON', JSON.stringify(template, null, 2), 'file:///harness/template.json'],
    ['YAML', stringify(template), 'file:///harness/template.yaml'],
  ] as const) {
    const actual = where(
      validate(analyzeText(templateText, uri), options).filter((finding) => finding.ruleId === ruleId),
      prefix,
    );
    assert.deepEqual(actual, expected, `${ruleId} as a CloudFormation template in ${form} reports elsewhere than in the task definition:\n${templateText}`);
  }
}

/** Where each finding is: `container 0`, or `task`. */
function where(findings: readonly LintFinding[], taskDepth: number): string[] {
  return findings
    .map((finding) => {
      const [key, index] = finding.path.slice(taskDepth);
      return (key === 'containerDefinitions' || key === 'ContainerDefinitions') && typeof index === 'number' ? `container ${index}` : 'task';
    })
    .sort();
}

/** A value CloudFormation would send with another type than written: the template says something else. */
function cloudFormationConverts(doc: TaskDefinitionDocument): boolean {
  const converts = (node: Node, step: FieldStep | undefined): boolean => {
    if (step?.scalar && cloudFormationConversion(step.scalar, node)) return true;
    if (node.type === 'array') return (node.children ?? []).some((item) => converts(item, stepInto(step, 0)));
    if (node.type === 'object')
      return (node.children ?? []).some((property) => property.children?.[1] !== undefined && converts(property.children[1], stepInto(step, String(property.children[0].value))));
    return false;
  };
  return converts(doc.task!.node, TASK_FIELD_TREE);
}

function toTemplate(value: unknown, apiPath: JSONPath): unknown {
  if (Array.isArray(value)) return value.map((item, i) => toTemplate(item, [...apiPath, i]));
  if (!isRecord(value)) return value;
  const freeForm = isFreeFormMap(apiPath);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [freeForm ? key : templateName(key), toTemplate(item, [...apiPath, key])]));
}

function hasPascalCaseKey(value: unknown, apiPath: JSONPath): boolean {
  if (Array.isArray(value)) return value.some((item, i) => hasPascalCaseKey(item, [...apiPath, i]));
  if (!isRecord(value)) return false;
  const freeForm = isFreeFormMap(apiPath);
  return Object.entries(value).some(([key, item]) => (!freeForm && /^[A-Z]/.test(key)) || hasPascalCaseKey(item, [...apiPath, key]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
