import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { generateSchema, SCHEMA_FILE } from '../../bench/ecsSchema/generateSchema';

describe("the benchmark peers' ECS schema", () => {
  it('is what the generator makes of the installed aws-sdk ECS model (regenerate: npx tsx bench/ecsSchema/generateSchema.ts)', () => {
    const model = JSON.parse(fs.readFileSync(require.resolve('aws-sdk/apis/ecs-2014-11-13.min.json'), 'utf8'));
    assert.equal(fs.readFileSync(SCHEMA_FILE, 'utf8'), `${JSON.stringify(generateSchema(model), null, 2)}\n`);
  });
});
