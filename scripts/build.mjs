// One build script, one esbuild context per runtime:
//   extension host (node/cjs, `vscode` external), webview (browser/iife), CLI (node/cjs).
//   `--out DIR` writes into DIR instead of dist/ (a staged copy of the extension).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { kafkajsFastPaths } from './kafkajsFastPaths.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1] : 'dist';

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
    outfile: path.join(out, 'extension.js'),
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [kafkajsFastPaths()],
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
    outdir: path.join(out, 'webview'),
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: path.join(out, 'cli.js'),
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [kafkajsFastPaths()],
  },
];

// Only this build's files get packaged (dist/webview/*.js and *.css).
fs.rmSync(path.join(out, 'webview'), { recursive: true, force: true });
const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[build] watching for changes');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  fs.chmodSync(path.join(out, 'cli.js'), 0o755);
}
