// Checks what the Consumer Group Lab webview sends before the host acts on it: a webview is
// untrusted input, so anything that is not a well-formed protocol message is dropped.
// No `vscode` import: unit tests run it in plain Node.
import { MAX_PRODUCE_AT_ONCE, type GroupLabRendered, type GroupLabWebviewMessage } from '../../shared/groupLabProtocol';
import { acceptReady, acceptRendered, isCount, messageParser } from '../webview/messageParser';

const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 500;
const isProduceCount = (v: unknown): v is number =>
  Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= MAX_PRODUCE_AT_ONCE;
// The report is only read back by the extension tests; its shape is theirs to check.
const isReport = (v: unknown): v is GroupLabRendered => typeof v === 'object' && v !== null;

export const parseGroupLabMessage = messageParser<GroupLabWebviewMessage>({
  ready: acceptReady,
  addGroup: (m) => (isCount(m.id) ? { type: 'addGroup', id: m.id } : undefined),
  addMember: (m) =>
    isCount(m.id) && isName(m.groupId) ? { type: 'addMember', id: m.id, groupId: m.groupId } : undefined,
  stopMember: (m) =>
    isCount(m.id) && isName(m.groupId) && isName(m.member)
      ? { type: 'stopMember', id: m.id, groupId: m.groupId, member: m.member }
      : undefined,
  retry: (m) => (isCount(m.id) ? { type: 'retry', id: m.id } : undefined),
  startBroker: (m) => (isCount(m.id) ? { type: 'startBroker', id: m.id } : undefined),
  produce: (m) =>
    isCount(m.id) && isProduceCount(m.count) ? { type: 'produce', id: m.id, count: m.count } : undefined,
  rendered: acceptRendered(isReport),
});
