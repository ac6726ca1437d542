// What `--resume` does not know from the journal: sends whose answer never came (the process
// died, the broker went away). Their messages, if they arrived, sit in the offsets the journal
// does not cover. They are read back once and kept per partition as a multiset of contents;
// each line the journal does not cover then takes one message of its own content in its own
// partition, if one is left, and counts as delivered. A file that repeats a line is still
// exact: however many copies arrived are taken by as many lines, the rest are sent.
import { journalledOffsets, unjournalledOffsets, type JournalEntry } from './deliveryJournal';
import { readPartitionsFrom } from './deliveredLines';
import type { KafkaClient, OutgoingMessage } from './ports';

/** One message's content as a byte-exact string (latin1 maps every byte to one char): key and value. */
export function contentOf(key: Buffer | string | null | undefined, value: Buffer | string | null): string {
  const k =
    key === null || key === undefined
      ? ''
      : typeof key === 'string'
        ? Buffer.from(key, 'utf8').toString('latin1')
        : key.toString('latin1');
  const v =
    value === null
      ? ''
      : typeof value === 'string'
        ? Buffer.from(value, 'utf8').toString('latin1')
        : value.toString('latin1');
  return `${key === null || key === undefined ? '-' : k.length}:${k}${v}`;
}

export class UnjournalledMessages {
  /** Per partition, per content, the offsets of the messages not taken yet (ascending). */
  private readonly byPartition = new Map<number, Map<string, number[]>>();
  /** Messages read back from the offsets the journal does not cover. */
  read = 0;

  add(partition: number, offset: number, content: string): void {
    let contents = this.byPartition.get(partition);
    if (!contents) this.byPartition.set(partition, (contents = new Map()));
    const offsets = contents.get(content);
    if (offsets) offsets.push(offset);
    else contents.set(content, [offset]);
    this.read++;
  }

  /**
   * Takes one message with this line's content from its partition and returns its offset,
   * so the journal can account for it; undefined when none is left.
   */
  take(partition: number, message: OutgoingMessage): number | undefined {
    if (this.read === 0) return undefined;
    const contents = this.byPartition.get(partition);
    const content = contents && contentOf(message.key, message.value);
    const offsets = content === undefined ? undefined : contents!.get(content);
    if (!offsets) return undefined;
    const offset = offsets.shift()!;
    if (offsets.length === 0) contents!.delete(content!);
    return offset;
  }
}

/**
 * Reads the messages in the offsets of each partition, from the run's start offsets to the
 * end, that the journal does not account for.
 */
export async function readUnjournalled(
  client: KafkaClient,
  topic: string,
  startOffsets: Array<{ partition: number; offset: number }>,
  entries: JournalEntry[],
  ends: Array<{ partition: number; earliest: number; latest: number }>,
): Promise<UnjournalledMessages> {
  const window = new UnjournalledMessages();
  const covered = journalledOffsets(entries);
  const startOf = new Map(startOffsets.map((s) => [s.partition, s.offset]));
  const gaps = new Map<number, Array<[number, number]>>();
  for (const end of ends) {
    const start = Math.max(startOf.get(end.partition) ?? end.earliest, end.earliest);
    const open = unjournalledOffsets(covered.get(end.partition) ?? [], start, end.latest);
    if (open.length > 0) gaps.set(end.partition, open);
  }
  if (gaps.size === 0) return window;
  const from = new Map([...gaps].map(([partition, open]) => [partition, open[0][0]]));
  await readPartitionsFrom(client, topic, from, (m) => {
    const offset = Number(m.offset);
    if (gaps.get(m.partition)?.some(([a, b]) => offset >= a && offset < b))
      window.add(m.partition, offset, contentOf(m.key, m.value));
  });
  return window;
}
