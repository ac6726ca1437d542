// A consumer group run from the test (two real kafkajs members through the engine's ports)
// appears in the Kafka view with its members, their partitions, committed offsets and lag;
// once empty, its offsets are reset and it is deleted through the commands.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createKafkaClient } from '../../src/core/kafka/client';
import type { ConsumerPort } from '../../src/core/kafka/ports';
import type { KafkaLogLabApi } from '../../src/host/api';
import { extensionApi, rowAt, rows, testBrokers, uniqueName, type Row } from './support/explorerTree';
import { retryUntilPasses } from '../support/polling';

const CLUSTER = 'extension-tests';

async function produceGenerated(topic: string, visitors: number, seed: string): Promise<number> {
  const generated = (await vscode.commands.executeCommand('kafkaLogLab.generateLogs', {
    format: 'web',
    visitors,
    seed,
    file: path.join('logs', `${topic}-${seed}.log`),
    open: false,
  })) as { file: string };
  const summary = (await vscode.commands.executeCommand('kafkaLogLab.produceFile', {
    file: generated.file,
    topic,
  })) as { acked: number; complete: boolean };
  assert.ok(summary.complete);
  return summary.acked;
}

const lagOf = (r: Row) => Number(/lag ([\d,]+)/.exec(r.description)?.[1].replace(/,/g, '') ?? NaN);

describe('Consumer groups in the Kafka view', function () {
  this.timeout(180000);
  const brokers = testBrokers();
  let api: KafkaLogLabApi;
  const topic = uniqueName('ext-groups');
  const groupId = uniqueName('ext-group');
  const members: ConsumerPort[] = [];

  before(async function () {
    if (!brokers) this.skip();
    api = await extensionApi();
    await vscode.commands.executeCommand('kafkaLogLab.addCluster', { name: CLUSTER, bootstrapServers: brokers });
    await vscode.commands.executeCommand('kafkaLogLab.createTopic', { topic, partitions: 4 });
  });

  after(async () => {
    if (!brokers) return;
    await Promise.all(members.map((m) => m.disconnect().catch(() => undefined)));
    await vscode.commands.executeCommand('kafkaLogLab.deleteTopic', { topic, skipConfirmation: true });
  });

  it('shows the members, their partitions, committed offsets and lag, then resets and deletes the group', async () => {
    const produced = await produceGenerated(topic, 30, 'first');
    let consumed = 0;
    const assigned = new Map<string, number[]>();
    for (const name of ['member-a', 'member-b']) {
      const client = createKafkaClient({ brokers: brokers!.split(','), clientId: `kll-test-${name}` });
      const consumer = client.consumer({ groupId, sessionTimeoutMs: 10000, heartbeatIntervalMs: 500 });
      consumer.onAssignment((e) =>
        assigned.set(
          name,
          e.assignment.flatMap((a) => a.partitions),
        ),
      );
      await consumer.connect();
      await consumer.run({
        topics: [topic],
        fromBeginning: true,
        eachBatch: async (batch) => void (consumed += batch.messages.length),
      });
      members.push(consumer);
    }
    await retryUntilPasses(async () => {
      assert.ok(consumed >= produced, `consumed ${consumed} of ${produced}`);
      assert.equal([...assigned.values()].filter((p) => p.length > 0).length, 2, 'both members own partitions');
    }, 60000);

    // Stop fetching, then add messages nobody reads: they are the group's lag.
    members.forEach((m) => m.pause());
    await new Promise((r) => setTimeout(r, 1500));
    const extra = await produceGenerated(topic, 5, 'extra');

    const group = await retryUntilPasses(async () => {
      api.explorer.refresh();
      const g = await rowAt(api, CLUSTER, 'Consumer groups', groupId);
      await rows(api, g.node);
      const shown = api.explorer.item(g.node).description as string;
      assert.match(shown, new RegExp(`^Stable · 2 members · lag ${extra.toLocaleString('en-US')}$`));
      return g;
    }, 60000);
    assert.equal(group.contextValue, 'group.active');

    const memberRows = await rows(api, group.node);
    assert.deepEqual(memberRows.map((m) => m.label).sort(), ['kll-test-member-a', 'kll-test-member-b']);
    const owned: number[] = [];
    let lag = 0;
    for (const member of memberRows) {
      assert.match(member.description, new RegExp(`${topic} \\[\\d+(, \\d+)*\\]`));
      for (const p of await rows(api, member.node)) {
        const m = /^(.+) \/ (\d+)$/.exec(p.label)!;
        assert.equal(m[1], topic);
        owned.push(Number(m[2]));
        assert.match(p.description, /^committed [\d,]+ · end [\d,]+ · lag [\d,]+$/);
        lag += lagOf(p);
      }
    }
    assert.deepEqual(owned.sort(), [0, 1, 2, 3], 'the members own disjoint partitions covering the topic');
    assert.equal(lag, extra);

    // Kafka refuses resets while members are connected; once they leave the group is Empty.
    await Promise.all(members.splice(0).map((m) => m.disconnect()));
    await retryUntilPasses(async () => {
      api.explorer.refresh();
      const g = await rowAt(api, CLUSTER, 'Consumer groups', groupId);
      assert.equal(g.contextValue, 'group.empty');
    });
    await vscode.commands.executeCommand('kafkaLogLab.resetGroupOffsets', { groupId, to: 'earliest' });
    api.explorer.refresh();
    const reset = await rowAt(api, CLUSTER, 'Consumer groups', groupId);
    const unassigned = await rows(api, reset.node);
    assert.equal(unassigned.length, 4);
    assert.ok(unassigned.every((p) => p.description.endsWith('· unassigned')));
    assert.equal(
      unassigned.reduce((sum, p) => sum + lagOf(p), 0),
      produced + extra,
    );

    await vscode.commands.executeCommand('kafkaLogLab.deleteGroup', { groupId, skipConfirmation: true });
    api.explorer.refresh();
    const left = await rows(api, (await rowAt(api, CLUSTER, 'Consumer groups')).node);
    assert.ok(!left.some((r) => r.label === groupId), 'the deleted group is gone');
  });
});
