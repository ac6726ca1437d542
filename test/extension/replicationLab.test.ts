// The Replication Lab inside a real VS Code: the command starts a 3-node JVM cluster of the
// lab's own, opens the panel, and the webview shows the brokers and each partition's leader.
// A broker is killed through the same message the Kill button sends; the panel shows it down,
// the account still loses nothing acknowledged (acks=all, min ISR 2), and the node comes back.
// One cluster start per run: it takes 40-100 s on a small machine.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type {
  ReplicationHostMessage,
  ReplicationLabRendered,
  ReplicationLabState,
} from '../../src/shared/replicationProtocol';
import { pollUntil } from '../support/polling';

const rendered = () =>
  vscode.commands.executeCommand<ReplicationLabRendered>('kafkaLogLab.test.replicationLabRendered');
const state = () => vscode.commands.executeCommand<ReplicationLabState>('kafkaLogLab.test.replicationLabState');
let requestId = 0;
const act = (action: Record<string, unknown>) =>
  vscode.commands.executeCommand<ReplicationHostMessage | undefined>('kafkaLogLab.test.replicationLabReceive', {
    ...action,
    id: ++requestId,
  });

/** The host's `done` for the last request, without an error. */
function assertDone(reply: ReplicationHostMessage | undefined): void {
  assert.equal(reply?.type, 'done');
  assert.equal((reply as { requestId: number }).requestId, requestId);
  assert.equal((reply as { error?: string }).error, undefined);
}

// The suite runs in two VS Code flavours; the cluster is too heavy to start twice per suite run.
const skipReason =
  process.env.KLL_VSCODE === 'current'
    ? 'pending: runs in the min VS Code flavour only (one 3-node cluster start per suite run)'
    : undefined;
const title = 'starts a 3-node cluster, shows leaders, and a killed broker loses no acknowledged message';

describe('Replication Lab panel', function () {
  this.timeout(420000);

  after(async () => {
    if (!skipReason) await vscode.commands.executeCommand('kafkaLogLab.test.replicationLabClose');
  });

  (skipReason ? it.skip : it)(skipReason ? `${title} (${skipReason})` : title, async () => {
    await vscode.extensions.getExtension('kafka-log-lab.kafka-log-lab')!.activate();
    const opened = await vscode.commands.executeCommand<{ topic: string }>('kafkaLogLab.openReplicationLab', {
      acks: 'all',
      minIsr: 2,
      rate: 40,
      ownCluster: true,
    });
    assert.match(opened.topic, /^replication-lab-/);

    const before = await pollUntil(
      'three brokers up and three partitions with a leader and 3 in sync',
      rendered,
      (r) =>
        r.brokers.length === 3 &&
        r.brokers.every((b) => b.state.includes('up')) &&
        r.partitions.length === 3 &&
        r.partitions.every(
          (p) => p.replicas.length === 3 && p.replicas.filter((x) => x.includes('leader')).length === 1,
        ),
    );
    assert.equal(before.brokers.filter((b) => b.state.includes('controller')).length, 1);
    assert.match(before.notice, /stops the lab and the 3-node cluster it started/);

    // Kill the leader of partition 0, as the Kill button does.
    const victim = (await state()).partitions.find((p) => p.partition === 0)!.leader;
    const killed = await act({ type: 'node', action: 'kill', nodeId: victim });
    assertDone(killed);
    const during = await pollUntil(
      `node ${victim} down, partition 0 led by another node, messages acknowledged after the kill`,
      async () => ({ r: await rendered(), s: await state() }),
      ({ r, s }) =>
        r.brokers.find((b) => b.name === `Node ${victim}`)?.state === '○ down' &&
        s.partitions.find((p) => p.partition === 0)!.leader !== victim &&
        s.partitions.every((p) => p.leader > 0) &&
        s.timeline.some((t) => t.kind === 'leader'),
      120000,
    );
    const ackedAtKill = during.s.account!.acknowledged;
    const after = await pollUntil(
      'the producer to go on being acknowledged with one broker down',
      state,
      (s) => s.account!.acknowledged > ackedAtKill + 80,
      60000,
    );
    assert.equal(after.account!.duplicates, 0);
    const shown = await rendered();
    assert.match(shown.account.lost, /not read yet$/);
    assert.ok(
      shown.timeline.some((t) => t.includes(`killing (SIGKILL) node ${victim}`)),
      shown.timeline.join('\n'),
    );

    const started = await act({ type: 'node', action: 'start', nodeId: victim });
    assertDone(started);
    await pollUntil(
      `node ${victim} up again and back in every ISR`,
      state,
      (s) => s.brokers.every((b) => b.state === 'up') && s.partitions.every((p) => p.isr.length === 3),
      180000,
    );
    // The verdict: stop producing, let the consumer read everything, count (the Finish button's message).
    const finished = await act({ type: 'finish' });
    assertDone(finished);
    const final = await state();
    assert.equal(final.phase, 'done');
    assert.ok(final.account!.acknowledged > ackedAtKill, JSON.stringify(final.account));
    assert.equal(final.account!.lostAcknowledged, 0);
    assert.equal(final.account!.duplicates, 0);
    const shownFinal = await pollUntil('the final account shown', rendered, (r) => r.account.lost === '0 ✓');
    assert.equal(shownFinal.account.duplicates, '0 ✓');
  });
});
