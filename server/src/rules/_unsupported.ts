import { JSONPath, Node } from 'jsonc-parser';
import { arrayItems, booleanValue, childValue, isPlaceholderNode, keyOf, nodeAt, pathOf, stringValue } from '../document/json';
import { describePlatform, isFargate, isWindows, platform, Platform } from '../document/facts';
import { removeValue } from '../document/jsonEdit';
import { ContainerView, ObjectView, TaskDefinitionDocument } from '../document/taskDefinition';
import { FixData, FixProposal, RuleContext } from './rule';

/**
 * The one answer to "what does ECS not take on Fargate, or for Windows containers?": the task definition parameters
 * the ECS documentation marks so, one row per parameter, each with the page that says so. A row is looked up by launch
 * type and operating system: `where` is Fargate (every OS) or Windows (every launch type), and a row can narrow
 * itself to one OS (`os`), or read it (`find`), for what the documentation says of Windows containers on Fargate.
 * fargate-unsupported-parameter and windows-unsupported-parameter report what the table finds, except the values
 * another rule reports itself (`reportedBy`): a value a Security Hub control also fails (pidMode host, privileged, host
 * network mode), or the network mode on Fargate, which has a rule of its own. Those rules ask the table (`reportControlFinding`) and say both facts
 * in one finding, so no value gets two findings for one problem; with those rules turned off the unsupported-parameter
 * rules report it, so turning off a control never hides what ECS rejects. Each rule's docs page lists the rows with
 * their sources.
 */

/** The AWS pages the facts come from. */
const SOURCES = {
  fargate: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html',
  containerDefinition: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html',
  linuxParameters: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html',
  taskDefinition: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinition.html',
  taskNetworking: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html',
  runtimePlatform: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RuntimePlatform.html',
  hostVolume: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HostVolumeProperties.html',
  systemControl: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_SystemControl.html',
} as const;

/** Whose list a row is on: Fargate's (the task requires FARGATE, any OS) or Windows' (a Windows task, any launch type). */
type Where = 'fargate' | 'windows';

/** What a row is asked: the list, and the task's operating system, which decides some Fargate facts. */
interface Lookup {
  readonly where: Where;
  readonly platform: Platform;
}

/** One parameter's value that ECS does not take somewhere. */
interface Unsupported {
  /** The node to report: the value that is not supported. */
  readonly node: Node;
  /** How the message names it: `"links"`, `"linuxParameters.devices"`, `"hostPort" 8080`. */
  readonly subject: string;
  /** What ECS takes instead, when it takes anything: ends the message before the advice. */
  readonly instead?: string;
  /** Where the fix removes from; undefined when there is nothing sensible to remove. */
  readonly remove?: JSONPath;
  /** The container it is in; undefined at task level. */
  readonly container?: ContainerView;
  /**
   * The rules that report this value, saying why ECS does not take it, in order of preference: the first one the
   * user has not turned off reports it; none (or all off): the unsupported-parameter rules do.
   */
  readonly reportedBy?: readonly string[];
}

interface Row {
  readonly scope: 'task' | 'container';
  /** Below the task or container object. */
  readonly path: readonly string[];
  readonly where: readonly Where[];
  /** Only on a task of this operating system ("not supported for Windows containers on Fargate"); any by default. */
  readonly os?: 'windows';
  /** The AWS page that says so (the rule's docs page cites it too). */
  readonly source: string;
  /** The values ECS does not take; by default any value that sets something (not null, false, "", [] or {}). */
  readonly find?: (node: Node, lookup: Lookup) => Unsupported[];
}

