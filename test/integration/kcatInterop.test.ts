// Debian's kcat (librdkafka) is a client no one here wrote: what it produces must be read
// correctly by us, and what we produce must be read back identically by it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createKafkaClient, withAdmin } from '../../src/core/kafka/client';
import { consumeTopic } from '../../src/core/kafka/consumeTopic';
import { verifyFileAgainstTopic } from '../../src/core/kafka/verifyTopic';
import { testBrokers, uniqueName } from './support/testBroker';
import { scratchFile } from './support/files';
import { nonEmptyLines, produceLines, webVisitorKey } from './support/fileLines';
import { fileStats, webLog } from './support/webLogs';

const run = promisify(execFile);
const KCAT = '/usr/bin/kcat';
const client = () => createKafkaClient({ brokers: testBrokers() });

async function newTopic(prefix: string, partitions: number): Promise<string> {
  const topic = uniqueName(prefix);
  await withAdmin(client(), (admin) => admin.createTopic({ topic, partitions }));
  return topic;
}

async function kcatProduce(topic: string, file: string): Promise<void> {
  await run(KCAT, ['-P', '-b', testBrokers()[0], '-t', topic, '-l', file], { timeout: 60000 });
}

async function kcatValues(topic: string): Promise<string[]> {
  const { stdout } = await run(KCAT, ['-C', '-b', testBrokers()[0], '-t', topic, '-e', '-q', '-f', '%s\n'], {
    timeout: 60000,
    maxBuffer: 256 << 20,
  });
  const values = stdout.split('\n');
  values.pop();
  return values;
}

describe('interoperability with kcat', function () {
  this.timeout(120000);

  it("consumes a web log produced by kcat -P -l: every message, and the file's statistics", async () => {
    const { file, lines } = webLog('kcat-produced', 500);
    const topic = await newTopic('kcat-in', 3);
    await kcatProduce(topic, file);
    const result = await consumeTopic({ client: client(), topic, from: { kind: 'beginning' }, untilEnd: true });
    assert.equal(result.messages, lines.length);
    assert.equal(result.format, 'web');
    assert.deepEqual(result.stats, fileStats('web', lines));
    const report = await verifyFileAgainstTopic(file, topic, client());
    assert.equal(report.mode, 'content');
    assert.deepEqual(
      [report.lines, report.messages, report.missing, report.duplicates, report.unexpected],
      [lines.length, lines.length, 0, 0, 0],
    );
  });

  it('strips the carriage returns kcat keeps from a CRLF file', async () => {
    const { lines } = webLog('kcat-crlf', 60);
    const file = scratchFile('crlf.log', lines.join('\r\n') + '\r\n');
    const topic = await newTopic('kcat-crlf', 1);
    await kcatProduce(topic, file);
    const raw = await kcatValues(topic);
    assert.ok(
      raw.every((v) => v.endsWith('\r')),
      'kcat sends the CR as part of the value',
    );
    const seen: string[] = [];
    const result = await consumeTopic({
      client: client(),
      topic,
      from: { kind: 'beginning' },
      untilEnd: true,
      onMessages: (b) => seen.push(...b.lines),
    });
    assert.deepEqual(seen, lines);
    assert.deepEqual(result.stats, fileStats('web', lines));
    const report = await verifyFileAgainstTopic(file, topic, client());
    assert.deepEqual([report.missing, report.duplicates, report.unexpected], [0, 0, 0]);
  });

  it('lets kcat read back exactly what we produced, UTF-8 included', async () => {
    const { lines } = webLog('kcat-reads', 300);
    const extra = [
      'prix: 12,50 € — café',
      'emoji 🚀 and tabs\tinside',
      '  leading spaces',
      'quotes "and" \\backslashes\\',
    ];
    const file = scratchFile('ours.log', [...lines, ...extra].join('\n') + '\n');
    const topic = await newTopic('kcat-out', 3);
    await produceLines(client(), topic, nonEmptyLines(file), { headers: true, file, key: webVisitorKey });
    const values = await kcatValues(topic);
    assert.equal(values.length, lines.length + extra.length);
    assert.deepEqual([...values].sort(), [...lines, ...extra].sort());
  });
});
