import assert from 'node:assert/strict';
import { createKafkaClient, withAdmin } from '../../src/core/kafka/client';
import { verifyFileAgainstTopic } from '../../src/core/kafka/verifyTopic';
import { produceFile } from '../../src/core/kafka/produceFile';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { generateToString } from '../../src/core/generate';
import { testBrokers, uniqueName } from './support/testBroker';
import { scratchFile } from './support/files';
import { nonEmptyLines, produceLines, webVisitorKey, type NumberedLine } from './support/fileLines';
import { lastJsonLine, runCli } from './support/runCli';

const client = () => createKafkaClient({ brokers: testBrokers() });
const run = promisify(execFile);

async function newTopic(prefix: string, partitions = 3): Promise<string> {
  const topic = uniqueName(prefix);
  await withAdmin(client(), (admin) => admin.createTopic({ topic, partitions }));
  return topic;
}

/** Drops line `drop` and sends line `double` twice. */
function damaged(lines: NumberedLine[], drop: number, double: number): NumberedLine[] {
  return lines.flatMap((l) => (l.line === drop ? [] : l.line === double ? [l, l] : [l]));
}

// A small file with repeated and empty lines: content matching must treat it as a multiset.
const SMALL = 'alpha\nbeta\n\ngamma\nalpha\ndelta\r\nepsilon\n\nzeta\n';

