// The Kafka operations the lab needs, independent of any client library.
// src/core/kafka/kafkajsAdapter.ts is the only implementation (and the only kafkajs import).

import type { ConnectionOptions as TlsConnectionOptions } from 'node:tls';

export type SaslMechanism = 'plain' | 'scram-sha-256' | 'scram-sha-512';

/** A user name and password (PLAIN, SCRAM). */
export interface PasswordSasl {
  mechanism: SaslMechanism;
  username: string;
  password: string;
}

/** OAUTHBEARER: `token` is asked for a token on every (re)authentication. */
export interface OAuthBearerSasl {
  mechanism: 'oauthbearer';
  token: () => Promise<string>;
}

export type ClientSasl = PasswordSasl | OAuthBearerSasl;

export interface KafkaConnection {
  brokers: string[];
  clientId?: string;
  /** true for TLS with Node's default trust, or the TLS options (CA, client certificate, …). */
  ssl?: boolean | TlsConnectionOptions;
  sasl?: ClientSasl;
  /** Time to establish a TCP connection to one broker. */
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Retries of a failed request before it is reported (0 for probes). */
  retries?: number;
  /** Total time retries of one operation may take. */
  maxRetryTimeMs?: number;
  /** Receives client log lines (library logs are never written to the console). */
  log?: (level: 'error' | 'warn' | 'info' | 'debug', message: string) => void;
}

export interface BrokerInfo {
  nodeId: number;
  host: string;
  port: number;
}

export interface ClusterInfo {
  clusterId: string;
  controllerId: number | null;
  brokers: BrokerInfo[];
}

export interface PartitionInfo {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
}

export interface TopicInfo {
  name: string;
  partitions: PartitionInfo[];
}

export interface PartitionOffsets {
  partition: number;
  /** First offset still in the log. */
  earliest: number;
  /** Offset the next message will get (the high watermark). */
  latest: number;
}

export interface GroupListing {
  groupId: string;
  protocolType: string;
}

export interface TopicPartitions {
  topic: string;
  partitions: number[];
}

export interface GroupMember {
  memberId: string;
  clientId: string;
  host: string;
  /** Partitions assigned to this member, decoded from the group's assignment. */
  assignment: TopicPartitions[];
}

export interface GroupDescription {
  groupId: string;
  /** Stable, PreparingRebalance, CompletingRebalance, Empty or Dead. */
  state: string;
  protocol: string;
  protocolType: string;
  members: GroupMember[];
}

export interface CommittedOffset {
  topic: string;
  partition: number;
  /** -1 when the group has not committed for this partition. */
  offset: number;
}

export interface AdminPort {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  describeCluster(): Promise<ClusterInfo>;
  listTopics(): Promise<string[]>;
  /** Returns false when the topic already existed. */
  createTopic(spec: {
    topic: string;
    partitions: number;
    replicationFactor?: number;
    configs?: Record<string, string>;
  }): Promise<boolean>;
  deleteTopics(topics: string[]): Promise<void>;
  describeTopics(topics: string[]): Promise<TopicInfo[]>;
  topicOffsets(topic: string): Promise<PartitionOffsets[]>;
  /** Per partition, the earliest offset whose timestamp is at or after `timestampMs`. */
  topicOffsetsAt(topic: string, timestampMs: number): Promise<Array<{ partition: number; offset: number }>>;
  listGroups(): Promise<GroupListing[]>;
  describeGroups(groupIds: string[]): Promise<GroupDescription[]>;
  groupOffsets(groupId: string, topics?: string[]): Promise<CommittedOffset[]>;
  setGroupOffsets(groupId: string, topic: string, offsets: Array<{ partition: number; offset: number }>): Promise<void>;
  deleteGroups(groupIds: string[]): Promise<void>;
}

export interface OutgoingMessage {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  timestamp?: string;
  headers?: Record<string, string | Buffer>;
}

export interface DeliveryReport {
  topic: string;
  partition: number;
  /** Base offset of the batch written to this partition. */
  baseOffset: string;
}

export type Compression = 'none' | 'gzip';

export interface ProducerOptions {
  /** -1 (all in-sync replicas) or 1 (leader only); idempotence requires -1. */
  acks?: -1 | 1;
  compression?: Compression;
  idempotent?: boolean;
  /** Send timeout per request. */
  timeoutMs?: number;
  /** Requests per connection that may be unanswered at once. */
  maxInFlightRequests?: number;
  /** Retries of a failed send before it is reported (bounded, so a lost broker surfaces). */
  retries?: number;
  /** Longest wait between two retries. */
  maxRetryTimeMs?: number;
}

export interface ProducerPort {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  /** Resolves once every message is acknowledged; rejects if any was not. */
  send(topic: string, messages: OutgoingMessage[]): Promise<DeliveryReport[]>;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  timestamp: string;
  headers?: Record<string, Buffer | string | undefined>;
}

export interface ConsumedBatch {
  topic: string;
  partition: number;
  messages: IncomingMessage[];
  /** High watermark of the partition when the batch was fetched. */
  highWatermark: string;
  /** Marks `offset` (and everything before it) consumed; only needed when `autoResolve` is false. */
  resolveOffset?(offset: string): void;
}

export interface ConsumerOptions {
  /** A consumer group; when absent the consumer uses a throw-away group and commits nothing. */
  groupId?: string;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** Commit consumed offsets automatically (group consumers only). */
  autoCommit?: boolean;
  /**
   * Also offer Kafka's standard "roundrobin" assignment protocol, so that members of other
   * clients (librdkafka/Python, Java) can join the same group instead of being refused with
   * INCONSISTENT_GROUP_PROTOCOL (default true). Groups of only our members still agree on
   * kafkajs' own protocol, offered first.
   */
  interoperableAssignment?: boolean;
}

export interface ConsumerRunOptions {
  topics: string[];
  fromBeginning: boolean;
  eachBatch(batch: ConsumedBatch): Promise<void>;
  /** Partition-specific starting points applied once partitions are assigned. */
  seeks?: Array<{ topic: string; partition: number; offset: string }>;
  /**
   * Default true: a batch counts as consumed (and is committed) once eachBatch returns.
   * False: only offsets passed to `batch.resolveOffset` count, so a reader that stops
   * mid-batch commits exactly what it used.
   */
  autoResolve?: boolean;
}

export interface AssignmentEvent {
  memberId: string;
  groupId: string;
  assignment: TopicPartitions[];
}

export interface ConsumerPort {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  run(options: ConsumerRunOptions): Promise<void>;
  /** Called whenever this member joins (or rejoins) its group with a new assignment. */
  onAssignment(listener: (event: AssignmentEvent) => void): void;
  /** Called when the consumer crashes and will not restart. */
  onCrash(listener: (error: Error) => void): void;
  pause(): void;
  resume(): void;
}

export interface KafkaClient {
  admin(): AdminPort;
  producer(options?: ProducerOptions): ProducerPort;
  consumer(options?: ConsumerOptions): ConsumerPort;
}

export type KafkaClientFactory = (connection: KafkaConnection) => KafkaClient;
