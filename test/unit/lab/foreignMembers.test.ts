import assert from 'node:assert/strict';
import { ForeignMembers } from '../../../src/core/lab/foreignMembers';
import type { GroupMember } from '../../../src/core/kafka/ports';

const described = (memberId: string, clientId: string, partitions: number[], topic = 't'): GroupMember => ({
  memberId,
  clientId,
  host: '127.0.0.1',
  assignment: [{ topic, partitions }],
});

describe('foreign members of a lab group', () => {
  it('are the described members that are not ours, credited from committed offsets beyond what ours read', () => {
    const f = new ForeignMembers();
    assert.equal(f.seen, false);
    f.observe([described('ours-1', 'lab-m1', [0, 1]), described('py-1', 'python', [2, 3])], 't', new Set(['ours-1']));
    assert.equal(f.seen, true);
    // Partition 2: committed 50 of which ours read 20 before the rebalance; partition 3: 7.
    const views = f.views(
      new Map([
        [0, 99],
        [2, 50],
        [3, 7],
      ]),
      new Map([
        [0, 99],
        [2, 20],
      ]),
    );
    assert.deepEqual(views, [
      {
        name: 'python',
        memberId: 'py-1',
        clientId: 'python',
        host: '127.0.0.1',
        ours: false,
        state: 'foreign',
        partitions: [2, 3],
        messages: 37,
        perPartition: [
          { partition: 2, messages: 30 },
          { partition: 3, messages: 7 },
        ],
      },
    ]);
  });

  it('keeps a member that left, with no partitions and its credit, and numbers shared client ids', () => {
    const f = new ForeignMembers();
    f.observe([described('a', 'python', [0]), described('b', 'python', [1])], 't', new Set());
    assert.deepEqual([...f.labels().values()], ['python', 'python #2']);
    f.observe([described('b', 'python', [0, 1])], 't', new Set());
    const [a, b] = f.views(
      new Map([
        [0, 5],
        [1, 6],
      ]),
      new Map(),
    );
    assert.deepEqual([a.state, a.partitions, a.messages], ['stopped', [], 0]);
    assert.deepEqual([b.state, b.partitions, b.messages], ['foreign', [0, 1], 11]);
  });

  it('ignores partitions of other topics', () => {
    const f = new ForeignMembers();
    f.observe(
      [
        {
          memberId: 'x',
          clientId: 'x',
          host: 'h',
          assignment: [
            { topic: 'other', partitions: [0] },
            { topic: 't', partitions: [4] },
          ],
        },
      ],
      't',
      new Set(),
    );
    assert.deepEqual(f.views(new Map(), new Map())[0].partitions, [4]);
  });
});
