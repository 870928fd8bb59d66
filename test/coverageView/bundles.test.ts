import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');

/** The source files one bundle is made of, relative to the repository. */
async function inputsOf(name: 'extension' | 'coverageView'): Promise<string[]> {
  const result = await esbuild.build({ ...(await bundleOptions())[name], absWorkingDir: ROOT, write: false, metafile: true, sourcemap: false, logLevel: 'silent' });
  return Object.keys(result.metafile.inputs);
}

async function bundleOptions(): Promise<Record<string, esbuild.BuildOptions>> {
  const { bundles } = (await import(path.join(ROOT, 'scripts', 'bundles.mjs'))) as { bundles: () => Record<string, esbuild.BuildOptions> };
  return bundles();
}

// Activation loads only the first bundle: a JSON file opened without the coverage view must not pay for the SDK.
describe('client bundles', () => {
  it('activation loads the language client, not the AWS SDK nor the coverage core', async () => {
    const inputs = await inputsOf('extension');
    assert.ok(inputs.some((input) => input.includes('vscode-languageclient')));
    assert.deepEqual(
      inputs.filter((input) => /@aws-sdk|@smithy|client\/src\/coverage\/|coverageView\/(model\/(?!polling)|refresh|registerCoverageView)/.test(input)),
      [],
    );
  });

  it('both client bundles and the server are in the VSIX (.vscodeignore is an allow-list)', async () => {
    const allowed = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');
    const options = await bundleOptions();
    for (const name of ['extension', 'coverageView', 'server']) assert.ok(allowed.includes(`!${options[name].outfile}`), `${options[name].outfile} is packaged`);
  });

  it('.vscodeignore stays an allow-list: everything out, then only named files back in', () => {
    const rules = fs
      .readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    assert.equal(rules[0], '**');
    assert.deepEqual(
      rules.slice(1).filter((rule) => !rule.startsWith('!')),
      [],
    );
    assert.ok(!rules.some((rule) => rule.endsWith('.map') || rule.includes('src/')), 'no sources or source maps');
  });

  it('the coverage view bundle has the SDK, built without its Node-version warning', async () => {
    const inputs = await inputsOf('coverageView');
    assert.ok(inputs.some((input) => input.includes('@aws-sdk/client-guardduty')));
    const options = (await bundleOptions()).coverageView;
    const [output] = (await esbuild.build({ ...options, absWorkingDir: ROOT, write: false, sourcemap: false, minify: true, logLevel: 'silent' })).outputFiles;
    // The extension host is shared with other extensions: the warning is turned off in our copy of the SDK only.
    assert.doesNotMatch(output.text, /NodeVersionSupportWarning/);
    assert.doesNotMatch(output.text, /process\.env\.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED\s*=/);
    // The SDK's import() of Node modules is a require: no ESM loader started on the first refresh.
    assert.doesNotMatch(output.text, /\bimport\(/);
  });
});
