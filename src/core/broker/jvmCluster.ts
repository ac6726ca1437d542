// A local multi-node Apache Kafka (KRaft) cluster on the JVM engine: N JVMs on 127.0.0.1, each
// broker and controller, one N-voter quorum, small heaps. Nodes can be stopped (SIGTERM, a
// controlled shutdown), killed (SIGKILL, the crash case) and started again one by one.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors';
import { currentPlatform, javaChildEnv } from '../platform/platform';
import { backgroundSpawnOptions } from '../platform/processTree';
import { ensureKafkaJars, DEFAULT_KAFKA_VERSION } from './kafkaJars';
import { locateJava, type JvmSetup } from './javaRuntime';
import { LOG4J2_PROPERTIES, LOG4J_PROPERTIES, newClusterId } from './kraftConfig';
import { freePorts } from './freePort';
import { waitUntilReady } from './readiness';
import { isAlive, terminate } from './processes';
import { formatStorage, loggingArgs, tailOf } from './jvmBroker';
import {
  CLUSTER_HOST,
  clusterLayout,
  clusterNodeJvmArgs,
  clusterNodeProperties,
  kraftNodeOf,
  type ClusterNodeLayout,
} from './jvmClusterConfig';
import {
  clusterNodeStatus,
  livePid,
  type ClusterNodeRecord,
  type ClusterNodeStatus,
  type JvmClusterRecord,
} from './jvmClusterState';

export interface JvmClusterOptions {
  /** Number of nodes (default 3). */
  size?: number;
  /** The cluster's folder (one sub-folder per node); a temp dir when omitted. */
  dataDir?: string;
  kafkaVersion?: string;
  /** Heap of each node's JVM (default 256m). */
  heap?: string;
  /** Keep running after this Node process exits (CLI `broker start`). */
  detached?: boolean;
  readyTimeoutMs?: number;
  onProgress?: (message: string) => void;
  signal?: AbortSignal;
  setup?: JvmSetup;
}

export interface RunningJvmCluster {
  bootstrap: string;
  startMs: number;
  control: JvmClusterControl;
}

export const DEFAULT_CLUSTER_HEAP = '256m';

interface Runtime {
  java: string;
  libsDir: string;
}

/** Start, stop and kill the nodes of one recorded cluster. `onRecord` hears every pid change. */
export class JvmClusterControl {
  private runtime?: Runtime;

  constructor(
    readonly record: JvmClusterRecord,
    private readonly options: { heap?: string; detached?: boolean; onRecord?: (r: JvmClusterRecord) => void } = {},
    runtime?: Runtime,
  ) {
    this.runtime = runtime;
  }

  status(): ClusterNodeStatus[] {
    return clusterNodeStatus(this.record);
  }

  node(nodeId: number): ClusterNodeRecord {
    const node = this.record.nodes.find((n) => n.nodeId === nodeId);
    if (!node) {
      const ids = this.record.nodes.map((n) => n.nodeId).join(', ');
      throw new UserError(`the cluster has no node ${nodeId} (its nodes are ${ids})`);
    }
    return node;
  }

  /** SIGTERM: Kafka moves its leaderships away and shuts down cleanly. */
  async stopNode(nodeId: number): Promise<boolean> {
    const node = this.node(nodeId);
    const pid = livePid(node);
    if (pid === undefined) return this.forget(node, false);
    if (!(await terminate(pid, 30000, this.options.detached ?? false)))
      throw new UserError(`node ${nodeId} (pid ${pid}) did not stop`);
    return this.forget(node, true);
  }

  /** SIGKILL: the crash case, no controlled shutdown. */
  async killNode(nodeId: number): Promise<boolean> {
    const node = this.node(nodeId);
    const pid = livePid(node);
    if (pid === undefined) return this.forget(node, false);
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
    return this.forget(node, true);
  }

  /** Starts a node that is down and waits until it answers; false when it was already up. */
  async startNode(nodeId: number, readyTimeoutMs = 120000, signal?: AbortSignal): Promise<boolean> {
    const node = this.node(nodeId);
    if (livePid(node) !== undefined) return false;
    const runtime = await this.resolveRuntime();
    const child = spawnNode(runtime, node, this.options.heap ?? DEFAULT_CLUSTER_HEAP, this.options.detached ?? false);
    node.pid = child.pid;
    this.options.onRecord?.(this.record);
    await waitForNode(node, child, readyTimeoutMs, signal);
    return true;
  }

  /** Stops every node (in parallel: a lone survivor would wait for a quorum that is gone). */
  async stopAll(): Promise<void> {
    await Promise.all(this.record.nodes.map((n) => this.stopNode(n.nodeId)));
    if (this.record.ownsDataDir) fs.rmSync(this.record.dataDir, { recursive: true, force: true });
  }

