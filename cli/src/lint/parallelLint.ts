import * as os from 'node:os';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { FileLinter, FileOutcome, LintSettings } from './fileLinter';
import { LintTarget } from './files';

/** `--concurrency`: how many threads lint (this one included), or `auto`. */
export type Concurrency = number | 'auto';

/**
 * With `auto`, a thread for every this many files. A worker thread costs about 45 ms before it lints (Node's
 * start-up in the thread, then loading the rules), then warms up as the first thread did. Counted with valgrind
 * (which runs two threads at the same pace, as two idle cores would), a second thread shortens the main thread's
 * work by 8% at 500 and 1,000 corpus files and by 33% at 2,000, for 42% more instructions in all: it is worth
 * it from about 2,000 files on.
 */
export const FILES_PER_AUTO_THREAD = 1000;
/** `auto` stays below this many threads: each one loads the rules into a heap of its own and warms them up. */
export const MAX_AUTO_THREADS = 4;

/** What `auto` asks of the machine. */
export interface MachineLoad {
  /** `os.availableParallelism()`. */
  readonly cores: number;
  /** The 1-minute load average (`os.loadavg()[0]`; 0 where there is none, as on Windows). */
  readonly loadAverage: number;
}

function idleCores(machine: MachineLoad): number {
  return Math.round(machine.cores - Math.max(0, machine.loadAverage - 1));
}

function machineLoad(): MachineLoad {
  return { cores: os.availableParallelism(), loadAverage: os.loadavg()[0] };
}

/**
 * Worker threads (besides this one) to lint `fileCount` files. `auto` uses only the cores other work leaves
 * idle: on a busy machine, a thread more would wait for a core and warm up for nothing. (The load average
 * counts this process, hence the 1.) With --fix, none: two paths can lead to one file (a link named beside
 * it), which one thread fixes by one path, then reads fixed by the other; two threads could read it at once.
 */
export function workerCount(run: { readonly concurrency: Concurrency; readonly fix: boolean }, fileCount: number, machine: () => MachineLoad = machineLoad): number {
  if (run.fix) return 0;
  const wanted = run.concurrency === 'auto' ? Math.min(MAX_AUTO_THREADS, Math.floor(fileCount / FILES_PER_AUTO_THREAD)) : run.concurrency;
  // The machine is asked only when a thread more is wanted.
  const threads = run.concurrency === 'auto' && wanted > 1 ? Math.min(wanted, idleCores(machine())) : wanted;
  return Math.max(0, Math.min(threads, fileCount) - 1);
}

export interface ThreadOptions {
  /** Worker threads besides this one. */
  readonly workers: number;
  /** Told when a worker fails; this thread then lints the files it left. */
  readonly onWorkerFailure?: (error: unknown) => void;
  /** False: only the workers lint, unless they fail (tests prove the workers' outcomes with it). Default true. */
  readonly mainThreadLints?: boolean;
  /** The workers' heap limits (tests make a worker fail with them). */
  readonly workerResourceLimits?: ResourceLimits;
}

/** What each worker thread is given: the whole list, and the shared counter of the next file to take. */
interface WorkerInput {
  readonly targets: readonly LintTarget[];
  readonly settings: LintSettings;
  /** An Int32Array of one element over a SharedArrayBuffer: the index of the next chunk's first file. */
  readonly next: Int32Array;
  /** Threads that lint, this one included: the chunks shrink with the files left per thread. */
  readonly threads: number;
}

/** A worker's message: the outcomes of the files from `start` on. */
interface ChunkLinted {
  readonly start: number;
  readonly outcomes: readonly FileOutcome[];
}

/**
 * Lints the targets with this thread and `workers` worker threads, handing each outcome to `onOutcome` in the
 * targets' order whichever thread linted it: the output, the messages on standard error and the exit code are
 * those of one thread. The threads take chunks of files from a shared counter, so a worker that starts late
 * takes less, and this thread never waits for one that has not taken anything.
 */
export async function lintTargets(targets: readonly LintTarget[], settings: LintSettings, threads: ThreadOptions, onOutcome: (outcome: FileOutcome) => void): Promise<void> {
  const linter = new FileLinter(settings);
  if (threads.workers <= 0) {
    for (const target of targets) onOutcome(linter.lintTarget(target));
    return;
  }
  const ordered = new OrderedOutcomes(targets.length, onOutcome);
  const input: WorkerInput = { targets, settings, next: new Int32Array(new SharedArrayBuffer(4)), threads: threads.workers + 1 };
  const workers = startWorkers(input, ordered, threads);
  if (threads.mainThreadLints ?? true) lintChunks(input, linter, (start, outcomes) => ordered.add(start, outcomes));
  await workers.settled();
  // Whatever a failed worker had taken and not answered is linted here.
  for (const index of ordered.missing()) ordered.add(index, [linter.lintTarget(targets[index])]);
  workers.stop();
}

