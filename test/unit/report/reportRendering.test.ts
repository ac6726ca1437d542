import assert from 'node:assert/strict';
import { createStats } from '../../../src/core/stats';
import { StatsFeed } from '../../../src/core/stats/statsFeed';
import type { LogFormat } from '../../../src/core/logFormat';
import { TimelineCounter, MAX_BARS, MAX_LIVE_BUCKETS } from '../../../src/core/report/messageTimeline';
import { renderMarkdown } from '../../../src/core/report/renderMarkdown';
import { reportCharts } from '../../../src/core/report/reportCharts';
import type { LabReport } from '../../../src/core/report/reportModel';
import {
  CHART_BACKGROUND,
  CHART_BAR,
  CHART_TEXT,
  contrastRatio,
  escapeXml,
  renderBarChart,
} from '../../../src/core/report/svgChart';
import { INVALID_LINES, VALID_LINES } from '../fixtures/nginxCorpus';
import { shellWord } from '../../../src/core/report/reproduce';

const web = (n: number, time: string, user: number, action: string, page: string) =>
  `${n} -- Timestamp : 2025-10-16 ${time} - User_id : ${user} -- Action : ${action} -- Page : ${page}`;
const WEB_LINES = [
  web(1, '21:16:47', 1, 'open', 'home'),
  web(2, '21:18:47', 1, 'close', 'home'),
  web(3, '21:19:00', 2, 'open', 'cart'),
];

function reportOf(format: LogFormat | 'auto', lines: string[], file?: LabReport['file']): LabReport {
  const feed = new StatsFeed(format);
  const timeline = new TimelineCounter();
  lines.forEach((l, i) => {
    feed.add(l);
    timeline.add(1_760_000_000_000 + i * 1500);
  });
  const stats = feed.snapshot();
  return {
    generatedAt: '2026-01-01T00:00:00.000Z',
    toolVersion: '0.1.0',
    cluster: { bootstrap: ['127.0.0.1:9092'], security: 'PLAINTEXT', clusterId: 'abc', brokers: 1 },
    connection: {},
    topic: { name: 'log.web', partitions: 3, replicationFactor: 1, offsetMessages: lines.length },
    read: {
      messages: lines.length,
      partitions: { 0: lines.length },
      format: feed.format ?? stats.format,
      stats,
      visitDurations: feed.visitDurations(),
      timeline: timeline.timeline(),
      stoppedBy: 'end',
    },
    requestedFormat: format,
    file,
  };
}

function render(r: LabReport): { md: string; charts: ReturnType<typeof reportCharts> } {
  const charts = reportCharts(r, 'report');
  return { md: renderMarkdown(r, charts, 'report.md'), charts };
}

