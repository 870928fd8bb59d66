import { arrayItems, childValue, keyOf, stringValue } from '../document/json';
import { setValue } from '../document/jsonEdit';
import { describeSetting, isRecord } from './_fix';
import { Rule } from './rule';

/** Fix payload: `{ set: { key: 'transitEncryption', value: 'ENABLED' } }`, set it in the volume's `efsVolumeConfiguration`. */
export const efsTransitEncryption: Rule = {
  meta: {
    id: 'efs-transit-encryption',
    title: 'EFS volumes should use encryption in transit',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.18', configRule: 'ecs-task-definition-efs-encryption-enabled' },
  },
  check({ doc, reportAt }) {
    const fix = { set: { key: 'transitEncryption', value: 'ENABLED' } };
    arrayItems(doc.task?.get('volumes')).forEach((volume, index) => {
      const efs = childValue(volume, 'efsVolumeConfiguration');
      if (efs?.type !== 'object') return;
      const name = stringValue(childValue(volume, 'name'));
      const label = name ? `"${name}"` : `#${index + 1}`;
      const advice = 'Set "transitEncryption": "ENABLED" so NFS traffic between the task and the file system is encrypted with TLS.';
      const setting = childValue(efs, 'transitEncryption');
      if (!setting) {
        // The key stands for the whole configuration object, which may span many lines.
        reportAt(keyOf(efs) ?? efs, `EFS volume ${label} does not set "transitEncryption", which defaults to DISABLED (Security Hub ECS.18). ${advice}`, fix);
      } else if (setting.type === 'null') {
        reportAt(setting, `EFS volume ${label} leaves "transitEncryption" unset, which means DISABLED (Security Hub ECS.18). ${advice}`, fix);
      } else if (stringValue(setting) === 'DISABLED') {
        reportAt(setting, `EFS volume ${label} mounts without encryption in transit (Security Hub ECS.18). ${advice}`, fix);
      }
    });
  },
  fixes(fix, { path }) {
    // The finding is on the configuration (or its key) or on the setting inside it.
    const configurationEnd = path.lastIndexOf('efsVolumeConfiguration') + 1;
    if (!isRecord(fix.set) || fix.set.key !== 'transitEncryption' || configurationEnd === 0) return [];
    const setting = [...path.slice(0, configurationEnd), 'transitEncryption'];
    return [{ title: `Set ${describeSetting('transitEncryption', 'ENABLED')}`, edits: [setValue(setting, 'ENABLED')], safe: true, preferred: true }];
  },
};
