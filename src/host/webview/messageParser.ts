// Messages from a webview are untrusted input: each panel declares one rule per message type
// that checks the fields and copies only the known ones; anything else is dropped. The field
// checks and the rules every panel shares (`ready`, `rendered`) live here.

export type Fields = Record<string, unknown>;

export const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
export const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/** One rule per message type: the clean message, or undefined when a field is wrong. */
export type MessageRules<M extends { type: string }> = {
  [K in M['type']]: (fields: Fields) => Extract<M, { type: K }> | undefined;
};

export type MessageParser<M> = (raw: unknown) => M | undefined;

export function messageParser<M extends { type: string }>(rules: MessageRules<M>): MessageParser<M> {
  return (raw) => {
    if (!isObject(raw) || typeof raw.type !== 'string' || !Object.hasOwn(rules, raw.type)) return undefined;
    return rules[raw.type as M['type']](raw) as M | undefined;
  };
}

export const acceptReady = (): { type: 'ready' } => ({ type: 'ready' });

/** The webview's answer to `reportRendered`; `isReport` checks the report's shape. */
export function acceptRendered<R>(isReport: (v: unknown) => v is R) {
  return (m: Fields): { type: 'rendered'; requestId: number; report: R } | undefined =>
    isCount(m.requestId) && isReport(m.report)
      ? { type: 'rendered', requestId: m.requestId, report: m.report }
      : undefined;
}

/** A dropped message's type for the log, cut short (it is untrusted text). */
export function typeForLog(raw: unknown): string {
  return typeof raw === 'object' && raw !== null ? String((raw as { type?: unknown }).type).slice(0, 40) : typeof raw;
}
