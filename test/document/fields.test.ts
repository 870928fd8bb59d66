import * as assert from 'node:assert/strict';
import { FIELDS } from '../../server/src/document/fields';
import { CONTAINER_FIELDS, TASK_FIELDS } from '../../server/src/document/schema';
import { fieldDocAt } from '../../server/src/editor/fieldDocs';

const dotted = (path: readonly string[]) => path.join('.');

/** One field table; the editor's docs and the value-type rule's schema are views of it that cannot drift apart. */
describe('field table', () => {
  it('recommends only values the API accepts, and checks items of arrays only', () => {
    for (const field of FIELDS) {
      if (field.recommended) assert.ok(field.values?.includes(field.recommended), `${dotted(field.path)}: recommended value not among its values`);
      if (field.check?.items) assert.match(field.type, /^array of /, `${dotted(field.path)}: items of a ${field.type}`);
    }
  });

  it('completion and hover offer exactly the values value-type accepts, the recommended one first', () => {
    const specs = [...TASK_FIELDS, ...CONTAINER_FIELDS.map((spec) => ({ ...spec, path: ['containerDefinitions', '*', ...spec.path] }))];
    const enumerated = specs.filter((spec) => spec.enum);
    for (const spec of enumerated) {
      // An item's allowed values are documented on its array.
      const fieldPath = spec.path[spec.path.length - 1] === '*' ? spec.path.slice(0, -1) : spec.path;
      const doc = fieldDocAt(fieldPath.map((segment) => (segment === '*' ? 0 : segment)));
      assert.ok(doc, `${dotted(spec.path)} is checked but not documented`);
      assert.deepEqual([...(doc.values ?? [])].sort(), [...(spec.enum ?? [])].sort(), dotted(spec.path));
      if (doc.recommended) assert.equal(doc.values?.[0], doc.recommended, `${dotted(spec.path)}: the recommended value comes first`);
    }
    assert.ok(enumerated.length >= 8, 'networkMode, pidMode, ipcMode, requiresCompatibilities, operatingSystemFamily, protocol, appProtocol, logDriver');
  });

  it("keeps the API order in value-type's messages and the recommended value first in the editor", () => {
    assert.deepEqual(TASK_FIELDS.find((spec) => dotted(spec.path) === 'pidMode')?.enum, ['host', 'task']);
    assert.deepEqual(fieldDocAt(['pidMode'])?.values, ['task', 'host']);
    assert.deepEqual(fieldDocAt(['networkMode'])?.values, ['awsvpc', 'bridge', 'host', 'none']);
  });

  it('leaves cpuArchitecture to the guardduty-cpu-architecture rule', () => {
    assert.equal(
      TASK_FIELDS.some((spec) => dotted(spec.path) === 'runtimePlatform.cpuArchitecture'),
      false,
    );
    assert.deepEqual(fieldDocAt(['runtimePlatform', 'cpuArchitecture'])?.values, ['X86_64', 'ARM64']);
  });
});
