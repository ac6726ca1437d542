// What the statistics look like for each log format: the seed's table plus charts.
import type { Histogram, StatsSnapshot } from '../../../src/shared/protocol';
import { BarChart, type Bar } from '../../charts/barChart';
import { HistogramChart } from '../../charts/histogramChart';
import { el } from '../../dom';
import { formatDecimal, formatDuration, formatEdge, formatMoney } from '../../format';
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
  if (rest > 0) bars.push({ label: `${others} other${others === 1 ? '' : 's'}`, value: rest });
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
  private readonly table = new StatTable<Snapshot<'web'>>('Visits', [
    countRow('messages', 'Messages', (s) => s.messages),
    countRow('uniqueVisitors', 'Unique visitors', (s) => s.uniqueVisitors),
    countRow('closedVisits', 'Closed visits', (s) => s.sessions.closed),
    countRow(
      'vanishedVisits',
      'Vanished visits',
      (s) => s.sessions.vanished,
      () => 'no "close" seen',
    ),
    durationRow('averageVisitDuration', 'Average visit duration'),
  ]);
  private readonly actions = new BarChart('Actions', 0);
  private readonly pages = new BarChart('Pages', 5);
  private readonly durations = new HistogramChart('Closed-visit durations');
  readonly element = grid(
    el('section', { class: 'card' }, this.table.element),
    // A whole row: ten buckets in one grid column leave too little room for their labels.
    fullRow(
      chartCard(
        'Closed-visit durations',
        this.durations,
        'From a visitor\'s first event to their "close"; each bar counts the visits up to its time.',
      ),
    ),
    chartCard('Actions', this.actions),
    chartCard('Pages', this.pages),
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
  private readonly table = new StatTable<Snapshot<'nginx'>>('Requests', [
    countRow('messages', 'Requests', (s) => s.messages),
    countRow('uniqueVisitors', 'Unique clients', (s) => s.uniqueVisitors),
    countRow(
      'sessions',
      'Sessions',
      (s) => s.sessions.count,
      () => '30-minute gap rule',
    ),
    durationRow('averageSessionDuration', 'Average session duration'),
    countRow('bytes', 'Bytes sent', (s) => s.bytes),
    countRow('unparsed', 'Unparsed lines', (s) => s.unparsed),
  ]);
  private readonly classes = new BarChart('Status classes');
  private readonly methods = new BarChart('Methods', 3);
  private readonly paths = new BarChart('Top paths', 0);
  readonly element = grid(
    el('section', { class: 'card' }, this.table.element),
    chartCard('Status classes', this.classes),
    chartCard('Methods', this.methods),
    chartCard('Top paths', this.paths),
  );

  update(stats: StatsSnapshot): void {
    const s = stats as Snapshot<'nginx'>;
    this.table.update(s);
    const classes: Record<string, number> = {};
    for (const [status, n] of Object.entries(s.status)) {
      const name = /^[1-5]\d\d$/.test(status) ? `${status[0]}xx` : 'other';
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
  private readonly table = new StatTable<Snapshot<'events'>>('Product events', [
    countRow('messages', 'Events', (s) => s.messages),
    countRow('uniqueVisitors', 'Unique users', (s) => s.uniqueVisitors),
    { key: 'revenue', label: 'Revenue (purchases)', value: (s) => formatMoney(s.revenue) },
    countRow('unparsed', 'Unparsed lines', (s) => s.unparsed),
  ]);
  private readonly buckets = new BarChart('Price buckets', 2);
  private readonly types = new BarChart('Event types', 0);
  readonly element = grid(
    el('section', { class: 'card' }, this.table.element),
    chartCard('Price buckets', this.buckets, 'low < 50 ≤ medium < 200 ≤ high'),
    chartCard('Event types', this.types),
  );

  update(stats: StatsSnapshot): void {
    const s = stats as Snapshot<'events'>;
    this.table.update(s);
    const b = s.priceBuckets;
    this.buckets.setBars([
      { label: 'low', value: b.low },
      { label: 'medium', value: b.medium },
      { label: 'high', value: b.high },
    ]);
    this.types.setBars(toBars(s.eventTypes));
  }
}

class PlainView implements FormatView {
  private readonly table = new StatTable<StatsSnapshot>('Lines', [
    countRow('messages', 'Messages', (s) => s.messages),
    countRow('parsed', 'Parsed', (s) => s.parsed),
    countRow('unparsed', 'Unparsed', (s) => s.unparsed),
    countRow('uniqueVisitors', 'Unique visitors', (s) => s.uniqueVisitors),
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
