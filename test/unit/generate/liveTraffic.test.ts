import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGenerator, type LogGenerator } from '../../../src/core/generate';
import { LIVE_THINK_SECONDS, LiveTraffic, linesPerArrival } from '../../../src/core/generate/liveTraffic';
import { parseJsonLine, parseNginxLine, parseWebLine } from '../../../src/core/parse';
import type { GeneratedFormat } from '../../../src/core/logFormat';

const START = Date.UTC(2026, 0, 5, 9, 0, 0);
const FORMATS: GeneratedFormat[] = ['web', 'nginx', 'events'];

function liveGenerator(format: GeneratedFormat, arrivalsPerSecond: number, seed = 'live-test'): LogGenerator {
  return createGenerator({ format, seed, startMs: START, meanThinkSeconds: LIVE_THINK_SECONDS, arrivalsPerSecond });
}

/** Every line due up to `untilMs`, taken in one-second steps as the live loop does. */
function linesUpTo(generator: LogGenerator, fromMs: number, untilMs: number): string[] {
  const parts: string[] = [];
  for (let t = fromMs + 1000; t <= untilMs; t += 1000) parts.push(generator.linesUntil(t).toString('utf8'));
  const text = parts.join('');
  assert.ok(text === '' || text.endsWith('\n'), 'only whole lines are handed out');
  return text.split('\n').slice(0, -1);
}

function timeOf(format: GeneratedFormat, line: string): number {
  const record =
    format === 'web' ? parseWebLine(line) : format === 'nginx' ? parseNginxLine(line) : parseJsonLine(line);
  assert.ok(record, `a live ${format} line does not parse: ${line}`);
  if (format === 'web') return (record as { ts: number }).ts;
  if (format === 'nginx') return (record as { ts: number }).ts;
  return Date.parse((record as { timestamp: string }).timestamp);
}

describe('live traffic generation', () => {
  for (const format of FORMATS) {
    it(`${format}: lines parse, are due when written and never go back in time`, () => {
      const generator = liveGenerator(format, 4);
      const lines = linesUpTo(generator, START, START + 120_000);
      assert.ok(lines.length > 200, `only ${lines.length} lines in two minutes`);
      let last = START - 1000;
      for (const line of lines) {
        const t = timeOf(format, line);
        assert.ok(t >= last, `time went back at: ${line}`);
        assert.ok(t <= START + 120_000, `a line from the future: ${line}`);
        last = t;
      }
    });
  }

  it('web: visits follow the batch model (start at home, 3 to 8 events, nothing after close)', () => {
    const lines = linesUpTo(liveGenerator('web', 3), START, START + 600_000);
    lines.forEach((line, i) => assert.ok(line.startsWith(`${i + 1} -- `), `line numbers run on: ${line}`));
    const visits = new Map<string, string[]>();
    for (const record of lines.map((l) => parseWebLine(l)!)) {
      const actions = visits.get(record.user_id) ?? [];
      assert.notEqual(actions.at(-1), 'close', `${record.user_id} acts after closing`);
      actions.push(record.action);
      visits.set(record.user_id, actions);
    }
    for (const [id, actions] of visits) {
      assert.equal(actions[0], 'go_to', `${id} starts with ${actions[0]}`);
      assert.ok(actions.length <= 8, `${id} has ${actions.length} events`);
    }
    assert.ok(visits.size > 1000, `${visits.size} visitors in ten minutes at 3 arrivals/s`);
  });

  for (const format of FORMATS) {
    it(`${format}: after the warm-up the calibrated arrival rate gives the wanted lines per second`, () => {
      const wanted = 40;
      const generator = liveGenerator(format, wanted / linesPerArrival(format, 'live-test', LIVE_THINK_SECONDS));
      generator.skipUntil(START + 30_000);
      const lines = linesUpTo(generator, START + 30_000, START + 90_000);
      const perSecond = lines.length / 60;
      assert.ok(perSecond > wanted * 0.7 && perSecond < wanted * 1.3, `${perSecond.toFixed(1)} lines/s for ${wanted}`);
    });
  }

  it('starts the written log at line 1 after the warm-up, with no line older than the skip', () => {
    const generator = liveGenerator('web', 5);
    generator.skipUntil(START + 30_000);
    const lines = linesUpTo(generator, START + 30_000, START + 40_000);
    assert.match(lines[0], /^1 -- /);
    for (const line of lines) assert.ok(parseWebLine(line)!.ts > START + 30_000, line);
  });

  it('a higher arrival rate takes effect from the next arrival', () => {
    const generator = liveGenerator('events', 2);
    const before = linesUpTo(generator, START, START + 60_000).length;
    generator.setArrivalsPerSecond(8);
    const after = linesUpTo(generator, START + 60_000, START + 120_000).length;
    assert.ok(after > before * 2, `${before} lines before, ${after} after quadrupling arrivals`);
    assert.throws(() => generator.setArrivalsPerSecond(0), /arrivalsPerSecond must be > 0/);
  });

  for (const format of FORMATS) {
    it(`${format}: a pause leaves a gap in time and visits go on after it`, () => {
      const generator = liveGenerator(format, 3);
      const before = linesUpTo(generator, START, START + 20_000);
      generator.postpone(60_000);
      assert.equal(generator.linesUntil(START + 80_000).length, 0, 'nothing is due during the pause');
      const after = linesUpTo(generator, START + 80_000, START + 100_000);
      assert.ok(after.length > 0);
      assert.ok(timeOf(format, after[0]) >= START + 80_000, `first line after the pause: ${after[0]}`);
      assert.ok(timeOf(format, after[0]) >= timeOf(format, before.at(-1)!));
    });
  }

  it('caps the lines handed out in one turn', () => {
    const generator = liveGenerator('web', 50);
    const chunk = generator.linesUntil(START + 60_000, 100).toString('utf8');
    assert.equal(chunk.split('\n').length - 1, 100);
  });
});

