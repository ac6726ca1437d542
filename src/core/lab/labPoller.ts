// Asks the broker, about once a second, how the lab's groups look (state, members, their
// assignments), how many messages each partition holds, and, for groups that have members of
// other processes, what the group committed. One admin connection for the lab's lifetime;
// `poke()` asks again soon after something changed (a member joined, a rebalance started).
import type { AdminPort, CommittedOffset, GroupDescription, KafkaClient, PartitionOffsets } from '../kafka/ports';

export interface LabObservation {
  atMs: number;
  offsets: PartitionOffsets[];
  groups: GroupDescription[];
  /** Committed offsets of the groups `committedOf` named. */
  committed: Map<string, CommittedOffset[]>;
}

export interface LabPollerOptions {
  client: KafkaClient;
  topic: string;
  intervalMs: number;
  groupIds(): string[];
  /** Groups whose committed offsets are needed. */
  committedOf(): string[];
  onObservation(observation: LabObservation): void;
  onProblem(error: unknown): void;
  /** A poll without an answer for this long counts as a problem (default 3 s): the broker may be gone. */
  timeoutMs?: number;
}

const POKE_DELAY_MS = 250;

export class LabPoller {
  private admin: AdminPort | undefined;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: LabPollerOptions) {}

  async start(): Promise<void> {
    const admin = this.options.client.admin();
    await admin.connect();
    this.admin = admin;
    this.schedule(0);
  }

  /** Polls soon (coalescing many pokes into one poll). */
  poke(): void {
    if (!this.stopped && this.admin) this.schedule(POKE_DELAY_MS);
  }

  /** Polls now and resolves once the observation was handed over. */
  async pollNow(): Promise<void> {
    if (this.inFlight) await this.inFlight;
    if (!this.stopped && this.admin) await this.poll();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.inFlight?.catch(() => undefined);
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = undefined;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.poll(), delayMs);
  }

  private poll(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    this.inFlight = this.observeInTime()
      .then((o) => {
        if (!this.stopped) this.options.onObservation(o);
      })
      .catch((e) => {
        if (!this.stopped) this.options.onProblem(e);
      })
      .finally(() => {
        this.inFlight = undefined;
        if (!this.stopped) this.schedule(this.options.intervalMs);
      });
    return this.inFlight;
  }

  /** The observation, or a failure when the broker does not answer in time (kafkajs retries for long). */
  private async observeInTime(): Promise<LabObservation> {
    const timeoutMs = this.options.timeoutMs ?? 3000;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the broker did not answer within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    try {
      return await Promise.race([this.observe(), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async observe(): Promise<LabObservation> {
    const admin = this.admin!;
    const ids = this.options.groupIds();
    const [offsets, groups] = await Promise.all([
      admin.topicOffsets(this.options.topic),
      ids.length ? admin.describeGroups(ids) : Promise.resolve([]),
    ]);
    const committed = new Map<string, CommittedOffset[]>();
    for (const id of this.options.committedOf()) committed.set(id, await admin.groupOffsets(id, [this.options.topic]));
    return { atMs: Date.now(), offsets, groups, committed };
  }
}
