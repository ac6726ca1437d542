import assert from 'node:assert/strict';
import { generateToString, type GenerateRequest } from '../../../src/core/generate';
import { parseNginxLine, type NginxRecord } from '../../../src/core/parse';

const START = Date.UTC(2025, 9, 16, 0, 0, 0);
const SITE = 'https://shop.example.com';
const ASSET = /^\/(static|images|fonts)\/|^\/favicon\.ico$/;

function generate(request: Partial<GenerateRequest> = {}) {
  const { text, summary } = generateToString({
    format: 'nginx',
    seed: 'nginx-test',
    startMs: START,
    users: 8000,
    ...request,
  });
  const lines = text.split('\n');
  assert.equal(lines.pop(), '');
  const records = lines.map((line) => {
    const record = parseNginxLine(line);
    assert.ok(record, `generated line does not parse: ${line}`);
    return record;
  });
  return { text, lines, records, summary };
}

const share = (records: NginxRecord[], test: (r: NginxRecord) => boolean) =>
  records.filter(test).length / records.length;

/** The generated text alone (no parsing), for determinism checks. */
const textOf = (request: Partial<GenerateRequest> = {}) =>
  generateToString({ format: 'nginx', seed: 'nginx-test', startMs: START, users: 8000, ...request }).text;

describe('nginx access log generator', () => {
  let run: ReturnType<typeof generate>;
  before(function () {
    this.timeout(20_000);
    run = generate();
  });

  it('writes the combined log format', () => {
    const combined =
      /^\S+ - \S+ \[\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000\] "[^"]*" \d{3} \d+ "[^"]*" "(?:[^"\\]|\\.)*"$/;
    for (const line of run.lines) assert.match(line, combined);
    assert.equal(run.summary.lines, run.lines.length);
  });

  it('never lets timestamps go backwards', () => {
    for (let i = 1; i < run.records.length; i++) assert.ok(run.records[i].ts >= run.records[i - 1].ts, `line ${i + 1}`);
  });

  it('has a realistic status mix: mostly 200, cache 304s, redirects, 404s and some 5xx', () => {
    const status = (code: number) => share(run.records, (r) => r.status === code);
    assert.ok(status(200) > 0.6, `200: ${status(200)}`);
    assert.ok(status(304) > 0.05, `304: ${status(304)}`);
    for (const code of [301, 302, 404, 400]) assert.ok(status(code) > 0, `no ${code}`);
    assert.ok(share(run.records, (r) => (r.status ?? 0) >= 500) > 0, 'no 5xx');
  });

  it('sends 5xx in bursts (backend incidents), not spread evenly', () => {
    const errors = run.records.filter((r) => (r.status ?? 0) >= 500).map((r) => r.ts);
    const clustered = errors.filter(
      (t, i) => (i > 0 && t - errors[i - 1] <= 60_000) || (i + 1 < errors.length && errors[i + 1] - t <= 60_000),
    );
    assert.ok(errors.length >= 20, `only ${errors.length} 5xx`);
    assert.ok(clustered.length / errors.length > 0.8, `${clustered.length} of ${errors.length} 5xx are in bursts`);
  });

  it('mixes IPv4 and IPv6 clients, with one address per visitor', () => {
    const addresses = new Set(run.records.map((r) => r.remote_addr));
    const ipv6 = [...addresses].filter((a) => a.includes(':')).length / addresses.size;
    assert.ok(ipv6 > 0.08 && ipv6 < 0.2, `IPv6 share ${ipv6}`);
    for (const a of addresses) if (!a.includes(':')) assert.match(a, /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
    assert.equal(addresses.size, run.summary.visitors);
  });

  it('fetches static assets right after the page that needs them', () => {
    const lastPage = new Map<string, { url: string; ts: number }>();
    let assets = 0;
    for (const r of run.records) {
      if (ASSET.test(r.path) && r.http_referer.startsWith(SITE)) {
        const page = lastPage.get(r.remote_addr);
        assert.ok(page, `asset before any page: ${r.path}`);
        assert.equal(r.http_referer, SITE + page.url);
        assert.equal(r.ts, page.ts);
        assets++;
      } else if (r.method === 'GET' && r.status === 200) {
        lastPage.set(r.remote_addr, { url: r.url, ts: r.ts });
      }
    }
    assert.ok(assets > run.records.length * 0.4, `${assets} asset requests`);
  });

  it('includes crawlers that read robots.txt first, scanners and junk request lines', () => {
    const bots = run.records.filter((r) => /bot/i.test(r.http_user_agent));
    assert.ok(bots.length > 0);
    const firstByBot = new Map<string, string>();
    for (const r of bots) if (!firstByBot.has(r.remote_addr)) firstByBot.set(r.remote_addr, r.path);
    for (const path of firstByBot.values()) assert.equal(path, '/robots.txt');
    assert.ok(
      run.records.some((r) => r.method === '-' && r.request.startsWith('\\x16\\x03')),
      'no TLS junk',
    );
    assert.ok(
      run.records.some((r) => r.request === '-'),
      'no "-" request',
    );
    assert.ok(
      run.records.some((r) => r.path === '/.env'),
      'no scanner probes',
    );
    assert.ok(
      run.records.some((r) => r.http_referer.startsWith('https://www.google')),
      'no search referrers',
    );
  });

  it('is deterministic and stops at exactly --lines lines', () => {
    assert.equal(textOf(), run.text);
    assert.notEqual(textOf({ seed: 'other' }), run.text);
    for (const lines of [1, 999, 30_000]) assert.equal(generate({ users: undefined, lines }).lines.length, lines);
  });
});
