// The produce half of bench:kafka: every producer sends the same file to a fresh topic of its
// own, as a child process (each pays its start-up alike), in rounds whose order rotates, so a
// machine shared with other work slows them alike; the medians are compared.
//   ours            kafka-log-lab produce (no headers, journal, our partitioner)
//   ours+headers    the same with --line-headers (kll.line, kll.src on every message)
//   baseline        BENCH_BASELINE_CLI: another build's dist/cli.js, e.g. an older commit
//   kafkajs         bench/minimalProducer.ts: kafkajs alone, no key, no headers
//   kcat            kcat -P -l
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { KafkaClient } from '../src/core/kafka/ports';
import { withAdmin } from '../src/core/kafka/client';
import { retryTransient } from '../src/core/kafka/transientRetry';

export interface ProduceRunner {
  name: string;
  command(topic: string): [string, string[]];
}

const ROOT = path.resolve(__dirname, '../..');

export function produceRunners(bootstrap: string, file: string): ProduceRunner[] {
  const cli = path.join(ROOT, 'dist/cli.js');
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run node scripts/build.mjs first`);
  const ours =
    (script: string, extra: string[] = []) =>
    (topic: string): [string, string[]] => [
      process.execPath,
      [script, 'produce', file, '--topic', topic, '--brokers', bootstrap, '--format', 'web', '--json', ...extra],
    ];
  const runners: ProduceRunner[] = [
    { name: 'ours', command: ours(cli) },
    { name: 'ours+headers', command: ours(cli, ['--line-headers']) },
    {
      name: 'kafkajs',
      command: (t) => [process.execPath, [path.join(__dirname, 'minimalProducer.js'), bootstrap, t, file]],
    },
    { name: 'kcat', command: (t) => ['kcat', ['-P', '-b', bootstrap, '-t', t, '-l', file]] },
  ];
  const baseline = process.env.BENCH_BASELINE_CLI;
  if (baseline) runners.push({ name: 'baseline', command: ours(path.resolve(baseline)) });
  return runners;
}

function timedRun(cmd: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(performance.now() - t0) : reject(new Error(`${cmd} exited ${code}: ${err.slice(-500)}`)),
    );
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs every runner `rounds` times in rotating order; returns the median messages/s of each. */
export async function benchProduce(
  client: KafkaClient,
  runners: ProduceRunner[],
  lines: number,
  rounds: number,
): Promise<Map<string, number>> {
  const rates = new Map<string, number[]>(runners.map((r) => [r.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = runners.map((_, i) => runners[(i + round) % runners.length]);
    for (const runner of order) {
      const topic = `bench-${runner.name.replace(/\W/g, '-')}-${round}`;
      await retryTransient(() => withAdmin(client, (admin) => admin.createTopic({ topic, partitions: 3 })));
      const [cmd, args] = runner.command(topic);
      const ms = await timedRun(cmd, args);
      const ends = await withAdmin(client, (admin) => admin.topicOffsets(topic));
      const count = ends.reduce((sum, e) => sum + e.latest, 0);
      if (count !== lines) throw new Error(`${runner.name} left ${count} of ${lines} messages in ${topic}`);
      rates.get(runner.name)!.push(lines / (ms / 1000));
      console.log(
        `  round ${round + 1} ${runner.name}: ${Math.round(lines / (ms / 1000)).toLocaleString('en-US')} msg/s`,
      );
    }
  }
  return new Map([...rates].map(([name, values]) => [name, median(values)]));
}

/** Ratios of the medians, in the words the README uses. */
export function printProduceRatios(medians: Map<string, number>): void {
  const r = (a: string, b: string) =>
    medians.has(a) && medians.has(b) ? (medians.get(a)! / medians.get(b)!).toFixed(2) : 'n/a';
  console.log('\nproduce, ratios of medians:');
  console.log(`  ours / kcat -P -l:              ${r('ours', 'kcat')}`);
  console.log(`  ours / minimal kafkajs:         ${r('ours', 'kafkajs')}`);
  console.log(`  ours+headers / kcat -P -l:      ${r('ours+headers', 'kcat')}`);
  console.log(`  ours / ours+headers:            ${r('ours', 'ours+headers')}`);
  console.log(`  ours / baseline:                ${r('ours', 'baseline')}`);
  console.log(`  baseline / kcat -P -l:          ${r('baseline', 'kcat')}`);
}
