// Asks the broker every few seconds for a topic's offsets, so a live view learns within
// seconds that the broker went away (a consumer retries quietly for much longer) and when
// it is back, and sees how far the topic reaches (to tell when a reader has caught up, and
// that a recreated topic starts over). One admin connection, replaced after a failure.
import { describeError } from '../errors';
import type { AdminPort, KafkaClient, PartitionOffsets } from '../kafka/ports';

export type ProbeResult =
  { ok: true; offsets: PartitionOffsets[]; atMs: number } | { ok: false; reason: string; atMs: number };

export interface BrokerProbeOptions {
  /** The client to probe with (made on first use: connecting may need a stored password). */
  client: () => KafkaClient | Promise<KafkaClient>;
  topic: string;
  /** Between probes (default 2 s). */
  intervalMs?: number;
  /** A probe without an answer for this long fails (default 3 s). */
  timeoutMs?: number;
  onResult(result: ProbeResult): void;
}

export class BrokerProbe {
  private admin: AdminPort | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: BrokerProbeOptions) {}

  start(): void {
    this.schedule(0);
  }

  /** Probes now (the user pressed Retry), unless a probe is under way. */
  probeNow(): Promise<void> {
    if (this.inFlight || this.stopped) return this.inFlight ?? Promise.resolve();
    clearTimeout(this.timer);
    // The next probe is planned when this one ended: a slow answer never stops the probing.
    this.inFlight = this.probe().finally(() => {
      this.inFlight = undefined;
      this.schedule(this.options.intervalMs ?? 2000);
    });
    return this.inFlight;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.inFlight?.catch(() => undefined);
    this.dropAdmin();
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.probeNow();
    }, delayMs);
  }

  private async probe(): Promise<void> {
    const timeoutMs = this.options.timeoutMs ?? 3000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the broker did not answer within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    try {
      const offsets = await Promise.race([this.ask(), timeout]);
      if (!this.stopped) this.options.onResult({ ok: true, offsets, atMs: Date.now() });
    } catch (e) {
      this.dropAdmin();
      if (!this.stopped) this.options.onResult({ ok: false, reason: describeError(e), atMs: Date.now() });
    } finally {
      clearTimeout(timer);
    }
  }

  private async ask(): Promise<PartitionOffsets[]> {
    if (!this.admin) {
      const admin = (await this.options.client()).admin();
      this.admin = admin;
      await admin.connect();
    }
    return this.admin.topicOffsets(this.options.topic);
  }

  private dropAdmin(): void {
    const admin = this.admin;
    this.admin = undefined;
    void admin?.disconnect().catch(() => undefined);
  }
}
