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

/** The reader crashes as the broker goes away, waits (not an error), and reads on when it is back. */
async function readsThroughAnOutage(kafka: FakeKafka, session: DashboardSession): Promise<void> {
  await until(() => session.model.messages === 50 && session.connection.live, 'the first messages');
  kafka.down = true;
  // What the client throws when the broker stops while the group is being joined.
  kafka.crashConsumers(
    Object.assign(new Error('Failed to find group coordinator'), { name: 'KafkaJSNonRetriableError' }),
  );
  await until(() => !session.connection.live, 'the outage');
  const waiting = session.model.live(false);
  assert.equal(waiting.phase, 'connecting', 'an outage is no error of the reader');
  assert.match(waiting.detail!, /group coordinator/);
  assert.equal(waiting.messages, 50, 'the count is kept');

  kafka.append(0, lines.slice(50, 80));
  kafka.down = false;
  await until(() => session.model.messages === 80, 'the messages written during the outage');
  assert.equal(session.model.live(false).phase, 'consuming');
  await until(() => session.connection.live, 'live again');
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

  it('waits for the broker when an outage stops its reader, and reads on once the broker answers', async () => {
    const kafka = new FakeKafka('access', 1);
    kafka.append(0, lines.slice(0, 50));
    const session = new DashboardSession(
      { topic: 'access', brokers: ['h:1'], from: { kind: 'beginning' }, format: 'auto' },
      1000,
      async () => kafka,
      () => undefined,
      { probeIntervalMs: 20 },
    );
    session.start();
    try {
      await readsThroughAnOutage(kafka, session);
    } finally {
      await session.stop(); // also when an assertion failed: no probe left running
    }
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
