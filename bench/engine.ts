// Engine benchmark: generates N lines of each format and computes their statistics, each
// step in its own process (so peak memory is per step), and compares
//   - generation with a plain Node write loop of the same number of bytes, and
//   - the web generator and statistics with seed 000's algorithm written plainly in Python
//     (bench/seed_lab.py), run here in the same benchmark.
//   - with --baseline-cli PATH (or BENCH_BASELINE_CLI), another build's CLI generating the
//     same files in the same run: its time, our speed-up, and whether the bytes are the same;
//     with --repeat N, N alternating runs of each, reported as medians.
// Usage: npm run bench:engine [-- --lines N] [--baseline-cli PATH] [--repeat N] [--keep] [--json]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_START_MS, runTask, type TaskResult } from './engineTasks';

const FORMATS = ['web', 'nginx', 'events'] as const;
const SEED_SCRIPT = path.resolve(__dirname, '../../bench/seed_lab.py');

function run(command: string, args: string[]): TaskResult {
  const child = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${child.stderr || child.error}`);
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as TaskResult;
}

const task = (...args: string[]) => run(process.execPath, [__filename, '--task', ...args]);
const python = (...args: string[]) => run('python3', [SEED_SCRIPT, ...args]);

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const perSecond = (r: TaskResult) => (r.lines * 1000) / r.ms;
const seconds = (r: TaskResult) => `${(r.ms / 1000).toFixed(2)} s`;
const mb = (r: TaskResult) => `${Math.round(r.maxRssMB)} MB`;
const pad = (cells: string[], widths: number[]) =>
  cells
    .map((c, i) => c.padEnd(widths[i]))
    .join('')
    .trimEnd();

/** Another build's CLI to compare generation with in the same run (e.g. an older commit's dist/cli.js). */
function baselineCli(argv: string[]): string | undefined {
  const at = argv.indexOf('--baseline-cli');
  const cli = at < 0 ? process.env.BENCH_BASELINE_CLI : argv[at + 1];
  if (cli && !fs.existsSync(cli)) throw new Error(`baseline CLI not found: ${cli}`);
  return cli || undefined;
}

/** The baseline build generating the same file (same options), timed by itself. */
function baselineGenerate(cli: string, format: string, out: string, lines: number): TaskResult {
  const args = [cli, 'generate', '--format', format, '--out', out, '--lines', String(lines), '--seed', 'bench'];
  const summary = run(process.execPath, [...args, '--start', new Date(BENCH_START_MS).toISOString(), '--json']);
  return { ...summary, ms: (summary as unknown as { elapsedMs: number }).elapsedMs };
}

/**
 * Whether two files hold the same bytes, read 1 MiB at a time: reading them whole would grow
 * this process, and the children spawned after it would report its peak RSS as theirs.
 */
function sameBytes(a: string, b: string): boolean {
  if (fs.statSync(a).size !== fs.statSync(b).size) return false;
  const [fa, fb] = [fs.openSync(a, 'r'), fs.openSync(b, 'r')];
  const [ba, bb] = [Buffer.alloc(1 << 20), Buffer.alloc(1 << 20)];
  try {
    for (;;) {
      const na = fs.readSync(fa, ba);
      const nb = fs.readSync(fb, bb);
      if (na !== nb || !ba.subarray(0, na).equals(bb.subarray(0, nb))) return false;
      if (na === 0) return true;
    }
  } finally {
    fs.closeSync(fa);
    fs.closeSync(fb);
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** `--repeat N`: runs of ours and the baseline per format (on a shared machine one pair says little). */
function repeatCount(argv: string[]): number {
  const at = argv.indexOf('--repeat');
  const count = at < 0 ? 1 : Number(argv[at + 1]);
  if (!(Number.isSafeInteger(count) && count > 0)) throw new Error(`--repeat needs a whole number > 0`);
  return count;
}

/**
 * Ours (`first`, then more runs) and the baseline generating the same file `repeat` times,
 * alternating so both meet the same machine load; the speed-up is the median of the pairs' ratios.
 */
function againstBaseline(format: string, lines: number, file: (name: string) => string, cli: string, repeat: number) {
  const ratios: number[] = [];
  const baselineMs: number[] = [];
  let same = true;
  for (let i = 0; i < repeat; i++) {
    const ours = i === 0 ? undefined : task('generate', format, file(`${format}.log`), String(lines));
    const old = baselineGenerate(cli, format, file('baseline.log'), lines);
    same &&= sameBytes(file(`${format}.log`), file('baseline.log'));
    fs.rmSync(file('baseline.log'));
    baselineMs.push(old.ms);
    if (ours) ratios.push(old.ms / ours.ms);
  }
  return { ratios, baselineMs, same };
}

/**
 * Each format's generation against a plain write loop of the same bytes and, with a baseline
 * build, against that build generating the same file (which must have the same bytes).
 */
function benchGenerate(
  lines: number,
  file: (name: string) => string,
  report: Record<string, unknown>,
  baseline: string | undefined,
  repeat = 1,
): Record<string, TaskResult> {
  console.log('\nGenerate (seeded, streamed to a file) vs a plain Node write loop of the same bytes');
  const columns = ['format', 'lines/s', 'MB/s', 'time', 'peak RSS', 'plain write', 'ratio'];
  const widths = [9, 13, 9, 10, 11, 14, 10];
  if (baseline) columns.push('baseline', 'speed-up', 'same bytes');
  if (baseline) widths.push(12, 10, 11);
  console.log(pad(columns, widths));
  const generated: Record<string, TaskResult> = {};
  for (const format of FORMATS) {
    const g = (generated[format] = task('generate', format, file(`${format}.log`), String(lines)));
    const plain = task('plain-write', '-', file('plain.out'), String(g.bytes));
    fs.rmSync(file('plain.out'));
    const ratio = g.ms / plain.ms;
    const cells = [format, n(perSecond(g)), n(g.bytes / 1e3 / g.ms), seconds(g), mb(g), seconds(plain)];
    cells.push(`${ratio.toFixed(2)}x`);
    const entry: Record<string, unknown> = {
      ...g,
      plainWriteMs: plain.ms,
      ratioToPlainWrite: Number(ratio.toFixed(2)),
    };
    if (baseline) {
      const { ratios, baselineMs, same } = againstBaseline(format, lines, file, baseline, repeat);
      ratios.unshift(baselineMs[0] / g.ms);
      const speedUp = median(ratios);
      cells.push(`${(median(baselineMs) / 1000).toFixed(2)} s`, `${speedUp.toFixed(2)}x`, same ? 'yes' : 'NO');
      const speedUps = ratios.map((r) => Number(r.toFixed(2)));
      Object.assign(entry, {
        baselineMs: median(baselineMs),
        speedUp: Number(speedUp.toFixed(2)),
        speedUps,
        sameBytes: same,
      });
    }
    console.log(pad(cells, widths));
    report[`generate.${format}`] = entry;
  }
  return generated;
}

function hasPython(): boolean {
  return spawnSync('python3', ['--version'], { encoding: 'utf8' }).status === 0;
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--task') return runTask(argv.slice(1));
  const at = argv.indexOf('--lines');
  const lines = at < 0 ? 1_000_000 : Number(argv[at + 1]);
  if (!(Number.isSafeInteger(lines) && lines > 0))
    throw new Error(`--lines needs a positive whole number, got ${argv[at + 1]}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-bench-'));
  const file = (name: string) => path.join(dir, name);
  const report: Record<string, unknown> = {
    lines,
    node: process.version,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
  };
  try {
    const py = hasPython() ? spawnSync('python3', ['--version'], { encoding: 'utf8' }).stdout.trim() : 'no python3';
    console.log(
      `Engine benchmark: ${n(lines)} lines per format; Node ${process.version}, ${py}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'CPU'}`,
    );

    const generated = benchGenerate(lines, file, report, baselineCli(argv), repeatCount(argv));

    console.log('\nStatistics (streamed from the file, format detected)');
    const w2 = [9, 13, 9, 10, 11];
    console.log(pad(['format', 'lines/s', 'MB/s', 'time', 'peak RSS'], w2));
    const analysed: Record<string, TaskResult> = {};
    for (const format of FORMATS) {
      const s = (analysed[format] = task('stats', 'auto', file(`${format}.log`)));
      if (s.lines !== generated[format].lines)
        throw new Error(`stats saw ${s.lines} lines of ${format}, generated ${generated[format].lines}`);
      console.log(pad([format, n(perSecond(s)), n(s.bytes / 1e3 / s.ms), seconds(s), mb(s)], w2));
      report[`stats.${format}`] = s;
    }

    if (py === 'no python3') {
      console.log('\npython3 not found: seed 000 comparison skipped');
    } else {
      console.log(`\nSeed 000's algorithm, written plainly in Python (bench/seed_lab.py), web format`);
      const pyGen = python('generate', String(lines), file('seed.log'));
      const pyStats = python('stats', file('web.log'));
      const w3 = [10, 16, 16, 11, 22];
      console.log(pad(['step', 'ours lines/s', 'seed lines/s', 'speed-up', 'peak RSS ours / seed'], w3));
      const gen = generated.web;
      const st = analysed.web;
      console.log(
        pad(
          [
            'generate',
            n(perSecond(gen)),
            n(perSecond(pyGen)),
            `${(perSecond(gen) / perSecond(pyGen)).toFixed(1)}x`,
            `${mb(gen)} / ${mb(pyGen)}`,
          ],
          w3,
        ),
      );
      console.log(
        pad(
          [
            'stats',
            n(perSecond(st)),
            n(perSecond(pyStats)),
            `${(perSecond(st) / perSecond(pyStats)).toFixed(1)}x`,
            `${mb(st)} / ${mb(pyStats)}`,
          ],
          w3,
        ),
      );
      const ours = st.detail as { uniqueVisitors: number; sessions: { averageDurationSeconds: number } };
      const theirs = pyStats as TaskResult & { uniqueVisitors: number; averageFromFirstEventSeconds: number };
      const agree =
        ours.uniqueVisitors === theirs.uniqueVisitors &&
        ours.sessions.averageDurationSeconds === theirs.averageFromFirstEventSeconds;
      console.log(
        `cross-check on our web file: visitors ${n(ours.uniqueVisitors)} vs ${n(theirs.uniqueVisitors)}, average visit ` +
          `${ours.sessions.averageDurationSeconds} s vs ${theirs.averageFromFirstEventSeconds} s: ${agree ? 'same' : 'DIFFERENT'}`,
      );
      report['seed.generate'] = pyGen;
      report['seed.stats'] = pyStats;
      report.crossCheck = agree;
    }
    if (argv.includes('--json')) console.log(JSON.stringify(report));
  } finally {
    if (argv.includes('--keep')) console.log(`\nfiles kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(`bench:engine: ${(e as Error).message}`);
  process.exit(1);
});
