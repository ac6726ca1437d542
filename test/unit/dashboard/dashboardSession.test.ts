import assert from 'node:assert/strict';
import { generateToString } from '../../../src/core/generate';
import { createStats } from '../../../src/core/stats';
import { DashboardSession, runningReaders } from '../../../src/host/dashboard/dashboardSession';
import { FakeKafka } from '../kafka/fakeKafka';

const lines = generateToString({ format: 'nginx', seed: 'session', startMs: Date.UTC(2025, 9, 16), users: 40 })
  .text.split('\n')
  .filter(Boolean);

async function until(condition: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > 5000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('DashboardSession (in-memory Kafka)', () => {
  it('reads the topic into the model, restarts with new settings, and stops its reader', async () => {
    const kafka = new FakeKafka('access', 2);
    kafka.append(0, lines.slice(0, 100));
    kafka.append(1, lines.slice(100));
    const session = new DashboardSession(
      { topic: 'access', brokers: ['h:1'], from: { kind: 'beginning' }, format: 'auto' },
      1000,
      async () => kafka,
      () => undefined,
    );
    const readersBefore = runningReaders();
    session.start();
    assert.equal(runningReaders(), readersBefore + 1);
    await until(() => session.model.messages === lines.length, 'every message');
    const engine = createStats('nginx');
    lines.forEach((l, i) => engine.addLine(l, i + 1));
    assert.deepEqual(session.model.live(true).stats, engine.snapshot());
    assert.equal(session.model.live(false).phase, 'consuming');

    session.model.setFilter('status:2xx');
    const version = session.model.list.listVersion;
    await session.restart({ from: { kind: 'offset', offset: 90 }, format: 'nginx' });
    assert.ok(session.model.list.listVersion > version, 'a restarted list is a new list');
    assert.equal(session.model.list.query, 'status:2xx', 'the filter stays');
    await until(() => session.model.messages === 10 + (lines.length - 100 - 90), 'the messages after offset 90');

    await session.stop();
    assert.equal(runningReaders(), readersBefore);
    assert.equal(session.model.live(false).phase, 'stopped');
  });

  it('shows why reading failed', async () => {
    const kafka = new FakeKafka('other', 1);
    const session = new DashboardSession(
      { topic: 'missing', brokers: ['h:1'], from: { kind: 'beginning' }, format: 'auto' },
      10,
      async () => kafka,
      () => undefined,
    );
    session.start();
    await until(() => session.model.live(false).phase === 'error', 'the error');
    assert.match(session.model.live(false).detail!, /does not exist/);
    await session.stop();
  });
});
