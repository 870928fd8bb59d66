import { Scheduler } from '../../../client/src/coverageView/refresh/scheduler';

interface Timer {
  readonly ms: number;
  readonly callback: () => void;
  readonly repeat: boolean;
  active: boolean;
}

/** A scheduler whose time only moves when the test says so. */
export class FakeScheduler implements Scheduler {
  private clock = new Date('2024-06-10T14:00:00Z').getTime();
  readonly timers: Timer[] = [];

  now(): Date {
    return new Date(this.clock);
  }

  every(ms: number, tick: () => void): () => void {
    return this.add({ ms, callback: tick, repeat: true, active: true });
  }

  after(ms: number, callback: () => void): () => void {
    return this.add({ ms, callback, repeat: false, active: true });
  }

  /** The intervals still running, in ms. */
  get activeIntervals(): number[] {
    return this.timers.filter((timer) => timer.repeat && timer.active).map((timer) => timer.ms);
  }

  /** Moves the clock on and fires every timer that came due (an interval once per elapsed period). */
  advance(ms: number): void {
    const start = this.clock;
    this.clock += ms;
    for (const timer of [...this.timers]) {
      if (!timer.active || timer.ms > ms) continue;
      const times = timer.repeat ? Math.floor((this.clock - start) / timer.ms) : 1;
      if (!timer.repeat) timer.active = false;
      for (let i = 0; i < times; i++) timer.callback();
    }
  }

  private add(timer: Timer): () => void {
    this.timers.push(timer);
    return () => {
      timer.active = false;
    };
  }
}
