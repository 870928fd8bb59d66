import { Summary } from './stats';

/** One figure of bench/results.json, by its stable name. */
export interface Figure {
  readonly name: string;
  /** What is measured, for the table. */
  readonly what: string;
  readonly unit: 'x' | 'ms' | 'bytes' | 'B/B';
  /** The median (ratios: of the per-round ratios). */
  readonly value: number;
  /** Lower is better everywhere; the figure meets its target when value <= target. */
  readonly target: number | null;
  readonly spread?: Pick<Summary, 'p25' | 'p75' | 'min' | 'max' | 'n'>;
  /** The reference or peer, in words with its own number. */
  readonly reference?: string;
  readonly notes?: string;
}

export function spreadOf(summary: Summary): Figure['spread'] {
  return { p25: summary.p25, p75: summary.p75, min: summary.min, max: summary.max, n: summary.n };
}

export interface RunOptions {
  readonly quick: boolean;
  readonly log: (line: string) => void;
}
