import type { CoverageViewSession } from './coverageView/vscode/coverageViewSession';

/**
 * What `activate` returns, read with `vscode.extensions.getExtension('ecs-guard.ecs-guard').exports`.
 * The e2e suite reads the coverage tree through it (`coverageView.roots`, plain nodes).
 */
export interface EcsGuardApi {
  readonly coverageView: CoverageViewSession;
}
