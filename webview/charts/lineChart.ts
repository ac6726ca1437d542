// Messages per second over time: an area under a line, newest on the right.
import { formatCompact } from '../format';
import { t } from '../l10n';
import { CanvasChart } from './canvasChart';
import type { ChartTheme } from './chartTheme';

const HEIGHT = 120;
const LEFT = 44;
const BOTTOM = 18;

function niceMax(value: number): number {
  if (value <= 10) return 10;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (value <= step * magnitude) return step * magnitude;
  return 10 * magnitude;
}

export class LineChart extends CanvasChart {
  private points: Array<[number, number]> = [];

  constructor(private readonly title: string) {
    super(title, HEIGHT);
  }

  setPoints(points: Array<[number, number]>): void {
    const last = points[points.length - 1];
    const prev = this.points[this.points.length - 1];
    if (points.length === this.points.length && last?.[0] === prev?.[0] && last?.[1] === prev?.[1]) return;
    this.points = points;
    const peak = points.reduce((m, p) => Math.max(m, p[1]), 0);
    this.describe(
      t(
        '{0}: now {1}, peak {2} over the last {3} seconds',
        this.title,
        formatCompact(last?.[1] ?? 0),
        formatCompact(peak),
        points.length,
      ),
    );
    this.redraw();
  }

  protected paint(ctx: CanvasRenderingContext2D, width: number, height: number, theme: ChartTheme): void {
    const plotW = width - LEFT - 4;
    const plotH = height - BOTTOM - 6;
    const top = 6;
    const max = niceMax(this.points.reduce((m, p) => Math.max(m, p[1]), 0));
    ctx.strokeStyle = theme.grid;
    ctx.fillStyle = theme.muted;
    ctx.textAlign = 'right';
    for (let i = 0; i <= 2; i++) {
      const y = top + plotH - (plotH * i) / 2;
      ctx.beginPath();
      ctx.moveTo(LEFT, Math.round(y) + 0.5);
      ctx.lineTo(LEFT + plotW, Math.round(y) + 0.5);
      ctx.stroke();
      ctx.fillText(formatCompact((max * i) / 2), LEFT - 6, y);
    }
    const points = this.points;
    if (points.length < 2) {
      ctx.textAlign = 'left';
      ctx.fillText(t('waiting for messages…'), LEFT + 8, top + plotH / 2);
      return;
    }
    const t1 = points[points.length - 1][0];
    const span = Math.max(60_000, t1 - points[0][0]);
    const x = (t: number) => LEFT + plotW - ((t1 - t) / span) * plotW;
    const y = (v: number) => top + plotH - (v / max) * plotH;
    ctx.beginPath();
    points.forEach(([t, v], i) => (i === 0 ? ctx.moveTo(x(t), y(v)) : ctx.lineTo(x(t), y(v))));
    const color = theme.series[0];
    ctx.strokeStyle = color;
    ctx.lineWidth = theme.outline ? 2.5 : 1.5;
    ctx.stroke();
    ctx.lineTo(x(t1), top + plotH);
    ctx.lineTo(x(points[0][0]), top + plotH);
    ctx.closePath();
    ctx.globalAlpha = 0.18;
    ctx.fillStyle = color;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.lineWidth = 1;
    ctx.fillStyle = theme.muted;
    ctx.textAlign = 'center';
    const seconds = Math.round(span / 1000);
    ctx.fillText(`-${seconds} s`, LEFT + 16, height - BOTTOM / 2);
    ctx.textAlign = 'right';
    ctx.fillText(t('now'), LEFT + plotW, height - BOTTOM / 2);
  }
}
