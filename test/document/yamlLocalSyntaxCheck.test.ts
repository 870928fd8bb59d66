import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { editChanges } from '../../server/src/document/edits';
import { applyTextChanges, TextChange } from '../../server/src/document/jsonEdit';
import { changesKeepSyntax } from '../../server/src/document/localSyntaxCheck';
import { ParsedJson } from '../../server/src/document/parse';
import { parseYaml } from '../../server/src/document/yamlTree';
import { analyzeText } from '../../server/src/service/analysis';
import { fixProposals } from '../../server/src/service/fixes';
import { validate } from '../../server/src/service/validate';
import { caseText, fuzzCase, seedFiles } from '../reliability/fuzzHarness';

const TEMPLATE = `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Cpu: 256
      ContainerDefinitions:
        - Name: app
          Image: nginx # pinned later
          Privileged: true
          Environment:
            - Name: A
              Value: "1"
        - Name: sidecar
          Image: envoy
  Cluster:
    Type: AWS::ECS::Cluster
`;

const change = (text: string, from: string, content: string): TextChange => {
  const offset = text.indexOf(from);
  assert.ok(offset >= 0, `"${from}" is not in the text`);
  return { offset, length: from.length, content };
};
const insertAfter = (text: string, after: string, content: string): TextChange => ({ offset: change(text, after, '').offset + after.length, length: 0, content });
const parsed = parseYaml(TEMPLATE);

/** The plain verdict: whole new text parsed, no more errors than the old one had. */
function wholeVerdict(old: ParsedJson, changes: readonly TextChange[]): boolean {
  return parseYaml(applyTextChanges(old.text, changes)).syntaxErrors.length <= old.syntaxErrors.length;
}

