// Library figures, in CPU time of this process: lint of the corpus against jsonc-parser's parseTree (the
// floor: every rule together should cost no more than one parse) and against vscode-json-languageservice
// validating the same texts with the ECS task definition schema.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { parseTree, ParseError } from 'jsonc-parser';
import { getLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type * as Engine from '../../server/src/engine';
import { SCHEMA_FILE } from '../ecsSchema/generateSchema';
import { Figure, RunOptions, spreadOf } from '../support/figure';
import { NamedText, REPO_ROOT } from '../support/inputs';
import { cpuMsPerAsyncCall, cpuMsPerCall, interleave, ratios, summarise } from '../support/stats';

/**
 * The engine as it ships: bundled and minified with the production build's esbuild options, not the
 * sources through tsx (whose transform wraps every closure in a naming helper the bundles do not have).
 */
async function productionEngine(): Promise<typeof Engine> {
  const { bundles } = (await import(path.join(REPO_ROOT, 'scripts/bundles.mjs'))) as { bundles: (options: { production: boolean }) => Record<string, object> };
  const { entryPoints: _entry, outfile: _out, ...options } = bundles({ production: true }).server as { entryPoints: string[]; outfile: string };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-bench-engine-'));
  const outfile = path.join(dir, 'engine.js');
  try {
    buildSync({ ...options, absWorkingDir: REPO_ROOT, entryPoints: ['server/src/engine/index.ts'], outfile });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the engine bundle built just above
    return require(outfile) as typeof Engine;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function parse(text: string): unknown {
  const errors: ParseError[] = [];
  return parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
}

function schemaValidator(): (text: string) => Promise<number> {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as object;
  const service = getLanguageService({});
  service.configure({ validate: true, allowComments: false, schemas: [{ uri: 'file:///task-definition.schema.json', fileMatch: ['*.json'], schema }] });
  let version = 0;
  return async (text) => {
    const document = TextDocument.create('file:///bench/task-definition.json', 'json', ++version, text);
    return (await service.doValidation(document, service.parseJSONDocument(document))).length;
  };
}

/** CPU time each candidate runs, untimed, before the measured rounds: enough for V8 to optimize the engine. */
const WARM_UP_MS = 600;

export async function libraryFigures(corpus: readonly NamedText[], options: RunOptions): Promise<Figure[]> {
  const rounds = options.quick ? 5 : 15;
  const batchMs = options.quick ? 30 : 80;
  const { analyzeText, validate } = await productionEngine();
  const lint = (text: string) => validate(analyzeText(text)).length;
  const texts = corpus.map((file) => file.text);
  const validateWithSchema = schemaValidator();
  // Warm up every candidate's JIT before the first measured round, by CPU time rather than a count of passes:
  // V8 optimizes the rules' code only after some 200 passes over the corpus, and measured earlier, `--quick`'s
  // five short rounds timed the warm-up (2.7x parseTree where the full run said 0.9x).
  for (const pass of [
    () => texts.forEach(lint),
    () => texts.forEach(parse),
    async () => {
      for (const text of texts) await validateWithSchema(text);
    },
  ]) {
    await cpuMsPerAsyncCall(async () => pass(), WARM_UP_MS);
  }
  const measured = await interleave(rounds, {
    lint: () => cpuMsPerCall(() => texts.forEach(lint), batchMs),
    parse: () => cpuMsPerCall(() => texts.forEach(parse), batchMs),
    schema: () =>
      cpuMsPerAsyncCall(async () => {
        for (const text of texts) await validateWithSchema(text);
      }, batchMs),
  });
  const vsParse = summarise(ratios(measured.lint, measured.parse));
  const vsSchema = summarise(ratios(measured.lint, measured.schema));
  // Per file, to show the spread over real files (a few rounds each; small files are noisy).
  const perFile = corpus.map((file) => {
    const ours = summarise(Array.from({ length: 3 }, () => cpuMsPerCall(() => lint(file.text), 5))).median;
    const floor = summarise(Array.from({ length: 3 }, () => cpuMsPerCall(() => parse(file.text), 5))).median;
    return { name: file.name, ratio: ours / floor };
  });
  const worst = perFile.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const best = perFile.reduce((a, b) => (b.ratio < a.ratio ? b : a));
  const ms = (values: number[]) => `${summarise(values).median.toFixed(2)} ms`;
  return [
    {
      name: 'validate_vs_parse_corpus',
      what: `lint of the ${corpus.length} corpus files (parse + every rule) / jsonc-parser parseTree, CPU`,
      unit: 'x',
      value: vsParse.median,
      target: 2,
      spread: spreadOf(vsParse),
      reference: `parseTree ${ms(measured.parse)} per pass, lint ${ms(measured.lint)}`,
      notes: `per file ${best.ratio.toFixed(1)}x (${best.name}) to ${worst.ratio.toFixed(1)}x (${worst.name})`,
    },
    {
      name: 'validate_vs_schema_corpus',
      what: `lint of the corpus / vscode-json-languageservice with the ECS schema (parse + validate), CPU`,
      unit: 'x',
      value: vsSchema.median,
      target: 0.5,
      spread: spreadOf(vsSchema),
      reference: `schema validation ${ms(measured.schema)} per pass`,
    },
  ];
}
