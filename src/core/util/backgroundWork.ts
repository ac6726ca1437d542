// Background work with an owner: what runs (produce, consumers, follow mode, brokers) is
// registered here, so that shutting down stops it and waits for it, with a bound, instead of
// leaving a consumer or a process behind.

/** Where the owner reports what it stops. */
export interface WorkLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface Stoppable {
  /** Ends the work and resolves once it has let go of its connections and processes. */
  stop(): Promise<void>;
}

export class BackgroundWork {
  private readonly running = new Map<Stoppable, string>();

  constructor(private readonly log: WorkLog) {}

  /** Owns `work` until the returned release is called (it ended by itself) or the window closes. */
  own(name: string, work: Stoppable): () => void {
    this.running.set(work, name);
    return () => this.running.delete(work);
  }

  /** Runs `task` with an abort signal that closing the window also fires, and waits for it then. */
  async run<T>(name: string, task: (signal: AbortSignal) => Promise<T>, outerSignal?: AbortSignal): Promise<T> {
    const controller = new AbortController();
    const forward = () => controller.abort();
    outerSignal?.addEventListener('abort', forward, { once: true });
    if (outerSignal?.aborted) controller.abort();
    const finished = task(controller.signal);
    const release = this.own(name, {
      stop: async () => {
        controller.abort();
        await finished.catch(() => undefined);
      },
    });
    try {
      return await finished;
    } finally {
      release();
      outerSignal?.removeEventListener('abort', forward);
    }
  }

  /** Stops everything still running in parallel, waiting at most `boundMs`. */
  async stopAll(boundMs: number): Promise<void> {
    const works = [...this.running.entries()];
    this.running.clear();
    if (works.length === 0) return;
    this.log.info(`[lifecycle] stopping ${works.map(([, name]) => name).join(', ')}`);
    const stopped = Promise.all(
      works.map(([work, name]) =>
        work.stop().catch((e) => this.log.warn(`[lifecycle] ${name} did not stop cleanly: ${(e as Error).message}`)),
      ),
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const bound = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), boundMs)));
    if ((await Promise.race([stopped.then(() => 'done' as const), bound])) === 'timeout') {
      this.log.warn(`[lifecycle] gave up waiting after ${boundMs} ms`);
    }
    clearTimeout(timer);
  }

  get size(): number {
    return this.running.size;
  }

  dispose(): void {
    void this.stopAll(2000);
  }
}
