// "Ready" means what a user needs: an admin client connects and lists topics.
import { createKafkaClient } from '../kafka/client';

export interface ReadinessOptions {
  timeoutMs: number;
  /** Polled between attempts; returning a reason stops waiting (e.g. the process died). */
  abortReason?: () => string | undefined;
  signal?: AbortSignal;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves when the broker answers ListTopics; rejects with the last error on timeout. */
export async function waitUntilReady(bootstrap: string, options: ReadinessOptions): Promise<number> {
  const started = Date.now();
  let lastError = 'no answer yet';
  while (Date.now() - started < options.timeoutMs) {
    const reason = options.abortReason?.();
    if (reason) throw new Error(reason);
    if (options.signal?.aborted) throw new Error('cancelled');
    const admin = createKafkaClient({
      brokers: [bootstrap],
      connectionTimeoutMs: 1000,
      requestTimeoutMs: 3000,
      retries: 0,
    }).admin();
    try {
      await admin.connect();
      await admin.listTopics();
      return Date.now() - started;
    } catch (e) {
      lastError = (e as Error).message;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    await sleep(250);
  }
  throw new Error(
    `the broker at ${bootstrap} was not ready after ${Math.round(options.timeoutMs / 1000)} s (${lastError})`,
  );
}

/** True when the broker at `bootstrap` answers within a couple of seconds. */
export async function isBrokerReachable(bootstrap: string): Promise<boolean> {
  try {
    await waitUntilReady(bootstrap, { timeoutMs: 2000 });
    return true;
  } catch {
    return false;
  }
}
