import assert from 'node:assert/strict';
import { createKafkaClient } from '../../../src/core/kafka/client';
import { produceFile } from '../../../src/core/kafka/produceFile';
import { LINE_HEADER, SOURCE_HEADER } from '../../../src/core/kafka/lineMessages';
import { partitionOfKey } from '../../../src/core/kafka/partitioner';
import { sourceIdOf } from '../../../src/core/kafka/produceCheckpoint';
import type { IncomingMessage, KafkaClient } from '../../../src/core/kafka/ports';
import { testBrokers, uniqueName } from '../support/testBroker';
import { numberedLines, scratchFile } from '../support/files';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every message of `topic`, read group-less from the beginning up to the current end. */
export async function readAll(client: KafkaClient, topic: string): Promise<IncomingMessage[]> {
  const admin = client.admin();
  await admin.connect();
  const ends = await admin.topicOffsets(topic);
  await admin.disconnect();
  const total = ends.reduce((s, e) => s + e.latest - e.earliest, 0);
  const messages: IncomingMessage[] = [];
  if (total === 0) return messages;
  const consumer = client.consumer();
  await consumer.connect();
  try {
    await consumer.run({
      topics: [topic],
      fromBeginning: true,
      eachBatch: async (b) => void messages.push(...b.messages),
    });
    const deadline = Date.now() + 60000;
    while (messages.length < total && Date.now() < deadline) await sleep(50);
    // A slow read is not a lost message: say which it was.
    if (messages.length < total) throw new Error(`read ${messages.length} of the ${total} messages within 60 s`);
    return messages;
  } finally {
    await consumer.disconnect();
  }
}

