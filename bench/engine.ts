// Engine benchmark: generates N lines of each format and computes their statistics, each
// step in its own process (so peak memory is per step), and compares
//   - generation with a plain Node write loop of the same number of bytes, and
//   - the web generator and statistics with seed 000's algorithm written plainly in Python
//     (bench/seed_lab.py), run here in the same benchmark.
// Usage: npm run bench:engine [-- --lines N] [--keep] [--json]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTask, type TaskResult } from './engineTasks';

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

    console.log('\nGenerate (seeded, streamed to a file) vs a plain Node write loop of the same bytes');
    const w1 = [9, 13, 9, 10, 11, 14, 10];
    console.log(pad(['format', 'lines/s', 'MB/s', 'time', 'peak RSS', 'plain write', 'ratio'], w1));
    const generated: Record<string, TaskResult> = {};
    for (const format of FORMATS) {
      const g = (generated[format] = task('generate', format, file(`${format}.log`), String(lines)));
      const plain = task('plain-write', '-', file('plain.out'), String(g.bytes));
      fs.rmSync(file('plain.out'));
      const ratio = g.ms / plain.ms;
      console.log(
        pad(
          [format, n(perSecond(g)), n(g.bytes / 1e3 / g.ms), seconds(g), mb(g), seconds(plain), `${ratio.toFixed(2)}x`],
          w1,
        ),
      );
      report[`generate.${format}`] = { ...g, plainWriteMs: plain.ms, ratioToPlainWrite: Number(ratio.toFixed(2)) };
    }

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
