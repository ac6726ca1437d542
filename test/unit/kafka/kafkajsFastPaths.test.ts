import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as fastPaths from '../../../src/core/kafka/kafkajsFastPaths';
import { crc32c } from '../../../src/core/kafka/kafkajsFastPaths/crc32c';
import type { ProduceRequestArgs } from '../../../src/core/kafka/kafkajsFastPaths/produceRequest';
import { SeededRandom } from '../../../src/core/generate/random';

// The originals are read from kafkajs itself: the stand-ins must answer exactly as they do.
/* eslint-disable @typescript-eslint/no-require-imports */
const KAFKAJS_SRC = path.dirname(require.resolve('kafkajs/src/index.js'));
const original = (file: string) => require(path.join(KAFKAJS_SRC, file));
/* eslint-enable @typescript-eslint/no-require-imports */

// The build's plugin is an ES module; this loads it from CommonJS without a transpiled require().
const importModule = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<unknown>;

const RECORDS: fastPaths.RecordArgs[] = [
  {},
  { key: null, value: 'plain' },
  { key: 'a210f380', value: Buffer.from('1 -- Timestamp : 2025-10-16 00:00:00.000000 - User_id : a210f380') },
  { key: 'pÄß€ 😀', value: '{"page":"home","ü":"✓"}', offsetDelta: 63, timestampDelta: 64 },
  { key: Buffer.alloc(0), value: Buffer.alloc(300, 7), offsetDelta: 64, timestampDelta: -1 },
  { value: 'x'.repeat(20_000), offsetDelta: 2_999, timestampDelta: 2 ** 31 + 5 },
  { value: null, offsetDelta: 70_000, timestampDelta: -(2 ** 40) - 3 },
  { value: 'late', timestampDelta: 2 ** 51 + 12_345 },
  { value: 'early', timestampDelta: -(2 ** 52) + 1 },
  { key: 'k', value: 'v', headers: { 'kll.line': '42', 'kll.src': Buffer.from('3f9a') } },
  { key: 'k', value: 'v', headers: { multi: ['one', Buffer.from('two'), ''], empty: '' } },
];

