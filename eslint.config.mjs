// Lint rules that guard the architecture: the engine, CLI and shared types never
// import the editor API, and only the Kafka adapter imports kafkajs.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = {
  name: 'vscode',
  message: 'Only src/host imports vscode: src/core, src/cli, src/shared and webview stay editor-free; adapt them in src/host instead.',
};
const noKafkajs = {
  name: 'kafkajs',
  message: 'Only src/core/kafka/kafkajsAdapter.ts imports kafkajs; use the ports in src/core/kafka/ports.ts.',
};
// Deep imports (kafkajs/src/...) reach the same library: the adapter alone may use them.
const noKafkajsInternals = {
  group: ['kafkajs/*'],
  message: noKafkajs.message,
};
const noToolkit = {
  name: '@vscode/webview-ui-toolkit',
  message: 'Only webview/toolkit.ts registers the toolkit components.',
};

// The engine stands alone: nothing in src/core reaches up into the editor, CLI or webview.
const coreStaysInward = {
  group: ['**/host', '**/host/**', '**/cli', '**/cli/**', '**/webview', '**/webview/**', '**/extension'],
  message: 'src/core is the engine: it imports nothing from src/host, src/cli, webview or the composition root.',
};
// The webview runs in a browser: no Node modules, and nothing from the editor or CLI sides.
const webviewIsBrowser = [
  { group: ['node:*'], message: 'webview/ runs in a browser: no Node modules.' },
  { group: ['**/host/**', '**/cli/**', '**/src/extension'], message: 'webview/ talks to the host only through src/shared/protocol messages.' },
];
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: 'webview/ runs in a browser: no Node modules.' }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tools/**', '.cache/**', 'test-results/**', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Prettier wraps code at 120 columns; this catches what it leaves alone (comments).
      'max-len': ['error', { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }],
      'no-restricted-imports': ['error', { paths: [noKafkajs, noToolkit], patterns: [noKafkajsInternals] }],
    },
  },
  {
    // Only the editor side (src/host, the composition root, the extension tests) imports vscode.
    files: ['**/*.ts'],
    ignores: ['src/host/**', 'src/extension.ts', 'test/extension/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode, noKafkajs, noToolkit], patterns: [noKafkajsInternals] }] },
  },
  {
    // Functions stay short enough to read at once.
    files: ['src/**/*.ts', 'webview/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode, noKafkajs, noToolkit], patterns: [noKafkajsInternals, coreStaysInward] }] },
  },
  {
    files: ['webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noVscode, noKafkajs, noToolkit, ...nodeBuiltins], patterns: [noKafkajsInternals, ...webviewIsBrowser] }],
    },
  },
  {
    files: ['src/core/kafka/kafkajsAdapter.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode, noToolkit], patterns: [coreStaysInward] }] },
  },
  {
    files: ['webview/toolkit.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
