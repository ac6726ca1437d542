// `kafka-log-lab topics list|describe|create|delete`.
import {
  type CliCommand,
  type CliIO,
  UsageError,
  numberOption,
  parseOptions,
  printJson,
  quote,
  runAction,
} from '../command';
import {
  KAFKA_OPTIONS,
  KAFKA_OPTIONS_NO_CONFIG,
  cliKafka,
  commandConfigFlags,
  kafkaSettings,
  topicOption,
} from '../kafkaOptions';
import { formatTable } from '../textTable';
import { formatCount } from '../../core/format/count';
import { withAdmin } from '../../core/kafka/client';
import { createTopic, deleteTopic, describeTopicDetail, listTopicSummaries } from '../../core/kafka/topicsAdmin';
import { t } from '../l10n';

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
and --json (one JSON object on one line). TOPIC may also be given as --topic TOPIC.
To reach a secured cluster, every action also takes
  --config FILE          client.properties with the connection settings (security.protocol, sasl.*,
                         ssl.*, bootstrap.servers; default $KAFKA_LOG_LAB_CONFIG). For create, where
                         --config is a topic setting as in Kafka's kafka-topics.sh, give the file as
                         --command-config FILE (accepted by every action).
  -X KEY=VALUE           set one client property on top of the file (repeatable)
e.g. kafka-log-lab topics list --config client.properties`;

const common = {
  ...KAFKA_OPTIONS,
  json: { type: 'boolean', default: false },
  topic: { type: 'string' },
} as const;

/** `create`, where --config sets a topic property as in kafka-topics.sh. */
const createCommon = {
  ...KAFKA_OPTIONS_NO_CONFIG,
  json: common.json,
  topic: common.topic,
} as const;

function topicArg(positionals: string[], flag: string | undefined): string {
  const topic = flag ?? positionals[0];
  if (topic === undefined) throw new UsageError(t('TOPIC is required'));
  if (flag !== undefined && positionals.length > 0)
    throw new UsageError(t('give TOPIC once (as an argument or --topic)'));
  if (positionals.length > 1) throw new UsageError(t('one TOPIC at a time, got {0}', positionals.length));
  return topicOption(topic, flag === undefined ? 'TOPIC' : '--topic');
}

async function list(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseOptions(argv, { ...common, all: { type: 'boolean', default: false } });
  if (values.topic !== undefined) throw new UsageError(t('list takes no --topic (it lists them all)'));
  const topics = await withAdmin((await cliKafka(values, io)).client, listTopicSummaries);
  const shown = values.all ? topics : topics.filter((t) => !t.internal);
  if (values.json) printJson(io, { topics: shown });
  else if (shown.length === 0) io.out(t('No topics yet. Create one: kafka-log-lab topics create TOPIC'));
  else
    for (const row of formatTable(
      ['topic', 'partitions', 'messages'],
      shown.map((t) => [t.name, t.partitions, t.messages]),
    ))
      io.out(row);
  return 0;
}

async function describe(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(argv, common, 'TOPIC');
  const topic = topicArg(positionals, values.topic);
  const { client } = await cliKafka(kafkaSettings(values), io);
  const detail = await withAdmin(client, (admin) => describeTopicDetail(admin, topic));
  if (values.json) return (printJson(io, detail), 0);
  io.out(
    t(
      '{0}: {1} partitions, {2} messages',
      detail.name,
      formatCount(detail.partitions.length),
      formatCount(detail.messages),
    ),
  );
  const rows = detail.partitions.map((p) => [
    p.partition,
    p.leader,
    p.replicas.join(','),
    p.isr.join(','),
    p.earliest,
    p.latest,
    p.messages,
  ]);
  const header = ['partition', 'leader', 'replicas', 'isr', 'earliest', 'latest', 'messages'];
  for (const row of formatTable(header, rows, { identifiers: ['partition', 'leader'] })) io.out(row);
  return 0;
}

function parseConfigs(entries: string[] | undefined): Record<string, string> {
  const configs: Record<string, string> = {};
  for (const entry of entries ?? []) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new UsageError(t('--config must be KEY=VALUE, got {0}', quote(entry)));
    configs[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return configs;
}

async function create(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(
    argv,
    {
      ...createCommon,
      partitions: { type: 'string' },
      'replication-factor': { type: 'string' },
      config: { type: 'string', multiple: true },
    },
    'TOPIC',
  );
  const topic = topicArg(positionals, values.topic);
  const partitions = numberOption(values.partitions, 'partitions', { integer: true, min: 1 }, 3)!;
  const replicationFactor = numberOption(
    values['replication-factor'],
    'replication-factor',
    { integer: true, min: 1 },
    1,
  )!;
  const configs = parseConfigs(values.config);
  const settings = kafkaSettings(commandConfigFlags(values));
  await withAdmin((await cliKafka(settings, io)).client, (admin) =>
    createTopic(admin, { topic, partitions, replicationFactor, configs }),
  );
  if (values.json) printJson(io, { topic, created: true, partitions, replicationFactor });
  else
    io.out(
      partitions === 1
        ? t('Created topic {0} with 1 partition', topic)
        : t('Created topic {0} with {1} partitions', topic, formatCount(partitions)),
    );
  return 0;
}

async function remove(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(argv, common, 'TOPIC');
  const topic = topicArg(positionals, values.topic);
  await withAdmin((await cliKafka(kafkaSettings(values), io)).client, (admin) => deleteTopic(admin, topic));
  if (values.json) printJson(io, { topic, deleted: true });
  else io.out(t('Deleted topic {0}', topic));
  return 0;
}

export const topicsCommand: CliCommand = {
  name: 'topics',
  summary: 'list, describe, create and delete topics',
  help,
  run: (argv, io) => runAction(argv, io, help, { list, describe, create, delete: remove }),
};
