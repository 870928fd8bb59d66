// Linting cost, as ratios measured in one run on this machine (absolute times vary on shared machines):
// - full lint (parse + detection + every rule) against a bare JSON.parse of the same text;
// - a 5 MB task definition against the real-world corpus, per byte (is the cost linear?);
// - heap retained by one analysed 5 MB document against its text size;
// - a code-action request at a container of the 5 MB document, with every "fix all" edit computed up front
//   (clients without codeAction/resolve) against deferred to resolve (the findings cached, as in the server).
//   Both still build each diagnostic's own quick fixes, which check the fixed text with a parse each.
// Run: npm run bench
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeActions } from '../server/src/editor/codeActions';
import { analyzeText } from '../server/src/service/analysis';
import { toDiagnostic } from '../server/src/service/diagnostics';
import { validate } from '../server/src/service/validate';

const CORPUS = path.resolve(__dirname, '../../shared/corpus');

function timePerRun(run: () => void, minMs = 400, warmUps = 3): number {
  for (let i = 0; i < warmUps; i++) run(); // warm up the JIT
  let runs = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs * 1e6) {
    run();
    runs++;
    elapsed = Number(process.hrtime.bigint() - start);
  }
  return elapsed / runs / 1e6;
}

function lint(text: string): number {
  return validate(analyzeText(text)).length;
}

function bigTaskDefinition(bytes: number): string {
  const containers: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const container = JSON.stringify({
      name: `c${i}`, image: 'nginx', memory: 64, privileged: i % 100 === 0,
      environment: Array.from({ length: 20 }, (_, j) => ({ name: `V${j}`, value: 'x'.repeat(40) })),
    });
    containers.push(container);
    size += container.length + 2;
  }
  return `{ "family": "big", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512", "containerDefinitions": [\n${containers.join(',\n')}\n] }`;
}

const corpusTexts = fs.existsSync(CORPUS)
  ? fs.readdirSync(CORPUS).filter((f) => f.endsWith('.json') && f !== 'MANIFEST.json').map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8'))
  : [fs.readFileSync(path.resolve(__dirname, '../examples/legacy-fargate.json'), 'utf8')];
const corpusBytes = corpusTexts.reduce((sum, text) => sum + text.length, 0);
const big = bigTaskDefinition(5 * 1024 * 1024);

const corpusLint = timePerRun(() => corpusTexts.forEach(lint));
const corpusParse = timePerRun(() => corpusTexts.forEach((text) => JSON.parse(text)));
const bigLint = timePerRun(() => lint(big), 2000);
const bigParse = timePerRun(() => JSON.parse(big), 1000);

global.gc?.();
const before = process.memoryUsage().heapUsed;
const retained = analyzeText(big);
global.gc?.();
const heapRatio = (process.memoryUsage().heapUsed - before) / big.length;

// The light bulb on the first container, a privileged one: its diagnostics, as the client sends them back.
const bigAnalysis = analyzeText(big);
const bigFindings = validate(bigAnalysis);
const atFirstContainer = bigFindings.filter((finding) => finding.path[0] === 'containerDefinitions' && finding.path[1] === 0).map(toDiagnostic);
const codeActionRequest = (deferFixAllEdits: boolean) => () => void codeActions(bigAnalysis, atFirstContainer, { findings: bigFindings, deferFixAllEdits });
// One warm-up: an eager request takes seconds.
const eagerCodeActions = timePerRun(codeActionRequest(false), 2000, 1);
const lazyCodeActions = timePerRun(codeActionRequest(true), 2000, 1);

console.log(`corpus: ${corpusTexts.length} files, ${corpusBytes} bytes; 5 MB file: ${big.length} bytes`);
console.log(`lint / JSON.parse, corpus:      ${(corpusLint / corpusParse).toFixed(1)}x`);
console.log(`lint / JSON.parse, 5 MB file:   ${(bigLint / bigParse).toFixed(1)}x`);
console.log(`per-byte cost, 5 MB / corpus:   ${((bigLint / big.length) / (corpusLint / corpusBytes)).toFixed(2)}x (1.0 = linear)`);
console.log(`heap per byte of text, 5 MB:    ${heapRatio.toFixed(1)}x${global.gc ? '' : ' (run with --expose-gc for a steadier figure)'}`);
console.log(`code action, 5 MB, eager / lazy: ${(eagerCodeActions / lazyCodeActions).toFixed(1)}x (${atFirstContainer.length} diagnostics at the cursor)`);
console.log(`(absolute, this run: corpus ${corpusLint.toFixed(2)} ms, 5 MB file ${bigLint.toFixed(0)} ms, code action eager ${eagerCodeActions.toFixed(0)} ms, lazy ${lazyCodeActions.toFixed(0)} ms)`);
void retained;
