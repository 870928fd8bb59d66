import { arrayItems, childValue, stringValue } from '../document/json';
import { appendItem, JsonEdit, removeValue, setValue } from '../document/jsonEdit';
import { ContainerView } from '../document/taskDefinition';
import { isRecord } from './_fix';
import { FixProposal, Rule } from './rule';

/** A recognised placeholder, so the new secret gets no finding until it is filled in. */
export const SECRET_ARN_PLACEHOLDER = 'arn:aws:secretsmanager:<REGION>:<ACCOUNT_ID>:secret:<SECRET_NAME>';

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
  // Both proposals drop the value from the file and need a secret or a task role the user has to set up.
  fixes(fix, { doc }) {
    const move = isRecord(fix.moveToSecrets) ? fix.moveToSecrets : undefined;
    const container = move && doc.containers.find((candidate) => candidate.index === move.containerIndex);
    const environmentIndex = move?.environmentIndex;
    if (!move || !container || typeof environmentIndex !== 'number') return [];
    const entry = arrayItems(container.get('environment'))[environmentIndex];
    const name = stringValue(childValue(entry, 'name'));
    // A payload from an older version of the document may point at another variable by now.
    if (name === undefined || name !== move.name || !SECRET_KEYS.has(name)) return [];
    const removal = removeValue([...container.path, 'environment', environmentIndex]);
    const proposals: FixProposal[] = [];
    const toSecrets = secretEdit(container, name);
    if (toSecrets) {
      proposals.push({
        title: `Move ${name} to "secrets" (fill in <REGION>, <ACCOUNT_ID> and <SECRET_NAME> in its valueFrom)`,
        edits: toSecrets === 'already-there' ? [removal] : [toSecrets, removal],
        safe: false,
        preferred: true,
      });
    }
    if (name.startsWith('AWS_')) {
      proposals.push({ title: `Remove ${name} (give the task a task role instead)`, edits: [removal], safe: false });
    }
    return proposals;
  },
};

/** Adds `{ name, valueFrom }` to the container's secrets, creating the list when there is none. */
function secretEdit(container: ContainerView, name: string): JsonEdit | 'already-there' | undefined {
  const secrets = container.get('secrets');
  const secret = { name, valueFrom: SECRET_ARN_PLACEHOLDER };
  if (!secrets || secrets.type === 'null') return setValue([...container.path, 'secrets'], [secret]);
  if (secrets.type !== 'array') return undefined;
  if (arrayItems(secrets).some((item) => stringValue(childValue(item, 'name')) === name)) return 'already-there';
  return appendItem([...container.path, 'secrets'], secret);
}
