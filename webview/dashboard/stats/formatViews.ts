// What the statistics look like for each log format: the seed's table plus charts.
import type { Histogram, StatsSnapshot } from '../../../src/shared/protocol';
import { BarChart, type Bar } from '../../charts/barChart';
import { HistogramChart } from '../../charts/histogramChart';
import { el } from '../../dom';
import { formatDecimal, formatDuration, formatEdge, formatMoney } from '../../format';
import { t } from '../../l10n';
import { chartCard } from './chartCard';
import { countRow, StatTable, type StatRow } from './statTable';

function fullRow(card: HTMLElement): HTMLElement {
  card.classList.add('full-row');
  return card;
}

type Snapshot<F extends StatsSnapshot['format']> = Extract<StatsSnapshot, { format: F }>;

export interface FormatView {
  readonly element: HTMLElement;
  update(stats: StatsSnapshot, durations?: Histogram): void;
}

const TOP_BARS = 10;

/** `{name: count}` as bars, largest first, the rest summed as "other". */
export function toBars(counts: Record<string, number>, limit = TOP_BARS): Bar[] {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const bars: Bar[] = entries.slice(0, limit).map(([label, value]) => ({ label, value }));
  const rest = entries.slice(limit).reduce((sum, [, v]) => sum + v, 0);
  const others = entries.length - limit;
  if (rest > 0) bars.push({ label: others === 1 ? t('{0} other', others) : t('{0} others', others), value: rest });
  return bars;
}

const grid = (...children: HTMLElement[]) => el('div', { class: 'stats-grid' }, ...children);

/** An average duration in seconds, with a rounder reading beside it from a minute on. */
function durationRow<S extends { sessions: { averageDurationSeconds: number } }>(
  key: string,
  label: string,
): StatRow<S> {
  const seconds = (s: S) => s.sessions.averageDurationSeconds;
  return {
    key,
    label,
    value: (s) => `${formatDecimal(seconds(s))} s`,
    note: (s) => (seconds(s) >= 60 ? `≈ ${formatDuration(seconds(s))}` : ''),
  };
}

class WebView implements FormatView {
  private readonly table = new StatTable<Snapshot<'web'>>(t('Visits'), [
    countRow('messages', t('Messages'), (s) => s.messages),
    countRow('uniqueVisitors', t('Unique visitors'), (s) => s.uniqueVisitors),
    countRow('closedVisits', t('Closed visits'), (s) => s.sessions.closed),
    countRow(
      'vanishedVisits',
      t('Vanished visits'),
      (s) => s.sessions.vanished,
      () => t('no "close" seen'),
    ),
    durationRow('averageVisitDuration', t('Average visit duration')),
  ]);
  private readonly actions = new BarChart(t('Actions'), 0);
  private readonly pages = new BarChart(t('Pages'), 5);
  private readonly durations = new HistogramChart(t('Closed-visit durations'));
  readonly element = grid(
    el('section', { class: 'card' }, this.table.element),
    // A whole row: ten buckets in one grid column leave too little room for their labels.
    fullRow(
      chartCard(
        t('Closed-visit durations'),
        this.durations,
        t('From a visitor\'s first event to their "close"; each bar counts the visits up to its time.'),
      ),
    ),
    chartCard(t('Actions'), this.actions),
    chartCard(t('Pages'), this.pages),
  );

  update(stats: StatsSnapshot, durations?: Histogram): void {
    const s = stats as Snapshot<'web'>;
    this.table.update(s);
    this.actions.setBars(toBars(s.actions));
    this.pages.setBars(toBars(s.pages));
    if (durations) {
      // Each bucket is named by its upper bound ("5m": up to 5 minutes); the last one holds the longer visits.
      const labels = durations.edgesSeconds.map((e) => formatEdge(e));
      labels.push(`>${formatEdge(durations.edgesSeconds[durations.edgesSeconds.length - 1])}`);
      this.durations.setBuckets(labels, durations.counts);
    }
  }
}

