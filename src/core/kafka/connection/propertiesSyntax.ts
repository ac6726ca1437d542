// Java .properties syntax, as java.util.Properties#load reads it: `#` and `!` comments,
// `key=value`, `key: value` and `key value`, backslash escapes and continued lines.
import { UserError } from '../../errors';

export interface PropertyEntry {
  key: string;
  value: string;
  /** 1-based number of the line the entry starts on. */
  line: number;
}

const SIMPLE_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };

/** True when `text` ends in an odd number of backslashes: the line continues on the next one. */
function continues(text: string): boolean {
  let count = 0;
  for (let i = text.length - 1; i >= 0 && text[i] === '\\'; i--) count++;
  return count % 2 === 1;
}

/** Logical lines of `text` (continuations joined, comments and blank lines dropped) with their first line number. */
function logicalLines(text: string): Array<{ text: string; line: number }> {
  const natural = text.split(/\r\n|\r|\n/);
  const result: Array<{ text: string; line: number }> = [];
  for (let i = 0; i < natural.length; i++) {
    const first = natural[i].replace(/^[ \t\f]+/, '');
    if (first === '' || first.startsWith('#') || first.startsWith('!')) continue;
    const start = i + 1;
    let joined = first;
    while (continues(joined) && i + 1 < natural.length) {
      joined = joined.slice(0, -1) + natural[++i].replace(/^[ \t\f]+/, '');
    }
    if (continues(joined)) joined = joined.slice(0, -1);
    result.push({ text: joined, line: start });
  }
  return result;
}

/** Replaces backslash escapes; `\uXXXX` must have four hex digits. */
function unescape(raw: string, where: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c !== '\\' || i + 1 >= raw.length) {
      out += c;
      continue;
    }
    const next = raw[++i];
    if (next === 'u') {
      const hex = raw.slice(i + 1, i + 5);
      if (!/^[0-9A-Fa-f]{4}$/.test(hex)) {
        throw new UserError(`${where}: malformed \\u escape "\\u${hex}" (expected 4 hex digits)`);
      }
      out += String.fromCharCode(parseInt(hex, 16));
      i += 4;
    } else {
      out += SIMPLE_ESCAPES[next] ?? next;
    }
  }
  return out;
}

/** Index where the key of a logical line ends: the first unescaped `=`, `:` or white space. */
function keyEnd(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (/[=: \t\f]/.test(text[i])) return i;
  }
  return text.length;
}

function splitEntry(text: string, line: number, fileName: string): PropertyEntry {
  const where = `${fileName}:${line}`;
  const end = keyEnd(text);
  let rest = text.slice(end).replace(/^[ \t\f]+/, '');
  if (rest.startsWith('=') || rest.startsWith(':')) rest = rest.slice(1).replace(/^[ \t\f]+/, '');
  return { key: unescape(text.slice(0, end), where), value: unescape(rest, where), line };
}

/** The entries of a .properties text in file order (a later entry for the same key wins when applied in order). */
export function parsePropertiesText(text: string, fileName: string): PropertyEntry[] {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return logicalLines(withoutBom).map(({ text: t, line }) => splitEntry(t, line, fileName));
}
