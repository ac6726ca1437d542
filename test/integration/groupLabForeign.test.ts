// A consumer the lab did not start (Debian's python3-confluent-kafka, i.e. librdkafka, with its
// default settings) joins one of the lab's groups: the lab shows it from the group
// description with the partitions the Python side itself reports, credits it with what it
// read (from the committed offsets), and sees it leave again.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { createKafkaClient, withAdmin } from '../../src/core/kafka/client';
import { GroupLab } from '../../src/core/lab/groupLab';
import type { LabGroupView, LabMemberView, RebalanceEvent } from '../../src/core/lab/labTypes';
import { testBrokers, uniqueName } from './support/testBroker';
import { pollUntil } from '../support/polling';

// Debian's interpreter: the one python3-confluent-kafka is installed for.
const PYTHON = '/usr/bin/python3';
const SCRIPT = path.resolve(__dirname, '../../../test/integration/support/pythonConsumer.py');
const CLIENT_ID = 'python-lab-consumer';

interface PythonConsumer {
  child: ChildProcessWithoutNullStreams;
  assigned: number[] | undefined;
  messages: number;
  closed: boolean;
  errors: string[];
}

function startPython(brokers: string, topic: string, group: string): PythonConsumer {
  const child = spawn(PYTHON, [SCRIPT, brokers, topic, group, CLIENT_ID]);
  const state: PythonConsumer = { child, assigned: undefined, messages: 0, closed: false, errors: [] };
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const e = JSON.parse(line) as { event: string; partitions?: number[]; messages?: number; error?: string };
    if (e.event === 'assigned') state.assigned = e.partitions;
    if (e.event === 'count' || e.event === 'closed') state.messages = e.messages!;
    if (e.event === 'closed') state.closed = true;
    if (e.event === 'error') state.errors.push(e.error!);
  });
  child.stderr.on('data', (d) => state.errors.push(String(d)));
  return state;
}

describe('consumer-group lab: a foreign Python consumer in a lab group', function () {
  this.timeout(180000);
  const topic = uniqueName('lab-foreign');
  const events: RebalanceEvent[] = [];
  let lab: GroupLab;
  let python: PythonConsumer | undefined;

  before(async () => {
    const brokers = testBrokers();
    lab = new GroupLab(
      { topic, groups: 2, membersPerGroup: 2, partitions: 6 },
      {
        client: createKafkaClient({ brokers, clientId: 'lab-test' }),
        memberClient: (clientId) => ({ client: createKafkaClient({ brokers, clientId }), clientId }),
      },
    );
    lab.onRebalance((e) => events.push(e));
    await lab.start();
    await lab.waitForStable(90000);
    await lab.produce(1200);
  });

  after(async () => {
    if (python && python.child.exitCode === null) python.child.kill('SIGKILL');
    await lab?.stop();
    await withAdmin(createKafkaClient({ brokers: testBrokers() }), (admin) => admin.deleteTopics([topic])).catch(
      () => undefined,
    );
  });

  it('shows the Python member with its partitions, credits what it read, and sees it leave', async () => {
    const groupId = lab.snapshot().groups[0].groupId;
    const group = (): LabGroupView => lab.snapshot().groups.find((g) => g.groupId === groupId)!;
    const foreign = (): LabMemberView | undefined => group().members.find((m) => !m.ours);
    python = startPython(testBrokers().join(','), topic, groupId);

    // The lab shows what the Python consumer itself says it owns.
    const shown = await pollUntil('the Python member in the lab with the partitions it reports', () => {
      const f = foreign();
      const own = python!.assigned;
      return f && own && own.length > 0 && f.partitions.join() === own.join() && group().state === 'Stable'
        ? f
        : undefined;
    });
    assert.equal(shown.clientId, CLIENT_ID);
    assert.equal(shown.name, CLIENT_ID);
    assert.equal(shown.state, 'foreign');
    assert.match(shown.memberId ?? '', new RegExp(`^${CLIENT_ID}-`));
    assert.ok(shown.host, 'the host it connects from');
    const ours = group()
      .members.filter((m) => m.ours)
      .flatMap((m) => m.partitions);
    assert.deepEqual(
      [...ours, ...shown.partitions].sort((a, b) => a - b),
      [0, 1, 2, 3, 4, 5],
      'ours and the Python member share the 6 partitions without overlap',
    );
    const joined = await pollUntil('a rebalance event naming it', () =>
      events.find((e) => e.groupId === groupId && e.joined.includes(CLIENT_ID)),
    );
    assert.deepEqual(joined.assignment.find((a) => a.member === CLIENT_ID)?.partitions, shown.partitions);
    assert.equal(joined.assignment.find((a) => a.member === CLIENT_ID)?.ours, false);

    // New messages on its partitions go to the Python member; the group still gets all of them.
    await lab.produce(600);
    const credited = await pollUntil('the group to account for every message', () => {
      const g = group();
      const f = foreign();
      return g.check.everyMessageOnce && f && f.messages === python!.messages && python!.messages > 0 ? g : undefined;
    });
    assert.equal(credited.check.received, 1800);
    assert.deepEqual(python.errors, []);
    const other = lab.snapshot().groups.find((g) => g.groupId !== groupId)!;
    assert.ok(
      other.members.every((m) => m.ours),
      'the other group has only our members',
    );
    assert.equal(other.check.received, 1800, 'and still reads every message');

    // It leaves: the lab keeps its count, shows it as gone, and our members own everything again.
    python.child.kill('SIGTERM');
    await pollUntil('the Python consumer to close', () => (python!.closed ? true : undefined), undefined, 30000);
    await pollUntil('a rebalance event for its leaving', () =>
      events.find((e) => e.groupId === groupId && e.left.includes(CLIENT_ID)),
    );
    await lab.waitForStable(60000);
    const gone = foreign()!;
    assert.equal(gone.state, 'stopped');
    assert.deepEqual(gone.partitions, []);
    assert.equal(gone.messages, python.messages);
    assert.equal(group().check.covered, true);
  });
});
