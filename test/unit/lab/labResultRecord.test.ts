import assert from 'node:assert/strict';
import { checkGroup } from '../../../src/core/lab/labChecks';
import { labResultOf, loadLabResult, saveLabResult } from '../../../src/core/lab/labResultRecord';
import type { LabMemberView, LabSnapshot } from '../../../src/core/lab/labTypes';
import { groupLabLines } from '../../../src/core/report/groupLabSection';
import { useTempDir } from '../tempFiles';

const partitions = [0, 1].map((partition) => ({ partition, messages: 5 }));

function member(name: string, partition: number): LabMemberView {
  return {
    name,
    memberId: `${name}-id`,
    clientId: `lab-g1-${name}`,
    ours: true,
    state: 'active',
    partitions: [partition],
    messages: 5,
    perPartition: [{ partition, messages: 5 }],
  };
}

function snapshot(messages: number, status: 'live' | 'disconnected' = 'live'): LabSnapshot {
  const members = [member('m1', 0), member('m2', 1)];
  return {
    topic: 'web|logs',
    phase: 'running',
    connection: { status, sinceMs: 0 } as LabSnapshot['connection'],
    partitions,
    messages,
    producedByLab: messages,
    groups: [{ groupId: 'lab-g1', state: 'Stable', members, rebalances: 1, check: checkGroup(partitions, members) }],
    events: [],
    balanceOk: true,
    fanoutOk: true,
  };
}

describe('the consumer-group lab result kept for reports', () => {
  const dir = useTempDir();

  it('keeps nothing that proves nothing: no messages yet, or the broker away', () => {
    assert.equal(labResultOf(snapshot(0)), undefined);
    assert.equal(labResultOf(snapshot(10, 'disconnected')), undefined);
  });

  it('is read back per topic, and only for that topic', () => {
    const record = labResultOf(snapshot(10), new Date('2026-01-02T03:04:05Z'))!;
    saveLabResult(record, dir());
    assert.deepEqual(loadLabResult('web|logs', dir()), record);
    assert.equal(loadLabResult('other', dir()), undefined);
    assert.deepEqual(record.groups[0].members[1], { name: 'm2', clientId: 'lab-g1-m2', partitions: [1], messages: 5 });
  });

  it('shows in the report as verdicts and one row per member; without a record it says how to get one', () => {
    const lines = groupLabLines('web|logs', labResultOf(snapshot(10), new Date('2026-01-02T03:04:05Z')));
    assert.match(lines.join('\n'), /Load balancing holds/);
    assert.match(lines.join('\n'), /Fanout holds: lab-g1 received 10 of 10/);
    assert.ok(lines.includes('| lab-g1 | m1 | 0 | 5 |'));
    assert.match(groupLabLines('t', undefined).join('\n'), /kafka-log-lab lab groups --topic t/);
  });
});
