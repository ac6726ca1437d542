// The broker goes away in the middle of a produce: the run stops within a bounded time,
// reports what was acknowledged, and --resume after a restart ends with every line once.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startJvmBroker, type RunningJvmBroker } from '../../../src/core/broker/jvmBroker';
import { createKafkaClient } from '../../../src/core/kafka/client';
import { produceFile } from '../../../src/core/kafka/produceFile';
import { numberedLines, scratchFile } from '../support/files';
import { uniqueName } from '../support/testBroker';
import { readAll } from './produceFile.test';

describe('produce survives losing the broker', function () {
  this.timeout(240000);
  let broker: RunningJvmBroker | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-loss-'));
  after(async () => {
    await broker?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops with an exact report, then --resume delivers every line exactly once', async () => {
    broker = await startJvmBroker({ dataDir, heap: '512m' });
    const port = broker.port;
    const brokers = [broker.bootstrap];
    const client = () => createKafkaClient({ brokers, connectionTimeoutMs: 2000, retries: 2, maxRetryTimeMs: 1000 });
    const file = scratchFile('loss.log', numberedLines(3000));
    const topic = uniqueName('loss');
    let killed = false;
    const first = await produceFile({
      client: client(),
      brokers,
      file,
      topic,
      format: 'raw',
      rate: 1500,
      progressIntervalMs: 20,
      onProgress: (p) => {
        if (!killed && p.acked >= 500) {
          killed = true;
          void broker!.stop();
        }
      },
    });
    assert.ok(killed);
    assert.equal(first.complete, false);
    assert.ok(first.stoppedReason, 'the summary says why it stopped');
    assert.ok(first.acked >= 500 && first.acked < 3000, `acked ${first.acked}`);

    broker = await startJvmBroker({ dataDir, port, heap: '512m' });
    const arrived = await readAll(client(), topic);
    assert.ok(arrived.length >= first.acked, 'every acknowledged line is on the topic');
    const second = await produceFile({ client: client(), brokers, file, topic, format: 'raw', resume: true });
    assert.equal(second.complete, true);
    assert.equal(second.alreadyDelivered + second.acked, 3000);
    const values = (await readAll(client(), topic)).map((m) => m.value!.toString());
    assert.equal(values.length, 3000, 'no line lost, none duplicated');
    assert.equal(new Set(values).size, 3000);
  });
});
