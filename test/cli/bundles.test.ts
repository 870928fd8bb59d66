import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');

type CliBundle = 'cli' | 'cliLint' | 'cliCoverage';

/** The source files one bundle is made of, relative to the repository. */
async function inputsOf(name: CliBundle): Promise<string[]> {
  const { bundles } = (await import(path.join(ROOT, 'scripts', 'bundles.mjs'))) as { bundles: () => Record<CliBundle, esbuild.BuildOptions> };
  const result = await esbuild.build({ ...bundles()[name], absWorkingDir: ROOT, write: false, metafile: true, sourcemap: false, logLevel: 'silent' });
  return Object.keys(result.metafile.inputs);
}

const SDK = /@aws-sdk|@smithy/;
const ENGINE = /server\/src\/(rules|service|document)\//;

// Each command loads only its own code: start-up is most of a small run's time.
describe('CLI bundles', () => {
  it('the entry bundle holds the arguments, help and version, neither command', async function () {
    this.timeout(30_000);
    const inputs = await inputsOf('cli');
    assert.ok(inputs.includes('cli/src/main.ts'));
    assert.deepEqual(
      inputs.filter((input) => SDK.test(input) || ENGINE.test(input) || /cli\/src\/(lint|coverage)\/(?!lintedFiles)/.test(input)),
      [],
    );
  });

  it('lint has the rule engine and no AWS SDK', async function () {
    this.timeout(30_000);
    const inputs = await inputsOf('cliLint');
    assert.ok(inputs.some((input) => ENGINE.test(input)));
    assert.deepEqual(
      inputs.filter((input) => SDK.test(input) || input.startsWith('client/')),
      [],
    );
  });

  it('coverage has the AWS SDK and no rule engine', async function () {
    this.timeout(30_000);
    const inputs = await inputsOf('cliCoverage');
    assert.ok(inputs.some((input) => SDK.test(input)));
    assert.deepEqual(
      inputs.filter((input) => ENGINE.test(input) || input.startsWith('cli/src/lint/')),
      [],
    );
  });

  // GuardDuty's schemas of all 80 operations were a quarter of the bundle, evaluated at every start.
  it('coverage keeps the GuardDuty schemas of the operations it calls, not the others', async function () {
    this.timeout(30_000);
    const { bundles } = (await import(path.join(ROOT, 'scripts', 'bundles.mjs'))) as { bundles: () => Record<CliBundle, esbuild.BuildOptions> };
    const [output] = (await esbuild.build({ ...bundles().cliCoverage, absWorkingDir: ROOT, write: false, sourcemap: false, logLevel: 'silent' })).outputFiles;
    for (const operation of ['ListDetectors', 'ListCoverage', 'GetCoverageStatistics']) assert.match(output.text, new RegExp(`\\b${operation}Request\\$`), operation);
    for (const unused of ['CreateDetector', 'UpdateTrustedEntitySet', 'GetFindings']) assert.doesNotMatch(output.text, new RegExp(`\\b${unused}Request\\$`), unused);
  });
});
