// One real Kafka broker for the whole integration run, started by mocha's global fixtures.
// KLL_KAFKA_VERSION picks the version; KLL_TEST_BROKERS reuses a broker already running.
import { startJvmBroker, type RunningJvmBroker } from '../../../src/core/broker/jvmBroker';
import { DEFAULT_KAFKA_VERSION } from '../../../src/core/broker/kafkaJars';

let broker: RunningJvmBroker | undefined;

export async function mochaGlobalSetup(): Promise<void> {
  if (process.env.KLL_TEST_BROKERS) return;
  const version = process.env.KLL_KAFKA_VERSION || DEFAULT_KAFKA_VERSION;
  broker = await startJvmBroker({ kafkaVersion: version, readyTimeoutMs: 120000 });
  process.env.KLL_TEST_BROKERS = broker.bootstrap;
  process.env.KLL_TEST_BROKER_DATA = broker.dataDir;
  console.log(`    [broker] Apache Kafka ${broker.kafkaVersion} (jvm) ready at ${broker.bootstrap} in ${broker.startMs} ms`);
}

export async function mochaGlobalTeardown(): Promise<void> {
  await broker?.stop();
}

/** The bootstrap address of the suite's broker. */
export function testBrokers(): string[] {
  const brokers = process.env.KLL_TEST_BROKERS;
  if (!brokers) throw new Error('the integration suite must run with its global broker fixture');
  return brokers.split(',');
}

/** A topic name no other test uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}
