// Waiting on the lab: re-checks a condition a few times a second (the lab's state changes
// with every batch and every description of the groups) until it holds, time runs out, or
// the caller gives up.
import { sleep } from '../util/sleep';

const CHECK_EVERY_MS = 200;

export async function waitForLab(
  what: string,
  condition: () => boolean,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (signal?.aborted) throw new Error(`interrupted while waiting for ${what}`);
    if (Date.now() >= deadline)
      throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await sleep(CHECK_EVERY_MS, signal);
  }
}
