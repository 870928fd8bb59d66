import { childValue, isPlaceholderNode, keyOf, stringValue } from '../document/json';
import { Rule } from './rule';

/**
 * Fix payload: `{ addAwsLogs: { family?: string } }`, add (or complete) the container's `logConfiguration`
 * with the awslogs driver; `family`, when known, names the log group and stream prefix.
 */
export const logConfiguration: Rule = {
  meta: {
    id: 'log-configuration',
    title: 'Containers should have a log configuration with a log driver',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.9', configRule: 'ecs-task-definition-log-configuration' },
  },
  check({ doc, reportAt, reportMissing }) {
    const familyNode = doc.task?.get('family');
    const family = isPlaceholderNode(familyNode) ? undefined : stringValue(familyNode);
    const fix = { addAwsLogs: family ? { family } : {} };
    const advice = 'for example "awslogs" with a CloudWatch Logs group, so the container\'s output is kept.';
    for (const container of doc.containers) {
      const config = container.get('logConfiguration');
      if (!config) {
        reportMissing(container, `Container ${container.label} has no "logConfiguration" (Security Hub ECS.9). Add one with a log driver, ${advice}`, fix);
        continue;
      }
      if (config.type === 'null') {
        reportAt(config, `Container ${container.label} sets "logConfiguration" to null (Security Hub ECS.9). Replace it with a log configuration, ${advice}`, fix);
        continue;
      }
      // Placeholders and other types are unknown or left to the value-type rule.
      if (config.type !== 'object') continue;
      const driver = childValue(config, 'logDriver');
      if (!driver) {
        // The key is the narrowest stand-in for an object that may span many lines.
        reportAt(keyOf(config) ?? config, `Container ${container.label} has a "logConfiguration" without a "logDriver" (Security Hub ECS.9). Set "logDriver", ${advice}`, fix);
      } else if (driver.type === 'null') {
        reportAt(driver, `Container ${container.label} sets "logDriver" to null (Security Hub ECS.9). Set a log driver, ${advice}`, fix);
      }
    }
  },
};
