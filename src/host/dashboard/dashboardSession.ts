// One dashboard's reader: consumes the topic through the engine's consumeTopic into a
// DashboardModel, and pauses, resumes, restarts and stops it. Editor-free, so the same
// code runs under tests and the benchmark.
import { describeError } from '../../core/errors';
import { consumeTopic } from '../../core/kafka/consumeTopic';
import type { ConsumerPort, KafkaClient } from '../../core/kafka/ports';
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

export class DashboardSession {
  model: DashboardModel;
  private controller: AbortController | undefined;
  private consumer: ConsumerPort | undefined;
  private reading: Promise<void> | undefined;
  private paused = false;

  constructor(
    private current: DashboardConfig,
    private capacity: number,
    private readonly createClient: ClientFactory,
    private readonly log: (line: string) => void,
  ) {
    this.model = new DashboardModel(current.format, capacity, current.produced);
  }

  get config(): DashboardConfig {
    return this.current;
  }

  start(): void {
    if (this.reading) return;
    const controller = new AbortController();
    const model = this.model;
    const config = this.current;
    this.controller = controller;
    this.consumer = undefined;
    model.setPhase('connecting');
    readersRunning++;
    this.log(`[dashboard] reading ${config.topic} from ${config.brokers.join(',')}${config.groupId ? ` in group ${config.groupId}` : ''}`);
    this.reading = this.createClient(config).then((client) => consumeTopic({
      client: exposingConsumer(client, (c) => (this.consumer = c)),
      topic: config.topic,
      from: config.from,
      groupId: config.groupId,
      stats: false, // the model's LiveTopic feeds the engine's StatsFeed itself (it also detects on quiet)
      signal: controller.signal,
      progressIntervalMs: 500,
      onProgress: (progress) => {
        if (model.messages === 0 && !this.paused) {
          model.knowPartitions(Object.keys(progress.partitions).map(Number));
          model.setPhase('consuming');
        }
      },
      onMessages: (batch) => {
        if (this.paused) this.consumer?.pause(); // a pause asked before the consumer ran
        else if (model.messages === 0) model.setPhase('consuming');
        model.addBatch(batch);
      },
    })).then(
      (result) => {
        if (result.stoppedBy !== 'aborted') model.setPhase('stopped', `the reader stopped (${result.stoppedBy})`);
      },
      (e) => {
        if (controller.signal.aborted) return; // stopped before it connected: not a failure
        this.log(`[dashboard] reading ${config.topic} failed: ${describeError(e)}`);
        model.setPhase('error', describeError(e));
      },
    ).finally(() => {
      readersRunning--;
    });
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
    await this.stop();
    const filter = this.model.list.query;
    const nextVersion = this.model.list.listVersion + 1;
    this.current = { ...this.current, from: changes.from, groupId: changes.groupId, format: changes.format };
    this.model = new DashboardModel(changes.format, this.capacity, this.current.produced, nextVersion);
    if (filter) this.model.setFilter(filter);
    this.paused = false;
    this.start();
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

  /** Stops the reader and waits until its consumer disconnected. */
  async stop(): Promise<void> {
    this.controller?.abort();
    const reading = this.reading;
    this.reading = undefined;
    await reading;
    this.model.setPhase('stopped');
  }
}
