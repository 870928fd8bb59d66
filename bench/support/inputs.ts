import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus');

export interface NamedText {
  readonly name: string;
  readonly text: string;
}

/** The real public task definitions in ../shared/corpus. Missing, the benchmark stops: its figures would mean nothing. */
export function loadCorpus(dir = CORPUS_DIR): NamedText[] {
  if (!fs.existsSync(dir)) throw new Error(`the corpus is missing: ${dir} does not exist (the benchmark measures ECS Guard on it; check out ../shared next to the repository)`);
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json') && name !== 'MANIFEST.json')
    .sort();
  if (files.length === 0) throw new Error(`the corpus is empty: no task definition in ${dir}`);
  return files.map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

/** One container as users write them: a realistic mix of the properties the rules look at. */
function container(i: number): Record<string, unknown> {
  return {
    name: `app-${i}`,
    image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/app-${i}:1.4.${i}`,
    essential: i === 0,
    cpu: 128,
    memory: 256,
    privileged: i % 7 === 3,
    portMappings: [{ containerPort: 8080 + i, protocol: 'tcp' }],
    environment: [
      { name: 'STAGE', value: 'production' },
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'FEATURE_FLAGS', value: 'search,checkout' },
    ],
    logConfiguration: {
      logDriver: 'awslogs',
      options: { 'awslogs-group': `/ecs/app-${i}`, 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' },
    },
    healthCheck: { command: ['CMD-SHELL', `curl -f http://localhost:${8080 + i}/health || exit 1`], interval: 30, retries: 3 },
  };
}

/** A Fargate task definition of about `bytes` bytes, pretty-printed as files are; each container as above. */
export function taskDefinitionOfSize(bytes: number): string {
  const task = {
    family: 'bench',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '1024',
    memory: '2048',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: [] as unknown[],
  };
  const render = (count: number) => {
    task.containerDefinitions = Array.from({ length: count }, (_, i) => container(i));
    return `${JSON.stringify(task, null, 2)}\n`;
  };
  // The largest container count whose text stays within `bytes` (at least one container).
  const perContainer = render(2).length - render(1).length;
  let count = Math.max(1, Math.floor((bytes - render(0).length) / perContainer));
  while (count > 1 && render(count).length > bytes) count--;
  return render(count);
}

export interface Inputs {
  readonly corpus: NamedText[];
  /** About 2 KB (two containers), the size of most real task definitions. */
  readonly typical: string;
  /** 64 KiB: the largest task definition ECS accepts. */
  readonly max64k: string;
  /** Stress: describe output and concatenated templates are opened too. */
  readonly oneMb: string;
  readonly fiveMb: string;
  /** A 1 MB CloudFormation YAML template made of the corpus templates: multi-resource templates as teams keep them. */
  readonly oneMbTemplate: string;
}

export function benchmarkInputs(): Inputs {
  return {
    corpus: loadCorpus(),
    typical: taskDefinitionOfSize(2560),
    max64k: taskDefinitionOfSize(64 * 1024),
    oneMb: taskDefinitionOfSize(1024 * 1024),
    fiveMb: taskDefinitionOfSize(5 * 1024 * 1024),
    oneMbTemplate: templateOfSize(1024 * 1024),
  };
}

/** `"privileged": false` ↔ `true` in the first container that has it: an edit that changes the findings. */
export function togglePrivileged(text: string): { offset: number; length: number; insert: string } {
  const match = /"privileged": (true|false)/.exec(text);
  if (!match) throw new Error('no "privileged" property to edit');
  const valueOffset = match.index + '"privileged": '.length;
  return { offset: valueOffset, length: match[1].length, insert: match[1] === 'true' ? 'false' : 'true' };
}

const CLOUDFORMATION_DIR = path.join(CORPUS_DIR, 'cloudformation');
/** The sections of a template whose entries are named by logical ids (or parameter, condition, mapping names). */
const NAMED_SECTIONS = ['Parameters', 'Mappings', 'Conditions', 'Resources'] as const;

/**
 * A multi-resource CloudFormation YAML template of at least `bytes` bytes, as teams keep them: the real YAML
 * templates of ../shared/corpus/cloudformation copied over and over into one, each copy's names (logical ids,
 * parameters, conditions, mappings) and the references to them suffixed (`TaskDefinitionC7`, `!Ref 'ServiceNameC7'`),
 * comments, tags, flow and block styles kept as written.
 */
export function templateOfSize(bytes: number, dir = CLOUDFORMATION_DIR): string {
  if (!fs.existsSync(dir)) throw new Error(`the CloudFormation corpus is missing: ${dir} does not exist`);
  const templates = fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => templateSections(fs.readFileSync(path.join(dir, name), 'utf8')));
  const bodies: Record<(typeof NAMED_SECTIONS)[number], string[]> = { Parameters: [], Mappings: [], Conditions: [], Resources: [] };
  const render = () => [`AWSTemplateFormatVersion: '2010-09-09'`, ...NAMED_SECTIONS.filter((name) => bodies[name].length > 0).map((name) => `${name}:\n${bodies[name].join('\n')}`)].join('\n') + '\n';
  let size = 0;
  for (let copy = 0; size < bytes; copy++) {
    for (const sections of templates) {
      const names = NAMED_SECTIONS.flatMap((name) => sections[name]?.names ?? []);
      // A name as a value or reference (`!Ref 'X'`, `${X}`, `X.Arn`), not as a key nor inside `AWS::ECS::X`.
      const reference = names.length > 0 ? new RegExp(`(?<![\\w:.-])(${names.join('|')})(?![\\w-]|:(?:\\s|$))`, 'g') : undefined;
      const ids = new RegExp(`^( {2})(${names.join('|')}):`, 'gm');
      for (const name of NAMED_SECTIONS) {
        const section = sections[name];
        if (!section) continue;
        let body = section.body;
        if (reference) body = body.replace(reference, `$1C${copy}`);
        if (names.length > 0) body = body.replace(ids, `$1$2C${copy}:`);
        bodies[name].push(body);
        size += body.length + 1;
      }
    }
  }
  return render();
}

/** A template's named sections: each one's body re-indented to two spaces per level, and the names it defines. */
function templateSections(text: string): Partial<Record<(typeof NAMED_SECTIONS)[number], { body: string; names: string[] }>> {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const sections: Partial<Record<(typeof NAMED_SECTIONS)[number], { body: string; names: string[] }>> = {};
  for (let i = 0; i < lines.length; i++) {
    const name = /^(\w+):\s*$/.exec(lines[i])?.[1] as (typeof NAMED_SECTIONS)[number] | undefined;
    if (!name || !NAMED_SECTIONS.includes(name)) continue;
    let end = i + 1;
    while (end < lines.length && !/^[^\s#]/.test(lines[end])) end++;
    const body = lines.slice(i + 1, end);
    const indent = Math.min(...body.filter((line) => /^ +[^\s#]/.test(line)).map((line) => line.length - line.trimStart().length));
    const shifted = body.map((line) => (line.trim() === '' ? '' : line.length - line.trimStart().length >= indent ? '  ' + line.slice(indent) : '  ' + line.trimStart()));
    while (shifted.length > 0 && shifted[shifted.length - 1] === '') shifted.pop();
    const names = shifted.flatMap((line) => /^ {2}(\w+):/.exec(line)?.[1] ?? []);
    sections[name] = { body: shifted.join('\n'), names };
  }
  return sections;
}
