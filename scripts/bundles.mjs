// The esbuild options of every bundle, shared by scripts/build.mjs and the test that checks what the
// extension loads at activation (test/coverageView/bundles.test.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sdkSchemaKeys } from './sdkSchemaKeys.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COMPILE_CACHE = fileURLToPath(new URL('../cli/src/compileCache.ts', import.meta.url));

/** What cli/src/main.ts requires for each command, and the bundle beside dist/cli/ecs-guard.js that is. */
export const CLI_COMMAND_BUNDLES = { './lint/lintCommand': './lint.js', './coverage/coverageCommand': './coverage.js' };

/**
 * Leaves the entry's `require` of a command to run time, pointed at that command's bundle and loaded through
 * cli/src/compileCache.ts (a V8 code cache for the bundle).
 */
const commandBundlesExternal = {
  name: 'cli-command-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\/(lint|coverage)\// }, (args) => {
      const bundle = CLI_COMMAND_BUNDLES[args.path];
      return bundle && /cli[\\/]src[\\/]main\.ts$/.test(args.importer) ? { path: bundle, namespace: 'cli-command-bundle' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'cli-command-bundle' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(COMPILE_CACHE)}).requireBundle(require('node:path').join(__dirname, ${JSON.stringify(args.path)}));`,
      loader: 'js',
      resolveDir: ROOT,
    }));
  },
};

export function bundles({ production = false } = {}) {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
    // jsonc-parser's "main" is a UMD build with dynamic requires that a bundle cannot resolve; its ESM build bundles.
    mainFields: ['module', 'main'],
    define: { ECS_GUARD_VERSION: JSON.stringify(version) },
  };
  // The AWS SDK warns once per process that its next versions need a newer Node. The extension host is
  // VS Code's process, shared with other extensions: rather than set the SDK's environment variable there,
  // our bundled copy of the SDK reads it as "true". (The CLI owns its process and sets the variable itself.)
  const quietSdk = { ...common.define, 'process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED': '"true"' };
  return {
    // Loaded at activation: the language client, the coverage view's commands and its placeholder tree.
    extension: { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client/extension.js', external: ['vscode'] },
    // The coverage view with the AWS SDK, required by the first when the view or its status-bar item is needed.
    // Both bundles with the SDK keep only the schemas of the GuardDuty operations called (see sdkSchemaKeys.mjs).
    coverageView: {
      ...common,
      entryPoints: ['client/src/coverageView/registerCoverageView.ts'],
      outfile: 'dist/client/coverageView.js',
      external: ['vscode'],
      define: quietSdk,
      plugins: [sdkSchemaKeys],
      // The SDK's `import("node:http")` on the first request would start Node's ESM loader (~1.5 ms) for a
      // module that `require` returns at once.
      supported: { 'dynamic-import': false },
    },
    server: { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server/server.js' },
    // The CLI: a small entry (arguments, help, version) that loads one command's bundle when it runs, so
    // `lint` never loads the AWS SDK, nor `coverage` the rule engine (see CLI_COMMAND_BUNDLES).
    cli: { ...common, entryPoints: ['cli/src/bin.ts'], outfile: 'dist/cli/ecs-guard.js', plugins: [commandBundlesExternal] },
    // Run from the sources (tests), the lint's worker threads load tsx; the bundle never does.
    // Both are compiled by node:vm (cli/src/compileCache.ts), where Node 20 has no loader for `import()`: the
    // SDK's `import("node:http")` becomes a `require`, still run when reached.
    cliLint: { ...common, entryPoints: ['cli/src/lint/lintCommand.ts'], outfile: 'dist/cli/lint.js', external: ['tsx/cjs'], supported: { 'dynamic-import': false } },
    cliCoverage: { ...common, entryPoints: ['cli/src/coverage/coverageCommand.ts'], outfile: 'dist/cli/coverage.js', supported: { 'dynamic-import': false }, plugins: [sdkSchemaKeys] },
    // A local GuardDuty look-alike for demos and manual testing; not shipped in the .vsix.
    fakeGuardDuty: { ...common, entryPoints: ['client/src/coverage/testing/fakeGuardDuty/main.ts'], outfile: 'dist/fake-guardduty/server.js' },
  };
}
