// What every CLI command that talks to Kafka shares: the checks of --brokers and topic names
// (usage errors, before anything connects), and the Kafka client built from --brokers, which
// fails fast (about 10 s at most) when the broker cannot be reached instead of retrying for minutes.
import { createKafkaClient, resolveBrokers } from '../core/kafka/client';
import type { KafkaClient } from '../core/kafka/ports';
import { parseTimestamp } from '../core/kafka/startPosition';
import { topicNameProblem } from '../core/kafka/topicName';
import { UserError } from '../core/errors';
import { UsageError, quote } from './command';

export interface CliKafka {
  brokers: string[];
  client: KafkaClient;
}

/** `--brokers` (else $KAFKA_BROKERS, else localhost:9092) as a checked list; a bad entry is a usage error. */
export function brokersOption(flag: string | undefined): string[] {
  try {
    return resolveBrokers(flag);
  } catch (e) {
    throw e instanceof UserError ? new UsageError(e.message) : e;
  }
}

/** A topic name from the command line, refused with Kafka's rule in words when Kafka would refuse it. */
export function topicOption(name: string, label = '--topic'): string {
  const problem = topicNameProblem(name);
  if (problem) throw new UsageError(`${label}: ${problem}`);
  return name;
}

/** The latest time a JavaScript date (and a Kafka timestamp lookup here) can stand for, in ms. */
const MAX_TIME_MS = 8.64e15;

/** `--from-time`/`--to`: an ISO date-time or epoch milliseconds, as milliseconds; refused when no date matches it. */
export function timeOption(text: string, name: string): number {
  let ms: number;
  try {
    ms = parseTimestamp(text);
  } catch (e) {
    throw new UsageError(`--${name}: ${(e as Error).message}`);
  }
  if (!(Math.abs(ms) <= MAX_TIME_MS)) throw new UsageError(`--${name}: ${quote(text)} is beyond the last date there is (year 275760)`);
  return ms;
}

export function cliKafka(brokersFlag: string | undefined): CliKafka {
  const brokers = brokersOption(brokersFlag);
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
