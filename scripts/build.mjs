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
    // One bundle per panel, named as its page in src/host (WebviewPage.bundle): <name>.js, and
    // <name>.css from the stylesheets its entry imports.
    entryPoints: {
      dashboard: 'webview/dashboard/main.ts',
      groupLab: 'webview/groupLab/main.ts',
      replication: 'webview/replication/main.ts',
    },
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

// Only this build's files get packaged (dist/webview/*.js and *.css).
fs.rmSync('dist/webview', { recursive: true, force: true });
const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[build] watching for changes');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  fs.chmodSync('dist/cli.js', 0o755);
}
