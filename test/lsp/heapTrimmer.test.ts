import * as assert from 'node:assert/strict';
import { garbageAllowance, Heap, HeapTrimmer, processHeap } from '../../server/src/lsp/heapTrimmer';

const MiB = 1024 * 1024;

/** A heap whose size the test sets; a collection brings it down to what the test says is live. */
class ScriptedHeap implements Heap {
  collections = 0;
  constructor(
    public used: number,
    public live: number,
  ) {}
  usedBytes(): number {
    return this.used;
  }
  collect(): void {
    this.collections++;
    this.used = this.live;
  }
}

describe('HeapTrimmer', () => {
  let heap: ScriptedHeap;
  let trimmer: HeapTrimmer;
  let deferred: (() => void)[];
  const runDeferred = () => deferred.splice(0).forEach((callback) => callback());

  beforeEach(() => {
    heap = new ScriptedHeap(10 * MiB, 10 * MiB);
    deferred = [];
    trimmer = new HeapTrimmer(heap, (callback) => deferred.push(callback));
  });

  it('leaves the garbage of small documents to V8', () => {
    for (let keystroke = 0; keystroke < 15; keystroke++) {
      heap.used += 2 * MiB; // a 64 KiB document's tree, each keystroke (V8 collects about every ten)
      trimmer.afterPublish();
      runDeferred();
    }
    assert.equal(heap.collections, 0);
  });

  it('collects once the garbage passes 32 MiB, after the publish rather than during it', () => {
    heap.used += 70 * MiB; // the previous version of a 5 MB document
    trimmer.afterPublish();
    assert.equal(heap.collections, 0, 'not while the publish is on its way');
    runDeferred();
    assert.equal(heap.collections, 1);
    assert.equal(heap.used, 10 * MiB);
  });

  it('collects once for publishes that come before the collection runs', () => {
    heap.used += 70 * MiB;
    trimmer.afterPublish();
    heap.used += 70 * MiB;
    trimmer.afterPublish();
    runDeferred();
    assert.equal(heap.collections, 1);
  });

  it('tolerates garbage of half the live heap when that is more than 32 MiB: a collection must pay for itself', () => {
    assert.equal(garbageAllowance(10 * MiB), 32 * MiB);
    assert.equal(garbageAllowance(400 * MiB), 200 * MiB);
    heap.live = 400 * MiB;
    heap.used = 470 * MiB;
    trimmer.afterPublish();
    runDeferred();
    assert.equal(heap.collections, 1, 'the first collection measures what is live');
    heap.used += 150 * MiB;
    trimmer.afterPublish();
    runDeferred();
    assert.equal(heap.collections, 1, '150 MiB of garbage over 400 MiB live: not yet');
    heap.used += 60 * MiB;
    trimmer.afterPublish();
    runDeferred();
    assert.equal(heap.collections, 2);
  });
});

describe('processHeap (this Node)', () => {
  it('collects garbage on request', () => {
    const heap = processHeap();
    assert.ok(heap, 'the runtime exposes its collector');
    heap.collect();
    const before = heap.usedBytes();
    let garbage: unknown[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({ i, text: `node ${i}` }));
    assert.ok(heap.usedBytes() > before + 10 * MiB, 'the garbage is on the heap');
    garbage = undefined;
    heap.collect();
    assert.ok(heap.usedBytes() < before + 2 * MiB, `${((heap.usedBytes() - before) / MiB).toFixed(1)} MiB left after the collection`);
    assert.equal(garbage, undefined);
  });
});
