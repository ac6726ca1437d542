// Configuration of a single-node KRaft broker (broker and controller in one process).
import crypto from 'node:crypto';

export interface KraftNode {
  nodeId: number;
  host: string;
  port: number;
  controllerPort: number;
  logDir: string;
}

/** A Kafka cluster id: 16 random bytes, base64url without padding (22 characters). */
export function newClusterId(): string {
  return crypto.randomBytes(16).toString('base64url');
}

export function serverProperties(node: KraftNode): string {
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
  };
  return Object.entries(props).map(([k, v]) => `${k}=${v}`).join('\n') + '\n';
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
