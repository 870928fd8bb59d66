import { isFargate, networkMode } from '../document/facts';
import { arrayItems, childValue, numberValue, pathOf } from '../document/json';
import { TaskDefinitionDocument } from '../document/taskDefinition';
import { removeFix } from './_unsupported';
import { Rule } from './rule';

/**
 * Fix payload: `{ remove: <JSON path> }`, the `hostPort` to delete. Under the awsvpc and host network modes a
 * container's port is the port on the task's network interface or on the host, so ECS takes no other host port
 * ("When networkMode=awsvpc, the host ports and container ports in port mappings must match"), whatever the launch
 * type. Under bridge (and Windows' default NAT network) host ports are mapped freely.
 */
export const hostPortMismatch: Rule = {
  meta: {
    id: 'host-port-mismatch',
    title: 'Under the awsvpc or host network mode, a hostPort must be absent or equal to its containerPort',
    defaultSeverity: 'error',
    enforces: {
      source: 'ecs-api',
      requirement: 'RegisterTaskDefinition rejects a port mapping whose hostPort differs from its containerPort when the network mode is awsvpc or host',
    },
  },
  check({ doc, reportAt }) {
    const mode = portMode(doc);
    if (!mode) return;
    for (const container of doc.containers) {
      for (const mapping of arrayItems(container.get('portMappings'))) {
        const hostPortNode = childValue(mapping, 'hostPort');
        const hostPort = numberValue(hostPortNode);
        const containerPort = numberValue(childValue(mapping, 'containerPort'));
        // 0 asks for a dynamic port, which neither mode can give; an absent containerPort is another problem.
        if (hostPort === undefined || containerPort === undefined || hostPort === containerPort) continue;
        reportAt(
          hostPortNode!,
          `"hostPort": ${hostPort} in container ${container.label} differs from its "containerPort", ${containerPort}: ${mode.why}, so ECS rejects a task definition whose host and container ports differ. Remove "hostPort" (or set it to ${containerPort}).`,
          { remove: pathOf(hostPortNode!) },
        );
      }
    }
  },
  // Which port the task should be reached on (keep the container's, or map ports under bridge) is the user's call.
  fixes(fix, { doc }) {
    return removeFix(fix, doc);
  },
};

/** The network mode the ports follow, when it maps each port to itself: as written, or awsvpc on Fargate, the only mode Fargate takes. */
function portMode(doc: TaskDefinitionDocument): { readonly why: string } | undefined {
  // A bare container array has no network mode: the task around it (Terraform's) decides.
  if (!doc.task) return undefined;
  const mode = networkMode(doc);
  if (mode === 'host') return { why: 'under the host network mode a container port is the port on the host' };
  if (mode === 'awsvpc') return { why: "under the awsvpc network mode a container port is the port on the task's own network interface" };
  // fargate-network-mode reports any other mode, or none; the ports follow the awsvpc it asks for.
  if (isFargate(doc)) return { why: "under the awsvpc network mode, which Fargate requires, a container port is the port on the task's own network interface" };
  return undefined;
}
