// What a person reads when the broker says no or does not answer: the broker's own reason
// for a refused topic, and "cannot reach" for an address that swallows connections.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createKafkaClient, withAdmin } from '../../src/core/kafka/client';
import { createTopic } from '../../src/core/kafka/topicsAdmin';
import { runCli } from './support/runCli';
import { testBrokers, uniqueName } from './support/testBroker';

/**
 * A loopback port that never completes a connection: its listen queue is full and nobody
 * accepts, so the kernel drops new connection attempts the way a black-holed address does.
 */
async function blackHole(): Promise<{ port: number; child: ChildProcess }> {
  const script = [
    'import socket, time',
    's = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(0)',
    'port = s.getsockname()[1]; fill = []',
    'for _ in range(3):',
    '    c = socket.socket(); c.setblocking(False)',
    '    try: c.connect(("127.0.0.1", port))',
    '    except BlockingIOError: pass',
    '    fill.append(c)',
    'time.sleep(0.3); print(port, flush=True); time.sleep(120)',
  ].join('\n');
  const child = spawn('python3', ['-c', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return { port: Number(chunk.toString().trim()), child };
}

describe('answers from a broker that refuses or does not answer', function () {
  this.timeout(60000);

  it("shows the broker's reason when it refuses to create a topic", async () => {
    const topic = uniqueName('refused');
    const run = await runCli([
      'topics',
      'create',
      topic,
      '--brokers',
      testBrokers().join(','),
      '--config',
      'retention.ms=abc',
    ]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(
      run.stderr.trim(),
      new RegExp(
        `^kafka-log-lab topics: the broker refused to create topic "${topic}": Invalid value abc for configuration retention\\.ms`,
      ),
    );
    assert.equal(run.stderr.trim().split('\n').length, 1);
  });

  it('gives the same reason to the editor and the CLI through core', async () => {
    const client = createKafkaClient({ brokers: testBrokers(), retries: 0 });
    const topic = uniqueName('too-many-replicas');
    await assert.rejects(
      withAdmin(client, (admin) => createTopic(admin, { topic, partitions: 1, replicationFactor: 3 })),
      (e: Error) =>
        /^the broker refused to create topic ".*": .*replication factor.*3.*\(INVALID_REPLICATION_FACTOR\)$/i.test(
          e.message,
        ),
    );
  });

  it('refuses an invalid topic name before any request', async () => {
    const run = await runCli(['topics', 'create', 'a b', '--brokers', '127.0.0.1:1']);
    assert.match(run.stderr, /topic name "a b" contains a space/);
    assert.doesNotMatch(run.stderr, /cannot reach/);
  });

  // Reported, not hung: each try waits the connect timeout (3 s) and the CLI tries 4 times;
  // runCli's own time limit fails the test if it ever hangs.
  it('says "cannot reach" for an address that swallows connections', async () => {
    const hole = await blackHole();
    try {
      const run = await runCli(['topics', 'list', '--brokers', `127.0.0.1:${hole.port}`]);
      assert.equal(run.code, 1);
      assert.match(
        run.stderr.trim(),
        /^kafka-log-lab topics: cannot reach the Kafka broker \(is it running, and is the address right\?\)/,
      );
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    } finally {
      hole.child.kill();
    }
  });
});
