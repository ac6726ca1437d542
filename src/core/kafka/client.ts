// Builds a KafkaClient. The adapter is required lazily so that loading the engine (and
// activating the extension) does not pay for the client library until Kafka is used.
import type { KafkaClient, KafkaConnection } from './ports';
import { UserError } from '../errors';

export const DEFAULT_BROKERS = 'localhost:9092';

export function createKafkaClient(connection: KafkaConnection): KafkaClient {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createKafkajsClient } = require('./kafkajsAdapter') as typeof import('./kafkajsAdapter');
  return createKafkajsClient(connection);
}

/** `--brokers` value, else $KAFKA_BROKERS, else localhost:9092, split into a checked list. */
export function resolveBrokers(flag?: string, env = process.env): string[] {
  if (flag !== undefined) return parseBrokerList(flag);
  if (env.KAFKA_BROKERS) return parseBrokerList(env.KAFKA_BROKERS, 'KAFKA_BROKERS');
  return parseBrokerList(DEFAULT_BROKERS);
}

/**
 * `HOST:PORT[,HOST:PORT…]` as a list, checked before any connection so that a typo names
 * the entry instead of surfacing as a client error. IPv6 hosts go in brackets: `[::1]:9092`.
 */
export function parseBrokerList(text: string, source = '--brokers'): string[] {
  const entries = text.split(',').map((b) => b.trim());
  if (entries.every((b) => b === '')) throw new UserError(`${source} is empty: give HOST:PORT, e.g. localhost:9092`);
  for (const entry of entries) {
    const problem = brokerAddressProblem(entry);
    if (problem) throw new UserError(`${source}: "${entry}" ${problem}; expected HOST:PORT, e.g. localhost:9092`);
  }
  return entries;
}

function brokerAddressProblem(entry: string): string | undefined {
  if (entry === '') return 'is empty (a stray comma?)';
  if (!entry.startsWith('[') && entry.split(':').length > 2)
    return 'has more than one ":" (put an IPv6 address in brackets)';
  const colon = entry.lastIndexOf(':');
  if (colon < 0) return 'has no port';
  const host = entry.slice(0, colon);
  const port = entry.slice(colon + 1);
  if (host === '') return 'has no host';
  if (!/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)$/.test(host)) return 'has a host name with characters a host cannot have';
  if (port === '') return 'has no port';
  if (!/^\d+$/.test(port)) return `has port "${port}", which is not a number`;
  if (Number(port) < 1 || Number(port) > 65535) return `has port ${port}, outside 1-65535`;
  return undefined;
}

/** Runs `work` with a connected admin client and always disconnects it. */
export async function withAdmin<T>(
  client: KafkaClient,
  work: (admin: import('./ports').AdminPort) => Promise<T>,
): Promise<T> {
  const admin = client.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
