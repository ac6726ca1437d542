// The delivery journal of a produce run: one JSON line per acknowledged send, appended next
// to the run's checkpoint. An entry says "the lines from..to that this run sent (all of them
// but the skipped ones) are in the topic, in partition p from offset base, n messages".
// `--resume` trusts it and reads back only the offsets it does not cover.
//
// Each entry is written at once (a process kill loses nothing the kernel has); fdatasync runs
// in the background, one at a time, so a machine crash loses at most the last few entries —
// which the resume then finds by reading, like any send whose answer never came.
import fs from 'node:fs';

export interface JournalEntry {
  from: number;
  to: number;
  /** [partition, base offset, messages] per partition the send wrote to. */
  at: Array<[number, number, number]>;
}

export class DeliveryJournal {
  private fd: number | undefined;
  private syncing = false;
  private dirty = false;

  /** Opens the journal for appending; `fresh` starts it empty (a new run, not a resume). */
  constructor(
    readonly path: string,
    fresh: boolean,
  ) {
    this.fd = fs.openSync(path, fresh ? 'w' : 'a');
    // A run killed mid-write leaves a torn last line: end it, or the next entry joins it.
    if (!fresh && !endsWithNewline(path)) fs.writeSync(this.fd, '\n');
  }

  append(entry: JournalEntry): void {
    if (this.fd === undefined) return;
    fs.writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    this.dirty = true;
    this.syncSoon();
  }

  /** Syncs what was written and closes the file. */
  close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    try {
      fs.fdatasyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  private syncSoon(): void {
    if (this.syncing || this.fd === undefined) return;
    this.syncing = true;
    this.dirty = false;
    fs.fdatasync(this.fd, () => {
      this.syncing = false;
      if (this.dirty) this.syncSoon();
    });
  }
}

function endsWithNewline(path: string): boolean {
  const size = fs.statSync(path).size;
  if (size === 0) return true;
  const last = Buffer.alloc(1);
  const fd = fs.openSync(path, 'r');
  try {
    fs.readSync(fd, last, 0, 1, size - 1);
  } finally {
    fs.closeSync(fd);
  }
  return last[0] === 0x0a;
}

/** The entries of a journal; a torn last line (the process died mid-write) is ignored. */
export function readJournal(path: string): JournalEntry[] | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const entries: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      const entry = JSON.parse(line) as JournalEntry;
      if (Number.isInteger(entry.from) && Number.isInteger(entry.to) && Array.isArray(entry.at)) entries.push(entry);
    } catch {
      // a torn write: everything it would have said is re-read from the topic
    }
  }
  return entries;
}

/** Per partition, the offset ranges [from, to) the journal accounts for, sorted and merged. */
export function journalledOffsets(entries: JournalEntry[]): Map<number, Array<[number, number]>> {
  const byPartition = new Map<number, Array<[number, number]>>();
  for (const entry of entries) {
    for (const [partition, base, count] of entry.at) {
      const list = byPartition.get(partition) ?? [];
      list.push([base, base + count]);
      byPartition.set(partition, list);
    }
  }
  for (const [partition, list] of byPartition) byPartition.set(partition, mergeRanges(list));
  return byPartition;
}

function mergeRanges(list: Array<[number, number]>): Array<[number, number]> {
  list.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [from, to] of list) {
    const top = merged[merged.length - 1];
    if (top && from <= top[1]) top[1] = Math.max(top[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** The offsets of [start, end) that no journalled range covers: where outcomes are unknown. */
export function unjournalledOffsets(
  covered: Array<[number, number]>,
  start: number,
  end: number,
): Array<[number, number]> {
  const gaps: Array<[number, number]> = [];
  let at = start;
  for (const [from, to] of covered) {
    if (to <= at) continue;
    if (from >= end) break;
    if (from > at) gaps.push([at, from]);
    at = Math.max(at, to);
  }
  if (at < end) gaps.push([at, end]);
  return gaps;
}

/**
 * The entry for one acknowledged send, or undefined when the broker's answer lacks an offset
 * for a partition (the send is then left to the read-back, like one never answered).
 */
export function entryOf(
  sent: Array<{ line: number; message: { partition: number } }>,
  reports: Array<{ partition: number; baseOffset: string }>,
): JournalEntry | undefined {
  const counts = new Map<number, number>();
  for (const item of sent) counts.set(item.message.partition, (counts.get(item.message.partition) ?? 0) + 1);
  const at: JournalEntry['at'] = [];
  for (const [partition, count] of counts) {
    const base = reports.find((r) => r.partition === partition)?.baseOffset;
    if (base === undefined || !/^\d+$/.test(base)) return undefined;
    at.push([partition, Number(base), count]);
  }
  return { from: sent[0].line, to: sent[sent.length - 1].line, at };
}
