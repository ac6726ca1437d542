import assert from 'node:assert/strict';
import { SequenceAccount } from '../../../src/core/replication/account';

describe('replication lab account', () => {
  it('counts a clean run: everything acknowledged is read once', () => {
    const a = new SequenceAccount();
    const seqs = a.take(5);
    assert.deepEqual(seqs, [0, 1, 2, 3, 4]);
    a.acknowledged(seqs);
    for (const s of seqs) a.consumed(s);
    assert.equal(a.allAcknowledgedRead(), true);
    assert.deepEqual(a.snapshot(), {
      sent: 5,
      acknowledged: 5,
      failed: 0,
      consumed: 5,
      distinctConsumed: 5,
      lostAcknowledged: 0,
      lostSample: [],
      foundOnReread: 0,
      duplicates: 0,
      deliveredDespiteError: 0,
      gaps: 0,
    });
  });

  it('finds lost acknowledged messages, duplicates, gaps and messages written despite an error', () => {
    const a = new SequenceAccount();
    a.acknowledged(a.take(4)); // 0-3
    a.failed(a.take(3)); // 4-6
    a.acknowledged(a.take(3)); // 7-9
    for (const s of [0, 1, 1, 4, 7, 8, 8, 8]) a.consumed(s);
    assert.equal(a.allAcknowledgedRead(), false);
    const s = a.snapshot();
    assert.equal(s.acknowledged, 7);
    assert.equal(s.failed, 3);
    assert.equal(s.consumed, 8);
    assert.equal(s.distinctConsumed, 5);
    assert.equal(s.lostAcknowledged, 3); // 2, 3 and 9
    assert.deepEqual(s.lostSample, [2, 3, 9]);
    assert.equal(s.duplicates, 3);
    assert.equal(s.deliveredDespiteError, 1);
    assert.equal(s.gaps, 2); // 2-3 and 5-6; 9 is above the highest read
  });

  it('ignores reads of numbers this run never sent, and keeps an acknowledgement over a later failure', () => {
    const a = new SequenceAccount();
    const seqs = a.take(2);
    a.acknowledged(seqs);
    a.failed(seqs);
    for (const s of [0, 1, 2, -1, NaN, 0.5]) a.consumed(s);
    const s = a.snapshot();
    assert.deepEqual([s.acknowledged, s.failed, s.consumed, s.lostAcknowledged], [2, 0, 2, 0]);
  });

  it('calls lost only what a second read does not find in the topic either', () => {
    const a = new SequenceAccount();
    a.acknowledged(a.take(6)); // 0-5
    a.failed(a.take(1)); // 6
    for (const s of [0, 1, 2]) a.consumed(s);
    for (const s of [0, 3, 4, 6, 99, -1]) a.foundInTopic(s);
    const s = a.snapshot();
    assert.equal(s.lostAcknowledged, 1);
    assert.deepEqual(s.lostSample, [5]);
    assert.equal(s.foundOnReread, 2, '3 and 4: acknowledged, unread, in the topic');
    assert.equal(s.distinctConsumed, 3, 'what the second read found is no read of the consumer');
    assert.equal(s.deliveredDespiteError, 0);
    assert.equal(a.allAcknowledgedRead(), false);
  });
});
