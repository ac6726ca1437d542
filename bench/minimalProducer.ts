// The reference "minimal kafkajs producer" of bench:kafka: a file's lines, no key, no headers,
// idempotent with acks=all, sends of 2,000 messages one after the other. What kafkajs itself
// costs, without anything the lab adds. Usage: node minimalProducer.js BROKER TOPIC FILE
import fs from 'node:fs';
import readline from 'node:readline';
// eslint-disable-next-line no-restricted-imports -- the reference measures kafkajs alone, without our ports
import { Kafka, logLevel } from 'kafkajs';

async function main(): Promise<void> {
  const [broker, topic, file] = process.argv.slice(2);
  const kafka = new Kafka({ brokers: [broker], clientId: 'bench-minimal', logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ idempotent: true, allowAutoTopicCreation: false });
  await producer.connect();
  let batch: Array<{ value: string }> = [];
  for await (const line of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) {
    if (line.length === 0) continue;
    batch.push({ value: line });
    if (batch.length === 2000) {
      await producer.send({ topic, messages: batch, acks: -1 });
      batch = [];
    }
  }
  if (batch.length > 0) await producer.send({ topic, messages: batch, acks: -1 });
  await producer.disconnect();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
