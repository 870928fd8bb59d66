/**
 * Logs that a document's diagnostics were capped, once per document and number of findings: not again on every
 * keystroke of a large file, where the same notice would fill the log and go out before the diagnostics.
 */
export class TruncationNotices {
  private readonly reported = new Map<string, number>();

  constructor(
    private readonly limitPerRule: number,
    private readonly log: (message: string) => void,
  ) {}

  /** Call after publishing `shown` of a document's `total` findings. */
  published(uri: string, total: number, shown: number): void {
    if (shown === total) {
      this.reported.delete(uri);
      return;
    }
    if (this.reported.get(uri) === total) return;
    this.reported.set(uri, total);
    this.log(`${uri} has ${total} findings; the first ${this.limitPerRule} of each rule are shown (ecs-guard lint lists them all).`);
  }

  forget(uri: string): void {
    this.reported.delete(uri);
  }
}
