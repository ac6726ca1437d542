// Statistics of nginx access logs (seeds 002/003). Visitor = client address. A session is a
// visitor's run of requests with no gap over 30 minutes; its duration is last minus first
// request (a single request counts, with 0). The sum of durations is kept as requests
// arrive, so a snapshot never walks the visitors.
import { ownCopy } from '../parse/lineText';
import { createNginxScan, scanNginxLine, type NginxRecord, type NginxScan } from '../parse/nginxLine';
import { BoundedCounter } from './boundedCounter';
import { LineStats, round2, type BaseSnapshot } from './lineStats';

export const SESSION_GAP_MS = 30 * 60 * 1000;
const TOP_PATHS = 10;

export interface NginxSnapshot extends BaseSnapshot {
  format: 'nginx';
  status: Record<string, number>;
  methods: Record<string, number>;
  bytes: number;
  sessions: { count: number; averageDurationSeconds: number };
  topPaths: Array<{ path: string; count: number }>;
}

interface OpenSession {
  startMs: number;
  lastMs: number;
}

const STATUS_TEXT = Array.from({ length: 1000 }, (_, i) => String(i));

/** Lines are counted from a reused scan (no record per line); `addRecord` takes full records. */
export class NginxStats extends LineStats<NginxScan | NginxRecord, NginxSnapshot> {
  readonly format = 'nginx' as const;
  private readonly sessionsByVisitor = new Map<string, OpenSession>();
  private readonly status = new BoundedCounter();
  private readonly methods = new BoundedCounter();
  private readonly paths = new BoundedCounter(10_000);
  private bytes = 0;
  private sessions = 0;
  private sessionMs = 0;

  private readonly scan = createNginxScan();

  protected parse(line: string): NginxScan | undefined {
    return scanNginxLine(line, this.scan) ? this.scan : undefined;
  }

  protected count(parsed: NginxScan | NginxRecord): void {
    if ('line' in parsed) {
      const line = parsed.line;
      const http = parsed.methodEnd > 0;
      this.countRequest(
        line.slice(0, parsed.addrEnd),
        parsed.ts,
        parsed.status,
        parsed.bytes,
        http ? line.slice(parsed.requestStart, parsed.methodEnd) : '-',
        http ? line.slice(parsed.urlStart, parsed.pathEnd) : undefined,
      );
    } else {
      const http = parsed.method !== '-';
      this.countRequest(
        parsed.remote_addr,
        parsed.ts,
        parsed.status,
        parsed.body_bytes_sent,
        parsed.method,
        http ? parsed.path : undefined,
      );
    }
  }

  private countRequest(
    address: string,
    ms: number,
    status: number | null,
    bytes: number,
    method: string,
    path: string | undefined,
  ): void {
    this.status.add(status === null ? '-' : status < 1000 ? STATUS_TEXT[status] : String(status));
    this.methods.add(method);
    this.bytes += bytes;
    if (path !== undefined) this.paths.add(path);
    if (address !== '-') this.countSession(address, ms);
  }

  private countSession(visitor: string, ms: number): void {
    const open = this.sessionsByVisitor.get(visitor);
    if (open === undefined) {
      this.sessionsByVisitor.set(ownCopy(visitor), { startMs: ms, lastMs: ms });
      this.sessions++;
    } else if (ms >= open.lastMs) {
      if (ms - open.lastMs > SESSION_GAP_MS) {
        open.startMs = ms;
        this.sessions++;
      } else {
        this.sessionMs += ms - open.lastMs;
      }
      open.lastMs = ms;
    } else if (ms < open.startMs) {
      // Out of order (logs are written when requests end): stretch the session back, or
      // count a lone earlier request as its own session when it is too far back.
      if (open.startMs - ms <= SESSION_GAP_MS) {
        this.sessionMs += open.startMs - ms;
        open.startMs = ms;
      } else {
        this.sessions++;
      }
    }
  }

  snapshot(): NginxSnapshot {
    return this.compose(
      this.sessionsByVisitor.size,
      {
        status: this.status.toObject(),
        methods: this.methods.toObject(),
        bytes: this.bytes,
        sessions: {
          count: this.sessions,
          averageDurationSeconds: this.sessions === 0 ? 0 : round2(this.sessionMs / this.sessions / 1000),
        },
        topPaths: this.paths.top(TOP_PATHS).map(([path, count]) => ({ path, count })),
      },
      this.status.approximate || this.methods.approximate || this.paths.approximate,
    ) as NginxSnapshot;
  }
}
