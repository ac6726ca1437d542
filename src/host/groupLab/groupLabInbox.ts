// Checks what the Consumer Group Lab webview sends before the host acts on it: a webview is
// untrusted input, so anything that is not a well-formed protocol message is dropped.
// No `vscode` import: unit tests run it in plain Node.
import { MAX_PRODUCE_AT_ONCE, type GroupLabWebviewMessage } from '../../shared/groupLabProtocol';

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 500;
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

export function parseGroupLabMessage(raw: unknown): GroupLabWebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'addGroup':
      return isId(m.id) ? { type: 'addGroup', id: m.id } : undefined;
    case 'addMember':
      return isId(m.id) && isText(m.groupId) ? { type: 'addMember', id: m.id, groupId: m.groupId } : undefined;
    case 'stopMember':
      return isId(m.id) && isText(m.groupId) && isText(m.member) ? { type: 'stopMember', id: m.id, groupId: m.groupId, member: m.member } : undefined;
    case 'produce':
      return isId(m.id) && Number.isSafeInteger(m.count) && (m.count as number) >= 1 && (m.count as number) <= MAX_PRODUCE_AT_ONCE
        ? { type: 'produce', id: m.id, count: m.count as number }
        : undefined;
    case 'rendered':
      return isId(m.requestId) && typeof m.report === 'object' && m.report !== null
        ? { type: 'rendered', requestId: m.requestId, report: m.report as never }
        : undefined;
    default:
      return undefined;
  }
}
