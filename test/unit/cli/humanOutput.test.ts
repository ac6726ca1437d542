import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { CliIO } from '../../../src/cli/command';
import { printConsumeSummary } from '../../../src/cli/commands/consume';
import { renderLabTable, type LabResult } from '../../../src/cli/commands/demoReport';
import { printProduceSummary } from '../../../src/cli/commands/produce';
import { generateCommand } from '../../../src/cli/commands/generate';
import { statsCommand } from '../../../src/cli/commands/stats';
import { main } from '../../../src/cli/main';
import { statsReport } from '../../../src/cli/statsReport';
import { formatCount, formatFixed } from '../../../src/core/format/count';
import { fileProblem } from '../../../src/core/fileErrors';
import type { ConsumeResult } from '../../../src/core/kafka/consumeTopic';
import type { ProduceSummary } from '../../../src/core/kafka/produceFile';
import { statsOfFile } from '../../../src/core/stats';
import { useTempDir } from '../tempFiles';

function capture(): CliIO & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l), signal: new AbortController().signal };
}

describe('human output', function () {
  this.timeout(20_000);
  const dir = useTempDir();
  let webLog = '';

  before(async () => {
    webLog = path.join(dir(), 'web.log');
    assert.equal(
      await generateCommand.run(
        ['--format', 'web', '--out', webLog, '--lines', '3000', '--seed', 'h', '--start', '2025-10-16T00:00:00Z'],
        capture(),
      ),
      0,
    );
  });

  it('formats counts one way: thousands separators, at most two decimals, - for no number', () => {
    assert.deepEqual(
      [formatCount(3000), formatCount(1234.5678), formatCount(0), formatCount(NaN)],
      ['3,000', '1,234.57', '0', '-'],
    );
    assert.equal(formatFixed(12345.6, 2), '12,345.60');
  });

  it('generate and stats print 3,000, not 3000', async () => {
    const generated = capture();
    await generateCommand.run(
      ['--format', 'web', '--out', path.join(dir(), 'again.log'), '--lines', '3000', '--seed', 'h'],
      generated,
    );
    assert.match(generated.lines[0], /^Wrote 3,000 web lines/);
    const stats = capture();
    assert.equal(await statsCommand.run([webLog], stats), 0);
    assert.match(stats.lines[1], /^ {2}messages {10}3,000 \(parsed 3,000, unparsed 0\)$/);
  });

  it('consume --stats prints the same statistics layout as stats FILE', async () => {
    const snapshot = await statsOfFile(webLog, 'web');
    const result: ConsumeResult = {
      topic: 'log_web',
      messages: 3000,
      partitions: { '0': 1000, '1': 1000, '2': 1000 },
      format: 'web',
      stats: snapshot,
      stoppedBy: 'end',
      durationMs: 1500,
      messagesPerSecond: 2500,
    };
    const io = capture();
    printConsumeSummary(io, result, true);
    assert.equal(io.lines[0], '3,000 messages from log_web in 1.5 s (2,500 msg/s while reading; stopped: end)');
    assert.deepEqual(io.lines.slice(1, 6), [
      'partition  messages',
      '---------  --------',
      '        0     1,000',
      '        1     1,000',
      '        2     1,000',
    ]);
    const report = io.lines.slice(7);
    assert.deepEqual(report, statsReport(snapshot, 'topic log_web'));
    assert.equal(report[0], 'web statistics of topic log_web');
    const fromFile = capture();
    await statsCommand.run([webLog], fromFile);
    assert.deepEqual(report.slice(1), fromFile.lines.slice(1), 'the body is the one stats FILE prints');
    assert.ok(!report.some((l) => /unparsedSamples|\w\.\w+: /.test(l)), 'no key.path dump');
  });

  it('produce and demo print counts the same way', () => {
    const lines: string[] = [];
    const summary = {
      topic: 'log_web',
      format: 'web',
      as: 'raw',
      lines: 3002,
      skipped: 2,
      empty: 2,
      unparsed: 0,
      alreadyDelivered: 0,
      acked: 3000,
      failed: 0,
      durationMs: 1200,
      messagesPerSecond: 2500,
      unparsedLines: [],
      failures: [],
      cancelled: false,
    } as unknown as ProduceSummary;
    printProduceSummary((l) => lines.push(l), summary);
    assert.deepEqual(lines, [
      '3,000 of 3,000 lines delivered to log_web in 1.2 s (2,500 msg/s, format web, as raw)',
      'skipped: 2 empty, 0 unparsed',
    ]);
    const table = renderLabTable({
      topic: 'log_web',
      file: 'web.log',
      generated: { lines: 3000 },
      produced: { acked: 3000, durationMs: 1200 },
      consumed: {
        messages: 3000,
        stats: { uniqueVisitors: 1200, sessions: { closed: 1100, vanished: 100, averageDurationSeconds: 144.38 } },
      },
    } as unknown as LabResult);
    assert.ok(table.includes('| Lines generated          |          3,000 |'), table.join('\n'));
    assert.ok(table.includes('| Visits closed / vanished |    1,100 / 100 |'), table.join('\n'));
  });

  it('names file problems one way in every command', async () => {
    const missing = path.join(dir(), 'nope.log');
    for (const argv of [
      ['stats', missing],
      ['produce', missing, '--topic', 't', '--brokers', '127.0.0.1:1'],
      ['verify', missing, '--topic', 't', '--brokers', '127.0.0.1:1'],
    ]) {
      const io = capture();
      assert.equal(await main(argv, io), 1, argv.join(' '));
      assert.deepEqual(io.errors, [`kafka-log-lab ${argv[0]}: ${missing}: no such file`]);
    }
    const folder = capture();
    assert.equal(await main(['stats', dir()], folder), 1);
    assert.deepEqual(folder.errors, [`kafka-log-lab stats: ${dir()}: is a directory`]);
    const intoMissingDir = capture();
    assert.equal(await main(['generate', '--format', 'web', '--out', path.join(missing, 'x.log')], intoMissingDir), 1);
    assert.deepEqual(intoMissingDir.errors, [`kafka-log-lab generate: ${missing}: no such directory`]);
    assert.equal(fs.existsSync(missing), false);
    assert.equal(fileProblem('a.log', { code: 'EACCES' }), 'a.log: permission denied');
    assert.equal(
      fileProblem('caf\uFFFD.log', { code: 'ENOENT' }),
      'caf\uFFFD.log: no such file (the name is not valid UTF-8 and cannot be opened as given; rename the file)',
    );
    assert.equal(fileProblem('a.log', new Error('plain')), undefined);
  });

  it('prints an error with control characters as one escaped line', async () => {
    const io = capture();
    assert.equal(await main(['stats', 'a\nb\u001b[31m'], io), 1);
    assert.deepEqual(io.errors, ['kafka-log-lab stats: a\\nb\\u001b[31m: no such file']);
  });
});