/** The rows, in the order of the ECS parameter reference. */
const ROWS: readonly Row[] = [
  // Task level.
  { scope: 'task', path: ['networkMode'], where: ['fargate'], source: SOURCES.fargate, find: fargateNetworkMode },
  { scope: 'task', path: ['networkMode'], where: ['windows'], source: SOURCES.taskNetworking, find: windowsNetworkMode },
  { scope: 'task', path: ['runtimePlatform', 'cpuArchitecture'], where: ['windows'], source: SOURCES.runtimePlatform, find: windowsArchitecture },
  { scope: 'task', path: ['pidMode'], where: ['fargate', 'windows'], source: SOURCES.taskDefinition, find: pidMode },
  { scope: 'task', path: ['ipcMode'], where: ['fargate', 'windows'], source: SOURCES.taskDefinition },
  { scope: 'task', path: ['placementConstraints'], where: ['fargate'], source: SOURCES.fargate },
  { scope: 'task', path: ['volumes', '*', 'dockerVolumeConfiguration'], where: ['fargate'], source: SOURCES.fargate, find: dockerVolume },
  { scope: 'task', path: ['volumes', '*', 'host', 'sourcePath'], where: ['fargate'], source: SOURCES.hostVolume, find: hostSourcePath },
  // Container level. `user` is the Security Hub rules'; a hostPort is host-port-mismatch's (it follows the network mode).
  { scope: 'container', path: ['links'], where: ['fargate', 'windows'], source: SOURCES.containerDefinition },
  { scope: 'container', path: ['hostname'], where: ['fargate'], source: SOURCES.containerDefinition },
  { scope: 'container', path: ['linuxParameters'], where: ['windows'], source: SOURCES.containerDefinition },
  { scope: 'container', path: ['linuxParameters', 'capabilities', 'add', '*'], where: ['fargate'], source: SOURCES.fargate, find: fargateCapability },
  { scope: 'container', path: ['linuxParameters', 'devices'], where: ['fargate'], source: SOURCES.linuxParameters },
  { scope: 'container', path: ['linuxParameters', 'sharedMemorySize'], where: ['fargate'], source: SOURCES.linuxParameters },
  { scope: 'container', path: ['linuxParameters', 'tmpfs'], where: ['fargate'], source: SOURCES.linuxParameters },
  { scope: 'container', path: ['linuxParameters', 'maxSwap'], where: ['fargate'], source: SOURCES.linuxParameters },
  { scope: 'container', path: ['linuxParameters', 'swappiness'], where: ['fargate'], source: SOURCES.linuxParameters },
  { scope: 'container', path: ['privileged'], where: ['fargate', 'windows'], source: SOURCES.containerDefinition, find: privileged },
  { scope: 'container', path: ['disableNetworking'], where: ['fargate', 'windows'], source: SOURCES.containerDefinition },
  { scope: 'container', path: ['readonlyRootFilesystem'], where: ['windows'], source: SOURCES.containerDefinition },
  { scope: 'container', path: ['dnsServers'], where: ['fargate', 'windows'], source: SOURCES.containerDefinition },
  { scope: 'container', path: ['dnsSearchDomains'], where: ['fargate', 'windows'], source: SOURCES.containerDefinition },
  { scope: 'container', path: ['extraHosts'], where: ['fargate', 'windows'], source: SOURCES.containerDefinition },
  { scope: 'container', path: ['dockerSecurityOptions'], where: ['fargate'], source: SOURCES.fargate },
  { scope: 'container', path: ['dockerSecurityOptions', '*'], where: ['windows'], source: SOURCES.containerDefinition, find: windowsSecurityOption },
  { scope: 'container', path: ['ulimits'], where: ['windows'], source: SOURCES.containerDefinition },
  { scope: 'container', path: ['systemControls'], where: ['windows'], source: SOURCES.containerDefinition },
  { scope: 'container', path: ['systemControls'], where: ['fargate'], os: 'windows', source: SOURCES.systemControl, find: onlyLinuxOnFargate },
  { scope: 'container', path: ['resourceRequirements', '*'], where: ['fargate'], source: SOURCES.fargate, find: gpu },
];

/** The table's facts for one place, for the docs test: which parameter, and the page that says ECS does not take it. */
export function unsupportedParameterFacts(where: Where): { readonly parameter: string; readonly source: string }[] {
  return ROWS.filter((row) => row.where.includes(where)).map((row) => ({ parameter: row.path.filter((segment) => segment !== '*').join('.'), source: row.source }));
}

/** Every value of the task that ECS does not take `where`, in document order; answered once per task definition. */
export function unsupportedParameters(doc: TaskDefinitionDocument, where: Where): readonly Unsupported[] {
  return ANSWERS[where](doc).all;
}

/**
 * For a rule that reports a value itself (`reportedBy`): whether ECS takes it on this task, by the table. `fargate`
 * when the task requires Fargate and Fargate does not take it; `windows` when this is a Windows task and Windows
 * containers do not support it.
 */
export function notTakenBy(doc: TaskDefinitionDocument, node: Node): { readonly fargate?: Unsupported; readonly windows?: Unsupported } {
  return {
    fargate: isFargate(doc) ? ANSWERS.fargate(doc).byNode.get(node) : undefined,
    windows: isWindows(doc) ? ANSWERS.windows(doc).byNode.get(node) : undefined,
  };
}