const STATUS_TONES: Record<string, Bar['tone']> = { '2xx': 'good', '3xx': 'info', '4xx': 'warn', '5xx': 'bad' };

class NginxView implements FormatView {
  private readonly table = new StatTable<Snapshot<'nginx'>>(t('Requests'), [
    countRow('messages', t('Requests'), (s) => s.messages),
    countRow('uniqueVisitors', t('Unique clients'), (s) => s.uniqueVisitors),
    countRow(
      'sessions',
      t('Sessions'),
      (s) => s.sessions.count,
      () => t('30-minute gap rule'),
    ),
    durationRow('averageSessionDuration', t('Average session duration')),
    countRow('bytes', t('Bytes sent'), (s) => s.bytes),
    countRow('unparsed', t('Unparsed lines'), (s) => s.unparsed),
  ]);
  private readonly classes = new BarChart(t('Status classes'));
  private readonly methods = new BarChart(t('Methods'), 3);
  private readonly paths = new BarChart(t('Top paths'), 0);
  readonly element = grid(
    el('section', { class: 'card' }, this.table.element),
    chartCard(t('Status classes'), this.classes),
    chartCard(t('Methods'), this.methods),
    chartCard(t('Top paths'), this.paths),
  );

  update(stats: StatsSnapshot): void {
    const s = stats as Snapshot<'nginx'>;
    this.table.update(s);
    const classes: Record<string, number> = {};
    for (const [status, n] of Object.entries(s.status)) {
      const name = /^[1-5]\d\d$/.test(status) ? `${status[0]}xx` : t('other');
      classes[name] = (classes[name] ?? 0) + n;
    }
    this.classes.setBars(
      Object.keys(classes)
        .sort()
        .map((label) => ({ label, value: classes[label], tone: STATUS_TONES[label] })),
    );
    this.methods.setBars(toBars(s.methods));
    this.paths.setBars(s.topPaths.map((p) => ({ label: p.path, value: p.count })));
  }
}

class EventsView implements FormatView {
  private readonly table = new StatTable<Snapshot<'events'>>(t('Product events'), [
    countRow('messages', t('Events'), (s) => s.messages),
    countRow('uniqueVisitors', t('Unique users'), (s) => s.uniqueVisitors),
    { key: 'revenue', label: t('Revenue (purchases)'), value: (s) => formatMoney(s.revenue) },
    countRow('unparsed', t('Unparsed lines'), (s) => s.unparsed),
  ]);
  private readonly buckets = new BarChart(t('Price buckets'), 2);
  private readonly types = new BarChart(t('Event types'), 0);
  readonly element = grid(
    el('section', { class: 'card' }, this.table.element),
    chartCard(t('Price buckets'), this.buckets, t('low < 50 ≤ medium < 200 ≤ high')),
    chartCard(t('Event types'), this.types),
  );

  update(stats: StatsSnapshot): void {
    const s = stats as Snapshot<'events'>;
    this.table.update(s);
    const b = s.priceBuckets;
    this.buckets.setBars([
      { label: t('low'), value: b.low },
      { label: t('medium'), value: b.medium },
      { label: t('high'), value: b.high },
    ]);
    this.types.setBars(toBars(s.eventTypes));
  }
}

class PlainView implements FormatView {
  private readonly table = new StatTable<StatsSnapshot>(t('Lines'), [
    countRow('messages', t('Messages'), (s) => s.messages),
    countRow('parsed', t('Parsed'), (s) => s.parsed),
    countRow('unparsed', t('Unparsed'), (s) => s.unparsed),
    countRow('uniqueVisitors', t('Unique visitors'), (s) => s.uniqueVisitors),
  ]);
  readonly element = grid(el('section', { class: 'card' }, this.table.element));

  update(s: StatsSnapshot): void {
    this.table.update(s);
  }
}

export function createFormatView(format: StatsSnapshot['format']): FormatView {
  switch (format) {
    case 'web':
      return new WebView();
    case 'nginx':
      return new NginxView();
    case 'events':
      return new EventsView();
    default:
      return new PlainView();
  }
}
