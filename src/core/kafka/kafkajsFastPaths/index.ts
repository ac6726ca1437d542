// Stand-ins for kafkajs internals on the produce path. The build bundles them in place of
// kafkajs's own modules (scripts/kafkajsFastPaths.mjs); each takes the same arguments and gives
// what the original gives, byte for byte (test/unit/kafka/kafkajsFastPaths.test.ts).
//   groupMessagesPerPartition: kafkajs copies a partition's whole array for every message
//     (quadratic in the size of a send); this appends.
//   encodeRecord: kafkajs builds each record in a fresh zeroed 512-byte buffer through growing
//     writes, doing 64-bit arithmetic on Long objects; this sizes the record and writes it once.
//   withFastProduceEncoding: an uncompressed produce request is written with each partition's
//     record batch in one buffer, instead of one buffer per record copied into the batch, and
//     its checksum taken eight bytes at a time (crc32c.ts).
import { recordBodySize, recordSize, writeRecord, type RecordArgs } from './records';
import { encodeUncompressedProduce, type KafkaEncoding, type ProduceRequestArgs } from './produceRequest';

export type { RecordArgs } from './records';

interface GroupArgs<M> {
  topic: string;
  partitionMetadata: unknown[];
  messages: M[];
  partitioner: (args: { topic: string; partitionMetadata: unknown[]; message: M }) => number;
}

/** The messages per partition, each partition's in send order. */
export function groupMessagesPerPartition<M>({
  topic,
  partitionMetadata,
  messages,
  partitioner,
}: GroupArgs<M>): Record<number, M[]> {
  const result: Record<number, M[]> = {};
  if (partitionMetadata.length === 0) return result;
  for (const message of messages) {
    const partition = partitioner({ topic, partitionMetadata, message });
    (result[partition] ??= []).push(message);
  }
  return result;
}

/** One record as kafkajs's record batch reads it (its own Encoder offers the same two fields). */
export function encodeRecord(record: RecordArgs): { buf: Buffer; buffer: Buffer } {
  const body = recordBodySize(record);
  const buf = Buffer.allocUnsafe(recordSize(body));
  writeRecord(buf, 0, record, body);
  return { buf, buffer: buf };
}

interface ProduceRequest {
  encode: () => Promise<unknown>;
}

/** kafkajs's produce request (v3, which v4 to v7 reuse) with the uncompressed case written here. */
export function withFastProduceEncoding<R extends ProduceRequest>(
  original: (args: ProduceRequestArgs) => R,
  kafka: KafkaEncoding,
): (args: ProduceRequestArgs) => R {
  return (args) => {
    const request = original(args);
    if ((args.compression ?? kafka.noCompression) === kafka.noCompression)
      request.encode = async () => encodeUncompressedProduce(args, kafka);
    return request;
  };
}
