// The message list's filter language, parsed once per query into plain predicates:
//   words          the value (or key) contains them, case-insensitive: `checkout "add to cart"`
//   field:value    a parsed field equals value, case-insensitive: `user_id:a0aa0dd0`, `method:POST`
//   field:5xx      digits with `x` wildcards: `status:5xx`, `status:40x`
//   field:a*       `*` matches any text: `path:/api/*`
//   field:>=200    numeric comparisons: `>`, `>=`, `<`, `<=`
//   -term          negates a term
// Every term must hold. Fields are the parsed record's (dotted paths reach into JSON), then
// the message's own `partition`, `offset` and `key`. For formats with fixed fields (web, nginx)
// a field name outside them is refused with the list, so a typo never quietly matches nothing.
import type { LogFormat } from '../logFormat';

export type ValueTest = (value: unknown) => boolean;

export interface TextTerm {
  kind: 'text';
  /** Lower-cased. */
  text: string;
  negate: boolean;
}

export interface FieldTerm {
  kind: 'field';
  /** Path segments: `product.price` is ['product', 'price']. */
  path: string[];
  test: ValueTest;
  negate: boolean;
}

export type FilterTerm = TextTerm | FieldTerm;

export interface FilterQuery {
  source: string;
  terms: FilterTerm[];
  /** Some term reads a parsed field (so each value must be parsed). */
  readsFields: boolean;
}

export class FilterSyntaxError extends Error {}

const FIELD_TERM = /^([A-Za-z_][\w.-]*):(.*)$/s;

/** Splits on spaces, keeping "quoted phrases" (also after `field:`) together. */
export function tokenize(query: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quoted = false;
  let inToken = false;
  for (const ch of query) {
    if (ch === '"') {
      quoted = !quoted;
      inToken = true;
    } else if (!quoted && /\s/.test(ch)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      current += ch;
      inToken = true;
    }
  }
  if (quoted) throw new FilterSyntaxError('a quote is not closed');
  if (inToken) tokens.push(current);
  return tokens;
}

const text = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);

function numberTest(operator: string, bound: number): ValueTest {
  return (value) => {
    const n =
      typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (Number.isNaN(n)) return false;
    switch (operator) {
      case '>':
        return n > bound;
      case '>=':
        return n >= bound;
      case '<':
        return n < bound;
      default:
        return n <= bound;
    }
  };
}

function digitPatternTest(pattern: string): ValueTest {
  const lower = pattern.toLowerCase();
  return (value) => {
    const s = text(value);
    if (s.length !== lower.length) return false;
    for (let i = 0; i < s.length; i++) {
      if (lower[i] !== 'x' && lower[i] !== s[i]) return false;
    }
    return true;
  };
}

function globTest(pattern: string): ValueTest {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`^${escaped.join('.*')}$`, 'is');
  return (value) => re.test(text(value));
}

export function compileValueTest(pattern: string): ValueTest {
  const comparison = /^(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)$/.exec(pattern);
  if (comparison) return numberTest(comparison[1], Number(comparison[2]));
  if (/^[0-9x]+$/i.test(pattern) && /x/i.test(pattern) && /\d/.test(pattern)) return digitPatternTest(pattern);
  if (pattern.includes('*')) return globTest(pattern);
  const lower = pattern.toLowerCase();
  return (value) => text(value).toLowerCase() === lower;
}

export function parseFilterQuery(query: string): FilterQuery {
  const terms: FilterTerm[] = [];
  for (let token of tokenize(query)) {
    let negate = false;
    if (token.length > 1 && token.startsWith('-')) {
      negate = true;
      token = token.slice(1);
    }
    const field = FIELD_TERM.exec(token);
    if (field && field[2].length > 0) {
      const path = field[1].split('.');
      if (path.some((p) => p.length === 0)) throw new FilterSyntaxError(`"${field[1]}" is not a field name`);
      terms.push({ kind: 'field', path, test: compileValueTest(field[2]), negate });
    } else if (token.length > 0) {
      terms.push({ kind: 'text', text: token.toLowerCase(), negate });
    }
  }
  return { source: query.trim(), terms, readsFields: terms.some((t) => t.kind === 'field') };
}

/** The message's own fields, readable in every format. */
export const MESSAGE_FIELDS = ['partition', 'offset', 'key'] as const;

/** The parsed fields of formats whose records always have the same fields (JSON formats vary). */
const FIXED_FORMAT_FIELDS: Partial<Record<LogFormat, readonly string[]>> = {
  web: ['action', 'page', 'user_id', 'timestamp', 'ts'],
  nginx: [
    'status',
    'method',
    'path',
    'url',
    'remote_addr',
    'remote_user',
    'time_local',
    'ts',
    'request',
    'protocol',
    'body_bytes_sent',
    'http_referer',
    'http_user_agent',
  ],
};

/** The fields a filter can name for `format`, or undefined when records of the format vary (JSON). */
export function filterFields(format: LogFormat | undefined): string[] | undefined {
  const fixed = format === undefined ? undefined : FIXED_FORMAT_FIELDS[format];
  return fixed ? [...fixed, ...MESSAGE_FIELDS] : undefined;
}

const LISTED_FIELDS = 6;

/** Throws a FilterSyntaxError naming the first field `format`'s records do not have, with the fields they have. */
export function requireKnownFields(query: FilterQuery, format: LogFormat | undefined): void {
  const fields = filterFields(format);
  if (!fields) return;
  for (const term of query.terms) {
    if (term.kind !== 'field' || fields.includes(term.path[0])) continue;
    const listed = fields.slice(0, LISTED_FIELDS).join(', ') + (fields.length > LISTED_FIELDS ? ', …' : '');
    throw new FilterSyntaxError(`unknown field ${term.path.join('.')} — ${format} fields: ${listed}`);
  }
}
