import { JSONPath, Node } from 'jsonc-parser';
import { arrayItems, propertyOf } from '../document/json';
import { templateName } from '../document/cloudformation/names';
import { isIntrinsicName } from '../document/cloudformation/intrinsics';
import { withoutIfBranches } from '../document/cloudformation/template';
import { TaskDefinitionDocument, TaskDefinitionShape } from '../document/taskDefinition';
import { Analysis } from '../service/analysis';

/**
 * How document paths map onto paths relative to the task object, the form the field table is keyed by.
 * Editor features work on a document that is still being written, so a container array whose newest
 * item has neither name nor image yet still counts, and files selected by `include` count as task definitions.
 */
interface TaskFrame {
  readonly shape: TaskDefinitionShape;
  /** The path relative to the task object, or undefined when the document path lies outside it. */
  toTaskPath(documentPath: JSONPath): JSONPath | undefined;
  /** The task definition a document path lies in (a template may hold several). */
  taskDefinitionAt(documentPath: JSONPath): TaskDefinitionDocument | undefined;
  /** A property name as the document spells it: `ReadonlyRootFilesystem` in a template. */
  keyName(apiKey: string): string;
}

export interface FrameOptions {
  /** The file was selected by `include`: treat it as a task definition even if its content is not recognised yet. */
  readonly assumeTaskDefinition?: boolean;
}

export function taskFrame(analysis: Analysis, options: FrameOptions = {}): TaskFrame | undefined {
  const shape = analysis.taskDefinition?.shape ?? shapeBeingWritten(analysis.parsed.root, options);
  if (shape === 'cloudformation') {
    // Each task definition resource maps its own part of the template: the variant that reads the value at the
    // path (inside an Fn::If branch), else the resource's defaults.
    const { taskDefinitions } = analysis;
    const taskDefinitionAt = (path: JSONPath) =>
      taskDefinitions.find((doc) => doc.template?.apiPath(path, true) !== undefined) ??
      taskDefinitions.find((doc) => doc.template !== undefined && doc.template.variant === undefined && doc.template.apiPath(path) !== undefined);
    const toTaskPath = (path: JSONPath) => {
      const source = taskDefinitionAt(path)?.template;
      const exact = source?.apiPath(path, true);
      if (exact || !source) return exact;
      // Not in what a variant reads (an Fn::If being written, or one whose condition is unknown): a branch is
      // still the property's value; another argument of an intrinsic (a Ref's name, a condition) is not.
      const valuePath = withoutIfBranches(path);
      return valuePath.some(isIntrinsicName) ? undefined : source.apiPath(valuePath);
    };
    return { shape, toTaskPath, taskDefinitionAt, keyName: templateName };
  }
  if (!shape) return undefined;
  return { shape, toTaskPath: (path) => toTaskPath(shape, path), taskDefinitionAt: () => analysis.taskDefinition, keyName: (key) => key };
}

function shapeBeingWritten(root: Node | undefined, options: FrameOptions): TaskDefinitionShape | undefined {
  if (root?.type === 'array') {
    const someContainer = arrayItems(root).some((item) => propertyOf(item, 'image') && propertyOf(item, 'name'));
    return someContainer || options.assumeTaskDefinition ? 'container-array' : undefined;
  }
  if (root?.type === 'object' && options.assumeTaskDefinition) {
    return propertyOf(root, 'taskDefinition') ? 'describe-output' : 'register-input';
  }
  return undefined;
}

function toTaskPath(shape: TaskDefinitionShape, path: JSONPath): JSONPath | undefined {
  switch (shape) {
    case 'register-input':
      return path;
    case 'describe-output':
      return path[0] === 'taskDefinition' ? path.slice(1) : undefined;
    case 'container-array':
      return typeof path[0] === 'number' ? ['containerDefinitions', ...path] : undefined;
    case 'cloudformation':
      return undefined;
  }
}
