// `kafka-log-lab broker start|status|stop|restart|reset|logs|fetch`: a local Kafka broker for
// labs and tests, in Docker or on the local Java.
import fs from 'node:fs';
import {
  type CliCommand,
  type CliIO,
  UsageError,
  intOption,
  numberOption,
  parseOptions,
  portOption,
  printJson,
  runAction,
} from '../command';
import { DEFAULT_KAFKA_VERSION, TESTED_KAFKA_VERSIONS, ensureKafkaJars } from '../../core/broker/kafkaJars';
import { describeProgress, megabytes, type DownloadProgress } from '../../core/broker/jarDownload';
import {
  listBrokerRecords,
  removeBrokerRecord,
  saveBrokerRecord,
  type BrokerRecord,
} from '../../core/broker/brokerState';
import { isBrokerReachable } from '../../core/broker/readiness';
import { terminate } from '../../core/broker/processes';
import { startLocalBroker, type EngineChoice, type LocalBroker } from '../../core/broker/startBroker';
import {
  resetDockerBroker,
  restartDockerBroker,
  stopDockerBroker,
  streamDockerLogs,
} from '../../core/broker/dockerBroker';
import {
  DEFAULT_DOCKER_IMAGE,
  DEFAULT_VOLUME,
  LOCAL_IMAGE_SCRIPT,
  projectImageFor,
} from '../../core/broker/dockerBrokerArgs';
import { UserError } from '../../core/errors';
import { followFile, jvmLogFile, knownBrokers, type KnownBroker } from './brokerInventory';
import {
  clusterNodeCommand,
  clusterStatusLine,
  jvmClusterStatus,
  resetCluster,
  startCluster,
  stopJvmClusterCli,
} from './brokerCluster';
import { t } from '../l10n';

const help = `Usage: kafka-log-lab broker <start|status|stop|kill|restart|reset|logs|fetch> [options]

Runs a single-node Apache Kafka broker (KRaft mode) on 127.0.0.1, in Docker or on the local Java.

  start    start a broker and return once it is ready; prints its bootstrap address
             --engine auto|docker|jvm   auto (default): Docker when its daemon answers and an image can be had,
                                   else the local Java
             --port N              client port (Docker: default 9092 or the next free one; JVM: a free port)
             --kafka-version V     Kafka version (default ${DEFAULT_KAFKA_VERSION}); Docker runs apache/kafka:V or ${projectImageFor('V')}
             --image IMAGE         Docker image (default $KAFKA_LOG_LAB_DOCKER_IMAGE; else ${DEFAULT_DOCKER_IMAGE} when
                                   present locally, else ${projectImageFor()} when present (built by
                                   ${LOCAL_IMAGE_SCRIPT}), else ${DEFAULT_DOCKER_IMAGE} pulled)
             --volume NAME         Docker volume that keeps the topics (default ${DEFAULT_VOLUME})
             --name NAME           Docker container name (default kafka-log-lab-broker[-PORT])
             --data-dir DIR        JVM: keep the data here (default: a temp folder removed on stop)
             --nodes N             a cluster of N brokers (e.g. 3); Docker: consecutive free ports; JVM: N nodes,
                                   each broker and controller (one N-voter quorum), 256 MB heap each
             --node K              start node K of the local cluster again (after stop or kill); with
                                   --engine docker|jvm when both a Docker and a JVM cluster exist
             --timeout S           seconds to wait until the broker answers (default 120)
             --json                print {"engine","bootstrap","pid","containerName",...}
  status   list the local brokers and whether they answer   [--json]
  stop     stop them (all, or the one on --port N); a Docker broker keeps its container and volume
             --node K              stop node K of the local cluster only (a clean shutdown)   [--engine]
  kill     --node K: kill node K of the local cluster with SIGKILL (the crash case)   [--engine docker|jvm]
  restart  restart the Docker broker (on --port N) and wait until it answers   [--json]
  reset    remove the Docker broker's container and volume: every topic is gone   [--port N | --volume NAME | --cluster]
  logs     print the broker's log (Docker or JVM)   [--port N] [--tail N] [--follow]
  fetch    download the Kafka jars for --kafka-version V (or every --tested version) without starting anything   [--json]

The JVM engine needs Java 17+ (JAVA_HOME, PATH or a usual install folder) and downloads Kafka's jars
from Maven Central once, checked against pinned SHA-256 sums, into $KAFKA_LOG_LAB_CACHE (default: the
platform's cache folder); HTTPS_PROXY is honoured; KAFKA_HOME (an unpacked Kafka) is used instead when set.

Examples:
  kafka-log-lab broker start
  kafka-log-lab broker start --engine jvm --port 19092
  kafka-log-lab broker start --nodes 3
  kafka-log-lab broker start --nodes 3 --engine jvm
  kafka-log-lab broker kill --node 2
  kafka-log-lab broker start --node 2
  kafka-log-lab broker logs --follow
  kafka-log-lab broker reset`;