describe('yamlChangesKeepSyntax: a fix to a YAML template checked on the edited block', () => {
  it('accepts a value replaced, a key added, an item appended and entries removed, as the YAML fixes make them', () => {
    const accepted: [string, TextChange[]][] = [
      ['a value replaced', [change(TEMPLATE, 'true', 'false')]],
      ['a key added after the last one of a container', [insertAfter(TEMPLATE, 'Value: "1"', '\n          User: "1000"')]],
      ['a key added to the task', [insertAfter(TEMPLATE, 'Cpu: 256', '\n      Memory: 512')]],
      ['an item appended to a sequence', [insertAfter(TEMPLATE, 'Image: envoy', '\n        - Name: agent\n          Image: x')]],
      ['the first key of the task removed with its line', [change(TEMPLATE, '\n      Cpu: 256', '')]],
      ['a middle key removed', [change(TEMPLATE, '\n          Privileged: true', '')]],
      ['two changes in one container', [change(TEMPLATE, 'nginx', '"nginx:1.27"'), insertAfter(TEMPLATE, 'Privileged: true', '\n          ReadonlyRootFilesystem: true')]],
    ];
    for (const [what, changes] of accepted) {
      assert.equal(changesKeepSyntax(parsed, changes), true, what);
      assert.ok(wholeVerdict(parsed, changes), what);
    }
  });

  it('cannot tell when the edited lines break or leave the block (the caller then parses everything)', () => {
    const undecided: [string, TextChange[]][] = [
      ['an unclosed quote', [change(TEMPLATE, '"1"', '"1')]],
      ['an unclosed flow sequence', [change(TEMPLATE, 'nginx', '[nginx')]],
      ['a line indented less than its block', [insertAfter(TEMPLATE, 'Image: envoy', '\n         User: x')]],
      ['a tab in the indentation', [insertAfter(TEMPLATE, 'Image: envoy', '\n\t  User: x')]],
      ['a lone carriage return', [insertAfter(TEMPLATE, 'Image: envoy', '\r          User: x')]],
      ['a change on the line before the block', [change(TEMPLATE, 'Properties:', 'Properties: x')]],
      ['a change at the root', [change(TEMPLATE, 'Resources:', 'Resources: ')]],
    ];
    for (const [what, changes] of undecided) assert.equal(changesKeepSyntax(parsed, changes), undefined, what);
  });

  it('cannot tell on a text with an error, with a %TAG directive, or for a sequence at its key’s column', () => {
    const broken = parseYaml(TEMPLATE.replace('Image: envoy', 'Image: "envoy'));
    assert.equal(changesKeepSyntax(broken, [change(broken.text, 'true', 'false')]), undefined);
    const directive = `%TAG !e! tag:example.com,2000:\n---\n${TEMPLATE}`;
    assert.equal(changesKeepSyntax(parseYaml(directive), [change(directive, 'true', 'false')]), undefined);
    // `Key:\n- a`: the sequence ends at the next key of its own column, so its lines alone say nothing of where it ends.
    const compact = `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
      - Name: app
        Image: nginx
      - Name: sidecar
        Image: envoy
      Cpu: 256
`;
    const compactParsed = parseYaml(compact);
    assert.deepEqual(compactParsed.syntaxErrors, []);
    const appended = insertAfter(compact, 'Image: envoy', '\n      - Name: agent');
    // The sequence itself cannot be checked alone; its parent mapping (the task's properties) can.
    assert.equal(changesKeepSyntax(compactParsed, [appended]), true);
    assert.ok(wholeVerdict(compactParsed, [appended]));
  });

  it('reads a long flow sequence beside the edit as `[]`, and not when the edit is on its line', () => {
    const long = `[${'1, '.repeat(66_000)}2]`;
    const text = TEMPLATE.replace('Image: nginx # pinned later', `Image: nginx # pinned later\n          Command: ${long}`);
    const withFlow = parseYaml(text);
    const added = insertAfter(text, '2]', '\n          User: "1000"');
    const started = performance.now();
    assert.equal(changesKeepSyntax(withFlow, [added]), true);
    assert.ok(performance.now() - started < 50, `${Math.round(performance.now() - started)} ms: the sequence was parsed`);
    assert.ok(wholeVerdict(withFlow, [added]));
    // An edit on its line is checked with the sequence as it is.
    const broken = change(text, '2]', '2');
    assert.equal(wholeVerdict(withFlow, [broken]), false);
    assert.equal(changesKeepSyntax(withFlow, [broken]), undefined);
    // A line before it can make its line continue a plain scalar, where the full mapping's `: ` is an error and `{}` is not.
    const role = `Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      Policy:\n        Statement:\n          - { Effect: Allow, Action: "sts:AssumeRole" }\n      Path: /\n`;
    const split = insertAfter(role, 'Statement:', '\n      Key: 1');
    assert.equal(wholeVerdict(parseYaml(role), [split]), false);
    assert.equal(changesKeepSyntax(parseYaml(role), [split]), undefined);
  });

  // The property the fast path rests on: whenever it answers, the whole new text has no error either.
  it('answers only when parsing the whole new text finds no error (random edits of real and fuzzed templates)', () => {
    const templates = yamlSeeds();
    assert.ok(templates.length >= 8, 'the CloudFormation corpus and the examples');
    let answered = 0;
    const parses = new Map<string, ParsedJson>();
    fc.assert(
      fc.property(templateCase(templates), yamlEdits, ([text, name], raw) => {
        const old = parses.get(text) ?? parseYaml(text);
        parses.set(text, old);
        if (!old.root || old.syntaxErrors.length > 0) return;
        const changes = raw(text);
        const separate = changes.filter((made, i) => changes.every((other, j) => j === i || made.offset + made.length < other.offset || other.offset + other.length < made.offset));
        if (separate.length === 0) return;
        if (changesKeepSyntax(old, separate) !== true) return;
        answered++;
        assert.deepEqual(parseYaml(applyTextChanges(text, separate)).syntaxErrors, [], `${name}: ${JSON.stringify(separate)}`);
      }),
      { numRuns: 1_500 },
    );
    // Most random edits break the YAML; of those that keep it valid, some are at the root (not checked alone).
    assert.ok(answered > 120, `the fast path answered only ${answered} times: the property says little`);
  });

  it("gives the whole parse's verdict on every fix proposed for the real templates and fuzzed ones", () => {
    let answered = 0;
    let proposals = 0;
    const check = (name: string, text: string) => {
      const analysis = analyzeText(text, `file:///${name}`);
      const old = analysis.parsed;
      if (old.language !== 'yaml' || !old.root || old.syntaxErrors.length > 0) return;
      for (const finding of validate(analysis, { assumeTaskDefinition: true }).filter((candidate) => candidate.fix)) {
        for (const proposal of fixProposals(analysis, finding)) {
          const changes = editChanges(old, proposal.edits);
          if (!changes || changes.length === 0) continue;
          proposals++;
          if (changesKeepSyntax(old, changes) !== true) continue;
          answered++;
          assert.deepEqual(parseYaml(applyTextChanges(text, changes)).syntaxErrors, [], `${name}: "${proposal.title}"`);
        }
      }
    };
    const seeds = seedFiles().filter(({ name }) => /\.ya?ml$/.test(name));
    for (const { name, text } of seeds) check(name, text);
    fc.assert(
      fc.property(fuzzCase(seedFiles().length), (fuzz) => {
        const { name, text } = caseText(seedFiles(), { ...fuzz, mutations: [] });
        if (/\.ya?ml$/.test(name)) check(name, text);
      }),
      { numRuns: 300 },
    );
    assert.ok(answered > 0.8 * proposals, `the fast path answered ${answered} of ${proposals} proposals`);
  });
});

