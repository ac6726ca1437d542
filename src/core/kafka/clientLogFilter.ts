// What of the Kafka client's own log reaches the user's log: while a broker is away the
// client logs the same connection error on every retry of every client (with a stack trace
// each time). Each kind of line is written once per outage; its repeats are counted and
// mentioned when it comes back after a quiet spell. Stack traces go to the debug level only.

export type ClientLogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface ClientLogLine {
  level: ClientLogLevel;
  text: string;
}

/** Fields of a client log entry that are not worth a line of their own. */
const BULKY_FIELDS = new Set(['stack', 'timestamp', 'logger']);

/** The same line with other numbers (ports, retry counts, delays) is the same kind of line. */
function kindOf(level: ClientLogLevel, namespace: string, message: string): string {
  return `${level} ${namespace} ${message.replace(/\d+/g, '#')}`;
}

interface Seen {
  lastMs: number;
  suppressed: number;
}

export class ClientLogFilter {
  private readonly seen = new Map<string, Seen>();

  /** `quietMs`: a line that did not repeat for this long starts a new outage (written again). */
  constructor(private readonly quietMs = 60_000) {}

  /** The lines to write for one client log entry (none when it repeats an ongoing outage's line). */
  lines(
    level: ClientLogLevel,
    namespace: string,
    entry: { message?: unknown } & Record<string, unknown>,
    nowMs = Date.now(),
  ): ClientLogLine[] {
    const message = String(entry.message ?? '');
    const kind = kindOf(level, namespace, message);
    const seen = this.seen.get(kind);
    if (seen && nowMs - seen.lastMs < this.quietMs && level !== 'debug') {
      seen.lastMs = nowMs;
      seen.suppressed++;
      return [];
    }
    const repeats = seen?.suppressed ? ` (repeated ${seen.suppressed} more times before)` : '';
    this.seen.set(kind, { lastMs: nowMs, suppressed: 0 });
    this.forgetOld(nowMs);
    const extra = Object.fromEntries(Object.entries(entry).filter(([k]) => k !== 'message' && !BULKY_FIELDS.has(k)));
    const details = Object.keys(extra).length ? ` ${JSON.stringify(extra)}` : '';
    const lines: ClientLogLine[] = [{ level, text: `[kafkajs ${namespace}] ${message}${details}${repeats}` }];
    if (typeof entry.stack === 'string') lines.push({ level: 'debug', text: `[kafkajs ${namespace}] ${entry.stack}` });
    return lines;
  }

  /** Bounds the memory: kinds not seen for long are new again anyway. */
  private forgetOld(nowMs: number): void {
    if (this.seen.size < 500) return;
    for (const [kind, seen] of this.seen) if (nowMs - seen.lastMs >= this.quietMs) this.seen.delete(kind);
  }
}

/** One filter for every client of the process, so a dozen clients of one outage log it once. */
export const clientLogFilter = new ClientLogFilter();
