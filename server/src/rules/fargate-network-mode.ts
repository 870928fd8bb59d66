import { stringValue } from '../document/json';
import { isFargate } from '../document/facts';
import { setValue } from '../document/jsonEdit';
import { describeSetting, isRecord, replaceWithAllowed } from './_fix';
import { notTakenBy } from './_unsupported';
import { Rule } from './rule';

/*
 * Fix payloads: `{ replaceWith: 'awsvpc' }` replaces the reported value;
 * `{ insert: { networkMode: 'awsvpc' } }` adds the property to the task object.
 */

export const fargateNetworkMode: Rule = {
  meta: {
    id: 'fargate-network-mode',
    title: 'Fargate tasks must use the awsvpc network mode',
    defaultSeverity: 'error',
    enforces: { source: 'ecs-api', requirement: 'A task definition that requires FARGATE must set networkMode to awsvpc' },
  },
  check({ doc, reportAt, reportMissing, reports }) {
    const task = doc.task;
    if (!task || !isFargate(doc)) return;
    const mode = task.get('networkMode');
    if (!mode) {
      reportMissing(task, 'This task requires Fargate, which only supports the "awsvpc" network mode, and "networkMode" is missing (it would default to bridge): add "networkMode": "awsvpc".', {
        insert: { networkMode: 'awsvpc' },
      });
      return;
    }
    if (mode.type === 'null') {
      reportAt(mode, 'This task requires Fargate, which only supports the "awsvpc" network mode: set "networkMode": "awsvpc".', { replaceWith: 'awsvpc' });
      return;
    }
    const value = stringValue(mode);
    // The table says which modes Fargate does not take and who reports them: "host" is host-network-mode's (ECS.17
    // fails it too), ours when that rule is off. Other types and case variants such as "AWSVPC" are value-type
    // findings, with the same fix.
    if (notTakenBy(doc, mode).fargate?.reportedBy?.find(reports) !== fargateNetworkMode.meta.id) return;
    reportAt(mode, `This task requires Fargate, which only supports the "awsvpc" network mode, not "${value}": set "networkMode": "awsvpc".`, { replaceWith: 'awsvpc' });
  },
  // awsvpc is the only mode Fargate takes, but it changes how the task is networked: the user decides.
  fixes(fix, { doc, path }) {
    if (!isRecord(fix.insert)) return replaceWithAllowed(fix, path, ['awsvpc'], false);
    if (fix.insert.networkMode !== 'awsvpc' || !doc.task) return [];
    return [{ title: `Add ${describeSetting('networkMode', 'awsvpc')}`, edits: [setValue([...doc.task.path, 'networkMode'], 'awsvpc')], safe: false, preferred: true }];
  },
};