/** What a Security Hub control's rule says of a value ECS does not take everywhere, by where the task runs. */
export interface ControlMessages {
  /** On Fargate, which rejects the value: the finding is an error. */
  readonly fargate: string;
  /** On Windows elsewhere, which does not support it. */
  readonly windows: string;
  /** Everywhere else: the control's own concern. */
  readonly elsewhere: string;
}

/**
 * The one finding a control's rule gives a value the table lists: an error where Fargate rejects it, the Windows
 * message where Windows does not support it, the control's message elsewhere; the same fix in every case.
 * `messages` is given the table's answer for the value.
 */
export function reportControlFinding(context: Pick<RuleContext, 'doc' | 'reportAt'>, node: Node, fix: FixData, messages: (notTaken: ReturnType<typeof notTakenBy>) => ControlMessages): void {
  const notTaken = notTakenBy(context.doc, node);
  const said = messages(notTaken);
  if (notTaken.fargate) context.reportAt(node, said.fargate, fix, 'error');
  else context.reportAt(node, notTaken.windows ? said.windows : said.elsewhere, fix);
}

interface Answer {
  readonly all: readonly Unsupported[];
  readonly byNode: ReadonlyMap<Node, Unsupported>;
}

function answer(doc: TaskDefinitionDocument, where: Where): Answer {
  const { task: taskRows, container: containerRows } = ROWS_BY_KEY[where];
  const lookup: Lookup = { where, platform: platform(doc) };
  const found: Unsupported[] = [];
  if (doc.task) check(doc.task, taskRows, lookup, found, undefined);
  for (const container of doc.containers) check(container, containerRows, lookup, found, container);
  found.sort((a, b) => a.node.offset - b.node.offset);
  return { all: found, byNode: new Map(found.map((each) => [each.node, each])) };
}

/** Several rules ask about one task definition (a document's analysis does not change): the table is read once per place. */
function memoizedAnswer(where: Where): (doc: TaskDefinitionDocument) => Answer {
  const answers = new WeakMap<TaskDefinitionDocument, Answer>();
  return (doc) => {
    let found = answers.get(doc);
    if (!found) answers.set(doc, (found = answer(doc, where)));
    return found;
  };
}

const ANSWERS: Record<Where, (doc: TaskDefinitionDocument) => Answer> = { fargate: memoizedAnswer('fargate'), windows: memoizedAnswer('windows') };

/** The rows of one scope by their first key, so each object's properties are read once (a task can have thousands of containers). */
function rowsByKey(where: Where, scope: Row['scope']): Map<string, Row[]> {
  const byKey = new Map<string, Row[]>();
  for (const row of ROWS) {
    if (row.scope === scope && row.where.includes(where)) byKey.set(row.path[0], [...(byKey.get(row.path[0]) ?? []), row]);
  }
  return byKey;
}

const ROWS_BY_KEY: Record<Where, Record<Row['scope'], Map<string, Row[]>>> = {
  fargate: { task: rowsByKey('fargate', 'task'), container: rowsByKey('fargate', 'container') },
  windows: { task: rowsByKey('windows', 'task'), container: rowsByKey('windows', 'container') },
};

function check(object: ObjectView, byKey: Map<string, Row[]>, lookup: Lookup, found: Unsupported[], container: ContainerView | undefined): void {
  for (const property of object.node.children ?? []) {
    const key = property.children?.[0]?.value;
    const value = property.children?.[1];
    const rows = typeof key === 'string' ? byKey.get(key) : undefined;
    if (!rows || !value) continue;
    // A repeated key: the last one wins, as in JSON.parse.
    if (object.get(key as string) !== value) continue;
    for (const row of rows) {
      if (row.os && row.os !== lookup.platform.os) continue;
      for (const node of matching(value, row.path, 1)) {
        if (node.type === 'null' || isPlaceholderNode(node)) continue;
        const unsupported = row.find ? row.find(node, lookup) : setsSomething(node) ? [{ node, subject: subjectOf(row.path), remove: pathOf(node) }] : [];
        for (const each of unsupported) found.push({ ...each, container });
      }
    }
  }
}

/** `"links"`, `"sharedMemorySize" of "linuxParameters"`: single quoted words, which a template's wording can respell. */
function subjectOf(path: readonly string[]): string {
  const [first, ...rest] = path;
  return rest.length ? `"${rest[rest.length - 1]}" of "${first}"` : `"${first}"`;
}

