// One member of a lab group: a real consumer through the ports, with its own client id and
// Kafka member id, counting what it receives per partition. It reads the topic from the
// beginning (the lab's groups are new), so its group's counts can be compared with the
// topic's offsets exactly, whenever the messages were produced.
import type { ConsumerPort, IncomingMessage, KafkaClient } from '../kafka/ports';
import { sleep } from '../util/sleep';
import type { LabMemberState, LabMemberView } from './labTypes';

/** How long a member of a forming group waits before its fetched batch is offered again. */
const HOLD_MS = 200;

export interface MemberBatch {
  groupId: string;
  member: string;
  partition: number;
  messages: IncomingMessage[];
}

export interface LabMemberOptions {
  client: KafkaClient;
  topic: string;
  groupId: string;
  /** m1, m2, … within the group. */
  name: string;
  clientId: string;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  /**
   * False while the member's group is still forming: it then leaves what it fetched unread
   * (it is fetched again), so messages already in the topic are shared the way the formed
   * group shares them instead of going to whichever member joined first.
   */
  mayConsume(): boolean;
  /** The member's state or assignment changed (`membership`), or it counted messages. */
  onChange(what: 'membership' | 'messages'): void;
  /** Every batch the member received (tests count messages by content with it). */
  onMessages?(batch: MemberBatch): void;
}

export class LabMember {
  state: LabMemberState = 'joining';
  memberId: string | null = null;
  partitions: number[] = [];
  error: string | undefined;
  private total = 0;
  private readonly counts = new Map<number, number>();
  private consumer: ConsumerPort | undefined;

  constructor(private readonly options: LabMemberOptions) {}

  get name(): string {
    return this.options.name;
  }

  get live(): boolean {
    return this.state === 'joining' || this.state === 'active';
  }

  async start(): Promise<void> {
    const o = this.options;
    const consumer = o.client.consumer({
      groupId: o.groupId,
      sessionTimeoutMs: o.sessionTimeoutMs,
      heartbeatIntervalMs: o.heartbeatIntervalMs,
      autoCommit: true,
      // Lets a Python (librdkafka) or Java consumer join the lab's groups.
      interoperableAssignment: true,
    });
    this.consumer = consumer;
    consumer.onAssignment((event) => {
      if (!this.live) return;
      this.memberId = event.memberId;
      this.partitions = event.assignment
        .filter((a) => a.topic === o.topic)
        .flatMap((a) => a.partitions)
        .sort((a, b) => a - b);
      this.state = 'active';
      o.onChange('membership');
    });
    consumer.onCrash((error) => this.fail(error));
    try {
      await consumer.connect();
      await consumer.run({
        topics: [o.topic],
        fromBeginning: true,
        autoResolve: false,
        eachBatch: async (batch) => {
          if (batch.messages.length === 0) return;
          if (!o.mayConsume()) return sleep(HOLD_MS);
          batch.resolveOffset?.(batch.messages[batch.messages.length - 1].offset);
          this.total += batch.messages.length;
          this.counts.set(batch.partition, (this.counts.get(batch.partition) ?? 0) + batch.messages.length);
          o.onMessages?.({ groupId: o.groupId, member: o.name, partition: batch.partition, messages: batch.messages });
          o.onChange('messages');
        },
      });
    } catch (e) {
      this.fail(e instanceof Error ? e : new Error(String(e)));
      throw e;
    }
  }

  /** Leaves the group (committing what was read): the group rebalances without this member. */
  async stop(): Promise<void> {
    if (!this.consumer || this.state === 'stopped') return;
    const wasLive = this.live;
    await this.consumer.disconnect().catch(() => undefined);
    if (wasLive) this.state = 'stopped';
    this.partitions = [];
    this.options.onChange('membership');
  }

  view(): LabMemberView {
    return {
      name: this.options.name,
      memberId: this.memberId,
      clientId: this.options.clientId,
      ours: true,
      state: this.state,
      partitions: [...this.partitions],
      messages: this.total,
      perPartition: [...this.counts]
        .map(([partition, messages]) => ({ partition, messages }))
        .sort((a, b) => a.partition - b.partition),
      error: this.error,
    };
  }

  private fail(error: Error): void {
    if (this.state === 'stopped') return;
    this.state = 'crashed';
    this.error = error.message;
    this.partitions = [];
    this.options.onChange('membership');
  }
}
