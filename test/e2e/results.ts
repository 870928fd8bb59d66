/** What the runner extension writes and the harness reads. */
export interface E2eResults {
  readonly tests: E2eTestResult[];
  readonly durationMs: number;
  /** Set when the suite could not be loaded or run at all. */
  readonly error?: string;
}

export interface E2eTestResult {
  readonly title: string;
  readonly state: 'passed' | 'failed' | 'skipped';
  readonly durationMs?: number;
  readonly error?: string;
}
