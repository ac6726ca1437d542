// "Start Local Broker" in the real VS Code, on the JVM engine and a port of its own: the
// broker becomes the "local" cluster (settings and the Kafka view), its logs reach the log
// channel, and "Stop Local Broker" really stops it.
import assert from 'node:assert/strict';
import * as net from 'node:net';
import * as vscode from 'vscode';
import type { KafkaLogLabApi } from '../../src/host/api';
import type { ClusterConfig } from '../../src/host/settings';
import { extensionApi, rowAt, rows } from './support/explorerTree';
import { retryUntilPasses } from '../support/polling';
import { freePort } from '../../src/core/broker/freePort';

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('Local broker commands', function () {
  this.timeout(240000);
  let api: KafkaLogLabApi;
  let port: number;
  let bootstrap: string;
  let started = false;

  before(async () => {
    api = await extensionApi();
    port = await freePort();
    bootstrap = `127.0.0.1:${port}`;
  });

  after(async () => {
    if (started) await vscode.commands.executeCommand('kafkaLogLab.stopLocalBroker');
    const clusters = vscode.workspace.getConfiguration('kafkaLogLab').get<ClusterConfig[]>('clusters') ?? [];
    if (clusters.some((c) => c.name === 'local' && c.bootstrapServers === bootstrap)) {
      await vscode.commands.executeCommand('kafkaLogLab.removeCluster', { name: 'local', skipConfirmation: true });
    }
  });

  it('starts a JVM broker that becomes the "local" cluster in the settings and the Kafka view', async () => {
    const result = await vscode.commands.executeCommand('kafkaLogLab.startLocalBroker', { port, engine: 'jvm' });
    started = result === bootstrap;
    assert.equal(
      result,
      bootstrap,
      'the start command did not return the broker address (see the "Kafka Log Lab" log)',
    );

    const clusters = vscode.workspace.getConfiguration('kafkaLogLab').get<ClusterConfig[]>('clusters') ?? [];
    assert.ok(
      clusters.some((c) => c.name === 'local' && c.bootstrapServers === bootstrap),
      `no "local" cluster at ${bootstrap} in ${JSON.stringify(clusters)}`,
    );
    assert.equal(vscode.workspace.getConfiguration('kafkaLogLab').get('activeCluster'), 'local');

    await vscode.commands.executeCommand('kafkaLogLab.explorer.focus');
    await retryUntilPasses(async () => {
      api.explorer.refresh();
      const cluster = await rowAt(api, 'local');
      assert.equal(cluster.contextValue, 'cluster.active');
      assert.match(cluster.description, new RegExp(bootstrap.replace(/[.]/g, '\\.')));
      const folder = await rowAt(api, 'local', 'Brokers');
      assert.equal(folder.description, '1 broker');
      const [broker] = await rows(api, folder.node);
      assert.match(broker.label, /^broker \d+$/);
      assert.match(broker.description, new RegExp(`:${port}\\b`));
    });
  });

  it('shows the broker logs in the log channel', async function () {
    if (!started) this.skip();
    const shown = (await vscode.commands.executeCommand('kafkaLogLab.showLocalBrokerLogs')) as
      { engine: string; lines: number } | undefined;
    assert.ok(shown, 'Show Local Broker Logs returned nothing');
    assert.equal(shown.engine, 'jvm');
    assert.ok(shown.lines > 0, 'no [broker] lines were written to the log channel');
  });

  it("keeps its topics across Stop and Start (the data stays in the extension's storage)", async function () {
    if (!started) this.skip();
    const topic = `kept-${Date.now().toString(36)}`;
    await vscode.commands.executeCommand('kafkaLogLab.createTopic', { cluster: 'local', topic, partitions: 1 });
    assert.equal(await vscode.commands.executeCommand('kafkaLogLab.stopLocalBroker'), true);
    started = false;
    await retryUntilPasses(async () => assert.equal(await answers(port), false), 30000);
    const again = await vscode.commands.executeCommand('kafkaLogLab.startLocalBroker', { port, engine: 'jvm' });
    started = again === bootstrap;
    assert.equal(again, bootstrap);
    await retryUntilPasses(async () => {
      api.explorer.refresh();
      const folder = await rowAt(api, 'local', 'Topics');
      const names = (await rows(api, folder.node)).map((r) => r.label);
      assert.ok(names.includes(topic), `${topic} is gone after Stop and Start: ${names.join(', ')}`);
    });
  });

  it('stops the broker, which then no longer answers', async function () {
    if (!started) this.skip();
    assert.equal(await vscode.commands.executeCommand('kafkaLogLab.stopLocalBroker'), true);
    started = false;
    await retryUntilPasses(
      async () => assert.equal(await answers(port), false, `something still answers on ${bootstrap}`),
      30000,
    );
  });

  it('starts nothing when the Docker engine is asked for and the daemon cannot be reached', async () => {
    const other = await freePort();
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = 'unix:///nonexistent/kafka-log-lab-test.sock';
    try {
      // The reason is shown with "Use Local Java" (or as an error without Java); nothing starts.
      const result = await vscode.commands.executeCommand('kafkaLogLab.startLocalBroker', {
        port: other,
        engine: 'docker',
      });
      assert.equal(result, undefined);
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
    assert.equal(await answers(other), false);
  });
});