/** The real templates, and each with flow collections in place of values: long on one line, and over two lines. */
function yamlSeeds(): { name: string; text: string }[] {
  const templates = seedFiles().filter(({ name }) => /\.ya?ml$/.test(name));
  const flowValues = (text: string, flow: (i: number) => string) => {
    let i = 0;
    return text.replace(/^( +(?:- +)?(?:Image|Cpu|Name|Type|Essential|Default): +)\S.*$/gm, (_line, key: string) => key + flow(i++));
  };
  return templates.flatMap(({ name, text }) => [
    { name, text },
    { name: `long-flow-${name}`, text: flowValues(text, (i) => (i % 2 ? `[${'1, '.repeat(300)}2]` : `{ a: [1, 2], b: "${'x'.repeat(100)}" }`)) },
    { name: `two-line-flow-${name}`, text: flowValues(text, () => `[1,\n${' '.repeat(40)}2]`) },
  ]);
}

/** A real template as it is, or after the fuzzer's YAML mutations (anchors, tags, block scalars, long lines, ...). */
function templateCase(templates: { name: string; text: string }[]): fc.Arbitrary<[string, string]> {
  const seeds = seedFiles();
  const yamlIndexes = seeds.flatMap((seed, index) => (/\.ya?ml$/.test(seed.name) ? [index] : []));
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...templates).map(({ name, text }): [string, string] => [text, name]) },
    fc.tuple(fuzzCase(seeds.length), fc.constantFrom(...yamlIndexes)).map(([fuzz, seed]): [string, string] => {
      const { name, text } = caseText(seeds, { ...fuzz, seed, mutations: [] });
      return [text, name];
    }),
  );
}

/** A line of a text: where it starts and ends (before its line break), and its indentation. */
interface Line {
  readonly start: number;
  readonly end: number;
  readonly indent: number;
}

/** An edit made on a line of a text; none when the line has no place for it. */
type Edit = (text: string, line: Line) => TextChange | undefined;

/** Uniform in [0, 1): fc.double draws among representable doubles, most of them near 0 (the text's first lines). */
const fraction = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);

