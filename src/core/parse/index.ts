// The parsing side of the engine: one entry point per format, format detection, and the
// visitor key (also the default Kafka message key). Parsers never throw: a line that does
// not fit its format comes back as undefined ("unparsed").
import type { LogFormat } from '../logFormat';
import { jsonVisitor, parseJsonLine, type JsonRecord } from './jsonLine';
import { stripBomAndCr } from './lineText';
import { parseNginxLine, type NginxRecord } from './nginxLine';
import { parseWebLine, type WebRecord } from './webLine';

export type { LogFormat } from '../logFormat';
export type { WebRecord } from './webLine';
export type { NginxRecord } from './nginxLine';
export type { JsonRecord } from './jsonLine';
export { parseWebLine, parseWebTimestamp } from './webLine';
export { parseNginxLine, parseNginxTime } from './nginxLine';
export { parseJsonLine, eventPrice, eventType, isProductEvent } from './jsonLine';
export { detectFormat } from './detectFormat';
export { stripBomAndCr, isBlankLine } from './lineText';
export { readLines, readLineBatches, readSampleLines, type LineBatch, type ReadLinesResult } from './lineReader';

export interface RawRecord {
  text: string;
}

/** A parsed line: a plain, JSON-serialisable object. */
export type ParsedRecord = WebRecord | NginxRecord | JsonRecord | RawRecord;

export function parseLine(format: 'web', line: string): WebRecord | undefined;
export function parseLine(format: 'nginx', line: string): NginxRecord | undefined;
export function parseLine(format: LogFormat, line: string): ParsedRecord | undefined;
export function parseLine(format: LogFormat, line: string): ParsedRecord | undefined {
  switch (format) {
    case 'web':
      return parseWebLine(line);
    case 'nginx':
      return parseNginxLine(line);
    case 'events':
    case 'jsonl':
      return parseJsonLine(line);
    case 'raw':
      return { text: stripBomAndCr(line) };
  }
}

/**
 * Who made this record: web and events `user_id`, nginx the client address (none when the
 * log says `-`), generic JSON the first of user_id, userId, visitor_id, client_ip,
 * remote_addr, ip. Undefined when the record names nobody.
 */
export function visitorOf(format: LogFormat, record: ParsedRecord): string | undefined {
  switch (format) {
    case 'web':
      return (record as WebRecord).user_id;
    case 'nginx': {
      const address = (record as NginxRecord).remote_addr;
      return address === '-' ? undefined : address;
    }
    case 'events':
      return jsonVisitor(record as JsonRecord, ['user_id', 'userId']);
    case 'jsonl':
      return jsonVisitor(record as JsonRecord);
    case 'raw':
      return undefined;
  }
}
