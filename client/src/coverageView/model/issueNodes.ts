import type { ClassifiedIssue } from '../../coverage';
import { COMMANDS, CONTEXT_VALUES } from '../ids';
import { ISSUE_LABELS } from './labels';
import { escapeMarkdown } from './markdown';
import { CoverageIconId, CoverageTreeNode, TaskDefinitionLocation } from './treeNode';

/** Longest issue text shown on one row; the full text is in the tooltip. */
const MAX_LABEL_LENGTH = 160;

/**
 * An issue of an unhealthy cluster: the troubleshooting case's title (or, for a text ECS Guard does not
 * recognise, the text itself), with GuardDuty's text, what it names and the recommended steps as children.
 */
export function issueNode(parentId: string, index: number, issue: ClassifiedIssue, taskDefinitions: ReadonlyMap<string, TaskDefinitionLocation>): CoverageTreeNode {
  const id = `${parentId}/issue/${index}`;
  const recognised = issue.kind !== 'unrecognized';
  const location = issue.taskDefinition ? taskDefinitions.get(issue.taskDefinition.family) : undefined;
  // Not recognised: GuardDuty's own words follow the label, as far as the row shows them.
  const description = recognised ? [issue.detail, issue.taskDefinition?.reference].filter(Boolean).join(' · ') : singleLine(issue.text);
  return {
    id,
    label: ISSUE_LABELS[issue.kind],
    ...(description ? { description } : {}),
    tooltipMarkdown: issueTooltip(issue, location),
    icon: 'warning',
    color: 'problemsWarningIcon.foreground',
    contextValue: location ? CONTEXT_VALUES.issueWithTaskDefinition : CONTEXT_VALUES.issue,
    collapsible: 'collapsed',
    children: issueChildren(id, issue, location),
    ...(location ? { taskDefinition: location } : {}),
  };
}

function issueChildren(id: string, issue: ClassifiedIssue, location: TaskDefinitionLocation | undefined): CoverageTreeNode[] {
  const detail = (suffix: string, label: string, icon: CoverageIconId, extra: Partial<CoverageTreeNode> = {}): CoverageTreeNode => ({
    id: `${id}/${suffix}`,
    label,
    icon,
    contextValue: CONTEXT_VALUES.issueDetail,
    collapsible: 'none',
    children: [],
    ...extra,
  });
  const children = [detail('text', singleLine(issue.text), 'quote', { description: 'as GuardDuty reports it', tooltipMarkdown: escapeMarkdown(issue.text) })];
  if (issue.taskDefinition) {
    const reference = issue.taskDefinition.reference;
    children.push(
      location
        ? detail('task-definition', `Task definition ${reference}`, 'file-code', {
            description: location.displayPath,
            tooltipMarkdown: `Open ${escapeMarkdown(location.displayPath)}, which defines the family ${escapeMarkdown(issue.taskDefinition.family)}.`,
            command: { command: COMMANDS.openTaskDefinition, title: 'Open Task Definition', passNode: true },
            taskDefinition: location,
          })
        : detail('task-definition', `Task definition ${reference}`, 'file-code', { description: 'no workspace file defines this family' }),
    );
  }
  if (issue.taskIds.length) children.push(detail('tasks', `Tasks: ${issue.taskIds.join(', ')}`, 'symbol-event'));
  if (issue.serviceNames.length) children.push(detail('services', `Services: ${issue.serviceNames.join(', ')}`, 'symbol-event'));
  issue.steps.forEach((step, index) => children.push(detail(`step/${index}`, step, index === 0 ? 'lightbulb' : 'arrow-small-right', { tooltipMarkdown: escapeMarkdown(step) })));
  return children;
}

function issueTooltip(issue: ClassifiedIssue, location: TaskDefinitionLocation | undefined): string {
  const lines = [`**${escapeMarkdown(issue.title)}**`, '', `> ${escapeMarkdown(issue.text)}`, ''];
  if (issue.taskDefinition) {
    lines.push(`Task definition: \`${issue.taskDefinition.reference}\`${location ? ` (defined in ${escapeMarkdown(location.displayPath)})` : ''}`, '');
  }
  lines.push('What to do:', '', ...issue.steps.map((step, index) => `${index + 1}. ${escapeMarkdown(step)}`));
  return lines.join('\n');
}

function singleLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_LABEL_LENGTH ? `${line.slice(0, MAX_LABEL_LENGTH - 1)}…` : line;
}
