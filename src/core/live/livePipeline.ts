// One live run (the CLI's `live`, the editor's Start Live Traffic): the live generator appends
// lines to a file and the follow-mode produce sends each new line to a topic. Stopping ends the
// generator first, then lets the producer reach the end of the file, so what was written is
// what was delivered. The modules that load the Kafka client are imported when a run starts.
import type { LiveTraffic, LiveTrafficStatus } from '../generate/liveTraffic';
import type { ProduceProgress, ProduceSummary } from '../kafka/produceFile';
import type { KafkaClient } from '../kafka/ports';
import type { GeneratedFormat } from '../logFormat';
import { describeError } from '../errors';

export interface LivePipelineRequest {
  format: GeneratedFormat;
  /** Absolute path of the growing log. */
  file: string;
  topic: string;
  rate: number;
  seed: string;
  client: KafkaClient;
  brokers: string[];
}

/** What the status bar and the tests read: the generator's status and the producer's progress. */
export interface LiveSnapshot extends LiveTrafficStatus {
  topic: string;
  linesRead: number;
  acked: number;
  failed: number;
}

export interface LiveResult {
  written: number;
  acked: number;
  failed: number;
  /** Why the run ended by itself (a write error, a producer that gave up); absent when stopped. */
  problem?: string;
}

/** How long a stop waits for the producer to reach the end of the file (and a reader to read it). */
export const DRAIN_MS = 15_000;

/** Waits until `done()` holds or `DRAIN_MS` passed (a stop never hangs on a lost message). */
export async function drain(done: () => boolean): Promise<void> {
  const deadline = Date.now() + DRAIN_MS;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

export class LivePipeline<R extends LivePipelineRequest = LivePipelineRequest> {
  private produced: ProduceProgress | undefined;
  private stopping: Promise<LiveResult> | undefined;
  private readonly producerStop = new AbortController();
  private readonly producing: Promise<ProduceSummary>;
  /** Resolves with a reason when the generator or the producer ends without being asked to. */
  readonly endedByItself: Promise<string>;

  private constructor(
    readonly request: R,
    private readonly traffic: LiveTraffic,
    start: (session: LivePipeline<R>) => Promise<ProduceSummary>,
  ) {
    this.producing = start(this);
    this.producing.catch(() => undefined);
    this.endedByItself = Promise.race([
      traffic.ended.then(() => 'the log file could not be written'),
      this.producing.then(
        (s) => s.stoppedReason ?? 'the producer stopped',
        (e: unknown) => describeError(e),
      ),
    ]);
  }

  /** Starts the generator at the end of the file, then the producer from the first new line. */
  static async start<R extends LivePipelineRequest>(request: R, onProgress: () => void): Promise<LivePipeline<R>> {
    const [{ LiveTraffic }, { produceFile }, { countFileLines }] = await Promise.all([
      import('../generate/liveTraffic'),
      import('../kafka/produceFile'),
      import('../io/newlines'),
    ]);
    const { format, file, topic, rate, seed, client, brokers } = request;
    const fromLine = (await countFileLines(file)) + 1;
    const traffic = await LiveTraffic.start({ format, file, linesPerSecond: rate, seed });
    return new LivePipeline(request, traffic, (session) =>
      produceFile({
        client,
        brokers,
        file,
        topic,
        format,
        fromLine,
        follow: true,
        signal: session.producerStop.signal,
        progressIntervalMs: 250,
        onProgress: (p) => {
          session.produced = p;
          onProgress();
        },
      }),
    );
  }

  snapshot(): LiveSnapshot {
    const p = this.produced;
    return {
      ...this.traffic.status(),
      topic: this.request.topic,
      linesRead: p?.linesRead ?? 0,
      acked: p?.acked ?? 0,
      failed: p?.failed ?? 0,
    };
  }

  setRate(linesPerSecond: number): void {
    this.traffic.setRate(linesPerSecond);
  }

  pause(): Promise<void> {
    return this.traffic.pause();
  }

  resume(): void {
    this.traffic.resume();
  }

  /** Idempotent: every caller gets the same account. */
  stop(problem?: string): Promise<LiveResult> {
    return (this.stopping ??= this.finish(problem));
  }

  get stopped(): boolean {
    return this.stopping !== undefined;
  }

  private async finish(problem?: string): Promise<LiveResult> {
    let written = this.traffic.status().lines;
    try {
      written = (await this.traffic.stop()).lines;
      await this.drained(written);
    } catch (e) {
      problem ??= describeError(e);
    } finally {
      this.producerStop.abort();
    }
    const summary = await this.producing.catch((e: unknown) => {
      problem ??= describeError(e);
      return this.produced;
    });
    return { written, acked: summary?.acked ?? 0, failed: summary?.failed ?? 0, problem };
  }

  /** Waits (bounded) until the producer has read every written line, or has ended. */
  private async drained(written: number): Promise<void> {
    let ended = false;
    void this.producing.finally(() => (ended = true)).catch(() => undefined);
    await drain(() => ended || (this.produced?.linesRead ?? 0) >= written);
  }
}
