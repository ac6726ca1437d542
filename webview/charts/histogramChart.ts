// Vertical bars over ordered buckets: the session-duration histogram.
import { formatCount } from '../format';
import { t } from '../l10n';
import { CanvasChart, fitText } from './canvasChart';
import type { ChartTheme } from './chartTheme';

const HEIGHT = 150;
const BOTTOM = 20;
const TOP = 16;

export class HistogramChart extends CanvasChart {
  private labels: string[] = [];
  private counts: number[] = [];

  constructor(private readonly title: string) {
    super(title, HEIGHT);
  }

  setBuckets(labels: string[], counts: number[]): void {
    if (counts.length === this.counts.length && counts.every((c, i) => c === this.counts[i])) return;
    this.labels = labels;
    this.counts = counts;
    this.describe(t('{0}: {1}', this.title, labels.map((l, i) => `${l} ${formatCount(counts[i] ?? 0)}`).join(', ')));
    this.redraw();
  }

  protected paint(ctx: CanvasRenderingContext2D, width: number, height: number, theme: ChartTheme): void {
    const n = this.counts.length;
    if (n === 0) return;
    const slot = width / n;
    const plotH = height - BOTTOM - TOP;
    const max = Math.max(1, ...this.counts);
    ctx.textAlign = 'center';
    this.counts.forEach((count, i) => {
      const h = (count / max) * plotH;
      const x = i * slot + slot * 0.15;
      const w = slot * 0.7;
      ctx.fillStyle = theme.series[1];
      ctx.fillRect(x, TOP + plotH - h, w, h);
      if (theme.outline && h > 0) {
        ctx.strokeStyle = theme.outline;
        ctx.strokeRect(x + 0.5, TOP + plotH - h + 0.5, w - 1, h - 1);
      }
      ctx.fillStyle = theme.muted;
      if (count > 0) ctx.fillText(fitText(ctx, formatCount(count), slot), x + w / 2, TOP + plotH - h - 8);
      ctx.fillText(fitText(ctx, this.labels[i] ?? '', slot - 2), x + w / 2, height - BOTTOM / 2);
    });
  }
}
