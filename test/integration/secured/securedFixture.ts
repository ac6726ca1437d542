// One secured broker for every secured test file: started by the first file that asks, stopped
// after the whole run. KLL_SECURED_BROKER_DIR reuses one started by `securedBroker.js start --dir`.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  readSecuredBrokerInfo,
  startSecuredBroker,
  type SecuredBroker,
  type SecuredBrokerInfo,
} from '../support/securedBroker';

const run = promisify(execFile);
let started: Promise<SecuredBroker> | undefined;

/** The running secured broker (starting it on first use). */
export function securedBroker(): Promise<SecuredBrokerInfo> {
  const reuse = process.env.KLL_SECURED_BROKER_DIR;
  if (reuse) {
    const info = readSecuredBrokerInfo(reuse);
    return info ? Promise.resolve(info) : Promise.reject(new Error(`no secured broker was started in ${reuse}`));
  }
  started ??= startSecuredBroker(fs.mkdtempSync(path.join(os.tmpdir(), 'kll-secured-')), {
    onProgress: (m) => console.log(`    [secured broker] ${m}`),
  });
  return started;
}

// Loaded while mocha reads the test files, so this hook belongs to the root suite: it runs once, at the end.
after(async function () {
  this.timeout(30000);
  const broker = await started?.catch(() => undefined);
  await broker?.stop();
  if (broker) fs.rmSync(broker.dir, { recursive: true, force: true });
});

/** How many messages topic `topic` holds, read by kcat with a librdkafka-style properties file. */
export async function kcatCount(propertiesFile: string, topic: string): Promise<number> {
  const { stdout } = await run('kcat', ['-F', propertiesFile, '-C', '-t', topic, '-e', '-q', '-f', '%s\n'], {
    timeout: 60000,
    maxBuffer: 64 << 20,
  });
  return stdout.split('\n').length - 1;
}

/**
 * How `topics list` takes a client.properties file (only `topics create` needs --command-config, its
 * --config being a topic setting as in Kafka's kafka-topics.sh).
 */
export const TOPICS_CONFIG_FLAG = '--config';

/** Secrets (passwords) that occur in `text`: any is a leak. */
export function leakedSecrets(info: SecuredBrokerInfo, ...texts: string[]): string[] {
  return info.secrets.filter((secret) => texts.some((text) => text.includes(secret)));
}
