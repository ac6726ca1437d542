// The dashboard's security promises in the real VS Code: message values are text, never
// markup, and the host ignores webview messages that are not in the protocol.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { openDashboard, produced, rendered, scratchDir, testBrokers, uniqueTopic } from './dashboardHelpers';
import { pollUntil } from '../support/polling';

const XSS = '<img src=x onerror=alert(1)>';

describe('Dashboard security', function () {
  this.timeout(120000);
  const brokers = testBrokers();
  const topic = uniqueTopic('dash-xss');
  let dir: string;

  before(async function () {
    if (!brokers) this.skip();
    await vscode.extensions.getExtension('kafka-log-lab.kafka-log-lab')!.activate();
    dir = scratchDir();
    await produced(brokers!, topic, path.join(dir, 'xss.log'), [
      'plain text line',
      XSS,
      '<script>document.title="owned"</script>',
      'last line',
    ]);
    await openDashboard({ topic, brokers });
  });

  after(async () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (brokers)
      await vscode.commands.executeCommand('kafkaLogLab.test.dashboardClose', topic).then(undefined, () => undefined);
  });

  it('renders a message containing <img src=x onerror=alert(1)> as text', async () => {
    const report = await pollUntil(
      'the XSS message on screen',
      () => rendered(topic),
      (r) => r.rows.some((row) => row.cells[4] === XSS),
    );
    const row = report.rows.find((r) => r.cells[4] === XSS)!;
    assert.equal(row.valueChildElements, 0, 'the value cell holds text only');
    assert.equal(report.images, 0, 'no <img> element was created');
    assert.ok(report.rows.some((r) => r.cells[4] === '<script>document.title="owned"</script>'));
  });

  it('ignores webview messages that are not in the protocol', async () => {
    const receive = (message: unknown) =>
      vscode.commands.executeCommand<boolean>('kafkaLogLab.test.dashboardReceive', topic, message);
    assert.equal(await receive({ type: 'eval', code: 'process.exit(1)' }), false);
    assert.equal(await receive({ type: 'getRows', id: 'x', listVersion: 1, from: 0, count: 10 }), false);
    assert.equal(await receive({ type: 'restart', from: { kind: 'offset', offset: -5 }, format: 'web' }), false);
    assert.equal(await receive({ type: 'export', format: '../../etc/passwd' }), false);
    const report = await rendered(topic);
    assert.ok(report && report.rows.length === 4, 'the dashboard still works');
  });
});
