// One real Kafka broker for the whole integration run, started by mocha's global fixtures.
// KLL_KAFKA_VERSION picks the version; KLL_TEST_BROKERS reuses a broker already running.
//
// When the broker cannot start, the run still lists every test: they are reported as
// pending (their hooks do not run), and one failed test says why the broker did not start.
import type { Context, Suite } from 'mocha';
import { startJvmBroker, type RunningJvmBroker } from '../../../src/core/broker/jvmBroker';
import { DEFAULT_KAFKA_VERSION } from '../../../src/core/broker/kafkaJars';
import { UserError, describeError } from '../../../src/core/errors';
import { failIfRunOutlives } from '../../support/lingeringHandles';

let broker: RunningJvmBroker | undefined;
let setupFailure: string | undefined;

/** The title of the test that reports a broker that did not start. */
export const BROKER_STARTED_TEST = "the integration suite's Kafka broker started";

export async function mochaGlobalSetup(): Promise<void> {
  if (process.env.KLL_TEST_BROKERS) return;
  const version = process.env.KLL_KAFKA_VERSION || DEFAULT_KAFKA_VERSION;
  try {
    broker = await startJvmBroker({ kafkaVersion: version, readyTimeoutMs: 120000 });
  } catch (e) {
    const detail = e instanceof UserError && e.detail ? `\n${e.detail}` : '';
    setupFailure = `Apache Kafka ${version} did not start: ${describeError(e)}${detail}`;
    console.log(`    [broker] ${setupFailure}`);
    return;
  }
  process.env.KLL_TEST_BROKERS = broker.bootstrap;
  process.env.KLL_TEST_BROKER_DATA = broker.dataDir;
  console.log(
    `    [broker] Apache Kafka ${broker.kafkaVersion} (jvm) ready at ${broker.bootstrap} in ${broker.startMs} ms`,
  );
}

export async function mochaGlobalTeardown(): Promise<void> {
  await broker?.stop();
  // A clean run exits at once; a leaked socket, child or timer is named instead of hanging CI.
  failIfRunOutlives('the integration suite', {
    graceMs: Number(process.env.KLL_HANDLES_GRACE_MS) || 20000,
    timerLimitMs: Number(process.env.KLL_HANDLES_TIMER_LIMIT_MS) || 120000,
  });
}

/** Marks every test under `suite` pending and drops the hooks that would use the broker. */
function parkSuite(suite: Suite): void {
  for (const test of suite.tests) test.pending = true;
  // Mocha offers no public way to remove hooks; these arrays are where it keeps them.
  const hooks = suite as unknown as Record<'_beforeAll' | '_beforeEach' | '_afterEach' | '_afterAll', unknown[]>;
  hooks._beforeAll = [];
  hooks._beforeEach = [];
  hooks._afterEach = [];
  hooks._afterAll = [];
  suite.suites.forEach(parkSuite);
}

export const mochaHooks = {
  beforeAll(this: Context) {
    if (setupFailure === undefined) return;
    const root = this.test!.parent!;
    for (const suite of root.suites) parkSuite(suite);
    for (const test of root.tests) test.pending = true;
    const failure = setupFailure;
    // Loaded lazily: mocha's module is only there once mocha runs this file.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Test } = require('mocha') as typeof import('mocha');
    root.addTest(
      new Test(BROKER_STARTED_TEST, () => {
        throw new Error(failure);
      }),
    );
  },
};

/** The bootstrap address of the suite's broker. */
export function testBrokers(): string[] {
  const brokers = process.env.KLL_TEST_BROKERS;
  if (!brokers) throw new Error(setupFailure ?? 'the integration suite must run with its global broker fixture');
  return brokers.split(',');
}

/** A topic name no other test uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}
