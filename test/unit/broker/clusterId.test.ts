import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { isUsableClusterId, newClusterId, stableClusterId } from '../../../src/core/broker/kraftConfig';
import { storageFormatArgs } from '../../../src/core/broker/jvmBroker';
import { freePorts } from '../../../src/core/broker/freePort';

/** The 16 bytes a base64url cluster id stands for. */
const bytesOf = (id: string) => Buffer.from(id, 'base64url');

describe('cluster ids', () => {
  it('are random version-4 UUIDs in base64url that never start with "-" (100,000 ids)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      const id = newClusterId();
      assert.ok(isUsableClusterId(id), `unusable id ${id}`);
      assert.notEqual(id[0], '-', id);
      const bytes = bytesOf(id);
      assert.equal(bytes.length, 16);
      assert.equal(bytes[6] >> 4, 4, `${id} is not a version-4 UUID`);
      assert.equal(bytes[8] >> 6, 0b10, `${id} does not carry the RFC 4122 variant`);
      seen.add(id);
    }
    assert.equal(seen.size, 100_000);
  });

  it('draws again when a UUID would start with "-", as Kafka does', () => {
    // 0xf8 as the first byte encodes to "-" in base64url.
    const uuids = ['f8000000-0000-4000-8000-000000000001', '12345678-9abc-4def-8123-456789abcdef'];
    const id = newClusterId(() => uuids.shift()!);
    assert.equal(id, bytesOf(id).toString('base64url'));
    assert.deepEqual(bytesOf(id), Buffer.from('123456789abc4def8123456789abcdef', 'hex'));
    assert.equal(uuids.length, 0);
  });

  it('refuses the all-zero id and ids of the wrong shape', () => {
    assert.equal(isUsableClusterId(Buffer.alloc(16).toString('base64url')), false);
    assert.equal(isUsableClusterId('-bcdefghijklmnopqrstuv'), false);
    assert.equal(isUsableClusterId('short'), false);
    assert.equal(isUsableClusterId('abc/efghijklmnopqrstuv'), false);
  });

  it('stay the same per seed, and never start with "-" even where the plain hash would', () => {
    const plainHash = (seed: string) =>
      crypto.createHash('sha256').update(`kafka-log-lab:${seed}`).digest().subarray(0, 16).toString('base64url');
    let dashSeed = '';
    for (let i = 0; !dashSeed; i++) if (plainHash(`volume-${i}`).startsWith('-')) dashSeed = `volume-${i}`;
    const id = stableClusterId(dashSeed);
    assert.ok(isUsableClusterId(id), id);
    assert.equal(stableClusterId(dashSeed), id);
    assert.equal(
      stableClusterId('kafka-log-lab-data'),
      plainHash('kafka-log-lab-data'),
      'a usable id must not change for existing volumes',
    );
    assert.notEqual(stableClusterId('other'), stableClusterId('kafka-log-lab-data'));
  });
});

describe('StorageTool arguments', () => {
  it('glue every value to its option, so no id or path is read as an option', () => {
    const args = storageFormatArgs('/jars', 'relative/-dir/server.properties', '-startsWithDash0123456');
    const tool = args.slice(args.indexOf('kafka.tools.StorageTool'));
    assert.equal(tool[1], 'format');
    assert.equal(tool[2], '--cluster-id=-startsWithDash0123456');
    assert.match(tool[3], /^--config=\/.*\/relative\/-dir\/server\.properties$/);
    assert.equal(tool.length, 4);
  });
});

describe('free ports', () => {
  it('hands out distinct ports in one call (200 calls)', async () => {
    for (let i = 0; i < 200; i++) {
      const [a, b] = await freePorts(2);
      assert.notEqual(a, b);
    }
  });
});

describe('recorded brokers', () => {
  it('are not taken for an unrelated process that reuses their pid', async () => {
    const { isRecordedBroker } = await import('../../../src/core/broker/brokerState');
    // This test process is alive but is no Kafka broker: a stale record must not match it.
    assert.equal(isRecordedBroker(process.pid, '/tmp/kafka-log-lab-broker-x'), false);
    assert.equal(isRecordedBroker(2 ** 22 + 7, undefined), false);
  });

  it('match a live Kafka broker started from the recorded data folder', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { isRecordedBroker } = await import('../../../src/core/broker/brokerState');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-proc-'));
    fs.mkdirSync(path.join(root, String(process.pid)));
    const cmdline = ['java', '-Xmx1g', '-cp', '/jars/*', 'kafka.Kafka', '/data dir/server.properties', ''].join('\0');
    fs.writeFileSync(path.join(root, String(process.pid), 'cmdline'), cmdline);
    assert.equal(isRecordedBroker(process.pid, '/data dir', root), true);
    assert.equal(isRecordedBroker(process.pid, '/other dir', root), false);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
