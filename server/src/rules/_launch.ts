import { arrayItems, childValue } from '../document/json';
import { EcsResource, possibleStrings } from '../document/resources';
import { TaskDefinitionDocument } from '../document/taskDefinition';

/** The Fargate capacity providers: a strategy that names one runs tasks on Fargate. */
const FARGATE_CAPACITY_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'];

/**
 * How a service or task set runs its tasks, as far as the document says: `fargate` when its launch type is
 * FARGATE or its capacity provider strategy names FARGATE or FARGATE_SPOT; `other` for EC2 or EXTERNAL;
 * `unknown` when it says neither (the cluster's default strategy decides) or a value is not literal.
 */
export function launchOf(resource: EcsResource): 'fargate' | 'other' | 'unknown' {
  const launchTypes = possibleStrings(resource, resource.properties.get('launchType')).map((possible) => possible.value);
  if (launchTypes.includes('FARGATE')) return 'fargate';
  if (launchTypes.length > 0) return 'other';
  const providers = resource.properties.items('capacityProviderStrategy').flatMap((item) => possibleStrings(resource, item.get('capacityProvider')).map((possible) => possible.value));
  if (providers.some((provider) => FARGATE_CAPACITY_PROVIDERS.includes(provider))) return 'fargate';
  return providers.length > 0 ? 'other' : 'unknown';
}

/** The features of a task definition that need Fargate Linux platform version 1.4.0 or later. */
export function featuresNeeding140(taskDefinition: TaskDefinitionDocument | undefined): string[] {
  const task = taskDefinition?.task;
  if (!task) return [];
  const features: string[] = [];
  if (arrayItems(task.get('volumes')).some((volume) => childValue(volume, 'efsVolumeConfiguration') !== undefined)) features.push('EFS volumes');
  if (task.get('ephemeralStorage') !== undefined) features.push('ephemeralStorage');
  return features;
}
