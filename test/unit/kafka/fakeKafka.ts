// An in-memory KafkaClient for reader logic: partitions are arrays of values; a consumer
// joins after `joinDelayMs`, then fetches from its start offsets in batches every `fetchEveryMs`.
import type {
  AdminPort,
  AssignmentEvent,
  ConsumerOptions,
  ConsumerPort,
  ConsumerRunOptions,
  IncomingMessage,
  KafkaClient,
} from '../../../src/core/kafka/ports';

export interface FakeTopicOptions {
  joinDelayMs?: number;
  fetchEveryMs?: number;
  batchSize?: number;
  /** Offsets the end reports beyond the last message (like transaction markers). */
  markersAtEnd?: number;
}

export class FakeKafka implements KafkaClient {
  readonly partitions: Array<Array<{ value: string; headers?: Record<string, string> }>>;
  readonly committed = new Map<string, Map<number, number>>();
  readonly deletedGroups: string[] = [];
  readonly runs: Array<{ options: ConsumerOptions; run: ConsumerRunOptions; resolved: Map<number, string> }> = [];
  /** While set, the admin's calls fail as a stopped broker's do. */
  down = false;
  private readonly crashListeners = new Set<(error: Error) => void>();

  constructor(
    readonly topic: string,
    partitionCount: number,
    private readonly timing: FakeTopicOptions = {},
  ) {
    this.partitions = Array.from({ length: partitionCount }, () => []);
  }

  append(partition: number, values: string[], headers?: Record<string, string>): void {
    for (const value of values) this.partitions[partition].push({ value, headers });
  }

  admin(): AdminPort {
    const markers = this.timing.markersAtEnd ?? 0;
    const offsets = async () =>
      this.reachable() &&
      this.partitions.map((p, partition) => ({ partition, earliest: 0, latest: p.length + markers }));
    const unused = async (): Promise<never> => {
      throw new Error('not used by the reader');
    };
    return {
      connect: async () => undefined,
      disconnect: async () => undefined,
      listTopics: async () => this.reachable() && [this.topic],
      topicOffsets: offsets,
      topicOffsetsAt: async () =>
        (await offsets()).map((o) => ({ partition: o.partition, offset: Math.min(2, o.latest) })),
      groupOffsets: async (groupId) =>
        [...(this.committed.get(groupId) ?? new Map())].map(([partition, offset]) => ({
          topic: this.topic,
          partition,
          offset,
        })),
      deleteGroups: async (ids) => void this.deletedGroups.push(...ids),
      describeCluster: unused,
      createTopic: unused,
      deleteTopics: unused,
      describeTopics: unused,
      listGroups: unused,
      describeGroups: unused,
      setGroupOffsets: unused,
    };
  }

  /** Crashes every running consumer with `error`, as the client does when a broker goes away. */
  crashConsumers(error: Error): void {
    for (const listener of [...this.crashListeners]) listener(error);
  }

  private reachable(): true {
    if (this.down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9092'), { code: 'ECONNREFUSED' });
    return true;
  }

  producer(): never {
    throw new Error('not used by the reader');
  }

  consumer(options: ConsumerOptions = {}): ConsumerPort {
    const listeners: Array<(e: AssignmentEvent) => void> = [];
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    let crashListener: ((error: Error) => void) | undefined;
    const { joinDelayMs = 20, fetchEveryMs = 5, batchSize = 100 } = this.timing;
    return {
      connect: async () => undefined,
      disconnect: async () => {
        stopped = true;
        clearTimeout(timer);
        if (crashListener) this.crashListeners.delete(crashListener);
      },
      onAssignment: (l) => void listeners.push(l),
      onCrash: (l) => {
        crashListener = l;
        this.crashListeners.add(l);
      },
      pause: () => undefined,
      resume: () => undefined,
      run: async (run) => {
        const resolved = new Map<number, string>();
        this.runs.push({ options, run, resolved });
        const committed = this.committed.get(options.groupId ?? '') ?? new Map<number, number>();
        const next = this.partitions.map((_, p) => committed.get(p) ?? 0);
        for (const s of run.seeks ?? []) next[s.partition] = Number(s.offset);
        const fetch = async () => {
          for (let p = 0; p < this.partitions.length && !stopped; p++) {
            const log = this.partitions[p];
            if (next[p] >= log.length) continue;
            const messages: IncomingMessage[] = log.slice(next[p], next[p] + batchSize).map((m, i) => ({
              topic: this.topic,
              partition: p,
              offset: String(next[p] + i),
              key: null,
              value: Buffer.from(m.value),
              timestamp: '0',
              headers: m.headers,
            }));
            next[p] += messages.length;
            await run.eachBatch({
              topic: this.topic,
              partition: p,
              messages,
              highWatermark: String(log.length),
              resolveOffset: (offset) => void resolved.set(p, offset),
            });
          }
          if (!stopped) timer = setTimeout(fetch, fetchEveryMs);
        };
        timer = setTimeout(() => {
          const assignment = [{ topic: this.topic, partitions: this.partitions.map((_, p) => p) }];
          for (const l of listeners) l({ memberId: 'm1', groupId: options.groupId ?? '', assignment });
          timer = setTimeout(fetch, fetchEveryMs);
        }, joinDelayMs);
      },
    };
  }
}