/** Lints chunks taken from the shared counter until there are none left. */
function lintChunks(input: WorkerInput, linter: FileLinter, done: (start: number, outcomes: FileOutcome[]) => void): void {
  for (let chunk = takeChunk(input); chunk; chunk = takeChunk(input)) {
    done(
      chunk.start,
      input.targets.slice(chunk.start, chunk.end).map((target) => linter.lintTarget(target)),
    );
  }
}

/** The largest chunk a thread takes: enough that messages are few. */
const MAX_CHUNK = 16;

/**
 * The next chunk of files, or undefined when none are left. Chunks shrink as the files run out (a share of
 * what is left per thread, at most MAX_CHUNK), so that the threads finish together: the last chunks are
 * single files, and no thread waits long for another's.
 */
function takeChunk({ next, targets, threads }: WorkerInput): { start: number; end: number } | undefined {
  for (;;) {
    const start = Atomics.load(next, 0);
    if (start >= targets.length) return undefined;
    const end = start + Math.max(1, Math.min(MAX_CHUNK, Math.floor((targets.length - start) / (threads * 4))));
    if (Atomics.compareExchange(next, 0, start, end) === start) return { start, end };
  }
}

/** Outcomes arriving in any order, handed on in the targets' order as soon as each one's predecessors are in. */
class OrderedOutcomes {
  private readonly pending: (FileOutcome | undefined)[];
  private next = 0;

  constructor(
    private readonly count: number,
    private readonly onOutcome: (outcome: FileOutcome) => void,
  ) {
    this.pending = new Array<FileOutcome | undefined>(count);
  }

  get complete(): boolean {
    return this.next === this.count;
  }

  add(start: number, outcomes: readonly FileOutcome[]): void {
    outcomes.forEach((outcome, offset) => (this.pending[start + offset] = outcome));
    for (; this.next < this.count && this.pending[this.next] !== undefined; this.next++) {
      this.onOutcome(this.pending[this.next]!);
      this.pending[this.next] = undefined;
    }
  }

  /** The indices no outcome has arrived for. */
  missing(): number[] {
    const missing: number[] = [];
    for (let index = this.next; index < this.count; index++) if (this.pending[index] === undefined) missing.push(index);
    return missing;
  }
}

/**
 * Starts the workers. `settled()` resolves once every outcome is in, or every worker has ended (a failed one
 * leaves some out): not waiting for a worker still starting when the others have done everything. `stop` ends
 * the workers still starting or idle.
 */
function startWorkers(input: WorkerInput, ordered: OrderedOutcomes, threads: ThreadOptions): { settled: () => Promise<void>; stop: () => void } {
  const onWorkerFailure = threads.onWorkerFailure ?? (() => undefined);
  const workers: Worker[] = [];
  let running = 0;
  const isSettled = () => ordered.complete || running === 0;
  let settle: () => void = () => undefined;
  const whenSettled = new Promise<void>((resolve) => (settle = resolve));
  const check = () => {
    if (isSettled()) settle();
  };
  for (let i = 0; i < threads.workers; i++) {
    let worker: Worker;
    try {
      worker = new (workerThreads().Worker)(workerScript(), { eval: true, workerData: input, resourceLimits: threads.workerResourceLimits });
    } catch (error) {
      onWorkerFailure(error);
      continue;
    }
    running++;
    workers.push(worker);
    worker.on('message', (message: ChunkLinted) => {
      ordered.add(message.start, message.outcomes);
      check();
    });
    worker.on('error', onWorkerFailure);
    // Node hands on every message a worker sent before its 'exit'.
    worker.on('exit', () => {
      running--;
      check();
    });
  }
  return {
    settled: () => (isSettled() ? Promise.resolve() : whenSettled),
    stop: () => {
      for (const worker of workers) {
        // Its outcomes are all in: whatever it says now (even an error while it ends) is of no use.
        worker.removeAllListeners();
        worker.on('error', () => undefined);
        void worker.terminate();
      }
    },
  };
}

/**
 * The code a worker runs: this module's `runLintWorker`. In the CLI bundle this module is part of
 * dist/cli/lint.js, whose entry (lintCommand.ts) exports it; from the sources (tests), through tsx.
 */
function workerScript(): string {
  const fromSources = __filename.endsWith('.ts');
  return `${fromSources ? `require(${JSON.stringify(require.resolve('tsx/cjs'))});\n` : ''}require(${JSON.stringify(__filename)}).runLintWorker();`;
}

/** A worker thread's whole work: lint chunks until none are left, posting each chunk's outcomes. */
export function runLintWorker(): void {
  const { parentPort, workerData } = workerThreads();
  const input = workerData as WorkerInput;
  const linter = new FileLinter(input.settings);
  lintChunks(input, linter, (start, outcomes) => parentPort!.postMessage({ start, outcomes } satisfies ChunkLinted));
}

/** node:worker_threads, loaded by a run that starts a worker only: it brings Node's stream and messaging modules along (a few ms). */
function workerThreads(): typeof import('node:worker_threads') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when needed (see above)
  return require('node:worker_threads') as typeof import('node:worker_threads');
}
