// Cluster connections without a broker: settings hold no password, an unreachable cluster
// shows one error row that leads to the logs, and Generate Logs writes a reproducible file.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GenerateSummary } from '../../src/core/generate';
import type { KafkaLogLabApi } from '../../src/host/api';
import { extensionApi, rowAt, rows, runCommand, uniqueName } from './support/explorerTree';

const clusterSettings = () => JSON.stringify(vscode.workspace.getConfiguration('kafkaLogLab').get('clusters'));

describe('Cluster connections', function () {
  this.timeout(60000);
  let api: KafkaLogLabApi;
  const secured = uniqueName('secured');
  const unreachable = uniqueName('unreachable');

  before(async () => {
    api = await extensionApi();
  });

  after(async () => {
    for (const name of [secured, unreachable]) {
      await vscode.commands.executeCommand('kafkaLogLab.removeCluster', { cluster: name, skipConfirmation: true });
    }
  });

  it('keeps a SASL password out of the settings', async () => {
    const password = `pw-${Math.random().toString(36).slice(2)}`;
    await vscode.commands.executeCommand('kafkaLogLab.addCluster', {
      name: secured,
      bootstrapServers: '127.0.0.1:1',
      ssl: true,
      saslMechanism: 'scram-sha-256',
      username: 'lab-user',
      password,
      activate: false,
    });
    const saved = (
      vscode.workspace.getConfiguration('kafkaLogLab').get('clusters') as Array<Record<string, unknown>>
    ).find((c) => c.name === secured);
    assert.deepEqual(saved, {
      name: secured,
      bootstrapServers: '127.0.0.1:1',
      ssl: true,
      saslMechanism: 'scram-sha-256',
      username: 'lab-user',
    });
    assert.ok(!clusterSettings().includes(password), 'the password was written to the settings');
    const row = await rowAt(api, secured);
    assert.match(row.contextValue, /^cluster/);
    assert.match(row.description, /127\.0\.0\.1:1 \(SSL, SASL SCRAM-SHA-256\)/);
  });

  it('rejects a bootstrap list that is not host:port, naming the entry', async () => {
    const before = clusterSettings();
    const { failures } = await runCommand(api, 'kafkaLogLab.addCluster', {
      name: uniqueName('bad'),
      bootstrapServers: 'localhost',
    });
    assert.deepEqual(failures, [
      'kafkaLogLab.addCluster: bootstrap servers: "localhost" has no port; expected HOST:PORT, e.g. localhost:9092',
    ]);
    assert.equal(clusterSettings(), before);
  });

  it('shows an unreachable cluster as one error row that opens the logs', async () => {
    await vscode.commands.executeCommand('kafkaLogLab.addCluster', {
      name: unreachable,
      bootstrapServers: '127.0.0.1:1',
      activate: false,
    });
    const cluster = await rowAt(api, unreachable);
    const children = await rows(api, cluster.node);
    assert.equal(children.length, 1);
    assert.equal(children[0].contextValue, 'error');
    assert.equal(children[0].label, 'Cannot reach 127.0.0.1:1');
    assert.match(children[0].description, /cannot reach the Kafka broker/);
    assert.equal(api.explorer.item(children[0].node).command?.command, 'kafkaLogLab.showLogs');
  });

  it('generates the same visitors and visits twice from the same seed', async () => {
    const write = async (name: string) =>
      (await vscode.commands.executeCommand('kafkaLogLab.generateLogs', {
        format: 'nginx',
        visitors: 25,
        seed: 'same',
        file: path.join('logs', name),
        open: false,
      })) as {
        file: string;
        summary: GenerateSummary;
      };
    const a = await write(`${uniqueName('nginx')}.log`);
    const b = await write(`${uniqueName('nginx')}.log`);
    assert.equal(a.summary.format, 'nginx');
    assert.ok(a.summary.lines > 0);
    assert.deepEqual(
      [b.summary.lines, b.summary.visitors, b.summary.sessions],
      [a.summary.lines, a.summary.visitors, a.summary.sessions],
    );
    const addresses = (file: string) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(' ')[0]);
    assert.deepEqual(addresses(b.file), addresses(a.file));
  });
});
