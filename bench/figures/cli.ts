// CLI throughput on 1,000 real files (the corpus, copied over and over), wall time of whole processes:
// `ecs-guard lint <dir>` against the floor (a Node process reading and parseTree-ing the same files) and
// against `ajv validate` with the ECS schema, interleaved.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SCHEMA_FILE } from '../ecsSchema/generateSchema';
import { Figure, RunOptions, spreadOf } from '../support/figure';
import { NamedText, REPO_ROOT } from '../support/inputs';
import { interleave, ratios, summarise } from '../support/stats';

const FILE_COUNT = 1000;

function run(args: string[], expectStatus: readonly number[], env: NodeJS.ProcessEnv = process.env): number {
  const start = performance.now();
  // ajv reports every invalid file on stderr: room for it.
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', cwd: REPO_ROOT, env, maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (result.status === null || !expectStatus.includes(result.status)) throw new Error(`${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  return ms;
}

export async function cliFigures(corpus: readonly NamedText[], options: RunOptions): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-bench-cli-'));
  try {
    for (let i = 0; i < FILE_COUNT; i++) {
      const file = corpus[i % corpus.length];
      fs.writeFileSync(path.join(dir, `${String(i).padStart(4, '0')}-${file.name}`), file.text);
    }
    const ecsGuard = [path.join(REPO_ROOT, 'bin/ecs-guard.js'), 'lint', dir, '--format', 'json'];
    const floor = [path.join(__dirname, 'cliFloor.js'), dir];
    const ajv = [require.resolve('ajv-cli/dist/index.js'), 'validate', '--strict=false', '--errors=line', '-s', SCHEMA_FILE, '-d', path.join(dir, '*.json')];
    // Exit 1: findings (ECS Guard) or invalid files (ajv); both still did all the work.
    const lint = (env?: NodeJS.ProcessEnv) => run(ecsGuard, [0, 1], env);
    // The CLI keeps a V8 code cache of its bundle (cli/src/compileCache.ts): the first run on a machine writes
    // it, every later one reads it. Measured is a later run; a run without the cache is timed beside it.
    lint();
    const withoutCache = { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' };
    const measured = await interleave(options.quick ? 3 : 7, {
      ours: () => lint(),
      oursWithoutCache: () => lint(withoutCache),
      floor: () => run(floor, [0]),
      ajv: () => run(ajv, [0, 1]),
    });
    const vsFloor = summarise(ratios(measured.ours, measured.floor));
    const vsAjv = summarise(ratios(measured.ours, measured.ajv));
    const median = (values: number[]) => `${(summarise(values).median / 1000).toFixed(2)} s`;
    return [
      {
        name: 'cli_vs_floor',
        what: `ecs-guard lint of ${FILE_COUNT} real files / a process reading and parseTree-ing them`,
        unit: 'x',
        value: vsFloor.median,
        target: 1.5,
        spread: spreadOf(vsFloor),
        reference: `floor ${median(measured.floor)}, ECS Guard ${median(measured.ours)} (${median(measured.oursWithoutCache)} without its code cache)`,
      },
      {
        name: 'cli_vs_ajv',
        what: `ecs-guard lint of ${FILE_COUNT} real files / ajv-cli validate with the ECS schema`,
        unit: 'x',
        value: vsAjv.median,
        target: 0.6,
        spread: spreadOf(vsAjv),
        reference: `ajv-cli ${median(measured.ajv)}`,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
