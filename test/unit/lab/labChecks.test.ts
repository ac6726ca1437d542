import assert from 'node:assert/strict';
import { balanceHolds, checkGroup, fanoutHolds } from '../../../src/core/lab/labChecks';
import type { LabGroupView, LabMemberView } from '../../../src/core/lab/labTypes';

const partitions = [0, 1, 2, 3].map((partition) => ({ partition, messages: 10 * (partition + 1) }));

function member(
  name: string,
  owned: number[],
  read: Record<number, number>,
  state: LabMemberView['state'] = 'active',
): LabMemberView {
  const perPartition = Object.entries(read).map(([p, messages]) => ({ partition: Number(p), messages }));
  return {
    name,
    memberId: `${name}-id`,
    clientId: name,
    ours: true,
    state,
    partitions: owned,
    messages: perPartition.reduce((s, r) => s + r.messages, 0),
    perPartition,
  };
}

const view = (members: LabMemberView[]): LabGroupView => ({
  groupId: 'g',
  state: 'Stable',
  members,
  rebalances: 1,
  check: checkGroup(partitions, members),
});

describe('lab checks: load balancing and fanout', () => {
  it('a group whose members split the partitions and read each message once passes both', () => {
    const g = view([member('m1', [0, 2], { 0: 10, 2: 30 }), member('m2', [1, 3], { 1: 20, 3: 40 })]);
    assert.deepEqual(g.check, {
      disjoint: true,
      shared: [],
      covered: true,
      unowned: [],
      received: 100,
      expected: 100,
      everyMessageOnce: true,
    });
    assert.equal(balanceHolds([g, g]), true);
    assert.equal(fanoutHolds([g, g]), true);
  });

  it('names shared and unowned partitions', () => {
    const c = checkGroup(partitions, [member('m1', [0, 1], {}), member('m2', [1, 2], {})]);
    assert.deepEqual([c.disjoint, c.shared, c.covered, c.unowned], [false, [1], false, [3]]);
  });

  it('a stopped member keeps its counts: the group still adds up after a rebalance', () => {
    const g = view([
      member('m1', [0, 1], { 0: 10, 1: 5 }),
      member('m2', [], { 1: 15, 2: 30, 3: 40 }, 'stopped'),
      member('m3', [2, 3], {}),
    ]);
    assert.equal(g.check.everyMessageOnce, true);
    assert.equal(balanceHolds([g]), true);
  });

  it('a duplicate on one partition and a gap on another do not cancel out', () => {
    const g = view([member('m1', [0, 1], { 0: 11, 1: 19 }), member('m2', [2, 3], { 2: 30, 3: 40 })]);
    assert.equal(g.check.received, g.check.expected);
    assert.equal(g.check.everyMessageOnce, false);
    assert.equal(fanoutHolds([g]), false);
  });

  it('a group that has not read everything fails fanout, and no groups proves nothing', () => {
    const behind = view([member('m1', [0, 1, 2, 3], { 0: 10 })]);
    assert.equal(fanoutHolds([behind]), false);
    assert.equal(balanceHolds([behind]), false);
    assert.equal(fanoutHolds([]), false);
    assert.equal(balanceHolds([]), false);
  });
});
