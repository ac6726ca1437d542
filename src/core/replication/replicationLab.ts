/**
 * The replication and failover lab on a real cluster: sequence-numbered messages at a paced
 * rate into a topic with replication factor 3, an independent consumer reading them back, node
 * stops and kills (by script or by hand), and an account of what was acknowledged and read.
 *
 * API (the CLI `lab replication` is one consumer; an editor panel can be another):
 *
 *   const lab = new ReplicationLab(options, { client, cluster });  // cluster: ClusterNodeControl, optional
 *   const off = lab.onEvent((e: ReplicationLabEvent) => …);        // every observation, typed:
 *     { type: 'phase', phase }                                    preparing | running | draining | done
 *     { type: 'brokers', atMs, brokers: ClusterNodeStatus[] }     up/down, pid, controller, on change
 *     { type: 'partitions', atMs, partitions: PartitionInfo[] }   leader, replicas, isr, on change
 *     { type: 'timeline', event: TimelineEvent }                  elections, ISR changes, producer errors…
 *     { type: 'account', atMs, account: ReplicationAccount, rate } at most every `accountEveryMs`
 *   await lab.start();                          // creates the topic, connects, starts producing
 *   lab.setRate(n); await lab.stopNode(id) / killNode(id) / startNode(id)   // by hand, any time
 *   lab.schedule(steps);                        // a parsed failure script, times from start()
 *   const result = await lab.finish();          // stop producing, drain, final { timeline, account }
 *   await lab.dispose();                        // idempotent; also after a failed start
 *
 * Everything reported is what the brokers and clients did; nothing is inferred from the script.
 */
import type { KafkaClient, PartitionInfo, AdminPort, ConsumerPort, ProducerPort } from '../kafka/ports';
import type { ClusterNodeStatus } from '../broker/jvmClusterState';
import { SequenceAccount, type ReplicationAccount } from './account';
import { ClusterWatch, type ClusterNodeControl } from './clusterWatch';
import type { NodeAction, ScriptStep } from './failureScript';
import { PacedProducer } from './replicationProducer';
import type { TimelineEvent } from './timeline';
import { errorKind, UserError } from '../errors';
import { readTopic } from '../kafka/topicReader';

/** Longest second read of the topic before unread acknowledged messages are called lost. */
const REREAD_TIMEOUT_MS = 60000;

export type { ClusterNodeControl } from './clusterWatch';

export interface ReplicationLabOptions {
  topic: string;
  /** Partitions of the lab topic (default 3). */
  partitions?: number;
  /** Replication factor (default 3). */
  replicationFactor?: number;
  minInsyncReplicas: number;
  acks: 'all' | 1;
  /** Messages per second, all partitions together. */
  rate: number;
  /** How often the cluster is looked at (default 500 ms). */
  pollMs?: number;
  accountEveryMs?: number;
  /** Longest wait for the consumer to read everything after producing stops (default 30 s). */
  drainTimeoutMs?: number;
}

export type LabPhase = 'preparing' | 'running' | 'draining' | 'done';

export type ReplicationLabEvent =
  | { type: 'phase'; phase: LabPhase }
  | { type: 'brokers'; atMs: number; brokers: ClusterNodeStatus[] }
  | { type: 'partitions'; atMs: number; partitions: PartitionInfo[] }
  | { type: 'timeline'; event: TimelineEvent }
  | { type: 'account'; atMs: number; account: ReplicationAccount; rate: number };

export interface ReplicationLabResult {
  topic: string;
  acks: 'all' | 1;
  minInsyncReplicas: number;
  durationMs: number;
  timeline: TimelineEvent[];
  account: ReplicationAccount;
  brokers: ClusterNodeStatus[];
  partitions: PartitionInfo[];
}

export interface ReplicationLabDeps {
  client: KafkaClient;
  cluster?: ClusterNodeControl;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Brokers learn of a new topic one after another: a broker that has not yet is asked again. */
async function whileTopicUnknown<T>(work: () => Promise<T>, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await work();
    } catch (e) {
      if (errorKind(e) !== 'UNKNOWN_TOPIC_OR_PARTITION' || Date.now() > deadline) throw e;
      await sleep(500);
    }
  }
}