/** The nodes at `path` (from segment `from` on) below a node; `*` is every item of an array. */
function matching(root: Node, path: readonly string[], from: number): Node[] {
  let nodes = [root];
  for (let i = from; i < path.length && nodes.length > 0; i++) {
    const segment = path[i];
    const next: Node[] = [];
    for (const node of nodes) {
      if (segment === '*') {
        for (const item of arrayItems(node)) next.push(item);
      } else {
        const child = node.type === 'object' ? childValue(node, segment) : undefined;
        if (child !== undefined) next.push(child);
      }
    }
    nodes = next;
  }
  return nodes;
}

/** `false`, `""`, `[]` and `{}` ask for nothing, so ECS has nothing to reject; other types are value-type's. */
function setsSomething(node: Node): boolean {
  switch (node.type) {
    case 'boolean':
      return node.value === true;
    case 'string':
      return node.value !== '';
    case 'array':
    case 'object':
      return (node.children ?? []).length > 0;
    default:
      return true;
  }
}

/**
 * Fargate takes only `awsvpc`. fargate-network-mode reports the other modes (and a missing one), host-network-mode
 * the host mode, which Security Hub ECS.17 also fails. Case variants such as "AWSVPC" are value-type's.
 */
function fargateNetworkMode(node: Node): Unsupported[] {
  const value = stringValue(node);
  if (value === undefined || value.trim().toLowerCase() === 'awsvpc') return [];
  return [
    { node, subject: `"networkMode": "${value}"`, instead: 'Fargate takes only "awsvpc"', reportedBy: value === 'host' ? ['host-network-mode', 'fargate-network-mode'] : ['fargate-network-mode'] },
  ];
}

/** Windows on EC2 takes `awsvpc` or no network mode (Docker's NAT network); bridge, host and none are Linux modes. */
function windowsNetworkMode(node: Node): Unsupported[] {
  const value = stringValue(node);
  if (value === undefined || !['bridge', 'host', 'none'].includes(value)) return [];
  return [
    {
      node,
      subject: `"networkMode": "${value}"`,
      instead: 'Windows containers use "awsvpc", or no networkMode for the default NAT network',
      remove: pathOf(node),
      ...(value === 'host' && { reportedBy: ['host-network-mode'] }),
    },
  ];
}

/** ARM64 is for Linux tasks; Windows containers run on X86_64. */
function windowsArchitecture(node: Node): Unsupported[] {
  if (stringValue(node) !== 'ARM64') return [];
  return [{ node, subject: '"cpuArchitecture": "ARM64"', instead: 'Windows containers run on "X86_64"', remove: pathOf(node) }];
}

/**
 * Fargate takes `"pidMode": "task"` on Linux only (platform 1.4.0 or later): "This isn't supported for Windows
 * containers on Fargate"; Windows takes no pidMode at all. The host mode is pid-mode-host's to report, since Security
 * Hub ECS.3 fails it too.
 */
function pidMode(node: Node, { where, platform }: Lookup): Unsupported[] {
  const value = stringValue(node);
  if (value === undefined) return [];
  const reportedBy = value === 'host' ? { reportedBy: ['pid-mode-host'] } : {};
  if (where === 'windows') return [{ node, subject: `"pidMode": "${value}"`, remove: pathOf(node), ...reportedBy }];
  if (value === 'host') {
    const instead = platform.os === 'windows' ? `Fargate takes only "task", for Linux containers only, and this is ${describePlatform(platform)}` : 'Fargate takes only "task"';
    return [{ node, subject: '"pidMode": "host"', instead, remove: pathOf(node), ...reportedBy }];
  }
  if (platform.os !== 'windows') return [];
  return [{ node, subject: `"pidMode": "${value}"`, instead: linuxOnlyOnFargate(platform), remove: pathOf(node) }];
}

/** A parameter Fargate takes for Linux containers only: "This isn't supported for Windows containers on Fargate". */
function onlyLinuxOnFargate(node: Node, { platform }: Lookup): Unsupported[] {
  if (!setsSomething(node)) return [];
  const key = keyOf(node)?.value as string;
  return [{ node, subject: `"${key}"`, instead: linuxOnlyOnFargate(platform), remove: pathOf(node) }];
}

function linuxOnlyOnFargate(platform: Platform): string {
  return `Fargate takes it for Linux containers only, and this is ${describePlatform(platform)}`;
}

/** Neither Fargate nor Windows containers run privileged; privileged-container reports it, since Security Hub ECS.4 fails it too. */
function privileged(node: Node): Unsupported[] {
  if (booleanValue(node) !== true) return [];
  return [{ node, subject: '"privileged": true', reportedBy: ['privileged-container'] }];
}

