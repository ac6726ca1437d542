// Topic actions of the Kafka view: create (validated), delete (confirmed), copy a name.
// Each also runs from the palette (it asks) or with an argument object (tests, other commands).
import * as vscode from 'vscode';
import { topicCollisionProblem, topicNameProblem } from '../../core/kafka/topicName';
import { askText, clusterFrom, numberField, pickOne, stringField, withClusterAdmin } from '../clusters/clusterArgs';
import type { KafkaDeps } from '../deps';
import { COMMANDS } from '../commands';
import { registerCommand } from '../runCommand';
import type { ClusterConfig } from '../settings';
import { count } from './explorerNode';

export interface CreateTopicArgs {
  topic: string;
  partitions?: number;
  replicationFactor?: number;
  cluster?: string;
}

type RangeProblem = (min: number, max: string) => string;

function integerProblem(text: string, min: number, max: number, problem: RangeProblem): string | undefined {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < min || n > max) return problem(min, count(max));
  return undefined;
}

/** Topic name from a tree row (`name`), `{ topic }`, or undefined. */
export function topicFrom(arg: unknown): string | undefined {
  return (
    stringField(arg, 'topic') ??
    (arg && typeof arg === 'object' && 'listing' in arg ? stringField(arg, 'name') : undefined)
  );
}

async function existingTopics(deps: KafkaDeps, cluster: ClusterConfig): Promise<string[]> {
  return (await deps.explorer.queries(cluster).topics()).filter((t) => !t.internal).map((t) => t.name);
}

async function askCreateTopic(deps: KafkaDeps, cluster: ClusterConfig): Promise<CreateTopicArgs> {
  const title = vscode.l10n.t('Kafka Log Lab: Create Topic on "{0}"', cluster.name);
  const [known, brokers] = await Promise.all([
    existingTopics(deps, cluster).catch(() => [] as string[]),
    deps.explorer
      .queries(cluster)
      .cluster()
      .then(
        (c) => c.brokers.length,
        () => 1,
      ),
  ]);
  const topic = await askText({
    title: `${title} (1/3)`,
    prompt: vscode.l10n.t('Topic name'),
    validateInput: (t) =>
      topicNameProblem(t) ??
      (known.includes(t) ? vscode.l10n.t('Topic "{0}" already exists', t) : undefined) ??
      topicCollisionProblem(t, known),
  });
  const partitions = await askText({
    title: `${title} (2/3)`,
    prompt: vscode.l10n.t('Partitions'),
    value: '3',
    validateInput: (t) =>
      integerProblem(t, 1, 10000, (min, max) =>
        vscode.l10n.t('Partitions must be a whole number from {0} to {1}', min, max),
      ),
  });
  const replication = await askText({
    title: `${title} (3/3)`,
    prompt:
      brokers === 1
        ? vscode.l10n.t('Replication factor (the cluster has {0} broker)', brokers)
        : vscode.l10n.t('Replication factor (the cluster has {0} brokers)', brokers),
    value: '1',
    validateInput: (t) =>
      integerProblem(t, 1, brokers, (min, max) =>
        vscode.l10n.t('The replication factor must be a whole number from {0} to {1}', min, max),
      ),
  });
  return { topic, partitions: Number(partitions), replicationFactor: Number(replication) };
}

async function pickTopic(deps: KafkaDeps, cluster: ClusterConfig, placeHolder: string): Promise<string> {
  const names = existingTopics(deps, cluster).then((n) => n.map((label) => ({ label })));
  return (await pickOne(names, { placeHolder })).label;
}

async function confirmDelete(topic: string, cluster: string): Promise<boolean> {
  const remove = vscode.l10n.t('Delete Topic');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete the topic "{0}" on "{1}" with all its messages?', topic, cluster),
    { modal: true, detail: vscode.l10n.t('This cannot be undone.') },
    remove,
  );
  return answer === remove;
}

export function registerTopicCommands(deps: KafkaDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, COMMANDS.createTopic, async (arg?) => {
      const cluster = clusterFrom(deps, arg);
      const given = stringField(arg, 'topic');
      const spec = given
        ? {
            topic: given,
            partitions: numberField(arg, 'partitions') ?? 3,
            replicationFactor: numberField(arg, 'replicationFactor') ?? 1,
          }
        : await askCreateTopic(deps, cluster);
      const problem = topicNameProblem(spec.topic);
      if (problem) throw new Error(problem);
      const { createTopic } = await import('../../core/kafka/topicsAdmin');
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Creating topic {0}', spec.topic) },
        () =>
          withClusterAdmin(deps, cluster, (admin) =>
            createTopic(admin, {
              topic: spec.topic,
              partitions: spec.partitions ?? 3,
              replicationFactor: spec.replicationFactor,
            }),
          ),
      );
      deps.log.info(`[topics] created ${spec.topic} on ${cluster.name} with ${spec.partitions} partitions`);
      deps.explorer.refresh();
      if (!given)
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Kafka Log Lab: topic "{0}" created with {1} partitions.', spec.topic, spec.partitions ?? 3),
        );
      return spec.topic;
    }),
    registerCommand(deps, COMMANDS.deleteTopic, async (arg?) => {
      const cluster = clusterFrom(deps, arg);
      const topic = topicFrom(arg) ?? (await pickTopic(deps, cluster, vscode.l10n.t('Topic to delete')));
      const skip = (arg as { skipConfirmation?: boolean } | undefined)?.skipConfirmation;
      if (!skip && !(await confirmDelete(topic, cluster.name))) return undefined;
      const { deleteTopic } = await import('../../core/kafka/topicsAdmin');
      await withClusterAdmin(deps, cluster, (admin) => deleteTopic(admin, topic));
      deps.log.info(`[topics] deleted ${topic} on ${cluster.name}`);
      deps.explorer.refresh();
      return topic;
    }),
    registerCommand(deps, COMMANDS.copyName, async (arg?) => {
      const name = topicFrom(arg) ?? stringField(arg, 'groupId') ?? stringField(arg, 'name');
      if (!name) return undefined;
      await vscode.env.clipboard.writeText(name);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied "{0}"', name), 2000);
      return name;
    }),
  ];
}