/** The lines of a text. */
function linesOf(text: string): Line[] {
  const starts = [0, ...[...text.matchAll(/\n/g)].map((match) => match.index! + 1)].filter((start) => start < text.length);
  return starts.map((start) => {
    const lineEnd = text.indexOf('\n', start);
    const end = lineEnd < 0 ? text.length : text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    return { start, end, indent: /^ */.exec(text.slice(start, end))![0].length };
  });
}

/** What YAML edits are made of: keys, dashes, indentation, quotes, brackets, block scalar headers, comments, tags, anchors. */
const token = fc.constantFrom(
  '',
  ' ',
  '  ',
  'x',
  'Key: 1',
  'Key:',
  '- ',
  '- a',
  ': ',
  ':',
  '#',
  ' # c',
  '"',
  "'",
  '"q"',
  '[',
  ']',
  '[a, b]',
  '{',
  '}',
  '{ a: 1 }',
  ',',
  '|',
  '>',
  '|-',
  '&a ',
  '*a',
  '!Ref ',
  '!If',
  '? ',
  '---',
  '...',
  '%',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\uFEFF',
  '@',
  '`',
);
/** What a fix writes: keys, flow values, scalars that need quotes, items. */
const fixToken = fc.constantFrom('Key: 1', 'User: "1000"', 'Memory: 512', '- Name: x', '- x', 'Options: { a: 1, b: "2" }', 'Tags: [a, b]', 'Env:', 'Key: !Ref X', 'Key: *a', 'Key: &a x');

const yamlEdit: fc.Arbitrary<Edit> = fc.oneof(
  // A line added after the line, at its indentation or near it, as a fix adds a key or an item.
  {
    weight: 4,
    arbitrary: fc.tuple(fc.constantFrom(-2, 0, 0, 0, 2), fixToken).map(([shift, added]) => (_text: string, line: Line) => ({
      offset: line.end,
      length: 0,
      content: `\n${' '.repeat(Math.max(0, line.indent + shift))}${added}`,
    })),
  },
  // Tokens anywhere in the line.
  fc.tuple(fraction, fc.nat(12), fc.array(token, { maxLength: 4 })).map(([at, length, parts]) => (text: string, line: Line) => {
    const offset = line.start + Math.floor(at * (line.end - line.start + 1));
    return { offset, length: Math.min(length, text.length - offset), content: parts.join('') };
  }),
  // A line of tokens added after the line.
  fc.tuple(fc.integer({ min: -4, max: 4 }), fc.array(token, { minLength: 1, maxLength: 3 })).map(([shift, parts]) => (_text: string, line: Line) => ({
    offset: line.end,
    length: 0,
    content: `\n${' '.repeat(Math.max(0, line.indent + shift))}${parts.join('')}`,
  })),
  // The line removed with the line break before it, as a fix removes a key or an item.
  fc.constant<Edit>((_text, line) => (line.start > 0 ? { offset: line.start - 1, length: line.end - line.start + 1, content: '' } : undefined)),
  // The value replaced: what follows the first `: ` on the line.
  fc
    .tuple(
      fc.oneof(
        fixToken,
        fc.array(token, { maxLength: 3 }).map((parts) => parts.join('')),
      ),
    )
    .map(([value]) => (text: string, line: Line) => {
      const colon = text.slice(line.start, line.end).indexOf(': ');
      return colon < 0 ? undefined : { offset: line.start + colon + 2, length: line.end - line.start - colon - 2, content: value };
    }),
);

/** One to three edits on lines near each other (a fix's edits are), around a line the fraction picks. */
const yamlEdits = fc.tuple(fraction, fc.array(fc.tuple(fc.integer({ min: -4, max: 4 }), yamlEdit), { minLength: 1, maxLength: 3 })).map(([at, edits]) => (text: string): TextChange[] => {
  const lines = linesOf(text);
  if (lines.length === 0) return [];
  const center = Math.floor(at * lines.length) % lines.length;
  return edits.flatMap(([delta, edit]) => edit(text, lines[Math.min(lines.length - 1, Math.max(0, center + delta))]) ?? []);
});
