import { JSONPath, Node } from 'jsonc-parser';
import { childValue, isPlaceholderNode, pathOf } from '../document/json';
import { CONTAINER_FIELDS, FieldSpec, FieldTree, fieldTree, TASK_FIELDS, walkFields } from '../document/schema';
import { ContainerView } from '../document/taskDefinition';
import { parseCpuUnits, parseMemoryMiB } from '../document/units';
import { setValue } from '../document/jsonEdit';
import { replacement } from './_fix';
import { FixData, Rule } from './rule';

/*
 * Fix payload: `{ replaceWith: <JSON value> }` replaces the reported value with that value
 * (a string, number, boolean, or for name/value lists an object or array).
 */

interface Problem {
  readonly message: string;
  readonly fix?: FixData;
}

const TASK_TREE = fieldTree(TASK_FIELDS);
const CONTAINER_TREE = fieldTree(CONTAINER_FIELDS);

export const valueType: Rule = {
  meta: {
    id: 'value-type',
    title: 'Values must have the JSON type and spelling the ECS API accepts',
    defaultSeverity: 'error',
    enforces: { source: 'ecs-api', requirement: 'RegisterTaskDefinition rejects values of the wrong JSON type and unknown enumeration values' },
  },
  check({ doc, reportAt }) {
    const invented = inventedByRecovery(doc.parsed.syntaxErrors);
    const text = doc.parsed.text;
    // Per object only what a problem needs: most objects have none, and this runs for every container of every file.
    const checkScope = (root: Node, tree: FieldTree, container: ContainerView | undefined) => {
      let found: { index: number; node: Node; problem: Problem }[] | undefined;
      const subject = (node: Node) => subjectOf(pathOf(node).slice(pathOf(root).length), node, container);
      // One walk of the object's properties for every field of the table.
      walkFields(root, tree, (spec, index, node) => {
        // null is how describe output and generators say "unset"; a placeholder is unknown; json-syntax reports text that is not JSON.
        if (node.type === 'null') return;
        const problem = problemOf(spec, node, text, subject);
        if (problem && !isPlaceholderNode(node) && !invented?.(node)) (found ??= []).push({ index, node, problem });
      });
      if (!found) return;
      // In the table's order, as a scan field by field would report them.
      found.sort((a, b) => a.index - b.index);
      for (const { node, problem } of found) reportAt(node, problem.message, problem.fix);
    };
    if (doc.task) checkScope(doc.task.node, TASK_TREE, undefined);
    for (const container of doc.containers) checkScope(container.node, CONTAINER_TREE, container);
  },
  // The same value, written with the type or spelling the API takes.
  fixes(fix, { path }) {
    const replace = replacement(fix);
    if (!replace) return [];
    return [{ title: replacementTitle(path, replace.value), edits: [setValue(path, replace.value)], safe: true, preferred: true }];
  },
};

/**
 * Where the text is not JSON (an unquoted `${fargate_cpu}`), the error-tolerant parse makes up a value (here the
 * object `{fargate_cpu}`): a value with a syntax error inside it or right before it is not the user's. Undefined
 * when the text has no syntax error, as most have.
 */
function inventedByRecovery(errors: readonly { readonly offset: number }[]): ((node: Node) => boolean) | undefined {
  if (errors.length === 0) return undefined;
  const sorted = errors.map((error) => error.offset).sort((a, b) => a - b);
  return (node) => {
    // The first error at or after the character before the node.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle] < node.offset - 1) low = middle + 1;
      else high = middle;
    }
    return low < sorted.length && sorted[low] < node.offset + node.length;
  };
}

/** How a message names a value: at task level by its path, in a container with the container's label. */
function subjectOf(relativePath: JSONPath, node: Node, container: ContainerView | undefined): string {
  if (!container) return `Task-level "${dotted(relativePath)}"`;
  const variable = environmentVariableName(relativePath, node);
  return variable !== undefined ? `Environment variable "${variable}" in container ${container.label}` : `"${dotted(relativePath)}" in container ${container.label}`;
}

function replacementTitle(path: JSONPath, value: unknown): string {
  const key = path[path.length - 1];
  const subject = typeof key === 'string' ? `"${key}"` : 'the value';
  if (Array.isArray(value)) return `Convert ${subject} to a list of name/value pairs`;
  if (value !== null && typeof value === 'object') return `Convert ${subject} to a name/value pair`;
  return `Change ${subject} to ${JSON.stringify(value)}`;
}

/** How a message names the value at a node, built only for a value that has a problem. */
type Subject = (node: Node) => string;

function problemOf(spec: FieldSpec, node: Node, text: string, subject: Subject): Problem | undefined {
  switch (spec.type) {
    case 'string':
      return spec.enum ? enumProblem(spec.enum, node, text, subject) : stringProblem(node, text, subject);
    case 'integer':
      return integerProblem(spec, node, text, subject);
    case 'boolean':
      return booleanProblem(node, text, subject);
    case 'array':
      return node.type === 'array' ? undefined : containerProblem(spec, node, text, subject(node), 'an array');
    case 'object':
      return node.type === 'object' ? undefined : containerProblem(spec, node, text, subject(node), 'an object');
  }
}

