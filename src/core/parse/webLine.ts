// Parser for the web lab's line format (seed 000), the same split the seed's parse_line does
// on " -- ", written with indexOf so it is fast and never throws:
//   1 -- Timestamp : 2025-10-16 21:16:47.779100 - User_id : a0aa0dd0 -- Action : go_to -- Page : home
// The leading line number is optional. Timestamps are read as UTC; the fraction may have
// 0 to 9 digits (Python prints none when the microseconds are zero).
import { digitsAt, stripBomAndCr, twoDigits } from './lineText';

export interface WebRecord {
  timestamp: string;
  user_id: string;
  action: string;
  page: string;
  /** Epoch milliseconds; the fraction carries the microseconds. */
  ts: number;
}

const SEP = ' -- ';
const TIMESTAMP = 'Timestamp : ';
const USER = ' - User_id : ';
const ACTION = 'Action : ';
const PAGE = 'Page : ';

export function parseWebLine(raw: string): WebRecord | undefined {
  const line = stripBomAndCr(raw);
  if (line.charCodeAt(0) === 0x7b /* { */) return webRecordFromJson(line);
  let at = line.indexOf(TIMESTAMP);
  if (at < 0 || (at > 0 && !line.startsWith(SEP, at - SEP.length))) return undefined;
  at += TIMESTAMP.length;
  const userAt = line.indexOf(USER, at);
  if (userAt < 0) return undefined;
  const userEnd = line.indexOf(SEP, userAt + USER.length);
  if (userEnd < 0 || !line.startsWith(ACTION, userEnd + SEP.length)) return undefined;
  const actionAt = userEnd + SEP.length + ACTION.length;
  const actionEnd = line.indexOf(SEP, actionAt);
  if (actionEnd < 0 || !line.startsWith(PAGE, actionEnd + SEP.length)) return undefined;

  const timestamp = line.slice(at, userAt).trim();
  const micros = parseWebTimestamp(timestamp);
  const user = line.slice(userAt + USER.length, userEnd).trim();
  const action = line.slice(actionAt, actionEnd).trim();
  const page = line.slice(actionEnd + SEP.length + PAGE.length).trim();
  if (Number.isNaN(micros) || user.length === 0 || action.length === 0) return undefined;
  return { timestamp, user_id: user, action, page, ts: micros / 1000 };
}

/**
 * The same record sent as JSON (the lab's producer sends `{"timestamp","user_id","action",
 * "page"}`): a topic of such messages still gets the web statistics.
 */
function webRecordFromJson(line: string): WebRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const r = value as Partial<Record<keyof WebRecord, unknown>>;
  if (!r || typeof r !== 'object' || typeof r.timestamp !== 'string' || typeof r.user_id !== 'string') return undefined;
  if (typeof r.action !== 'string' || typeof r.page !== 'string' || r.user_id.length === 0 || r.action.length === 0)
    return undefined;
  const micros = parseWebTimestamp(r.timestamp);
  if (Number.isNaN(micros)) return undefined;
  return { timestamp: r.timestamp, user_id: r.user_id, action: r.action, page: r.page, ts: micros / 1000 };
}

/** The last valid date part seen; the initial value is never a prefix of a timestamp. */
let cachedDate = '\u0000';
let cachedDayMs = Number.NaN;

/** `YYYY-MM-DD HH:MM:SS[.fraction]` (or with `T`, optional `Z`) as epoch microseconds, or NaN. */
export function parseWebTimestamp(text: string): number {
  if (text.length < 19) return Number.NaN;
  if (!text.startsWith(cachedDate)) {
    const year = digitsAt(text, 0, 4);
    const month = twoDigits(text, 5);
    const day = twoDigits(text, 8);
    if (text[4] !== '-' || text[7] !== '-' || !(month >= 1 && month <= 12) || !(day >= 1 && day <= 31))
      return Number.NaN;
    const dayMs = Date.UTC(year, month - 1, day);
    if (Number.isNaN(dayMs)) return Number.NaN;
    cachedDate = text.slice(0, 10);
    cachedDayMs = dayMs;
  }
  const sep = text[10];
  const h = twoDigits(text, 11);
  const m = twoDigits(text, 14);
  const s = twoDigits(text, 17);
  if ((sep !== ' ' && sep !== 'T') || text[13] !== ':' || text[16] !== ':' || !(h < 24 && m < 60 && s < 61))
    return Number.NaN;
  let micros = 0;
  let end = 19;
  if (text[19] === '.') {
    let scale = 100_000;
    for (end = 20; end < text.length; end++) {
      const d = text.charCodeAt(end) - 48;
      if (!(d >= 0 && d <= 9)) break;
      micros += d * scale;
      scale /= 10;
    }
    micros = Math.floor(micros);
    if (end === 20) return Number.NaN;
  }
  if (end < text.length && !(end === text.length - 1 && text[end] === 'Z')) return Number.NaN;
  return (cachedDayMs + (h * 3600 + m * 60 + s) * 1000) * 1000 + micros;
}
