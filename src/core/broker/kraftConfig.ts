// Configuration of a single-node KRaft broker (broker and controller in one process).
import crypto from 'node:crypto';
import { propertyValue } from './javaProperties';

export interface KraftNode {
  nodeId: number;
  host: string;
  port: number;
  controllerPort: number;
  logDir: string;
}

/**
 * A Kafka cluster id made the way Kafka's own `Uuid.randomUuid()` makes one: a random
 * (version 4) UUID in base64url without padding, 22 characters. Like Kafka, it never returns
 * an id that starts with "-" (command-line tools would read it as an option) nor the all-zero
 * id, which Kafka reserves.
 */
export function newClusterId(randomUuid: () => string = crypto.randomUUID): string {
  for (;;) {
    const id = Buffer.from(randomUuid().replace(/-/g, ''), 'hex').toString('base64url');
    if (isUsableClusterId(id)) return id;
  }
}

/**
 * A cluster id that is always the same for `seed` (a Docker volume presents the id its data
 * was formatted with), re-hashed until it is usable, like `newClusterId`.
 */
export function stableClusterId(seed: string): string {
  for (let round = 0; ; round++) {
    const input = round === 0 ? `kafka-log-lab:${seed}` : `kafka-log-lab:${seed}#${round}`;
    const id = crypto.createHash('sha256').update(input).digest().subarray(0, 16).toString('base64url');
    if (isUsableClusterId(id)) return id;
  }
}

const ZERO_CLUSTER_ID = Buffer.alloc(16).toString('base64url');

/** What Kafka's StorageTool accepts as `--cluster-id`: 16 bytes in base64url, not "-…", not zero. */
export function isUsableClusterId(id: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(id) && !id.startsWith('-') && id !== ZERO_CLUSTER_ID;
}

/** The node's server.properties; `extra` adds or replaces settings (e.g. more listeners). */
export function serverProperties(node: KraftNode, extra: Record<string, string | number> = {}): string {
  const props: Record<string, string | number> = {
    'process.roles': 'broker,controller',
    'node.id': node.nodeId,
    'controller.quorum.voters': `${node.nodeId}@${node.host}:${node.controllerPort}`,
    listeners: `PLAINTEXT://${node.host}:${node.port},CONTROLLER://${node.host}:${node.controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${node.host}:${node.port}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'log.dirs': node.logDir,
    'num.partitions': 1,
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 10,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    // A lab broker: make consumer groups form at once instead of waiting 3 s.
    'group.initial.rebalance.delay.ms': 0,
    'auto.create.topics.enable': 'true',
    'log.retention.hours': 168,
    ...extra,
  };
  // Java reads the file as ISO-8859-1 with escapes: escape values so paths arrive intact.
  return (
    Object.entries(props)
      .map(([k, v]) => `${k}=${propertyValue(String(v))}`)
      .join('\n') + '\n'
  );
}

/** Log configuration for both logging back ends Kafka has used (reload4j in 3.x, log4j2 in 4.x). */
export const LOG4J_PROPERTIES = [
  'log4j.rootLogger=INFO, stdout',
  'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
  'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
  'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
  'log4j.logger.org.apache.kafka.clients=WARN',
  'log4j.logger.kafka.request.logger=WARN',
  '',
].join('\n');

export const LOG4J2_PROPERTIES = [
  'status = warn',
  'appender.stdout.type = Console',
  'appender.stdout.name = STDOUT',
  'appender.stdout.layout.type = PatternLayout',
  'appender.stdout.layout.pattern = [%d] %p %m (%c)%n',
  'rootLogger.level = INFO',
  'rootLogger.appenderRef.stdout.ref = STDOUT',
  'logger.clients.name = org.apache.kafka.clients',
  'logger.clients.level = WARN',
  '',
].join('\n');
