// Code linting: the recommended JavaScript and typescript-eslint rules, without type information (fast
// enough to run on every commit), plus a few rules for habits this code base keeps. Formatting is Prettier's
// job (`npm run format`), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/out/**', '**/node_modules/**', '**/.cache/**', '.vscode-test/**', 'test-results/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      // Node's globals, for the JavaScript files; in TypeScript the compiler checks names (no-undef is off below).
      globals: Object.fromEntries(
        ['console', 'process', 'require', 'module', 'exports', '__dirname', '__filename', 'Buffer', 'URL', 'URLSearchParams', 'performance', 'structuredClone', 'AbortController', 'TextEncoder', 'TextDecoder', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'queueMicrotask', 'fetch'].map((name) => [name, 'readonly']),
      ),
    },
    rules: {
      // Unused names are a compile error already (noUnusedLocals); `_` marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always'],
      'no-var': 'error',
      'prefer-const': 'error',
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'as' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // require() is how the CommonJS bundles load code lazily (cli/src/main.ts, client/src/extension.ts) and how
      // tests load a module after standing in for `vscode`; the layering test checks where it points.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    rules: { 'no-undef': 'off' },
  },
  {
    // The bin/ launchers and the mocha reporter are CommonJS.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    // Tests match terminal output, colour escape codes included.
    files: ['test/**/*.ts'],
    rules: { 'no-control-regex': 'off' },
  },
);
