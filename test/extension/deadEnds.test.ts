// No dead ends, against the real broker in KLL_TEST_BROKERS: a bad file is refused before any
// question (binary with "Send Anyway"), an unreachable cluster offers a way forward, a topic
// name that collides is refused with the reason, and the tree shows what the editor changed
// without the editor's own readers among the user's groups.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createKafkaClient, withAdmin } from '../../src/core/kafka/client';
import type { ProduceSummary } from '../../src/core/kafka/produceFile';
import type { KafkaLogLabApi } from '../../src/host/api';
import type { CommandFailure } from '../../src/host/runCommand';
import { extensionApi, rowAt, rows, testBrokers, uniqueName } from './support/explorerTree';
import { retryUntilPasses } from '../support/polling';

const CLUSTER = 'dead-ends-tests';
const UNREACHABLE = 'dead-ends-unreachable';
const LOCAL = 'local';

/** Runs a command and returns the failures it showed, with their buttons. */
async function failuresOf(api: KafkaLogLabApi, command: string, ...args: unknown[]): Promise<CommandFailure[]> {
  const mark = api.commands.failureCount();
  await vscode.commands.executeCommand(command, ...args);
  return api.commands.failuresSince(mark);
}

async function topicNames(api: KafkaLogLabApi): Promise<string[]> {
  api.explorer.refresh();
  return (await rows(api, (await rowAt(api, CLUSTER, 'Topics')).node)).map((r) => r.label);
}

