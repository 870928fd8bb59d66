/** Where the tests' CloudFormation templates live: a YAML template and a JSON one (their extensions pick the parser). */
export const YAML_URI = 'file:///workspace/stack.yaml';
export const JSON_URI = 'file:///workspace/stack.template.json';
