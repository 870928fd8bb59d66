import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, TextEdit } from 'vscode-languageserver-types';
import { containsPlaceholder, numberValue, stringValue } from '../document/json';
import { isFargate, platform, taskCpuUnits, taskMemoryMiB } from '../document/facts';
import { TaskDefinitionDocument } from '../document/taskDefinition';
import { EditSpan } from './editSpan';
import { guardDutyAgentMemoryMiB } from '../fargate/sizes';

/** Used when the task memory is unknown: small enough for the smallest Fargate task with the agent beside it. */
const DEFAULT_CONTAINER_MEMORY_MIB = 256;
/** ECS refuses a container memory below this. */
const MIN_CONTAINER_MEMORY_MIB = 6;

/**
 * A container definition that already passes the ECS Guard rules: named, essential, non-root user,
 * read-only root file system, not privileged, a hard memory limit that leaves room for the GuardDuty
 * agent, and awslogs logging to `/ecs/<family>`.
 */
export function newContainerCompletion(taskDefinition: TaskDefinitionDocument | undefined, edit: EditSpan): CompletionItem {
  const family = taskDefinition ? familyOf(taskDefinition) : undefined;
  const logGroup = family ? `/ecs/${escapeSnippetText(family)}` : '/ecs/${5:family}';
  // Windows containers run as ContainerUser (ECS.21) and do not support a read-only root file system.
  const windows = taskDefinition !== undefined && platform(taskDefinition).os === 'windows';
  const body = [
    '{',
    `\t"name": "\${1:${escapeSnippetText(unusedName(taskDefinition))}}",`,
    '\t"image": "${2:<IMAGE>}",',
    '\t"essential": true,',
    `\t"memory": \${3:${containerMemory(taskDefinition)}},`,
    ...(windows ? ['\t"user": "ContainerUser",'] : ['\t"user": "1000",', '\t"readonlyRootFilesystem": true,']),
    '\t"privileged": false,',
    '\t"logConfiguration": {',
    '\t\t"logDriver": "awslogs",',
    '\t\t"options": {',
    `\t\t\t"awslogs-group": "${logGroup}",`,
    '\t\t\t"awslogs-region": "${4:us-east-1}",',
    '\t\t\t"awslogs-stream-prefix": "$1"',
    '\t\t}',
    '\t}',
    '}',
  ].join('\n');
  return {
    label: 'New container definition',
    kind: CompletionItemKind.Snippet,
    detail: 'ECS Guard: a container that passes every rule',
    documentation: {
      kind: MarkupKind.Markdown,
      value: windows
        ? 'Essential, runs as `ContainerUser` (not an administrator), not privileged, with a hard memory limit and `awslogs` logging.'
        : 'Essential, runs as user `1000` with a read-only root file system, not privileged, with a hard memory limit and `awslogs` logging. Mount a volume wherever the app must write.',
    },
    filterText: 'New container definition',
    sortText: '000',
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: TextEdit.replace(edit.range, `${edit.afterItem ? ', ' : ''}${body}${edit.needsComma ? ',' : ''}`),
  };
}

/** "app", or "app-2", "app-3"... when the task already has a container of that name (names must be unique). */
function unusedName(taskDefinition: TaskDefinitionDocument | undefined): string {
  const taken = new Set(taskDefinition?.containers.map((container) => stringValue(container.get('name'))) ?? []);
  let name = 'app';
  for (let n = 2; taken.has(name); n++) name = `app-${n}`;
  return name;
}

function familyOf(taskDefinition: TaskDefinitionDocument): string | undefined {
  const family = stringValue(taskDefinition.task?.get('family'));
  return family && !containsPlaceholder(family) ? family : undefined;
}

/** What the task memory leaves after the other containers' limits and, on Fargate Linux, the GuardDuty agent. */
function containerMemory(taskDefinition: TaskDefinitionDocument | undefined): number {
  const taskMemory = taskDefinition ? taskMemoryMiB(taskDefinition) : undefined;
  if (!taskDefinition || taskMemory === undefined) return DEFAULT_CONTAINER_MEMORY_MIB;
  const cpu = taskCpuUnits(taskDefinition);
  const agent = isFargate(taskDefinition) && platform(taskDefinition).os === 'linux' && cpu !== undefined ? (guardDutyAgentMemoryMiB(cpu, taskMemory) ?? 0) : 0;
  const taken = taskDefinition.containers.reduce((sum, container) => sum + (numberValue(container.get('memory')) ?? numberValue(container.get('memoryReservation')) ?? 0), 0);
  const left = taskMemory - agent - taken;
  return left >= MIN_CONTAINER_MEMORY_MIB ? left : DEFAULT_CONTAINER_MEMORY_MIB;
}

/** Text that goes into a snippet literally: `$`, `}` and `\` would otherwise be snippet syntax. */
function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, (char) => `\\${char}`);
}
