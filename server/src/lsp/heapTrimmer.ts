import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** The heap as the trimmer sees it; tests pass their own. */
export interface Heap {
  usedBytes(): number;
  /** A full garbage collection, now. */
  collect(): void;
}

/** Garbage tolerated between collections: a full collection marks everything live, so it must free a good share of that. */
export function garbageAllowance(liveBytes: number): number {
  return Math.max(32 * 1024 * 1024, liveBytes / 2);
}

/**
 * Collects the garbage of large documents right after their diagnostics are published, when the document's
 * keystrokes are held anyway (see KeyedDebouncer). Each version of a large document leaves a whole syntax tree
 * behind, about 15 bytes per byte of text; V8 lets its heap grow to about four times what is live before a
 * full collection (700 MB for a 5 MB document), and then collects in the middle of a keystroke's parse.
 * With 32 MiB of garbage allowed, a 5 MB document is collected after every edit, a 1 MB one after about every
 * third, and small documents never: V8 collects them on its own first.
 */
export class HeapTrimmer {
  private liveBytes: number;
  private scheduled = false;

  constructor(
    private readonly heap: Heap,
    private readonly defer: (callback: () => void) => void = setImmediate,
  ) {
    this.liveBytes = heap.usedBytes();
  }

  /** Call after publishing: the previous version's analysis is garbage by now. */
  afterPublish(): void {
    if (this.scheduled || this.heap.usedBytes() - this.liveBytes < garbageAllowance(this.liveBytes)) return;
    this.scheduled = true;
    // After the publish is written out, not before it.
    this.defer(() => {
      this.scheduled = false;
      this.heap.collect();
      this.liveBytes = this.heap.usedBytes();
    });
  }
}

/**
 * This process's V8 heap, or undefined when the runtime will not expose its collector. `--expose-gc` set at run
 * time, so that every way the server is started (the VS Code client, `ecs-guard-language-server` in other
 * editors) gets it; it installs `gc` only in contexts created afterwards, such as this one. Node and Electron
 * (VS Code runs the server with its own) both keep V8's flags writable after start for `v8.setFlagsFromString`.
 */
export function processHeap(): Heap | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    if (typeof gc !== 'function') return undefined;
    return { usedBytes: () => v8.getHeapStatistics().used_heap_size, collect: () => void gc() };
  } catch {
    return undefined;
  }
}
