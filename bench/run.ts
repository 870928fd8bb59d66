// The performance benchmark: `npm run bench` prints the figures; `-- --json` also writes bench/results.json
// and bench/RESULTS.md; `-- --quick` repeats less; `-- --only lsp,cli` runs some groups. See bench/README.md.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clientFigures } from './figures/client';
import { cliFigures } from './figures/cli';
import { coverageFigures } from './figures/coverage';
import { libraryFigures } from './figures/library';
import { lspFigures } from './figures/lsp';
import { vsixFigures } from './figures/vsix';
import { Figure, RunOptions } from './support/figure';
import { benchmarkInputs, Inputs, REPO_ROOT } from './support/inputs';
import { results, resultsMarkdown, table, thisMachine } from './support/report';

// The in-process coverage figures load the AWS SDK in this process: quiet its Node-version notice, as the CLI does.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const GROUPS: Record<string, (inputs: Inputs, options: RunOptions) => Figure[] | Promise<Figure[]>> = {
  // First: it builds the production bundles every later group measures (what ships).
  vsix: () => vsixFigures(),
  library: (inputs, options) => libraryFigures(inputs.corpus, options),
  lsp: (inputs, options) => lspFigures(inputs, options),
  client: (_, options) => clientFigures(options),
  cli: (inputs, options) => cliFigures(inputs.corpus, options),
  coverage: (_, options) => coverageFigures(options),
};

function usage(message: string): never {
  console.error(`${message}\nusage: npm run bench -- [--json] [--quick] [--only ${Object.keys(GROUPS).join(',')}]`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const quick = argv.includes('--quick');
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt === -1 ? Object.keys(GROUPS) : (argv[onlyAt + 1] ?? usage('--only needs a list of groups')).split(',');
  const unknown = only.filter((group) => !(group in GROUPS));
  if (unknown.length) usage(`unknown group: ${unknown.join(', ')}`);
  const rest = argv.filter((arg, i) => !['--json', '--quick', '--only'].includes(arg) && i !== onlyAt + 1);
  if (rest.length) usage(`unknown argument: ${rest.join(' ')}`);
  if (json && only.length !== Object.keys(GROUPS).length) usage('--json writes every figure: run without --only');

  const machine = thisMachine();
  const inputs = benchmarkInputs(); // fails loudly when the corpus is missing
  const log = (line: string) => console.error(line);
  log(`corpus ${inputs.corpus.length} files; typical ${inputs.typical.length} B, 64 KiB ${inputs.max64k.length} B, 1 MB ${inputs.oneMb.length} B, 5 MB ${inputs.fiveMb.length} B`);
  if (!only.includes('vsix')) execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/build.mjs'), '--production'], { cwd: REPO_ROOT, stdio: 'ignore' });
  const figures: Figure[] = [];
  const started = performance.now();
  try {
    for (const group of Object.keys(GROUPS).filter((name) => only.includes(name))) {
      log(`${group}...`);
      figures.push(...(await GROUPS[group](inputs, { quick, log })));
    }
  } finally {
    // Back to the development bundles the tests and the debugger use.
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/build.mjs')], { cwd: REPO_ROOT, stdio: 'ignore' });
  }
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const run = results(figures, machine, quick);
  console.log(table(run));
  if (json) {
    fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(run, null, 2)}\n`);
    fs.writeFileSync(path.join(__dirname, 'RESULTS.md'), resultsMarkdown(run));
    log('wrote bench/results.json and bench/RESULTS.md');
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
