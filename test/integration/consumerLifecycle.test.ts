// A consumer disconnected after its broker died must stay stopped: kafkajs restarts a crashed
// consumer on a timer, and a disconnect during a restart did not stop the next one, so a CLI
// never exited and the editor kept reconnecting to a broker nobody used any more.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startJvmBroker } from '../../src/core/broker/jvmBroker';

const CHILD = path.resolve(__dirname, 'support/consumerAfterBrokerLoss.js');
/** Far longer than a clean exit takes, far shorter than kafkajs's restart loop lasts (forever). */
const EXIT_WITHIN_MS = 15000;

/** Runs the child; resolves with its output and whether it ended by itself after disconnecting. */
function runChild(args: string[]): Promise<{ out: string; endedAlone: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let deadline: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('disconnected') && !deadline) deadline = setTimeout(() => child.kill('SIGKILL'), EXIT_WITHIN_MS);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(deadline);
      resolve({ out, endedAlone: code === 0 && signal === null });
    });
  });
}

describe('a consumer whose broker died', function () {
  this.timeout(120000);

  for (const afterKillMs of [500, 2500]) {
    it(`stays stopped once disconnected (${afterKillMs} ms after the broker was killed)`, async () => {
      const broker = await startJvmBroker({ heap: '512m' });
      try {
        const run = await runChild([broker.bootstrap, String(broker.pid), String(afterKillMs)]);
        assert.match(run.out, /disconnected/, run.out);
        assert.ok(run.endedAlone, `the process did not end within ${EXIT_WITHIN_MS / 1000} s of the disconnect`);
      } finally {
        await broker.stop();
      }
    });
  }
});
