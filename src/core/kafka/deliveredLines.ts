// Reads back what earlier runs delivered, for `--resume`:
//  - `readPartitionsFrom`: every message of some partitions from given offsets up to the end
//    offsets they have now (the one reading loop both ways below share);
//  - `deliveredLines`: runs from before the delivery journal tagged every message with `kll.src`
//    and `kll.line` headers; their lines are found by those headers.
import { LineBitmap } from './lineRanges';
import { LINE_HEADER, SOURCE_HEADER, headerText, lineNumberOf } from './lineMessages';
import type { IncomingMessage, KafkaClient } from './ports';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads each partition in `from` from its offset to the end it has when the read starts. */
export async function readPartitionsFrom(
  client: KafkaClient,
  topic: string,
  from: Map<number, number>,
  onMessage: (m: IncomingMessage) => void,
  timeoutMs = 120000,
): Promise<void> {
  const admin = client.admin();
  await admin.connect();
  const ends = await admin.topicOffsets(topic).finally(() => admin.disconnect());
  const startOf = (p: number, earliest: number) => Math.max(from.get(p) ?? Infinity, earliest);
  const pending = new Set(
    ends.filter((e) => from.has(e.partition) && e.latest > startOf(e.partition, e.earliest)).map((e) => e.partition),
  );
  if (pending.size === 0) return;
  const endOf = new Map(ends.map((e) => [e.partition, e.latest]));
  const consumer = client.consumer();
  await consumer.connect();
  try {
    await consumer.run({
      topics: [topic],
      fromBeginning: true,
      seeks: ends.map((e) => ({
        topic,
        partition: e.partition,
        offset: String(pending.has(e.partition) ? startOf(e.partition, e.earliest) : e.latest),
      })),
      eachBatch: async (batch) => {
        const end = endOf.get(batch.partition) ?? 0;
        for (const m of batch.messages) {
          if (Number(m.offset) >= end) break;
          onMessage(m);
          if (Number(m.offset) + 1 >= end) pending.delete(batch.partition);
        }
      },
    });
    const deadline = Date.now() + timeoutMs;
    while (pending.size > 0 && Date.now() < deadline) await sleep(50);
    if (pending.size > 0)
      throw new Error(`could not read back partitions ${[...pending].join(', ')} of ${topic} to resume`);
  } finally {
    await consumer.disconnect();
  }
}

/** Lines of `sourceId` found by their headers after the start offsets (runs that sent headers). */
export async function deliveredLines(
  client: KafkaClient,
  topic: string,
  sourceId: string,
  startOffsets: Array<{ partition: number; offset: number }>,
): Promise<LineBitmap> {
  const delivered = new LineBitmap();
  await readPartitionsFrom(client, topic, new Map(startOffsets.map((s) => [s.partition, s.offset])), (m) => {
    const line = lineNumberOf(headerText(m.headers, LINE_HEADER));
    if (line !== undefined && headerText(m.headers, SOURCE_HEADER) === sourceId) delivered.add(line);
  });
  return delivered;
}
