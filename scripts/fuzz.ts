// The long fuzz run: `npm run fuzz -- --runs 100000 [--seed N]`. The same properties as the bounded run in
// `npm test` (test/reliability/fuzz.test.ts), on mutations of the examples and the shared corpus; prints the
// figures docs/RELIABILITY.md records. Exits 1 with the counterexample (and the seed to replay it) on a failure;
// `--no-shrink` reports the first failing case as found (shrinking a case over the time budget re-runs slow cases).
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { caseText, checkDocument, fuzzCase, newFigures, seedFiles } from '../test/reliability/fuzzHarness';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string' }, budget: { type: 'string', default: '5000' }, 'no-shrink': { type: 'boolean', default: false } },
});
const runs = Number(values.runs);
const budgetMs = Number(values.budget);
const seeds = seedFiles();
const figures = newFigures();
const started = Date.now();
const progressEvery = Math.max(1, Math.floor(runs / 20));
let done = 0;

const result = fc.check(
  fc.property(fuzzCase(seeds.length), (fuzz) => {
    const { name, text } = caseText(seeds, fuzz);
    checkDocument(name, text, figures, budgetMs);
    if (++done % progressEvery === 0) console.error(`${done}/${runs} cases, ${Math.round((Date.now() - started) / 1000)} s`);
  }),
  { numRuns: runs, endOnFailure: values['no-shrink'], ...(values.seed !== undefined && { seed: Number(values.seed) }) },
);
const seconds = Math.round((Date.now() - started) / 1000);
console.log(
  JSON.stringify(
    { runs, seeds: seeds.length, seconds, seed: result.seed, failed: result.failed, ...figures, slowestMs: Math.round(figures.slowestMs), heapMB: Math.round(process.memoryUsage().heapUsed / 1e6) },
    null,
    2,
  ),
);
if (result.failed) {
  console.error(fc.defaultReportMessage(result));
  process.exit(1);
}
