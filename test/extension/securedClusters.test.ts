// Secured clusters in the real VS Code, against a real Kafka with SASL_SSL and mutual-TLS
// listeners (test/integration/support/securedBroker.ts): import client.properties files through
// the command (its questions answered through the test API), add an mTLS cluster through
// "Add Cluster…" (with Back), browse topics, produce a file, open a dashboard — and find no
// secret in the settings file, the log channel or any error shown.
// Uses the secured broker started in $KLL_TEST_SECURED_DIR when there is one, else starts its own.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { KafkaLogLabApi } from '../../src/host/api';
import type { ImportResult } from '../../src/host/clusters/importProperties';
import {
  readSecuredBrokerInfo,
  startSecuredBroker,
  type SecuredBrokerInfo,
} from '../integration/support/securedBroker';
import { pollUntil } from '../support/polling';
import { numberIn, openDashboard, rendered } from './dashboardHelpers';
import { extensionApi, rowAt, rows, runCommand, uniqueName } from './support/explorerTree';

function workspaceFile(name: string, text: string): string {
  const root =
    vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kll-secured-'));
  const file = path.join(root, 'secured', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** Every file under `dir` (the extension's log folder holds the "Kafka Log Lab" channel). */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

const leaked = (text: string, secrets: string[]) => secrets.filter((s) => text.includes(s));

describe('Secured clusters', function () {
  this.timeout(300000);
  let api: KafkaLogLabApi;
  let broker: SecuredBrokerInfo;
  let stopBroker: (() => Promise<void>) | undefined;
  const topic = uniqueName('secured-topic');
  const names = {
    plain: uniqueName('cc-plain'),
    scram: uniqueName('java-scram'),
    mtls: uniqueName('mtls'),
    wrong: uniqueName('wrong-pw'),
  };
  const wrongPassword = `wrong-${Math.random().toString(36).slice(2)}`;
  const prompts = () => {
    assert.ok(api.prompts, 'the extension exposes its questions only in test mode');
    return api.prompts;
  };

  before(async () => {
    api = await extensionApi();
    const dir = process.env.KLL_TEST_SECURED_DIR;
    const running = dir ? readSecuredBrokerInfo(dir) : undefined;
    if (running) broker = running;
    else {
      const started = await startSecuredBroker(fs.mkdtempSync(path.join(os.tmpdir(), 'kll-secured-broker-')));
      broker = started;
      stopBroker = started.stop;
    }
  });

  afterEach(() => {
    const unused = api?.prompts?.clear() ?? 0;
    assert.equal(unused, 0, 'a prepared answer was not asked for');
  });

  after(async () => {
    for (const name of Object.values(names)) {
      await vscode.commands.executeCommand('kafkaLogLab.removeCluster', { cluster: name, skipConfirmation: true });
    }
    await stopBroker?.();
  });

  it('imports a Confluent-Cloud-style file, asking only for the name and the missing password', async () => {
    const text = fs.readFileSync(broker.files.ccPlain, 'utf8');
    const withoutPassword = text
      .split('\n')
      .filter((l) => !/^\s*sasl\.password\s*[=:]/.test(l))
      .join('\n');
    const file = workspaceFile(`${names.plain}.properties`, `${withoutPassword}\nacks=all\n`);
    prompts().asked();
    prompts().answer(names.plain, broker.users.plain.password);
    const { result, failures } = await runCommand<ImportResult>(
      api,
      'kafkaLogLab.importClusterProperties',
      vscode.Uri.file(file),
    );
    assert.deepEqual(failures, []);
    assert.deepEqual(
      prompts()
        .asked()
        .map((q) => `${q.kind}: ${q.title.replace(/^.*: /, '')}`),
      ['text: name', 'text: password'],
    );
    assert.equal(result?.name, names.plain);
    assert.match(result?.security ?? '', /^SASL_SSL · PLAIN( \(LABAPIKEY7Q2XCC\))? · CA: ca\.pem/);
    assert.ok(
      result?.notes.some((n) => /acks ignored/.test(n) && n.includes(path.basename(file))),
      JSON.stringify(result?.notes),
    );
    assert.equal(vscode.workspace.getConfiguration('kafkaLogLab').get('activeCluster'), names.plain);
    const row = await rowAt(api, names.plain);
    assert.ok(row.tooltip.includes(result!.security), row.tooltip);
  });

  it('browses the topics of the imported cluster, produces a file to it and shows it on its dashboard', async () => {
    const created = await runCommand(api, 'kafkaLogLab.createTopic', { cluster: names.plain, topic, partitions: 2 });
    assert.deepEqual(created.failures, []);
    api.explorer.refresh();
    await pollUntil('the new topic in the Kafka view', () => rowAt(api, names.plain, 'Topics', topic));
    const generated = (await vscode.commands.executeCommand('kafkaLogLab.generateLogs', {
      format: 'web',
      visitors: 30,
      seed: topic,
      file: path.join('logs', `${topic}.log`),
      open: false,
    })) as { file: string; summary: { lines: number } };
    const produced = await runCommand<{ acked: number; complete: boolean }>(api, 'kafkaLogLab.produceFile', {
      file: generated.file,
      topic,
      cluster: names.plain,
    });
    assert.deepEqual(produced.failures, []);
    assert.equal(produced.result?.complete, true);
    assert.equal(produced.result?.acked, generated.summary.lines);
    await openDashboard({ topic, cluster: names.plain, from: 'beginning' });
    const report = await pollUntil(
      'the dashboard of the secured topic',
      () => rendered(topic),
      (r) => numberIn(r.stats.messages) === generated.summary.lines,
    );
    assert.equal(numberIn(report.stats.messages), generated.summary.lines);
    await vscode.commands.executeCommand('kafkaLogLab.test.dashboardClose', topic);
  });

  it('imports a Java-style SCRAM-SHA-512 file with a PKCS12 truststore, asking only for a name', async () => {
    prompts().asked();
    prompts().answer(names.scram);
    const { result, failures } = await runCommand<ImportResult>(api, 'kafkaLogLab.importClusterProperties', {
      file: broker.files.javaScram512,
    });
    assert.deepEqual(failures, []);
    assert.deepEqual(
      prompts()
        .asked()
        .map((q) => q.title.replace(/^.*: /, '')),
      ['name'],
    );
    assert.match(result?.security ?? '', /^SASL_SSL · SCRAM-SHA-512( \(bob\))? · truststore: truststore\.p12/);
    await pollUntil('the topic through SCRAM-SHA-512', () => rowAt(api, names.scram, 'Topics', topic));
  });

  it('adds a mutual-TLS cluster through the questions of Add Cluster, going Back once', async () => {
    prompts().asked();
    prompts().answer(
      broker.listeners.mtls,
      names.mtls,
      'SASL_SSL',
      { back: true },
      'SSL',
      'CA certificate file…',
      broker.certs.caPem,
      'Client certificate and key (mutual TLS)…',
      broker.certs.clientCertPem,
      broker.certs.clientKeyPem,
      '',
    );
    const { failures } = await runCommand(api, 'kafkaLogLab.addCluster');
    assert.deepEqual(failures, []);
    const steps = prompts()
      .asked()
      .map((q) => q.title.replace(/^.*: /, ''));
    assert.deepEqual(steps, [
      'bootstrap servers',
      'name',
      'security',
      'SASL mechanism',
      'security',
      'certificate authority',
      'CA certificate (PEM)',
      'client certificate',
      'client certificate (PEM)',
      'client key (PEM)',
      'key passphrase',
    ]);
    const saved = (
      vscode.workspace.getConfiguration('kafkaLogLab').get('clusters') as Array<Record<string, unknown>>
    ).find((c) => c.name === names.mtls);
    assert.deepEqual(saved, {
      name: names.mtls,
      bootstrapServers: broker.listeners.mtls,
      securityProtocol: 'SSL',
      caFiles: [broker.certs.caPem],
      certFile: broker.certs.clientCertPem,
      keyFile: broker.certs.clientKeyPem,
    });
    await pollUntil('the topic through mutual TLS', () => rowAt(api, names.mtls, 'Topics', topic));
  });

  it('says the login failed without showing the password anywhere: settings, log channel, errors', async () => {
    await vscode.commands.executeCommand('kafkaLogLab.addCluster', {
      name: names.wrong,
      bootstrapServers: broker.listeners.saslSsl,
      securityProtocol: 'SASL_SSL',
      saslMechanism: 'SCRAM-SHA-256',
      username: broker.users.scram256.username,
      caFiles: [broker.certs.caPem],
      password: wrongPassword,
      activate: false,
    });
    const [error] = await pollUntil(
      'the failed login row',
      () => rowAt(api, names.wrong).then((r) => rows(api, r.node)),
      (r) => r.length === 1,
    );
    assert.equal(error.contextValue, 'error');
    assert.match(`${error.label} ${error.description} ${error.tooltip}`, /authentication failed/i);
    const failed = await runCommand(api, 'kafkaLogLab.createTopic', {
      cluster: names.wrong,
      topic: uniqueName('never'),
    });
    assert.equal(failed.failures.length, 1);

    const secrets = [...broker.secrets, wrongPassword];
    const shown = [
      error.label,
      error.description,
      error.tooltip,
      ...failed.failures,
      ...api.commands.failuresSince(0).map((f) => f.message),
    ];
    assert.deepEqual(leaked(shown.join('\n'), secrets), [], 'a secret was shown in an error');
    const settings = `${fs.readFileSync(api.files!.userSettings, 'utf8')}\n${JSON.stringify(vscode.workspace.getConfiguration('kafkaLogLab'))}`;
    assert.ok(
      settings.includes(names.wrong),
      `not the settings the clusters were saved in: ${api.files!.userSettings}`,
    );
    assert.deepEqual(leaked(settings, secrets), [], 'a secret was written to the settings');
    const logText = await pollUntil(
      'the log channel file with the import',
      () =>
        filesUnder(path.dirname(api.files!.logDir))
          .filter((f) => f.endsWith('.log'))
          .map((f) => fs.readFileSync(f, 'utf8'))
          .join('\n'),
      (text) => text.includes(`[clusters] imported "${names.plain}"`),
      30000,
    );
    assert.deepEqual(leaked(logText, secrets), [], 'a secret was written to the log');
  });
});
