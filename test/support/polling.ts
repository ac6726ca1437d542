// Waiting for things that settle asynchronously (Kafka metadata, group state, a rendered
// view), written once for the unit, integration and extension tests.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `check` until it stops throwing; after `timeoutMs` the last error is thrown. */
export async function retryUntilPasses<T>(check: () => Promise<T>, timeoutMs = 30000, intervalMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await sleep(intervalMs);
    }
  }
}

/**
 * Polls `probe` until it gives a value that `done` accepts (by default: any value but
 * undefined). A probe that throws counts as "not yet". After `timeoutMs` it fails naming
 * `what`, the last value seen and the last error.
 */
export async function pollUntil<T>(
  what: string,
  probe: () => T | undefined | PromiseLike<T | undefined>,
  done: (value: T) => boolean = () => true,
  timeoutMs = 90000,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await probe();
      if (last !== undefined && done(last)) return last;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) break;
    await sleep(intervalMs);
  }
  const seen = JSON.stringify(last)?.slice(0, 2000);
  const error = lastError === undefined ? '' : `; last error: ${(lastError as Error).message ?? String(lastError)}`;
  throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}; last seen: ${seen}${error}`);
}
