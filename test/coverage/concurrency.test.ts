import * as assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { mapConcurrently } from '../../client/src/coverage/model/concurrency';

describe('mapConcurrently', () => {
  it('gives the results in the order of the items, whatever order they finish in', async () => {
    const results = await mapConcurrently([30, 1, 15, 5], 4, async (delayMs) => {
      await sleep(delayMs);
      return delayMs * 2;
    });
    assert.deepEqual(results, [60, 2, 30, 10]);
  });

  it('runs at most `limit` items at a time, and every item once', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await mapConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      most = Math.max(most, ++running);
      seen.push(item);
      await sleep(2);
      running--;
    });
    assert.equal(most, 3);
    assert.deepEqual([...seen].sort(), [1, 2, 3, 4, 5, 6, 7]);
  });

  it('lets each of the first items get to its first wait on I/O before the next one starts (no lockstep set-up)', async () => {
    const events: string[] = [];
    await mapConcurrently(['a', 'b', 'c'], 3, async (item) => {
      events.push(`start ${item}`);
      // Set-up made of many small asynchronous steps, as an SDK's middleware stack is.
      for (let step = 0; step < 20; step++) await Promise.resolve();
      events.push(`request ${item}`);
      await sleep(5);
      events.push(`done ${item}`);
    });
    assert.deepEqual(events.slice(0, 6), ['start a', 'request a', 'start b', 'request b', 'start c', 'request c']);
  });

  it('rejects with the first failure, and a failure while later items are still starting is not left unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await assert.rejects(
        mapConcurrently([1, 2, 3], 3, async (item) => {
          if (item === 1) throw new Error('item 1 failed');
          await sleep(5);
        }),
        /item 1 failed/,
      );
      await sleep(10);
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
