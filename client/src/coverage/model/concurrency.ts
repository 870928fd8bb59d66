import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * `work` over every item, at most `limit` at a time; results in the order of `items`. The first items start
 * one event-loop turn apart: each gets as far as its first wait on I/O (its first request on the wire) before
 * the next one starts, where starting them all at once would advance every item's set-up in lockstep and
 * put the first request of each on the wire only after all of them were set up.
 */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  const workers: Promise<void>[] = [];
  for (let started = 0; started < Math.max(1, Math.min(limit, items.length)); started++) {
    if (started > 0) await nextTurn();
    const running = worker();
    // Awaited below with the others; a failure must not count as unhandled while the next ones start.
    running.catch(() => undefined);
    workers.push(running);
  }
  await Promise.all(workers);
  return results;
}
