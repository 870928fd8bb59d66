import { arrayItems, childValue, stringValue } from '../document/json';
import { Rule } from './rule';

/** The keys Security Hub fixes for the Config rule's `secretKeys` parameter. */
const SECRET_KEYS: ReadonlyMap<string, string> = new Map([
  ['AWS_ACCESS_KEY_ID', 'drop the access keys and give the task a task role'],
  ['AWS_SECRET_ACCESS_KEY', 'drop the access keys and give the task a task role'],
  ['ECS_ENGINE_AUTH_DATA', 'use "repositoryCredentials" for private registry authentication'],
]);

/**
 * Fix payload: `{ moveToSecrets: { name, containerIndex, environmentIndex } }`, move
 * `containerDefinitions[containerIndex].environment[environmentIndex]` into that container's `secrets`
 * (whoever applies it supplies the `valueFrom` ARN). The variable's value is never copied into the payload.
 */
export const environmentSecrets: Rule = {
  meta: {
    id: 'environment-secrets',
    title: 'AWS credentials and registry auth data should not be passed as plain environment variables',
    defaultSeverity: 'warning',
    enforces: { source: 'security-hub', control: 'ECS.8', configRule: 'ecs-no-environment-secrets' },
  },
  check({ doc, reportAt }) {
    for (const container of doc.containers) {
      arrayItems(container.get('environment')).forEach((entry, environmentIndex) => {
        const nameNode = childValue(entry, 'name');
        const name = stringValue(nameNode);
        const alternative = name === undefined ? undefined : SECRET_KEYS.get(name);
        if (!nameNode || !name || !alternative) return;
        // Messages name the variable but never echo its value.
        reportAt(
          nameNode,
          `Container ${container.label} passes ${name} as a plain environment variable, readable by anyone who can describe the task definition (Security Hub ECS.8). Move it to "secrets" with a Secrets Manager or Parameter Store ARN, or ${alternative}.`,
          { moveToSecrets: { name, containerIndex: container.index, environmentIndex } },
        );
      });
    }
  },
};
