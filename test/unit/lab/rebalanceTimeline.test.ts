import assert from 'node:assert/strict';
import { RebalanceTimeline, type ObservedMember } from '../../../src/core/lab/rebalanceTimeline';

const m = (member: string, partitions: number[], ours = true): ObservedMember => ({
  memberId: `${member}-id`,
  member,
  ours,
  partitions,
});

describe('rebalance timeline', () => {
  it('reports a group forming, a member leaving and a foreign member joining, once each', () => {
    const t = new RebalanceTimeline();
    const formed = t.observe('g', 'Stable', [m('m2', [1, 3]), m('m1', [0, 2])], 1000);
    assert.deepEqual(formed, {
      seq: 1,
      atMs: 1000,
      groupId: 'g',
      joined: ['m1', 'm2'],
      left: [],
      assignment: [
        { member: 'm1', ours: true, partitions: [0, 2] },
        { member: 'm2', ours: true, partitions: [1, 3] },
      ],
    });
    assert.equal(
      t.observe('g', 'Stable', [m('m1', [0, 2]), m('m2', [1, 3])], 2000),
      undefined,
      'same assignment, no event',
    );
    assert.equal(t.observe('g', 'PreparingRebalance', [m('m1', [0, 2])], 3000), undefined, 'only settled states count');
    const left = t.observe('g', 'Stable', [m('m1', [0, 1, 2, 3])], 4000)!;
    assert.deepEqual([left.seq, left.joined, left.left], [2, [], ['m2']]);
    const joined = t.observe('g', 'Stable', [m('m1', [0, 2]), m('python', [1, 3], false)], 5000)!;
    assert.deepEqual(
      [joined.joined, joined.left, joined.assignment[1]],
      [['python'], [], { member: 'python', ours: false, partitions: [1, 3] }],
    );
    assert.equal(t.rebalancesOf('g'), 3);
    assert.equal(t.rebalancesOf('other'), 0);
  });

  it('an empty group is settled too: everybody left', () => {
    const t = new RebalanceTimeline();
    assert.equal(t.observe('g', 'Empty', [], 1), undefined, 'nothing to report before anyone joined');
    t.observe('g', 'Stable', [m('m1', [0])], 2);
    assert.deepEqual(t.observe('g', 'Empty', [], 3)?.left, ['m1']);
  });

  it('keeps only the newest events', () => {
    const t = new RebalanceTimeline(2);
    for (let i = 0; i < 5; i++) t.observe('g', 'Stable', [m('m1', [i])], i);
    assert.deepEqual(
      t.events().map((e) => e.seq),
      [4, 5],
    );
    assert.equal(t.rebalancesOf('g'), 5);
  });
});
