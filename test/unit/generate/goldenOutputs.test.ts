// The generators promise the same bytes for the same options. These hashes were recorded
// before the generators were made faster, so any change to the output (a reordered random
// draw, a different number or timestamp text) fails here.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGenerator, generateToFile, generateToString, type GenerateRequest } from '../../../src/core/generate';
import type { GeneratedFormat } from '../../../src/core/logFormat';

const FIXTURES = path.resolve(__dirname, '../../../../test/unit/generate/fixtures');

interface GoldenCase {
  name: string;
  format: GeneratedFormat;
  seed: string;
  start: string;
  lines?: number;
  users?: number;
  thinkSeconds?: number;
  /** First lines of the output, kept as text so a failure shows what changed. */
  head?: string;
  sha256: string;
}

const golden = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'goldenOutputs.json'), 'utf8')) as {
  cases: GoldenCase[];
};

function requestOf(c: GoldenCase): GenerateRequest {
  return {
    format: c.format,
    seed: c.seed,
    startMs: Date.parse(c.start),
    lines: c.lines,
    users: c.users,
    meanThinkSeconds: c.thinkSeconds,
  };
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

describe('generator output is byte-identical to the recorded reference', () => {
  for (const c of golden.cases) {
    it(`${c.name} (generateToString)`, () => {
      const { text } = generateToString(requestOf(c));
      if (c.head) {
        const head = fs.readFileSync(path.join(FIXTURES, c.head), 'utf8');
        assert.equal(text.slice(0, head.length), head);
      }
      assert.equal(sha256(text), c.sha256);
    });
  }

  it('generateToFile writes the same bytes (several chunks in flight)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-golden-'));
    try {
      for (const c of golden.cases.filter((g) => g.lines !== undefined)) {
        const file = path.join(dir, `${c.format}.log`);
        await generateToFile(file, requestOf(c));
        assert.equal(sha256(fs.readFileSync(file)), c.sha256, c.name);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('line by line through linesUntil (the live path) gives the same bytes', () => {
    for (const c of golden.cases.filter((g) => g.users !== undefined)) {
      const generator = createGenerator(requestOf(c));
      const parts: Buffer[] = [];
      for (let next = generator.nextEventMs(); next !== undefined; next = generator.nextEventMs())
        parts.push(Buffer.from(generator.linesUntil(next, 3)));
      assert.equal(sha256(Buffer.concat(parts)), c.sha256, c.name);
    }
  });
});
