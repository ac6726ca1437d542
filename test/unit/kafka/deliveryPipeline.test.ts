// The pipeline's lanes and account, with a stand-in producer whose sends the test answers by hand.
import assert from 'node:assert/strict';
import { DeliveryPipeline, type PendingLine } from '../../../src/core/kafka/deliveryPipeline';
import type { PartitionedMessage } from '../../../src/core/kafka/lineMessages';
import type { DeliveryReport, OutgoingMessage, ProducerPort } from '../../../src/core/kafka/ports';

interface PendingSend {
  partition: number;
  lines: number[];
  answer(error?: Error): void;
}

/** A producer that holds every send until the test answers it, and records what was in flight. */
class HeldProducer implements ProducerPort {
  readonly pending: PendingSend[] = [];
  readonly sent: PendingSend[] = [];
  private nextOffset = new Map<number, number>();
  /** Most sends of one partition in flight at once. */
  maxSamePartition = 0;
  /** Most sends in flight at once. */
  maxInFlight = 0;

  connect = async () => undefined;
  disconnect = async () => undefined;

  send(topic: string, messages: OutgoingMessage[]): Promise<DeliveryReport[]> {
    // produceFile's messages name their partition (core/kafka/partitioner.ts).
    const partitions = new Set(messages.map((m) => (m as PartitionedMessage).partition));
    assert.equal(partitions.size, 1, 'one partition per send');
    const [partition] = partitions;
    const lines = messages.map((m) => Number(m.value));
    return new Promise((resolve, reject) => {
      const send: PendingSend = {
        partition,
        lines,
        answer: (error) => {
          this.pending.splice(this.pending.indexOf(send), 1);
          if (error) return reject(error);
          const base = this.nextOffset.get(partition) ?? 0;
          this.nextOffset.set(partition, base + lines.length);
          resolve([{ topic, partition, baseOffset: String(base) }]);
        },
      };
      this.pending.push(send);
      this.sent.push(send);
      this.maxInFlight = Math.max(this.maxInFlight, this.pending.length);
      const same = this.pending.filter((p) => p.partition === partition).length;
      this.maxSamePartition = Math.max(this.maxSamePartition, same);
    });
  }
}

const line = (n: number, partition: number, bytes = 10): PendingLine => ({
  line: n,
  message: { key: null, value: String(n), partition },
  bytes,
});
const tick = () => new Promise((r) => setImmediate(r));

const numbered = (count: number, partitionOf: (n: number) => number) =>
  Array.from({ length: count }, (_, i) => line(i + 1, partitionOf(i + 1)));

/**
 * Feeds `lines` to a pipeline (batches of 6 lines, 4 in flight) and answers every send as it
 * comes, oldest first, failing those `refuse` picks, until everything fed was answered.
 */
async function deliver(lines: PendingLine[], refuse: (s: PendingSend) => Error | undefined = () => undefined) {
  const producer = new HeldProducer();
  const acks: Array<{ lines: number[]; at: DeliveryReport[] }> = [];
  const pipeline = new DeliveryPipeline(
    producer,
    't',
    { batchBytes: 1e9, batchMessages: 6, maxInFlight: 4, soloBytes: 1e9 },
    (sent, reports) => acks.push({ lines: sent.map((s) => s.line), at: reports }),
  );
  let done = false;
  const feeding = (async () => {
    for (const item of lines) await pipeline.add(item);
    await pipeline.flush();
    await pipeline.drain();
    done = true;
  })();
  while (!done) {
    await tick();
    producer.pending[0]?.answer(refuse(producer.pending[0]));
  }
  await feeding;
  return { producer, acks, pipeline };
}

describe('delivery pipeline', () => {
  it('sends one partition at a time in file order, while partitions go in parallel', async () => {
    const { producer, acks, pipeline } = await deliver(numbered(36, (n) => n % 3));

    assert.equal(producer.maxSamePartition, 1, 'never two sends of a partition in flight');
    assert.equal(producer.maxInFlight, 3, 'the three partitions were in flight together');
    for (const p of [0, 1, 2]) {
      const order = producer.sent.filter((s) => s.partition === p).flatMap((s) => s.lines);
      assert.deepEqual(
        order,
        [...order].sort((a, b) => a - b),
        `partition ${p} in file order`,
      );
      assert.equal(order.length, 12);
    }
    assert.equal(pipeline.ackedCount, 36);
    assert.deepEqual(pipeline.acked.toArray(), [[1, 36]]);
    // One journal entry per batch of consecutive lines, with one report per partition.
    assert.deepEqual(
      acks.map((a) => a.lines),
      [1, 7, 13, 19, 25, 31].map((f) => [f, f + 1, f + 2, f + 3, f + 4, f + 5]),
    );
    assert.ok(acks.every((a) => a.at.length === 3));
  });

  it('after a failed send, accounts exactly what was acknowledged and sends nothing more', async () => {
    // Partition 1's first send (lines 1, 3, 5) fails; partition 0's sends are acknowledged.
    const { producer, acks, pipeline } = await deliver(
      numbered(12, (n) => n % 2),
      (s) => (s.partition === 1 ? new Error('NOT_LEADER_OR_FOLLOWER') : undefined),
    );

    assert.match(pipeline.fatal ?? '', /NOT_LEADER_OR_FOLLOWER/);
    assert.deepEqual(
      pipeline.failures.map((f) => f.line),
      [1, 3, 5],
    );
    const acked = producer.sent.filter((s) => s.partition === 0).flatMap((s) => s.lines);
    assert.equal(pipeline.ackedCount, acked.length);
    assert.deepEqual(
      pipeline.acked.toArray().flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i)),
      acked,
    );
    assert.ok(!producer.sent.some((s) => s.partition === 1 && s.lines[0] > 5), 'nothing more was sent to partition 1');
    assert.equal(
      pipeline.sentCount,
      producer.sent.reduce((n, s) => n + s.lines.length, 0),
    );
    // A batch with a failed part is not journalled: a resume reads its acknowledged lines back.
    assert.ok(acks.every((a) => !a.lines.includes(2)));
  });

  it('sends a part the broker finds too large in halves, so only the offending line fails', async () => {
    const { producer, acks, pipeline } = await deliver(
      numbered(6, () => 0),
      (s) => (s.lines.includes(4) ? new Error('MESSAGE_TOO_LARGE') : undefined),
    );

    assert.equal(pipeline.fatal, undefined);
    assert.deepEqual(
      producer.sent.map((s) => s.lines),
      [[1, 2, 3, 4, 5, 6], [1, 2, 3], [4, 5, 6], [4], [5, 6]],
      'the refused part is sent again in halves, in file order',
    );
    assert.deepEqual(
      pipeline.failures.map((f) => f.line),
      [4],
    );
    assert.deepEqual(pipeline.acked.toArray(), [
      [1, 3],
      [5, 6],
    ]);
    assert.equal(pipeline.ackedCount, 5);
    assert.equal(pipeline.sentCount, 6);
    assert.deepEqual(acks, []);
  });
});
