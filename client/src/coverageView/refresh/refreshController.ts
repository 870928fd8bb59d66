import { CoverageTransition, newlyUnhealthy, RegionCoverage } from '../../coverage';
import { CoverageLoader } from './coverageLoader';
import { Scheduler, systemScheduler } from './scheduler';

export interface RefreshState {
  /** The last refresh that completed (its failed regions included); undefined before the first. */
  readonly snapshot: readonly RegionCoverage[] | undefined;
  readonly refreshing: boolean;
  /** When a refresh last completed with at least one region loaded. */
  readonly lastRefreshedAt: Date | undefined;
}

/** What started a refresh; an interval tick yields to a refresh already in flight, anything else replaces it. */
export type RefreshReason = 'manual' | 'interval' | 'settings' | 'credentials' | 'trust';

/** applied: the result is shown; cancelled: a newer refresh or a Cancel cut it short; skipped: not started. */
export type RefreshOutcome = 'applied' | 'cancelled' | 'skipped';

export interface RefreshControllerOptions {
  readonly load: CoverageLoader;
  /** False in an untrusted workspace or without regions: then nothing is loaded at all. */
  readonly canLoad: () => boolean;
  readonly onDidChange: (state: RefreshState) => void;
  /** Clusters that were HEALTHY at their last load and are UNHEALTHY now. */
  readonly onNewlyUnhealthy: (transitions: CoverageTransition[]) => void;
  readonly scheduler?: Scheduler;
}

/** File watchers fire several events for one save; they are gathered into one refresh. */
export const REFRESH_SOON_DELAY_MS = 750;

interface InFlight {
  readonly abort: AbortController;
}

/**
 * Runs refreshes: one at a time (a new one aborts the one in flight through the core's `signal`), on
 * demand and on an interval, and remembers each region's last good load to tell which clusters became
 * unhealthy. Knows nothing of VS Code.
 */
export class CoverageRefreshController {
  private readonly scheduler: Scheduler;
  private inFlight: InFlight | undefined;
  private snapshot: readonly RegionCoverage[] | undefined;
  private lastRefreshedAt: Date | undefined;
  /**
   * Per region, the last load that succeeded and when: a region failing once must not hide a transition,
   * and its clusters stay shown (stale) while it fails.
   */
  private readonly lastKnown = new Map<string, { readonly region: RegionCoverage; readonly loadedAt: Date }>();
  private stopInterval: (() => void) | undefined;
  private cancelPending: (() => void) | undefined;
  private disposed = false;

  constructor(private readonly options: RefreshControllerOptions) {
    this.scheduler = options.scheduler ?? systemScheduler;
  }

  get state(): RefreshState {
    return { snapshot: this.snapshot, refreshing: this.inFlight !== undefined, lastRefreshedAt: this.lastRefreshedAt };
  }

  async refresh(reason: RefreshReason = 'manual'): Promise<RefreshOutcome> {
    if (this.disposed || !this.options.canLoad()) return 'skipped';
    if (reason === 'interval' && this.inFlight) return 'skipped';
    this.inFlight?.abort.abort();
    const current: InFlight = { abort: new AbortController() };
    this.inFlight = current;
    this.emit();
    // Each region is shown as soon as it is done; transitions and the refresh time wait for the whole load.
    const regions = await this.options.load(current.abort.signal, (region) => {
      if (this.inFlight !== current || this.disposed) return;
      this.snapshot = [...(this.snapshot ?? []).filter((shown) => shown.region !== region.region), this.withStaleData(region)];
      this.emit();
    });
    if (current.abort.signal.aborted || this.disposed) return 'cancelled';
    this.inFlight = undefined;
    this.apply(regions);
    return 'applied';
  }

  /** A refresh shortly, however many times this is called meanwhile (credential file changes). */
  refreshSoon(reason: RefreshReason): void {
    this.cancelPending?.();
    this.cancelPending = this.scheduler.after(REFRESH_SOON_DELAY_MS, () => {
      this.cancelPending = undefined;
      void this.refresh(reason);
    });
  }

  /** Aborts the refresh in flight; the previous data stays. False when there was none. */
  cancel(): boolean {
    const current = this.inFlight;
    if (!current) return false;
    this.inFlight = undefined;
    current.abort.abort();
    this.emit();
    return true;
  }

  /** Refreshes every `minutes` from now on; 0 (or less) stops the interval. */
  setIntervalMinutes(minutes: number): void {
    this.stopInterval?.();
    this.stopInterval = minutes > 0 ? this.scheduler.every(minutes * 60_000, () => void this.refresh('interval')) : undefined;
  }

  /** After a profile or endpoint change the old snapshots belong to other accounts: do not compare with them. */
  forgetHistory(): void {
    this.lastKnown.clear();
  }

  dispose(): void {
    this.cancel();
    this.disposed = true;
    this.stopInterval?.();
    this.cancelPending?.();
  }

  private apply(regions: readonly RegionCoverage[]): void {
    const transitions = newlyUnhealthy(
      [...this.lastKnown.values()].map((known) => known.region),
      regions,
    );
    const now = this.scheduler.now();
    this.snapshot = regions.map((region) => this.withStaleData(region));
    for (const region of regions) {
      if (!region.error) this.lastKnown.set(region.region, { region, loadedAt: now });
      // GuardDuty turned off: the clusters it listed are gone, not stale.
      else if (region.error.kind === 'no-detector') this.lastKnown.delete(region.region);
    }
    if (regions.some((region) => !region.error)) this.lastRefreshedAt = this.scheduler.now();
    this.emit();
    if (transitions.length) this.options.onNewlyUnhealthy(transitions);
  }

  /** A failed region that loaded before shows that load, marked stale, next to the error. */
  private withStaleData(region: RegionCoverage): RegionCoverage {
    const known = region.error && region.error.kind !== 'no-detector' ? this.lastKnown.get(region.region) : undefined;
    if (!known) return region;
    return { ...known.region, error: region.error, stale: { loadedAt: known.loadedAt } };
  }

  private emit(): void {
    this.options.onDidChange(this.state);
  }
}
