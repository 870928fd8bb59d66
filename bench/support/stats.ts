/** A set of repeated measurements, summarised by its median and its spread. */
export interface Summary {
  readonly median: number;
  /** 25th and 75th percentiles: half the repetitions fall between them. */
  readonly p25: number;
  readonly p75: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  // Nearest rank: a p95 of 20 samples is the 19th, a sample that happened.
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return {
    median,
    p25: percentile(sorted, 25),
    p75: percentile(sorted, 75),
    p95: percentile(sorted, 95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    n: sorted.length,
  };
}

/**
 * Runs each candidate once per round, in an order that rotates from round to round, so that drift on a
 * shared machine (other processes, thermal, GC) hits every candidate alike. Returns each candidate's
 * per-round measurements.
 */
export async function interleave<K extends string>(rounds: number, candidates: Record<K, () => Promise<number> | number>): Promise<Record<K, number[]>> {
  const names = Object.keys(candidates) as K[];
  const results = Object.fromEntries(names.map((name) => [name, [] as number[]])) as unknown as Record<K, number[]>;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length];
      results[name].push(await candidates[name]());
    }
  }
  return results;
}

/** Per-round ratios `ours[i] / reference[i]`: measured side by side, so they cancel the machine's drift. */
export function ratios(ours: readonly number[], reference: readonly number[]): number[] {
  return ours.map((value, i) => value / reference[i]);
}

/**
 * CPU milliseconds per call of `run`, repeating it until the batch takes at least `minMs` of CPU time
 * (a single small call is below the clock's resolution).
 */
export function cpuMsPerCall(run: () => void, minMs: number): number {
  let calls = 0;
  let spent = 0;
  while (spent < minMs) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    spent += (used.user + used.system) / 1000;
    calls++;
  }
  return spent / calls;
}

/** cpuMsPerCall for a `run` that returns a promise (the CPU time counts until it settles). */
export async function cpuMsPerAsyncCall(run: () => Promise<unknown>, minMs: number): Promise<number> {
  let calls = 0;
  let spent = 0;
  while (spent < minMs) {
    const start = process.cpuUsage();
    await run();
    const used = process.cpuUsage(start);
    spent += (used.user + used.system) / 1000;
    calls++;
  }
  return spent / calls;
}
