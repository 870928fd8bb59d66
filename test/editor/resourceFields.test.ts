import * as assert from 'node:assert/strict';
import { EcsResourceKind } from '../../server/src/document/resources';
import { RESOURCE_FIELDS, resourceFields, ResourceForm, resourceTemplateName } from '../../server/src/document/resourceFields';
import { resourceRules } from '../../server/src/rules';

const KINDS: readonly EcsResourceKind[] = ['service', 'task-set', 'cluster', 'capacity-provider'];
const FORMS: readonly ResourceForm[] = ['template', 'create', 'update'];
const dotted = (path: readonly string[]) => path.join('.');

/** The ECS API model of the AWS SDK (v2): the input members of the actions whose CLI input ECS Guard reads. */
interface Shape {
  readonly type?: string;
  readonly shape?: string;
  readonly members?: Record<string, Shape>;
  readonly member?: Shape;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const model = require('aws-sdk/apis/ecs-2014-11-13.min.json') as { operations: Record<string, { input: Shape }>; shapes: Record<string, Shape> };
const ACTIONS: Partial<Record<`${EcsResourceKind} ${ResourceForm}`, string>> = {
  'service create': 'CreateService',
  'service update': 'UpdateService',
  'task-set create': 'CreateTaskSet',
  'cluster create': 'CreateCluster',
  'capacity-provider create': 'CreateCapacityProvider',
};
/** Newer than the SDK's model: `availabilityZoneRebalancing` (CreateService and UpdateService, late 2024). */
const NEWER_THAN_THE_SDK = ['availabilityZoneRebalancing'];

function resolve(shape: Shape | undefined): Shape | undefined {
  return shape?.shape ? resolve(model.shapes[shape.shape]) : shape;
}

/** The SDK's shape at an API path below an action's input (`*` steps into a list). */
function sdkShape(action: string, path: readonly string[]): Shape | undefined {
  let shape = resolve(model.operations[action].input);
  for (const segment of path) shape = resolve(segment === '*' ? shape?.member : shape?.members?.[segment]);
  return shape;
}

describe('resource field table', () => {
  it('has one entry per path for each kind of resource and form, each below a documented object', () => {
    for (const kind of KINDS) {
      for (const form of FORMS) {
        const entries = RESOURCE_FIELDS.filter((entry) => entry.kinds.includes(kind) && (!entry.forms || entry.forms.includes(form)));
        const paths = entries.map((entry) => dotted(entry.path));
        assert.deepEqual(
          paths.filter((each, i) => paths.indexOf(each) !== i),
          [],
          `${kind} ${form}: duplicate paths`,
        );
        for (const entry of entries) {
          const parent = entry.path.slice(0, entry.path[entry.path.length - 2] === '*' ? -2 : -1);
          if (parent.length > 0) assert.ok(resourceFields(kind, form).at(parent), `${kind} ${form}: ${dotted(entry.path)} below an undocumented ${dotted(parent)}`);
        }
      }
    }
  });

  it('writes each summary as a sentence and recommends only values it lists', () => {
    for (const entry of RESOURCE_FIELDS) {
      assert.ok(entry.summary.endsWith('.'), `${dotted(entry.path)}: summary is a sentence`);
      if (entry.recommended) assert.ok(entry.values?.includes(entry.recommended), `${dotted(entry.path)}: recommended value not among its values`);
    }
  });

  it('links only resource rules that check one of its kinds, and every resource rule from some property', () => {
    const linked = new Set<string>();
    for (const entry of RESOURCE_FIELDS) {
      for (const id of entry.rules ?? []) {
        const rule = resourceRules.find((each) => each.meta.id === id);
        assert.ok(rule, `${dotted(entry.path)}: no resource rule ${id}`);
        assert.ok(
          rule.kinds.some((kind) => entry.kinds.includes(kind)),
          `${dotted(entry.path)}: ${id} checks none of ${entry.kinds.join(', ')}`,
        );
        linked.add(id);
      }
    }
    assert.deepEqual(
      resourceRules.map((rule) => rule.meta.id).filter((id) => !linked.has(id)),
      [],
    );
  });

  it('names as conflicting only siblings of the same level, both ways', () => {
    for (const entry of RESOURCE_FIELDS) {
      for (const other of entry.conflicts ?? []) {
        const sibling = RESOURCE_FIELDS.find((each) => dotted(each.path) === dotted([...entry.path.slice(0, -1), other]));
        assert.ok(sibling?.conflicts?.includes(entry.path[entry.path.length - 1]), `${dotted(entry.path)} and ${other}`);
      }
    }
  });

  it("offers in CLI input only what the AWS SDK's ECS model has for that action, with its types", () => {
    const sdkType: Record<string, string | undefined> = { string: undefined, integer: 'integer', boolean: 'boolean', number: 'double', object: 'structure', 'string map': 'map' };
    for (const [key, action] of Object.entries(ACTIONS)) {
      const [kind, form] = key.split(' ') as [EcsResourceKind, ResourceForm];
      const entries = RESOURCE_FIELDS.filter((entry) => entry.kinds.includes(kind) && (!entry.forms || entry.forms.includes(form)));
      for (const entry of entries) {
        if (NEWER_THAN_THE_SDK.includes(entry.path[0])) continue;
        const shape = sdkShape(action, entry.path);
        assert.ok(shape, `${action} has no ${dotted(entry.path)}`);
        const expected = entry.type.startsWith('array of') ? 'list' : sdkType[entry.type];
        assert.equal(shape.type, expected, `${action} ${dotted(entry.path)}: ${entry.type}`);
      }
    }
  });

  it("spells CloudFormation's names where they are not the API's with a capital letter", () => {
    const templateName = (kind: EcsResourceKind, path: string) => {
      const entry = resourceFields(kind, 'template').at(path.split('.'));
      return entry && resourceTemplateName(entry);
    };
    assert.equal(templateName('cluster', 'settings'), 'ClusterSettings');
    assert.equal(templateName('service', 'placementStrategy'), 'PlacementStrategies');
    assert.equal(templateName('service', 'networkConfiguration.awsvpcConfiguration'), 'AwsvpcConfiguration');
    assert.equal(templateName('task-set', 'networkConfiguration.awsvpcConfiguration'), 'AwsVpcConfiguration');
    assert.equal(templateName('service', 'enableECSManagedTags'), 'EnableECSManagedTags');
    assert.equal(resourceFields('service', 'template').at(['forceNewDeployment'])?.type, 'object');
    assert.equal(resourceFields('service', 'update').at(['forceNewDeployment'])?.type, 'boolean');
    assert.equal(resourceFields('service', 'create').at(['forceNewDeployment']), undefined);
  });
});
