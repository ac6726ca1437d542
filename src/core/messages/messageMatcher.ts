// Applies a parsed filter to one message. The value is parsed (in the topic's format) only
// when a term reads a field, and at most once per message.
import type { LogFormat } from '../logFormat';
import { parseJsonLine, parseLine } from '../parse';
import type { FilterQuery } from './filterQuery';

export interface MatchableMessage {
  value: string;
  key: string | null;
  partition: number;
  offset: number;
}

export type MessageMatcher = (message: MatchableMessage) => boolean;

function fieldOf(record: object | undefined, path: string[]): unknown {
  let current: unknown = record;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || !Object.prototype.hasOwnProperty.call(current, segment))
      return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function messageField(message: MatchableMessage, name: string): unknown {
  switch (name) {
    case 'partition':
      return message.partition;
    case 'offset':
      return message.offset;
    case 'key':
      return message.key ?? undefined;
    default:
      return undefined;
  }
}

/** Parses with the known format; before it is known, a JSON object is still worth reading. */
function recordOf(format: LogFormat | undefined, value: string): object | undefined {
  if (format === undefined || format === 'raw') return parseJsonLine(value);
  return parseLine(format, value);
}

export function createMatcher(query: FilterQuery, format: LogFormat | undefined): MessageMatcher {
  const terms = query.terms;
  if (terms.length === 0) return () => true;
  return (message) => {
    let lower: string | undefined;
    let lowerKey: string | undefined;
    let record: object | undefined;
    let parsed = false;
    for (const term of terms) {
      let holds: boolean;
      if (term.kind === 'text') {
        lower ??= message.value.toLowerCase();
        holds = lower.includes(term.text);
        if (!holds && message.key !== null) {
          lowerKey ??= message.key.toLowerCase();
          holds = lowerKey.includes(term.text);
        }
      } else {
        if (!parsed) {
          record = recordOf(format, message.value);
          parsed = true;
        }
        let field = fieldOf(record, term.path);
        if (field === undefined && term.path.length === 1) field = messageField(message, term.path[0]);
        holds = field !== undefined && term.test(field);
      }
      if (holds === term.negate) return false;
    }
    return true;
  };
}
