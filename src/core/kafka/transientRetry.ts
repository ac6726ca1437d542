// Right after a topic is created, brokers may still answer "not the leader" or "leader not
// available" for a moment; those answers mean "ask again", not "failed".
import { sleep } from '../util/sleep';

const TRANSIENT =
  /not the leader|NOT_LEADER|LEADER_NOT_AVAILABLE|There is no leader|UNKNOWN_TOPIC_OR_PARTITION|does not host this topic-partition/i;

export function isTransientMetadataError(e: unknown): boolean {
  const err = e as { message?: string; type?: string };
  return TRANSIENT.test(`${err?.type ?? ''} ${err?.message ?? ''}`);
}

/** Runs `work`, retrying transient leadership errors for up to `budgetMs`. */
export async function retryTransient<T>(work: () => Promise<T>, budgetMs = 15000): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (let delay = 100; ; delay = Math.min(delay * 2, 1000)) {
    try {
      return await work();
    } catch (e) {
      if (!isTransientMetadataError(e) || Date.now() + delay > deadline) throw e;
      await sleep(delay);
    }
  }
}