/** Fargate lets a container add one capability, SYS_PTRACE (written with or without the CAP_ prefix). */
function fargateCapability(node: Node): Unsupported[] {
  const value = stringValue(node);
  if (value === undefined || value.toUpperCase().replace(/^CAP_/, '') === 'SYS_PTRACE') return [];
  return [{ node, subject: `adding the capability "${value}"`, instead: 'Fargate adds only "SYS_PTRACE"', remove: pathOf(node) }];
}

/** Windows takes only `credentialspec:` entries (gMSA); SELinux, AppArmor and no-new-privileges are Linux options. */
function windowsSecurityOption(node: Node): Unsupported[] {
  const value = stringValue(node);
  if (value === undefined || value.toLowerCase().startsWith('credentialspec:')) return [];
  return [{ node, subject: `"${value}" in "dockerSecurityOptions"`, instead: 'Windows containers take only "credentialspec:" entries', remove: pathOf(node) }];
}

/** Fargate tasks have bind mounts and EFS volumes, not Docker volumes. */
function dockerVolume(node: Node): Unsupported[] {
  if (!setsSomething(node)) return [];
  const name = stringValue(childValue(node.parent?.parent, 'name'));
  return [{ node, subject: `"dockerVolumeConfiguration"${name ? ` of volume "${name}"` : ''}`, instead: 'use a bind mount or an Amazon EFS volume', remove: pathOf(node) }];
}

/** A Fargate bind mount lives in the task's own storage; there is no host path to name. */
function hostSourcePath(node: Node): Unsupported[] {
  if (!setsSomething(node)) return [];
  const name = stringValue(childValue(node.parent?.parent?.parent?.parent, 'name'));
  return [{ node, subject: `"sourcePath"${name ? ` of volume "${name}"` : ''}`, instead: 'a Fargate bind mount is a volume with only a "name"', remove: pathOf(node) }];
}

/** GPUs are reserved on EC2 GPU instances; Fargate has none. */
function gpu(node: Node): Unsupported[] {
  const type = childValue(node, 'type');
  if (stringValue(type) !== 'GPU') return [];
  return [{ node: type!, subject: 'a GPU in "resourceRequirements"', remove: pathOf(node) }];
}

/**
 * What an unsupported-parameter rule reports: each value the table finds `where`, except one another rule reports
 * (unless the user turned it off) or `leftTo` leaves to another, on its key when the value is long, with the fix
 * that removes it. `message` gets the subject, capitalised, and ` (what ECS takes instead)` or "".
 */
export function reportUnsupported(context: RuleContext, where: Where, message: (subject: string, instead: string) => string, leftTo?: (found: Unsupported) => boolean): void {
  for (const found of unsupportedParameters(context.doc, where)) {
    if (found.reportedBy?.some(context.reports) || leftTo?.(found)) continue;
    context.reportAt(reportNode(found.node), message(describeUnsupported(found), found.instead ? ` (${found.instead})` : ''), found.remove && { remove: found.remove });
  }
}

/** Long values (a list of links, a linuxParameters object) are reported on their key. */
function reportNode(node: Node): Node {
  const key = node.type === 'array' || node.type === 'object' ? keyOf(node) : undefined;
  return key ?? node;
}

/** `"links" in container "web"`, `"ipcMode"`: the subject of a message, capitalised. */
function describeUnsupported(found: Unsupported): string {
  const subject = found.subject[0].toUpperCase() + found.subject.slice(1);
  return found.container ? `${subject} in container ${found.container.label}` : subject;
}

/** Fix payload `{ remove: <path> }`: delete that value (a property, or an array item), if it is still there. */
export function removeFix(fix: FixData, doc: TaskDefinitionDocument): FixProposal[] {
  const path = fix.remove;
  if (!Array.isArray(path) || path.length === 0 || !path.every((segment) => typeof segment === 'string' || typeof segment === 'number')) return [];
  const node = nodeAt(doc.parsed.root, path as JSONPath);
  if (!node) return [];
  const last = path[path.length - 1];
  const list = path[path.length - 2];
  const title = typeof last === 'string' ? `Remove "${last}"` : node.type === 'string' ? `Remove "${node.value as string}" from "${String(list)}"` : `Remove item ${last + 1} of "${String(list)}"`;
  // Registering needs it gone, but dropping the launch type or the platform would do too: the user decides.
  return [{ title, edits: [removeValue(path as JSONPath)], safe: false, preferred: true }];
}
