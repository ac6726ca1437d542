import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { CliIO } from '../../../src/cli/command';
import { generateCommand } from '../../../src/cli/commands/generate';
import { generateArguments, loadGenerationRecord } from '../../../src/core/generate/generationRecord';
import { renderMarkdown } from '../../../src/core/report/renderMarkdown';
import type { LabReport } from '../../../src/core/report/reportModel';
import { reproduceCommands } from '../../../src/core/report/reproduce';
import { StatsFeed } from '../../../src/core/stats/statsFeed';
import { TimelineCounter } from '../../../src/core/report/messageTimeline';
import { useTempDir } from '../tempFiles';

const quiet: CliIO = { out: () => undefined, err: () => undefined, signal: new AbortController().signal };

async function generate(args: string[]): Promise<void> {
  assert.equal(await generateCommand.run(args, quiet), 0);
}

function reportWith(file: string, generation: LabReport['generation']): LabReport {
  const feed = new StatsFeed('web');
  return {
    generatedAt: '2026-01-01T00:00:00.000Z',
    toolVersion: '0.1.0',
    cluster: { bootstrap: ['127.0.0.1:9092'], security: 'PLAINTEXT' },
    connection: {},
    topic: { name: 'log_web', partitions: 1, replicationFactor: 1, offsetMessages: 0 },
    read: {
      messages: 0,
      partitions: {},
      format: 'web',
      stats: feed.snapshot(),
      visitDurations: feed.visitDurations(),
      timeline: new TimelineCounter().timeline(),
      stoppedBy: 'end',
    },
    requestedFormat: 'web',
    file: {
      path: file,
      verify: {
        mode: 'content',
        fileLines: 0,
        read: 0,
        matched: 0,
        missing: 0,
        duplicates: 0,
        unexpected: 0,
        firstMissing: [],
        firstDuplicated: [],
        reachedEnd: true,
      },
    } as unknown as LabReport['file'],
    generation,
  };
}

describe('generation records', function () {
  this.timeout(20_000);
  const dir = useTempDir();
  let savedCache: string | undefined;
  before(() => {
    savedCache = process.env.KAFKA_LOG_LAB_CACHE;
    process.env.KAFKA_LOG_LAB_CACHE = path.join(dir(), 'cache');
  });
  after(() => {
    if (savedCache === undefined) delete process.env.KAFKA_LOG_LAB_CACHE;
    else process.env.KAFKA_LOG_LAB_CACHE = savedCache;
  });

  it('records how `generate` wrote a file, and its arguments write the same bytes again', async () => {
    const file = path.join(dir(), 'web.log');
    await generate(['--format', 'web', '--out', file, '--users', '40', '--seed', 'rec', '--think-time', '20']);
    const record = loadGenerationRecord(file);
    assert.ok(record, 'a record of the file');
    assert.equal(record.format, 'web');
    assert.equal(record.seed, 'rec');
    assert.equal(record.users, 40);
    assert.equal(record.written.lines, fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length);

    const again = path.join(dir(), 'again.log');
    const args = generateArguments(record, again);
    assert.equal(args[0], 'generate');
    await generate(args.slice(1));
    assert.ok(fs.readFileSync(again).equals(fs.readFileSync(file)), 'the recorded arguments give the same file');
  });

  it('has no record for a file changed since it was generated, or never generated here', async () => {
    const file = path.join(dir(), 'changed.log');
    await generate(['--format', 'nginx', '--out', file, '--lines', '30', '--seed', 'x']);
    assert.ok(loadGenerationRecord(file));
    fs.appendFileSync(file, 'one more line\n');
    assert.equal(loadGenerationRecord(file), undefined);
    const other = path.join(dir(), 'other.log');
    fs.writeFileSync(other, 'a line\n');
    assert.equal(loadGenerationRecord(other), undefined);
  });

  it('puts the generator options in the report and its command first among the reproducing ones', async () => {
    const file = path.join(dir(), 'report.log');
    await generate(['--format', 'web', '--out', file, '--users', '12', '--seed', 'lab 7']);
    const report = reportWith(file, loadGenerationRecord(file));
    const commands = reproduceCommands(report, 'report.md');
    assert.match(
      commands[0],
      /^kafka-log-lab generate --format web --out \S+report\.log --seed 'lab 7' --start \S+ --users 12/,
    );
    const md = renderMarkdown(report, [], 'report.md');
    assert.match(md, /- Generator \(`kafka-log-lab generate`, [^)]+\): format web, seed `lab 7`, first line at /);
    assert.match(md, /12 visitors asked for/);
    const unknown = renderMarkdown(reportWith(file, undefined), [], 'report.md');
    assert.match(unknown, /- Generator: no record of a `kafka-log-lab generate` run that wrote this file/);
  });
});
