import assert from 'node:assert/strict';
import { MessageList } from '../../../src/core/messages/messageList';
import { MessageRing } from '../../../src/core/messages/messageRing';

function setup(capacity: number) {
  const ring = new MessageRing(capacity);
  const list = new MessageList(ring);
  const push = (value: string) => {
    const seq = ring.push(0, ring.nextSeq, 0, null, value);
    list.pushed(seq, { value, key: null, partition: 0, offset: seq });
    return seq;
  };
  const values = () => [...list.seqs()].map((s) => ring.get(s)!.value);
  return { ring, list, push, values };
}

describe('MessageList', () => {
  it('is the whole buffer without a filter, positions being arrival numbers', () => {
    const { list, push } = setup(3);
    for (const v of ['a', 'b', 'c', 'd']) push(v);
    assert.deepEqual(list.info(), { version: 1, base: 1, count: 3, filter: '' });
    assert.equal(list.seqAt(0), undefined);
    assert.equal(list.seqAt(3), 3);
  });

  it('filters what is buffered in slices, then follows new messages in order', () => {
    const { list, push, values } = setup(100);
    for (let i = 0; i < 50; i++) push(i % 5 === 0 ? `hit ${i}` : `miss ${i}`);
    list.setFilter('hit', 'raw');
    assert.equal(list.scanning, true);
    let calls = 0;
    // A clock that runs out at once: each advance call scans one slice of 512 messages at most.
    const clock = () => calls++ * 1000;
    push('hit during scan');
    assert.equal(list.advance(1, clock), true);
    push('hit after');
    push('miss after');
    assert.deepEqual(values(), [
      'hit 0',
      'hit 5',
      'hit 10',
      'hit 15',
      'hit 20',
      'hit 25',
      'hit 30',
      'hit 35',
      'hit 40',
      'hit 45',
      'hit during scan',
      'hit after',
    ]);
    assert.equal(list.info().filterProgress, undefined);
    assert.equal(list.info().version, 2);
  });

  it('reports progress while a large buffer is being filtered', () => {
    const { list, push } = setup(5000);
    for (let i = 0; i < 5000; i++) push(`v${i}`);
    list.setFilter('v1', 'raw');
    let t = 0;
    list.advance(5, () => (t += 10));
    const progress = list.info().filterProgress!;
    assert.ok(progress > 0 && progress < 1, `progress ${progress}`);
  });

  it('drops matches that left the buffer without moving the positions of the others', () => {
    const { list, push, ring } = setup(4);
    for (const v of ['x1', 'y', 'x2', 'x3']) push(v);
    list.setFilter('x', 'raw');
    list.advance(50);
    assert.deepEqual(list.info(), { version: 2, base: 0, count: 3, filter: 'x' });
    const third = list.seqAt(2);
    push('y');
    push('x4'); // x1 and y leave the buffer
    const info = list.info();
    assert.deepEqual([info.base, info.count], [1, 3]);
    assert.equal(list.seqAt(2), third, 'x3 keeps its position');
    assert.equal(ring.get(list.seqAt(3)!)!.value, 'x4');
  });

  it('re-reads field terms when the format becomes known, and starts over when cleared', () => {
    const { list, push, values, ring } = setup(10);
    push('1 -- Timestamp : 2025-10-16 21:16:47.779100 - User_id : a1 -- Action : close -- Page : home');
    list.setFilter('action:close', undefined);
    list.advance(50);
    assert.deepEqual(values(), []);
    list.formatChanged('web');
    list.advance(50);
    assert.equal(values().length, 1);
    ring.clear();
    list.cleared();
    assert.deepEqual([list.info().count, list.listVersion], [0, 4]);
  });

  it('refuses a field the known format does not have and keeps the filter it had', () => {
    const { list } = setup(10);
    list.setFilter('action:close', 'web');
    const version = list.listVersion;
    assert.throws(() => list.setFilter('acton:close', 'web'), /unknown field acton — web fields: action, page/);
    assert.deepEqual([list.query, list.listVersion], ['action:close', version]);
  });
});
