// Turns one line of a log file into the Kafka message the user asked for: the raw bytes or
// the parsed record as JSON, keyed by the visitor (or a field, or nothing), and tagged with
// headers that let `verify` and `--resume` recognise exactly which line it was.
import type { LogFormat } from '../logFormat';
import { parseLine, visitorOf } from '../parse';
import type { IncomingMessage, OutgoingMessage } from './ports';

export type ValueMode = 'raw' | 'json';
export type KeyMode = { kind: 'visitor' } | { kind: 'none' } | { kind: 'field'; field: string };

export const LINE_HEADER = 'kll.line';
export const SOURCE_HEADER = 'kll.src';

export interface MessagePlan {
  format: LogFormat;
  as: ValueMode;
  key: KeyMode;
  /** Short id of the source file, sent in every message's `kll.src` header. */
  sourceId: string;
}

export type LineOutcome = OutgoingMessage | 'unparsed';

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
  let key: string | undefined;
  if (plan.key.kind === 'visitor' && record) key = visitorOf(plan.format, record as never);
  else if (plan.key.kind === 'field') key = fieldOf(record, plan.key.field);
  return {
    key: key ?? null,
    value: plan.as === 'json' ? JSON.stringify(record) : line,
    headers: { [LINE_HEADER]: String(lineNumber), [SOURCE_HEADER]: plan.sourceId },
  };
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
