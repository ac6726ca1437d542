// The record a produce run keeps for `--resume`: its checkpoint (start offsets, how lines
// became messages) and its delivery journal. A resume reads both back: the journal's line
// ranges are delivered; the offsets it does not cover are read and matched by content.
import { UserError } from '../errors';
import { DeliveryJournal, readJournal } from './deliveryJournal';
import { deliveredLines } from './deliveredLines';
import { LineRangeSet } from './lineRanges';
import type { MessagePlan } from './lineMessages';
import type { KafkaClient, PartitionOffsets } from './ports';
import { journalPath, loadCheckpoint, saveCheckpoint, type ProduceCheckpoint } from './produceCheckpoint';
import { readUnjournalled, type UnjournalledMessages } from './resumeWindow';

export interface RunRecord {
  checkpoint: ProduceCheckpoint;
  journal: DeliveryJournal;
  /** Lines an earlier run delivered for sure (`--resume`). */
  delivered?: { has(line: number): boolean };
  /** Messages of earlier runs whose sends were never confirmed (`--resume`). */
  unconfirmed?: UnjournalledMessages;
}

export interface RunTarget {
  client: KafkaClient;
  brokers: string[];
  file: string;
  topic: string;
  resume?: boolean;
}

const planOf = (plan: MessagePlan): NonNullable<ProduceCheckpoint['plan']> => ({
  format: plan.format,
  as: plan.as,
  key: plan.key.kind === 'field' ? `field:${plan.key.field}` : plan.key.kind,
  partitions: plan.partitions,
});

/** Starts this run's record; when resuming, first reads back what the earlier run delivered. */
export async function openRunRecord(o: RunTarget, plan: MessagePlan, ends: PartitionOffsets[]): Promise<RunRecord> {
  let startOffsets = ends.map((p) => ({ partition: p.partition, offset: p.latest }));
  let delivered: RunRecord['delivered'];
  let unconfirmed: UnjournalledMessages | undefined;
  const journalFile = journalPath(o.file, o.topic, o.brokers);
  if (o.resume) {
    const earlier = loadCheckpoint(o.file, o.topic, o.brokers);
    if (!earlier) throw new UserError(`no earlier run of ${o.file} to ${o.topic} is recorded; run without --resume`);
    startOffsets = earlier.startOffsets;
    const entries = earlier.plan ? readJournal(journalFile) : undefined;
    if (!entries) {
      // A run from before the journal: its messages carry line headers.
      delivered = await deliveredLines(o.client, o.topic, earlier.sourceId, earlier.startOffsets);
    } else {
      requireSamePlan(o, earlier.plan!, planOf(plan));
      const acked = new LineRangeSet();
      for (const entry of [...entries].sort((a, b) => a.from - b.from)) acked.add(entry.from, entry.to);
      delivered = acked;
      unconfirmed = await readUnjournalled(o.client, o.topic, startOffsets, entries, ends);
    }
  }
  const checkpoint: ProduceCheckpoint = {
    file: o.file,
    topic: o.topic,
    brokers: o.brokers.join(','),
    sourceId: plan.sourceId,
    startOffsets,
    startedAt: new Date().toISOString(),
    plan: planOf(plan),
  };
  saveCheckpoint(checkpoint, o.brokers);
  return { checkpoint, journal: new DeliveryJournal(journalFile, !o.resume), delivered, unconfirmed };
}

/** A resume must turn lines into the same messages in the same partitions as the run it continues. */
function requireSamePlan(
  o: RunTarget,
  earlier: NonNullable<ProduceCheckpoint['plan']>,
  now: NonNullable<ProduceCheckpoint['plan']>,
): void {
  for (const name of ['format', 'as', 'key', 'partitions'] as const) {
    if (earlier[name] === now[name]) continue;
    const what =
      name === 'partitions'
        ? `topic ${o.topic} had ${earlier.partitions} partitions, now ${now.partitions}`
        : `it used ${name} ${earlier[name]}, this run ${now[name]}`;
    throw new UserError(
      `cannot resume the earlier run of ${o.file} to ${o.topic}: ${what}. Resume with the same options, or run without --resume`,
    );
  }
}
