// Brokers started by `kafka-log-lab broker start` outlive the CLI process, so their
// identity is kept in small state files that `status` and `stop` read back.
import fs from 'node:fs';
import path from 'node:path';
import { cacheRoot } from './kafkaJars';
import { isAlive } from './processes';

export interface BrokerRecord {
  engine: 'jvm' | 'docker';
  bootstrap: string;
  port: number;
  pid?: number;
  containerName?: string;
  kafkaVersion: string;
  dataDir?: string;
  /** The data dir was a temp dir we created, so `stop` removes it. */
  ownsDataDir?: boolean;
  startedAt: string;
}

function stateDir(): string {
  return path.join(cacheRoot(), 'brokers');
}

function fileFor(record: Pick<BrokerRecord, 'engine' | 'port'>): string {
  return path.join(stateDir(), `${record.engine}-${record.port}.json`);
}

export function saveBrokerRecord(record: BrokerRecord): void {
  fs.mkdirSync(stateDir(), { recursive: true });
  fs.writeFileSync(fileFor(record), JSON.stringify(record, null, 2));
}

export function removeBrokerRecord(record: BrokerRecord): void {
  fs.rmSync(fileFor(record), { force: true });
}

/** Every recorded broker; JVM records whose process is gone are dropped on the way. */
export function listBrokerRecords(): BrokerRecord[] {
  if (!fs.existsSync(stateDir())) return [];
  const records: BrokerRecord[] = [];
  for (const file of fs.readdirSync(stateDir()).filter((f) => f.endsWith('.json'))) {
    try {
      const record = JSON.parse(fs.readFileSync(path.join(stateDir(), file), 'utf8')) as BrokerRecord;
      if (record.engine === 'jvm' && record.pid && !isAlive(record.pid)) {
        removeBrokerRecord(record);
        continue;
      }
      records.push(record);
    } catch {
      fs.rmSync(path.join(stateDir(), file), { force: true });
    }
  }
  return records.sort((a, b) => a.port - b.port);
}