describe('LiveTraffic (a real file, the wall clock)', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-live-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('appends whole lines, rotates by size, and counts exactly what it wrote', async () => {
    const file = path.join(dir, 'live.log');
    const live = await LiveTraffic.start({
      format: 'events',
      file,
      linesPerSecond: 200,
      seed: 's',
      rotateBytes: 8000,
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const status = await live.stop();
    const texts = [`${file}.1`, file].map((f) => fs.readFileSync(f, 'utf8'));
    for (const text of texts) assert.ok(text === '' || text.endsWith('\n'), 'a rotated or live file ends mid-line');
    const lines = texts.join('').split('\n').filter(Boolean);
    assert.ok(status.rotations >= 1, `no rotation after ${status.bytes} bytes`);
    assert.ok(lines.length <= status.lines, 'FILE.1 holds the last rotation only');
    assert.equal(fs.statSync(file).size + fs.statSync(`${file}.1`).size <= status.bytes, true);
    for (const line of lines) assert.ok(parseJsonLine(line), line);
  });

  it('appends to an existing file, pauses, and refuses a rate out of range', async () => {
    const file = path.join(dir, 'grow.log');
    fs.writeFileSync(file, 'kept\n');
    const live = await LiveTraffic.start({ format: 'web', file, linesPerSecond: 100, seed: 's' });
    assert.throws(() => live.setRate(0), /between 1 and 10000/);
    await live.pause();
    const paused = live.status().lines;
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(live.status().lines, paused, 'lines were written while paused');
    live.resume();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const status = await live.stop();
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.startsWith('kept\n'));
    assert.equal(text.split('\n').length - 2, status.lines);
  });

  it('names the file when it cannot be opened', async () => {
    await assert.rejects(
      LiveTraffic.start({ format: 'web', file: path.join(dir, 'missing', 'x.log'), linesPerSecond: 5, seed: 's' }),
      /ENOENT.*missing/,
    );
  });
});
