import assert from 'node:assert/strict';
import { murmur2, partitionOfKey, partitionOfLine, UNKEYED_BLOCK_LINES } from '../../../src/core/kafka/partitioner';

// Printed by Java with org.apache.kafka.common.utils.Utils (kafka-clients 4.3.1):
// key, Utils.murmur2(key UTF-8 bytes), toPositive(hash) % 3, toPositive(hash) % 7.
const JAVA: Array<[string, number, number, number]> = [
  ['', 275646681, 0, 2],
  ['a', -1563381124, 1, 5],
  ['ab', 316155434, 2, 0],
  ['abc', 479470107, 0, 4],
  ['21', -973932308, 0, 3],
  ['foobar', -790332482, 0, 0],
  ['198.51.100.7', 1652123422, 1, 5],
  ['user-00042', -1512267234, 2, 0],
  ['pÄß€', 997186752, 0, 2],
  ['a-little-bit-longer-string', -1486304829, 2, 0],
];

describe('partitioner', () => {
  it("hashes keys exactly like Java's Utils.murmur2 and picks Java's partition", () => {
    for (const [key, hash, of3, of7] of JAVA) {
      assert.equal(murmur2(Buffer.from(key, 'utf8')), hash, `murmur2(${JSON.stringify(key)})`);
      assert.equal(partitionOfKey(key, 3), of3, `partition of ${JSON.stringify(key)} among 3`);
      assert.equal(partitionOfKey(Buffer.from(key, 'utf8'), 7), of7, `partition of ${JSON.stringify(key)} among 7`);
    }
  });

  it("agrees with kafkajs's own default partitioner on 5,000 keys and several partition counts", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Partitioners } = require('kafkajs') as typeof import('kafkajs');
    const kafkajs = Partitioners.DefaultPartitioner();
    for (const partitions of [1, 3, 6, 10]) {
      const partitionMetadata = Array.from({ length: partitions }, (_, i) => ({ partitionId: i, leader: 0 })) as never;
      for (let i = 0; i < 5000; i++) {
        const key = i % 2 ? `User_${i.toString(36)}` : `10.${i % 256}.${(i * 7) % 256}.${i % 97}`;
        const expected = kafkajs({ topic: 't', partitionMetadata, message: { key, value: null } });
        assert.equal(partitionOfKey(key, partitions), expected, `key ${key}, ${partitions} partitions`);
      }
    }
  });

  it('sends lines without a key to one partition per block of lines, the same on every call', () => {
    assert.equal(partitionOfLine(null, 1, 3), 0);
    assert.equal(partitionOfLine(null, UNKEYED_BLOCK_LINES, 3), 0);
    assert.equal(partitionOfLine(undefined, UNKEYED_BLOCK_LINES + 1, 3), 1);
    assert.equal(partitionOfLine(null, 3 * UNKEYED_BLOCK_LINES + 1, 3), 0);
    assert.equal(partitionOfLine('abc', 5, 7), 4, 'a key decides, not the line number');
  });
});
