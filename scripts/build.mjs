// One build script, one esbuild context per runtime:
//   extension host (node/cjs, `vscode` external), webview (browser/iife), CLI (node/cjs).
import * as esbuild from 'esbuild';
import fs from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
};

const targets = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    // One bundle per panel: the dashboard, and the consumer-group lab when present.
    entryPoints: Object.fromEntries(
      [['main', 'webview/main.ts'], ['groupLab', 'webview/groupLab/main.ts']].filter(([, file]) => fs.existsSync(file)),
    ),
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
];

const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[build] watching for changes');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  fs.chmodSync('dist/cli.js', 0o755);
  if (fs.existsSync('webview/dashboard.css')) fs.copyFileSync('webview/dashboard.css', 'dist/webview/dashboard.css');
}
