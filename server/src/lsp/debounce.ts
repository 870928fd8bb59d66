/** The clock the debouncer uses; tests pass their own. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const NODE_TIMERS: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  now: () => performance.now(),
};

interface KeyState {
  /** The newest task asked for while the key was held; it runs when the hold ends. */
  pending?: () => unknown;
  timer?: unknown;
}

/**
 * Runs a keyed task at once when the key is idle, then holds the key while the task runs (it may return a
 * promise) and for half as long again afterwards, at least `quietMs`: requests meanwhile coalesce into one
 * run of the newest task when the hold ends. A keystroke after a pause is validated without waiting; a burst
 * of edits costs a run for its first edit and one for its final text; and continuous typing in a document
 * that is slow to validate keeps validation to about two thirds of the time, leaving room for other requests.
 */
export class KeyedDebouncer {
  private readonly keys = new Map<string, KeyState>();

  constructor(
    private readonly quietMs: number,
    private readonly timers: Timers = NODE_TIMERS,
  ) {}

  schedule(key: string, task: () => unknown): void {
    const state = this.keys.get(key);
    if (state) state.pending = task;
    else this.run(key, task);
  }

  cancel(key: string): void {
    const state = this.keys.get(key);
    if (state?.timer !== undefined) this.timers.clearTimeout(state.timer);
    this.keys.delete(key);
  }

  private run(key: string, task: () => unknown): void {
    const state: KeyState = {};
    this.keys.set(key, state);
    const started = this.timers.now();
    const settled = () => {
      if (this.keys.get(key) !== state) return; // cancelled meanwhile
      const holdMs = Math.max(this.quietMs, (this.timers.now() - started) / 2);
      state.timer = this.timers.setTimeout(() => {
        if (this.keys.get(key) !== state) return;
        this.keys.delete(key);
        if (state.pending) this.run(key, state.pending);
      }, holdMs);
    };
    let result: unknown;
    try {
      result = task();
    } catch {
      // The task reports its own failures; the key must not stay held.
    }
    void Promise.resolve(result).then(settled, settled);
  }
}
