// Reads back what earlier runs delivered: every message after the checkpoint's start
// offsets that carries this file's `kll.src` header, as a bitmap of line numbers.
// This is what makes `--resume` exact even when a send failed without an answer.
import { LineBitmap } from './lineRanges';
import { LINE_HEADER, SOURCE_HEADER, headerText, lineNumberOf } from './lineMessages';
import type { KafkaClient } from './ports';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function deliveredLines(
  client: KafkaClient,
  topic: string,
  sourceId: string,
  startOffsets: Array<{ partition: number; offset: number }>,
  timeoutMs = 120000,
): Promise<LineBitmap> {
  const delivered = new LineBitmap();
  const admin = client.admin();
  await admin.connect();
  const ends = await admin.topicOffsets(topic).finally(() => admin.disconnect());
  const from = new Map(startOffsets.map((s) => [s.partition, s.offset]));
  const pending = new Set(ends.filter((e) => e.latest > Math.max(from.get(e.partition) ?? 0, e.earliest)).map((e) => e.partition));
  if (pending.size === 0) return delivered;
  const endOf = new Map(ends.map((e) => [e.partition, e.latest]));
  const consumer = client.consumer();
  await consumer.connect();
  try {
    await consumer.run({
      topics: [topic],
      fromBeginning: true,
      seeks: ends.map((e) => ({ topic, partition: e.partition, offset: String(Math.max(from.get(e.partition) ?? 0, e.earliest)) })),
      eachBatch: async (batch) => {
        for (const m of batch.messages) {
          const line = lineNumberOf(headerText(m.headers, LINE_HEADER));
          if (line !== undefined && headerText(m.headers, SOURCE_HEADER) === sourceId) delivered.add(line);
          if (Number(m.offset) + 1 >= (endOf.get(batch.partition) ?? 0)) pending.delete(batch.partition);
        }
      },
    });
    const deadline = Date.now() + timeoutMs;
    while (pending.size > 0 && Date.now() < deadline) await sleep(50);
    if (pending.size > 0) throw new Error(`could not read back partitions ${[...pending].join(', ')} of ${topic} to resume`);
    return delivered;
  } finally {
    await consumer.disconnect();
  }
}
