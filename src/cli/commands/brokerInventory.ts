// Every local broker the CLI knows about: JVM brokers from the state records, Docker brokers
// from our labelled containers (also those started elsewhere, e.g. by the extension).
import fs from 'node:fs';
import path from 'node:path';
import { listBrokerRecords, removeBrokerRecord, type BrokerRecord } from '../../core/broker/brokerState';
import { detectDocker, dockerBrokerStatus } from '../../core/broker/dockerBroker';
import type { ManagedContainer } from '../../core/broker/dockerBrokerArgs';

export interface KnownBroker {
  engine: 'jvm' | 'docker';
  bootstrap: string;
  port: number;
  kafkaVersion: string;
  pid?: number;
  containerName?: string;
  /** Docker's container state, `running` for a live JVM broker, `unknown` when Docker cannot say. */
  state: string;
  record?: BrokerRecord;
  container?: ManagedContainer;
}

export interface Inventory {
  brokers: KnownBroker[];
  /** Why Docker brokers could not be listed, when some are recorded. */
  dockerProblem?: string;
}

export async function knownBrokers(): Promise<Inventory> {
  const records = listBrokerRecords();
  const brokers: KnownBroker[] = records
    .filter((r) => r.engine === 'jvm')
    .map((r) => ({
      engine: 'jvm',
      bootstrap: r.bootstrap,
      port: r.port,
      kafkaVersion: r.kafkaVersion,
      pid: r.pid,
      state: 'running',
      record: r,
    }));
  const dockerRecords = records.filter((r) => r.engine === 'docker');
  const docker = await detectDocker();
  if (!docker.available) {
    for (const r of dockerRecords) {
      brokers.push({
        engine: 'docker',
        bootstrap: r.bootstrap,
        port: r.port,
        kafkaVersion: r.kafkaVersion,
        containerName: r.containerName,
        state: 'unknown',
        record: r,
      });
    }
    return { brokers: sortByPort(brokers), dockerProblem: dockerRecords.length ? docker.reason : undefined };
  }
  const containers = await dockerBrokerStatus();
  for (const r of dockerRecords) {
    // The container was removed outside the CLI: forget it.
    if (!containers.some((c) => c.name === r.containerName)) removeBrokerRecord(r);
  }
  for (const c of containers) {
    const record = dockerRecords.find((r) => r.containerName === c.name);
    brokers.push({
      engine: 'docker',
      bootstrap: c.bootstrap,
      port: c.port,
      kafkaVersion: c.kafkaVersion,
      containerName: c.name,
      state: c.state,
      record,
      container: c,
    });
  }
  return { brokers: sortByPort(brokers) };
}

function sortByPort(brokers: KnownBroker[]): KnownBroker[] {
  return brokers.sort((a, b) => a.port - b.port);
}

/** The JVM broker's output file (`broker.out` in its data dir). */
export function jvmLogFile(record: BrokerRecord): string | undefined {
  return record.dataDir ? path.join(record.dataDir, 'broker.out') : undefined;
}

/**
 * Prints the last `tail` lines of a file, then (with `follow`) what is appended to it until
 * `signal` aborts: `broker logs` for a JVM broker.
 */
export async function followFile(
  file: string,
  onLine: (line: string) => void,
  tail: number,
  follow: boolean,
  signal: AbortSignal,
): Promise<void> {
  let position = 0;
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, 'utf8');
    position = Buffer.byteLength(text);
    for (const line of text.trimEnd().split('\n').slice(-tail)) onLine(line);
  }
  let pending = '';
  while (follow && !signal.aborted) {
    await new Promise((r) => setTimeout(r, 500));
    if (!fs.existsSync(file)) continue;
    const size = fs.statSync(file).size;
    if (size <= position) continue;
    const fd = fs.openSync(file, 'r');
    const chunk = Buffer.alloc(size - position);
    fs.readSync(fd, chunk, 0, chunk.length, position);
    fs.closeSync(fd);
    position = size;
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  }
}