describe('No dead ends in the editor', function () {
  this.timeout(120000);
  let api: KafkaLogLabApi;
  const brokers = testBrokers();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-dead-ends-'));
  const createdTopics: string[] = [];
  let addedLocal = false;

  before(async function () {
    if (!brokers) this.skip();
    api = await extensionApi();
    await vscode.commands.executeCommand('kafkaLogLab.addCluster', { name: CLUSTER, bootstrapServers: brokers });
    // Port 1 refuses every connection: a cluster that is configured but not running.
    await vscode.commands.executeCommand('kafkaLogLab.addCluster', {
      name: UNREACHABLE,
      bootstrapServers: '127.0.0.1:1',
    });
    const configured = vscode.workspace.getConfiguration('kafkaLogLab').get<Array<{ name: string }>>('clusters') ?? [];
    if (!configured.some((c) => c.name === LOCAL)) {
      await vscode.commands.executeCommand('kafkaLogLab.addCluster', { name: LOCAL, bootstrapServers: '127.0.0.1:1' });
      addedLocal = true;
    }
    await vscode.commands.executeCommand('kafkaLogLab.selectCluster', { name: CLUSTER });
  });

  after(async () => {
    if (!brokers) return;
    for (const topic of createdTopics) {
      await vscode.commands.executeCommand('kafkaLogLab.deleteTopic', {
        topic,
        cluster: CLUSTER,
        skipConfirmation: true,
      });
    }
    const remove = [UNREACHABLE, ...(addedLocal ? [LOCAL] : [])];
    for (const name of remove) {
      await vscode.commands.executeCommand('kafkaLogLab.removeCluster', { name, skipConfirmation: true });
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an empty file before any question and creates no topic', async () => {
    const base = uniqueName('empty');
    const file = path.join(dir, `${base}.log`);
    fs.writeFileSync(file, '');
    // No topic given: if the command asked its questions first, the quick pick would block here.
    const failures = await failuresOf(api, 'kafkaLogLab.produceFile', { file, cluster: CLUSTER });
    assert.equal(failures.length, 1);
    assert.equal(failures[0].message, `${file}: is empty; there is nothing to produce, so no topic was created`);
    assert.ok(!(await topicNames(api)).includes(base), 'no topic named after the empty file');
  });

  it('refuses a binary file before any question, with "Send Anyway" that sends it', async () => {
    const file = path.join(dir, `${uniqueName('binary')}.log`);
    fs.writeFileSync(file, Buffer.from('line one\nline\u0000two\n', 'latin1'));
    const [failure] = await failuresOf(api, 'kafkaLogLab.produceFile', { file, cluster: CLUSTER });
    assert.match(
      failure.message,
      /looks like a binary file \(NUL bytes in its first block\), not log lines; nothing was sent/,
    );
    assert.deepEqual(
      failure.actions.map((a) => a.title),
      ['Send Anyway'],
    );
    const [action] = failure.actions;
    const topic = uniqueName('ext-binary');
    createdTopics.push(topic);
    // The button's own command and arguments, with the topic a user would pick.
    const args = { ...(action.args![0] as object), topic };
    const summary = (await vscode.commands.executeCommand(action.command, args)) as ProduceSummary;
    assert.equal(summary?.acked, 2, JSON.stringify(summary));
  });

  it('offers Select Cluster when a configured cluster does not answer', async () => {
    const failures = await failuresOf(api, 'kafkaLogLab.consumeTopic', { cluster: UNREACHABLE });
    assert.equal(failures.length, 1, 'Open Dashboard on an unreachable cluster fails once');
    assert.match(failures[0].message, /^cannot reach the Kafka broker/);
    assert.deepEqual(
      failures[0].actions.map((a) => [a.title, a.command]),
      [['Select Cluster', 'kafkaLogLab.selectCluster']],
    );
  });

  it('offers Start Local Broker when the local cluster does not answer', async function () {
    if (!addedLocal) this.skip(); // a real local broker is configured: it may well answer
    const failures = await failuresOf(api, 'kafkaLogLab.createTopic', { topic: uniqueName('x'), cluster: LOCAL });
    assert.equal(failures.length, 1);
    assert.deepEqual(
      failures[0].actions.map((a) => [a.title, a.command]),
      [['Start Local Broker', 'kafkaLogLab.startLocalBroker']],
    );
  });

  it('refuses a topic name that collides after "." and "_" are swapped, and shows why', async () => {
    const underscored = uniqueName('ext_clash');
    createdTopics.push(underscored);
    await vscode.commands.executeCommand('kafkaLogLab.createTopic', {
      topic: underscored,
      partitions: 1,
      cluster: CLUSTER,
    });
    const dotted = underscored.replace('_', '.');
    const failures = await failuresOf(api, 'kafkaLogLab.createTopic', {
      topic: dotted,
      partitions: 1,
      cluster: CLUSTER,
    });
    assert.equal(failures.length, 1);
    assert.equal(
      failures[0].message,
      `topic name "${dotted}" collides with the existing topic "${underscored}": ` +
        'Kafka treats "." and "_" alike, so the two cannot both exist',
    );
    // Produce creates its topic itself: the broker refuses, and its reason is what the user reads.
    const file = path.join(dir, `${uniqueName('clash')}.log`);
    fs.writeFileSync(file, 'one line\n');
    const produced = await failuresOf(api, 'kafkaLogLab.produceFile', { file, topic: dotted, cluster: CLUSTER });
    assert.equal(produced.length, 1);
    assert.match(
      produced[0].message,
      new RegExp(`the broker refused to create topic "${dotted.replace(/\./g, '\\.')}": .*collide`, 'i'),
    );
  });

  it('shows a topic the editor created without a manual refresh', async () => {
    const topic = uniqueName('ext-fresh');
    createdTopics.push(topic);
    const folder = await rowAt(api, CLUSTER, 'Topics');
    assert.ok(!(await rows(api, folder.node)).some((r) => r.label === topic));
    await vscode.commands.executeCommand('kafkaLogLab.createTopic', { topic, partitions: 1, cluster: CLUSTER });
    await retryUntilPasses(async () => {
      const names = (await rows(api, (await rowAt(api, CLUSTER, 'Topics')).node)).map((r) => r.label);
      assert.ok(names.includes(topic), names.join(', '));
    });
  });

  it("does not list the dashboard's own reader as a consumer group", async () => {
    const topic = uniqueName('ext-reader');
    createdTopics.push(topic);
    await vscode.commands.executeCommand('kafkaLogLab.createTopic', { topic, partitions: 1, cluster: CLUSTER });
    await vscode.commands.executeCommand('kafkaLogLab.openDashboard', { topic, brokers: brokers!.split(',') });
    try {
      // The broker does know the reader's group: the tree must be what hides it.
      const client = createKafkaClient({ brokers: brokers!.split(','), clientId: 'dead-ends-test' });
      const reader = await retryUntilPasses(async () => {
        const groups = await withAdmin(client, (admin) => admin.listGroups());
        const found = groups.find((g) => g.groupId.startsWith('kafka-log-lab-reader-'));
        assert.ok(found, JSON.stringify(groups));
        return found.groupId;
      }, 60000);
      api.explorer.refresh();
      const groupRows = await rows(api, (await rowAt(api, CLUSTER, 'Consumer groups')).node);
      assert.ok(!groupRows.some((r) => r.label === reader), groupRows.map((r) => r.label).join(', '));
    } finally {
      await vscode.commands.executeCommand('kafkaLogLab.test.dashboardClose', topic);
    }
  });
});
