// What a lab run needs: the cluster (the active one, or brokers given by a caller), the topic,
// how many groups and how many members per group. From the palette the user picks a topic
// of the active cluster (or names a new one) and the sizes; scripts and tests pass them all.
import * as vscode from 'vscode';
import { UserError } from '../../core/errors';
import { withAdmin } from '../../core/kafka/client';
import { DEFAULT_LAB_PARTITIONS } from '../../core/lab/groupLab';
import { topicNameProblem } from '../../core/kafka/topicName';
import { DEFAULT_CLUSTER, parseBootstrapServers } from '../clusters/clusterRegistry';
import { labClients, type LabClusterLookup, type LabTarget } from './groupLabClients';

export interface GroupLabConfig extends LabTarget {
  topic: string;
  groups: number;
  members: number;
  /** Partitions of the topic when the lab creates it. */
  partitions: number;
}

export const MAX_GROUPS = 10;
export const MAX_MEMBERS = 12;

function sizeProblem(text: string, max: number): string | undefined {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= max ? undefined : vscode.l10n.t('A whole number from 1 to {0}', max);
}

function activeTarget(clusters: LabClusterLookup | undefined): LabTarget {
  const cluster = clusters?.active() ?? DEFAULT_CLUSTER;
  const parsed = parseBootstrapServers(cluster.bootstrapServers);
  if ('error' in parsed) throw new UserError(vscode.l10n.t('cluster "{0}": {1}', cluster.name, parsed.error));
  return { brokers: parsed.brokers, clusterName: clusters ? cluster.name : undefined };
}

/** `{ topic, groups?, members?, partitions?, brokers? | cluster? }` from a caller; a string says what is wrong. */
export function configFromArgs(
  args: Record<string, unknown>,
  clusters: LabClusterLookup | undefined,
): GroupLabConfig | string {
  const topic = args.topic;
  if (typeof topic !== 'string') return 'a topic name is required';
  const problem = topicNameProblem(topic);
  if (problem) return problem;
  const size = (value: unknown, fallback: number, max: number, name: string): number | string => {
    const n = value === undefined ? fallback : Number(value);
    return Number.isInteger(n) && n >= 1 && n <= max ? n : `${name} must be a whole number from 1 to ${max}`;
  };
  const groups = size(args.groups, 2, MAX_GROUPS, 'groups');
  const members = size(args.members, 3, MAX_MEMBERS, 'members');
  const partitions = size(args.partitions, DEFAULT_LAB_PARTITIONS, 1000, 'partitions');
  for (const v of [groups, members, partitions]) if (typeof v === 'string') return v;
  let target: LabTarget;
  if (typeof args.brokers === 'string') {
    const parsed = parseBootstrapServers(args.brokers);
    if ('error' in parsed) return parsed.error;
    target = { brokers: parsed.brokers };
  } else if (typeof args.cluster === 'string') {
    const named = clusters?.find(args.cluster);
    if (!named) return `no cluster named "${args.cluster}" is configured`;
    const parsed = parseBootstrapServers(named.bootstrapServers);
    if ('error' in parsed) return parsed.error;
    target = { brokers: parsed.brokers, clusterName: named.name };
  } else {
    target = activeTarget(clusters);
  }
  return { ...target, topic, groups: groups as number, members: members as number, partitions: partitions as number };
}

async function askSize(title: string, prompt: string, value: string, max: number): Promise<number | undefined> {
  const text = await vscode.window.showInputBox({
    title,
    prompt,
    value,
    ignoreFocusOut: true,
    validateInput: (t) => sizeProblem(t, max),
  });
  return text === undefined ? undefined : Number(text);
}

/** A topic row of the Kafka view: its topic and cluster. */
export function topicRow(arg: unknown): { topic: string; clusterName: string } | undefined {
  const row = arg as { listing?: { name?: unknown }; cluster?: { name?: unknown } } | undefined;
  const topic = row?.listing?.name;
  const clusterName = row?.cluster?.name;
  return typeof topic === 'string' && typeof clusterName === 'string' ? { topic, clusterName } : undefined;
}

/** Palette flow on the active cluster: topic (existing or new), groups, members; a topic row skips the topic. */
export async function askForConfig(
  clusters: LabClusterLookup | undefined,
  warn: (line: string) => void,
  row?: { topic: string; clusterName: string },
): Promise<GroupLabConfig | undefined> {
  if (row) {
    const preset = configFromArgs({ topic: row.topic, cluster: row.clusterName }, clusters);
    if (typeof preset === 'string') throw new UserError(preset);
    return askSizes(preset);
  }
  const target = activeTarget(clusters);
  const where = target.clusterName ?? target.brokers.join(',');
  const { client } = await labClients(target, clusters, warn);
  const topics = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Listing the topics of {0}…', where) },
    () => withAdmin(client, (admin) => admin.listTopics()),
  );
  const NEW = `$(add) ${vscode.l10n.t('New topic…')}`;
  const picked = await vscode.window.showQuickPick([NEW, ...topics.filter((t) => !t.startsWith('__')).sort()], {
    title: vscode.l10n.t('Consumer Group Lab (1/3): topic on {0}', where),
    placeHolder: vscode.l10n.t('The topic the groups read; a new one gets {0} partitions', DEFAULT_LAB_PARTITIONS),
    ignoreFocusOut: true,
  });
  if (picked === undefined) return undefined;
  let topic = picked;
  if (picked === NEW) {
    const name = await vscode.window.showInputBox({
      title: vscode.l10n.t('Consumer Group Lab: new topic'),
      prompt: vscode.l10n.t('Name of the topic to create ({0} partitions)', DEFAULT_LAB_PARTITIONS),
      value: 'lab-groups',
      ignoreFocusOut: true,
      validateInput: (t) =>
        topicNameProblem(t) ??
        (topics.includes(t) ? vscode.l10n.t('That topic exists: pick it from the list') : undefined),
    });
    if (name === undefined) return undefined;
    topic = name;
  }
  return askSizes({ ...target, topic, groups: 2, members: 3, partitions: DEFAULT_LAB_PARTITIONS });
}

async function askSizes(config: GroupLabConfig): Promise<GroupLabConfig | undefined> {
  const groups = await askSize(
    vscode.l10n.t('Consumer Group Lab (2/3): groups'),
    vscode.l10n.t('How many consumer groups? Each group reads every message (fanout).'),
    String(config.groups),
    MAX_GROUPS,
  );
  if (groups === undefined) return undefined;
  const members = await askSize(
    vscode.l10n.t('Consumer Group Lab (3/3): members'),
    vscode.l10n.t('How many members per group? They share the partitions (load balancing).'),
    String(config.members),
    MAX_MEMBERS,
  );
  if (members === undefined) return undefined;
  return { ...config, groups, members };
}
