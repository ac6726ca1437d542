import assert from 'node:assert/strict';
import { BackgroundWork } from '../../../src/core/util/backgroundWork';

const quietLog = () => {
  const lines: string[] = [];
  return { lines, info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`) };
};

describe('background work', () => {
  it('aborts running tasks when stopped and waits for them to let go', async () => {
    const work = new BackgroundWork(quietLog());
    let released = false;
    const running = work.run(
      'a consumer',
      (signal) =>
        new Promise<string>((resolve) => {
          signal.addEventListener('abort', () =>
            setTimeout(() => {
              released = true;
              resolve('stopped');
            }, 50),
          );
        }),
    );
    assert.equal(work.size, 1);
    await work.stopAll(2000);
    assert.equal(released, true, 'stopAll returned before the task let go');
    assert.equal(await running, 'stopped');
    assert.equal(work.size, 0);
  });

  it('forgets a task that ended by itself', async () => {
    const work = new BackgroundWork(quietLog());
    assert.equal(await work.run('quick', async () => 42), 42);
    assert.equal(work.size, 0);
  });

  it('passes an outer abort (Cancel) on to the task', async () => {
    const work = new BackgroundWork(quietLog());
    const outer = new AbortController();
    const running = work.run(
      'cancellable',
      (signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve('cancelled'))),
      outer.signal,
    );
    outer.abort();
    assert.equal(await running, 'cancelled');
  });

  it('gives up after its bound on a task that never stops, and says so', async () => {
    const log = quietLog();
    const work = new BackgroundWork(log);
    work.own('stuck', { stop: () => new Promise(() => undefined) });
    await work.stopAll(100);
    assert.ok(
      log.lines.some((l) => /^warn \[lifecycle\] gave up waiting after 100 ms/.test(l)),
      log.lines.join('\n'),
    );
  });

  it('stops what was registered with own', async () => {
    const work = new BackgroundWork(quietLog());
    let stopped = 0;
    const release = work.own('broker', { stop: async () => void stopped++ });
    work.own('other', { stop: async () => void stopped++ });
    release();
    await work.stopAll(1000);
    assert.equal(stopped, 1);
  });
});
