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
        [
          'console',
          'process',
          'require',
          'module',
          'exports',
          '__dirname',
          '__filename',
          'Buffer',
          'URL',
          'URLSearchParams',
          'performance',
          'structuredClone',
          'AbortController',
          'TextEncoder',
          'TextDecoder',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'setImmediate',
          'queueMicrotask',
          'fetch',
        ].map((name) => [name, 'readonly']),
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
      // `import x = require('cjs-module')` is TypeScript's typed form for CommonJS modules. A bare require() says
      // why where it is deliberate (lazy loading in the bundles, a module loaded after standing in for `vscode`).
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
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
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests match terminal output, colour escape codes included.
    files: ['test/**/*.ts'],
    rules: { 'no-control-regex': 'off' },
  },
);