describe('kafkajs fast paths', () => {
  it('replace kafkajs modules that exist, with exports that exist', async () => {
    const plugin = (await importModule(path.resolve('scripts/kafkajsFastPaths.mjs'))) as {
      REPLACED: Record<string, string>;
    };
    assert.ok(Object.keys(plugin.REPLACED).length >= 3);
    for (const [file, shim] of Object.entries(plugin.REPLACED)) {
      assert.ok(fs.existsSync(path.join(KAFKAJS_SRC, file)), `kafkajs no longer has ${file}`);
      const exported = /kafkajsFastPaths[\\/]index\.ts"\)\.(\w+)/.exec(shim)?.[1] as keyof typeof fastPaths;
      assert.equal(typeof fastPaths[exported], 'function', `${file}: ${exported} is not exported`);
    }
  });

  it('compute the CRC-32C of a record batch as kafkajs does, for every length and alignment', () => {
    assert.equal(crc32c(Buffer.from('123456789')), 0xe3069283); // the standard check value
    const kafkajsCrc = original('protocol/recordBatch/crc32C/index.js');
    const random = new SeededRandom('crc32c');
    const bytes = Buffer.from(Array.from({ length: 70_000 }, () => random.int(256)));
    for (let length = 0; length <= 40; length++)
      for (const start of [0, 1, 3, 7]) {
        const part = bytes.subarray(start, start + length);
        assert.equal(crc32c(part), kafkajsCrc(part), `${length} bytes from ${start}`);
      }
    assert.equal(crc32c(bytes), kafkajsCrc(bytes));
  });

  it('group messages per partition as kafkajs does, in send order', () => {
    const random = new SeededRandom('grouping');
    const messages = Array.from({ length: 2_000 }, (_, i) => ({ value: `m${i}`, partition: random.int(5) }));
    const args = {
      topic: 't',
      partitionMetadata: [0, 1, 2, 3, 4].map((partitionId) => ({ partitionId })),
      messages,
      partitioner: ({ message }: { message: { partition: number } }) => message.partition,
    };
    const ours = fastPaths.groupMessagesPerPartition(args);
    assert.deepEqual(ours, original('producer/groupMessagesPerPartition.js')(args));
    assert.equal(Object.values(ours).flat().length, messages.length);
    assert.deepEqual(fastPaths.groupMessagesPerPartition({ ...args, partitionMetadata: [] }), {});
  });

  it('encode every record byte for byte as kafkajs does', () => {
    const kafkajsRecord = original('protocol/recordBatch/record/v0/index.js');
    for (const record of RECORDS) {
      const label = JSON.stringify(record).slice(0, 80);
      assert.deepEqual(fastPaths.encodeRecord(record).buffer, kafkajsRecord(record).buffer, label);
    }
  });

  it('encode a whole record batch as kafkajs does, with the stand-in records inside', async () => {
    const { RecordBatch } = original('protocol/recordBatch/v0/index.js');
    const args = { firstTimestamp: 1_700_000_000_000, maxTimestamp: 1_700_000_000_000, firstSequence: 9 };
    const ours = await RecordBatch({ ...args, records: RECORDS.map(fastPaths.encodeRecord) });
    const theirs = await RecordBatch({
      ...args,
      records: RECORDS.map(original('protocol/recordBatch/record/v0/index.js')),
    });
    assert.deepEqual(ours.buffer, theirs.buffer);
  });

  it('encode whole produce requests as kafkajs does: keys, headers, timestamps, transactions', async () => {
    const kafkajsRequest = original('protocol/requests/produce/v3/request.js');
    const Long = original('utils/long');
    const kafka = {
      Encoder: original('protocol/encoder.js'),
      noCompression: 0,
    };
    const ours = fastPaths.withFastProduceEncoding(kafkajsRequest, kafka);
    const messages = RECORDS.map(({ key, value, headers }) => ({ key, value, headers }));
    const stamped = messages.map((m, i) => ({
      ...m,
      timestamp: i % 3 === 0 ? undefined : String(1_700_000_000_000 + i * 997),
    }));
    const requests: ProduceRequestArgs[] = [
      { acks: -1, timeout: 30000, topicData: [{ topic: 't', partitions: [{ partition: 0, messages: stamped }] }] },
      {
        acks: 1,
        timeout: 5000,
        transactionalId: 'tx-1',
        producerId: Long.fromString('9007199254740993'),
        producerEpoch: 3,
        topicData: [
          { topic: 'web-logs', partitions: [{ partition: 2, firstSequence: 1_000, messages: stamped.slice(2) }] },
          {
            topic: 'ünïcode',
            partitions: [
              {
                partition: 0,
                firstSequence: 7,
                messages: [
                  { value: 'x', timestamp: 9 },
                  { value: 'y', timestamp: 10 },
                ],
              },
              { partition: 1, messages: messages.slice(0, 4) },
            ],
          },
        ],
      },
      {
        acks: -1,
        timeout: 1000,
        producerId: 42,
        topicData: [{ topic: 't', partitions: [{ partition: 0, messages }] }],
      },
      // gzip goes through kafkajs's own encoder, with the stand-in records inside
      {
        acks: -1,
        timeout: 1000,
        compression: 1,
        topicData: [{ topic: 't', partitions: [{ partition: 0, messages }] }],
      },
    ];
    const realNow = Date.now;
    Date.now = () => 1_700_000_123_456; // the batch time of messages without a timestamp
    try {
      for (const args of requests) {
        const [a, b] = [await ours(args).encode(), await kafkajsRequest(args).encode()];
        assert.deepEqual(
          (a as { buffer: Buffer }).buffer,
          (b as { buffer: Buffer }).buffer,
          JSON.stringify(args).slice(0, 120),
        );
      }
    } finally {
      Date.now = realNow;
    }
  });
});
