// Starts a single-node Apache Kafka (KRaft) as a local JVM process on 127.0.0.1:
// format the log dir with StorageTool, start kafka.Kafka, wait until it lists topics.
import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { UserError } from '../errors';
import { currentPlatform, javaChildEnv } from '../platform/platform';
import { backgroundSpawnOptions } from '../platform/processTree';
import { ensureKafkaJars, DEFAULT_KAFKA_VERSION } from './kafkaJars';
import { javaAvailable, locateJava, type JvmSetup } from './javaRuntime';
import { LOG4J2_PROPERTIES, LOG4J_PROPERTIES, newClusterId, serverProperties, type KraftNode } from './kraftConfig';
import { freePorts, isPortFree } from './freePort';
import { waitUntilReady } from './readiness';
import { isAlive, terminate } from './processes';

const execFileAsync = promisify(execFile);

export interface JvmBrokerOptions {
  /** Client port; a free one when omitted. */
  port?: number;
  kafkaVersion?: string;
  /** Where the broker keeps its log (data) dir, config and output; a temp dir when omitted. */
  dataDir?: string;
  /** Keep running after this Node process exits (CLI `broker start`). */
  detached?: boolean;
  /** Max heap of the broker JVM. */
  heap?: string;
  readyTimeoutMs?: number;
  onProgress?: (message: string) => void;
  signal?: AbortSignal;
  /** Java home, download folder, proxy and download progress, as the host chooses them. */
  setup?: JvmSetup;
  /** Listeners beside the PLAINTEXT one the readiness check uses (a secured test broker). */
  extraListeners?: ExtraListeners;
}

/** More listeners on free 127.0.0.1 ports, chosen together with the broker's own ports. */
export interface ExtraListeners {
  count: number;
  /** Settings added to server.properties (they may replace `listeners` and the like). */
  properties(node: KraftNode, ports: number[]): Record<string, string | number>;
  /** Arguments added to StorageTool's `format` (e.g. `--add-scram=…`). */
  formatArgs?: string[];
}

export interface RunningJvmBroker {
  engine: 'jvm';
  bootstrap: string;
  port: number;
  pid: number;
  kafkaVersion: string;
  dataDir: string;
  logFile: string;
  startMs: number;
  /** The ports of `extraListeners`, in order. */
  extraPorts?: number[];
  stop(): Promise<void>;
}

export { javaAvailable };

/** A start that failed for a reason a second try can cure (a port taken between choosing and binding). */
export class BrokerStartRaceError extends UserError {}

/** Kafka's words when a listener cannot bind its port. */
const BIND_FAILURE = /Address already in use|BindException/;

/** Last `n` lines of the broker's output, for error messages. */
export function tailOf(file: string, n = 15): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}

export async function startJvmBroker(options: JvmBrokerOptions = {}): Promise<RunningJvmBroker> {
  try {
    return await startJvmBrokerOnce(options);
  } catch (e) {
    if (!(e instanceof BrokerStartRaceError) || options.signal?.aborted) throw e;
    options.onProgress?.(`${e.message}; trying once more`);
    return startJvmBrokerOnce(options);
  }
}

/**
 * The JVM arguments that point both of Kafka's logging back ends at our config files. Log4j 1
 * wants a URL: an encoded file URL keeps spaces, non-ASCII names and Windows drives intact.
 */
export function loggingArgs(dataDir: string): string[] {
  return [
    `-Dlog4j.configuration=${pathToFileURL(path.join(dataDir, 'log4j.properties')).href}`,
    `-Dlog4j2.configurationFile=${path.join(dataDir, 'log4j2.properties')}`,
  ];
}

/**
 * The `java` arguments that format a KRaft log dir with Kafka's StorageTool. Values go as
 * `--option=value` so that no id or path can be read as an option of its own; a short-lived
 * tool starts fastest with the serial collector and the quick compiler.
 */
export function storageFormatArgs(
  libsDir: string,
  propsFile: string,
  clusterId: string,
  jvmArgs: string[] = [],
  toolArgs: string[] = [],
): string[] {
  return [
    '-Xmx256m',
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    ...jvmArgs,
    '-cp',
    path.join(libsDir, '*'),
    'kafka.tools.StorageTool',
    'format',
    `--cluster-id=${clusterId}`,
    `--config=${path.resolve(propsFile)}`,
    ...toolArgs,
  ];
}

/**
 * Formats a KRaft log dir with `java` (else the one discovery finds); a UserError with the tool's
 * last words when it refuses.
 */
