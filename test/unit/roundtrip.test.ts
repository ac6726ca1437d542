// generate -> stats: the visitors and sessions a generator made are exactly those the
// statistics find in the file it wrote.
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  generateToFile,
  type GenerateRequest,
  type NginxSessionCounts,
  type WebSessionCounts,
} from '../../src/core/generate';
import { statsOfFile } from '../../src/core/stats';
import { useTempDir } from './tempFiles';

const START = Date.UTC(2025, 9, 16, 21, 16, 47, 779);

describe('generate then stats round trip', function () {
  this.timeout(30_000);
  const dir = useTempDir();

  async function roundTrip(request: GenerateRequest) {
    const file = path.join(
      dir(),
      `${request.format}-${request.seed}-${request.users ?? ''}-${request.lines ?? ''}.log`,
    );
    const summary = await generateToFile(file, request);
    const stats = await statsOfFile(file, 'auto');
    assert.equal(stats.format, request.format, 'format detected');
    assert.deepEqual([stats.messages, stats.parsed, stats.unparsed], [summary.lines, summary.lines, 0]);
    assert.equal(stats.uniqueVisitors, summary.visitors);
    return { summary, stats };
  }

  for (const seed of ['1', 'lab']) {
    it(`web visits match (seed ${seed})`, async () => {
      const { summary, stats } = await roundTrip({ format: 'web', seed, startMs: START, users: 3000 });
      assert.equal(stats.format, 'web');
      if (stats.format === 'web') assert.deepEqual(stats.sessions, summary.sessions as WebSessionCounts);
    });

    it(`nginx sessions match (seed ${seed})`, async () => {
      const { summary, stats } = await roundTrip({ format: 'nginx', seed, startMs: START, users: 3000 });
      if (stats.format === 'nginx') assert.deepEqual(stats.sessions, summary.sessions as NginxSessionCounts);
      assert.ok((summary.sessions as NginxSessionCounts).count > summary.visitors, 'some visitors come back');
    });

    it(`events purchases and revenue match (seed ${seed})`, async () => {
      const { summary, stats } = await roundTrip({ format: 'events', seed, startMs: START, users: 3000 });
      if (stats.format === 'events') {
        assert.equal(stats.eventTypes.purchase, summary.purchases?.count);
        assert.equal(stats.revenue, summary.purchases?.revenue);
      }
    });
  }

  it('still matches when --lines cuts the simulation short', async () => {
    for (const format of ['web', 'nginx', 'events'] as const) {
      const { summary, stats } = await roundTrip({ format, seed: 'cut', startMs: START, lines: 12_345 });
      assert.equal(summary.lines, 12_345);
      if (stats.format === 'web') assert.deepEqual(stats.sessions, summary.sessions);
      if (stats.format === 'nginx') assert.deepEqual(stats.sessions, summary.sessions);
    }
  });
});
