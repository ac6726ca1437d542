// One dashboard's reader: consumes the topic through the engine's consumeTopic into a
// DashboardModel, and pauses, resumes, restarts and stops it. A probe of the broker feeds
// core's ConnectionState, so the view says within seconds when the broker is gone, keeps
// its numbers (stale) meanwhile, and resumes reading where it stopped when the broker is
// back. Editor-free, so the same code runs under tests and the benchmark.
import { describeError, isBrokerAway } from '../../core/errors';
import { consumeTopic } from '../../core/kafka/consumeTopic';
import type { ConsumerPort, KafkaClient, PartitionOffsets } from '../../core/kafka/ports';
import { BrokerProbe, type ProbeResult } from '../../core/live/brokerProbe';
import { caughtUp, ConnectionState } from '../../core/live/connectionState';
import type { DashboardConfig, LogFormat, ProducedInfo, StartPosition } from '../../shared/protocol';
import { DashboardModel } from './dashboardModel';

/** Connects for a dashboard (async: a cluster's password may have to be read first). */
export type ClientFactory = (config: DashboardConfig) => Promise<KafkaClient>;

/** Hands out the consumer the reader creates, so the session can pause and resume it. */
function exposingConsumer(client: KafkaClient, onConsumer: (consumer: ConsumerPort) => void): KafkaClient {
  return {
    admin: () => client.admin(),
    producer: (options) => client.producer(options),
    consumer: (options) => {
      const consumer = client.consumer(options);
      onConsumer(consumer);
      return consumer;
    },
  };
}

let readersRunning = 0;

/** Readers of all dashboards that have not stopped yet (tests check that closing stops them). */
export function runningReaders(): number {
  return readersRunning;
}

export interface SessionOptions {
  /** The cluster is the editor's local broker (the view offers to start it). */
  localBroker?: boolean;
  /** Between probes of the broker (default 2 s). */
  probeIntervalMs?: number;
}

export class DashboardSession {
  model: DashboardModel;
  readonly connection = new ConnectionState();
  private controller: AbortController | undefined;
  private consumer: ConsumerPort | undefined;
  private reading: Promise<void> | undefined;
  private paused = false;
  private probe: BrokerProbe | undefined;
  private latest: PartitionOffsets[] = [];
  private closed = false;
  private clientPromise: Promise<KafkaClient> | undefined;

  constructor(
    private current: DashboardConfig,
    private capacity: number,
    private readonly createClient: ClientFactory,
    private readonly log: (line: string) => void,
    private readonly options: SessionOptions = {},
  ) {
    this.model = this.newModel(current.format);
  }

  get config(): DashboardConfig {
    return this.current;
  }

  start(): void {
    this.closed = false;
    this.startReader(this.current.from);
    this.startProbe();
  }

  /** Asks the broker now (the view's Retry). */
  retry(): Promise<void> {
    return this.probe?.probeNow() ?? Promise.resolve();
  }

  pause(): void {
    this.paused = true;
    this.consumer?.pause();
    this.model.setPhase('paused');
  }

  resume(): void {
    this.paused = false;
    this.consumer?.resume();
    this.model.setPhase(this.model.messages > 0 || this.consumer ? 'consuming' : 'connecting');
  }

  /** Reads again from a new start position, group or format; the statistics start over. */
  async restart(changes: { from: StartPosition; groupId?: string; format: LogFormat | 'auto' }): Promise<void> {
    await this.stopReader();
    this.current = { ...this.current, from: changes.from, groupId: changes.groupId, format: changes.format };
    this.replaceModel(changes.format);
    this.paused = false;
    this.startReader(this.current.from);
  }

  /** Names the produced file for "sent vs read" (the produce summary may reach an open dashboard). */
  setProduced(produced: ProducedInfo): void {
    this.current = { ...this.current, produced };
    this.model.setProduced(produced);
  }

  /** A new buffer size (from the settings): the newest messages that fit stay. */
  resize(capacity: number): void {
    this.capacity = capacity;
    this.model.resize(capacity);
  }

  /** Stops the reader and the probe, and waits until their connections closed. */
  async stop(): Promise<void> {
    this.closed = true;
    const probe = this.probe;
    this.probe = undefined;
    await Promise.all([this.stopReader(), probe?.stop()]);
    this.model.setPhase('stopped');
  }

  /** One client for the reader and the probe, made on first use. */
  private client(): Promise<KafkaClient> {
    this.clientPromise ??= this.createClient(this.current);
    return this.clientPromise;
  }

  private newModel(format: LogFormat | 'auto', firstListVersion = 1): DashboardModel {
    const model = new DashboardModel(format, this.capacity, this.current.produced, firstListVersion);
    model.setConnection(this.connection.view(), this.options.localBroker ?? false);
    return model;
  }

