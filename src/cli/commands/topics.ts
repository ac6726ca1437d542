// `kafka-log-lab topics list|describe|create|delete`.
import { type CliCommand, type CliIO, UsageError, intOption, parseOptions, printJson, runAction } from '../command';
import { cliKafka } from '../kafkaOptions';
import { formatTable } from '../textTable';
import { withAdmin } from '../../core/kafka/client';
import { createTopic, deleteTopic, describeTopicDetail, listTopicSummaries } from '../../core/kafka/topicsAdmin';

const help = `Usage: kafka-log-lab topics <list|describe|create|delete> [TOPIC] [options]

  list                 topics with their partition and message counts (message count =
                       sum over partitions of latest - earliest offset)
                         --all   also Kafka's internal topics (__consumer_offsets, ...)
  describe TOPIC       partitions with leader, replicas, in-sync replicas, earliest and
                       latest offsets and message counts
  create TOPIC         --partitions N (default 3)  --replication-factor N (default 1)
                       --config KEY=VALUE (repeatable, e.g. retention.ms=3600000)
  delete TOPIC         deletes the topic and its messages

Every action takes --brokers HOST:PORT[,HOST:PORT] (default $KAFKA_BROKERS or localhost:9092)
and --json (one JSON object on one line). TOPIC may also be given as --topic TOPIC.`;

const common = {
  brokers: { type: 'string' },
  json: { type: 'boolean', default: false },
  topic: { type: 'string' },
} as const;

function topicArg(positionals: string[], flag: string | undefined): string {
  const topic = flag ?? positionals[0];
  if (!topic) throw new UsageError('TOPIC is required');
  if (flag && positionals.length > 0) throw new UsageError('give TOPIC once (as an argument or --topic)');
  if (positionals.length > 1) throw new UsageError(`one TOPIC at a time, got ${positionals.length}`);
  return topic;
}

async function list(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseOptions(argv, { ...common, all: { type: 'boolean', default: false } });
  const topics = await withAdmin(cliKafka(values.brokers).client, listTopicSummaries);
  const shown = values.all ? topics : topics.filter((t) => !t.internal);
  if (values.json) printJson(io, { topics: shown });
  else if (shown.length === 0) io.out('No topics yet. Create one: kafka-log-lab topics create TOPIC');
  else for (const row of formatTable(['topic', 'partitions', 'messages'], shown.map((t) => [t.name, t.partitions, t.messages]))) io.out(row);
  return 0;
}

async function describe(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(argv, common, true);
  const topic = topicArg(positionals, values.topic);
  const detail = await withAdmin(cliKafka(values.brokers).client, (admin) => describeTopicDetail(admin, topic));
  if (values.json) return printJson(io, detail), 0;
  io.out(`${detail.name}: ${detail.partitions.length} partitions, ${detail.messages} messages`);
  const rows = detail.partitions.map((p) => [p.partition, p.leader, p.replicas.join(','), p.isr.join(','), p.earliest, p.latest, p.messages]);
  for (const row of formatTable(['partition', 'leader', 'replicas', 'isr', 'earliest', 'latest', 'messages'], rows)) io.out(row);
  return 0;
}

function parseConfigs(entries: string[] | undefined): Record<string, string> {
  const configs: Record<string, string> = {};
  for (const entry of entries ?? []) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new UsageError(`--config must be KEY=VALUE, got "${entry}"`);
    configs[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return configs;
}

async function create(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    ...common,
    partitions: { type: 'string' },
    'replication-factor': { type: 'string' },
    config: { type: 'string', multiple: true },
  }, true);
  const topic = topicArg(positionals, values.topic);
  const partitions = intOption(values.partitions, 'partitions', 3)!;
  if (partitions < 1) throw new UsageError('--partitions must be at least 1');
  const replicationFactor = intOption(values['replication-factor'], 'replication-factor', 1)!;
  const configs = parseConfigs(values.config);
  await withAdmin(cliKafka(values.brokers).client, (admin) => createTopic(admin, { topic, partitions, replicationFactor, configs }));
  if (values.json) printJson(io, { topic, created: true, partitions, replicationFactor });
  else io.out(`Created topic ${topic} with ${partitions} partition${partitions === 1 ? '' : 's'}`);
  return 0;
}

async function remove(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(argv, common, true);
  const topic = topicArg(positionals, values.topic);
  await withAdmin(cliKafka(values.brokers).client, (admin) => deleteTopic(admin, topic));
  if (values.json) printJson(io, { topic, deleted: true });
  else io.out(`Deleted topic ${topic}`);
  return 0;
}

export const topicsCommand: CliCommand = {
  name: 'topics',
  summary: 'list, describe, create and delete topics',
  help,
  run: (argv, io) => runAction(argv, io, help, { list, describe, create, delete: remove }),
};
