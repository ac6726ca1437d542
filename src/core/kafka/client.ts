// Builds a KafkaClient. The adapter is required lazily so that loading the engine (and
// activating the extension) does not pay for the client library until Kafka is used.
import type { KafkaClient, KafkaConnection } from './ports';

export const DEFAULT_BROKERS = 'localhost:9092';

export function createKafkaClient(connection: KafkaConnection): KafkaClient {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createKafkajsClient } = require('./kafkajsAdapter') as typeof import('./kafkajsAdapter');
  return createKafkajsClient(connection);
}

/** `--brokers` value, else $KAFKA_BROKERS, else localhost:9092, split into a list. */
export function resolveBrokers(flag?: string, env = process.env): string[] {
  const raw = flag ?? env.KAFKA_BROKERS ?? DEFAULT_BROKERS;
  const brokers = raw.split(',').map((b) => b.trim()).filter(Boolean);
  return brokers;
}

/** Runs `work` with a connected admin client and always disconnects it. */
export async function withAdmin<T>(client: KafkaClient, work: (admin: import('./ports').AdminPort) => Promise<T>): Promise<T> {
  const admin = client.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
