// Type-aware lint. Folders are execution contexts; the zones below hold each
// to what it may import, by the path an import resolves to, so a file deep in
// src/ui/popup/ is held to the same rule as one in src/ui/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const CROSSING = 'Import across execution contexts: move shared logic to src/core.';

/** What each context must not import: other folders of src/, and packages. */
const FORBIDDEN = {
  core: {
    folders: ['content', 'background', 'ui', 'platform'],
    packages: ['webextension-polyfill', 'preact', 'idb'],
  },
  // The content script runs in every frame: the browser's own API (src/platform), no polyfill.
  content: {
    folders: ['ui', 'background'],
    packages: ['preact', 'idb', 'webextension-polyfill', 'valibot'],
  },
  ui: { folders: ['content', 'background'], packages: ['idb'] },
  background: { folders: ['ui', 'content'], packages: ['preact'] },
};

const zones = [
  ...Object.entries(FORBIDDEN).flatMap(([context, { folders, packages }]) => [
    { target: `src/${context}`, from: folders.map((f) => `src/${f}`), message: CROSSING },
    {
      target: `src/${context}`,
      from: packages.map((p) => `node_modules/${p}`),
      message: `Not a package for src/${context} (docs/design-notes.md, "Boundaries").`,
    },
  ]),
  // The platform layer wraps the browser's own extension API for the others
  // (extension-api.ts): core and its own texts, no package.
  {
    target: 'src/platform',
    from: 'src',
    except: ['./core', './platform', './_locales'],
    message: CROSSING,
  },
  {
    target: 'src/platform',
    from: 'node_modules',
    message: "src/platform uses the browser's own promise API (extension-api.ts), no package.",
  },
  // Nothing that ships imports the Node side.
  {
    target: 'src',
    from: ['scripts', 'e2e', 'harness'],
    message: 'Extension code must not import build, test or harness code.',
  },
];

/** Core runs in every context and in Node's test runner: no browser or extension globals. */
const BROWSER_ONLY_GLOBALS = [
  'chrome',
  'browser',
  'window',
  'self',
  'document',
  'navigator',
  'location',
  'indexedDB',
  'localStorage',
  'sessionStorage',
].map((name) => ({
  name,
  message: 'src/core takes browser APIs as parameters; call them from the context folders.',
}));

/** Browser code outside src/: bundled into a page by the bench and the e2e tests. */
const IN_PAGE = [
  'scripts/bench/page-entry.ts',
  'scripts/bench/floor.ts',
  'scripts/bench/markjs-run.ts',
  'scripts/bench/load-floor-entry.ts',
  'scripts/bench/load-markjs-entry.ts',
  'e2e/support/scanner-entry.ts',
  'e2e/support/scanner-parts-entry.ts',
];

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
        // tsconfig.json names one project per kind of code (tsconfig.browser.json,
        // tsconfig.unit.json, tsconfig.node.json); each file is checked in its own.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
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
    files: ['src/**', ...IN_PAGE],
    languageOptions: { globals: globals.browser },
  },
  {
    files: [
      'src/**/*.test.ts',
      'src/**/*.test-support.ts',
      'scripts/**',
      'e2e/**',
      'harness/**',
      '*.config.{js,ts}',
    ],
    ignores: IN_PAGE,
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/**'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver()] },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones }],
    },
  },
  {
    // No page or user text is ever parsed as HTML anywhere in the extension
    // (issue 10): text goes in through textContent, attributes and preact's
    // escaping children. A line that truly needs markup must say why in an
    // eslint-disable comment.
    files: ['src/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['innerHTML', 'outerHTML'].map((property) => ({
          property,
          message: 'No HTML from strings: build nodes, or set textContent.',
        })),
        ...['insertAdjacentHTML', 'createContextualFragment'].map((property) => ({
          property,
          message: 'No HTML from strings: build nodes instead.',
        })),
        ...['write', 'writeln'].map((property) => ({
          object: 'document',
          property,
          message: 'No HTML from strings: build nodes instead.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No HTML from strings: let preact escape the text.',
        },
        {
          selector: "NewExpression[callee.name='DOMParser']",
          message: 'No HTML from strings: build nodes instead.',
        },
        {
          selector: "CallExpression[callee.property.name='setHTMLUnsafe']",
          message: 'No HTML from strings: build nodes instead.',
        },
      ],
    },
  },
  {
    files: ['src/core/**'],
    rules: { 'no-restricted-globals': ['error', ...BROWSER_ONLY_GLOBALS] },
  },
  {
    // JSX compiles to an import of preact/jsx-runtime that no zone sees.
    files: ['src/core/**', 'src/content/**', 'src/background/**', 'src/platform/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'JSXElement, JSXFragment', message: 'JSX (preact) belongs in src/ui.' },
      ],
    },
  },
);
