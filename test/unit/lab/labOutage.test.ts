import assert from 'node:assert/strict';
import { groupsDuringOutage } from '../../../src/core/lab/labOutage';
import type { LabGroupView, LabMemberView } from '../../../src/core/lab/labTypes';

const member = (name: string, state: LabMemberView['state']): LabMemberView => ({
  name,
  memberId: `${name}-id`,
  clientId: name,
  ours: state !== 'foreign',
  state,
  partitions: [0],
  messages: 7,
  perPartition: [{ partition: 0, messages: 7 }],
});

describe('groupsDuringOutage', () => {
  it('no group is Stable and no live member active while the broker cannot be reached; counts stay', () => {
    const group: LabGroupView = {
      groupId: 'g1',
      state: 'Stable',
      members: [member('m1', 'active'), member('m2', 'joining'), member('other', 'foreign'), member('m3', 'stopped')],
      rebalances: 1,
      check: {
        disjoint: true,
        shared: [],
        covered: true,
        unowned: [],
        received: 21,
        expected: 21,
        everyMessageOnce: true,
      },
    };
    const [shown] = groupsDuringOutage([group]);
    assert.equal(shown.state, 'Unknown');
    assert.deepEqual(
      shown.members.map((m) => m.state),
      ['unknown', 'unknown', 'unknown', 'stopped'],
    );
    assert.deepEqual(
      shown.members.map((m) => m.messages),
      [7, 7, 7, 7],
    );
    assert.equal(group.state, 'Stable', "the lab's own view is not changed");
  });
});
