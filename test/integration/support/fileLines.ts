// Produce a file's lines with the ProducerPort directly (no produceFile), optionally
// with our line headers and with lines dropped or doubled on purpose.
import fs from 'node:fs';
import { LINE_HEADER, SOURCE_HEADER } from '../../../src/core/kafka/lineMessages';
import type { KafkaClient, OutgoingMessage } from '../../../src/core/kafka/ports';
import { sourceIdOf } from '../../../src/core/kafka/produceCheckpoint';

export interface NumberedLine {
  line: number;
  text: string;
}

/** The non-empty lines of a file with their 1-based numbers (LF separated, CR stripped). */
export function nonEmptyLines(file: string): NumberedLine[] {
  const text = fs.readFileSync(file, 'utf8');
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts.map((t, i) => ({ line: i + 1, text: t.replace(/\r$/, '') })).filter((l) => l.text.length > 0);
}

export interface ProduceLinesOptions {
  /** Send kll.line / kll.src headers like `kafka-log-lab produce` does. */
  headers: boolean;
  /** Source id for kll.src (default: the file's own id). */
  file?: string;
  /** Message key per line (default none). */
  key?: (text: string) => string | null;
}

export async function produceLines(
  client: KafkaClient,
  topic: string,
  lines: NumberedLine[],
  options: ProduceLinesOptions,
): Promise<void> {
  const sourceId = options.headers && options.file ? sourceIdOf(options.file) : 'test-src';
  // Not idempotent: kafkajs' idempotent producer can fail a send with the broker's
  // OUT_OF_ORDER_SEQUENCE_NUMBER when it retries part of a batch (seen here on a loaded machine,
  // on a topic created a moment before). These tests check what verify reads, not the
  // producer: one request in flight keeps the order, acks=all keeps what was acknowledged.
  const producer = client.producer({ idempotent: false, acks: -1, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (let start = 0; start < lines.length; start += 2000) {
      const batch: OutgoingMessage[] = lines.slice(start, start + 2000).map((l) => ({
        key: options.key?.(l.text) ?? null,
        value: l.text,
        headers: options.headers ? { [LINE_HEADER]: String(l.line), [SOURCE_HEADER]: sourceId } : undefined,
      }));
      await producer.send(topic, batch);
    }
  } finally {
    await producer.disconnect();
  }
}

/** Web-log visitor id (`User_id : xxx`), used as the key so a visitor's lines stay in order. */
export function webVisitorKey(text: string): string | null {
  return /User_id : (\S+)/.exec(text)?.[1] ?? null;
}
