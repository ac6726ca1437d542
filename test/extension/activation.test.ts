// Runs inside a real VS Code extension host: the manifest and the code must agree.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KafkaLogLabApi } from '../../src/host/api';
import { runCommand } from './support/explorerTree';

const EXTENSION_ID = 'kafka-log-lab.kafka-log-lab';

interface ContributedCommand {
  command: string;
}

describe('Kafka Log Lab in VS Code', function () {
  this.timeout(60000);

  let extension: vscode.Extension<unknown>;

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not installed in this VS Code`);
    extension = found;
    await extension.activate();
  });

  it('activates', () => {
    assert.equal(extension.isActive, true);
  });

  it('registers every command that package.json contributes', async () => {
    // The manifest VS Code loaded, so new commands are covered without touching this test.
    const contributed = (extension.packageJSON.contributes?.commands ?? []) as ContributedCommand[];
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('opens the Kafka view and refreshes it without error', async () => {
    const api = extension.exports as KafkaLogLabApi;
    await vscode.commands.executeCommand('kafkaLogLab.explorer.focus');
    const { failures } = await runCommand(api, 'kafkaLogLab.refreshExplorer');
    assert.deepEqual(failures, []);
  });

  it('reports a failing command as a failure, not as done', async () => {
    const api = extension.exports as KafkaLogLabApi;
    const { failures } = await runCommand(api, 'kafkaLogLab.createTopic', {
      cluster: 'no-such-cluster-anywhere',
      topic: 'a b',
    });
    assert.equal(failures.length, 1);
    assert.match(failures[0], /^kafkaLogLab\.createTopic: /);
  });
});
