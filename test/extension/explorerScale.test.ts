// Measurement: the Kafka view on a cluster with 1,000 topics and 200 consumer groups must
// render without blocking the extension host. Opt-in (KLL_TEST_SCALE=1), because it creates
// and deletes that many topics on the test broker (KLL_TEST_SCALE_KEEP=1 keeps them for the
// next run). Prints timings, event-loop delay and CPU time; the assertions only check rows.
import assert from 'node:assert/strict';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { createKafkaClient } from '../../src/core/kafka/client';
import type { AdminPort } from '../../src/core/kafka/ports';
import type { KafkaLogLabApi } from '../../src/host/api';
import { BACKGROUND_GROUP_DETAILS, BACKGROUND_LAG_MAX_TOPICS } from '../../src/host/explorer/groupNodes';
import { BACKGROUND_TOPIC_COUNTS } from '../../src/host/explorer/topicNodes';
import { extensionApi, rowAt, rows, testBrokers } from './support/explorerTree';

const CLUSTER = 'extension-tests';
const TOPICS = 1000;
const GROUPS = 200;
const PREFIX = 'kll-scale';
const topicName = (i: number) => `${PREFIX}-${String(i).padStart(4, '0')}`;
const groupName = (i: number) => `${PREFIX}-group-${String(i).padStart(3, '0')}`;

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

describe('Kafka view with 1,000 topics and 200 consumer groups', function () {
  this.timeout(900000);
  const brokers = testBrokers();
  let api: KafkaLogLabApi;
  let admin: AdminPort;

  before(async function () {
    if (!brokers || !process.env.KLL_TEST_SCALE) {
      console.log(
        '[scale] set KLL_TEST_SCALE=1 (and KLL_TEST_BROKERS) to measure the explorer on 1,000 topics and 200 groups',
      );
      this.skip();
    }
    api = await extensionApi();
    await vscode.commands.executeCommand('kafkaLogLab.addCluster', { name: CLUSTER, bootstrapServers: brokers });
    admin = createKafkaClient({ brokers: brokers!.split(','), clientId: 'kll-scale-setup' }).admin();
    await admin.connect();
    const started = performance.now();
    const existing = new Set(await admin.listTopics());
    const indexes = Array.from({ length: TOPICS }, (_, i) => i);
    await inParallel(
      indexes.filter((i) => !existing.has(topicName(i))),
      16,
      (i) => admin.createTopic({ topic: topicName(i), partitions: 1 }),
    );
    const groups = new Set((await admin.listGroups()).map((g) => g.groupId));
    await inParallel(
      Array.from({ length: GROUPS }, (_, i) => i).filter((i) => !groups.has(groupName(i))),
      8,
      (i) => admin.setGroupOffsets(groupName(i), topicName(i), [{ partition: 0, offset: 0 }]),
    );
    console.log(
      `[scale] created ${TOPICS} topics and ${GROUPS} groups in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  });

  after(async () => {
    if (!admin) return;
    if (process.env.KLL_TEST_SCALE_KEEP) return void (await admin.disconnect());
    await admin.deleteGroups(Array.from({ length: GROUPS }, (_, i) => groupName(i))).catch(() => undefined);
    const names = Array.from({ length: TOPICS }, (_, i) => topicName(i));
    for (let i = 0; i < names.length; i += 100)
      await admin.deleteTopics(names.slice(i, i + 100)).catch(() => undefined);
    await admin.disconnect();
  });

  it('lists every topic and group quickly and keeps the event loop free', async () => {
    await vscode.commands.executeCommand('kafkaLogLab.explorer.focus');
    // On a shared machine the event loop also waits for the CPU: an idle baseline shows how much.
    const idle = monitorEventLoopDelay({ resolution: 5 });
    idle.enable();
    await new Promise((r) => setTimeout(r, 3000));
    idle.disable();
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    api.explorer.refresh();
    const topicsFolder = await rowAt(api, CLUSTER, 'Topics');
    const tFolders = performance.now();
    const topicRows = await rows(api, topicsFolder.node);
    const tTopics = performance.now();
    const groupRows = await rows(api, (await rowAt(api, CLUSTER, 'Consumer groups')).node);
    const tGroups = performance.now();

    // The first rows get their counts in the background, two requests at a time; group lag
    // only on smaller clusters (here it comes when a group is expanded).
    const counted = topicRows.slice(0, BACKGROUND_TOPIC_COUNTS).filter((r) => r.label.startsWith(PREFIX));
    const described = topicRows.length <= BACKGROUND_LAG_MAX_TOPICS ? groupRows.slice(0, BACKGROUND_GROUP_DETAILS) : [];
    await api.explorer.settled();
    const tBackground = performance.now();
    delay.disable();
    const used = process.cpuUsage(cpu);

    // Expanding one group: its members and lag (the first group on a new connection is the
    // expensive one, see ClusterQueries.groupDetail).
    const tExpand = performance.now();
    const firstGroup = groupRows.find((r) => r.label.startsWith(PREFIX))!;
    await rows(api, firstGroup.node);
    const expandMs = performance.now() - tExpand;
    assert.match(api.explorer.item(firstGroup.node).description as string, / · lag 0$/);

    const ms = (a: number, b: number) => `${(b - a).toFixed(0)} ms`;
    // A count can fail (e.g. a just-created topic whose leader is not known yet): that row then
    // shows no count until the next refresh, which is what a user would see too.
    const withCount = counted.filter((r) =>
      / · 0 messages$/.test(api.explorer.item(r.node).description as string),
    ).length;
    const withLag = described.filter((r) => / · lag 0$/.test(api.explorer.item(r.node).description as string)).length;
    console.log(
      `[scale] cluster+folders ${ms(t0, tFolders)}, ${topicRows.length} topic rows ${ms(tFolders, tTopics)}, ` +
        `${groupRows.length} group rows ${ms(tTopics, tGroups)}; background counts for ${withCount} of ${counted.length} topics and ` +
        `lags for ${withLag} of ${described.length} groups ${ms(tGroups, tBackground)}`,
    );
    const stats = (h: typeof delay) =>
      `max ${(h.max / 1e6).toFixed(1)} ms, p99 ${(h.percentile(99) / 1e6).toFixed(1)} ms, mean ${(h.mean / 1e6).toFixed(1)} ms`;
    console.log(`[scale] event-loop delay while listing and counting: ${stats(delay)}; idle baseline: ${stats(idle)}`);
    console.log(
      `[scale] extension-host CPU time over those ${((tBackground - t0) / 1000).toFixed(1)} s: ${((used.user + used.system) / 1000).toFixed(0)} ms`,
    );
    console.log(`[scale] expanding the first group (members, committed offsets, lag): ${expandMs.toFixed(0)} ms`);
    assert.ok(topicRows.filter((r) => r.label.startsWith(PREFIX)).length === TOPICS, `${topicRows.length} topic rows`);
    assert.ok(groupRows.filter((r) => r.label.startsWith(PREFIX)).length === GROUPS, `${groupRows.length} group rows`);
    assert.ok(withCount > counted.length / 2, `only ${withCount} of ${counted.length} background counts arrived`);
  });
});
