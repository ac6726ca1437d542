// Measures the extension host's memory during a long live run: runs the extension test
// "Live traffic memory" (test/extension/liveTraffic.test.ts) in the real VS Code, which starts
// live traffic at 50 lines/s with the dashboard open and samples process.memoryUsage() of the
// extension host every 30 s. Prints start, max and end RSS and heap.
//
//   KLL_TEST_BROKERS=127.0.0.1:9092 node scripts/vscode/measure-live-memory.mjs [--minutes 10] [--no-build]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './codeServer.mjs';

const argValue = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const minutes = Number(argValue('--minutes') ?? 10);
if (!process.env.KLL_TEST_BROKERS) {
  console.error('set KLL_TEST_BROKERS to a running broker (e.g. node dist/cli.js broker start --engine jvm)');
  process.exit(2);
}
const out = path.join(repoRoot, 'test-results', 'live-memory.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.rmSync(out, { force: true });
const runner = path.join(repoRoot, 'scripts/vscode/run-extension-tests.mjs');
const args = [runner, ...(process.argv.includes('--no-build') ? ['--no-build'] : [])];
const r = spawnSync(process.execPath, args, {
  stdio: 'inherit',
  env: {
    ...process.env,
    KLL_EXTENSION_TEST_GREP: 'Live traffic memory',
    KLL_LIVE_MEMORY_MINUTES: String(minutes),
    KLL_LIVE_MEMORY_OUT: out,
    KLL_EXTENSION_TEST_RESULTS: path.join(repoRoot, 'test-results', 'live-memory-results.json'),
  },
});
if (!fs.existsSync(out)) {
  console.error('no samples were written: the run failed (see above)');
  process.exit(1);
}
const { samples, result } = JSON.parse(fs.readFileSync(out, 'utf8'));
const summary = (key) => {
  const values = samples.map((s) => s[key]);
  return { start: values[0], max: Math.max(...values), end: values[values.length - 1] };
};
console.log(`samples: ${samples.length} over ${samples[samples.length - 1].s} s; lines ${result.written}`);
console.log(`rss MB  ${JSON.stringify(summary('rssMb'))}`);
console.log(`heap MB ${JSON.stringify(summary('heapMb'))}`);
process.exit(r.status ?? 1);