describe('lab report rendering', () => {
  it('renders the web statistics, escapes table cells and draws the charts', () => {
    const { md, charts } = render(reportOf('web', WEB_LINES));
    assert.match(md, /\| unique visitors \| 2 \|/);
    assert.match(md, /\| closed visits \| 1 \|/);
    assert.match(md, /\| vanished visits \| 1 \|/);
    assert.match(md, /\| average visit duration \| 120\.00 s \|/);
    assert.match(md, /# Lab report: topic log\.web/);
    assert.match(md, /kafka-log-lab report --topic log\.web --format web --out report\.md --brokers 127\.0\.0\.1:9092/);
    assert.deepEqual(
      charts.map((c) => [c.file, Boolean(c.svg)]),
      [
        ['report-durations.svg', true],
        ['report-actions.svg', true],
        ['report-rate.svg', true],
      ],
    );
    assert.ok(!md.includes('NaN'));
    for (const c of charts) assert.ok(!c.svg!.includes('NaN'), c.file);
  });

  it('says why instead of drawing charts of an empty topic, with no NaN', () => {
    for (const format of ['auto', 'web', 'nginx', 'events'] as const) {
      const { md, charts } = render(reportOf(format, []));
      assert.ok(!md.includes('NaN'), format);
      assert.ok(charts.length > 0 && charts.every((c) => !c.svg && c.reason?.includes('no messages')), format);
      assert.match(md, /no chart\. The topic held no messages/);
      assert.match(md, /every count is 0/);
    }
  });

  it('reports a hostile nginx corpus without NaN and keeps markup out of the SVG', () => {
    const hostile = [
      ...VALID_LINES.map((c) => c.line),
      ...INVALID_LINES.map((c) => c.line),
      '1.2.3.4 - - [16/Oct/2025:21:16:47 +0000] "GET /<script>|x HTTP/1.1" 200 512 "-" "a"',
      '9.9.9.9 - - [16/Oct/2025:21:16:48 +0000] "<svg onload=x>" 404 7 "-" "-"',
    ];
    const { md, charts } = render(reportOf('nginx', hostile));
    // Outside the quoted unparsed samples, no number may read NaN.
    assert.ok(!md.replace(/`[^`\n]*`/g, '').includes('NaN'), md);
    assert.ok(charts.some((c) => c.svg));
    for (const c of charts) if (c.svg) assert.ok(!/<script|<svg onload|NaN/.test(c.svg.slice(10)), c.file);
    assert.match(md, /did not parse as nginx/);
  });

  it('shows sent = read from the verify result', () => {
    const verify = {
      file: 'logs.txt',
      topic: 't',
      as: 'raw' as const,
      reachedEnd: true,
      lines: 3,
      emptyLines: 0,
      messages: 4,
      missing: 0,
      duplicates: 1,
      unexpected: 0,
      mode: 'content' as const,
      firstMissing: [],
      firstDuplicated: [2],
      unparsedLines: 0,
    };
    const { md } = render(reportOf('web', WEB_LINES, { path: 'logs.txt', verify }));
    assert.match(md, /\| duplicates \| 1 \|/);
    assert.match(md, /\| sent = read \| NO \|/);
    assert.match(md, /First duplicated lines: 2\./);
    assert.match(md, /kafka-log-lab verify logs\.txt --topic log\.web/);
  });

  it('draws every chart on its own light card, legible in light and dark previews', () => {
    assert.ok(contrastRatio(CHART_TEXT, CHART_BACKGROUND) >= 4.5, 'text meets WCAG AA on the card');
    assert.ok(contrastRatio(CHART_BAR, CHART_BACKGROUND) >= 3, 'bars meet the 3:1 minimum for graphics');
    const svg = renderBarChart({ title: 'a & b', valueLabel: 'n', bars: [{ label: '"x"', value: Number.NaN }] });
    assert.ok(!svg.includes('NaN') && !svg.includes('"x"') && svg.includes('a &#38; b'));
    assert.match(svg, new RegExp(`<rect [^>]*fill="${CHART_BACKGROUND}"`), 'the card is opaque');
    assert.equal(escapeXml('<\u0001>'), '&#60;&#62;');
  });

  it('keeps the timeline bounded whatever the timestamps', () => {
    const t = new TimelineCounter();
    for (let i = 0; i < 100_000; i++) t.add(i * 7_919_000);
    t.add(-1);
    t.add(Number.NaN);
    const line = t.timeline();
    assert.ok(line.counts.length <= MAX_BARS && line.counts.length > 0);
    assert.equal(
      line.counts.reduce((a, b) => a + b, 0),
      100_000,
    );
    assert.equal(line.untimed, 2);
    assert.ok(MAX_LIVE_BUCKETS > MAX_BARS);
  });

  it('quotes shell words only when needed', () => {
    assert.equal(shellWord('log_web'), 'log_web');
    assert.equal(shellWord("it's here"), `'it'\\''s here'`);
  });

  it('uses the statistics objects for every number (no second computation)', () => {
    const stats = createStats('web');
    for (const l of WEB_LINES) stats.addLine(l);
    assert.deepEqual(reportOf('web', WEB_LINES).read.stats, stats.snapshot());
  });
});
