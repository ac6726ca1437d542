// Seeds a Kafka cluster for the screenshots: web, nginx and event topics with data (through
// the project's CLI, dist/cli.js), an empty group with lag, and a group with two live members
// (the engine's consumer port from out/, so each member has its own client id). Starts a JVM
// broker when no address is given.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { repoRoot } from './codeServer.mjs';

const cli = path.join(repoRoot, 'dist/cli.js');
const run = (args) => execFileSync(process.execPath, [cli, ...args], { cwd: repoRoot }).toString();
const json = (args) =>
  JSON.parse(
    run([...args, '--json'])
      .trim()
      .split('\n')
      .pop(),
  );

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The engine's Kafka client as compiled by `tsc` (built first when missing). */
function coreClient() {
  const entry = path.join(repoRoot, 'out/src/core/kafka/client.js');
  if (!fs.existsSync(entry)) {
    try {
      execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
        cwd: repoRoot,
        stdio: 'ignore',
      });
    } catch {
      /* tsc still emits when other files have type errors */
    }
  }
  return createRequire(import.meta.url)(entry);
}

async function startMembers(brokers, groupId, names) {
  const { createKafkaClient } = coreClient();
  const members = [];
  for (const name of names) {
    const consumer = createKafkaClient({ brokers: brokers.split(','), clientId: name }).consumer({
      groupId,
      heartbeatIntervalMs: 500,
    });
    await consumer.connect();
    await consumer.run({ topics: ['log_web'], fromBeginning: true, eachBatch: async () => {} });
    members.push(consumer);
  }
  return members;
}

async function waitForGroup(brokers, groupId, members) {
  for (let i = 0; i < 60; i++) {
    const { groups } = json(['groups', 'list', '--brokers', brokers]);
    const group = groups.find((g) => g.groupId === groupId);
    if (group?.state === 'Stable' && group.members === members) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the consumer group ${groupId} did not become Stable with ${members} members`);
}

export async function seedCluster({ brokers, workspace, log }) {
  let stopBroker = async () => {};
  if (!brokers) {
    const port = await freePort();
    log(`starting a JVM broker on 127.0.0.1:${port}`);
    brokers = json(['broker', 'start', '--engine', 'jvm', '--port', String(port)]).bootstrap;
    stopBroker = async () => void run(['broker', 'stop', '--port', String(port)]);
  }
  let members = [];
  const stop = async () => {
    await Promise.all(members.map((m) => m.disconnect().catch(() => {})));
    await stopBroker();
  };
  try {
    const logs = path.join(workspace, 'logs');
    fs.mkdirSync(logs, { recursive: true });
    const b = ['--brokers', brokers];
    const file = (name) => path.join(logs, name);
    json(['generate', '--format', 'web', '--out', file('web-sample.log'), '--users', '60', '--seed', 'readme']);
    json(['generate', '--format', 'nginx', '--out', file('access.log'), '--users', '40', '--seed', 'readme']);
    json(['generate', '--format', 'events', '--out', file('events.log'), '--users', '40', '--seed', 'readme']);
    json(['generate', '--format', 'web', '--out', file('web-large.log'), '--users', '150000', '--seed', 'large']);
    json(['topics', 'create', 'log_web', '--partitions', '3', ...b]);
    json(['produce', file('web-sample.log'), '--topic', 'log_web', ...b]);
    json(['produce', file('access.log'), '--topic', 'nginx_logs', ...b]);
    json(['produce', file('events.log'), '--topic', 'events', ...b]);
    // An empty group that read part of log_web: its lag shows in the view.
    json(['consume', '--topic', 'log_web', '--group', 'lab-reports', '--from-beginning', '--max', '40', ...b]);
    // Two live members of one group share log_web's partitions while the screenshots are taken.
    members = await startMembers(brokers, 'lab-members', ['member-a', 'member-b']);
    await waitForGroup(brokers, 'lab-members', 2);
    log(`cluster seeded at ${brokers}`);
    return { brokers, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
