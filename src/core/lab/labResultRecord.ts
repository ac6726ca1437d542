// The last Consumer Group Lab result per topic, kept on this machine so a lab report can show
// who owned which partition and whether fanout and load balancing held. Written when a lab
// stops (CLI or editor), read by `report`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cacheRoot } from '../broker/kafkaJars';
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

function recordPath(topic: string, dir: string): string {
  return path.join(dir, `${crypto.createHash('sha1').update(topic).digest('hex').slice(0, 16)}.json`);
}

export const labResultsDir = (): string => path.join(cacheRoot(), 'group-lab');

export function saveLabResult(record: LabResultRecord, dir = labResultsDir()): void {
  fs.mkdirSync(dir, { recursive: true });
  const target = recordPath(record.topic, dir);
  const temp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(record, null, 1));
  fs.renameSync(temp, target);
}

/** The last result recorded for `topic`, or undefined (none, or unreadable). */
export function loadLabResult(topic: string, dir = labResultsDir()): LabResultRecord | undefined {
  try {
    const record = JSON.parse(fs.readFileSync(recordPath(topic, dir), 'utf8')) as LabResultRecord;
    return record.topic === topic && Array.isArray(record.groups) ? record : undefined;
  } catch {
    return undefined;
  }
}
