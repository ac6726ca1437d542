// The lab's promise, per format: what the generator wrote, produce delivers exactly once
// (verify finds nothing missing or doubled), and the statistics computed while consuming
// the topic equal the engine's statistics of the file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateToFile } from '../../../src/core/generate';
import { createKafkaClient } from '../../../src/core/kafka/client';
import { consumeTopic } from '../../../src/core/kafka/consumeTopic';
import { produceFile } from '../../../src/core/kafka/produceFile';
import { verifyFileAgainstTopic } from '../../../src/core/kafka/verifyTopic';
import { statsOfFile } from '../../../src/core/stats';
import type { GeneratedFormat } from '../../../src/core/logFormat';
import { testBrokers, uniqueName } from '../support/testBroker';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-lab-'));
const cases: Array<{ format: GeneratedFormat; lines: number }> = [
  { format: 'web', lines: 100_000 },
  { format: 'nginx', lines: 20_000 },
  { format: 'events', lines: 20_000 },
];

describe('lab round trip: generate → produce → verify → consume with statistics', function () {
  this.timeout(180000);

  for (const { format, lines } of cases) {
    it(`${format}: ${lines.toLocaleString('en-US')} generated lines arrive exactly once with the file's statistics`, async () => {
      const brokers = testBrokers();
      const client = createKafkaClient({ brokers });
      const file = path.join(dir, `${format}.log`);
      const generated = await generateToFile(file, {
        format,
        seed: `lab-${format}`,
        startMs: Date.UTC(2025, 9, 16, 21),
        lines,
        users: lines,
      });
      assert.equal(generated.lines, lines);
      const topic = uniqueName(`lab-${format}`);

      const produced = await produceFile({ client, brokers, file, topic });
      assert.equal(produced.format, format, 'the format is detected from the file');
      assert.equal(produced.acked, lines);
      assert.equal(produced.complete, true);

      const verified = await verifyFileAgainstTopic(file, topic, client);
      assert.deepEqual([verified.missing, verified.duplicates, verified.unexpected], [0, 0, 0]);
      assert.equal(verified.messages, lines);

      const consumed = await consumeTopic({ client, topic, from: { kind: 'beginning' }, untilEnd: true, idleMs: 2000 });
      assert.equal(consumed.messages, lines);
      assert.deepEqual(consumed.stats, await statsOfFile(file, 'auto'));
    });
  }
});
