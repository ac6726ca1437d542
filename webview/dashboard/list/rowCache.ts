// Rows fetched from the host in pages of PAGE_ROWS, kept for the pages near the viewport
// (least recently used pages are dropped). A page fetched while the list was shorter is
// fetched again once more rows exist in its range.
import type { MessageRow } from '../../../src/shared/protocol';

export const PAGE_ROWS = 100;
const MAX_PAGES = 60;
const MAX_IN_FLIGHT = 4;
/** A page the extension did not answer for is asked for again after this long. */
export const RETRY_MS = 1000;

interface Page {
  rows: Array<MessageRow | undefined>;
  /** Positions below this were in the list when the page was fetched. */
  coveredTo: number;
}

export type RowFetcher = (
  listVersion: number,
  from: number,
  count: number,
) => Promise<{ listVersion: number; rows: MessageRow[] }>;

export class RowCache {
  private pages = new Map<number, Page>();
  private readonly inFlight = new Set<number>();
  private version = -1;

  constructor(
    private readonly fetchRows: RowFetcher,
    private readonly loaded: () => void,
    private readonly retryMs = RETRY_MS,
  ) {}

  /** A new list (filter, clear, restart): nothing cached is valid any more. */
  reset(listVersion: number): void {
    if (listVersion === this.version) return;
    this.version = listVersion;
    this.pages = new Map();
    this.inFlight.clear();
  }

  row(position: number): MessageRow | undefined {
    const page = this.pages.get(Math.floor(position / PAGE_ROWS));
    return page?.rows[position % PAGE_ROWS];
  }

  /** Fetches the pages holding positions [from, to) that are missing or incomplete; `end` is the list's end. */
  ensure(from: number, to: number, end: number): void {
    for (let p = Math.floor(Math.max(0, from) / PAGE_ROWS); p * PAGE_ROWS < Math.min(to, end); p++) {
      const page = this.pages.get(p);
      const wanted = Math.min((p + 1) * PAGE_ROWS, end);
      if (page) {
        this.pages.delete(p); // re-insert: most recently used last
        this.pages.set(p, page);
        if (page.coveredTo >= wanted) continue;
      }
      if (this.inFlight.has(p) || this.inFlight.size >= MAX_IN_FLIGHT) continue;
      this.load(p, wanted);
    }
  }

  private load(pageIndex: number, coveredTo: number): void {
    const version = this.version;
    this.inFlight.add(pageIndex);
    void this.fetchRows(version, pageIndex * PAGE_ROWS, PAGE_ROWS).then((response) => {
      if (version !== this.version) return;
      this.inFlight.delete(pageIndex);
      // No answer (the fetcher says -1): render again later, which asks for the page again; a
      // list that stopped changing would otherwise never show these rows.
      if (response.listVersion === -1) setTimeout(() => this.loaded(), this.retryMs);
      if (response.listVersion !== version) return;
      const rows = new Array<MessageRow | undefined>(PAGE_ROWS);
      for (const row of response.rows) rows[row.position - pageIndex * PAGE_ROWS] = row;
      this.pages.set(pageIndex, { rows, coveredTo });
      while (this.pages.size > MAX_PAGES) this.pages.delete(this.pages.keys().next().value!);
      this.loaded();
    });
  }
}
