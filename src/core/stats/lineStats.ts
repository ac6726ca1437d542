// What every format's statistics share: counting messages (non-blank lines), parsed and
// unparsed lines, and keeping the first few unparsed lines with their line numbers.
import type { LogFormat } from '../logFormat';
import { isBlankLine, ownCopy, stripBomAndCr } from '../parse/lineText';

export interface UnparsedSample {
  line: number;
  text: string;
}

/** The fields of `kafka-log-lab stats --json` common to all formats. */
export interface BaseSnapshot {
  format: LogFormat;
  messages: number;
  parsed: number;
  unparsed: number;
  uniqueVisitors: number;
  /** Present (true) once some per-name counts had to be approximated to bound memory. */
  approximateCounts?: true;
  unparsedSamples: UnparsedSample[];
}

export const MAX_UNPARSED_SAMPLES = 5;
const MAX_SAMPLE_CHARS = 300;

export abstract class LineStats<R, S extends BaseSnapshot> {
  abstract readonly format: LogFormat;
  protected messages = 0;
  protected parsed = 0;
  protected unparsed = 0;
  private linesSeen = 0;
  private readonly samples: UnparsedSample[] = [];

  /** Counts one line; blank lines are not messages. `lineNumber` defaults to the count of lines added. */
  addLine(line: string, lineNumber?: number): void {
    this.linesSeen++;
    const first = line.charCodeAt(0);
    if (line.length === 0 || ((first === 32 || first === 9 || first === 13 || first === 0xfeff) && isBlankLine(line)))
      return;
    this.messages++;
    const record = this.parse(line);
    if (record === undefined) {
      this.unparsed++;
      if (this.samples.length < MAX_UNPARSED_SAMPLES) {
        this.samples.push({
          line: lineNumber ?? this.linesSeen,
          text: ownCopy(stripBomAndCr(line).slice(0, MAX_SAMPLE_CHARS)),
        });
      }
      return;
    }
    this.parsed++;
    this.count(record);
  }

  /** Counts a record parsed elsewhere (for example by a consumer that already parsed it). */
  addRecord(record: R): void {
    this.linesSeen++;
    this.messages++;
    this.parsed++;
    this.count(record);
  }

  abstract snapshot(): S;

  protected abstract parse(line: string): R | undefined;
  protected abstract count(record: R): void;

  /** Common fields, in the order the JSON output lists them; `extra` goes before the samples. */
  protected compose<E extends object>(uniqueVisitors: number, extra: E, approximate = false): BaseSnapshot & E {
    return {
      format: this.format,
      messages: this.messages,
      parsed: this.parsed,
      unparsed: this.unparsed,
      uniqueVisitors,
      ...extra,
      ...(approximate ? { approximateCounts: true as const } : {}),
      unparsedSamples: this.samples.map((s) => ({ ...s })),
    };
  }
}

/** Rounds to 2 decimals, the precision of every average in a snapshot. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
