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

/**
 * True when `pid` is still the broker a record describes. Process ids are reused (on Linux
 * after 32,768 by default), so a record that outlived its broker must not lead `stop` to
 * signal whatever process has that number now: where the OS shows command lines (/proc),
 * the process must be a Kafka broker started from this data folder.
 */
export function isRecordedBroker(pid: number, dataDir: string | undefined, procRoot = '/proc'): boolean {
  if (!isAlive(pid)) return false;
  let commandLine: string;
  try {
    commandLine = fs.readFileSync(path.join(procRoot, String(pid), 'cmdline'), 'utf8');
  } catch {
    return true; // no /proc here (macOS, Windows): the process is alive, which is all we can tell
  }
  const args = commandLine.split('\0');
  return args.includes('kafka.Kafka') && (dataDir === undefined || args.some((a) => a.startsWith(dataDir)));
}

/** Where the state files of started brokers live. */
export function stateDir(): string {
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
      if (record.engine === 'jvm' && record.pid && !isRecordedBroker(record.pid, record.dataDir)) {
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
