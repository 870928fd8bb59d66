import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { expandTargets, toDisplayPath } from '../../cli/src/lint/files';
import { tempWorkspace } from '../support/cli';

const TASK = '{ "family": "web", "containerDefinitions": [] }\n';

// The folder walk builds display paths name by name and sorts them: the same as the relative path of each file
// (toDisplayPath) in the English collation's order, whatever the machine's locale.
describe('ecs-guard lint: the folder walk', () => {
  let workspace: ReturnType<typeof tempWorkspace>;
  before(() => {
    const names = ['B.json', 'a.json', 'a-b.json', 'a_b.json', 'ä.json', 'a b.json', '10.json', '9.json', 'x.yaml', 'x.txt', 'node_modules/skip.json'];
    workspace = tempWorkspace(
      Object.fromEntries(
        names.flatMap((name) => [
          [`repo/deploy/${name}`, TASK],
          [`repo/deploy/sub/${name}`, TASK],
          [`repo/${name}`, TASK],
          [`other/x/${name}`, TASK],
        ]),
      ),
    );
  });
  after(() => workspace.cleanup());

  const cases: [string, string[]][] = [
    ['repo', ['.']],
    ['repo', []],
    ['repo', ['deploy']],
    ['repo/deploy', ['..']],
    ['repo/deploy/sub', ['../../deploy', '.']],
    ['', ['repo/deploy']],
    ['repo', ['deploy/**/*.json']],
    ['repo/deploy', ['../*.json', 'sub']],
    ['repo', ['../other']],
    ['other/x', ['../../repo/deploy', '.']],
  ];
  for (const [cwd, args] of cases) {
    it(`lint ${args.join(' ') || '(no argument)'} in ${cwd || 'the parent'}`, () => {
      const dir = path.join(workspace.dir, cwd);
      const { targets, problems } = expandTargets(args, dir);
      assert.deepEqual(problems, []);
      assert.ok(targets.length > 5);
      for (const target of targets) assert.equal(target.displayPath, toDisplayPath(dir, target.absolutePath));
      const displayPaths = targets.map((target) => target.displayPath);
      assert.deepEqual(displayPaths, [...displayPaths].sort(new Intl.Collator('en').compare));
      assert.ok(!displayPaths.some((file) => file.includes('node_modules') || file.endsWith('.txt')));
    });
  }

  it('an absolute folder outside the working folder', () => {
    const dir = path.join(workspace.dir, 'repo/deploy/sub');
    const { targets } = expandTargets([path.join(workspace.dir, 'repo')], dir);
    for (const target of targets) assert.equal(target.displayPath, toDisplayPath(dir, target.absolutePath));
    assert.ok(targets.some((target) => target.displayPath === '../../B.json'));
  });
});
