// Restricted Mode in the real VS Code. The runner opens the workspace untrusted
// (KLL_WORKSPACE_TRUST=restricted, scripts/vscode/run-extension-tests.mjs) with a
// .vscode/settings.json that tries to choose the broker engine and image; in a trusted
// window these tests are skipped.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { KafkaLogLabApi } from '../../src/host/api';
import { extensionApi, runCommand } from './support/explorerTree';
import { freePort, isPortFree } from '../../src/core/broker/freePort';

describe('Restricted Mode (workspace trust)', function () {
  this.timeout(60000);
  let api: KafkaLogLabApi;

  before(async function () {
    if (vscode.workspace.isTrusted) this.skip();
    api = await extensionApi();
  });

  it('runs the extension in an untrusted folder', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.ok(api.commands, 'the extension activated and exported its API');
  });

  it('refuses to start or restart the local broker, says why, and starts nothing', async () => {
    const port = await freePort();
    const start = await runCommand(api, 'kafkaLogLab.startLocalBroker', { port, engine: 'jvm' });
    assert.equal(start.result, undefined);
    assert.equal(start.failures.length, 1, `one failure shown: ${start.failures.join(' | ')}`);
    assert.match(start.failures[0], /Starting the local broker is off in Restricted Mode.*Trust this folder/);
    const restart = await runCommand(api, 'kafkaLogLab.restartLocalBroker');
    assert.match(restart.failures.join(' | '), /Restarting the local broker is off in Restricted Mode/);
    assert.equal(await isPortFree(port), true, `nothing listens on ${port}`);
  });

  it("ignores the folder's broker settings but keeps its harmless ones", () => {
    const config = vscode.workspace.getConfiguration('kafkaLogLab');
    // Not restricted: the folder's value applies, so the settings file was read.
    assert.equal(config.get('explorer.showInternalTopics'), true);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    const asked = JSON.parse(fs.readFileSync(path.join(folder, '.vscode', 'settings.json'), 'utf8'));
    assert.equal(asked['kafkaLogLab.localBroker.engine'], 'docker', 'the folder asks for docker');
    assert.equal(config.get('localBroker.engine'), 'auto');
    assert.equal(config.get('localBroker.dockerImage'), '');
  });
});
