// Lint rules that guard the architecture: the engine, CLI and shared types never
// import the editor API, and only the Kafka adapter imports kafkajs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = {
  name: 'vscode',
  message: 'src/core, src/cli and src/shared stay editor-free: adapt them in src/host instead.',
};
const noKafkajs = {
  name: 'kafkajs',
  message: 'Only src/core/kafka/kafkajsAdapter.ts imports kafkajs; use the ports in src/core/kafka/ports.ts.',
};
const noToolkit = {
  name: '@vscode/webview-ui-toolkit',
  message: 'Only webview/toolkit.ts registers the toolkit components.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tools/**', '.cache/**', 'test-results/**', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [noKafkajs, noToolkit] }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts', 'src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode, noKafkajs, noToolkit] }] },
  },
  {
    files: ['src/core/kafka/kafkajsAdapter.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode, noToolkit] }] },
  },
  {
    files: ['webview/toolkit.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
