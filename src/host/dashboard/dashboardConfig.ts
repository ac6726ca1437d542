// The argument of "Open Dashboard" (from the explorer, the produce summary, tests) and the
// state a webview saved for a reload, both checked before use: either may come from outside.
import { parseBrokerList } from '../../core/kafka/client';
import { topicNameProblem } from '../../core/kafka/topicName';
import type { DashboardConfig, ProducedInfo, StartPosition } from '../../shared/protocol';
import type { ClusterRef } from '../commands';
import { isFormatChoice, isGroupId, toStartPosition } from './webviewMessages';

/** What callers of `kafkaLogLab.openDashboard` may pass. */
export interface OpenDashboardArgs {
  topic: string;
  /** Bootstrap servers; absent: the cluster's, else the active cluster's. */
  brokers?: string[] | string;
  cluster?: string | ClusterRef;
  /** A start position, or its kind for the simple ones. */
  from?: StartPosition | 'beginning' | 'end' | 'committed';
  groupId?: string;
  format?: string;
  produced?: ProducedInfo;
}

type Fields = Record<string, unknown>;
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

const isTopicName = (v: unknown): v is string => typeof v === 'string' && topicNameProblem(v) === undefined;

/** host:port entries (core's rule), from a list or a comma-separated string; undefined if any is malformed. */
export function toBrokers(v: unknown): string[] | undefined {
  const list = typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v : undefined;
  if (!list) return undefined;
  const brokers = list.map((b) => (typeof b === 'string' ? b.trim() : '')).filter((b) => b.length > 0);
  if (brokers.length === 0) return undefined;
  try {
    return parseBrokerList(brokers.join(','));
  } catch {
    return undefined;
  }
}

export function toProduced(v: unknown): ProducedInfo | undefined {
  if (!isObject(v) || typeof v.file !== 'string' || v.file.length === 0) return undefined;
  if (typeof v.acked !== 'number' || !Number.isSafeInteger(v.acked) || v.acked < 0) return undefined;
  const produced: ProducedInfo = { file: v.file, acked: v.acked };
  if (typeof v.sourceId === 'string' && /^[0-9a-f]{1,64}$/i.test(v.sourceId)) produced.sourceId = v.sourceId;
  return produced;
}

export function toStart(v: unknown): StartPosition | undefined {
  if (v === 'beginning' || v === 'end' || v === 'committed') return { kind: v };
  return toStartPosition(v);
}

/**
 * A full configuration from untrusted fields, or a text saying what is wrong. `brokers` must
 * already be resolved (the caller knows the clusters); absent options take their defaults.
 */
export function toDashboardConfig(v: unknown): DashboardConfig | string {
  if (!isObject(v)) return 'expected an object with a topic';
  if (!isTopicName(v.topic)) return `"${String(v.topic)}" is not a topic name`;
  const brokers = toBrokers(v.brokers);
  if (!brokers) return 'brokers must be host:port entries';
  const from = v.from === undefined ? { kind: 'beginning' as const } : toStart(v.from);
  if (!from) return 'from must be beginning, end, committed, an offset or a time';
  if (v.groupId !== undefined && !isGroupId(v.groupId)) return 'groupId is not a valid consumer group id';
  if (from.kind === 'committed' && v.groupId === undefined)
    return 'starting from committed offsets needs a consumer group';
  const format = v.format === undefined ? 'auto' : v.format;
  if (!isFormatChoice(format)) return `format must be auto, web, nginx, events, jsonl or raw`;
  const config: DashboardConfig = { topic: v.topic, brokers, from, format };
  if (typeof v.clusterName === 'string' && v.clusterName.length > 0) config.clusterName = v.clusterName.slice(0, 200);
  if (v.groupId !== undefined) config.groupId = v.groupId as string;
  if (v.produced !== undefined) {
    const produced = toProduced(v.produced);
    if (!produced) return 'produced must be { file, acked, sourceId? }';
    config.produced = produced;
  }
  return config;
}
