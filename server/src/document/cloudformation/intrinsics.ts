/**
 * CloudFormation's intrinsic functions: which exist, their YAML short tags, where they are allowed and what they
 * take. The YAML parser reads the short tags from here and completion offers the functions from here.
 * Source: the CloudFormation "Intrinsic function reference"
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html).
 */
export interface IntrinsicFunction {
  /** The long form, the key of the object it is written as: `Fn::If`. */
  readonly name: string;
  /** The YAML short tag: `!If`. */
  readonly shortTag: string;
  /**
   * Where the function may be written: in resource properties (also outputs and metadata), or only in a template's
   * `Conditions` and an `Fn::If`'s condition (`Fn::Equals`, ...), or neither a function nor a place (`Condition`,
   * a resource attribute that has a short tag).
   */
  readonly allowedIn: 'properties' | 'conditions' | 'attribute';
  /** What it returns: any value, a string, or a list. */
  readonly returns?: 'any' | 'string' | 'list';
  /** Its argument as a snippet, in JSON (a YAML flow collection reads it alike). */
  readonly argumentSnippet?: string;
  /** The transform the template must declare to use it. */
  readonly transform?: string;
  readonly summary?: string;
}

const LANGUAGE_EXTENSIONS = 'AWS::LanguageExtensions';

export const INTRINSIC_FUNCTIONS: readonly IntrinsicFunction[] = [
  { name: 'Ref', shortTag: '!Ref', allowedIn: 'properties', returns: 'any', argumentSnippet: '"$1"', summary: 'The value of a parameter, or the physical id of a resource.' },
  { name: 'Fn::If', shortTag: '!If', allowedIn: 'properties', returns: 'any', argumentSnippet: '["$1", $2, $3]', summary: 'One of two values, by a condition.' },
  { name: 'Fn::Sub', shortTag: '!Sub', allowedIn: 'properties', returns: 'string', argumentSnippet: '"$1"', summary: 'A string with `${Name}` replaced by parameters, resources and attributes.' },
  { name: 'Fn::GetAtt', shortTag: '!GetAtt', allowedIn: 'properties', returns: 'any', argumentSnippet: '["$1", "$2"]', summary: 'An attribute of a resource of the template.' },
  { name: 'Fn::FindInMap', shortTag: '!FindInMap', allowedIn: 'properties', returns: 'any', argumentSnippet: '["$1", "$2", "$3"]', summary: 'A value of a `Mappings` entry.' },
  { name: 'Fn::Join', shortTag: '!Join', allowedIn: 'properties', returns: 'string', argumentSnippet: '["$1", [$2]]', summary: 'Values joined by a delimiter.' },
  { name: 'Fn::Select', shortTag: '!Select', allowedIn: 'properties', returns: 'any', argumentSnippet: '[${1:0}, $2]', summary: 'The item of a list at an index.' },
  { name: 'Fn::Split', shortTag: '!Split', allowedIn: 'properties', returns: 'list', argumentSnippet: '["$1", "$2"]', summary: 'A string split into a list at a delimiter.' },
  { name: 'Fn::ImportValue', shortTag: '!ImportValue', allowedIn: 'properties', returns: 'any', argumentSnippet: '"$1"', summary: 'An output another stack exports.' },
  { name: 'Fn::Base64', shortTag: '!Base64', allowedIn: 'properties', returns: 'string', argumentSnippet: '"$1"', summary: 'A string in Base64.' },
  { name: 'Fn::GetAZs', shortTag: '!GetAZs', allowedIn: 'properties', returns: 'list', argumentSnippet: '"$1"', summary: 'The Availability Zones of a Region (`""`: the stack\'s).' },
  { name: 'Fn::Cidr', shortTag: '!Cidr', allowedIn: 'properties', returns: 'list', argumentSnippet: '["$1", $2, $3]', summary: 'CIDR blocks carved out of an address block.' },
  { name: 'Fn::Length', shortTag: '!Length', allowedIn: 'properties', returns: 'any', argumentSnippet: '[$1]', transform: LANGUAGE_EXTENSIONS, summary: 'The number of items in a list.' },
  {
    name: 'Fn::ToJsonString',
    shortTag: '!ToJsonString',
    allowedIn: 'properties',
    returns: 'string',
    argumentSnippet: '{$1}',
    transform: LANGUAGE_EXTENSIONS,
    summary: 'An object or list as a JSON string.',
  },
  { name: 'Fn::Transform', shortTag: '!Transform', allowedIn: 'properties', summary: 'Template content a macro computes.' },
  { name: 'Fn::Equals', shortTag: '!Equals', allowedIn: 'conditions' },
  { name: 'Fn::And', shortTag: '!And', allowedIn: 'conditions' },
  { name: 'Fn::Or', shortTag: '!Or', allowedIn: 'conditions' },
  { name: 'Fn::Not', shortTag: '!Not', allowedIn: 'conditions' },
  { name: 'Condition', shortTag: '!Condition', allowedIn: 'attribute' },
];

/** Whether a key names an intrinsic function: `Ref`, `Condition`, `Fn::...` (an `Fn::` this table does not know yet too). */
export function isIntrinsicName(key: string | number | undefined): boolean {
  return typeof key === 'string' && (key.startsWith('Fn::') || INTRINSIC_FUNCTIONS.some((each) => each.name === key));
}

/**
 * The functions completion offers where a property's value is written as an object, for a value of this kind:
 * those allowed in properties that return such a value (a list-returning function is no string), with a snippet
 * for their argument; those that need a transform only when the template declares it.
 */
export function intrinsicFunctionsFor(value: 'scalar' | 'list', transforms: readonly string[]): IntrinsicFunction[] {
  return INTRINSIC_FUNCTIONS.filter(
    (each) =>
      each.allowedIn === 'properties' &&
      each.argumentSnippet !== undefined &&
      (each.returns === 'any' || (each.returns === 'list') === (value === 'list')) &&
      (!each.transform || transforms.includes(each.transform)),
  );
}