const progressTo = (json: boolean) => (json ? undefined : (m: string) => process.stderr.write(m + '\n'));

/**
 * The download's progress on stderr: one line rewritten in place on a terminal; in a log
 * (not a terminal), a line at each quarter. The first and last lines come from onProgress.
 */
function downloadProgressLine(stream: NodeJS.WriteStream = process.stderr): (p: DownloadProgress) => void {
  let quartersShown = 0;
  return (p) => {
    const line = `Downloading Apache Kafka ${p.kafkaVersion}: ${describeProgress(p)}`;
    const finished = p.doneFiles === p.totalFiles;
    if (stream.isTTY) {
      stream.write(`\r${line}\x1b[K${finished ? '\n' : ''}`);
      return;
    }
    const quarters = Math.floor((4 * p.doneBytes) / Math.max(1, p.totalBytes));
    if (finished || quarters <= quartersShown) return;
    quartersShown = quarters;
    stream.write(`${line}\n`);
  };
}

function startOptions(argv: string[]) {
  const { values } = parseOptions(argv, {
    engine: { type: 'string', default: 'auto' },
    port: { type: 'string' },
    'kafka-version': { type: 'string' },
    image: { type: 'string' },
    volume: { type: 'string' },
    name: { type: 'string' },
    'data-dir': { type: 'string' },
    timeout: { type: 'string' },
    nodes: { type: 'string' },
    node: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const engine = values.engine as EngineChoice;
  if (!['auto', 'docker', 'jvm'].includes(engine))
    throw new UsageError(t('--engine must be auto, docker or jvm, got "{0}"', values.engine));
  const nodes = intOption(values.nodes, 'nodes', 1)!;
  // A cluster takes longer to agree on its controller than one broker to start.
  const timeoutS = intOption(values.timeout, 'timeout', nodes > 1 ? 180 : 120)!;
  return { values, engine, port: portOption(values.port), nodes, timeoutS };
}

/** What `status`, `stop` and `logs` find later: saved once the broker answers. */
function recordStarted(broker: LocalBroker, ownsDataDir: boolean): BrokerRecord {
  const record: BrokerRecord = {
    engine: broker.engine,
    bootstrap: broker.bootstrap,
    port: broker.port,
    pid: broker.pid,
    containerName: broker.containerName,
    kafkaVersion: broker.kafkaVersion,
    dataDir: broker.dataDir,
    ownsDataDir: broker.engine === 'jvm' ? ownsDataDir : undefined,
    startedAt: new Date().toISOString(),
  };
  // A Docker broker recreated on another port leaves its old record behind.
  for (const r of listBrokerRecords())
    if (r.engine === 'docker' && r.containerName === record.containerName && r.port !== record.port)
      removeBrokerRecord(r);
  saveBrokerRecord(record);
  return record;
}

function printStarted(io: CliIO, broker: LocalBroker, record: BrokerRecord, json: boolean): void {
  if (json) {
    const { startMs, logFile, image, volume, imageReason, alreadyRunning, engineReason } = broker;
    printJson(io, { ...record, startMs, logFile, image, volume, imageReason, alreadyRunning, engineReason });
    return;
  }
  const where =
    broker.engine === 'docker'
      ? t('docker container {0}, image {1}', broker.containerName ?? '', broker.image ?? '')
      : `pid ${broker.pid}`;
  const how = broker.alreadyRunning ? t('already running') : t('started in {0} s', (broker.startMs / 1000).toFixed(1));
  io.out(t('Kafka {0} ready at {1} ({2}, {3})', broker.kafkaVersion, broker.bootstrap, where, how));
}

async function start(argv: string[], io: CliIO): Promise<number> {
  const { values, engine, port, nodes, timeoutS } = startOptions(argv);
  if (values.node !== undefined) return clusterNodeCommand('start', nodeTarget(values), timeoutS, io);
  const kafkaVersion = values['kafka-version'];
  if (nodes > 1) {
    return startCluster({ engine, nodes, port, image: values.image, kafkaVersion, timeoutS, json: values.json }, io);
  }
  const existing = listBrokerRecords().find((r) => r.port === port && r.engine === 'jvm');
  if (existing)
    throw new UserError(
      `a jvm broker from kafka-log-lab already runs on ${existing.bootstrap} (stop it with: kafka-log-lab broker stop --port ${existing.port})`,
    );
  const dataDir = values['data-dir'];
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const broker = await startLocalBroker({
    engine,
    port,
    kafkaVersion,
    image: values.image,
    imageSource: '--image',
    volume: values.volume,
    name: values.name,
    dataDir,
    detached: true,
    readyTimeoutMs: timeoutS * 1000,
    signal: io.signal,
    onProgress: progressTo(values.json),
    jvm: { onDownload: values.json ? undefined : downloadProgressLine() },
  });
  printStarted(io, broker, recordStarted(broker, !dataDir), values.json);
  return 0;
}

async function status(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseOptions(argv, { json: { type: 'boolean', default: false } });
  const { brokers, dockerProblem } = await knownBrokers();
  const rows = await Promise.all(
    brokers.map(async (b) => ({
      ...b.record,
      engine: b.engine,
      bootstrap: b.bootstrap,
      port: b.port,
      kafkaVersion: b.kafkaVersion,
      pid: b.pid,
      containerName: b.containerName,
      image: b.container?.image,
      volume: b.container?.volume,
      state: b.state,
      reachable: b.state === 'running' ? await isBrokerReachable(b.bootstrap) : false,
    })),
  );
  const jvmCluster = jvmClusterStatus();
  if (values.json) io.out(JSON.stringify({ brokers: rows, dockerProblem, jvmCluster }));
  else if (rows.length === 0 && !jvmCluster)
    io.out(t('No broker started by kafka-log-lab is running. Start one: kafka-log-lab broker start'));
  else {
    for (const r of rows) {
      const who = r.engine === 'docker' ? `container ${r.containerName}` : `pid ${r.pid ?? '-'}`;
      const health = r.state !== 'running' ? r.state : r.reachable ? 'ready' : 'not answering';
      io.out(`${r.engine.padEnd(6)}  ${r.bootstrap}  Kafka ${r.kafkaVersion}  ${who}  ${health}`);
    }
    for (const n of jvmCluster?.nodes ?? []) io.out(clusterStatusLine(n));
  }
  if (dockerProblem && !values.json) io.err(t('Docker brokers could not be checked: {0}', dockerProblem));
  return 0;
}

function pick(brokers: KnownBroker[], port: number | undefined): KnownBroker[] {
  return brokers.filter((b) => port === undefined || b.port === port);
}

async function stop(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseOptions(argv, {
    port: { type: 'string' },
    node: { type: 'string' },
    engine: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (values.node !== undefined) return clusterNodeCommand('stop', nodeTarget(values), 0, io);
  const port = portOption(values.port);
  const clusterStopped = port === undefined && (await stopJvmClusterCli(io));
  const { brokers, dockerProblem } = await knownBrokers();
  const targets = pick(brokers, port).filter((b) => b.engine === 'jvm' || b.state === 'running' || b.record);
  if (dockerProblem && targets.some((b) => b.engine === 'docker'))
    throw new UserError(`cannot stop the Docker broker: ${dockerProblem}`);
  if (targets.length === 0) {
    if (clusterStopped) return 0;
    io.out(
      port === undefined
        ? t('No broker started by kafka-log-lab is running.')
        : t('No broker started by kafka-log-lab runs on port {0}.', port),
    );
    return 0;
  }
  for (const b of targets) {
    if (b.engine === 'jvm') {
      const r = b.record!;
      if (r.pid && !(await terminate(r.pid, 30000, true))) throw new UserError(`broker pid ${r.pid} did not stop`);
      if (r.ownsDataDir && r.dataDir) fs.rmSync(r.dataDir, { recursive: true, force: true });
    } else {
      await stopDockerBroker({ name: b.containerName });
    }
    if (b.record) removeBrokerRecord(b.record);
    io.out(t('Stopped the {0} broker on {1}', b.engine, b.bootstrap));
  }
  return 0;
}

async function restart(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseOptions(argv, {
    port: { type: 'string' },
    timeout: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const port = portOption(values.port);
  const timeoutS = intOption(values.timeout, 'timeout', 120)!;
  const docker = pick((await knownBrokers()).brokers, port).filter((b) => b.engine === 'docker');
  if (docker.length === 0)
    throw new UserError('there is no Docker broker to restart (a JVM broker restarts with stop and start)');
  const broker = await restartDockerBroker({
    name: docker[0].containerName,
    readyTimeoutMs: timeoutS * 1000,
    signal: io.signal,
    onProgress: progressTo(values.json),
  });
  saveBrokerRecord({
    engine: 'docker',
    bootstrap: broker.bootstrap,
    port: broker.port,
    containerName: broker.containerName,
    kafkaVersion: broker.kafkaVersion,
    startedAt: new Date().toISOString(),
  });
  if (values.json)
    printJson(io, {
      engine: 'docker',
      bootstrap: broker.bootstrap,
      port: broker.port,
      containerName: broker.containerName,
      startMs: broker.startMs,
    });
  else
    io.out(
      t(
        'Kafka {0} ready again at {1} (docker container {2}, {3} s)',
        broker.kafkaVersion,
        broker.bootstrap,
        broker.containerName,
        (broker.startMs / 1000).toFixed(1),
      ),
    );
  return 0;
}

async function reset(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseOptions(argv, {
    port: { type: 'string' },
    volume: { type: 'string' },
    cluster: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  if (values.cluster) return resetCluster(values.json, io);
  const port = portOption(values.port);
  const docker = (await knownBrokers()).brokers.filter((b) => b.engine === 'docker');
  const byPort = port === undefined ? undefined : docker.find((b) => b.port === port);
  if (port !== undefined && !byPort) throw new UserError(`no Docker broker from kafka-log-lab uses port ${port}`);
  const removed = await resetDockerBroker(byPort ? { name: byPort.containerName } : { volume: values.volume });
  for (const b of docker) if (b.record && removed.containers.includes(b.containerName!)) removeBrokerRecord(b.record);
  if (values.json) printJson(io, removed);
  else if (removed.containers.length + removed.volumes.length === 0)
    io.out(t('Nothing to reset: no Docker broker or volume from kafka-log-lab was found.'));
  else
    io.out(
      t(
        'Removed {0}',
        [
          ...removed.containers.map((c) => t('container {0}', c)),
          ...removed.volumes.map((v) => t('volume {0}', v)),
        ].join(', '),
      ),
    );
  return 0;
}

async function logs(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseOptions(argv, {
    port: { type: 'string' },
    tail: { type: 'string' },
    follow: { type: 'boolean', short: 'f', default: false },
  });
  const port = portOption(values.port);
  const tail = intOption(values.tail, 'tail', 200)!;
  const [broker] = pick((await knownBrokers()).brokers, port);
  if (!broker)
    throw new UserError(
      port === undefined
        ? 'no broker started by kafka-log-lab is known'
        : `no broker started by kafka-log-lab runs on port ${port}`,
    );
  if (broker.engine === 'docker') {
    await streamDockerLogs(broker.containerName!, io.out, io.signal, { follow: values.follow, tail });
    return 0;
  }
  const file = jvmLogFile(broker.record!);
  if (!file) throw new UserError(`the JVM broker on ${broker.bootstrap} has no recorded data dir`);
  await followFile(file, io.out, tail, values.follow, io.signal);
  return 0;
}

async function fetchJars(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseOptions(argv, {
    'kafka-version': { type: 'string' },
    tested: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  const versions = values.tested ? TESTED_KAFKA_VERSIONS : [values['kafka-version'] ?? DEFAULT_KAFKA_VERSION];
  for (const version of versions) {
    const jars = await ensureKafkaJars(version, {
      onProgress: (m) => process.stderr.write(m + '\n'),
      onDownload: values.json ? undefined : downloadProgressLine(),
      signal: io.signal,
    });
    const how =
      jars.source === 'KAFKA_HOME'
        ? 'from KAFKA_HOME'
        : jars.download
          ? `downloaded ${megabytes(jars.download.bytes)}`
          : 'cached, verified';
    if (values.json) io.out(JSON.stringify(jars));
    else io.out(t('Kafka {0} jars in {1} ({2})', jars.version, jars.libsDir, how));
  }
  return 0;
}

/** `--node K [--engine docker|jvm]`: a node of the local cluster; without an engine, the one that exists. */
function nodeTarget(values: { node?: string; engine?: string }): { nodeId: number; engine?: 'docker' | 'jvm' } {
  const nodeId = numberOption(values.node, 'node', { integer: true, min: 1, max: 99, identifier: true })!;
  if (values.engine === undefined || values.engine === 'auto') return { nodeId };
  if (values.engine !== 'docker' && values.engine !== 'jvm')
    throw new UsageError(t('--engine must be docker or jvm with --node, got "{0}"', values.engine));
  return { nodeId, engine: values.engine };
}

async function kill(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseOptions(argv, { node: { type: 'string' }, engine: { type: 'string' } });
  if (values.node === undefined) throw new UsageError(t('kill needs --node K (a node of the local cluster)'));
  return clusterNodeCommand('kill', nodeTarget(values), 0, io);
}

const actions: Record<string, (argv: string[], io: CliIO) => Promise<number>> = {
  start,
  status,
  stop,
  kill,
  restart,
  reset,
  logs,
  fetch: fetchJars,
};

export const brokerCommand: CliCommand = {
  name: 'broker',
  summary: 'start, inspect and stop a local Kafka broker (Docker or local Java)',
  help,
  run: (argv, io) => runAction(argv, io, help, actions),
};
