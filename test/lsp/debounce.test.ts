import * as assert from 'node:assert/strict';
import { KeyedDebouncer, Timers } from '../../server/src/lsp/debounce';

/** A clock the test advances by hand: timers fire only when it says so. */
class ManualClock implements Timers {
  private time = 0;
  private readonly timers = new Set<{ at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const timer = { at: this.time + ms, callback };
    this.timers.add(timer);
    return timer;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as { at: number; callback: () => void });
  }

  /** Moves the clock, firing due timers in order; promise callbacks run between them, as in Node. */
  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    for (;;) {
      await settle();
      const due = [...this.timers].filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers.delete(due);
      this.time = due.at;
      due.callback();
    }
    this.time = until;
    await settle();
  }
}

/** Lets every queued promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('KeyedDebouncer', () => {
  let clock: ManualClock;
  let debouncer: KeyedDebouncer;
  let runs: string[];
  const task = (name: string) => () => void runs.push(name);

  beforeEach(() => {
    clock = new ManualClock();
    debouncer = new KeyedDebouncer(30, clock);
    runs = [];
  });

  it('runs at once when the key is idle: a keystroke after a pause is validated without waiting', async () => {
    debouncer.schedule('a', task('first'));
    assert.deepEqual(runs, ['first']);
    await clock.advance(30);
    assert.deepEqual(runs, ['first'], 'nothing pending, nothing runs again');
    debouncer.schedule('a', task('after the pause'));
    assert.deepEqual(runs, ['first', 'after the pause']);
  });

  it('coalesces a burst into one more run of the newest task when the hold ends', async () => {
    debouncer.schedule('a', task('1'));
    for (let i = 2; i <= 20; i++) {
      await clock.advance(1);
      debouncer.schedule('a', task(String(i)));
    }
    assert.deepEqual(runs, ['1']);
    await clock.advance(30);
    assert.deepEqual(runs, ['1', '20']);
  });

  it('holds the key while an asynchronous task runs, and half as long again afterwards', async () => {
    let finish = () => {};
    debouncer.schedule('a', () => {
      runs.push('slow');
      return new Promise<void>((resolve) => (finish = resolve));
    });
    await clock.advance(200);
    debouncer.schedule('a', task('during'));
    await clock.advance(50);
    assert.deepEqual(runs, ['slow'], 'still running');
    finish(); // after 250 ms
    await clock.advance(124);
    assert.deepEqual(runs, ['slow'], 'held half as long as it ran');
    await clock.advance(1);
    assert.deepEqual(runs, ['slow', 'during']);
  });

  it('runs at most once per hold while edits keep coming, and always ends on the newest task', async () => {
    debouncer.schedule('a', task('0'));
    for (let i = 1; i <= 100; i++) {
      await clock.advance(5);
      debouncer.schedule('a', task(String(i)));
    }
    await clock.advance(1000);
    // 500 ms of edits every 5 ms with a 30 ms hold: the first run, then one per hold.
    assert.ok(runs.length <= 1 + Math.ceil(500 / 30) + 1, `${runs.length} runs`);
    assert.equal(runs.at(-1), '100');
  });

  it('does not stay held when a task throws', async () => {
    debouncer.schedule('a', () => {
      throw new Error('boom');
    });
    await clock.advance(30);
    debouncer.schedule('a', task('next'));
    assert.deepEqual(runs, ['next']);
  });

  it('keeps keys apart', async () => {
    debouncer.schedule('a', task('a1'));
    debouncer.schedule('b', task('b1'));
    debouncer.schedule('a', task('a2'));
    assert.deepEqual(runs, ['a1', 'b1']);
    await clock.advance(30);
    assert.deepEqual(runs, ['a1', 'b1', 'a2']);
  });

  it('drops the pending task on cancel (a closed document)', async () => {
    debouncer.schedule('a', task('1'));
    debouncer.schedule('a', task('2'));
    debouncer.cancel('a');
    await clock.advance(1000);
    assert.deepEqual(runs, ['1']);
    debouncer.schedule('a', task('reopened'));
    assert.deepEqual(runs, ['1', 'reopened']);
  });
});
