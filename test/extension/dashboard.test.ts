// The dashboard in the real VS Code against the real broker in KLL_TEST_BROKERS: a produced
// web log of known content, read back from the webview's DOM (the webview reports what it
// rendered through the protocol), must show exactly what `kafka-log-lab stats` says.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { WebSnapshot } from '../../src/core/stats';
import type { RenderedReport } from '../../src/shared/protocol';
import {
  cliStats,
  hostState,
  numberIn,
  openDashboard,
  produced,
  rendered,
  scratchDir,
  testBrokers,
  uniqueTopic,
} from './dashboardHelpers';
import { pollUntil } from '../support/polling';

describe('Dashboard on a produced web log', function () {
  this.timeout(180000);
  const brokers = testBrokers();
  const topic = uniqueTopic('dash-web');
  let dir: string;
  let file: string;
  let expected: WebSnapshot;
  let acked: number;

  const showsTheFile = (r: RenderedReport) => numberIn(r.stats.messages) === expected.messages;

  before(async function () {
    if (!brokers) {
      console.log('[dashboard] KLL_TEST_BROKERS is not set: skipping the dashboard tests');
      this.skip();
    }
    await vscode.extensions.getExtension('kafka-log-lab.kafka-log-lab')!.activate();
    dir = scratchDir();
    file = path.join(dir, 'web.log');
    acked = (await produced(brokers!, topic, file, { format: 'web', users: 150 })).acked;
    expected = cliStats(file) as WebSnapshot;
    assert.equal(expected.format, 'web');
    assert.equal(acked, expected.messages, 'every line was produced');
  });

  after(async () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('renders the message count, unique visitors and average visit duration that `kafka-log-lab stats` prints', async () => {
    await openDashboard({ topic, brokers, produced: { file, acked } });
    const report = await pollUntil('the dashboard to show every message', () => rendered(topic), showsTheFile);
    assert.equal(numberIn(report.stats.messages), expected.messages);
    assert.equal(numberIn(report.stats.uniqueVisitors), expected.uniqueVisitors);
    assert.equal(numberIn(report.stats.averageVisitDuration), expected.sessions.averageDurationSeconds);
    assert.equal(numberIn(report.stats.closedVisits), expected.sessions.closed);
    assert.equal(numberIn(report.stats.vanishedVisits), expected.sessions.vanished);
    assert.equal(numberIn(report.stats['counter.messages']), expected.messages);
    const partitions = Object.keys(report.stats).filter((k) => k.startsWith('partition.'));
    assert.equal(partitions.length, 3, 'a count per partition');
    assert.equal(
      partitions.reduce((sum, k) => sum + numberIn(report.stats[k]), 0),
      expected.messages,
    );
  });

  it('shows sent vs read: every produced line read once', async () => {
    const report = await pollUntil(
      'sent vs read',
      () => rendered(topic),
      (r) => numberIn(r.stats['sent.read']) === acked,
    );
    assert.equal(numberIn(report.stats['sent.produced']), acked);
    assert.equal(numberIn(report.stats['sent.duplicates']), 0);
    assert.equal(numberIn(report.stats['sent.missing']), 0);
  });

  it('lists the newest messages, and filters them by a parsed field', async () => {
    // The list fetches its rows from the extension after the counters arrive: they follow within seconds.
    const report = await pollUntil(
      'rows on screen',
      () => rendered(topic),
      (r) => r.rows.length > 5,
      30000,
    );
    assert.ok(
      report.rows.every((r) => r.cells[4].includes('User_id : ')),
      'the value column shows the log lines',
    );
    const closes = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.includes('Action : close')).length;
    assert.equal(
      await vscode.commands.executeCommand('kafkaLogLab.test.dashboardReceive', topic, {
        type: 'setFilter',
        id: 1,
        query: 'action:close',
      }),
      true,
    );
    const state = await pollUntil(
      'the filter to apply',
      () => hostState(topic),
      (s) => s.list.filter === 'action:close' && s.list.filterProgress === undefined,
    );
    assert.equal(state.list.count, closes);
    const filtered = await pollUntil(
      'filtered rows on screen',
      () => rendered(topic),
      (r) => r.rows.length > 0 && r.rows.every((row) => row.cells[4].includes('Action : close')),
    );
    assert.ok(filtered.rows.length > 0);
    await vscode.commands.executeCommand('kafkaLogLab.test.dashboardReceive', topic, {
      type: 'setFilter',
      id: 2,
      query: '',
    });
  });

  it('comes back with the same numbers after being hidden and shown again', async () => {
    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await openDashboard({ topic, brokers }); // reveals the existing panel; its webview loads anew
    const report = await pollUntil('the restored dashboard', () => rendered(topic), showsTheFile);
    assert.equal(numberIn(report.stats.uniqueVisitors), expected.uniqueVisitors);
    assert.equal(numberIn(report.stats.averageVisitDuration), expected.sessions.averageDurationSeconds);
    const panels = await vscode.commands.executeCommand<string[]>('kafkaLogLab.test.dashboardPanels');
    assert.equal(panels.filter((t) => t === topic).length, 1, 'one panel per topic');
  });

  it('stops its reader when the panel closes', async () => {
    const before = await vscode.commands.executeCommand<number>('kafkaLogLab.test.dashboardReaders');
    assert.ok(before >= 1);
    await vscode.commands.executeCommand('kafkaLogLab.test.dashboardClose', topic);
    assert.equal(await vscode.commands.executeCommand<number>('kafkaLogLab.test.dashboardReaders'), before - 1);
    assert.ok(!(await vscode.commands.executeCommand<string[]>('kafkaLogLab.test.dashboardPanels')).includes(topic));
  });
});
