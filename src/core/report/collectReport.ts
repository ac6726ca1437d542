// Gathers a lab report from the broker and the machine with the engine's own computations:
// the topic read through StatsFeed (the statistics of `stats`, `consume --stats` and the
// dashboard), `verifyFileAgainstTopic` (the `verify` command), the topic's metadata, and the
// produce checkpoint a `produce` run left behind.
import { listBrokerRecords } from '../broker/brokerState';
import type { LogFormat } from '../logFormat';
import { StatsFeed } from '../stats/statsFeed';
import { valueText } from '../kafka/consumeTopic';
import type { KafkaClient } from '../kafka/ports';
import { loadCheckpoint } from '../kafka/produceCheckpoint';
import { loadLabResult } from '../lab/labResultRecord';
import { loadGenerationRecord } from '../generate/generationRecord';
import { describeTopicDetail } from '../kafka/topicsAdmin';
import { readTopic } from '../kafka/topicReader';
import { requireValidTopicName } from '../kafka/topicName';
import { verifyFileAgainstTopic } from '../kafka/verifyTopic';
import { UserError } from '../errors';
import { TimelineCounter } from './messageTimeline';
import type { LabReport, ReportCluster, ReportProduce, ReportRead, ReportTopic } from './reportModel';

export type ReportStep = 'describe' | 'read' | 'verify';

export interface CollectReportOptions {
  client: KafkaClient;
  topic: string;
  brokers: string[];
  /** describeSecurity of the connection: words, no secrets. */
  security: string;
  /** Base name of the client properties file, when one was used. */
  configFile?: string;
  file?: string;
  format?: LogFormat | 'auto';
  toolVersion: string;
  signal?: AbortSignal;
  /** Which step runs now, for a progress bar (the caller words it). */
  onStep?(step: ReportStep): void;
  now?: () => Date;
  /** Where group lab results are kept (default: the cache folder). */
  labResultsDir?: string;
  /** Where generation records are kept (default: the cache folder). */
  generationRecordsDir?: string;
}

async function describe(o: CollectReportOptions): Promise<{ cluster: ReportCluster; topic: ReportTopic }> {
  const admin = o.client.admin();
  await admin.connect();
  try {
    const info = await admin.describeCluster();
    const detail = await describeTopicDetail(admin, o.topic);
    const replicas = detail.partitions.map((p) => p.replicas.length);
    const record = listBrokerRecords().find((r) => o.brokers.includes(r.bootstrap));
    return {
      cluster: {
        bootstrap: o.brokers,
        security: o.security,
        clusterId: info.clusterId,
        brokers: info.brokers.length,
        kafkaVersion: record?.kafkaVersion,
      },
      topic: {
        name: o.topic,
        partitions: detail.partitions.length,
        replicationFactor: replicas.length ? Math.min(...replicas) : 0,
        offsetMessages: detail.messages,
      },
    };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** The whole topic from the beginning to the end it has now, into the statistics and the timeline. */
async function readForReport(o: CollectReportOptions): Promise<ReportRead> {
  const feed = new StatsFeed(o.format ?? 'auto');
  const timeline = new TimelineCounter();
  const summary = await readTopic({
    client: o.client,
    topic: o.topic,
    from: { kind: 'beginning' },
    untilEnd: true,
    idleMs: 10000,
    signal: o.signal,
    onMessages: (messages) => {
      for (const m of messages) {
        feed.add(valueText(m.value));
        timeline.add(Number(m.timestamp));
      }
    },
  });
  if (summary.stoppedBy === 'aborted') throw new UserError('the report was cancelled before the whole topic was read');
  const stats = feed.snapshot();
  return {
    messages: summary.messages,
    partitions: summary.partitions,
    format: feed.format ?? stats.format,
    stats,
    visitDurations: feed.visitDurations(),
    timeline: timeline.timeline(),
    stoppedBy: summary.stoppedBy,
  };
}

function produceOf(file: string, topic: string, brokers: string[]): ReportProduce | undefined {
  const checkpoint = loadCheckpoint(file, topic, brokers);
  if (!checkpoint) return undefined;
  const last = checkpoint.lastSummary;
  return {
    startedAt: checkpoint.startedAt,
    endedAt: last?.endedAt,
    acked: last?.acked,
    failed: last?.failed,
    plan: checkpoint.plan,
  };
}

export async function collectReport(o: CollectReportOptions): Promise<LabReport> {
  requireValidTopicName(o.topic);
  const step = o.onStep ?? (() => undefined);
  step('describe');
  const { cluster, topic } = await describe(o);
  step('read');
  const read = await readForReport(o);
  let file: LabReport['file'];
  if (o.file) {
    step('verify');
    const verify = await verifyFileAgainstTopic(o.file, o.topic, o.client, { signal: o.signal });
    file = { path: o.file, verify };
  }
  return {
    generatedAt: (o.now?.() ?? new Date()).toISOString(),
    toolVersion: o.toolVersion,
    cluster,
    connection: { configFile: o.configFile },
    topic,
    read,
    requestedFormat: o.format ?? 'auto',
    file,
    generation: o.file ? loadGenerationRecord(o.file, o.generationRecordsDir) : undefined,
    produce: o.file ? produceOf(o.file, o.topic, o.brokers) : undefined,
    groupLab: loadLabResult(o.topic, o.labResultsDir),
  };
}
