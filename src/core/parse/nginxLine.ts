// Parser for nginx/Apache access logs in the combined (or common) format:
//   $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"
// A hand-written scanner, linear in the line length (no regular expression that could
// backtrack), that copes with what real servers write: IPv6 clients, `-` in any field,
// escaped quotes (\" or \x22) inside quoted fields, binary or empty request lines, extra
// trailing fields, a missing referrer/agent pair (common format), CRLF ends and a BOM.
// Field text is kept as written (escapes are not decoded).
import { digitsAt, stripBomAndCr, twoDigits } from './lineText';

export interface NginxRecord {
  remote_addr: string;
  remote_user: string;
  time_local: string;
  /** Epoch milliseconds. */
  ts: number;
  request: string;
  /** HTTP method, or `-` when the request line is empty or not HTTP. */
  method: string;
  /** Request target as written, or `-`. */
  url: string;
  /** `url` without its query string. */
  path: string;
  protocol: string;
  /** null when the log says `-`. */
  status: number | null;
  /** `-` counts as 0. */
  body_bytes_sent: number;
  http_referer: string;
  http_user_agent: string;
}

/**
 * Where the fields of one line are. The statistics reuse one scan for every line and cut
 * out only the fields they keep, instead of building a full record per line.
 */
export interface NginxScan {
  line: string;
  addrEnd: number;
  userStart: number;
  userEnd: number;
  timeStart: number;
  timeEnd: number;
  ts: number;
  requestStart: number;
  requestEnd: number;
  /** 0 when the request line is not HTTP (empty, `-`, binary). */
  methodEnd: number;
  urlStart: number;
  urlEnd: number;
  /** End of the path: the `?` of the query string, or urlEnd. */
  pathEnd: number;
  /** -1 when there is no protocol. */
  protocolStart: number;
  status: number | null;
  bytes: number;
  /** -1 when the field is absent. */
  referrerStart: number;
  referrerEnd: number;
  agentStart: number;
  agentEnd: number;
}

export function createNginxScan(): NginxScan {
  return {
    line: '',
    addrEnd: 0,
    userStart: 0,
    userEnd: 0,
    timeStart: 0,
    timeEnd: 0,
    ts: 0,
    requestStart: 0,
    requestEnd: 0,
    methodEnd: 0,
    urlStart: 0,
    urlEnd: 0,
    pathEnd: 0,
    protocolStart: -1,
    status: null,
    bytes: 0,
    referrerStart: -1,
    referrerEnd: -1,
    agentStart: -1,
    agentEnd: -1,
  };
}

export function parseNginxLine(raw: string): NginxRecord | undefined {
  const scan = createNginxScan();
  if (!scanNginxLine(raw, scan)) return undefined;
  const line = scan.line;
  const http = scan.methodEnd > 0;
  return {
    remote_addr: line.slice(0, scan.addrEnd),
    remote_user: scan.userEnd > scan.userStart ? line.slice(scan.userStart, scan.userEnd) : '-',
    time_local: line.slice(scan.timeStart, scan.timeEnd),
    ts: scan.ts,
    request: line.slice(scan.requestStart, scan.requestEnd),
    method: http ? line.slice(scan.requestStart, scan.methodEnd) : '-',
    url: http ? line.slice(scan.urlStart, scan.urlEnd) : '-',
    path: http ? line.slice(scan.urlStart, scan.pathEnd) : '-',
    protocol: http && scan.protocolStart >= 0 ? line.slice(scan.protocolStart, scan.requestEnd) : '-',
    status: scan.status,
    body_bytes_sent: scan.bytes,
    http_referer: scan.referrerStart >= 0 ? line.slice(scan.referrerStart, scan.referrerEnd) : '-',
    http_user_agent: scan.agentStart >= 0 ? line.slice(scan.agentStart, scan.agentEnd) : '-',
  };
}

/** Fills `scan` from the line; false when the line is not an access log line. Never throws. */
export function scanNginxLine(raw: string, scan: NginxScan): boolean {
  const line = stripBomAndCr(raw);
  scan.line = line;
  const addrEnd = line.indexOf(' ');
  if (addrEnd <= 0) return false;
  const open = line.indexOf(' [', addrEnd);
  if (open < 0) return false;
  const close = line.indexOf(']', open + 2);
  if (close < 0 || line.charCodeAt(close + 1) !== 32 || line.charCodeAt(close + 2) !== 34) return false;
  const ts = parseNginxTime(line, open + 2, close);
  if (Number.isNaN(ts)) return false;

  // The request ends at the first closing quote followed by a status and a byte count; trying
  // the next quote recovers lines where a client sent a raw quote that the server did not escape.
  const requestStart = close + 3;
  let quote = closingQuote(line, requestStart);
  let tailEnd = -1;
  while (quote >= 0 && (tailEnd = statusAndBytes(line, quote + 1, scan)) < 0) quote = closingQuote(line, quote + 1);
  if (quote < 0) return false;

  scan.addrEnd = addrEnd;
  const identEnd = line.indexOf(' ', addrEnd + 1);
  scan.userStart = identEnd > 0 && identEnd < open ? identEnd + 1 : open;
  scan.userEnd = open;
  scan.timeStart = open + 2;
  scan.timeEnd = close;
  scan.ts = ts;
  scan.requestStart = requestStart;
  scan.requestEnd = quote;
  splitRequest(line, scan);
  scan.referrerStart = scan.referrerEnd = scan.agentStart = scan.agentEnd = -1;
  const referrerEnd = quotedFieldEnd(line, tailEnd);
  if (referrerEnd >= 0) {
    scan.referrerStart = tailEnd + 2;
    scan.referrerEnd = referrerEnd;
    const agentEnd = quotedFieldEnd(line, referrerEnd + 1);
    if (agentEnd >= 0) {
      scan.agentStart = referrerEnd + 3;
      scan.agentEnd = agentEnd;
    }
  }
  return true;
}

