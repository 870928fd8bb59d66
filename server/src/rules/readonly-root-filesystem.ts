import { booleanValue } from '../document/json';
import { setOnContainer } from './_fix';
import { platform } from '../document/facts';
import { Rule } from './rule';

/** Fix payload: `{ set: { key: 'readonlyRootFilesystem', value: true } }`, set the container's property. */
export const readonlyRootFilesystem: Rule = {
  meta: {
    id: 'readonly-root-filesystem',
    title: 'Containers should have a read-only root filesystem',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.5', configRule: 'ecs-containers-readonly-access' },
  },
  check({ doc, reportAt, reportMissing }) {
    // Security Hub marks Windows task definitions NOT_APPLICABLE (Windows containers do not support the
    // parameter); with a placeholder OS family we cannot tell.
    if (platform(doc).os !== 'linux') return;
    const fix = { set: { key: 'readonlyRootFilesystem', value: true } };
    for (const container of doc.containers) {
      const node = container.get('readonlyRootFilesystem');
      const advice = 'Set "readonlyRootFilesystem": true and mount a volume for each path the container must write to.';
      if (!node) {
        reportMissing(container, `Container ${container.label} does not set "readonlyRootFilesystem", so its root filesystem is writable (Security Hub ECS.5). ${advice}`, fix);
      } else if (node.type === 'null') {
        reportAt(node, `Container ${container.label} leaves "readonlyRootFilesystem" unset, so its root filesystem is writable (Security Hub ECS.5). ${advice}`, fix);
      } else if (booleanValue(node) === false) {
        reportAt(node, `Container ${container.label} has a writable root filesystem (Security Hub ECS.5). ${advice}`, fix);
      }
    }
  },
  fixes(fix, { doc, path }) {
    return setOnContainer(fix, doc, path, 'readonlyRootFilesystem', true, true);
  },
};
