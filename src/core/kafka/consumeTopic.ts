// Consumes a topic into the engine's streaming statistics: every message value is one log
// line. The format is given, or detected from the first messages (held back until then and
// replayed, so no message is left out of the statistics).
import type { LogFormat } from '../logFormat';
import type { StatsSnapshot } from '../stats';
import { StatsFeed } from '../stats/statsFeed';
import type { ConsumedBatch, IncomingMessage } from './ports';
import { readTopic, type ReadProgress, type ReadTopicOptions, type StopReason } from './topicReader';
import { requireValidTopicName } from './topicName';

export type { StatsSnapshot } from '../stats';

/** One fetched batch as text, for live views. */
export interface ConsumedLines {
  topic: string;
  partition: number;
  /** The messages as received (keys, offsets, timestamps, headers). */
  messages: IncomingMessage[];
  /** Their values as text, index for index. */
  lines: string[];
}

export interface ConsumeProgress extends ReadProgress {
  /** The statistics so far; undefined while the format is still being detected or without statistics. */
  snapshot(): StatsSnapshot | undefined;
}

export interface ConsumeTopicOptions extends Omit<ReadTopicOptions, 'onMessages' | 'onProgress'> {
  /** The log format of the values; 'auto' (the default) detects it from the first messages. */
  format?: LogFormat | 'auto';
  /** Compute statistics (default true); without them the values are only passed to onMessages. */
  stats?: boolean;
  onMessages?(batch: ConsumedLines): void;
  onProgress?(progress: ConsumeProgress): void;
}

export interface ConsumeResult {
  topic: string;
  messages: number;
  /** Messages read per partition, every partition of the topic listed. */
  partitions: Record<string, number>;
  /** The format the statistics used (absent when statistics were off). */
  format?: LogFormat;
  stats?: StatsSnapshot;
  stoppedBy: StopReason;
  /** Wall time of the whole call, including connecting and the final quiet period. */
  durationMs: number;
  /** Messages over the time from the partition assignment to the last message. */
  messagesPerSecond: number;
}

/** The value as one line of text: UTF-8, without a leading BOM or a trailing line break. */
export function valueText(value: Buffer | null): string {
  if (value === null || value.length === 0) return '';
  let text = value.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
  return end === text.length ? text : text.slice(0, end);
}

export async function consumeTopic(options: ConsumeTopicOptions): Promise<ConsumeResult> {
  requireValidTopicName(options.topic);
  const feed = options.stats === false ? undefined : new StatsFeed(options.format ?? 'auto');
  const hook = options.onMessages;
  const onMessages = (messages: IncomingMessage[], batch: ConsumedBatch) => {
    // Decode each value once; keep the text only when someone wants the batch.
    const lines: string[] | undefined = hook ? new Array(messages.length) : undefined;
    for (let i = 0; i < messages.length; i++) {
      const line = valueText(messages[i].value);
      feed?.add(line);
      if (lines) lines[i] = line;
    }
    if (hook && lines) hook({ topic: batch.topic, partition: batch.partition, messages, lines });
  };
  const progress = options.onProgress;
  const onProgress = progress && ((p: ReadProgress) => progress({ ...p, snapshot: () => feed?.liveSnapshot() }));
  const summary = await readTopic({ ...options, onMessages, onProgress });
  const stats = feed?.snapshot();
  return {
    topic: summary.topic,
    messages: summary.messages,
    partitions: summary.partitions,
    format: feed?.format,
    stats,
    stoppedBy: summary.stoppedBy,
    durationMs: summary.durationMs,
    messagesPerSecond: summary.readMs > 0 ? Math.round((summary.messages * 1000) / summary.readMs) : 0,
  };
}
