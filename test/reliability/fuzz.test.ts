import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { getNodePath, Node, parseTree } from 'jsonc-parser';
import { pathOf } from '../../server/src/document/json';
import { analyzeText, validate } from '../../server/src/engine';
import { caseText, checkDocument, fuzzCase, newFigures, seedFiles } from './fuzzHarness';

/** Per call; the benchmark's slowest call on the 5 MB document is far below, fuzzed documents are smaller. */
const BUDGET_MS = 5_000;

describe('fuzzing the engine with mutated real task definitions (fast-check)', function () {
  this.timeout(120_000);
  const seeds = seedFiles();
  const figures = newFigures();

  // Analysis, validation, hover, completion and outline on every case; code actions, their resolve and "fix all"
  // (which re-validate per fix) on every fourth, to keep `npm test` well under a minute on a busy machine.
  it('keeps every property on 2,000 mutated documents', () => {
    assert.ok(seeds.length >= 5, 'the examples at least');
    let index = 0;
    fc.assert(
      fc.property(fuzzCase(seeds.length), (fuzz) => {
        const { name, text } = caseText(seeds, fuzz);
        checkDocument(name, text, figures, BUDGET_MS, { withFixes: index++ % 4 === 0 });
      }),
      { numRuns: Number(process.env.ECS_GUARD_FUZZ_RUNS ?? 2_000) },
    );
  });

  it('keeps them on every seed as it is', () => {
    for (const { name, text } of seeds) checkDocument(name, text, figures, BUDGET_MS);
  });

  it('keeps them on hand-made extremes: 10 MB strings, 100,000-deep nesting, lone surrogates', () => {
    const extremes: [string, string][] = [
      ['ten-megabyte-string.json', `{ "family": "web", "containerDefinitions": [ { "name": "a", "image": "${'x'.repeat(10 * 1024 * 1024)}", "privileged": true } ] }`],
      ['deep.json', `{ "containerDefinitions": ${'['.repeat(100_000)}${']'.repeat(100_000)} }`],
      ['deep-objects.json', `{ "containerDefinitions": ${'{"a":'.repeat(100_000)}`],
      ['surrogates.json', '{ "family": "\uD800", "containerDefinitions": [ { "name": "\uDFFF", "image": "x\uD83D", "privileged": true } ] }'],
      [
        'proto.json',
        '{ "__proto__": { "containerDefinitions": [] }, "constructor": { "prototype": 1 }, "containerDefinitions": [ { "name": "a", "image": "x", "__proto__": { "privileged": true }, "privileged": true } ] }',
      ],
      ['numbers.json', '{ "cpu": 1e309, "memory": -0, "containerDefinitions": [ { "name": "a", "image": "x", "memory": 1e-400, "cpu": 9007199254740993 } ] }'],
      ['empty.json', ''],
      ['crlf.json', '{\r\n  "containerDefinitions": [\r\n    { "name": "a", "image": "x", "privileged": true }\r\n  ]\r\n}\r\n'],
      ['lone-cr.json', '{\r  "containerDefinitions": [\r    { "name": "a", "image": "x", "privileged": true }\r  ]\r}'],
    ];
    for (const [name, text] of extremes) checkDocument(name, text, figures, BUDGET_MS * 4);
  });

  it("pathOf (constant time per array item) agrees with jsonc-parser's getNodePath on every node", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const visit = (node: Node | undefined): void => {
          if (!node) return;
          assert.deepEqual(pathOf(node), getNodePath(node));
          node.children?.forEach(visit);
        };
        visit(parseTree(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
    const big = parseTree(JSON.stringify({ items: Array.from({ length: 100 }, (_, i) => ({ i })) }))!;
    const item = big.children![0].children![1].children![57];
    assert.deepEqual(pathOf(item.children![0].children![1]), ['items', 57, 'i']);
  });

  it('keeps every property on a YAML alias bomb (aliases copy at most 10,000 nodes)', () => {
    const started = performance.now();
    const analysis = analyzeText(aliasBomb(), 'file:///fuzz/alias-bomb.yaml');
    const findings = validate(analysis, { assumeTaskDefinition: true });
    assert.ok(findings.some((finding) => finding.ruleId === 'privileged-container'));
    assert.ok(performance.now() - started < 10_000, `${Math.round(performance.now() - started)} ms`);
    // Code actions and "fix all" twice too: they ran for minutes once.
    checkDocument('alias-bomb.yaml', aliasBomb(), figures, BUDGET_MS * 4);
  });

  it('resolves the aliases of a large template in one pass over it, not one per alias', () => {
    // Alias.resolve walks the whole document: the bomb's 10,000 copies in this 260 KB template took 14 s, and
    // the fuzzer's alias bombs in 150 KB texts over 5 minutes. One pass: half a second.
    const parameters = Array.from({ length: 5_000 }, (_, i) => `  Param${i}:\n    Type: String\n    Default: value${i}`).join('\n');
    const text = aliasBomb().replace('\nResources:', `\nParameters:\n${parameters}\nResources:`);
    const started = performance.now();
    const findings = validate(analyzeText(text, 'file:///fuzz/large-alias-bomb.yaml'), { assumeTaskDefinition: true });
    assert.ok(findings.some((finding) => finding.ruleId === 'privileged-container'));
    assert.ok(performance.now() - started < BUDGET_MS, `${Math.round(performance.now() - started)} ms`);
  });

  after(() => {
    console.log(`      fuzz figures: ${JSON.stringify({ ...figures, slowestMs: Math.round(figures.slowestMs) })}`);
  });
});

/** Nine aliases of nine aliases, seven levels deep, used by two task definitions: 4.8 million nodes if expanded. */
function aliasBomb(): string {
  const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const anchors = levels.map((name, i) => `${name}: &${name} [${Array.from({ length: 9 }, () => (i === 0 ? '"lol"' : `*${levels[i - 1]}`)).join(',')}]`);
  return `AWSTemplateFormatVersion: '2010-09-09'\n${anchors.join('\n')}\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions: &cd\n        - Name: app\n          Image: x\n          Privileged: true\n          Environment: *g\n  Task2:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions: *cd\n`;
}
