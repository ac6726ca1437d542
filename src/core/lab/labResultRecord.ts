// The last Consumer Group Lab result per topic, kept on this machine so a lab report can show
// who owned which partition and whether fanout and load balancing held. Written when a lab
// stops (CLI or editor), read by `report`.
import path from 'node:path';
import { cacheRoot } from '../broker/kafkaJars';
import { readRecord, recordPath, writeRecordAtomically } from '../io/keyedRecordStore';
import type { LabSnapshot } from './labTypes';

export interface LabResultRecord {
  topic: string;
  recordedAt: string;
  messages: number;
  partitions: number;
  balanceOk: boolean;
  fanoutOk: boolean;
  groups: Array<{
    groupId: string;
    received: number;
    members: Array<{ name: string; clientId: string; partitions: number[]; messages: number }>;
  }>;
}

/** What a snapshot proves, in a form that outlives the lab; undefined when there is nothing to show. */
export function labResultOf(s: LabSnapshot, now = new Date()): LabResultRecord | undefined {
  if (s.groups.length === 0 || s.messages === 0 || s.connection.status !== 'live') return undefined;
  return {
    topic: s.topic,
    recordedAt: now.toISOString(),
    messages: s.messages,
    partitions: s.partitions.length,
    balanceOk: s.balanceOk,
    fanoutOk: s.fanoutOk,
    groups: s.groups.map((g) => ({
      groupId: g.groupId,
      received: g.check.received,
      members: g.members.map((m) => ({
        name: m.name,
        clientId: m.clientId,
        partitions: m.partitions,
        messages: m.messages,
      })),
    })),
  };
}

export const labResultsDir = (): string => path.join(cacheRoot(), 'group-lab');

export function saveLabResult(record: LabResultRecord, dir = labResultsDir()): void {
  writeRecordAtomically(recordPath(dir, record.topic, 16), record);
}

/** The last result recorded for `topic`, or undefined (none, or unreadable). */
export function loadLabResult(topic: string, dir = labResultsDir()): LabResultRecord | undefined {
  const record = readRecord<LabResultRecord>(recordPath(dir, topic, 16));
  return record?.topic === topic && Array.isArray(record.groups) ? record : undefined;
}
