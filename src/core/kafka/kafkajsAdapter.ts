// The one file that imports kafkajs: it implements the ports of ./ports.ts.
// Swapping the client library means rewriting this file only.
import {
  AssignerProtocol,
  CompressionTypes,
  Kafka,
  logLevel as KafkaLogLevel,
  PartitionAssigners,
  Partitioners,
  type Consumer,
  type PartitionAssigner,
  type ICustomPartitioner,
  type KafkaConfig,
  type SASLOptions,
} from 'kafkajs';
import type {
  AdminPort,
  AssignmentEvent,
  ConsumerOptions,
  ConsumerPort,
  ConsumerRunOptions,
  GroupMember,
  KafkaClient,
  KafkaConnection,
  ProducerOptions,
  ProducerPort,
  TopicPartitions,
} from './ports';
import { UserError } from '../errors';
import { maskSecrets, scrubSecrets } from './connection/maskSecrets';
import { clientLogFilter } from './clientLogFilter';

const LEVEL_NAMES: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [KafkaLogLevel.ERROR]: 'error',
  [KafkaLogLevel.WARN]: 'warn',
  [KafkaLogLevel.INFO]: 'info',
  [KafkaLogLevel.DEBUG]: 'debug',
};

/** kafkajs SASL options; OAUTHBEARER tokens are remembered in `secrets` so log lines can be scrubbed of them. */
function kafkajsSasl(sasl: KafkaConnection['sasl'], secrets: Set<string>): SASLOptions | undefined {
  if (!sasl) return undefined;
  if (sasl.mechanism !== 'oauthbearer') {
    return { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password } as SASLOptions;
  }
  const { token } = sasl;
  return { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: remember(await token(), secrets) }) };
}

function remember(secret: string, secrets: Set<string>): string {
  secrets.add(secret);
  return secret;
}

function kafkaConfig(c: KafkaConnection): KafkaConfig {
  const secrets = new Set<string>(c.sasl && 'password' in c.sasl ? [c.sasl.password] : []);
  return {
    clientId: c.clientId ?? 'kafka-log-lab',
    brokers: c.brokers,
    ssl: c.ssl,
    sasl: kafkajsSasl(c.sasl, secrets),
    connectionTimeout: c.connectionTimeoutMs ?? 3000,
    requestTimeout: c.requestTimeoutMs ?? 30000,
    retry: { retries: c.retries ?? 5, maxRetryTime: c.maxRetryTimeMs ?? 10000, initialRetryTime: 100 },
    logLevel: c.log ? KafkaLogLevel.WARN : KafkaLogLevel.NOTHING,
    logCreator: () => (entry) => {
      // Log entries can carry connection settings: mask secret fields and any known secret value.
      const { message, ...extra } = entry.log;
      // Repeats of one outage's lines are dropped, stack traces go to debug (clientLogFilter.ts).
      const fields = { ...(maskSecrets(extra) as object), message };
      const lines = clientLogFilter.lines(LEVEL_NAMES[entry.level] ?? 'info', entry.namespace, fields);
      for (const line of lines) c.log?.(line.level, scrubSecrets(line.text, secrets));
    },
  };
}

function decodeAssignment(raw: Buffer): TopicPartitions[] {
  if (!raw || raw.length === 0) return [];
  const decoded = AssignerProtocol.MemberAssignment.decode(raw);
  if (!decoded) return [];
  return Object.entries(decoded.assignment)
    .map(([topic, partitions]) => ({ topic, partitions: [...partitions].sort((a, b) => a - b) }))
    .sort((a, b) => a.topic.localeCompare(b.topic));
}

function toAssignment(record: Record<string, number[]>): TopicPartitions[] {
  return Object.entries(record).map(([topic, partitions]) => ({
    topic,
    partitions: [...partitions].sort((a, b) => a - b),
  }));
}

// kafkajs names for Kafka's NOT_COORDINATOR, COORDINATOR_LOAD_IN_PROGRESS and COORDINATOR_NOT_AVAILABLE.
const COORDINATOR_NOT_READY = new Set([
  'NOT_COORDINATOR_FOR_GROUP',
  'GROUP_LOAD_IN_PROGRESS',
  'GROUP_COORDINATOR_NOT_AVAILABLE',
]);

