// The Consumer Group Lab inside a real VS Code: the command opens the panel, the extension host
// runs real consumers against the suite's broker, and the webview shows what they do. The
// webview's actions are sent through the same protocol its buttons use.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createKafkaClient, withAdmin } from '../../src/core/kafka/client';
import type { LabSnapshot } from '../../src/core/lab/labTypes';
import type { GroupLabHostMessage, GroupLabRendered } from '../../src/shared/groupLabProtocol';
import { pollUntil } from '../support/polling';

const brokers = process.env.KLL_TEST_BROKERS;
const topic = `ext-group-lab-${Date.now().toString(36)}`;

const rendered = () => vscode.commands.executeCommand<GroupLabRendered>('kafkaLogLab.test.groupLabRendered', topic);
const snapshot = () => vscode.commands.executeCommand<LabSnapshot>('kafkaLogLab.test.groupLabSnapshot', topic);
let requestId = 0;
const act = (action: Record<string, unknown>) =>
  vscode.commands.executeCommand<GroupLabHostMessage | undefined>('kafkaLogLab.test.groupLabReceive', topic, {
    ...action,
    id: ++requestId,
  });

const partitionsOf = (texts: string[]) =>
  texts.map((t) => Number(/^P(\d+)$/.exec(t.trim())?.[1])).sort((a, b) => a - b);
const numberIn = (text: string) => Number(text.replace(/[^\d]/g, ''));

describe('Consumer Group Lab panel', function () {
  this.timeout(180000);
  let groups: string[] = [];

  before(async function () {
    if (!brokers) this.skip();
    await vscode.extensions.getExtension('kafka-log-lab.kafka-log-lab')!.activate();
  });

  after(async () => {
    if (!brokers) return;
    const open = await vscode.commands.executeCommand<string[]>('kafkaLogLab.test.groupLabPanels');
    if (open.includes(topic)) await vscode.commands.executeCommand('kafkaLogLab.test.groupLabClose', topic);
    await withAdmin(createKafkaClient({ brokers: brokers.split(',') }), (admin) => admin.deleteTopics([topic])).catch(
      () => undefined,
    );
  });

  it('runs 2 groups of 2 real consumers and the webview shows load balancing and fanout with their numbers', async () => {
    const opened = await vscode.commands.executeCommand<{ topic: string; groups: string[] }>(
      'kafkaLogLab.openGroupLab',
      { topic, groups: 2, members: 2, partitions: 4, brokers },
    );
    groups = opened.groups;
    assert.equal(groups.length, 2);
    const reply = await act({ type: 'produce', count: 800 });
    assert.equal(reply?.type, 'done');
    assert.equal((reply as { error?: string }).error, undefined);

    const shown = await pollUntil(
      'both facts to hold for 800 messages',
      rendered,
      (r) => r.facts.length === 2 && r.facts.every((f) => f.verdict === '✓ holds' && f.text.includes('800')),
    );
    assert.equal(shown.title, `Consumer Group Lab: ${topic}`);
    assert.deepEqual(
      shown.partitions.map((p) => p.split(' ')[0]),
      ['P0', 'P1', 'P2', 'P3'],
    );
    assert.deepEqual(
      shown.groups.map((g) => g.groupId),
      groups,
    );
    for (const g of shown.groups) {
      assert.match(g.check, /^✓ all 800 messages, each once · partitions 0–3 each owned once$/);
      assert.match(g.summary, /^Stable · 2 members · \d+ rebalances?$/);
      assert.deepEqual(
        g.members.map((m) => [m.name, m.kind, m.state]),
        [
          ['m1', 'started here', 'active'],
          ['m2', 'started here', 'active'],
        ],
      );
      assert.deepEqual(
        partitionsOf(g.members.flatMap((m) => m.partitions)),
        [0, 1, 2, 3],
        'disjoint partitions covering the topic',
      );
      assert.equal(
        g.members.reduce((s, m) => s + numberIn(m.messages), 0),
        800,
        "the members' counts add up to the messages",
      );
    }
    // The webview shows the host's numbers.
    const host = await snapshot();
    assert.equal(host.messages, 800);
    assert.equal(host.fanoutOk && host.balanceOk, true);
    assert.deepEqual(
      shown.groups[0].members.map((m) => numberIn(m.messages)),
      host.groups[0].members.map((m) => m.messages),
    );
    assert.ok(
      shown.buttons.includes(`Stop member m1 of ${groups[0]}`) &&
        shown.buttons.includes(`Add a member to ${groups[1]}`) &&
        shown.buttons.includes('Produce'),
    );
  });

  it('stop, add member and add group rebalance as shown in the timeline; closing the panel stops every consumer', async () => {
    assert.deepEqual(await act({ type: 'stopMember', groupId: groups[0], member: 'm1' }), {
      type: 'done',
      requestId,
      error: undefined,
    });
    await act({ type: 'addMember', groupId: groups[1] });
    await act({ type: 'produce', count: 200 });
    const shown = await pollUntil(
      'the rebalances and 1,000 messages in every group',
      rendered,
      (r) =>
        r.timeline.some((t) => t.includes(groups[0]) && t.endsWith('m1 left')) &&
        r.timeline.some((t) => t.includes(groups[1]) && t.endsWith('m3 joined')) &&
        r.groups.every((g) => g.check.startsWith('✓ all 1,000 messages')),
    );
    const [g1, g2] = shown.groups;
    assert.deepEqual(
      g1.members.map((m) => [m.name, m.state]),
      [
        ['m1', 'stopped'],
        ['m2', 'active'],
      ],
    );
    assert.deepEqual(g1.members[0].partitions, [], 'a stopped member owns nothing');
    assert.deepEqual(
      partitionsOf(g1.members[1].partitions),
      [0, 1, 2, 3],
      'the remaining member took over every partition',
    );
    assert.equal(g2.members.length, 3);
    assert.deepEqual(partitionsOf(g2.members.flatMap((m) => m.partitions)), [0, 1, 2, 3]);

    assert.equal(await act({ type: 'produce', count: -5 }), undefined, 'a malformed request is ignored');
    await act({ type: 'addGroup' });
    const three = await pollUntil(
      'a third group that read every message',
      rendered,
      (r) => r.groups.length === 3 && r.groups[2].check.startsWith('✓ all 1,000 messages'),
    );
    assert.equal(three.groups[2].members.length, 2);

    const labGroups = (await snapshot()).groups.map((g) => g.groupId);
    await vscode.commands.executeCommand('kafkaLogLab.test.groupLabClose', topic);
    assert.deepEqual(await vscode.commands.executeCommand('kafkaLogLab.test.groupLabPanels'), []);
    const left = await withAdmin(createKafkaClient({ brokers: brokers!.split(',') }), (admin) =>
      admin.describeGroups(labGroups),
    );
    for (const g of left)
      assert.ok(
        ['Dead', 'Empty'].includes(g.state) && g.members.length === 0,
        `${g.groupId} has no consumer left: ${g.state}`,
      );
  });
});