  private forget(node: ClusterNodeRecord, wasUp: boolean): boolean {
    node.pid = undefined;
    this.options.onRecord?.(this.record);
    return wasUp;
  }

  private async resolveRuntime(): Promise<Runtime> {
    if (!this.runtime) {
      const java = await locateJava();
      const jars = await ensureKafkaJars(this.record.kafkaVersion);
      this.runtime = { java: java.executable, libsDir: jars.libsDir };
    }
    return this.runtime;
  }
}

interface NodeChild {
  pid: number;
  exitCode(): number | null;
}

/** Starts one node's `kafka.Kafka`, its output appended to broker.out in the node's folder. */
function spawnNode(runtime: Runtime, node: ClusterNodeLayout, heap: string, detached: boolean): NodeChild {
  const out = fs.openSync(path.join(node.dir, 'broker.out'), 'a');
  const args = [...clusterNodeJvmArgs(heap), ...loggingArgs(node.dir), '-cp', path.join(runtime.libsDir, '*')];
  const child = spawn(runtime.java, [...args, 'kafka.Kafka', path.join(node.dir, 'server.properties')], {
    ...backgroundSpawnOptions(detached),
    stdio: ['ignore', out, out],
    env: javaChildEnv(currentPlatform()),
  });
  fs.closeSync(out);
  let exitCode: number | null = null;
  child.on('exit', (code, sig) => (exitCode = code ?? (sig ? 128 : 1)));
  if (detached) child.unref();
  return { pid: child.pid!, exitCode: () => exitCode };
}

async function waitForNode(node: ClusterNodeLayout, child: NodeChild, timeoutMs: number, signal?: AbortSignal) {
  try {
    await waitUntilReady(`${CLUSTER_HOST}:${node.port}`, {
      timeoutMs,
      signal,
      abortReason: () =>
        child.exitCode() !== null || !isAlive(child.pid)
          ? `node ${node.nodeId} exited (code ${child.exitCode()})`
          : undefined,
    });
  } catch (e) {
    const tail = tailOf(path.join(node.dir, 'broker.out'));
    throw new UserError(`node ${node.nodeId} did not start: ${(e as Error).message}`, tail || undefined);
  }
}

/** Writes every node's configuration and formats its storage with one shared cluster id. */
async function prepareNodes(runtime: Runtime, nodes: ClusterNodeLayout[]): Promise<void> {
  const clusterId = newClusterId();
  await Promise.all(
    nodes.map(async (node) => {
      fs.mkdirSync(node.dir, { recursive: true });
      const propsFile = path.join(node.dir, 'server.properties');
      fs.writeFileSync(propsFile, clusterNodeProperties(node, nodes));
      fs.writeFileSync(path.join(node.dir, 'log4j.properties'), LOG4J_PROPERTIES);
      fs.writeFileSync(path.join(node.dir, 'log4j2.properties'), LOG4J2_PROPERTIES);
      if (fs.existsSync(path.join(kraftNodeOf(node).logDir, 'meta.properties'))) return;
      await formatStorage(runtime.libsDir, propsFile, clusterId, loggingArgs(node.dir), runtime.java);
    }),
  );
}

/** A fresh cluster: ports chosen together, storage formatted, every node started and answering. */
export async function startJvmCluster(options: JvmClusterOptions = {}): Promise<RunningJvmCluster> {
  const t0 = Date.now();
  const size = options.size ?? 3;
  const progress = options.onProgress ?? (() => undefined);
  const java = await locateJava(options.setup ?? {});
  const kafkaVersion = options.kafkaVersion ?? DEFAULT_KAFKA_VERSION;
  const jars = await ensureKafkaJars(kafkaVersion, { onProgress: progress, signal: options.signal, ...options.setup });
  const runtime = { java: java.executable, libsDir: jars.libsDir };
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = path.resolve(options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-log-lab-cluster-')));
  const nodes = clusterLayout(dataDir, size, await freePorts(2 * size, CLUSTER_HOST));
  progress(`Formatting the storage of ${size} nodes…`);
  await prepareNodes(runtime, nodes);
  const bootstrap = nodes.map((n) => `${CLUSTER_HOST}:${n.port}`).join(',');
  const record: JvmClusterRecord = {
    engine: 'jvm',
    bootstrap,
    dataDir,
    ownsDataDir,
    kafkaVersion: jars.version,
    startedAt: new Date().toISOString(),
    nodes,
  };
  const control = new JvmClusterControl(record, options, runtime);
  progress(`Starting Apache Kafka ${jars.version}: ${size} nodes on ${bootstrap}…`);
  try {
    const timeout = options.readyTimeoutMs ?? 180000;
    await Promise.all(nodes.map((n) => control.startNode(n.nodeId, timeout, options.signal)));
  } catch (e) {
    await control.stopAll();
    throw e;
  }
  return { bootstrap, startMs: Date.now() - t0, control };
}