/**
 * kafkajs admin calls do not retry when a group's coordinator is not ready yet, which is
 * what a fresh broker answers to the first group request while it creates and loads
 * __consumer_offsets. Retry those answers for a bounded time.
 */
async function whenCoordinatorReady<T>(work: () => Promise<T>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 100; ; wait = Math.min(wait * 2, 1000)) {
    try {
      return await work();
    } catch (e) {
      if (!COORDINATOR_NOT_READY.has((e as { type?: string }).type ?? '') || Date.now() + wait > deadline) throw e;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

type KafkajsAdmin = ReturnType<Kafka['admin']>;
type TopicAdminCalls = Pick<
  AdminPort,
  'listTopics' | 'createTopic' | 'deleteTopics' | 'describeTopics' | 'topicOffsets' | 'topicOffsetsAt'
>;
type GroupAdminCalls = Pick<
  AdminPort,
  'listGroups' | 'describeGroups' | 'groupOffsets' | 'setGroupOffsets' | 'deleteGroups'
>;

function adminPort(kafka: Kafka): AdminPort {
  const admin = kafka.admin();
  return {
    connect: () => admin.connect(),
    disconnect: () => admin.disconnect(),
    ...topicAdmin(admin),
    ...groupAdmin(admin),
    async describeCluster() {
      const c = await admin.describeCluster();
      return {
        clusterId: c.clusterId,
        controllerId: c.controller ?? null,
        brokers: c.brokers
          .map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port }))
          .sort((a, b) => a.nodeId - b.nodeId),
      };
    },
  };
}

function topicAdmin(admin: KafkajsAdmin): TopicAdminCalls {
  return {
    listTopics: () => admin.listTopics(),
    createTopic: ({ topic, partitions, replicationFactor, configs }) =>
      admin
        .createTopics({
          waitForLeaders: true,
          topics: [
            {
              topic,
              numPartitions: partitions,
              replicationFactor: replicationFactor ?? 1,
              configEntries: Object.entries(configs ?? {}).map(([name, value]) => ({ name, value })),
            },
          ],
        })
        .catch((e: unknown) => {
          throw topicCreationRefusal(topic, e);
        }),
    deleteTopics: (topics) => admin.deleteTopics({ topics }),
    async describeTopics(topics) {
      const meta = await admin.fetchTopicMetadata({ topics });
      return meta.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions
          .map((p) => ({ partition: p.partitionId, leader: p.leader, replicas: p.replicas, isr: p.isr }))
          .sort((a, b) => a.partition - b.partition),
      }));
    },
    async topicOffsets(topic) {
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets
        .map((o) => ({ partition: o.partition, earliest: Number(o.low), latest: Number(o.high) }))
        .sort((a, b) => a.partition - b.partition);
    },
    async topicOffsetsAt(topic, timestampMs) {
      const offsets = await admin.fetchTopicOffsetsByTimestamp(topic, timestampMs);
      return offsets
        .map((o) => ({ partition: o.partition, offset: Number(o.offset) }))
        .sort((a, b) => a.partition - b.partition);
    },
  };
}