export class ReplicationLab {
  private readonly listeners = new Set<(e: ReplicationLabEvent) => void>();
  private readonly account = new SequenceAccount();
  private readonly timeline: TimelineEvent[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly nextOffset = new Map<number, number>();
  private actions: Promise<unknown> = Promise.resolve();
  private admin?: AdminPort;
  private producerPort?: ProducerPort;
  private consumer?: ConsumerPort;
  private watch?: ClusterWatch;
  private paced?: PacedProducer;
  private t0 = Date.now();
  private lastAccountAt = 0;
  private rate: number;
  private disposed = false;

  constructor(
    private readonly options: ReplicationLabOptions,
    private readonly deps: ReplicationLabDeps,
  ) {
    this.rate = options.rate;
  }

  onEvent(listener: (e: ReplicationLabEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Milliseconds since producing started. */
  readonly clock = (): number => Date.now() - this.t0;

  async start(): Promise<void> {
    this.emit({ type: 'phase', phase: 'preparing' });
    const { client } = this.deps;
    this.admin = client.admin();
    await this.admin.connect();
    await this.createTopic(this.admin);
    await this.waitForLeaders(this.admin);
    this.watch = new ClusterWatch(this.admin, this.options.topic, this.deps.cluster, this.clock, {
      brokers: (brokers) => this.emit({ type: 'brokers', atMs: this.clock(), brokers }),
      partitions: (partitions) => this.emit({ type: 'partitions', atMs: this.clock(), partitions }),
      timeline: (event) => this.record(event),
    });
    await this.watch.poll();
    await this.startConsumer(client);
    this.producerPort = client.producer(this.producerOptions());
    await this.producerPort.connect();
    this.t0 = Date.now();
    this.watch.start(this.options.pollMs ?? 500);
    this.paced = new PacedProducer({
      producer: this.producerPort,
      topic: this.options.topic,
      partitions: this.options.partitions ?? 3,
      account: this.account,
      clock: this.clock,
      onEvent: (event) => this.record(event),
      onProgress: () => this.emitAccount(false),
    });
    this.paced.start(this.rate);
    this.emit({ type: 'phase', phase: 'running' });
  }

  setRate(rate: number): void {
    this.rate = rate;
    this.paced?.setRate(rate);
    this.emitAccount(true);
  }

  stopNode(nodeId: number): Promise<void> {
    return this.nodeAction({ action: 'stop', nodeId, atMs: this.clock(), text: `stop ${nodeId}` });
  }

  killNode(nodeId: number): Promise<void> {
    return this.nodeAction({ action: 'kill', nodeId, atMs: this.clock(), text: `kill ${nodeId}` });
  }

  startNode(nodeId: number): Promise<void> {
    return this.nodeAction({ action: 'start', nodeId, atMs: this.clock(), text: `start ${nodeId}` });
  }

  /** Runs each step at its time after start(); steps run one after another, never overlapping. */
  schedule(steps: ScriptStep[]): void {
    for (const step of steps) {
      this.timers.push(setTimeout(() => void this.nodeAction(step), Math.max(0, step.atMs - this.clock())));
    }
  }

  /**
   * Stops producing, lets a node step under way end (a half-started node helps no one), waits
   * until the consumer has read what was acknowledged, and accounts. Producing stops first, so a
   * slow step does not stretch the run past its time.
   */
  async finish(): Promise<ReplicationLabResult> {
    this.timers.forEach(clearTimeout);
    const durationMs = this.clock();
    this.emit({ type: 'phase', phase: 'draining' });
    await this.paced?.stop();
    await this.actions;
    await this.drain();
    if (!this.account.allAcknowledgedRead()) await this.rereadTopic();
    await this.watch?.poll();
    const account = this.account.snapshot();
    this.emitAccount(true);
    this.emit({ type: 'phase', phase: 'done' });
    const { topic, acks, minInsyncReplicas } = this.options;
    const brokers = this.watch?.latestBrokers() ?? [];
    const partitions = this.watch?.latestPartitions() ?? [];
    return { topic, acks, minInsyncReplicas, durationMs, timeline: [...this.timeline], account, brokers, partitions };
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.timers.forEach(clearTimeout);
    await this.paced?.stop();
    await this.watch?.stop();
    await Promise.all([
      this.consumer?.disconnect().catch(() => undefined),
      this.producerPort?.disconnect().catch(() => undefined),
      this.admin?.disconnect().catch(() => undefined),
    ]);
    this.listeners.clear();
  }

  private nodeAction(step: ScriptStep): Promise<void> {
    const run = async () => {
      const control = this.deps.cluster;
      const begun = this.clock();
      this.record({ kind: 'action', atMs: begun, action: step.action, nodeId: step.nodeId, text: step.text });
      try {
        if (!control) throw new Error('this cluster is not started by the lab, its nodes cannot be controlled');
        const act: Record<NodeAction, (id: number) => Promise<boolean>> = {
          stop: (id) => control.stopNode(id),
          kill: (id) => control.killNode(id),
          start: (id) => control.startNode(id),
        };
        await act[step.action](step.nodeId);
        await this.watch?.poll();
      } catch (e) {
        this.record({ kind: 'action-failed', atMs: begun, text: step.text, error: (e as Error).message });
      }
    };
    const next = this.actions.then(run);
    this.actions = next;
    return next;
  }

  private async createTopic(admin: AdminPort): Promise<void> {
    try {
      await admin.createTopic({
        topic: this.options.topic,
        partitions: this.options.partitions ?? 3,
        replicationFactor: this.options.replicationFactor ?? 3,
        configs: { 'min.insync.replicas': String(this.options.minInsyncReplicas) },
      });
    } catch (e) {
      // The client's wait for leaders can ask a broker that has not heard of the new topic
      // yet; waitForLeaders asks again until every broker answered for it.
      if (errorKind(e) !== 'UNKNOWN_TOPIC_OR_PARTITION') throw e;
    }
  }

  /** A new topic is known to every broker a moment after its creation: wait for all its leaders. */
  private async waitForLeaders(admin: AdminPort): Promise<void> {
    const wanted = this.options.partitions ?? 3;
    for (let i = 0; i < 100; i++) {
      const topics = await admin.describeTopics([this.options.topic]).catch(() => []);
      const partitions = topics.find((t) => t.name === this.options.topic)?.partitions ?? [];
      if (partitions.length === wanted && partitions.every((p) => p.leader >= 0)) return;
      await sleep(300);
    }
    throw new UserError(`the topic ${this.options.topic} has no leader for each partition after 30 s`);
  }

  private producerOptions() {
    const all = this.options.acks === 'all';
    // Few retries: a refusal must reach the timeline instead of being hidden in a long retry.
    return {
      acks: all ? (-1 as const) : (1 as const),
      idempotent: all,
      retries: 3,
      maxRetryTimeMs: 2000,
      timeoutMs: 10000,
    };
  }

  private async startConsumer(client: KafkaClient): Promise<void> {
    this.consumer = client.consumer({ sessionTimeoutMs: 10000 });
    this.consumer.onCrash((e) => this.record({ kind: 'consumer-error', atMs: this.clock(), error: errorKind(e) }));
    await this.consumer.connect();
    await whileTopicUnknown(() => this.consumerRun());
  }

  private consumerRun(): Promise<void> {
    return this.consumer!.run({
      topics: [this.options.topic],
      fromBeginning: true,
      eachBatch: async (batch) => {
        // A consumer that rejoins its group may fetch offsets again: a duplicate is a second
        // record in the log, never a second fetch of the same offset.
        let next = this.nextOffset.get(batch.partition) ?? 0;
        for (const m of batch.messages) {
          if (Number(m.offset) < next) continue;
          next = Number(m.offset) + 1;
          this.account.consumed(Number(m.value?.toString()));
        }
        this.nextOffset.set(batch.partition, next);
        this.emitAccount(false);
      },
    });
  }

  /** Until every acknowledged message is read and reads have settled, or the drain timeout. */
  private async drain(): Promise<void> {
    const deadline = Date.now() + (this.options.drainTimeoutMs ?? 30000);
    let last = -1;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      const consumed = this.account.snapshot().consumed;
      if (consumed !== last) [last, quietSince] = [consumed, Date.now()];
      if (this.account.allAcknowledgedRead() && Date.now() - quietSince >= 2000) return;
      await sleep(200);
    }
  }

  /**
   * Before an unread acknowledged message is called lost, a reader of its own reads the topic
   * again from the beginning to its end: a consumer still catching up (a group moving to another
   * coordinator, a loaded machine) must not read as a loss.
   */
  private async rereadTopic(): Promise<void> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), REREAD_TIMEOUT_MS);
    let reachedEnd = false;
    try {
      const read = await readTopic({
        client: this.deps.client,
        topic: this.options.topic,
        from: { kind: 'beginning' },
        untilEnd: true,
        signal: abort.signal,
        onMessages: (messages) => {
          for (const m of messages) this.account.foundInTopic(Number(m.value?.toString()));
        },
      });
      reachedEnd = read.stoppedBy === 'end';
    } catch (e) {
      this.record({ kind: 'consumer-error', atMs: this.clock(), error: errorKind(e) });
      return;
    } finally {
      clearTimeout(timer);
    }
    if (!reachedEnd)
      this.record({ kind: 'consumer-error', atMs: this.clock(), error: 'the second read did not reach the end' });
  }

  private record(event: TimelineEvent): void {
    this.timeline.push(event);
    this.emit({ type: 'timeline', event });
  }

  private emitAccount(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastAccountAt < (this.options.accountEveryMs ?? 500)) return;
    this.lastAccountAt = now;
    this.emit({ type: 'account', atMs: this.clock(), account: this.account.snapshot(), rate: this.rate });
  }

  private emit(event: ReplicationLabEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