/** Index of the next `"` at or after `from` that is not escaped by a backslash, or -1. */
function closingQuote(line: string, from: number): number {
  for (let i = from; ;) {
    const q = line.indexOf('"', i);
    if (q < 0) return -1;
    let backslashes = 0;
    for (let k = q - 1; k >= from && line.charCodeAt(k) === 92; k--) backslashes++;
    if ((backslashes & 1) === 0) return q;
    i = q + 1;
  }
}

/** Reads ` <status> <bytes>` right after the request's closing quote (at `at`); returns the end or -1. */
function statusAndBytes(line: string, at: number, scan: NginxScan): number {
  if (line.charCodeAt(at) !== 32) return -1;
  let i = at + 1;
  if (line.charCodeAt(i) === 45 && line.charCodeAt(i + 1) === 32) {
    scan.status = null;
    i += 1;
  } else {
    const status = digitsAt(line, i, 3);
    if (Number.isNaN(status) || line.charCodeAt(i + 3) !== 32) return -1;
    scan.status = status;
    i += 3;
  }
  i++; // the space before the byte count
  let bytes = 0;
  const start = i;
  if (line.charCodeAt(i) === 45) i++;
  else {
    for (; i < line.length; i++) {
      const d = line.charCodeAt(i) - 48;
      if (!(d >= 0 && d <= 9)) break;
      bytes = bytes * 10 + d;
    }
  }
  if (i === start || (i < line.length && line.charCodeAt(i) !== 32)) return -1;
  scan.bytes = bytes;
  return i;
}

/**
 * ` "text"` at `at`: returns the index of the closing quote, the line length when the quote
 * is never closed (the field takes the rest of the line), or -1 when there is no such field.
 */
function quotedFieldEnd(line: string, at: number): number {
  if (line.charCodeAt(at) !== 32 || line.charCodeAt(at + 1) !== 34) return -1;
  const end = closingQuote(line, at + 2);
  return end < 0 ? line.length : end;
}

/** Fills method, url, path and protocol offsets when the request line is HTTP. */
function splitRequest(line: string, scan: NginxScan): void {
  scan.methodEnd = 0;
  scan.protocolStart = -1;
  const start = scan.requestStart;
  const end = scan.requestEnd;
  const methodEnd = line.indexOf(' ', start);
  if (methodEnd <= start || methodEnd >= end || !isMethod(line, start, methodEnd)) return;
  let urlEnd = end;
  const lastSpace = line.lastIndexOf(' ', end - 1);
  if (lastSpace > methodEnd && line.startsWith('HTTP/', lastSpace + 1)) {
    scan.protocolStart = lastSpace + 1;
    urlEnd = lastSpace;
  }
  if (urlEnd <= methodEnd + 1) return;
  scan.methodEnd = methodEnd;
  scan.urlStart = methodEnd + 1;
  scan.urlEnd = urlEnd;
  const query = line.indexOf('?', methodEnd + 1);
  scan.pathEnd = query >= 0 && query < urlEnd ? query : urlEnd;
}

/** An HTTP method token: up to 20 capital letters, `-` or `_` (e.g. GET, PROPFIND, M-SEARCH). */
function isMethod(text: string, start: number, end: number): boolean {
  if (end - start > 20) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (i > start && (c === 45 || c === 95)))) return false;
  }
  return true;
}

const MONTHS = new Map(
  ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((m, i) => [m, i]),
);
let cachedDay = '\u0000'; // never a prefix of a valid time
let cachedDayMs = Number.NaN;

/** `16/Oct/2025:21:16:47 +0200` (the whole text, or text[start, end)) as epoch milliseconds, or NaN. */
export function parseNginxTime(text: string, start = 0, end = text.length): number {
  const t = start;
  if (end - start !== 26 || text[t + 2] !== '/' || text[t + 6] !== '/' || text[t + 11] !== ':' || text[t + 20] !== ' ')
    return Number.NaN;
  if (!text.startsWith(cachedDay, t)) {
    const month = MONTHS.get(text.slice(t + 3, t + 6));
    const date = twoDigits(text, t);
    const year = digitsAt(text, t + 7, 4);
    if (month === undefined || !(date >= 1 && date <= 31) || Number.isNaN(year)) return Number.NaN;
    cachedDay = text.slice(t, t + 11);
    cachedDayMs = Date.UTC(year, month, date);
  }
  const h = twoDigits(text, t + 12);
  const m = twoDigits(text, t + 15);
  const s = twoDigits(text, t + 18);
  const sign = text[t + 21] === '-' ? -1 : text[t + 21] === '+' ? 1 : 0;
  const zh = twoDigits(text, t + 22);
  const zm = twoDigits(text, t + 24);
  if (
    text[t + 14] !== ':' ||
    text[t + 17] !== ':' ||
    !(h < 24 && m < 60 && s < 61) ||
    sign === 0 ||
    !(zh < 24 && zm < 60)
  )
    return Number.NaN;
  return cachedDayMs + ((h * 60 + m - sign * (zh * 60 + zm)) * 60 + s) * 1000;
}
