// "Export Lab Report…" inside a real VS Code: the command writes the report into the workspace
// and opens its Markdown preview; the report's table must say what the CLI's `stats` and
// `verify` say about the same file and topic on the suite's broker.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { createKafkaClient, withAdmin } from '../../src/core/kafka/client';
import { pollUntil } from '../support/polling';

const brokers = process.env.KLL_TEST_BROKERS;
const repoRoot = path.resolve(__dirname, '../../..');
const topic = `ext-report-${Date.now().toString(36)}`;

function cli(args: string[]): string {
  return execFileSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), ...args], { encoding: 'utf8' });
}
const lastJson = (text: string) => JSON.parse(text.trim().split('\n').pop()!) as Record<string, unknown>;

function tableValue(markdown: string, label: string): string {
  const row = markdown.split('\n').find((l) => l.startsWith(`| ${label} |`));
  assert.ok(row, `row "${label}"`);
  return row.split(' | ')[1].replace(/ \|$/, '');
}
const number = (text: string) => Number(text.replace(/,/g, '').replace(/ s$/, ''));

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('markdown.preview'));
}

describe('Export Lab Report', function () {
  this.timeout(240000);
  let workspace: string;

  before(async function () {
    if (!brokers) this.skip();
    await vscode.extensions.getExtension('kafka-log-lab.kafka-log-lab')!.activate();
    workspace = vscode.workspace.workspaceFolders![0].uri.fsPath;
  });

  after(async () => {
    if (!brokers) return;
    await withAdmin(createKafkaClient({ brokers: brokers.split(',') }), (admin) => admin.deleteTopics([topic])).catch(
      () => undefined,
    );
  });

  it('writes the report into the workspace with the numbers of the CLI stats and verify, and previews it', async () => {
    const file = path.join(workspace, 'logs', `${topic}.log`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const brokerArgs = ['--brokers', brokers!];
    cli(['generate', '--format', 'web', '--out', file, '--users', '30', '--seed', 'ext-report']);
    cli(['topics', 'create', topic, '--partitions', '2', ...brokerArgs]);
    cli(['produce', file, '--topic', topic, ...brokerArgs]);
    const stats = lastJson(cli(['stats', file, '--json']));
    const verify = lastJson(cli(['verify', file, '--topic', topic, '--json', ...brokerArgs]));

    const out = `reports/${topic}-report.md`;
    const result = await vscode.commands.executeCommand<{ markdownFile: string; chartFiles: string[] } | undefined>(
      'kafkaLogLab.exportLabReport',
      { topic, cluster: { name: 'test', bootstrapServers: brokers }, file: path.relative(workspace, file), out },
    );
    assert.ok(result, 'the command returned what it wrote');
    assert.equal(result.markdownFile, path.join(workspace, out));
    const markdown = fs.readFileSync(result.markdownFile, 'utf8');
    const sessions = stats.sessions as { closed: number; vanished: number; averageDurationSeconds: number };
    assert.equal(number(tableValue(markdown, 'messages')), stats.messages);
    assert.equal(number(tableValue(markdown, 'unique visitors')), stats.uniqueVisitors);
    assert.equal(number(tableValue(markdown, 'closed visits')), sessions.closed);
    assert.equal(number(tableValue(markdown, 'vanished visits')), sessions.vanished);
    assert.equal(number(tableValue(markdown, 'average visit duration')), sessions.averageDurationSeconds);
    assert.equal(number(tableValue(markdown, 'lines sent (non-empty lines of the file)')), verify.lines);
    assert.equal(number(tableValue(markdown, 'messages read')), verify.messages);
    for (const key of ['missing', 'duplicates', 'unexpected'] as const)
      assert.equal(number(tableValue(markdown, key)), verify[key], key);
    assert.equal(tableValue(markdown, 'sent = read'), 'yes, every line exactly once');
    assert.ok(!markdown.includes('NaN'));
    assert.equal(result.chartFiles.length, 3);
    for (const chart of result.chartFiles) assert.ok(fs.readFileSync(chart, 'utf8').startsWith('<svg'), chart);
    await pollUntil(
      'the Markdown preview to open',
      async () => previewTabs(),
      (tabs) => tabs.length > 0,
      20000,
    );
  });

  it("the dashboard's Export Lab Report button asks the file and the place, then writes the report", async () => {
    const out = path.join(workspace, 'reports', `${topic}-report.md`);
    fs.rmSync(path.join(workspace, 'reports'), { recursive: true, force: true });
    await vscode.commands.executeCommand('kafkaLogLab.openDashboard', { topic, brokers });
    await pollUntil('the dashboard to render', () =>
      vscode.commands.executeCommand<unknown>('kafkaLogLab.test.dashboardRendered', topic),
    );
    // The button's message, as the webview sends it; its questions are answered below.
    void vscode.commands.executeCommand('kafkaLogLab.test.dashboardReceive', topic, {
      type: 'control',
      action: 'exportReport',
    });
    // First "No file", then the proposed place (reports/<topic>-report.md).
    const markdown = await pollUntil(
      'the report to be written',
      async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : undefined;
      },
      (text) => text.includes('## Reproduce with'),
      60000,
      1000,
    );
    assert.match(markdown, /Not checked: name the file that was produced/);
    const stats = lastJson(cli(['stats', path.join(workspace, 'logs', `${topic}.log`), '--json']));
    assert.equal(number(tableValue(markdown, 'messages')), stats.messages);
    await vscode.commands.executeCommand('kafkaLogLab.test.dashboardClose', topic);
  });
});
