// Horizontal bars with their label and value: distributions (actions, pages, status
// classes, methods, paths, price buckets, event types).
import { formatCount } from '../format';
import { t } from '../l10n';
import { CanvasChart, fitText } from './canvasChart';
import type { ChartTheme } from './chartTheme';

export interface Bar {
  label: string;
  value: number;
  /** A theme colour name; defaults to the chart's series colour. */
  tone?: 'good' | 'info' | 'warn' | 'bad';
}

const ROW = 22;
const PAD = 4;

export class BarChart extends CanvasChart {
  private bars: Bar[] = [];

  constructor(
    private readonly title: string,
    private readonly seriesIndex = 0,
    private readonly format: (n: number) => string = formatCount,
  ) {
    super(title, ROW + PAD * 2);
  }

  setBars(bars: Bar[]): void {
    const same =
      bars.length === this.bars.length &&
      bars.every((b, i) => b.label === this.bars[i].label && b.value === this.bars[i].value);
    if (same) return;
    this.bars = bars;
    this.setHeight(Math.max(1, bars.length) * ROW + PAD * 2);
    const values = bars.length ? bars.map((b) => `${b.label} ${this.format(b.value)}`).join(', ') : t('no data yet');
    this.describe(t('{0}: {1}', this.title, values));
    this.redraw();
  }

  protected paint(ctx: CanvasRenderingContext2D, width: number, _height: number, theme: ChartTheme): void {
    if (this.bars.length === 0) {
      ctx.fillStyle = theme.muted;
      ctx.fillText(t('no data yet'), PAD, PAD + ROW / 2);
      return;
    }
    const labelWidth = Math.min(width * 0.45, Math.max(...this.bars.map((b) => ctx.measureText(b.label).width)) + 8);
    const valueWidth = Math.max(...this.bars.map((b) => ctx.measureText(this.format(b.value)).width)) + 8;
    const barSpace = Math.max(10, width - labelWidth - valueWidth - PAD);
    const max = Math.max(1, ...this.bars.map((b) => b.value));
    this.bars.forEach((bar, i) => {
      const y = PAD + i * ROW;
      ctx.fillStyle = theme.foreground;
      ctx.textAlign = 'left';
      ctx.fillText(fitText(ctx, bar.label, labelWidth - 8), 0, y + ROW / 2);
      const w = Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * barSpace);
      ctx.fillStyle = bar.tone ? theme[bar.tone] : theme.series[this.seriesIndex % theme.series.length];
      ctx.fillRect(labelWidth, y + 4, w, ROW - 8);
      if (theme.outline && w > 0) {
        ctx.strokeStyle = theme.outline;
        ctx.strokeRect(labelWidth + 0.5, y + 4.5, w - 1, ROW - 9);
      }
      ctx.fillStyle = theme.muted;
      ctx.fillText(this.format(bar.value), labelWidth + w + 6, y + ROW / 2);
    });
  }
}
