import assert from 'node:assert/strict';
import { ratePacer, replayPacer } from '../../../src/core/kafka/pacing';

// A fake clock: sleeping advances it, so the pacing arithmetic is checked without waiting.
function fakeClock() {
  let now = 0;
  const realSetTimeout = global.setTimeout;
  return {
    now: () => now,
    install() {
      (global as { setTimeout: unknown }).setTimeout = ((fn: () => void, ms: number) => {
        now += ms;
        return realSetTimeout(fn, 0);
      }) as unknown as typeof setTimeout;
    },
    restore() {
      global.setTimeout = realSetTimeout;
    },
  };
}

describe('pacing', () => {
  it('lets N lines per second through', async () => {
    const clock = fakeClock();
    clock.install();
    try {
      const pacer = ratePacer(100, undefined, clock.now);
      for (let i = 0; i < 200; i++) await pacer.next();
      assert.ok(Math.abs(clock.now() - 2000) <= 20, `200 lines at 100/s took ${clock.now()} ms`);
    } finally {
      clock.restore();
    }
  });

  it('replays event times sped up', async () => {
    const clock = fakeClock();
    clock.install();
    try {
      const pacer = replayPacer(60, undefined, clock.now);
      await pacer.next(0);
      await pacer.next(60_000); // one minute of events at 60x: one second
      await pacer.next(120_000);
      assert.ok(Math.abs(clock.now() - 2000) <= 5, `took ${clock.now()} ms`);
    } finally {
      clock.restore();
    }
  });
});