function stringProblem(node: Node, text: string, subject: Subject): Problem | undefined {
  if (node.type === 'string') return undefined;
  if (node.type === 'number' || node.type === 'boolean') {
    const written = raw(node, text);
    return { message: `${subject(node)} must be a string: write "${written}".`, fix: { replaceWith: written } };
  }
  return { message: `${subject(node)} must be a string, not ${describe(node, text)}.` };
}

function enumProblem(allowed: readonly string[], node: Node, text: string, subject: Subject): Problem | undefined {
  if (node.type === 'string') {
    const value = node.value as string;
    if (allowed.includes(value)) return undefined;
    const canonical = allowed.find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase());
    if (canonical) {
      return { message: `${subject(node)} must be "${canonical}", not "${value}": the values are case-sensitive.`, fix: { replaceWith: canonical } };
    }
  }
  return { message: `${subject(node)} must be one of ${listOf(allowed)}, not ${describe(node, text)}.` };
}

function integerProblem(spec: FieldSpec, node: Node, text: string, subject: Subject): Problem | undefined {
  if (node.type === 'number' && Number.isInteger(node.value)) return undefined;
  const expected = spec.unit === 'port' ? 'a port number' : spec.unit ? `a whole number of ${spec.unit}` : 'a whole number';
  if (node.type === 'number') {
    return Number.isInteger(node.value) ? undefined : { message: `${subject(node)} must be ${expected}, not ${raw(node, text)}.` };
  }
  if (node.type === 'string') {
    const value = node.value as string;
    if (/^\s*\d+\s*$/.test(value)) {
      const number = Number(value);
      return { message: `${subject(node)} must be a JSON number, not a string: write ${number} without quotes.`, fix: { replaceWith: number } };
    }
    // "1 GB" and "1 vCPU" are task-level spellings; the container fields take the plain number.
    const converted = spec.unit === 'MiB' ? parseMemoryMiB(value) : spec.unit === 'CPU units' ? parseCpuUnits(value) : undefined;
    if (converted !== undefined) {
      return { message: `${subject(node)} must be ${expected}: write ${converted} ("${value}" is accepted only at task level).`, fix: { replaceWith: converted } };
    }
  }
  return { message: `${subject(node)} must be ${expected}, not ${describe(node, text)}.` };
}

function booleanProblem(node: Node, text: string, subject: Subject): Problem | undefined {
  if (node.type === 'boolean') return undefined;
  const word = node.type === 'string' ? /^\s*(true|false)\s*$/i.exec(node.value as string)?.[1].toLowerCase() : undefined;
  if (word) {
    return { message: `${subject(node)} must be ${word} without quotes, not the string "${node.value as string}".`, fix: { replaceWith: word === 'true' } };
  }
  return { message: `${subject(node)} must be true or false, not ${describe(node, text)}.` };
}

/** An array or object of the wrong type; name/value lists written as a map or as "NAME=value" strings convert. */
function containerProblem(spec: FieldSpec, node: Node, text: string, subject: string, expected: string): Problem {
  const like = spec.example ? `, like ${spec.example}` : '';
  const message = `${subject} must be ${expected}${like}, not ${describe(node, text)}.`;
  const converted = spec.pairs ? convertPairs(spec.pairs, node, text) : undefined;
  return converted === undefined ? { message } : { message, fix: { replaceWith: converted } };
}

function convertPairs(pairs: NonNullable<FieldSpec['pairs']>, node: Node, text: string): unknown {
  const pair = (name: string, value: string) => ({ [pairs.nameKey]: name, [pairs.valueKey]: value });
  if (node.type === 'object') {
    const list: Record<string, string>[] = [];
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (!key || !value || !['string', 'number', 'boolean'].includes(value.type)) return undefined;
      list.push(pair(key.value as string, value.type === 'string' ? (value.value as string) : raw(value, text)));
    }
    return list;
  }
  const assignment = node.type === 'string' ? /^([^=\s]+)=(.*)$/s.exec(node.value as string) : null;
  return assignment ? pair(assignment[1], assignment[2]) : undefined;
}

/** `environment[2].value` → the variable's name, when it has a usable one. */
function environmentVariableName(path: JSONPath, node: Node): string | undefined {
  if (path.length !== 3 || path[0] !== 'environment' || path[2] !== 'value') return undefined;
  const nameNode = childValue(node.parent?.parent, 'name');
  return nameNode?.type === 'string' && (nameNode.value as string) !== '' ? (nameNode.value as string) : undefined;
}

/** `portMappings[0].protocol`, `runtimePlatform.operatingSystemFamily`. */
function dotted(path: JSONPath): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

function raw(node: Node, text: string): string {
  return text.slice(node.offset, node.offset + node.length);
}

function describe(node: Node, text: string): string {
  switch (node.type) {
    case 'string': {
      // Long values (a pasted certificate, a whole .env line) would drown the message.
      const quoted = raw(node, text);
      return `the string ${quoted.length > 40 ? `${quoted.slice(0, 36)}…"` : quoted}`;
    }
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    default:
      return raw(node, text);
  }
}

/** `"a", "b" or "c"`. */
function listOf(values: readonly string[]): string {
  const quoted = values.map((value) => `"${value}"`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}` : quoted.join('');
}
