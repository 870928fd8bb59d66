import { setValue } from '../document/jsonEdit';
import { describeResource, nodeInDocument, possibleStrings } from '../document/resources';
import { ResourceRule } from './rule';
import { reportPossible } from './_possible';

/** Fix payload `{ managedTerminationProtection: 'ENABLED' }` on a literal "DISABLED". */
export const capacityProviderTerminationProtection: ResourceRule = {
  meta: {
    id: 'capacity-provider-termination-protection',
    title: 'Capacity providers should have managed termination protection enabled',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.19', configRule: 'ecs-capacity-provider-termination-check' },
  },
  kinds: ['capacity-provider'],
  check({ resource, reportAt, reportMissing }) {
    const provider = resource.properties.object('autoScalingGroupProvider');
    if (!provider.node) return;
    const key = provider.keyFor('managedTerminationProtection');
    const advice = `Set "${key}" to "ENABLED" (it needs managed scaling turned on and scale-in protection on the Auto Scaling group's instances).`;
    const value = provider.get('managedTerminationProtection');
    if (value === undefined) {
      reportMissing(provider, `${describeResource(resource)} has no "${key}", so it is DISABLED: scaling in can terminate instances that still run tasks (Security Hub ECS.19). ${advice}`);
      return;
    }
    for (const possible of possibleStrings(resource, value)) {
      if (possible.value !== 'DISABLED') continue;
      reportPossible(
        reportAt,
        possible,
        `${describeResource(resource)} turns managed termination protection off, so scaling in can terminate instances that still run tasks (Security Hub ECS.19). ${advice}`,
        { managedTerminationProtection: 'ENABLED' },
      );
    }
  },
  fixes(fix, { resource, path }) {
    const node = nodeInDocument(resource, path);
    if (fix.managedTerminationProtection !== 'ENABLED' || node?.type !== 'string') return [];
    // Needs a decision: ECS rejects it unless managed scaling is on and the group protects new instances from scale-in.
    return [{ title: 'Set managed termination protection "ENABLED" (needs managed scaling and instance scale-in protection)', edits: [setValue(path, 'ENABLED')], safe: false, preferred: true }];
  },
};