function groupAdmin(admin: KafkajsAdmin): GroupAdminCalls {
  return {
    async listGroups() {
      const { groups } = await admin.listGroups();
      return groups.map((g) => ({ groupId: g.groupId, protocolType: g.protocolType }));
    },
    async describeGroups(groupIds) {
      const { groups } = await whenCoordinatorReady(() => admin.describeGroups(groupIds));
      return groups.map((g) => ({
        groupId: g.groupId,
        state: g.state,
        protocol: g.protocol,
        protocolType: g.protocolType,
        members: g.members.map((m): GroupMember => ({
          memberId: m.memberId,
          clientId: m.clientId,
          host: m.clientHost.replace(/^\//, ''),
          assignment: g.protocolType === 'consumer' ? decodeAssignment(m.memberAssignment) : [],
        })),
      }));
    },
    async groupOffsets(groupId, topics) {
      const result = await whenCoordinatorReady(() => admin.fetchOffsets({ groupId, topics }));
      return result.flatMap((t) =>
        t.partitions.map((p) => ({ topic: t.topic, partition: p.partition, offset: Number(p.offset) })),
      );
    },
    setGroupOffsets: (groupId, topic, offsets) =>
      admin.setOffsets({
        groupId,
        topic,
        partitions: offsets.map((o) => ({ partition: o.partition, offset: String(o.offset) })),
      }),
    async deleteGroups(groupIds) {
      await whenCoordinatorReady(() => admin.deleteGroups(groupIds));
    },
  };
}

/**
 * produceFile chooses each message's partition itself (Kafka's murmur2 rule, core/kafka/partitioner.ts)
 * and sends it on the message; kafkajs's default partitioner would still filter the partition list
 * for every message, so a message's own partition is taken first.
 */
const choosePresetPartition: ICustomPartitioner = () => {
  const fallback = Partitioners.DefaultPartitioner();
  return (args) => args.message.partition ?? fallback(args);
};

function producerPort(kafka: Kafka, options: ProducerOptions): ProducerPort {
  const idempotent = options.idempotent ?? true;
  const producer = kafka.producer({
    idempotent,
    allowAutoTopicCreation: false,
    maxInFlightRequests: options.maxInFlightRequests,
    retry: { retries: options.retries ?? 8, maxRetryTime: options.maxRetryTimeMs ?? 5000, initialRetryTime: 100 },
    createPartitioner: choosePresetPartition,
  });
  const compression = options.compression === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None;
  const acks = idempotent ? -1 : (options.acks ?? 1);
  return {
    connect: () => producer.connect(),
    disconnect: () => producer.disconnect(),
    async send(topic, messages) {
      const result = await producer.send({ topic, messages, acks, compression, timeout: options.timeoutMs ?? 30000 });
      return result.map((r) => ({
        topic: r.topicName,
        partition: r.partition,
        baseOffset: String(r.baseOffset ?? r.offset ?? ''),
      }));
    },
  };
}

async function deleteGroupQuietly(kafka: Kafka, groupId: string): Promise<void> {
  const admin = kafka.admin();
  await admin
    .connect()
    .then(() => admin.deleteGroups([groupId]))
    .catch(() => undefined);
  await admin.disconnect().catch(() => undefined);
}

async function runConsumer(consumer: Consumer, run: ConsumerRunOptions, autoCommit: boolean): Promise<void> {
  await consumer.subscribe({ topics: run.topics, fromBeginning: run.fromBeginning });
  // Seek when the group first assigns partitions, before the first fetch: seeking after
  // run() resolves races with a fetch from the default position.
  const seeks = run.seeks ?? [];
  if (seeks.length > 0) {
    const stopListening = consumer.on(consumer.events.GROUP_JOIN, () => {
      stopListening();
      for (const s of seeks) consumer.seek(s);
    });
  }
  await consumer.run({
    autoCommit,
    eachBatchAutoResolve: run.autoResolve ?? true,
    partitionsConsumedConcurrently: 1,
    eachBatch: async ({ batch, resolveOffset }) => {
      await run.eachBatch({
        resolveOffset,
        topic: batch.topic,
        partition: batch.partition,
        highWatermark: batch.highWatermark,
        messages: batch.messages.map((m) => ({
          topic: batch.topic,
          partition: batch.partition,
          offset: m.offset,
          key: m.key ?? null,
          value: m.value ?? null,
          timestamp: m.timestamp,
          headers: m.headers as Record<string, Buffer | string | undefined> | undefined,
        })),
      });
    },
  });
}

/**
 * kafkajs' round-robin assignor under the name other clients use for theirs ("roundrobin"):
 * the broker picks a protocol every member offers, and kafkajs' own name is unknown elsewhere.
 */
const standardRoundRobin: PartitionAssigner = (config) =>
  Object.assign(PartitionAssigners.roundRobin(config), { name: 'roundrobin' });

function consumerPort(kafka: Kafka, options: ConsumerOptions): ConsumerPort {
  const groupLess = !options.groupId;
  const groupId = options.groupId ?? `kafka-log-lab-reader-${process.pid}-${Date.now().toString(36)}`;
  // kafkajs restarts a crashed consumer (broker gone) on a timer, and a disconnect that lands
  // while a restart is under way does not stop the next one: the consumer would reconnect
  // forever. Once disconnected, it is never restarted.
  let disconnected = false;
  const consumer: Consumer = kafka.consumer({
    groupId,
    retry: { retries: 5, restartOnFailure: async () => !disconnected },
    sessionTimeout: options.sessionTimeoutMs ?? 10000,
    heartbeatInterval: options.heartbeatIntervalMs ?? 1000,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 250,
    ...((options.interoperableAssignment ?? true)
      ? { partitionAssigners: [PartitionAssigners.roundRobin, standardRoundRobin] }
      : {}),
  });
  const autoCommit = !groupLess && (options.autoCommit ?? true);
  let paused: Array<{ topic: string }> = [];
  return {
    connect: () => {
      disconnected = false;
      return consumer.connect();
    },
    async disconnect() {
      disconnected = true;
      await consumer.disconnect();
      // The throw-away group of a group-less reader would otherwise linger as "Empty".
      if (groupLess) await deleteGroupQuietly(kafka, groupId);
    },
    async run(run: ConsumerRunOptions) {
      await runConsumer(consumer, run, autoCommit);
      paused = run.topics.map((topic) => ({ topic }));
    },
    onAssignment(listener: (event: AssignmentEvent) => void) {
      consumer.on(consumer.events.GROUP_JOIN, (e) => {
        listener({
          memberId: e.payload.memberId,
          groupId: e.payload.groupId,
          assignment: toAssignment(e.payload.memberAssignment),
        });
      });
    },
    onCrash(listener) {
      consumer.on(consumer.events.CRASH, (e) => {
        if (!e.payload.restart) listener(e.payload.error);
      });
    },
    pause: () => consumer.pause(paused),
    resume: () => consumer.resume(paused),
  };
}

/** A broker's answer to CreateTopics as kafkajs decodes it (v1 and later carry a reason). */
interface TopicErrorEntry {
  topic: string;
  errorCode: number;
  errorMessage?: string | null;
}
interface CreateTopicsResponseModule {
  parse(data: { topicErrors: TopicErrorEntry[] }): Promise<unknown>;
}

/**
 * kafkajs decodes the broker's reason for refusing a topic ("Invalid value abc for
 * configuration retention.ms…") and then drops it. Its response parsers are looked up on
 * their module at call time, so wrapping them keeps the reason on each error.
 */
function keepTopicCreationReasons(): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const modules = [
    require('kafkajs/src/protocol/requests/createTopics/v1/response'),
    require('kafkajs/src/protocol/requests/createTopics/v2/response'),
    require('kafkajs/src/protocol/requests/createTopics/v3/response'),
  ] as CreateTopicsResponseModule[];
  /* eslint-enable @typescript-eslint/no-require-imports */
  for (const module of modules) {
    const parse = module.parse;
    if ((parse as { keepsReasons?: boolean }).keepsReasons) continue;
    const parseKeepingReasons = async (data: { topicErrors: TopicErrorEntry[] }) => {
      try {
        return await parse(data);
      } catch (e) {
        for (const error of (e as { errors?: Array<{ topic?: string; brokerReason?: string }> }).errors ?? []) {
          error.brokerReason = data.topicErrors.find((t) => t.topic === error.topic)?.errorMessage ?? undefined;
        }
        throw e;
      }
    };
    module.parse = Object.assign(parseKeepingReasons, { keepsReasons: true });
  }
}
keepTopicCreationReasons();

/** "the broker refused to create topic T: REASON", with the broker's own reason when it gave one. */
function topicCreationRefusal(topic: string, e: unknown): unknown {
  const first = (e as { errors?: Array<{ brokerReason?: string; message?: string; type?: string }> }).errors?.[0];
  if (!first) return e;
  const reason = first.brokerReason || first.message || 'no reason given';
  const code = first.type && !reason.includes(first.type) ? ` (${first.type})` : '';
  return new UserError(`the broker refused to create topic "${topic}": ${reason}${code}`, undefined, e);
}

export function createKafkajsClient(connection: KafkaConnection): KafkaClient {
  const kafka = new Kafka(kafkaConfig(connection));
  return {
    admin: () => adminPort(kafka),
    producer: (options = {}) => producerPort(kafka, options),
    consumer: (options = {}) => consumerPort(kafka, options),
  };
}
