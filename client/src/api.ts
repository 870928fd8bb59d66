import type { CoverageViewSession } from './coverageView/vscode/coverageViewSession';

/**
 * What `activate` returns, read with `vscode.extensions.getExtension('ecs-guard.ecs-guard').exports`.
 * The e2e suite reads the coverage tree through it (`coverageView().roots`, plain nodes).
 */
export interface EcsGuardApi {
  /** Whether the coverage bundle has been loaded (the view or its status-bar item was needed). */
  readonly coverageViewLoaded: boolean;
  /** The coverage view's session, loading its bundle if needed. */
  coverageView(): CoverageViewSession;
}
