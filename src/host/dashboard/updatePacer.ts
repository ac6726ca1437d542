// When the host may post the next update: at most one per MIN_UPDATE_INTERVAL_MS, only after
// the webview acknowledged the previous one (a busy or hidden webview is never flooded; a lost
// acknowledgement is forgiven after ACK_TIMEOUT_MS), and once a second even when nothing
// changed, so the rate can fall to zero on screen.

export const MIN_UPDATE_INTERVAL_MS = 100;
export const ACK_TIMEOUT_MS = 2000;
export const IDLE_REFRESH_MS = 1000;

export class UpdatePacer {
  private lastSentAt = -Infinity;
  private awaiting: { id: number; at: number } | undefined;
  private nextId = 1;

  due(now: number, changed: boolean): boolean {
    if (this.awaiting && now - this.awaiting.at < ACK_TIMEOUT_MS) return false;
    const since = now - this.lastSentAt;
    return since >= MIN_UPDATE_INTERVAL_MS && (changed || since >= IDLE_REFRESH_MS);
  }

  /** Records a post; returns the id the webview will acknowledge. */
  sent(now: number): number {
    const id = this.nextId++;
    this.lastSentAt = now;
    this.awaiting = { id, at: now };
    return id;
  }

  acked(id: number): void {
    if (this.awaiting?.id === id) this.awaiting = undefined;
  }

  /** A new webview document (first load, restore after hide, reload): nothing is awaited. */
  reset(): void {
    this.awaiting = undefined;
    this.lastSentAt = -Infinity;
  }
}
