import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKafkaClient, withAdmin } from '../../src/core/kafka/client';
import { INVALID_LINES, VALID_LINES } from '../unit/fixtures/nginxCorpus';
import { testBrokers, uniqueName } from './support/testBroker';
import { produceLines } from './support/fileLines';
import { lastJsonLine, runCli } from './support/runCli';

const client = () => createKafkaClient({ brokers: testBrokers() });
const brokersArg = () => ['--brokers', testBrokers().join(',')];

async function newTopic(prefix: string, partitions = 3): Promise<string> {
  const topic = uniqueName(prefix);
  await withAdmin(client(), (admin) => admin.createTopic({ topic, partitions }));
  return topic;
}

/** The value column of the report's table row named `label`. */
function tableValue(markdown: string, label: string): string {
  const row = markdown.split('\n').find((l) => l.startsWith(`| ${label} |`));
  assert.ok(row, `row "${label}" in the report`);
  return row.split(' | ')[1].replace(/ \|$/, '');
}

const number = (text: string) => Number(text.replace(/,/g, '').replace(/ s$/, ''));

interface ReportJson {
  out: string;
  charts: string[];
  chartsWithoutData: Array<{ title: string; reason: string }>;
  messages: number;
  stats: Record<string, unknown>;
  verify?: Record<string, unknown>;
}

/** Every chart is an SVG file that exists, or a sentence in the report saying why it is missing. */
function assertValidReport(markdown: string, json: ReportJson): void {
  assert.ok(!markdown.replace(/`[^`\n]*`/g, '').includes('NaN'), 'no NaN outside quoted messages');
  for (const file of json.charts) {
    const svg = fs.readFileSync(file, 'utf8');
    assert.ok(svg.startsWith('<svg') && !svg.includes('NaN'), file);
    assert.ok(markdown.includes(`](${path.basename(file)})`), `${file} is shown in the report`);
  }
  for (const c of json.chartsWithoutData) {
    assert.ok(c.reason.length > 10, c.title);
    assert.ok(markdown.includes(`**${c.title}**: no chart. ${c.reason}`), c.title);
  }
}

describe('report against a real broker', function () {
  this.timeout(180000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-report-'));

  it('reports a produced web topic with the numbers of stats and verify', async () => {
    const topic = await newTopic('report-web');
    const file = path.join(dir, 'web.log');
    const gen = await runCli(['generate', '--format', 'web', '--out', file, '--users', '40', '--seed', 'report-42']);
    assert.equal(gen.code, 0, gen.stderr);
    const produced = await runCli(['produce', file, '--topic', topic, ...brokersArg()]);
    assert.equal(produced.code, 0, produced.stderr);
    const stats = lastJsonLine(await runCli(['stats', file, '--json']));
    const verify = lastJsonLine(await runCli(['verify', file, '--topic', topic, '--json', ...brokersArg()]));
    const out = path.join(dir, 'reports', `${topic}-report.md`);
    const run = await runCli(['report', '--topic', topic, '--file', file, '--out', out, '--json', ...brokersArg()]);
    assert.equal(run.code, 0, run.stderr);
    const json = lastJsonLine<ReportJson>(run);
    const markdown = fs.readFileSync(out, 'utf8');

    assert.deepEqual(json.stats, stats);
    assert.deepEqual({ ...json.verify, file: undefined }, { ...verify, file: undefined });
    const sessions = stats.sessions as { closed: number; vanished: number; averageDurationSeconds: number };
    assert.equal(number(tableValue(markdown, 'messages')), stats.messages);
    assert.equal(number(tableValue(markdown, 'unique visitors')), stats.uniqueVisitors);
    assert.equal(number(tableValue(markdown, 'closed visits')), sessions.closed);
    assert.equal(number(tableValue(markdown, 'vanished visits')), sessions.vanished);
    assert.equal(number(tableValue(markdown, 'average visit duration')), sessions.averageDurationSeconds);
    assert.equal(number(tableValue(markdown, 'lines sent (non-empty lines of the file)')), verify.lines);
    assert.equal(number(tableValue(markdown, 'messages read')), verify.messages);
    assert.equal(tableValue(markdown, 'sent = read'), 'yes, every line exactly once');
    assert.equal(tableValue(markdown, 'partitions'), '3');
    assert.match(markdown, /- Produce \(`kafka-log-lab produce`\): started .*, [\d,]+ acked, 0 failed/);
    assert.match(markdown, /- Generator \(`kafka-log-lab generate`, [^)]+\): format web, seed `report-42`, /);
    assert.match(markdown, new RegExp(`kafka-log-lab generate --format web --out \\S+web\\.log --seed report-42 `));
    assert.match(markdown, new RegExp(`kafka-log-lab verify \\S+web\\.log --topic ${topic} --brokers`));
    assert.deepEqual(json.charts.map((c) => path.basename(c)).sort(), [
      `${topic}-report-actions.svg`,
      `${topic}-report-durations.svg`,
      `${topic}-report-rate.svg`,
    ]);
    assertValidReport(markdown, json);
  });

  it('reports a topic holding a hostile nginx corpus validly', async () => {
    const topic = await newTopic('report-nginx');
    const lines = [...VALID_LINES, ...INVALID_LINES].map((c, i) => ({ line: i + 1, text: c.line }));
    await produceLines(client(), topic, lines, { headers: false });
    const out = path.join(dir, `${topic}.md`);
    const run = await runCli([
      'report',
      '--topic',
      topic,
      '--format',
      'nginx',
      '--out',
      out,
      '--json',
      ...brokersArg(),
    ]);
    assert.equal(run.code, 0, run.stderr);
    const json = lastJsonLine<ReportJson>(run);
    const markdown = fs.readFileSync(out, 'utf8');
    assert.equal(json.messages, lines.length);
    assert.equal(number(tableValue(markdown, 'unparsed')), (json.stats as { unparsed: number }).unparsed);
    assert.ok((json.stats as { unparsed: number }).unparsed > 0);
    assert.match(markdown, /Not checked: name the file that was produced/);
    assertValidReport(markdown, json);
    assert.ok(json.charts.some((c) => c.endsWith('-status.svg')));
  });

  it('reports an empty topic with reasons instead of charts', async () => {
    const topic = await newTopic('report-empty', 1);
    const out = path.join(dir, `${topic}.md`);
    const run = await runCli(['report', '--topic', topic, '--out', out, '--json', ...brokersArg()]);
    assert.equal(run.code, 0, run.stderr);
    const json = lastJsonLine<ReportJson>(run);
    const markdown = fs.readFileSync(out, 'utf8');
    assert.equal(json.messages, 0);
    assert.deepEqual(json.charts, []);
    assert.ok(json.chartsWithoutData.length >= 1);
    assert.ok(json.chartsWithoutData.every((c) => /held no messages/.test(c.reason)));
    assert.match(markdown, /every count is 0/);
    assertValidReport(markdown, json);
  });

  it('refuses a missing topic and bad options with a readable error', async () => {
    const missing = await runCli([
      'report',
      '--topic',
      uniqueName('nope'),
      '--out',
      path.join(dir, 'x.md'),
      ...brokersArg(),
    ]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /does not exist/);
    const usage = await runCli(['report', '--topic', 'x']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--out is required/);
  });
});