describe('verify against a real broker', function () {
  this.timeout(120000);

  it('reports 0/0/0 by line number for an exact copy of 100,000 generated lines', async () => {
    const { text } = generateToString({
      format: 'web',
      seed: 'verify-100k',
      startMs: Date.UTC(2025, 9, 16),
      users: 40000,
      lines: 100000,
    });
    const file = scratchFile('web-100k.log', text);
    const lines = nonEmptyLines(file);
    assert.equal(lines.length, 100000);
    const topic = await newTopic('verify-100k');
    await produceLines(client(), topic, lines, { headers: true, file, key: webVisitorKey });
    const report = await verifyFileAgainstTopic(file, topic, client());
    assert.deepEqual(
      {
        lines: report.lines,
        messages: report.messages,
        missing: report.missing,
        duplicates: report.duplicates,
        unexpected: report.unexpected,
      },
      { lines: 100000, messages: 100000, missing: 0, duplicates: 0, unexpected: 0 },
    );
    assert.equal(report.mode, 'line-number');
    assert.equal(report.reachedEnd, true);
  });

  it('finds a dropped and a doubled line by line number, even when the dropped line has a twin', async () => {
    const file = scratchFile('small.log', SMALL);
    const lines = nonEmptyLines(file);
    const topic = await newTopic('verify-lines');
    // Line 5 ("alpha") has the same content as line 1: only line numbers can tell it is lost.
    await produceLines(client(), topic, damaged(lines, 5, 9), { headers: true, file });
    const report = await verifyFileAgainstTopic(file, topic, client());
    assert.equal(report.mode, 'line-number');
    assert.deepEqual([report.lines, report.emptyLines, report.messages], [7, 2, 7]);
    assert.deepEqual([report.missing, report.duplicates, report.unexpected], [1, 1, 0]);
    assert.deepEqual(report.firstMissing, [5]);
  });

  it('matches by content when messages carry no headers (kcat, scripts)', async () => {
    const file = scratchFile('small-nohdr.log', SMALL);
    const lines = nonEmptyLines(file);
    const exact = await newTopic('verify-content-ok');
    await produceLines(client(), exact, lines, { headers: false });
    let report = await verifyFileAgainstTopic(file, exact, client());
    assert.equal(report.mode, 'content');
    assert.deepEqual(
      [report.lines, report.messages, report.missing, report.duplicates, report.unexpected],
      [7, 7, 0, 0, 0],
    );

    const broken = await newTopic('verify-content-bad');
    await produceLines(client(), broken, [...damaged(lines, 6, 2), { line: 0, text: 'not in the file' }], {
      headers: false,
    });
    report = await verifyFileAgainstTopic(file, broken, client());
    assert.deepEqual([report.missing, report.duplicates, report.unexpected], [1, 1, 1]);
    assert.deepEqual(report.firstMissing, [6], 'line 6 ("delta", sent with CRLF stripped) is the one missing');
  });

  it('counts messages of another file in the topic as unexpected', async () => {
    const file = scratchFile('mine.log', SMALL);
    const other = scratchFile('other.log', 'x\ny\n');
    const topic = await newTopic('verify-mixed');
    await produceLines(client(), topic, nonEmptyLines(file), { headers: true, file });
    await produceLines(client(), topic, nonEmptyLines(other), { headers: true, file: other });
    const report = await verifyFileAgainstTopic(file, topic, client());
    assert.deepEqual([report.messages, report.missing, report.duplicates, report.unexpected], [9, 0, 0, 2]);
  });

  it('names missing and duplicated lines for kcat, for produce with and without headers, and --as json', async () => {
    const { text } = generateToString({
      format: 'web',
      seed: 'verify-who',
      startMs: Date.UTC(2025, 9, 16),
      lines: 300,
    });
    const file = scratchFile('who.log', text);
    const lines = nonEmptyLines(file);
    const damagedFile = scratchFile(
      'who-damaged.log',
      `${damaged(lines, 5, 9)
        .map((l) => l.text)
        .join('\n')}\n`,
    );
    const brokers = testBrokers();
    const topics = {
      kcat: await newTopic('verify-kcat'),
      plain: await newTopic('verify-plain'),
      headers: await newTopic('verify-headers'),
      json: await newTopic('verify-json'),
    };
    await run('kcat', ['-P', '-b', brokers[0], '-t', topics.kcat, '-l', damagedFile], { timeout: 60000 });
    for (const [topic, as] of [
      [topics.plain, 'raw'],
      [topics.json, 'json'],
    ] as const) {
      const sent = await produceFile({ client: client(), brokers, file: damagedFile, topic, format: 'web', as });
      assert.equal(sent.complete, true);
    }
    await produceLines(client(), topics.headers, damaged(lines, 5, 9), { headers: true, file, key: webVisitorKey });
    for (const [name, topic] of Object.entries(topics)) {
      const report = await verifyFileAgainstTopic(file, topic, client());
      const expectedMode = name === 'headers' ? 'line-number' : 'content';
      assert.deepEqual(
        [report.mode, report.as, report.missing, report.duplicates, report.unexpected],
        [expectedMode, name === 'json' ? 'json' : 'raw', 1, 1, 0],
        name,
      );
      assert.deepEqual([report.firstMissing, report.firstDuplicated], [[5], [9]], name);
    }
    const forcedRaw = await verifyFileAgainstTopic(file, topics.json, client(), { as: 'raw' });
    assert.equal(forcedRaw.missing, 300, 'JSON values are not the raw lines');
  });

  it('answers through the CLI: --json on the last line, exit 0 only when everything matches', async () => {
    const brokers = testBrokers().join(',');
    const file = scratchFile('cli.log', SMALL);
    const lines = nonEmptyLines(file);
    const good = await newTopic('verify-cli-ok');
    await produceLines(client(), good, lines, { headers: true, file });
    const ok = await runCli(['verify', file, '--topic', good, '--brokers', brokers, '--json']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.deepEqual(
      (({ lines, messages, missing, duplicates, unexpected }) => ({
        lines,
        messages,
        missing,
        duplicates,
        unexpected,
      }))(lastJsonLine<Record<string, number>>(ok)),
      { lines: 7, messages: 7, missing: 0, duplicates: 0, unexpected: 0 },
    );

    const bad = await newTopic('verify-cli-bad');
    await produceLines(client(), bad, damaged(lines, 1, 4), { headers: true, file });
    const failed = await runCli(['verify', file, '--topic', bad, '--brokers', brokers, '--json']);
    assert.equal(failed.code, 1);
    const report = lastJsonLine<Record<string, unknown>>(failed);
    assert.deepEqual([report.missing, report.duplicates, report.unexpected, report.firstMissing], [1, 1, 0, [1]]);

    const table = await runCli(['verify', file, '--topic', bad, '--brokers', brokers]);
    assert.equal(table.code, 1);
    assert.match(table.stdout, /MISMATCH/);
    assert.match(table.stdout, /first missing lines: 1$/m);

    const missingTopic = await runCli(['verify', file, '--topic', uniqueName('nope'), '--brokers', brokers]);
    assert.equal(missingTopic.code, 1);
    assert.match(missingTopic.stderr, /does not exist/);
  });
});
