// Type-aware lint. Folders are execution contexts: the boundaries below keep
// the content script free of UI code and core free of any browser API.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: patterns.map((group) => ({
        group,
        message: 'Import across execution contexts: move shared logic to src/core.',
      })),
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', name: ['test', 'describe', 'it', 'suite'], package: 'node:test' },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['src/core/**'],
    rules: restrict([
      [
        'webextension-polyfill',
        'preact',
        'preact/*',
        'idb',
        '../content/*',
        '../background/*',
        '../ui/*',
        '../platform/*',
      ],
    ]),
  },
  {
    files: ['src/content/**'],
    rules: restrict([['preact', 'preact/*', 'idb', '../ui/*', '../background/*']]),
  },
  { files: ['src/ui/**'], rules: restrict([['idb', '../content/*', '../background/*']]) },
  {
    files: ['src/background/**'],
    rules: restrict([['preact', 'preact/*', '../content/*', '../ui/*']]),
  },
);
