// The questions "Produce This File to Kafka" asks, with defaults: the topic (existing ones
// listed, the format's usual topic suggested), the detected format, raw or JSON values.
// The answers are remembered per file in workspaceState and offered first next time.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ValueMode } from '../../core/kafka/lineMessages';
import type { LogFormat } from '../../core/logFormat';
import { pickOne } from '../clusters/clusterArgs';
import type { KafkaDeps } from '../deps';
import { topicCollisionProblem, topicNameProblem } from '../../core/kafka/topicName';
import type { ClusterConfig } from '../settings';

export interface ProduceChoices {
  topic: string;
  format: LogFormat;
  as: ValueMode;
}

const MEMORY_KEY = 'kafkaLogLab.produceChoices';
const MEMORY_LIMIT = 200;

/** The topics the seed labs use for each format. */
const SEED_TOPICS: Partial<Record<LogFormat, string>> = { web: 'log_web', nginx: 'nginx_logs', events: 'events' };

const formatLabels = (): Record<LogFormat, string> => ({
  web: vscode.l10n.t('Web sessions (timestamp user_id action page)'),
  nginx: vscode.l10n.t('Nginx access log (combined format)'),
  events: vscode.l10n.t('Product events (JSON lines)'),
  jsonl: vscode.l10n.t('Any JSON object per line'),
  raw: vscode.l10n.t('Plain text lines'),
});

export function suggestedTopic(format: LogFormat, file: string): string {
  const seed = SEED_TOPICS[format];
  if (seed) return seed;
  const base = path
    .basename(file, path.extname(file))
    .replace(/[^a-zA-Z0-9._-]+/g, '_')
    .slice(0, 200);
  return topicNameProblem(base) ? 'logs' : base;
}

export function rememberedChoices(deps: KafkaDeps, file: string): ProduceChoices | undefined {
  return deps.context.workspaceState.get<Record<string, ProduceChoices>>(MEMORY_KEY, {})[file];
}

export async function rememberChoices(deps: KafkaDeps, file: string, choices: ProduceChoices): Promise<void> {
  const all = { ...deps.context.workspaceState.get<Record<string, ProduceChoices>>(MEMORY_KEY, {}) };
  delete all[file];
  all[file] = choices;
  const files = Object.keys(all);
  for (const old of files.slice(0, Math.max(0, files.length - MEMORY_LIMIT))) delete all[old];
  await deps.context.workspaceState.update(MEMORY_KEY, all);
}

type TopicItem = vscode.QuickPickItem & { topic: string };

/** A quick pick that lists existing topics as they arrive and accepts a new name typed in. */
/** The picker's rows: what was typed (with the reason it cannot be a topic), the preferred topic, the others. */
function topicItems(typed: string, existing: string[], preferred: string, reason: string): TopicItem[] {
  const items: TopicItem[] = [];
  if (typed && !existing.includes(typed) && typed !== preferred) {
    const problem = topicNameProblem(typed) ?? topicCollisionProblem(typed, existing);
    items.push({
      label: typed,
      topic: problem ? '' : typed,
      description: problem ?? vscode.l10n.t('new topic (created with 3 partitions)'),
    });
  }
  const clash = existing.includes(preferred) ? undefined : topicCollisionProblem(preferred, existing);
  items.push({
    label: preferred,
    topic: clash ? '' : preferred,
    description: clash ?? (existing.includes(preferred) ? reason : vscode.l10n.t('new topic · {0}', reason)),
  });
  const others = existing.filter((t) => t !== preferred);
  if (others.length)
    items.push(
      { label: vscode.l10n.t('existing topics'), kind: vscode.QuickPickItemKind.Separator, topic: '' },
      ...others.map((t) => ({ label: t, topic: t })),
    );
  return items;
}

export function askTopic(
  deps: KafkaDeps,
  cluster: ClusterConfig,
  title: string,
  preferred: string,
  reason: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const qp = vscode.window.createQuickPick<TopicItem>();
    qp.title = vscode.l10n.t('{0}: topic on "{1}"', title, cluster.name);
    qp.placeholder = vscode.l10n.t('Pick a topic, or type the name of a new one');
    qp.ignoreFocusOut = true;
    qp.busy = true;
    let existing: string[] = [];
    const render = () => (qp.items = topicItems(qp.value.trim(), existing, preferred, reason));
    deps.explorer
      .queries(cluster)
      .topics()
      .then(
        (topics) => (existing = topics.filter((t) => !t.internal).map((t) => t.name)),
        (e) => (qp.placeholder = vscode.l10n.t('Type a topic name (cannot list topics: {0})', (e as Error).message)),
      )
      .finally(() => {
        qp.busy = false;
        render();
      });
    qp.onDidChangeValue(render);
    qp.onDidAccept(() => {
      const picked = qp.selectedItems[0];
      if (!picked?.topic) return;
      resolve(picked.topic);
      qp.hide();
    });
    qp.onDidHide(() => {
      reject(new vscode.CancellationError());
      qp.dispose();
    });
    render();
    qp.show();
  });
}

export async function askFormat(fileName: string, detected: LogFormat, preferred: LogFormat): Promise<LogFormat> {
  const order: LogFormat[] = [
    preferred,
    ...(['web', 'nginx', 'events', 'jsonl', 'raw'] as LogFormat[]).filter((f) => f !== preferred),
  ];
  const labels = formatLabels();
  const picked = await pickOne(
    order.map((f) => ({
      label: f,
      format: f,
      description: `${labels[f]}${f === detected ? ` · ${vscode.l10n.t('detected')}` : ''}`,
    })),
    {
      title: vscode.l10n.t('Produce {0} to Kafka (2/3): log format', fileName),
      placeHolder: vscode.l10n.t('Detected: {0}', detected),
    },
  );
  return picked.format;
}

export async function askValueMode(fileName: string, preferred: ValueMode): Promise<ValueMode> {
  const modes: Array<{ label: string; as: ValueMode; description: string }> = [
    { label: vscode.l10n.t('Raw lines'), as: 'raw', description: vscode.l10n.t('each line exactly as written') },
    {
      label: vscode.l10n.t('JSON records'),
      as: 'json',
      description: vscode.l10n.t('each line parsed into a JSON object (lines that do not parse are skipped)'),
    },
  ];
  const ordered = preferred === 'json' ? [modes[1], modes[0]] : modes;
  const title = vscode.l10n.t('Produce {0} to Kafka (3/3): message values', fileName);
  return (await pickOne(ordered, { title })).as;
}
