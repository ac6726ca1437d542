// What a lab report says, as data: gathered once from the engine's own computations
// (statistics, sent-vs-read, topic metadata, the produce checkpoint) and rendered by pure code.
import type { LogFormat } from '../logFormat';
import type { StatsSnapshot } from '../stats';
import type { DurationHistogram } from '../stats/visitDurations';
import type { VerifyReport } from '../kafka/verifyTopic';
import type { StopReason } from '../kafka/topicReader';
import type { MessageTimeline } from './messageTimeline';
import type { LabResultRecord } from '../lab/labResultRecord';
import type { GenerationRecord } from '../generate/generationRecord';

export interface ReportCluster {
  /** Bootstrap servers as given (host:port, never credentials). */
  bootstrap: string[];
  /** e.g. "SASL_SSL · SCRAM-SHA-512 · CA: ca.pem" (describeSecurity: no secrets). */
  security: string;
  clusterId?: string;
  brokers?: number;
  /** Known only for brokers this tool started (its broker records say which Kafka they run). */
  kafkaVersion?: string;
}

export interface ReportTopic {
  name: string;
  partitions: number;
  replicationFactor: number;
  /** Sum over partitions of latest - earliest offsets when the report was made. */
  offsetMessages: number;
}

export interface ReportRead {
  messages: number;
  partitions: Record<string, number>;
  format: LogFormat;
  stats: StatsSnapshot;
  /** Web sessions only: closed-visit durations by bucket. */
  visitDurations?: DurationHistogram;
  timeline: MessageTimeline;
  stoppedBy: StopReason;
}

export interface ReportProduce {
  startedAt: string;
  endedAt?: string;
  acked?: number;
  failed?: number;
  /** How the lines became messages (format, raw/json, key, partitions). */
  plan?: { format: string; as: string; key: string; partitions: number };
}

export interface ReportConnection {
  /** The client properties file, by its base name (its contents are never copied). */
  configFile?: string;
}

export interface LabReport {
  generatedAt: string;
  toolVersion: string;
  cluster: ReportCluster;
  connection: ReportConnection;
  topic: ReportTopic;
  read: ReportRead;
  /** The format asked for (`auto`: detected). */
  requestedFormat: LogFormat | 'auto';
  file?: { path: string; verify: VerifyReport };
  /** How the file was generated, when this machine wrote it and it is unchanged since. */
  generation?: GenerationRecord;
  produce?: ReportProduce;
  /** The last consumer-group lab on the topic, as recorded on this machine. */
  groupLab?: LabResultRecord;
}
