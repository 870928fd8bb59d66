import * as assert from 'node:assert/strict';
import { familiesNamedIn, familyLine, findTaskDefinitionFiles, WorkspaceJsonFiles } from '../../client/src/coverageView/taskDefinitions/taskDefinitionIndex';
import { cluster, region } from '../coverage/support/clusters';

/** An in-memory workspace that records which files were read. */
function workspace(files: Record<string, string | undefined>): WorkspaceJsonFiles & { readonly reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    list: async () => Object.keys(files).map((displayPath) => ({ uri: `file:///ws/${displayPath}`, displayPath })),
    read: async (uri) => {
      const displayPath = uri.replace('file:///ws/', '');
      reads.push(displayPath);
      return files[displayPath];
    },
  };
}

const taskDefinition = (family: string) => `{\n  "family": "${family}",\n  "containerDefinitions": []\n}\n`;

describe('workspace task definitions for "Open task definition"', () => {
  it('collects the families named by issues', () => {
    const regions = [
      region('us-east-1', [
        cluster('a', 'UNHEALTHY', { issues: ["TaskExecutionRole missing in TaskDefinition - 'billing-api:9'", 'no task definition here'] }),
        cluster('b', 'UNHEALTHY', { issues: ['arn:aws:ecs:us-east-1:111122223333:task-definition/web:3 agent not reporting'] }),
      ]),
    ];
    assert.deepEqual([...familiesNamedIn(regions)].sort(), ['billing-api', 'web']);
  });

  it('finds the line of the family key, whatever the spacing, and only for that exact family', () => {
    assert.equal(familyLine(taskDefinition('web'), 'web'), 1);
    assert.equal(familyLine('{"family":"web"}', 'web'), 0);
    assert.equal(familyLine(taskDefinition('web-worker'), 'web'), undefined);
    assert.equal(familyLine('{"name": "web"}', 'web'), undefined);
  });

  it('finds a file per family, reading files named after a family first', async () => {
    const files = workspace({
      'package.json': '{"name": "x"}',
      'infra/zz/other.json': taskDefinition('billing-api'),
      'deploy/web.json': taskDefinition('web'),
    });
    const found = await findTaskDefinitionFiles(new Set(['web', 'billing-api']), files);
    assert.deepEqual(found.get('web'), { uri: 'file:///ws/deploy/web.json', line: 1, displayPath: 'deploy/web.json' });
    assert.equal(found.get('billing-api')?.displayPath, 'infra/zz/other.json');
    assert.equal(files.reads[0], 'deploy/web.json');
  });

  it('stops reading once every family is found, and never reads more than the cap', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 50; i++) many[`data/file-${i}.json`] = '{}';
    const files = workspace({ ...many, 'ecs/taskdef.json': taskDefinition('web') });
    const found = await findTaskDefinitionFiles(new Set(['web']), files);
    assert.equal(found.get('web')?.displayPath, 'ecs/taskdef.json');
    assert.deepEqual(files.reads, ['ecs/taskdef.json']);

    const capped = workspace(many);
    await findTaskDefinitionFiles(new Set(['missing']), capped, 10);
    assert.equal(capped.reads.length, 10);
  });

  it('reads nothing when no issue names a family, and skips unreadable files', async () => {
    const files = workspace({ 'a.json': undefined, 'b.json': taskDefinition('web') });
    assert.equal((await findTaskDefinitionFiles(new Set(), files)).size, 0);
    assert.deepEqual(files.reads, []);
    assert.equal((await findTaskDefinitionFiles(new Set(['web']), files)).get('web')?.displayPath, 'b.json');
  });
});
