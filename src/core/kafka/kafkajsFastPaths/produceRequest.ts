// An uncompressed produce request (v3 layout, which v4 to v7 share), as kafkajs writes it:
//   transactional_id acks timeout [topic [partition record_batch]]
// Each partition's record batch (magic 2) is written in one buffer: its header, then every
// record, with the CRC-32C of everything after the CRC field. kafkajs's own Encoder writes the
// few fixed fields, so its rules for ids and 64-bit values hold.
import { crc32c } from './crc32c';
import { recordBodySize, recordSize, writeRecord, type Bytes, type RecordArgs } from './records';

/** The part of kafkajs's Encoder used here. */
export interface KafkaEncoder {
  writeInt16(v: number): KafkaEncoder;
  writeInt32(v: number): KafkaEncoder;
  writeInt64(v: unknown): KafkaEncoder;
  writeString(v: string | null): KafkaEncoder;
  writeArray(v: KafkaEncoder[]): KafkaEncoder;
  writeBuffer(v: Buffer): KafkaEncoder;
  readonly buffer: Buffer;
}

/** What the produce encoding takes from kafkajs itself. */
export interface KafkaEncoding {
  Encoder: new (initialSize?: number) => KafkaEncoder;
  noCompression: number;
}

interface ProduceMessage {
  key?: Bytes;
  value?: Bytes;
  headers?: Record<string, Bytes | Bytes[]>;
  timestamp?: string | number;
}

interface PartitionData {
  partition: number;
  firstSequence?: number;
  messages: ProduceMessage[];
}

export interface ProduceRequestArgs {
  acks: number;
  timeout: number;
  transactionalId?: string | null;
  producerId?: unknown;
  producerEpoch?: number;
  compression?: number;
  topicData: Array<{ topic: string; partitions: PartitionData[] }>;
}

const MAGIC_BYTE = 2;
const TRANSACTIONAL = 16;
/** attributes .. record count: int16 + int32 + int64 * 3 + int16 + int32 + int32. */
const BATCH_HEADER_BYTES = 40;
/** firstOffset (int64), length (int32), partition leader epoch (int32), magic (int8), crc (int32). */
const BATCH_PREFIX_BYTES = 21;

export function encodeUncompressedProduce(args: ProduceRequestArgs, kafka: KafkaEncoding): KafkaEncoder {
  const topics = args.topicData.map(({ topic, partitions }) =>
    new kafka.Encoder().writeString(topic).writeArray(partitions.map((p) => encodePartition(p, args, kafka))),
  );
  return new kafka.Encoder()
    .writeString(args.transactionalId ?? null)
    .writeInt16(args.acks)
    .writeInt32(args.timeout)
    .writeArray(topics);
}

function encodePartition(data: PartitionData, args: ProduceRequestArgs, kafka: KafkaEncoding): KafkaEncoder {
  const batch = recordBatch(data, args, kafka);
  return new kafka.Encoder(batch.length + 8).writeInt32(data.partition).writeInt32(batch.length).writeBuffer(batch);
}

/** kafkajs's timestamps: the batch's are the first and last of the messages' own, sorted as it sorts them. */
function batchTimestamps(messages: ProduceMessage[], now: number): { first: string | number; max: string | number } {
  const stamps = messages.map((m) => m.timestamp).filter((t) => t != null) as Array<string | number>;
  // kafkajs sorts them as text; the same order keeps the bytes the same.
  stamps.sort();
  return stamps.length === 0 ? { first: now, max: now } : { first: stamps[0], max: stamps[stamps.length - 1] };
}

function recordBatch({ messages, firstSequence = 0 }: PartitionData, args: ProduceRequestArgs, kafka: KafkaEncoding) {
  const now = Date.now();
  const { first, max } = batchTimestamps(messages, now);
  // One record object, refilled for each message, keeps a million-message send from making a million objects.
  const record: RecordArgs = {};
  const fill = (m: ProduceMessage, i: number): RecordArgs => {
    record.offsetDelta = i;
    record.timestampDelta = Number(m.timestamp || now) - Number(first);
    record.key = m.key;
    record.value = m.value;
    record.headers = m.headers;
    return record;
  };
  const bodies = new Int32Array(messages.length);
  let size = BATCH_PREFIX_BYTES + BATCH_HEADER_BYTES;
  for (let i = 0; i < messages.length; i++) size += recordSize((bodies[i] = recordBodySize(fill(messages[i], i))));
  const header = new kafka.Encoder(BATCH_HEADER_BYTES)
    .writeInt16(args.transactionalId ? TRANSACTIONAL : 0)
    .writeInt32(messages.length - 1)
    .writeInt64(first)
    .writeInt64(max)
    .writeInt64(args.producerId ?? -1)
    .writeInt16(args.producerEpoch ?? 0)
    .writeInt32(firstSequence)
    .writeInt32(messages.length).buffer;
  const buf = Buffer.allocUnsafe(size);
  buf.writeInt32BE(0, 0); // firstOffset, an int64 0: the broker assigns offsets
  buf.writeInt32BE(0, 4);
  buf.writeInt32BE(size - 12, 8);
  buf.writeInt32BE(0, 12); // partition leader epoch
  buf.writeInt8(MAGIC_BYTE, 16);
  let at = BATCH_PREFIX_BYTES + header.copy(buf, BATCH_PREFIX_BYTES);
  for (let i = 0; i < messages.length; i++) at = writeRecord(buf, at, fill(messages[i], i), bodies[i]);
  buf.writeUInt32BE(crc32c(buf.subarray(BATCH_PREFIX_BYTES)), 17);
  return buf;
}
