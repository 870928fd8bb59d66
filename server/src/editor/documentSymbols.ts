import { Node } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver-types';
import { arrayItems, childValue, propertyOf, stringValue } from '../document/json';
import { ContainerView, ObjectView } from '../document/taskDefinition';
import { Analysis } from '../service/analysis';

const VOLUME_KINDS = ['efsVolumeConfiguration', 'fsxWindowsFileServerVolumeConfiguration', 'dockerVolumeConfiguration', 'host'] as const;

/**
 * The outline: the task (named by its family) with one child per container (image as detail),
 * plus runtimePlatform and volumes where present. A bare container array lists its containers.
 */
export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const taskDefinition = analysis.taskDefinition;
  // A template's outline is the JSON or YAML extension's (with the AWS Toolkit's); a second one would only repeat it.
  if (!taskDefinition || taskDefinition.template) return [];
  const { document } = analysis;
  const containers = taskDefinition.containers.map((container) => containerSymbol(document, container));
  const task = taskDefinition.task;
  if (!task) return containers;
  const familyNode = task.get('family');
  // In describe output the task object is the value of "taskDefinition": the symbol spans the property.
  const outer = task.node.parent?.type === 'property' ? task.node.parent : task.node;
  return [
    {
      name: stringValue(familyNode) || 'task definition',
      detail: taskDetail(task),
      kind: SymbolKind.Module,
      range: rangeOf(document, outer),
      selectionRange: rangeOf(document, familyNode ?? task.anchor),
      children: [...containers, ...runtimePlatformSymbol(document, task), ...volumesSymbol(document, task)],
    },
  ];
}

function containerSymbol(document: TextDocument, container: ContainerView): DocumentSymbol {
  const nameNode = container.get('name');
  return {
    name: stringValue(nameNode) || `container ${container.label}`,
    detail: stringValue(container.get('image')),
    kind: SymbolKind.Class,
    range: rangeOf(document, container.node),
    selectionRange: rangeOf(document, nameNode ?? container.anchor),
  };
}

function taskDetail(task: ObjectView): string | undefined {
  const launchTypes = arrayItems(task.get('requiresCompatibilities'))
    .map(stringValue)
    .filter((value): value is string => value !== undefined);
  const cpu = scalarText(task.get('cpu'));
  const memory = scalarText(task.get('memory'));
  const size = cpu || memory ? `cpu ${cpu ?? '?'} / memory ${memory ?? '?'}` : undefined;
  const parts = [launchTypes.join(', '), size].filter((part) => part);
  return parts.length ? parts.join(' · ') : undefined;
}

function runtimePlatformSymbol(document: TextDocument, task: ObjectView): DocumentSymbol[] {
  const property = propertyOf(task.node, 'runtimePlatform');
  if (!property?.children?.[0]) return [];
  const value = property.children[1];
  const detail = [childValue(value, 'operatingSystemFamily'), childValue(value, 'cpuArchitecture')]
    .map(stringValue)
    .filter((part) => part)
    .join(' / ');
  return [{ name: 'runtimePlatform', detail: detail || undefined, kind: SymbolKind.Property, range: rangeOf(document, property), selectionRange: rangeOf(document, property.children[0]) }];
}

function volumesSymbol(document: TextDocument, task: ObjectView): DocumentSymbol[] {
  const property = propertyOf(task.node, 'volumes');
  if (!property?.children?.[0]) return [];
  const volumes = arrayItems(property.children[1]).flatMap((volume, index) => {
    if (volume.type !== 'object') return [];
    const nameNode = childValue(volume, 'name');
    const kind = VOLUME_KINDS.find((key) => propertyOf(volume, key));
    const symbol: DocumentSymbol = {
      name: stringValue(nameNode) || `volume #${index + 1}`,
      detail: kind,
      kind: SymbolKind.Object,
      range: rangeOf(document, volume),
      selectionRange: rangeOf(document, nameNode ?? volume),
    };
    return [symbol];
  });
  return [{ name: 'volumes', kind: SymbolKind.Array, range: rangeOf(document, property), selectionRange: rangeOf(document, property.children[0]), children: volumes }];
}

function scalarText(node: Node | undefined): string | undefined {
  return node?.type === 'string' || node?.type === 'number' ? String(node.value) : undefined;
}

function rangeOf(document: TextDocument, node: Node): Range {
  return { start: document.positionAt(node.offset), end: document.positionAt(node.offset + node.length) };
}
