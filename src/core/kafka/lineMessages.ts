// Turns one line of a log file into the Kafka message the user asked for: the raw bytes or
// the parsed record as JSON, keyed by the visitor (or a field, or nothing), sent to the
// partition Kafka's default partitioner picks, and (only with --line-headers) tagged with
// headers that name the line.
import type { LogFormat } from '../logFormat';
import { parseLine, visitorOf } from '../parse';
import { partitionOfLine } from './partitioner';
import type { IncomingMessage, OutgoingMessage } from './ports';

export type ValueMode = 'raw' | 'json';
export type KeyMode = { kind: 'visitor' } | { kind: 'none' } | { kind: 'field'; field: string };

export const LINE_HEADER = 'kll.line';
export const SOURCE_HEADER = 'kll.src';

export interface MessagePlan {
  format: LogFormat;
  as: ValueMode;
  key: KeyMode;
  /** Short id of the source file, sent in the `kll.src` header. */
  sourceId: string;
  /** Partitions of the topic: messages are partitioned here, not by the client library. */
  partitions: number;
  /** Tag every message with `kll.line` and `kll.src` headers. */
  lineHeaders: boolean;
}

/** A message with its partition chosen (the client library sends it there as is). */
export type PartitionedMessage = OutgoingMessage & { partition: number };

export type LineOutcome = PartitionedMessage | 'unparsed';

function fieldOf(record: Record<string, unknown> | undefined, field: string): string | undefined {
  const value = record?.[field];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Whether building a message needs the line parsed (JSON values and record-derived keys do). */
export function needsParsing(plan: MessagePlan): boolean {
  if (plan.as === 'json') return true;
  if (plan.key.kind === 'none') return false;
  return plan.format !== 'raw';
}

export function lineToMessage(plan: MessagePlan, line: Buffer, lineNumber: number, parse: boolean): LineOutcome {
  let record: Record<string, unknown> | undefined;
  if (parse) {
    record = parseLine(plan.format, line.toString('utf8')) as Record<string, unknown> | undefined;
    if (!record && plan.as === 'json') return 'unparsed';
  }
  let key: string | null = null;
  if (plan.key.kind === 'visitor' && record) key = visitorOf(plan.format, record as never) ?? null;
  else if (plan.key.kind === 'field') key = fieldOf(record, plan.key.field) ?? null;
  const message: PartitionedMessage = {
    key,
    value: plan.as === 'json' ? JSON.stringify(record) : line,
    partition: partitionOfLine(key, lineNumber, plan.partitions),
  };
  if (plan.lineHeaders) message.headers = { [LINE_HEADER]: String(lineNumber), [SOURCE_HEADER]: plan.sourceId };
  return message;
}

/**
 * A line's message value alone, as `produce --as` sends it: the bytes themselves (raw) or the
 * parsed record as JSON; 'unparsed' when JSON was asked for and the line does not parse.
 * `verify --as json` compares a topic with the file through this.
 */
export function lineValue(format: LogFormat, as: ValueMode, line: Buffer): Buffer | 'unparsed' {
  if (as === 'raw') return line;
  const record = parseLine(format, line.toString('utf8'));
  return record ? Buffer.from(JSON.stringify(record), 'utf8') : 'unparsed';
}

/** A header's value as text (kafkajs hands headers over as Buffers). */
export function headerText(headers: IncomingMessage['headers'], name: string): string | undefined {
  const value = headers?.[name];
  return value === undefined ? undefined : value.toString();
}

/** The line number a `kll.line` header names; undefined when it names none (another producer's header). */
export function lineNumberOf(header: string | undefined): number | undefined {
  const line = header === undefined ? NaN : Number(header);
  return Number.isInteger(line) && line > 0 ? line : undefined;
}

/** Approximate bytes a message takes on the wire (value + key + headers + record overhead). */
export function messageBytes(m: OutgoingMessage): number {
  const value = m.value === null ? 0 : typeof m.value === 'string' ? m.value.length : m.value.length;
  const key = m.key == null ? 0 : m.key.length;
  return value + key + 40;
}
