import type { CoverageTransition } from '../../coverage';
import { plural } from './viewSummary';

/** Clusters named in one notification; the rest are counted. */
const MAX_NAMED = 3;

/**
 * The notification for clusters that went from HEALTHY to UNHEALTHY between two refreshes (the core's
 * newlyUnhealthy); undefined when there are none. It names ECS Guard's title of the first issue, never
 * GuardDuty's raw text, so it stays short.
 */
export function transitionNotice(transitions: readonly CoverageTransition[]): string | undefined {
  const unhealthy = transitions.filter((transition) => transition.to === 'UNHEALTHY');
  if (unhealthy.length === 0) return undefined;
  if (unhealthy.length === 1) {
    const [only] = unhealthy;
    const issue = only.cluster.issues[0];
    return `GuardDuty coverage: ECS cluster ${only.clusterName} (${only.region}, account ${only.accountId}) became UNHEALTHY${issue ? `: ${issue.title}` : ''}.`;
  }
  const named = unhealthy.slice(0, MAX_NAMED).map((transition) => `${transition.clusterName} (${transition.region})`);
  const more = unhealthy.length - named.length;
  return `GuardDuty coverage: ${plural(unhealthy.length, 'ECS cluster')} became UNHEALTHY: ${named.join(', ')}${more ? ` and ${more} more` : ''}.`;
}
