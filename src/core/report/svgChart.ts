// A bar chart as a standalone SVG file that reads in a light and in a dark Markdown preview. An
// <img> cannot follow the editor's theme, and no single text colour reaches WCAG AA (4.5:1) on
// both white and a dark editor background, so the chart brings its own light card.
import { formatCount } from '../format/count';

/** The card every chart is drawn on, in any preview theme. */
export const CHART_BACKGROUND = '#ffffff';
/** Dark grey text: over 10:1 on the card. */
export const CHART_TEXT = '#3b3b3b';
/** Blue bars: over 3:1 (the minimum for graphics) on the card. */
export const CHART_BAR = '#2f6fb0';
const CHART_BORDER = '#c8c8c8';

export interface Bar {
  label: string;
  value: number;
}

export interface BarChartSpec {
  title: string;
  /** What a value is, under the axis: "visits", "messages per second". */
  valueLabel: string;
  bars: Bar[];
}

const WIDTH = 720;
const ROW = 26;
const LABEL_WIDTH = 190;
const TOP = 44;
const MAX_LABEL_CHARS = 26;

/** XML text: every character that could end an attribute or start markup is escaped. */
export function escapeXml(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    // XML 1.0 has no place for control characters other than tab and line breaks.
    if (code < 0x20 && c !== '\t' && c !== '\n' && c !== '\r') continue;
    out += c === '<' || c === '>' || c === '&' || c === '"' || c === "'" ? `&#${code};` : c;
  }
  return out;
}

function shortLabel(label: string): string {
  return label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label;
}

/** Horizontal bars, one row each, the value written after the bar; never NaN (non-finite counts as 0). */
export function renderBarChart(spec: BarChartSpec): string {
  const bars = spec.bars.map((b) => ({ label: b.label, value: Number.isFinite(b.value) && b.value > 0 ? b.value : 0 }));
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plot = WIDTH - LABEL_WIDTH - 90;
  const height = TOP + bars.length * ROW + 30;
  const rows = bars.map((b, i) => {
    const y = TOP + i * ROW;
    const w = Math.round((b.value / max) * plot);
    return (
      `<text x="${LABEL_WIDTH - 8}" y="${y + 17}" text-anchor="end">${escapeXml(shortLabel(b.label))}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${w}" height="${ROW - 8}" rx="2" fill="${CHART_BAR}"/>` +
      `<text x="${LABEL_WIDTH + w + 6}" y="${y + 17}">${escapeXml(formatCount(b.value))}</text>`
    );
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}"` +
      ` role="img" aria-label="${escapeXml(spec.title)}">`,
    `<title>${escapeXml(spec.title)}</title>`,
    `<rect x="0.5" y="0.5" width="${WIDTH - 1}" height="${height - 1}" rx="6" fill="${CHART_BACKGROUND}" stroke="${CHART_BORDER}"/>`,
    `<g transform="translate(12 4)" font-family="Segoe UI, Helvetica, Arial, sans-serif" font-size="13" font-weight="600" fill="${CHART_TEXT}">`,
    `<text x="0" y="20" font-size="15">${escapeXml(spec.title)}</text>`,
    ...rows,
    `<line x1="${LABEL_WIDTH}" y1="${TOP}" x2="${LABEL_WIDTH}" y2="${height - 26}" stroke="${CHART_TEXT}"/>`,
    `<text x="${LABEL_WIDTH}" y="${height - 8}">${escapeXml(spec.valueLabel)}</text>`,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}

/** WCAG contrast ratio of two #rrggbb colours (used by the tests to keep the palette legible). */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const s = parseInt(hex.slice(i, i + 2), 16) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
