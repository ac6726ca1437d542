// Checks what the Replication Lab webview sends before the host acts on it: a webview is
// untrusted input, so anything that is not a well-formed protocol message is dropped.
// No `vscode` import: unit tests run it in plain Node.
import {
  MAX_RATE,
  type ReplicationLabRendered,
  type ReplicationWebviewMessage,
} from '../../shared/replicationProtocol';
import { acceptReady, acceptRendered, isCount, messageParser } from '../webview/messageParser';

const ACTIONS = new Set(['stop', 'kill', 'start']);
const isNodeId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= 9;
const isRate = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= MAX_RATE;
// The report is only read back by the extension tests; its shape is theirs to check.
const isReport = (v: unknown): v is ReplicationLabRendered => typeof v === 'object' && v !== null;

export const parseReplicationMessage = messageParser<ReplicationWebviewMessage>({
  ready: acceptReady,
  node: (m) =>
    isCount(m.id) && typeof m.action === 'string' && ACTIONS.has(m.action) && isNodeId(m.nodeId)
      ? { type: 'node', id: m.id, action: m.action as 'stop' | 'kill' | 'start', nodeId: m.nodeId }
      : undefined,
  setRate: (m) => (isCount(m.id) && isRate(m.rate) ? { type: 'setRate', id: m.id, rate: m.rate } : undefined),
  finish: (m) => (isCount(m.id) ? { type: 'finish', id: m.id } : undefined),
  rendered: acceptRendered(isReport),
});
