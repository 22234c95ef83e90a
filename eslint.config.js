// @ts-check
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * What the compiler cannot say: no import circles, which layer may import which (as docs/architecture.md
 * draws them), and promises that are awaited or handled — the services are async, and a forgotten await
 * there is a write outside its transaction.
 */
const LAYERS = [
  { target: './shared', from: ['./electron', './renderer'], message: 'shared/ is pure: it imports nothing from electron/ or renderer/.' },
  { target: './renderer', from: ['./electron'], message: 'The renderer reaches the main side only through the API client.' },
  {
    target: './electron/core',
    from: ['./electron/desktop', './electron/host', './electron/server', './electron/cli', './electron/remote', './renderer'],
    message: 'The core knows no adapter: the desktop, the host, the server and the CLI import it, not the other way.',
  },
  { target: './electron/host', from: ['./electron/desktop', './electron/server', './electron/cli'], message: 'The browser host is an adapter of its own.' },
  { target: './electron/server', from: ['./electron/desktop', './electron/cli'], message: 'The newsroom server is an adapter of its own.' },
  {
    target: './electron/remote',
    from: ['./electron/desktop', './electron/server', './electron/cli'],
    message: 'The desktop’s line to a newsroom server is plain Node: the desktop imports it, not the other way.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', '.tsbuild', 'test-results', 'playwright-report', 'native'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json', noWarnOnMultipleProjects: true })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: LAYERS }],
      'import-x/no-extraneous-dependencies': ['error', { includeTypes: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      // ES modules only: a require() would also slip past the layer rules below.
      '@typescript-eslint/no-require-imports': 'error',
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['electron/desktop/**', 'tests/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only electron/desktop imports electron: everything else runs, and is tested, under plain Node.' }],
          patterns: [{ group: ['electron/*'], message: 'Only electron/desktop imports electron.' }],
        },
      ],
    },
  },
);
