import assert from 'node:assert/strict';
import { describeEvent, partitionChanges } from '../../../src/core/replication/timeline';
import { errorKind } from '../../../src/core/errors';

const p = (partition: number, leader: number, isr: number[]) => ({ partition, leader, replicas: [1, 2, 3], isr });

describe('replication lab timeline', () => {
  it('turns two metadata snapshots into elections and ISR changes', () => {
    const before = [p(0, 2, [1, 2, 3]), p(1, 1, [1, 3]), p(2, 3, [1, 2, 3])];
    const after = [p(0, 1, [1, 3]), p(1, 1, [1, 2, 3]), p(2, 3, [1, 2, 3])];
    const events = partitionChanges(before, after, 1234);
    assert.deepEqual(events, [
      { kind: 'leader', atMs: 1234, partition: 0, from: 2, to: 1 },
      { kind: 'isr-shrink', atMs: 1234, partition: 0, isr: [1, 3], removed: [2] },
      { kind: 'isr-expand', atMs: 1234, partition: 1, isr: [1, 2, 3], added: [2] },
    ]);
    assert.deepEqual(partitionChanges([], after, 0), []);
    assert.equal(describeEvent(events[0]), 'partition 0: leader node 2 -> node 1 (election)');
    assert.equal(
      describeEvent({ kind: 'leader', atMs: 0, partition: 2, from: 3, to: -1 }),
      'partition 2: leader node 3 -> none (election)',
    );
  });

  it("names a producer error by Kafka's error under the client's wrappers", () => {
    const protocol = Object.assign(new Error('not enough'), {
      name: 'KafkaJSProtocolError',
      type: 'NOT_ENOUGH_REPLICAS',
    });
    const retries = Object.assign(new Error('retries'), {
      name: 'KafkaJSNumberOfRetriesExceeded',
      originalError: protocol,
    });
    assert.equal(errorKind(retries), 'NOT_ENOUGH_REPLICAS');
    assert.equal(
      errorKind(Object.assign(new Error('x'), { name: 'KafkaJSConnectionError' })),
      'KafkaJSConnectionError',
    );
    assert.equal(errorKind('boom'), 'boom');
  });
});
