// npm run bench:kafka — on one broker, in one run, on the same 1,000,000-line web log:
//   produce:  ours with and without --line-headers vs a minimal kafkajs producer vs `kcat -P -l`
//             (interleaved rounds, medians: see produceBench.ts), then Kafka's own
//             ProducerPerformance (same count and size)
//   consume:  ours (`consume --stats`) vs `kcat -C -e -q` to /dev/null
// Prints messages/s and our ratio to each reference. BENCH_LINES overrides the line count,
// BENCH_ROUNDS the produce rounds (default 3), BENCH_BASELINE_CLI adds another build's CLI.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startJvmBroker } from '../src/core/broker/jvmBroker';
import { findKafkaJars } from '../src/core/broker/kafkaJars';
import { createKafkaClient, withAdmin } from '../src/core/kafka/client';
import { consumeTopic } from '../src/core/kafka/consumeTopic';
import { retryTransient } from '../src/core/kafka/transientRetry';
import { benchProduce, printProduceRatios, produceRunners } from './produceBench';
import { generateToFile } from '../src/core/generate';

const exec = promisify(execFile);
const LINES = Number(process.env.BENCH_LINES || 1_000_000);

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t = performance.now();
  const result = await work();
  return { ms: performance.now() - t, result };
}

function runTool(cmd: string, args: string[], stdoutTo?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', stdoutTo ? fs.openSync(stdoutTo, 'w') : 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} exited ${code}: ${out.slice(-500)}`)),
    );
  });
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-bench-'));
  const file = path.join(dir, 'web.log');
  const gen = await generateToFile(file, {
    format: 'web',
    seed: 'bench',
    startMs: Date.UTC(2025, 9, 16),
    lines: LINES,
    users: LINES,
  });
  const avgBytes = Math.round(gen.bytes / gen.lines) - 1;
  console.log(`web log: ${gen.lines} lines, ${(gen.bytes / 1e6).toFixed(1)} MB, ${avgBytes} bytes per line on average`);

  const broker = await startJvmBroker({ heap: '2g' });
  const brokers = [broker.bootstrap];
  console.log(`broker: Apache Kafka ${broker.kafkaVersion} at ${broker.bootstrap} (jvm)`);
  const client = createKafkaClient({ brokers });
  const topics = ['bench-perf'];
  for (const topic of topics) {
    await retryTransient(() => withAdmin(client, (admin) => admin.createTopic({ topic, partitions: 3 })));
  }
  const rows: Array<[string, number]> = [];
  const rate = (ms: number) => LINES / (ms / 1000);
  try {
    const rounds = Number(process.env.BENCH_ROUNDS || 3);
    const medians = await benchProduce(client, produceRunners(broker.bootstrap, file), LINES, rounds);
    printProduceRatios(medians);
    rows.push(['produce: kafka-log-lab (idempotent, keyed by visitor)', medians.get('ours')!]);
    rows.push(['produce: kcat -P -l', medians.get('kcat')!]);

    const jars = findKafkaJars(broker.kafkaVersion)!;
    const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
    const perf = await exec(
      java,
      [
        '-Xmx1g',
        '-cp',
        path.join(jars.libsDir, '*'),
        'org.apache.kafka.tools.ProducerPerformance',
        '--topic',
        'bench-perf',
        '--num-records',
        String(LINES),
        '--record-size',
        String(avgBytes),
        '--throughput',
        '-1',
        '--producer-props',
        `bootstrap.servers=${broker.bootstrap}`,
        'acks=all',
        'enable.idempotence=true',
      ],
      { maxBuffer: 16 << 20 },
    );
    const perfRate = Number(
      perf.stdout
        .trim()
        .split('\n')
        .pop()!
        .match(/([\d.]+) records\/sec/)?.[1],
    );
    rows.push(['produce: Kafka ProducerPerformance (acks=all, idempotent)', perfRate]);

    const consume = await timed(() =>
      consumeTopic({
        client,
        topic: 'bench-ours-0',
        from: { kind: 'beginning' },
        untilEnd: true,
        idleMs: 1000,
        format: 'web',
      }),
    );
    if (consume.result.messages !== LINES) throw new Error(`our consume read ${consume.result.messages} of ${LINES}`);
    rows.push(['consume: kafka-log-lab consume --stats', rate(consume.ms)]);

    const kcatC = await timed(() =>
      runTool('kcat', ['-C', '-b', broker.bootstrap, '-t', 'bench-ours-0', '-o', 'beginning', '-e', '-q'], '/dev/null'),
    );
    rows.push(['consume: kcat -C -e -q > /dev/null', rate(kcatC.ms)]);
  } finally {
    await broker.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log('\n| run | messages/s |\n| --- | ---: |');
  for (const [name, value] of rows) console.log(`| ${name} | ${Math.round(value).toLocaleString('en-US')} |`);
  const by = Object.fromEntries(rows);
  const ratio = (a: string, b: string) => (by[a] / by[b]).toFixed(2);
  console.log('\nratios (ours / reference):');
  console.log(
    `  produce vs kcat:                ${ratio('produce: kafka-log-lab (idempotent, keyed by visitor)', 'produce: kcat -P -l')}`,
  );
  console.log(
    `  produce vs ProducerPerformance: ${ratio('produce: kafka-log-lab (idempotent, keyed by visitor)', 'produce: Kafka ProducerPerformance (acks=all, idempotent)')}`,
  );
  console.log(
    `  consume --stats vs kcat -C:     ${ratio('consume: kafka-log-lab consume --stats', 'consume: kcat -C -e -q > /dev/null')}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
