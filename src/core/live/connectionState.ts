// Whether a live view can trust what it shows: one small state machine per view, fed by the
// view's clients (a batch arrived, a consumer crashed) and by a periodic probe of the broker.
// connecting -> live; a failure -> reconnecting (with the reason); failures for longer than
// `disconnectAfterMs` -> disconnected; the first success after an outage -> catching-up
// until the reader has read what the broker holds -> live. The dashboard and the group lab
// show this one view, so they cannot disagree about the broker.

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'disconnected' | 'catching-up';

export interface ConnectionView {
  status: ConnectionStatus;
  /** Why the broker is not answering (the latest failure), while it is not. */
  reason?: string;
  /** When the current status began (epoch ms). */
  sinceMs: number;
  /** The numbers shown were measured before the current outage (not updated while it lasts). */
  stale: boolean;
  /** Outages seen so far. */
  outages: number;
}

export interface ConnectionStateOptions {
  /** Failing for this long turns "reconnecting" into "disconnected" (default 6 s). */
  disconnectAfterMs?: number;
}

export const DEFAULT_DISCONNECT_AFTER_MS = 6000;

export class ConnectionState {
  private status: ConnectionStatus = 'connecting';
  private reason: string | undefined;
  private sinceMs: number;
  private outageStartMs = 0;
  private outages = 0;
  private readonly disconnectAfterMs: number;
  private readonly listeners = new Set<(view: ConnectionView) => void>();

  constructor(options: ConnectionStateOptions = {}, nowMs = Date.now()) {
    this.disconnectAfterMs = options.disconnectAfterMs ?? DEFAULT_DISCONNECT_AFTER_MS;
    this.sinceMs = nowMs;
  }

  /** True while the view's numbers can be trusted to be current. */
  get live(): boolean {
    return this.status === 'live';
  }

  /** The broker answered (a probe, a fetched batch). `caughtUp` false: the reader is behind after an outage. */
  succeeded(nowMs = Date.now(), caughtUp = true): void {
    if (this.status === 'live') return;
    const next: ConnectionStatus = this.outageStartMs && !caughtUp ? 'catching-up' : 'live';
    this.reason = undefined;
    if (next === 'live') this.outageStartMs = 0;
    this.move(next, nowMs);
  }

  /** A probe or a client failed to reach the broker. */
  failed(reason: string, nowMs = Date.now()): void {
    const changedReason = reason !== this.reason;
    this.reason = reason;
    if (this.status === 'live' || this.status === 'connecting' || this.status === 'catching-up') {
      if (!this.outageStartMs) {
        this.outageStartMs = nowMs;
        this.outages++;
      }
      this.move('reconnecting', nowMs);
    } else if (this.status === 'reconnecting' && nowMs - this.outageStartMs >= this.disconnectAfterMs) {
      this.move('disconnected', nowMs);
    } else if (changedReason) {
      this.emit();
    }
  }

  /** Time passes without an answer: a long "reconnecting" becomes "disconnected". */
  tick(nowMs = Date.now()): void {
    if (this.status === 'reconnecting' && nowMs - this.outageStartMs >= this.disconnectAfterMs)
      this.move('disconnected', nowMs);
  }

  view(): ConnectionView {
    const view: ConnectionView = {
      status: this.status,
      sinceMs: this.sinceMs,
      stale: this.outageStartMs > 0,
      outages: this.outages,
    };
    if (this.reason !== undefined) view.reason = this.reason;
    return view;
  }

  /** Called on every change of status or reason. Returns an unsubscribe function. */
  onChange(listener: (view: ConnectionView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private move(status: ConnectionStatus, nowMs: number): void {
    if (status === this.status) {
      this.emit();
      return;
    }
    this.status = status;
    this.sinceMs = nowMs;
    this.emit();
  }

  private emit(): void {
    const view = this.view();
    for (const listener of this.listeners) listener(view);
  }
}

/** Whether a reader that is at `next` (per partition) has read everything up to `latest`. */
export function caughtUp(
  next: ReadonlyMap<number, number>,
  latest: ReadonlyArray<{ partition: number; latest: number; earliest: number }>,
): boolean {
  return latest.every((p) => p.latest <= p.earliest || (next.get(p.partition) ?? p.earliest) >= p.latest);
}
