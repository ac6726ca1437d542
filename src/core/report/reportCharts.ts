// Which charts a report has for its format, each either drawn (an SVG) or explained: a chart
// with nothing to show is replaced by a sentence saying why, never drawn empty.
import { formatCount } from '../format/count';
import { HIGH_PRICE_FROM, LOW_PRICE_BELOW } from '../stats';
import type { DurationHistogram } from '../stats/visitDurations';
import type { LabReport } from './reportModel';
import type { MessageTimeline } from './messageTimeline';
import { renderBarChart, type Bar, type BarChartSpec } from './svgChart';

export interface ReportChart {
  /** File name beside the report, e.g. `log_web-report-durations.svg`. */
  file: string;
  title: string;
  /** The SVG, or absent with `reason` saying why there is no chart. */
  svg?: string;
  reason?: string;
}

const TOP_BARS = 12;

function topBars(counts: Record<string, number>): Bar[] {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_BARS)
    .map(([label, value]) => ({ label, value }));
}

function durationLabel(seconds: number): string {
  return seconds < 60 ? `${seconds} s` : seconds < 3600 ? `${seconds / 60} min` : `${seconds / 3600} h`;
}

export function durationBars(h: DurationHistogram): Bar[] {
  return h.counts.map((value, i) => {
    const low = i === 0 ? '0' : durationLabel(h.edgesSeconds[i - 1]);
    const label = i < h.edgesSeconds.length ? `${low} – ${durationLabel(h.edgesSeconds[i])}` : `over ${low}`;
    return { label, value };
  });
}

function timeLabel(ms: number, bucketSeconds: number): string {
  const iso = new Date(ms).toISOString();
  return bucketSeconds >= 86400 ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

export function timelineBars(t: MessageTimeline): Bar[] {
  return t.counts.map((n, i) => ({
    label: timeLabel(t.startMs + i * t.bucketSeconds * 1000, t.bucketSeconds),
    value: Math.round((n / t.bucketSeconds) * 100) / 100,
  }));
}

function chart(file: string, spec: BarChartSpec, emptyReason: string): ReportChart {
  const hasData = spec.bars.some((b) => b.value > 0);
  return hasData
    ? { file, title: spec.title, svg: renderBarChart(spec) }
    : { file, title: spec.title, reason: emptyReason };
}

function formatCharts(r: LabReport, base: string, none: string): ReportChart[] {
  const s = r.read.stats;
  switch (s.format) {
    case 'web': {
      const h = r.read.visitDurations;
      const bars = h ? durationBars(h) : [];
      return [
        chart(
          `${base}-durations.svg`,
          { title: 'Closed visits by duration', valueLabel: 'visits', bars },
          none || 'No visit was closed, so no visit has a duration.',
        ),
        chart(
          `${base}-actions.svg`,
          { title: 'Actions', valueLabel: 'messages', bars: topBars(s.actions) },
          none || 'No line named an action.',
        ),
      ];
    }
    case 'nginx':
      return [
        chart(
          `${base}-status.svg`,
          { title: 'HTTP status mix', valueLabel: 'requests', bars: topBars(s.status) },
          none || 'No line could be read as an nginx request.',
        ),
      ];
    case 'events': {
      const p = s.priceBuckets;
      const bars = [
        { label: `low (< ${LOW_PRICE_BELOW})`, value: p.low },
        { label: `medium`, value: p.medium },
        { label: `high (≥ ${HIGH_PRICE_FROM})`, value: p.high },
      ];
      return [
        chart(
          `${base}-prices.svg`,
          { title: 'Price buckets', valueLabel: 'events with a price', bars },
          none || 'No event carried a price.',
        ),
        chart(
          `${base}-event-types.svg`,
          { title: 'Event types', valueLabel: 'events', bars: topBars(s.eventTypes) },
          none || 'No line could be read as an event.',
        ),
      ];
    }
    default:
      return [];
  }
}

/** Every chart of the report, in the order the report shows them. */
export function reportCharts(r: LabReport, base: string): ReportChart[] {
  const none = r.read.messages === 0 ? `The topic held no messages when the report was made.` : '';
  const t = r.read.timeline;
  const unit = t.bucketSeconds === 1 ? 'second' : `${formatCount(t.bucketSeconds)} s bar`;
  const rate = chart(
    `${base}-rate.svg`,
    {
      title: `Messages per second over time (one bar per ${unit}, by record timestamp)`,
      valueLabel: 'messages per second',
      bars: timelineBars(t),
    },
    none || 'No message had a usable record timestamp.',
  );
  return [...formatCharts(r, base, none), rate];
}
