// `kafka-log-lab demo`: the whole web-logs lab end to end, as in the seed reports:
// start a local broker, generate web-session logs, produce them line by line, consume them
// back, and print the results table (sent vs read, unique visitors, average visit duration).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type CliCommand, UsageError, intOption, parseOptions, printJson, wantsHelp } from '../command';
import { startLocalBroker, type EngineChoice, type LocalBroker } from '../../core/broker/startBroker';
import { createKafkaClient, withAdmin } from '../../core/kafka/client';
import type { KafkaClient } from '../../core/kafka/ports';
import { produceFile, type ProduceFileOptions } from '../../core/kafka/produceFile';
import { consumeTopic } from '../../core/kafka/consumeTopic';
import { generateRecordedFile } from '../../core/generate/generationRecord';
import { renderLabTable, type LabResult } from './demoReport';
import { KAFKA_OPTIONS, cliKafka, kafkaSettings, topicOption, type KafkaSettings } from '../kafkaOptions';
import { requireWritableFile } from '../../core/fileErrors';
import { formatCount } from '../../core/format/count';
import { t } from '../l10n';

const help = `Usage: kafka-log-lab demo [options]

Runs the complete Kafka web-logs lab on this machine and prints its results:
  1. starts a local Apache Kafka broker (unless --brokers is given): in Docker when Docker
     is available and has an image (apache/kafka, or the local kafka-log-lab/kafka image
     that scripts/docker/build-local-kafka-image.sh builds), else on the local Java
  2. generates a web-sessions log (seeded, like the lab's generator)
  3. produces it to a topic, one JSON message per line, keyed by visitor
  4. consumes the topic back in a consumer group and computes the statistics
  5. prints messages sent vs read, unique visitors, visits closed/vanished and the average
     visit duration, and stops the broker it started

Options:
  --users N        visitors to simulate (default 200)
  --seed S         generator seed (default "lab")
  --topic T        topic (default log_web; when it already holds messages, a fresh
                   log_web-<time> is used so that sent and read compare one run)
  --engine E       auto|docker|jvm (default auto: Docker when available, else Java)
  --brokers B      use this running cluster instead of starting a broker
  --config FILE    use the cluster of this client.properties (bootstrap.servers, security.protocol,
                   sasl.*, ssl.*) instead of starting a broker; -X KEY=VALUE sets one property
  --out FILE       keep the generated log here (default: a temp file, removed afterwards)
  --json           print the results as one JSON line`;

type Say = (line: string) => void;

async function startDemoBroker(engine: EngineChoice, say: Say, signal: AbortSignal | undefined): Promise<LocalBroker> {
  say(`[1/4] ${t('starting a local Kafka broker…')}`);
  const broker = await startLocalBroker({ engine, onProgress: (m) => say(`      ${m}`), signal });
  const runtime = broker.image ? `${broker.engine}, ${broker.image}` : broker.engine;
  const seconds = (broker.startMs / 1000).toFixed(1);
  say(
    `      ${t('Apache Kafka {0} ({1}) ready at {2} in {3} s', broker.kafkaVersion, runtime, broker.bootstrap, seconds)}`,
  );
  return broker;
}

