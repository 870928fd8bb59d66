import { Node } from 'jsonc-parser';
import { childValue, containsPlaceholder, isPlaceholderNode, keyOf, objectProperties, stringValue } from '../document/json';
import { JsonEdit, setValue } from '../document/jsonEdit';
import { ContainerView, TaskDefinitionDocument } from '../document/taskDefinition';
import { containerAt } from './_fix';
import { Rule } from './rule';

/**
 * Fix payload: `{ addAwsLogs: { family?: string } }`, add (or complete) the container's `logConfiguration`
 * with the awslogs driver; `family`, when known, names the log group and stream prefix.
 */
export const logConfiguration: Rule = {
  meta: {
    id: 'log-configuration',
    title: 'Containers should have a log configuration with a log driver',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.9', configRule: 'ecs-task-definition-log-configuration' },
  },
  check({ doc, reportAt, reportMissing }) {
    const familyNode = doc.task?.get('family');
    const family = isPlaceholderNode(familyNode) ? undefined : stringValue(familyNode);
    const fix = { addAwsLogs: family ? { family } : {} };
    const advice = 'for example "awslogs" with a CloudWatch Logs group, so the container\'s output is kept.';
    for (const container of doc.containers) {
      const config = container.get('logConfiguration');
      if (!config) {
        reportMissing(container, `Container ${container.label} has no "logConfiguration" (Security Hub ECS.9). Add one with a log driver, ${advice}`, fix);
        continue;
      }
      if (config.type === 'null') {
        reportAt(config, `Container ${container.label} sets "logConfiguration" to null (Security Hub ECS.9). Replace it with a log configuration, ${advice}`, fix);
        continue;
      }
      // Placeholders and other types are unknown or left to the value-type rule.
      if (config.type !== 'object') continue;
      const driver = childValue(config, 'logDriver');
      if (!driver) {
        // The key is the narrowest stand-in for an object that may span many lines.
        reportAt(keyOf(config) ?? config, `Container ${container.label} has a "logConfiguration" without a "logDriver" (Security Hub ECS.9). Set "logDriver", ${advice}`, fix);
      } else if (driver.type === 'null') {
        reportAt(driver, `Container ${container.label} sets "logDriver" to null (Security Hub ECS.9). Set a log driver, ${advice}`, fix);
      }
    }
  },
  fixes(fix, { doc, path }) {
    const container = containerAt(doc, path);
    if (!('addAwsLogs' in fix) || !container) return [];
    const options = awslogsOptions(doc, container);
    const edits = awslogsEdits(container, options);
    if (!edits) return [];
    const placeholders = Object.values(options).flatMap((value) => value.match(/<[A-Z_]+>/g) ?? []);
    const config = container.get('logConfiguration');
    const existingOptions = optionKeys(config?.type === 'object' ? childValue(config, 'options') : undefined);
    return [
      {
        title: `Add an awslogs log configuration (log group "${options['awslogs-group']}")${placeholders.length ? `, then fill in ${listWithAnd(placeholders)}` : ''}`,
        edits,
        // Placeholders need the user; options written for another driver would make awslogs refuse to start.
        safe: placeholders.length === 0 && [...existingOptions].every((key) => key.startsWith('awslogs-')),
        preferred: true,
      },
    ];
  },
};

type AwslogsOptions = Record<'awslogs-group' | 'awslogs-region' | 'awslogs-stream-prefix', string>;

/**
 * The group and region other containers of the task already log to (so the group exists and the region is
 * right), else /ecs/<family> and a placeholder region; the stream prefix is the container's name.
 */
function awslogsOptions(doc: TaskDefinitionDocument, container: ContainerView): AwslogsOptions {
  const known = (node: Node | undefined) => (isPlaceholderNode(node) ? undefined : stringValue(node));
  const shared = sharedAwslogs(doc);
  return {
    'awslogs-group': shared.group ?? `/ecs/${known(doc.task?.get('family')) || '<FAMILY>'}`,
    'awslogs-region': shared.region ?? '<REGION>',
    'awslogs-stream-prefix': known(container.get('name')) || '<CONTAINER_NAME>',
  };
}

/** Per document: fix-all asks once per container, and a scan per container would be quadratic. */
const sharedAwslogsCache = new WeakMap<TaskDefinitionDocument, { group?: string; region?: string }>();

function sharedAwslogs(doc: TaskDefinitionDocument): { group?: string; region?: string } {
  let shared = sharedAwslogsCache.get(doc);
  if (!shared) {
    const first = (key: string): string | undefined => {
      for (const other of doc.containers) {
        const value = stringValue(childValue(childValue(other.get('logConfiguration'), 'options'), key));
        if (value && !containsPlaceholder(value)) return value;
      }
      return undefined;
    };
    shared = { group: first('awslogs-group'), region: first('awslogs-region') };
    sharedAwslogsCache.set(doc, shared);
  }
  return shared;
}

/** Adds the whole configuration, or completes one that lacks a driver, keeping the options it has. */
function awslogsEdits(container: ContainerView, options: AwslogsOptions): JsonEdit[] | undefined {
  const configPath = [...container.path, 'logConfiguration'];
  const config = container.get('logConfiguration');
  if (!config || config.type === 'null') return [setValue(configPath, { logDriver: 'awslogs', options })];
  if (config.type !== 'object') return undefined;
  const setDriver = setValue([...configPath, 'logDriver'], 'awslogs');
  const existing = childValue(config, 'options');
  // An empty object is replaced whole: several additions to it would each need the commas of the others.
  if (!existing || existing.type === 'null' || (existing.type === 'object' && !existing.children?.length)) return [setDriver, setValue([...configPath, 'options'], options)];
  // Options of another type are value-type's to report; the driver alone still resolves this finding.
  if (existing.type !== 'object') return [setDriver];
  const present = optionKeys(existing);
  const missing = Object.entries(options).filter(([key]) => !present.has(key));
  return [setDriver, ...missing.map(([key, value]) => setValue([...configPath, 'options', key], value))];
}

function optionKeys(node: Node | undefined): Set<string> {
  return new Set(objectProperties(node).map((property) => String(property.children?.[0]?.value)));
}

/** "<A>", "<A> and <B>", "<A>, <B> and <C>". */
function listWithAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
