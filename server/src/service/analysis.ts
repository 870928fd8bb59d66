import { TextDocument } from 'vscode-languageserver-textdocument';
import { templateTaskDefinitions } from '../document/cloudformation/source';
import { ECS_RESOURCE_TYPE_PREFIX, findTemplate } from '../document/cloudformation/template';
import { MAX_ANALYSED_CHARS, ParsedJson, parseJson, tooLargeToParse } from '../document/parse';
import { findTaskDefinition, TaskDefinitionDocument, taskDefinitionsInArray } from '../document/taskDefinition';
import { parseYaml } from '../document/yamlTree';
import { EcsResource, findResources } from '../document/resources';

/** One parse of one document version, shared by validation, hover, code actions and completion. */
export interface Analysis {
  readonly document: TextDocument;
  readonly parsed: ParsedJson;
  /** The first of `taskDefinitions`; undefined when the content holds no task definition. */
  readonly taskDefinition: TaskDefinitionDocument | undefined;
  /**
   * Every task definition in the document: one for a task-definition file; for a CloudFormation template one
   * per `AWS::ECS::TaskDefinition` resource and per variant of it (parameter values, condition outcomes).
   */
  readonly taskDefinitions: readonly TaskDefinitionDocument[];
  /** The services, clusters, task sets and capacity providers it declares (a template, or AWS CLI input). */
  readonly resources: readonly EcsResource[];
}

export function analyze(document: TextDocument): Analysis {
  const text = document.getText();
  const parsed = text.length > MAX_ANALYSED_CHARS ? tooLargeToParse(text) : isYaml(document, text) ? parseYamlTemplate(text) : parseJson(text);
  // In YAML only CloudFormation templates hold task definitions; in JSON a template or one of the task-definition shapes.
  const template = findTemplate(parsed.root);
  const bare = template || parsed.language === 'yaml' ? undefined : findTaskDefinition(parsed);
  const found = template ? templateTaskDefinitions(parsed, template) : bare ? [bare] : [];
  const resources = bare ? [] : findResources(parsed, template);
  return { document, parsed, taskDefinition: found[0], taskDefinitions: found, resources };
}

/**
 * Whether the rules have anything to look at: a task definition, an ECS resource, task definitions wrapped in an
 * array (which ECS rejects: task-definition-in-array says so), a file too large to parse that looks like a task
 * definition, or a YAML template nested too deeply to read (YAML is parsed only when it names an ECS resource
 * type): the last two get a notice. The one answer for `validate` and every host.
 */
export function hasLintableContent(analysis: Analysis): boolean {
  const { parsed } = analysis;
  return (
    analysis.taskDefinitions.length > 0 ||
    analysis.resources.length > 0 ||
    parsed.tooLarge?.looksLikeTaskDefinition === true ||
    (parsed.language === 'yaml' && parsed.tooDeepAt !== undefined) ||
    (parsed.language !== 'yaml' && taskDefinitionsInArray(parsed.root) !== undefined)
  );
}

/**
 * YAML holds ECS resources only in CloudFormation templates, which name the resource types literally
 * (`AWS::ECS::TaskDefinition`, `AWS::ECS::Service`, ...): other YAML (Kubernetes manifests, CI workflows, large
 * data files) is not parsed at all, so it costs next to nothing.
 */
function parseYamlTemplate(text: string): ParsedJson {
  return text.includes(ECS_RESOURCE_TYPE_PREFIX) ? parseYaml(text) : { text, root: undefined, syntaxErrors: [], language: 'yaml' };
}

/** The same document with a new text (after a fix): same URI and language, so YAML stays YAML. */
export function reanalyze(analysis: Analysis, text: string): Analysis {
  const { uri, languageId, version } = analysis.document;
  return analyze(TextDocument.create(uri, languageId, version + 1, text));
}

/** Convenience for the CLI and tests: analyse plain text; the language follows the file name's extension. */
export function analyzeText(text: string, uri = 'file:///untitled.json'): Analysis {
  return analyze(TextDocument.create(uri, languageOf(uri), 0, text));
}

/** The language id an editor gives a file of this name: `yaml` for .yaml and .yml, else `json`. */
function languageOf(uri: string): 'json' | 'yaml' {
  return /\.ya?ml$/i.test(uri) ? 'yaml' : 'json';
}

/** YAML by the editor's language id or the file name; a `.template` file by its first character (CloudFormation's JSON or YAML). */
function isYaml(document: TextDocument, text: string): boolean {
  if (document.languageId === 'yaml' || /\.ya?ml$/i.test(document.uri)) return true;
  return /\.template$/i.test(document.uri) && !/^\s*[{[]/.test(text);
}
