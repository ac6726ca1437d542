// What the replication lab's integration tests share: waiting for one lab event, and reading
// the topic back with kcat, a client no one here wrote.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ReplicationLab, ReplicationLabEvent } from '../../../src/core/replication/replicationLab';

const run = promisify(execFile);
const KCAT = '/usr/bin/kcat';

/** Resolves with the first event `pick` accepts, or rejects after `timeoutMs`. */
export function waitForEvent<T>(
  lab: ReplicationLab,
  pick: (e: ReplicationLabEvent) => T | undefined,
  timeoutMs: number,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => (off(), reject(new Error(`no such event within ${timeoutMs} ms`))), timeoutMs);
    const off = lab.onEvent((e) => {
      const found = pick(e);
      if (found === undefined) return;
      clearTimeout(timer);
      off();
      resolve(found);
    });
  });
}

/** Every value of the topic, as kcat reads it from the start to the end. */
export async function kcatValues(bootstrap: string, topic: string): Promise<string[]> {
  const { stdout } = await run(KCAT, ['-C', '-b', bootstrap, '-t', topic, '-e', '-q', '-f', '%s\n'], {
    timeout: 60000,
    maxBuffer: 64 << 20,
  });
  return stdout.split('\n').filter((v) => v !== '');
}
