// Where a produce run started in each partition and how it turned lines into messages, kept
// per (file, topic, brokers), so a later `--resume` knows which part of the topic can hold
// lines of this file. The run's delivery journal (./deliveryJournal.ts) lies next to it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cacheRoot } from '../broker/kafkaJars';
import { readRecord, recordPath, writeRecordAtomically } from '../io/keyedRecordStore';

export interface ProduceCheckpoint {
  file: string;
  topic: string;
  brokers: string;
  sourceId: string;
  startOffsets: Array<{ partition: number; offset: number }>;
  startedAt: string;
  /** How lines became messages; a resume must do the same. Absent in runs from before the journal. */
  plan?: { format: string; as: string; key: string; partitions: number };
  /** Filled when the run ends. */
  lastSummary?: { acked: number; failed: number; resumeFromLine?: number; endedAt: string };
}

const sha1 = (text: string) => crypto.createHash('sha1').update(text).digest('hex');

/** A short, stable id of a file on this machine (its resolved path). */
export function sourceIdOf(file: string): string {
  return sha1(fs.realpathSync(file)).slice(0, 12);
}

function checkpointPath(file: string, topic: string, brokers: string[]): string {
  const key = [fs.realpathSync(file), topic, [...brokers].sort().join(',')].join('\0');
  const dir = path.join(cacheRoot(), 'produce');
  fs.mkdirSync(dir, { recursive: true });
  return recordPath(dir, key);
}

/** The delivery journal of the run a checkpoint describes. */
export function journalPath(file: string, topic: string, brokers: string[]): string {
  return checkpointPath(file, topic, brokers).replace(/\.json$/, '.journal');
}

export function loadCheckpoint(file: string, topic: string, brokers: string[]): ProduceCheckpoint | undefined {
  try {
    return readRecord<ProduceCheckpoint>(checkpointPath(file, topic, brokers));
  } catch {
    return undefined; // the file is gone: no checkpoint of it
  }
}

export function saveCheckpoint(checkpoint: ProduceCheckpoint, brokers: string[]): void {
  writeRecordAtomically(checkpointPath(checkpoint.file, checkpoint.topic, brokers), checkpoint, { indent: 2 });
}
