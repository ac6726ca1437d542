// A canvas that redraws at most once per animation frame, only when its data or size
// changed, at the device's pixel ratio. Charts extend it with `paint`.
import { el } from '../dom';
import { chartTheme, onThemeChange, type ChartTheme } from './chartTheme';

export abstract class CanvasChart {
  readonly element: HTMLCanvasElement;
  private width = 0;
  private scheduled = false;

  constructor(
    label: string,
    private height: number,
  ) {
    this.element = el('canvas', { class: 'chart', role: 'img', 'aria-label': label });
    this.element.style.height = `${height}px`;
    new ResizeObserver(() => this.redraw()).observe(this.element);
    onThemeChange(() => this.redraw());
  }

  /** Changes the drawn height (bar charts grow with their bars). */
  protected setHeight(height: number): void {
    if (height === this.height) return;
    this.height = height;
    this.element.style.height = `${height}px`;
  }

  /** Text for screen readers: the same numbers the picture shows. */
  protected describe(text: string): void {
    if (this.element.getAttribute('aria-label') !== text) this.element.setAttribute('aria-label', text);
  }

  redraw(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.draw();
    });
  }

  private draw(): void {
    const canvas = this.element;
    const width = canvas.clientWidth;
    if (width === 0) return; // hidden: drawn when it shows (the ResizeObserver fires)
    const ratio = window.devicePixelRatio || 1;
    const pixelsWide = Math.round(width * ratio);
    const pixelsHigh = Math.round(this.height * ratio);
    if (canvas.width !== pixelsWide || canvas.height !== pixelsHigh) {
      canvas.width = pixelsWide;
      canvas.height = pixelsHigh;
    }
    this.width = width;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, this.height);
    const theme = chartTheme();
    ctx.font = theme.font;
    ctx.textBaseline = 'middle';
    this.paint(ctx, this.width, this.height, theme);
  }

  protected abstract paint(ctx: CanvasRenderingContext2D, width: number, height: number, theme: ChartTheme): void;
}

/** Text cut to fit `maxWidth`, with an ellipsis. */
export function fitText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}
