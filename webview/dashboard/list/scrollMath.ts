// Row index <-> scroll offset for a virtual list. Browsers cap an element's height (about
// 33 million pixels in Chromium), so past MAX_SCROLL_PIXELS the scroll range is scaled:
// the scrollbar maps proportionally onto the rows and the rows themselves still move by
// whole pixels, so wheel and keyboard scrolling feel the same at any size.

export const MAX_SCROLL_PIXELS = 8_000_000;

export interface ListGeometry {
  count: number;
  rowHeight: number;
  viewportHeight: number;
}

export function contentHeight(g: ListGeometry): number {
  return Math.min(g.count * g.rowHeight, MAX_SCROLL_PIXELS);
}

const scaled = (g: ListGeometry) => g.count * g.rowHeight > MAX_SCROLL_PIXELS;

/** Rows that fit above the last full screen: the largest first-row index. */
export function lastFirstRow(g: ListGeometry): number {
  return Math.max(0, g.count - g.viewportHeight / g.rowHeight);
}

/** The (fractional) index of the row at the top edge for a scroll offset. */
export function firstRowAt(scrollTop: number, g: ListGeometry): number {
  if (!scaled(g)) return Math.max(0, scrollTop / g.rowHeight);
  const maxScroll = MAX_SCROLL_PIXELS - g.viewportHeight;
  return maxScroll > 0 ? Math.min(1, Math.max(0, scrollTop / maxScroll)) * lastFirstRow(g) : 0;
}

/** The scroll offset that puts row `index` at the top edge. */
export function scrollTopFor(index: number, g: ListGeometry): number {
  const first = Math.min(Math.max(0, index), lastFirstRow(g));
  if (!scaled(g)) return first * g.rowHeight;
  const maxFirst = lastFirstRow(g);
  return maxFirst > 0 ? (first / maxFirst) * (MAX_SCROLL_PIXELS - g.viewportHeight) : 0;
}
