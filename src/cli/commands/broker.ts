// `kafka-log-lab broker start|status|stop|fetch`: a local Kafka broker for labs and tests.
import fs from 'node:fs';
import { type CliCommand, UsageError, intOption, parseOptions, printJson, wantsHelp } from '../command';
import { startJvmBroker } from '../../core/broker/jvmBroker';
import { DEFAULT_KAFKA_VERSION, TESTED_KAFKA_VERSIONS, ensureKafkaJars } from '../../core/broker/kafkaJars';
import { listBrokerRecords, removeBrokerRecord, saveBrokerRecord, type BrokerRecord } from '../../core/broker/brokerState';
import { isBrokerReachable } from '../../core/broker/readiness';
import { terminate } from '../../core/broker/processes';
import { UserError } from '../../core/errors';

const help = `Usage: kafka-log-lab broker <start|status|stop|fetch> [options]

Runs a single-node Apache Kafka broker (KRaft mode) on 127.0.0.1.

  start   start a broker and return once it is ready; prints its bootstrap address
            --engine jvm          run Kafka's own jars on the local Java (fetched from Maven Central once)
            --port N              client port (default: a free port)
            --kafka-version V     Kafka version (default ${DEFAULT_KAFKA_VERSION}); ignored when KAFKA_HOME is set
            --data-dir DIR        keep the broker's data here (default: a temp folder removed on stop)
            --json                print {"engine","bootstrap","pid",...}
  status  list the brokers started with "broker start" and whether they answer   [--json]
  stop    stop them (all, or the one on --port N); waits until the process is gone
  fetch   download the Kafka jars for --kafka-version V (or every --tested version) without starting anything   [--json]

Examples:
  kafka-log-lab broker start --engine jvm --port 19092
  kafka-log-lab broker status --json
  kafka-log-lab broker stop`;

async function start(argv: string[], out: (s: string) => void, signal: AbortSignal): Promise<number> {
  const { values } = parseOptions(argv, {
    engine: { type: 'string', default: 'jvm' },
    port: { type: 'string' },
    'kafka-version': { type: 'string' },
    'data-dir': { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (values.engine !== 'jvm') throw new UsageError(`--engine must be jvm, got "${values.engine}"`);
  const port = intOption(values.port, 'port');
  const existing = listBrokerRecords().find((r) => r.port === port);
  if (existing) throw new UserError(`a ${existing.engine} broker from kafka-log-lab already runs on ${existing.bootstrap} (stop it with: kafka-log-lab broker stop --port ${existing.port})`);
  const dataDir = values['data-dir'];
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const broker = await startJvmBroker({
    port,
    kafkaVersion: values['kafka-version'],
    dataDir,
    detached: true,
    signal,
    onProgress: values.json ? undefined : (m) => process.stderr.write(m + '\n'),
  });
  const record: BrokerRecord = {
    engine: 'jvm',
    bootstrap: broker.bootstrap,
    port: broker.port,
    pid: broker.pid,
    kafkaVersion: broker.kafkaVersion,
    dataDir: broker.dataDir,
    ownsDataDir: !dataDir,
    startedAt: new Date().toISOString(),
  };
  saveBrokerRecord(record);
  if (values.json) printJson({ out, err: out, signal }, { ...record, startMs: broker.startMs, logFile: broker.logFile });
  else out(`Kafka ${broker.kafkaVersion} ready at ${broker.bootstrap} (pid ${broker.pid}, started in ${(broker.startMs / 1000).toFixed(1)} s)`);
  return 0;
}

async function status(argv: string[], out: (s: string) => void): Promise<number> {
  const { values } = parseOptions(argv, { json: { type: 'boolean', default: false } });
  const records = listBrokerRecords();
  const rows = await Promise.all(records.map(async (r) => ({ ...r, reachable: await isBrokerReachable(r.bootstrap) })));
  if (values.json) out(JSON.stringify({ brokers: rows }));
  else if (rows.length === 0) out('No broker started by kafka-log-lab is running. Start one: kafka-log-lab broker start --engine jvm');
  else for (const r of rows) out(`${r.engine}  ${r.bootstrap}  Kafka ${r.kafkaVersion}  pid ${r.pid ?? '-'}  ${r.reachable ? 'ready' : 'not answering'}`);
  return 0;
}

async function stop(argv: string[], out: (s: string) => void): Promise<number> {
  const { values } = parseOptions(argv, { port: { type: 'string' }, json: { type: 'boolean', default: false } });
  const port = intOption(values.port, 'port');
  const targets = listBrokerRecords().filter((r) => port === undefined || r.port === port);
  if (targets.length === 0) {
    out(port === undefined ? 'No broker started by kafka-log-lab is running.' : `No broker started by kafka-log-lab runs on port ${port}.`);
    return 0;
  }
  for (const r of targets) {
    if (r.pid && !(await terminate(r.pid, 30000, true))) throw new UserError(`broker pid ${r.pid} did not stop`);
    if (r.ownsDataDir && r.dataDir) fs.rmSync(r.dataDir, { recursive: true, force: true });
    removeBrokerRecord(r);
    out(`Stopped the ${r.engine} broker on ${r.bootstrap}`);
  }
  return 0;
}

async function fetchJars(argv: string[], out: (s: string) => void): Promise<number> {
  const { values } = parseOptions(argv, {
    'kafka-version': { type: 'string' },
    tested: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  const versions = values.tested ? TESTED_KAFKA_VERSIONS : [values['kafka-version'] ?? DEFAULT_KAFKA_VERSION];
  for (const version of versions) {
    const jars = await ensureKafkaJars(version, (m) => process.stderr.write(m + '\n'));
    if (values.json) out(JSON.stringify(jars));
    else out(`Kafka ${jars.version} jars in ${jars.libsDir}`);
  }
  return 0;
}

export const brokerCommand: CliCommand = {
  name: 'broker',
  summary: 'start, inspect and stop a local Kafka broker',
  help,
  async run(argv, io) {
    const [action, ...rest] = argv;
    if (!action || wantsHelp(argv)) {
      io.out(help);
      return action ? 0 : 2;
    }
    switch (action) {
      case 'start': return start(rest, io.out, io.signal);
      case 'status': return status(rest, io.out);
      case 'stop': return stop(rest, io.out);
      case 'fetch': return fetchJars(rest, io.out);
      default: throw new UsageError(`unknown action "${action}" (start, status, stop or fetch)`);
    }
  },
};