export async function formatStorage(
  libsDir: string,
  propsFile: string,
  clusterId: string,
  jvmArgs: string[] = [],
  java?: string,
  toolArgs: string[] = [],
): Promise<void> {
  const executable = java ?? (await locateJava()).executable;
  try {
    await execFileAsync(executable, storageFormatArgs(libsDir, propsFile, clusterId, jvmArgs, toolArgs), {
      maxBuffer: 8 * 1024 * 1024,
      windowsHide: true,
      env: javaChildEnv(currentPlatform()),
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    throw new UserError(
      `could not format the broker storage: ${(err.stderr || err.stdout || String(e)).trim().split('\n').slice(-3).join(' ')}`,
    );
  }
}

async function startJvmBrokerOnce(options: JvmBrokerOptions): Promise<RunningJvmBroker> {
  const t0 = Date.now();
  const progress = options.onProgress ?? (() => undefined);
  const { java, jars } = await javaAndJars(options, progress);
  const layout = await writeBrokerFiles(options);
  // A reused data dir keeps its topics: only format a log dir that was never formatted.
  if (!fs.existsSync(path.join(layout.node.logDir, 'meta.properties'))) {
    progress('Formatting the broker storage…');
    const formatArgs = options.extraListeners?.formatArgs;
    await formatStorage(jars.libsDir, layout.propsFile, newClusterId(), layout.jvmLogging, java.executable, formatArgs);
  }
  const { host, port } = layout.node;
  progress(`Starting Apache Kafka ${jars.version} on ${host}:${port}…`);
  const child = spawnKafka(java.executable, jars.libsDir, layout, options);
  const bootstrap = `${host}:${port}`;
  const stop = async () => {
    await terminate(child.pid, 20000, options.detached ?? false);
  };
  try {
    await waitUntilReady(bootstrap, {
      timeoutMs: options.readyTimeoutMs ?? 90000,
      signal: options.signal,
      abortReason: () =>
        child.exitCode() !== null || !isAlive(child.pid)
          ? `the broker process exited (code ${child.exitCode()})`
          : undefined,
    });
  } catch (e) {
    await stop();
    throw startFailure(e as Error, child.logFile, child.logStart);
  }
  const { pid, logFile } = child;
  const { dataDir, extraPorts } = layout;
  const startMs = Date.now() - t0;
  return {
    engine: 'jvm',
    bootstrap,
    port,
    pid,
    kafkaVersion: jars.version,
    dataDir,
    logFile,
    startMs,
    extraPorts,
    stop,
  };
}

async function javaAndJars(options: JvmBrokerOptions, progress: (line: string) => void) {
  const setup = options.setup ?? {};
  const java = await locateJava(setup);
  progress(`Java ${java.version} (${java.source}: ${java.executable})`);
  const jars = await ensureKafkaJars(options.kafkaVersion ?? DEFAULT_KAFKA_VERSION, {
    onProgress: progress,
    onDownload: setup.onDownload,
    cacheDir: setup.cacheDir,
    proxy: setup.proxy,
    signal: options.signal,
  });
  return { java, jars };
}

interface BrokerFiles {
  node: KraftNode;
  extraPorts: number[];
  dataDir: string;
  propsFile: string;
  jvmLogging: string[];
}

/** Chooses the ports and writes server.properties and the logging setup into the data dir. */
async function writeBrokerFiles(options: JvmBrokerOptions): Promise<BrokerFiles> {
  const host = '127.0.0.1';
  if (options.port !== undefined && !(await isPortFree(options.port, host))) {
    throw new UserError(`port ${options.port} is taken by another process; choose another with --port`);
  }
  const extra = options.extraListeners;
  const [chosenPort, controllerPort, ...extraPorts] = await freePorts(2 + (extra?.count ?? 0), host);
  const port = options.port ?? chosenPort;
  const dataDir = path.resolve(options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-log-lab-broker-')));
  fs.mkdirSync(dataDir, { recursive: true });
  const propsFile = path.join(dataDir, 'server.properties');
  const node: KraftNode = { nodeId: 1, host, port, controllerPort, logDir: path.join(dataDir, 'kraft-logs') };
  fs.writeFileSync(propsFile, serverProperties(node, extra?.properties(node, extraPorts)));
  fs.writeFileSync(path.join(dataDir, 'log4j.properties'), LOG4J_PROPERTIES);
  fs.writeFileSync(path.join(dataDir, 'log4j2.properties'), LOG4J2_PROPERTIES);
  return { node, extraPorts, dataDir, propsFile, jvmLogging: loggingArgs(dataDir) };
}

/** Starts `kafka.Kafka` with its output appended to broker.out in the data dir. */
function spawnKafka(javaExecutable: string, libsDir: string, files: BrokerFiles, options: JvmBrokerOptions) {
  const logFile = path.join(files.dataDir, 'broker.out');
  const out = fs.openSync(logFile, 'a');
  const logStart = fs.fstatSync(out).size;
  const heap = `-Xmx${options.heap ?? '1g'}`;
  const args = [heap, '-Xms256m', '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-Djava.awt.headless=true'];
  const child = spawn(
    javaExecutable,
    [...args, ...files.jvmLogging, '-cp', path.join(libsDir, '*'), 'kafka.Kafka', files.propsFile],
    {
      ...backgroundSpawnOptions(options.detached ?? false),
      stdio: ['ignore', out, out],
      env: javaChildEnv(currentPlatform()),
    },
  );
  fs.closeSync(out);
  let exitCode: number | null = null;
  child.on('exit', (code, sig) => (exitCode = code ?? (sig ? 128 : 1)));
  if (options.detached) child.unref();
  return { pid: child.pid!, logFile, logStart, exitCode: () => exitCode };
}

/** Why the broker did not start, with its last output; a port lost to a race is worth a retry. */
function startFailure(e: Error, logFile: string, logStart: number): UserError {
  const tail = tailOf(logFile);
  const detail = tail ? `Last broker output:\n${tail}` : undefined;
  const thisRun = readFrom(logFile, logStart);
  if (BIND_FAILURE.test(thisRun)) {
    const line =
      thisRun
        .split('\n')
        .find((l) => BIND_FAILURE.test(l))
        ?.trim() ?? '';
    return new BrokerStartRaceError(
      `Kafka did not start: a port it was given was taken by another process (${line.slice(0, 200)})`,
      detail,
    );
  }
  return new UserError(`Kafka did not start: ${e.message}`, detail);
}

function readFrom(file: string, offset: number): string {
  try {
    return fs.readFileSync(file).subarray(offset).toString('utf8');
  } catch {
    return '';
  }
}
