/** Timers and the clock, injected so the refresh logic can be tested without waiting. */
export interface Scheduler {
  now(): Date;
  /** Calls `tick` every `ms`; the returned function stops it. */
  every(ms: number, tick: () => void): () => void;
  /** Calls `callback` once after `ms`; the returned function cancels it. */
  after(ms: number, callback: () => void): () => void;
}

export const systemScheduler: Scheduler = {
  now: () => new Date(),
  every: (ms, tick) => {
    const timer = setInterval(tick, ms);
    return () => clearInterval(timer);
  },
  after: (ms, callback) => {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};