  /** A fresh model (statistics start over) that keeps the list's filter. */
  private replaceModel(format: LogFormat | 'auto'): void {
    const filter = this.model.list.query;
    this.model = this.newModel(format, this.model.list.listVersion + 1);
    if (filter) this.model.setFilter(filter);
  }

  private startProbe(): void {
    if (this.probe) return;
    const probe = new BrokerProbe({
      client: () => this.client(),
      topic: this.current.topic,
      intervalMs: this.options.probeIntervalMs,
      onResult: (result) => void this.probed(result),
    });
    this.probe = probe;
    this.connection.onChange((view) => {
      this.model.setConnection(view, this.options.localBroker ?? false);
      this.log(`[dashboard] ${this.current.topic}: connection ${view.status}${view.reason ? ` (${view.reason})` : ''}`);
    });
    probe.start();
  }

  /** Feeds the probe's answer to the connection state; resumes or restarts the reader when due. */
  private async probed(result: ProbeResult): Promise<void> {
    if (this.closed) return;
    if (!result.ok) {
      this.connection.failed(result.reason, result.atMs);
      return;
    }
    this.latest = result.offsets;
    const next = this.model.nextOffsets();
    if (result.offsets.some((p) => (next.get(p.partition) ?? 0) > p.latest)) {
      this.log(`[dashboard] ${this.current.topic} was recreated: reading it again from its beginning`);
      await this.restart({ from: { kind: 'beginning' }, groupId: this.current.groupId, format: this.current.format });
      return;
    }
    const outage = this.connection.view().status;
    this.connection.succeeded(result.atMs, caughtUp(next, result.offsets));
    if (outage === 'reconnecting' || outage === 'disconnected') await this.resumeReader();
  }

  /** After an outage: a new reader continues where the model stopped (what it re-delivers is skipped). */
  private async resumeReader(): Promise<void> {
    await this.stopReader();
    if (this.closed) return;
    const offsets = [...this.model.nextOffsets().values()];
    this.startReader(offsets.length ? { kind: 'offset', offset: Math.min(...offsets) } : this.current.from);
  }

  private startReader(from: StartPosition): void {
    if (this.reading) return;
    const controller = new AbortController();
    const config = this.current;
    this.controller = controller;
    this.consumer = undefined;
    if (this.model.messages === 0) this.model.setPhase('connecting');
    else if (this.model.readerPhase === 'connecting') this.model.setPhase('consuming'); // waited for the broker
    readersRunning++;
    const group = config.groupId ? ` in group ${config.groupId}` : '';
    this.log(`[dashboard] reading ${config.topic} from ${config.brokers.join(',')}${group}`);
    this.reading = this.client()
      .then((client) => this.read(client, from, controller.signal))
      .then(
        (result) => {
          if (result.stoppedBy !== 'aborted')
            this.model.setPhase('stopped', `the reader stopped (${result.stoppedBy})`);
        },
        (e) => {
          if (controller.signal.aborted) return; // stopped before it connected: not a failure
          const reason = describeError(e);
          this.log(`[dashboard] reading ${config.topic} failed: ${reason}`);
          // A reader the broker's outage stopped waits for it (the probe resumes it); any other failure is its own.
          this.model.setPhase(isBrokerAway(e) ? 'connecting' : 'error', reason);
          this.connection.failed(reason);
        },
      )
      .finally(() => {
        readersRunning--;
      });
  }

  private read(client: KafkaClient, from: StartPosition, signal: AbortSignal): ReturnType<typeof consumeTopic> {
    const config = this.current;
    return consumeTopic({
      client: exposingConsumer(client, (c) => (this.consumer = c)),
      topic: config.topic,
      from,
      groupId: config.groupId,
      stats: false, // the model's LiveTopic feeds the engine's StatsFeed itself (it also detects on quiet)
      signal,
      progressIntervalMs: 500,
      onProgress: (progress) => {
        if (this.paused) return;
        if (this.model.messages === 0) this.model.knowPartitions(Object.keys(progress.partitions).map(Number));
        this.model.setPhase('consuming');
      },
      onMessages: (batch) => {
        if (this.paused)
          this.consumer?.pause(); // a pause asked before the consumer ran
        else this.model.setPhase('consuming');
        this.model.addBatch(batch);
        if (!this.connection.live)
          this.connection.succeeded(Date.now(), caughtUp(this.model.nextOffsets(), this.latest));
      },
    });
  }

  /** Stops the reader and waits until its consumer disconnected. */
  private async stopReader(): Promise<void> {
    this.controller?.abort();
    const reading = this.reading;
    this.reading = undefined;
    await reading;
  }
}