/** `topic`, or a new `topic-<time>` when it already holds messages: sent and read compare one run. */
async function freshTopic(client: KafkaClient, topic: string, say: Say): Promise<string> {
  const holdsMessages = await withAdmin(client, async (admin) =>
    (await admin.listTopics()).includes(topic)
      ? (await admin.topicOffsets(topic)).some((p) => p.latest > p.earliest)
      : false,
  );
  if (!holdsMessages) return topic;
  const fresh = `${topic}-${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
  say(`      ${t('{0} already holds messages; this run uses {1}', topic, fresh)}`);
  return fresh;
}

async function generateLog(file: string, users: number, seed: string, say: Say, signal: AbortSignal | undefined) {
  say(`[2/4] ${t('generating web-session logs for {0} visitors…', formatCount(users))}`);
  const startMs = Date.now() - 6 * 3600_000;
  const generated = await generateRecordedFile(file, { format: 'web', users, seed, startMs }, signal);
  say(
    `      ${t('{0} lines, {1} visitors → {2}', formatCount(generated.lines), formatCount(generated.visitors), file)}`,
  );
  return generated;
}

type ProduceTarget = Pick<ProduceFileOptions, 'client' | 'brokers' | 'file' | 'topic' | 'signal'>;

/** As in the lab: each line parsed and sent as a JSON record, keyed by visitor. */
async function produceLog(target: ProduceTarget, say: Say) {
  say(`[3/4] ${t('producing {0} to {1}…', path.basename(target.file), target.topic)}`);
  const produced = await produceFile({ ...target, format: 'web', as: 'json' });
  const expected = formatCount(produced.lines - produced.skipped);
  const seconds = (produced.durationMs / 1000).toFixed(2);
  say(`      ${t('{0} of {1} lines delivered in {2} s', formatCount(produced.acked), expected, seconds)}`);
  return produced;
}

/** Reads the whole topic back in a new consumer group, with the web-session statistics. */
function consumeBack(client: KafkaClient, topic: string, say: Say, signal: AbortSignal | undefined) {
  const groupId = `log-web-lab-${Date.now().toString(36)}`;
  say(`[4/4] ${t('consuming {0} back in consumer group {1}…', topic, groupId)}`);
  const from = { kind: 'beginning' as const };
  return consumeTopic({ client, topic, from, groupId, untilEnd: true, idleMs: 1000, format: 'web', signal });
}

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'run the complete web-logs lab end to end on a local broker',
  help,
  async run(argv, io) {
    if (wantsHelp(argv)) return (io.out(help), 0);
    const { values } = parseOptions(argv, {
      users: { type: 'string' },
      seed: { type: 'string', default: 'lab' },
      topic: { type: 'string', default: 'log_web' },
      ...KAFKA_OPTIONS,
      out: { type: 'string' },
      engine: { type: 'string', default: 'auto' },
      json: { type: 'boolean', default: false },
    });
    if (!['auto', 'docker', 'jvm'].includes(values.engine))
      throw new UsageError(t('--engine must be auto, docker or jvm'));
    const say = values.json ? () => undefined : (m: string) => io.err(m);
    const users = intOption(values.users, 'users', 200)!;
    // Every argument is checked before a broker is started or contacted.
    topicOption(values.topic);
    const connectionGiven = [values.brokers, values.config, values['command-config'], values['client-property']];
    const cluster: KafkaSettings | undefined = connectionGiven.some((v) => v !== undefined)
      ? kafkaSettings(values)
      : undefined;
    if (values.out !== undefined) requireWritableFile(values.out);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-log-lab-demo-'));
    const file = values.out ?? path.join(scratch, 'web.log');
    let broker: LocalBroker | undefined;
    try {
      if (!cluster) broker = await startDemoBroker(values.engine as EngineChoice, say, io.signal);
      const brokers = cluster?.brokers ?? broker!.bootstrap.split(',');
      const client = cluster
        ? (await cliKafka(cluster, io)).clientFor('kafka-log-lab-demo')
        : createKafkaClient({ brokers, clientId: 'kafka-log-lab-demo', retries: 3, maxRetryTimeMs: 2000 });
      const topic = await freshTopic(client, values.topic, say);
      const generated = await generateLog(file, users, values.seed, say, io.signal);
      const produced = await produceLog({ client, brokers, file, topic, signal: io.signal }, say);
      const consumed = await consumeBack(client, topic, say, io.signal);
      const result: LabResult = { topic, file, generated, produced, consumed };
      if (values.json) printJson(io, result);
      else for (const line of renderLabTable(result)) io.out(line);
      return produced.complete && consumed.messages === produced.acked ? 0 : 1;
    } finally {
      // A broker that was already running before the demo stays up.
      if (broker && !broker.alreadyRunning) {
        await broker.stop();
        say(`      ${t('broker stopped')}`);
      }
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  },
};
