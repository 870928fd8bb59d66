import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { compileGlob, globProblem, MAX_GLOB_ALTERNATIVES } from '../../server/src/config/glob';
import { parseConfig, selectFile } from '../../server/src/config/config';

const matches = (glob: string, path: string) => compileGlob(glob)(path);

describe('include / ignore globs', () => {
  it('match as the README describes', () => {
    const cases: [string, string, boolean][] = [
      ['deploy/**', 'deploy/a/b.json', true],
      ['deploy/**', 'deploy', true],
      ['deploy/**', 'deployment/a.json', false],
      ['**/task.json', 'task.json', true],
      ['**/task.json', 'a/b/task.json', true],
      ['a/**/b', 'a/b', true],
      ['a/**/b', 'a/x/y/b', true],
      ['*.json', 'task.json', true],
      ['*.json', '.hidden.json', true],
      ['*.json', 'deploy/task.json', false],
      ['a?c', 'abc', true],
      ['a?c', 'a/c', false],
      ['[a-c]x', 'bx', true],
      ['[!a]x', 'bx', true],
      ['[^a]x', 'ax', false],
      ['{deploy,infra}/*.json', 'infra/t.json', true],
      ['{deploy,infra}/*.json', 'other/t.json', false],
      ['task-{1..3}.json', 'task-2.json', true],
      ['task-{1..3}.json', 'task-4.json', false],
      ['{a}.json', '{a}.json', true],
      ['a\\*b', 'a*b', true],
      ['a\\*b', 'axb', false],
      ['./deploy/*.json', 'deploy/t.json', true],
      ['task(1).json', 'task(1).json', true],
      ['[oops', '[oops', true],
    ];
    for (const [glob, path, expected] of cases) assert.equal(matches(glob, path), expected, `${glob} on ${path}`);
  });

  it('agree with picomatch on ordinary globs', () => {
    const name = fc.stringMatching(/^[ab.]{0,4}$/);
    const segmentGlob = fc.array(fc.constantFrom('a', 'b', '.', '*', '?', '[ab]', '{a,b}', '{a,.}'), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
    const glob = fc.array(fc.oneof({ weight: 4, arbitrary: segmentGlob }, { weight: 1, arbitrary: fc.constant('**') }), { minLength: 1, maxLength: 4 }).map((segments) => segments.join('/'));
    const path = fc
      .array(
        name.filter((segment) => segment !== '' && segment !== '.' && segment !== '..'),
        { minLength: 1, maxLength: 4 },
      )
      .map((segments) => segments.join('/'));
    // Where picomatch is inconsistent, ECS Guard follows .gitignore: `deploy/**` matches `deploy` but picomatch's
    // `*/**` does not match `deploy`; and `**` inside a segment is `*` (picomatch's `**.json` crosses folders).
    // picomatch's fast paths are off: its shortcut for `*.*` wants a character after the dot (`b.` unmatched)
    // while its general matcher, git and bash all match `b.` (as `x*.*` matches `x.`).
    const ordinary = (pattern: string) => globProblem(pattern) === undefined && !pattern.endsWith('/**') && pattern.split('/').every((segment) => segment === '**' || !segment.includes('**'));
    fc.assert(
      fc.property(glob.filter(ordinary), path, (pattern, target) => {
        assert.equal(matches(pattern, target), picomatch(pattern, { dot: true, fastpaths: false })(target), `${pattern} on ${target}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('match `b.` with `*.*`, as git, bash and picomatch without its fast path do', () => {
    assert.equal(matches('*.*', 'b.'), true);
    assert.equal(matches('**/*.*', 'a/b.'), true);
    assert.equal(matches('*.*', 'b'), false);
  });

  it('never backtrack catastrophically: adversarial patterns against long names stay fast', () => {
    const adversarial: [string, string][] = [
      ['a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(10_000)],
      [`${'*a'.repeat(100)}b`, 'a'.repeat(10_000)],
      [`${'**/'.repeat(100)}x`, Array.from({ length: 2_000 }, () => 'a').join('/')],
      [`${'**/a*/'.repeat(50)}b`, Array.from({ length: 2_000 }, () => 'aaaa').join('/')],
      [`{${Array.from({ length: 100 }, (_, i) => `a${i}*`).join(',')}}b`, 'a'.repeat(5_000)],
    ];
    for (const [glob, path] of adversarial) {
      const started = performance.now();
      assert.equal(matches(glob, path), false);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 2_000, `${glob.slice(0, 40)}… took ${Math.round(elapsed)} ms`);
    }
  });

  it('compile each glob once, however many files are selected', () => {
    const glob = `deploy/${'*a'.repeat(20)}/**`;
    assert.equal(compileGlob(glob), compileGlob(glob), 'one matcher, compiled once');
  });

  it('report globs they cannot use instead of matching them some other way', () => {
    assert.match(globProblem('@(a|b).json') ?? '', /extglobs/);
    assert.match(globProblem('{a,b}'.repeat(9)) ?? '', new RegExp(`more than ${MAX_GLOB_ALTERNATIVES} alternatives`));
    assert.match(globProblem('{1..100000}') ?? '', /alternatives/);
    assert.match(globProblem('a'.repeat(5000)) ?? '', /longer than/);
    assert.equal(globProblem('deploy/**/*.json'), undefined);
    const { config, problems } = parseConfig(JSON.stringify({ include: ['@(a|b)/*.json', 'deploy/**'] }), new Set());
    assert.deepEqual(config.include, ['deploy/**']);
    assert.match(problems[0], /"include" has an unusable glob \(extglobs/);
  });

  it('a hostile include in .ecs-guard.json leaves file selection fast', () => {
    const config = { rules: {}, include: ['a*a*a*a*a*a*a*a*a*a*a*a*a*a*b'], ignore: ['**/x*x*x*x*x*x*x*x*x*x*y'], requiredTagKeys: [] };
    const started = performance.now();
    for (let i = 0; i < 100; i++) assert.equal(selectFile(`${'a'.repeat(200)}/${'x'.repeat(200)}${i}`, config), 'ignored');
    assert.ok(performance.now() - started < 2_000);
  });
});
