// Run as a child process by consumerLifecycle.test.ts: a consumer reads a topic, its broker
// (pid in argv) is killed, the consumer is disconnected shortly after. Nothing else is open, so
// the process must then end by itself; a consumer that goes on restarting keeps it alive.
import { createKafkaClient, withAdmin } from '../../../src/core/kafka/client';

const [brokers, brokerPid, afterKillMs] = process.argv.slice(2);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const client = createKafkaClient({ brokers: [brokers], log: () => undefined });
  await withAdmin(client, (admin) => admin.createTopic({ topic: 'after-loss', partitions: 1 }));
  const consumer = client.consumer({ groupId: 'after-loss' });
  await consumer.connect();
  await consumer.run({ topics: ['after-loss'], fromBeginning: true, eachBatch: async () => undefined });
  await sleep(2000);
  process.kill(Number(brokerPid), 'SIGKILL');
  await sleep(Number(afterKillMs));
  await consumer.disconnect();
  console.log('disconnected');
}

main().catch((e) => {
  console.log(`failed: ${(e as Error).message}`);
  process.exit(2);
});
