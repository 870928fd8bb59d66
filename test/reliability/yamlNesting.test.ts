import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { Document, parseDocument, visit } from 'yaml';
import { MAX_NESTING_DEPTH, parseJson } from '../../server/src/document/parse';
import { parseYaml } from '../../server/src/document/yamlTree';
import { runCli, tempWorkspace } from '../support/cli';
import { lintText } from '../support/lint';
import { diagnosticsOf, fileUri, LspTestClient } from '../support/lspClient';
import { checkDocument, newFigures, seedFiles } from './fuzzHarness';

/** A template whose task definition's ContainerDefinitions is `value`, written on the same line. */
const templateWith = (value: string) => `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions: ${value}\n`;

const PRIVILEGED_TEMPLATE = templateWith('\n        - Name: app\n          Image: nginx\n          Privileged: true');
const TOO_DEEP = new RegExp(`nest deeper than ${MAX_NESTING_DEPTH} levels`);
const DEPTH = 100_000;

/** How deeply the tree nests, counted without recursion. */
function treeDepth(root: { children?: unknown[] } | undefined): number {
  let deepest = 0;
  const pending: [{ children?: unknown[] } | undefined, number][] = [[root, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    if (!node) continue;
    deepest = Math.max(deepest, depth);
    for (const child of node.children ?? []) pending.push([child as { children?: unknown[] }, depth + 1]);
  }
  return deepest;
}

describe('YAML nesting guard (document/yamlTree.ts)', () => {
  describe('a 100,000-deep template gets one clear notice, not a stack overflow or a second of parsing', () => {
    const shapes: [string, string][] = [
      ['flow sequences, closed', templateWith('['.repeat(DEPTH) + ']'.repeat(DEPTH))],
      ['flow sequences, never closed', templateWith('['.repeat(DEPTH))],
      ['flow mappings', templateWith('{a: '.repeat(DEPTH))],
      ['short tags around flow sequences', templateWith('!Ref ['.repeat(DEPTH))],
      ['anchored flow sequences', templateWith('&x ['.repeat(DEPTH))],
      ['compact block sequences', templateWith('\n        ' + '- '.repeat(DEPTH) + 'x')],
      ['explicit keys', templateWith('\n        ' + '? '.repeat(DEPTH) + 'x')],
      ['indented block mappings', templateWith('\n' + Array.from({ length: 2_000 }, (_, i) => ' '.repeat(8 + i) + 'Key:').join('\n') + ' x')],
      ['a tab before the brackets', templateWith('\t' + '['.repeat(DEPTH))],
    ];
    for (const [shape, text] of shapes) {
      it(shape, () => {
        const parsed = parseYaml(text);
        assert.equal(parsed.root, undefined, 'no tree');
        assert.ok(parsed.tooDeepAt! > text.indexOf('ContainerDefinitions'), `found where it is: ${parsed.tooDeepAt}`);
        // Linted by content alone, as an editor does: the text names an ECS resource type.
        const findings = lintText(text, {}, 'file:///deep.yaml');
        assert.deepEqual(
          findings.map((finding) => [finding.ruleId, finding.offset]),
          [['json-syntax', parsed.tooDeepAt]],
        );
        assert.match(findings[0].message, TOO_DEEP);
      });
    }
  });

  it('shares the limit with JSON: the same brackets are too deep at the same offset in both', () => {
    for (const depth of [MAX_NESTING_DEPTH, MAX_NESTING_DEPTH + 1]) {
      const text = '['.repeat(depth) + ']'.repeat(depth);
      assert.equal(parseYaml(text).tooDeepAt, parseJson(text).tooDeepAt, `${depth} deep`);
    }
    assert.equal(parseYaml('['.repeat(MAX_NESTING_DEPTH + 1)).tooDeepAt, MAX_NESTING_DEPTH);
    assert.equal(treeDepth(parseYaml('- '.repeat(MAX_NESTING_DEPTH) + 'x').root), MAX_NESTING_DEPTH + 1);
    assert.equal(parseYaml('- '.repeat(MAX_NESTING_DEPTH + 1) + 'x').tooDeepAt, 2 * MAX_NESTING_DEPTH);
  });

  it('counts a flow collection that becomes a mapping key, one level deeper than the parser ever nested', () => {
    // `[...]: v` in a block sequence: the parser reads the brackets nested in the sequences, then puts them as
    // key into a new mapping, in the place the brackets held: the mapping adds a level the parser's stack never had.
    for (const sequences of [1, 100, 400]) {
      const brackets = MAX_NESTING_DEPTH - sequences;
      const fits = '- '.repeat(sequences) + '['.repeat(brackets - 1) + 'x' + ']'.repeat(brackets - 1) + ': v';
      assert.equal(parseYaml(fits).tooDeepAt, undefined, `${sequences} sequences, ${brackets - 1} brackets`);
      assert.ok(parseYaml(fits).yamlDocument, 'composed');
      const tooDeep = '- '.repeat(sequences) + '['.repeat(brackets) + 'x' + ']'.repeat(brackets) + ': v';
      assert.equal(parseYaml(tooDeep).tooDeepAt, 2 * sequences + brackets - 1, `${sequences} sequences, ${brackets} brackets: at the innermost bracket`);
    }
  });

  describe('is not fooled: brackets that are not nesting do not count', () => {
    const brackets = '['.repeat(DEPTH);
    const dashes = '- '.repeat(DEPTH);
    const fooling: [string, string][] = [
      ['a double-quoted scalar', `Description: "${brackets}"`],
      ['a double-quoted scalar with an escaped quote', `Description: "\\"${brackets}"`],
      ['a single-quoted scalar with a doubled quote', `Description: 'it''s ${brackets}'`],
      ['a comment', `Description: x # ${brackets}`],
      ['a literal block scalar', `Description: |\n  ${brackets}\n  ${dashes}`],
      ['a folded block scalar', `Description: >-\n  ${brackets}\n\n  ${dashes}`],
      ['a plain scalar', `Description: x${brackets}`],
      ['a plain scalar continued on the next line', `Description: x\n  ${brackets}`],
      ['quoted scalars inside a flow sequence', `Description: ["${brackets}", '${'{'.repeat(DEPTH)}']`],
      ['a quoted key', `"${brackets}": x`],
      ['dashes in a plain scalar', `Description: ${'-'.repeat(DEPTH)}`],
      ['a comment before the document start marker', `# ${brackets}\n---`],
    ];
    for (const [where, line] of fooling) {
      it(where, () => {
        const text = `${line}\n${PRIVILEGED_TEMPLATE}`;
        const parsed = parseYaml(text);
        assert.equal(parsed.tooDeepAt, undefined);
        const findings = lintText(text, {}, 'file:///fooling.yaml');
        assert.ok(
          findings.some((finding) => finding.ruleId === 'privileged-container'),
          findings.map((finding) => finding.message).join('\n'),
        );
      });
    }
  });

  it('builds the very document parseDocument builds, on every real YAML file and its prefixes', () => {
    const texts = seedFiles()
      .filter(({ name }) => /\.ya?ml$|\.template$/.test(name))
      .flatMap(({ text }) => [text, text.slice(0, text.length / 3), text + '\n---\nsecond: document\n', `${text}\n---\n[a\n---\nthird: document\n`]);
    assert.ok(texts.length >= 40);
    for (const text of texts) {
      const ours = parseYaml(text).yamlDocument!;
      const theirs = parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: false });
      assert.deepEqual(describeDocument(ours), describeDocument(theirs));
    }
  });

  describe('aliases cannot nest the tree deeper than the text', () => {
    // Sixteen anchors of 500 nested sequences, each holding an alias of the one before: 8,000 levels once expanded,
    // which overflowed the stack converting the tree (a RangeError out of `analyze`) before the bound.
    const aliasTower = () => {
      const anchors = Array.from({ length: 16 }, (_, i) => `A${i}: &a${i} ${'['.repeat(500)}${i === 0 ? 'x' : `*a${i - 1}`}${']'.repeat(500)}`);
      return `AWSTemplateFormatVersion: '2010-09-09'\n${anchors.join('\n')}\n${templateWith('*a15').split('\n').slice(1).join('\n')}`;
    };

    it('what lies deeper than the limit through aliases is null', () => {
      const parsed = parseYaml(aliasTower());
      assert.equal(parsed.tooDeepAt, undefined, 'the text itself nests 501 deep');
      assert.ok(treeDepth(parsed.root) <= 2 * MAX_NESTING_DEPTH, `tree depth ${treeDepth(parsed.root)}`);
    });

    it('and every entry point answers on it', () => {
      const figures = newFigures();
      checkDocument('alias-tower.yaml', aliasTower(), figures, 20_000);
      assert.ok(figures.findings > 0);
    });
  });

  it('every entry point answers on a template nested exactly to the limit, in every shape', () => {
    const figures = newFigures();
    const inner = MAX_NESTING_DEPTH - 4; // the template's own mappings: root, Resources, Task, Properties
    const shapes = [
      '['.repeat(inner) + ']'.repeat(inner),
      '{a: '.repeat(inner) + '}'.repeat(inner),
      '!If [c, '.repeat(inner) + 'x' + ']'.repeat(inner),
      '!Sub {a: '.repeat(inner) + 'x' + '}'.repeat(inner),
      '!Join [",", ['.repeat(inner / 2) + 'x' + ']]'.repeat(inner / 2),
      '\n        ' + '- '.repeat(inner) + 'x',
      // An alias of the outermost sequence at the bottom: expanded again and again, cut at the limit.
      '&a ['.repeat(inner) + '*a' + ']'.repeat(inner),
    ];
    for (const shape of shapes) {
      const text = templateWith(shape);
      assert.equal(parseYaml(text).tooDeepAt, undefined, shape.slice(0, 20));
      checkDocument('at-the-limit.yaml', text, figures, 20_000);
    }
  });

  it('the CLI reports a too-deep template and still lints the other files', async () => {
    const workspace = tempWorkspace({ 'deep.yaml': templateWith('['.repeat(DEPTH)), 'web.yaml': PRIVILEGED_TEMPLATE });
    try {
      const run = await runCli(['lint', '--format', 'json', '.'], workspace.dir);
      const findings = JSON.parse(run.stdout) as { file: string; ruleId: string; message: string }[];
      assert.deepEqual(
        findings.filter((finding) => finding.file === 'deep.yaml').map((finding) => finding.ruleId),
        ['json-syntax'],
        run.stdout.slice(0, 500) + run.stderr,
      );
      assert.match(findings.find((finding) => finding.file === 'deep.yaml')!.message, TOO_DEEP);
      assert.ok(findings.some((finding) => finding.file === 'web.yaml' && finding.ruleId === 'privileged-container'));
      assert.equal(run.code, 1);
    } finally {
      workspace.cleanup();
    }
  });

  it('the language server shows the notice, keeps the text and answers the next request', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-deep-yaml-'));
    const server = await LspTestClient.start({ workspaceFolders: [{ uri: fileUri(folder), name: 'workspace' }] });
    try {
      const uri = fileUri(path.join(folder, 'stack.yaml'));
      assert.equal(diagnosticsOf(await server.open(uri, PRIVILEGED_TEMPLATE, 'yaml'), 'privileged-container').length, 1);
      const deep = PRIVILEGED_TEMPLATE.replace('nginx', '['.repeat(DEPTH));
      const [notice, ...others] = (await server.change(uri, [{ text: deep }])).diagnostics;
      assert.deepEqual(others, []);
      assert.match(notice.message, TOO_DEEP);
      assert.equal(notice.code, 'json-syntax');
      const repaired = await server.change(uri, [{ text: PRIVILEGED_TEMPLATE }]);
      assert.equal(diagnosticsOf(repaired, 'privileged-container').length, 1, 'the next version is analysed again');
      const hover = await server.request(HoverRequest.type, { textDocument: { uri }, position: diagnosticsOf(repaired, 'privileged-container')[0].range.start });
      assert.ok(hover);
      await server.close(uri);
    } finally {
      server.kill();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** What a `yaml` document holds, for comparing two: its errors and warnings, and every node with its range. */
function describeDocument(document: Document): unknown {
  const nodes: string[] = [];
  visit(document, (key, node) => {
    nodes.push(`${String(key)} ${node?.constructor?.name} ${JSON.stringify((node as { range?: unknown } | null)?.range ?? null)} ${(node as { tag?: string } | null)?.tag ?? ''}`);
  });
  const problems = (list: typeof document.errors) => list.map((problem) => `${problem.code} ${problem.pos.join('-')}`);
  return { errors: problems(document.errors), warnings: problems(document.warnings), range: document.range, nodes };
}
