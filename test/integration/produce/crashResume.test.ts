// The producer process is killed (SIGKILL, no chance to clean up) at random points, sometimes
// twice; `produce --resume` must then end with every line of the file exactly once — checked
// by kcat, a reader no one here wrote — without any per-message headers.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { generateToString } from '../../../src/core/generate';
import { runCli } from '../support/runCli';
import { scratchFile } from '../support/files';
import { testBrokers, uniqueName } from '../support/testBroker';

const exec = promisify(execFile);
const CLI = path.resolve(__dirname, '../../../../dist/cli.js');
const RUNS = Number(process.env.KLL_CRASH_RUNS || 20);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A small seeded generator (mulberry32), so a failing kill schedule can be replayed. */
function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Starts `produce` and kills it with SIGKILL after `afterMs` (if it is still running). */
async function produceKilledAfter(args: string[], afterMs: number): Promise<'killed' | number> {
  const child = spawn(process.execPath, [CLI, 'produce', ...args], { stdio: 'ignore' });
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  const outcome = await Promise.race([exited, sleep(afterMs).then(() => 'timer' as const)]);
  if (outcome !== 'timer') return outcome;
  child.kill('SIGKILL');
  await exited;
  return 'killed';
}

/** How long a whole, uninterrupted `produce` of the file takes. */
async function timeWholeRun(file: string, brokers: string): Promise<number> {
  const t0 = performance.now();
  const run = await runCli(['produce', file, '--topic', uniqueName('crash-timing'), '--brokers', brokers]);
  assert.equal(run.code, 0, run.stderr);
  return performance.now() - t0;
}

async function kcatValues(topic: string): Promise<string[]> {
  const { stdout } = await exec('kcat', ['-C', '-b', testBrokers()[0], '-t', topic, '-e', '-q', '-f', '%s\n'], {
    timeout: 60000,
    maxBuffer: 256 << 20,
  });
  return stdout.split('\n').slice(0, -1);
}

/** Lines in the topic beyond the file's count, and lines of the file the topic lacks. */
function difference(expected: string[], actual: string[]): { extra: number; lacking: number } {
  const counts = new Map<string, number>();
  for (const line of expected) counts.set(line, (counts.get(line) ?? 0) + 1);
  let extra = 0;
  for (const line of actual) {
    const left = counts.get(line) ?? 0;
    if (left === 0) extra++;
    else counts.set(line, left - 1);
  }
  let lacking = 0;
  for (const left of counts.values()) lacking += left;
  return { extra, lacking };
}

describe('produce --resume after the producer process is killed', function () {
  this.timeout(RUNS * 90000 + 60000);
  // Large enough that a whole run takes a good second, so the kills land inside the sending.
  const { text } = generateToString({ format: 'web', seed: 'crash', startMs: Date.UTC(2025, 9, 16), lines: 150_000 });
  // Every 50th line again a bit later: exactness must hold for a file that repeats lines.
  const base = text.split('\n').filter((l) => l.length > 0);
  const lines = base.flatMap((line, i) => (i % 50 === 7 ? [line, line] : [line]));
  const file = scratchFile('crash.log', `${lines.join('\n')}\n`);

  it(`ends with every line exactly once in ${RUNS} runs killed at random points (kcat checks)`, async () => {
    const seed = Number(process.env.KLL_CRASH_SEED || Date.now() % 100000);
    const random = randomFrom(seed);
    const brokers = testBrokers().join(',');
    // Kill points are drawn over the first three quarters of the time a whole run takes on this
    // machine now (the faster of two runs: the first also warms the broker), start-up included,
    // so that nearly every run is killed while it sends.
    const wholeRunMs = Math.min(await timeWholeRun(file, brokers), await timeWholeRun(file, brokers));
    const killWindowMs = 0.75 * wholeRunMs;
    const outcomes: string[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const topic = uniqueName('crash');
      const args = [file, '--topic', topic, '--brokers', brokers, '--json'];
      const first = await produceKilledAfter(args, random() * killWindowMs);
      // Half the time the resume is killed as well, so a resume continues a resume.
      const second =
        random() < 0.5 ? await produceKilledAfter([...args, '--resume'], random() * killWindowMs) : 'skipped';
      const resumed = await runCli(['produce', ...args, '--resume']);
      // Killed before the run was recorded (before the topic existed): nothing to resume.
      const finished = /no earlier run/.test(resumed.stderr) ? await runCli(['produce', ...args]) : resumed;
      assert.equal(finished.code, 0, `run ${run} (seed ${seed}): ${finished.stdout.slice(-400)}${finished.stderr}`);
      const diff = difference(lines, await kcatValues(topic));
      outcomes.push(`${first}/${second}`);
      assert.deepEqual(diff, { extra: 0, lacking: 0 }, `run ${run} (seed ${seed}, kills ${outcomes.join(' ')})`);
    }
    console.log(`      kill seed ${seed}, whole run ${Math.round(wholeRunMs)} ms: ${outcomes.join(' ')}`);
    // A run that ended before its kill proves nothing: most must really have been killed.
    const killed = outcomes.filter((o) => o.startsWith('killed')).length;
    assert.ok(killed >= RUNS / 2, `only ${killed} of ${RUNS} first runs were killed (seed ${seed})`);
  });
});
