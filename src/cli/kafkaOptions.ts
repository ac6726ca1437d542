// The Kafka client every CLI command builds from `--brokers`: fails fast (about 10 s at
// most) when the broker cannot be reached instead of retrying for minutes.
import { createKafkaClient, resolveBrokers } from '../core/kafka/client';
import type { KafkaClient } from '../core/kafka/ports';

export interface CliKafka {
  brokers: string[];
  client: KafkaClient;
}

export function cliKafka(brokersFlag: string | undefined): CliKafka {
  const brokers = resolveBrokers(brokersFlag);
  const client = createKafkaClient({
    brokers,
    clientId: 'kafka-log-lab-cli',
    connectionTimeoutMs: 3000,
    retries: 3,
    maxRetryTimeMs: 2000,
    log: process.env.KAFKA_LOG_LAB_DEBUG ? (level, m) => process.stderr.write(`[${level}] ${m}\n`) : undefined,
  });
  return { brokers, client };
}
