// What every CLI command that talks to Kafka shares: the connection options (--brokers, --config,
// -X), the checks of them and of topic names (usage errors, before anything connects), and the
// Kafka client built from them, which fails fast (about 10 s at most) when the broker cannot be
// reached instead of retrying for minutes.
import path from 'node:path';
import { createKafkaClient, resolveBrokers } from '../core/kafka/client';
import {
  applyOverrides,
  readClientPropertiesFile,
  toClientSecurity,
  type ConnectionSpec,
} from '../core/kafka/connection/connectionSpec';
import { withConnectionContext } from '../core/kafka/connection/connectionContext';
import type { KafkaClient } from '../core/kafka/ports';
import { parseTimestamp } from '../core/kafka/startPosition';
import { topicNameProblem } from '../core/kafka/topicName';
import { UserError } from '../core/errors';
import { UsageError, quote, type CliIO } from './command';
import { t } from './l10n';

/** The options of every command that connects to Kafka; spread into the command's own options. */
export const KAFKA_OPTIONS = {
  brokers: { type: 'string' },
  config: { type: 'string' },
  // The name Kafka's own tools (kafka-topics.sh, …) give the same file.
  'command-config': { type: 'string' },
  'client-property': { type: 'string', short: 'X', multiple: true },
} as const;

/** For `topics`, where --config sets a topic property: the client file is --command-config only. */
export const KAFKA_OPTIONS_NO_CONFIG = {
  brokers: KAFKA_OPTIONS.brokers,
  'command-config': KAFKA_OPTIONS['command-config'],
  'client-property': KAFKA_OPTIONS['client-property'],
} as const;

/** Help lines for KAFKA_OPTIONS, aligned with the other options of a command's help. */
export const KAFKA_OPTIONS_HELP = `\
  --brokers HOST:PORT    bootstrap servers, comma-separated (default: bootstrap.servers of --config,
                         else $KAFKA_BROKERS, else localhost:9092)
  --config FILE          client.properties with the connection settings (security.protocol, sasl.*,
                         ssl.*, bootstrap.servers), librdkafka/Confluent or Java style
                         (default $KAFKA_LOG_LAB_CONFIG; --command-config FILE is the same)
  -X KEY=VALUE           set one client property on top of --config (repeatable),
                         e.g. -X sasl.mechanism=SCRAM-SHA-512`;

/** An example line for a command's help: `  kafka-log-lab topics list --config client.properties`. */
export function kafkaOptionsExample(command: string): string {
  return `  kafka-log-lab ${command} --config client.properties`;
}

export interface KafkaFlags {
  brokers?: string;
  config?: string;
  'command-config'?: string;
  'client-property'?: string[];
}

/** The KAFKA_OPTIONS_NO_CONFIG values of a command whose own --config means something else. */
export function commandConfigFlags(values: Omit<KafkaFlags, 'config'>): KafkaFlags {
  const { brokers, 'command-config': commandConfig, 'client-property': properties } = values;
  return { brokers, 'command-config': commandConfig, 'client-property': properties };
}

/** Where to connect and how, checked; nothing is connected yet. */
export interface KafkaSettings {
  brokers: string[];
  spec: ConnectionSpec;
  /** Ignored properties, e.g. `client.properties:7: acks ignored (not a connection setting)`. */
  notes: string[];
  /** The properties file, when one was used. */
  configFile?: string;
}

/**
 * --brokers, else bootstrap.servers (from -X or --config), else $KAFKA_BROKERS, else localhost:9092;
 * security from --config (or $KAFKA_LOG_LAB_CONFIG) with -X on top. Bad flags are usage errors; a bad
 * properties file is a UserError naming file, line and key.
 */
export function kafkaSettings(flags: KafkaFlags, env = process.env): KafkaSettings {
  if (flags.config !== undefined && flags['command-config'] !== undefined) {
    throw new UsageError(t('give the client properties file once: --config or --command-config'));
  }
  const configFile = flags.config ?? flags['command-config'] ?? (env.KAFKA_LOG_LAB_CONFIG || undefined);
  const plaintext: ConnectionSpec = { securityProtocol: 'PLAINTEXT' };
  const base = configFile ? readClientPropertiesFile(configFile) : { spec: plaintext, notes: [] };
  let overridden;
  try {
    overridden = applyOverrides(base.spec, flags['client-property'] ?? [], process.cwd());
  } catch (e) {
    throw e instanceof UserError ? new UsageError(e.message) : e;
  }
  const { spec } = overridden;
  const fromProperties = flags.brokers === undefined ? spec.bootstrapServers : undefined;
  const brokers = fromProperties ?? brokersOption(flags.brokers, env);
  return { brokers, spec, notes: [...base.notes, ...overridden.notes], configFile };
}

export interface CliKafka {
  brokers: string[];
  client: KafkaClient;
  /** Another client with the same connection settings, e.g. one per simulated group member. */
  /** `failFast` false: the client library's patient retries, for long-lived group members. */
  clientFor(clientId: string, failFast?: boolean): KafkaClient;
}

/** `--brokers` (else $KAFKA_BROKERS, else localhost:9092) as a checked list; a bad entry is a usage error. */
export function brokersOption(flag: string | undefined, env = process.env): string[] {
  try {
    return resolveBrokers(flag, env);
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
  if (!(Math.abs(ms) <= MAX_TIME_MS))
    throw new UsageError(t('--{0}: {1} is beyond the last date there is (year 275760)', name, quote(text)));
  return ms;
}

/**
 * A client for `flags` (or settings already checked by kafkaSettings). Ignored properties and
 * security warnings (certificate checks off, …) go to stderr; passwords never do.
 */
export async function cliKafka(flags: KafkaFlags | KafkaSettings, io: Pick<CliIO, 'err'>): Promise<CliKafka> {
  const settings = 'spec' in flags ? flags : kafkaSettings(flags);
  const { brokers, spec } = settings;
  const source = settings.configFile ? path.basename(settings.configFile) : undefined;
  const security = await toClientSecurity(spec, source);
  for (const line of [...settings.notes, ...security.warnings]) io.err(line);
  const clientFor = (clientId: string, failFast = true): KafkaClient =>
    withConnectionContext(
      createKafkaClient({
        brokers,
        clientId,
        ssl: security.ssl,
        sasl: security.sasl,
        connectionTimeoutMs: 3000,
        // A plaintext client talking to a TLS port gets no answer at all: do not wait 30 s to say so.
        ...(failFast ? { requestTimeoutMs: 10000, retries: 3, maxRetryTimeMs: 2000 } : {}),
        log: process.env.KAFKA_LOG_LAB_DEBUG ? (level, m) => process.stderr.write(`[${level}] ${m}\n`) : undefined,
      }),
      spec,
    );
  return { brokers, client: clientFor('kafka-log-lab-cli'), clientFor };
}
