/**
 * When the coverage view polls GuardDuty. Automatic refreshes only serve someone looking: the view itself,
 * or the status-bar item of a window in front. A window in the background, or one whose view is closed
 * and has no status-bar item, makes no calls; when it comes back, stale data is refreshed at once.
 */
export interface PollingInput {
  /** The coverage view is open and not collapsed (TreeView.visible). */
  readonly viewVisible: boolean;
  /** The status-bar item is shown (a trusted workspace with regions). */
  readonly statusBarShown: boolean;
  /** The window has focus: a status-bar item of a window behind others is not being read. */
  readonly windowFocused: boolean;
}

export function shouldPoll(input: PollingInput): boolean {
  return input.viewVisible || (input.statusBarShown && input.windowFocused);
}

/**
 * Whether the last refresh is older than the interval (or there was none). With automatic refreshes off
 * (interval 0) nothing is ever stale: only the refresh button loads.
 */
export function isStale(lastAttemptAt: Date | undefined, intervalMinutes: number, now: Date): boolean {
  if (intervalMinutes <= 0) return false;
  if (!lastAttemptAt) return true;
  return now.getTime() - lastAttemptAt.getTime() >= intervalMinutes * 60_000;
}

/** The status-bar item is shown in a trusted workspace with regions chosen; the coverage bundle loads for it. */
export function showsStatusBar(trusted: boolean, regions: readonly string[]): boolean {
  return trusted && regions.length > 0;
}