describe('produceFile against a real broker', function () {
  this.timeout(120000);
  const brokers = () => testBrokers();
  const client = () => createKafkaClient({ brokers: brokers() });

  it('delivers every line exactly once, strips CRLF and a BOM, skips and counts empty lines', async () => {
    const file = scratchFile('crlf.log', '\uFEFFfirst\r\nsecond\r\n\r\nthird\n\nfourth');
    const topic = uniqueName('produce-crlf');
    const summary = await produceFile({ client: client(), brokers: brokers(), file, topic, format: 'raw' });
    assert.equal(summary.lines, 6);
    assert.equal(summary.empty, 2);
    assert.equal(summary.acked, 4);
    assert.equal(summary.failed, 0);
    assert.equal(summary.complete, true);
    assert.equal(summary.createdTopic, true);
    const messages = await readAll(client(), topic);
    assert.ok(
      messages.every((m) => Object.keys(m.headers ?? {}).length === 0),
      'no per-message headers by default',
    );
    // Lines without a key stay in one partition per block of lines: file order is offset order.
    assert.deepEqual(
      messages.map((m) => [m.partition, Number(m.offset), m.value!.toString()]),
      [
        [0, 0, 'first'],
        [0, 1, 'second'],
        [0, 2, 'third'],
        [0, 3, 'fourth'],
      ],
    );
  });

  it("tags lines with --line-headers and puts keyed lines where Java's partitioner would", async () => {
    const users = Array.from({ length: 40 }, (_, i) => `user-${i * 7919}`);
    const file = scratchFile('keyed.jsonl', users.map((u, i) => JSON.stringify({ user_id: u, n: i + 1 })).join('\n'));
    const topic = uniqueName('produce-keyed');
    const summary = await produceFile({
      client: client(),
      brokers: brokers(),
      file,
      topic,
      format: 'jsonl',
      key: { kind: 'field', field: 'user_id' },
      partitions: 5,
      lineHeaders: true,
    });
    assert.equal(summary.acked, 40);
    const messages = await readAll(client(), topic);
    assert.equal(messages.length, 40);
    for (const m of messages) {
      const key = m.key!.toString();
      assert.equal(m.partition, partitionOfKey(key, 5), `partition of key ${key}`);
      const line = Number(m.headers![LINE_HEADER]!.toString());
      assert.equal(users[line - 1], key, 'kll.line names the line the message came from');
      assert.equal(m.headers![SOURCE_HEADER]!.toString(), sourceIdOf(file));
    }
  });

  it('sends raw bytes unchanged, invalid UTF-8 included', async () => {
    const bytes = Buffer.from([0x61, 0xff, 0xfe, 0x62, 0x0a, 0x63, 0x0a]);
    const file = scratchFile('latin.log', bytes);
    const topic = uniqueName('produce-bytes');
    const summary = await produceFile({ client: client(), brokers: brokers(), file, topic, format: 'raw' });
    assert.equal(summary.acked, 2);
    const values = (await readAll(client(), topic)).map((m) => m.value!.toString('hex')).sort();
    assert.deepEqual(values, ['61fffe62', '63'].sort());
  });

  it('refuses a binary file with a clear error and sends nothing', async () => {
    const file = scratchFile(
      'image.bin',
      Buffer.concat([Buffer.from('PNG\n'), Buffer.alloc(16), Buffer.from('\nmore\n')]),
    );
    const topic = uniqueName('produce-binary');
    await assert.rejects(
      produceFile({ client: client(), brokers: brokers(), file, topic }),
      (e: Error) => e.message.includes(file) && /binary/.test(e.message) && /--binary/.test(e.message),
    );
    const admin = client().admin();
    await admin.connect();
    assert.ok(!(await admin.listTopics()).includes(topic), 'nothing was sent, not even the topic created');
    await admin.disconnect();
    const forced = await produceFile({
      client: client(),
      brokers: brokers(),
      file,
      topic,
      binary: true,
      format: 'raw',
    });
    assert.equal(forced.acked, 3);
  });

  it('fails only the line larger than the broker accepts, naming it, and delivers the others', async () => {
    const huge = 'h'.repeat(1_200_000);
    const file = scratchFile('huge.log', `${numberedLines(1000)}${huge}\n${numberedLines(5)}`);
    const topic = uniqueName('produce-huge');
    const summary = await produceFile({ client: client(), brokers: brokers(), file, topic, format: 'raw' });
    assert.equal(summary.lines, 1006);
    assert.equal(summary.acked, 1005);
    assert.equal(summary.failed, 1);
    assert.equal(summary.failures.length, 1);
    assert.equal(summary.failures[0].line, 1001);
    assert.match(summary.failures[0].reason, /larger than the broker accepts/);
    assert.equal(summary.complete, false);
    assert.equal((await readAll(client(), topic)).length, 1005);
  });

  it('keys messages by --key FIELD and sends parsed JSON with --as json, reporting unparsed lines', async () => {
    const file = scratchFile('events.jsonl', '{"user_id":"u1","n":1}\nnot json\n{"user_id":"u2","n":2}\n');
    const topic = uniqueName('produce-json');
    const summary = await produceFile({
      client: client(),
      brokers: brokers(),
      file,
      topic,
      format: 'jsonl',
      as: 'json',
      key: { kind: 'field', field: 'user_id' },
    });
    assert.equal(summary.acked, 2);
    assert.equal(summary.unparsed, 1);
    assert.deepEqual(summary.unparsedLines, [2]);
    assert.equal(summary.complete, true, 'unparsed lines are skipped, not failures');
    const messages = await readAll(client(), topic);
    assert.deepEqual(messages.map((m) => m.key!.toString()).sort(), ['u1', 'u2']);
    assert.deepEqual(messages.map((m) => JSON.parse(m.value!.toString()).n).sort(), [1, 2]);
  });

  it('stops when cancelled and reports exactly what was acknowledged; --resume sends the rest once', async () => {
    const file = scratchFile('cancel.log', numberedLines(200));
    const topic = uniqueName('produce-cancel');
    const controller = new AbortController();
    let seen = 0;
    const first = await produceFile({
      client: client(),
      brokers: brokers(),
      file,
      topic,
      format: 'raw',
      rate: 400,
      signal: controller.signal,
      progressIntervalMs: 20,
      onProgress: (p) => {
        seen = p.acked;
        if (p.acked >= 40) controller.abort();
      },
    });
    assert.ok(seen >= 40);
    assert.equal(first.cancelled, true);
    assert.equal(first.complete, false);
    assert.ok(first.acked < 200);
    assert.equal((await readAll(client(), topic)).length, first.acked, 'the summary counts exactly what arrived');
    const second = await produceFile({
      client: client(),
      brokers: brokers(),
      file,
      topic,
      format: 'raw',
      resume: true,
    });
    assert.equal(second.alreadyDelivered, first.acked);
    assert.equal(second.acked, 200 - first.acked);
    const lines = (await readAll(client(), topic)).map((m) => m.value!.toString()).sort();
    assert.equal(lines.length, 200);
    assert.equal(new Set(lines).size, 200, 'no line twice');
  });

  it('gives a clear error, not a hang, when the broker is unreachable', async function () {
    this.timeout(20000); // a hang fails here
    const file = scratchFile('nobroker.log', numberedLines(3));
    const unreachable = createKafkaClient({
      brokers: ['127.0.0.1:1'],
      connectionTimeoutMs: 3000,
      retries: 3,
      maxRetryTimeMs: 2000,
    });
    await assert.rejects(
      produceFile({ client: unreachable, brokers: ['127.0.0.1:1'], file, topic: 'nowhere' }),
      /cannot reach the Kafka broker|ECONNREFUSED|Connection/i,
    );
  });
});
