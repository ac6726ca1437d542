// The virtualized message list: a fixed pool of row elements (one screen plus a little)
// moved and refilled as the list scrolls, so the DOM holds the visible rows only, whatever
// the list's length. Rows come from the host through the RowCache; cells are set with
// textContent only. Keyboard: arrows, Page Up/Down, Home/End move the selection; Enter
// expands the selected message; Ctrl/Cmd+C copies it. In the parsed-fields view the Value
// column becomes one column per field of the format (fieldColumns.ts); a value that does not
// parse shows raw across those columns.
import type { LogFormat } from '../../../src/core/logFormat';
import type { ListInfo, MessageRow } from '../../../src/shared/protocol';
import { el } from '../../dom';
import { formatTimestamp } from '../../format';
import { t } from '../../l10n';
import { fieldCells, fieldColumns } from './fieldColumns';
import { RowCache, PAGE_ROWS, type RowFetcher } from './rowCache';
import { contentHeight, firstRowAt, lastFirstRow, scrollTopFor, type ListGeometry } from './scrollMath';

export const ROW_HEIGHT = 22;
/** The column headers: the expand toggle, the message's metadata, its value. */
const columnNames = (): string[] => ['', t('Offset'), t('Partition'), t('Key'), t('Timestamp'), t('Value')];
const COLUMN_COUNT = 6;
/** Where the value (or the first field) column starts. */
const VALUE_COLUMN = COLUMN_COUNT - 1;

export interface TableEvents {
  expand(row: MessageRow | undefined): void;
  copy(row: MessageRow): void;
  followChanged(follow: boolean): void;
  scrolled(): void;
}

interface PooledRow {
  element: HTMLElement;
  cells: HTMLElement[];
  seq: number;
  position: number;
}

export class MessageTable {
  readonly element: HTMLElement;
  private readonly viewport: HTMLElement;
  private readonly spacer = el('div', { class: 'list-spacer' });
  private readonly layer = el('div', { class: 'list-rows', role: 'rowgroup' });
  private readonly empty = el('p', { class: 'list-empty muted' });
  private readonly cache: RowCache;
  private readonly header = el('div', { class: 'list-header', role: 'row', 'aria-rowindex': 1 });
  /** The headers without field columns. */
  private readonly baseColumns = columnNames();
  private columns: readonly string[] = this.baseColumns;
  /** The field columns shown instead of the value, when the fields view is on and the format has them. */
  private fields: readonly string[] | undefined;
  private format: LogFormat | undefined;
  private fieldsView = false;
  /** Parsed cells per row (null: does not parse), so scrolling back does not parse again. */
  private parsed = new WeakMap<MessageRow, string[] | null>();
  private pool: PooledRow[] = [];
  private list: ListInfo = { version: 0, base: 0, count: 0, buffered: 0, capacity: 0, filter: '' };
  private viewportHeight = 0;
  private frame = 0;
  /** Where the last programmatic scroll went; a scroll event there is not the user's. */
  private expectedScrollTop = -1;
  private following = true;
  private selected: { position: number; seq: number } | undefined;
  private expandedSeq: number | undefined;

  constructor(
    fetchRows: RowFetcher,
    private readonly events: TableEvents,
  ) {
    this.cache = new RowCache(fetchRows, () => this.schedule());
    this.renderHeader();
    this.viewport = el('div', { class: 'list-viewport' }, this.spacer, this.layer);
    this.element = el(
      'div',
      {
        class: 'message-table',
        role: 'grid',
        tabindex: 0,
        'aria-label': t('Messages'),
        'aria-colcount': COLUMN_COUNT,
        'aria-rowcount': 1,
      },
      this.header,
      this.viewport,
      this.empty,
    );
    this.viewport.addEventListener('scroll', () => this.onScroll(), { passive: true });
    this.element.addEventListener('keydown', (e) => this.onKey(e));
    this.layer.addEventListener('click', (e) => this.onClick(e));
    new ResizeObserver(() => this.resize()).observe(this.viewport);
  }

  get follow(): boolean {
    return this.following;
  }

  /** The absolute position at the top of the viewport (saved to restore the scroll). */
  get topPosition(): number {
    return this.list.base + Math.floor(firstRowAt(this.viewport.scrollTop, this.geometry()));
  }

  /** The fields of this format as columns, or the raw value: shows which applies. */
  get showsFields(): boolean {
    return this.fields !== undefined;
  }

  /** The topic's detected format (decides the field columns). */
  setFormat(format: LogFormat | undefined): void {
    this.format = format;
    this.applyColumns();
  }

  /** The parsed-fields view on or off (off: the raw value column). */
  setFieldsView(on: boolean): void {
    this.fieldsView = on;
    this.applyColumns();
  }

  setFollow(follow: boolean): void {
    if (follow === this.following) return;
    this.following = follow;
    this.events.followChanged(follow);
    if (follow) this.scrollToIndex(this.list.count);
  }

  /** New list bounds from the host; keeps the rows in view unless following the newest. */
  setList(list: ListInfo): void {
    const previous = this.list;
    const top = this.topPosition;
    this.list = list;
    this.element.dataset.listVersion = String(list.version);
    this.cache.reset(list.version);
    this.element.setAttribute('aria-rowcount', String(list.count + 1));
    this.spacer.style.height = `${contentHeight(this.geometry())}px`;
    if (list.version !== previous.version) {
      this.selected = undefined;
      this.scrollToIndex(this.following ? list.count : 0);
    } else if (this.following) {
      this.scrollToIndex(list.count);
    } else {
      // Old rows left at the front (or the scroll scale changed): stay on the same rows.
      this.scrollToIndex(top - list.base);
    }
    this.empty.textContent =
      list.count > 0 ? '' : list.filter ? t('No buffered message matches the filter.') : t('No messages yet.');
    this.schedule();
  }

  /** Scrolls so that `position` is the top row (restoring a saved view). */
  restoreTop(position: number): void {
    this.setFollow(false);
    this.scrollToIndex(position - this.list.base);
  }

  setExpanded(seq: number | undefined): void {
    this.expandedSeq = seq;
    this.schedule();
  }

  /** Cell texts of the rows on screen (for the rendered-text report). */
  visibleRows(): Array<{ cells: string[]; valueChildElements: number }> {
    return this.pool
      .filter((r) => !r.element.hidden && r.seq >= 0)
      .map((r) => ({
        cells: r.cells.slice(1).map((c) => c.textContent ?? ''),
        valueChildElements: r.cells[5].childElementCount,
      }));
  }

  private applyColumns(): void {
    const fields = this.fieldsView ? fieldColumns(this.format) : undefined;
    if (fields === this.fields) return;
    this.fields = fields;
    this.columns = fields ? [...this.baseColumns.slice(0, VALUE_COLUMN), ...fields] : this.baseColumns;
    this.parsed = new WeakMap();
    this.element.setAttribute('aria-colcount', String(this.columns.length));
    this.element.classList.toggle('fields-view', fields !== undefined);
    this.element.style.setProperty('--value-columns', fields ? `repeat(${fields.length}, minmax(0, 1fr))` : '');
    this.renderHeader();
    // The pooled rows have the old cells: build the pool again (one screen of rows).
    const size = this.pool.length;
    for (const pooled of this.pool) pooled.element.remove();
    this.pool = [];
    while (this.pool.length < size) this.pool.push(this.createRow());
    this.schedule();
  }

  private renderHeader(): void {
    this.header.replaceChildren(
      ...this.columns.map((name, i) =>
        el('span', {
          role: 'columnheader',
          class: `cell c${i}`,
          text: name,
          'aria-colindex': i + 1,
          'aria-label': i === 0 ? t('Expand') : undefined,
        }),
      ),
    );
  }

  private geometry(): ListGeometry {
    return { count: this.list.count, rowHeight: ROW_HEIGHT, viewportHeight: this.viewportHeight };
  }

  private scrollToIndex(index: number): void {
    const target =
      index >= this.list.count
        ? scrollTopFor(lastFirstRow(this.geometry()), this.geometry())
        : scrollTopFor(index, this.geometry());
    if (Math.abs(this.viewport.scrollTop - target) >= 1) {
      this.viewport.scrollTop = target;
      this.expectedScrollTop = this.viewport.scrollTop;
    }
    this.schedule();
  }

  private onScroll(): void {
    if (Math.abs(this.viewport.scrollTop - this.expectedScrollTop) < 1) {
      this.expectedScrollTop = -1;
    } else {
      const atEnd = this.viewport.scrollTop + this.viewportHeight >= contentHeight(this.geometry()) - 2;
      if (this.following !== atEnd) {
        this.following = atEnd;
        this.events.followChanged(atEnd);
      }
      this.events.scrolled();
    }
    this.schedule();
  }

  private resize(): void {
    this.viewportHeight = this.viewport.clientHeight;
    const needed = Math.ceil(this.viewportHeight / ROW_HEIGHT) + 2;
    while (this.pool.length < needed) this.pool.push(this.createRow());
    this.spacer.style.height = `${contentHeight(this.geometry())}px`;
    if (this.following) this.scrollToIndex(this.list.count);
    this.schedule();
  }

  private createRow(): PooledRow {
    const cells = this.columns.map((_, i) =>
      el('span', { role: 'gridcell', class: `cell c${i}${i >= VALUE_COLUMN ? ' value-cell' : ''}` }),
    );
    const element = el('div', { class: 'row', role: 'row' }, ...cells);
    element.hidden = true;
    this.layer.append(element);
    return { element, cells, seq: -1, position: -1 };
  }

  private schedule(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.render());
  }

  private render(): void {
    this.frame = 0;
    const g = this.geometry();
    const scrollTop = this.viewport.scrollTop;
    const first = firstRowAt(scrollTop, g);
    const firstIndex = Math.floor(first);
    this.layer.style.transform = `translateY(${Math.round(scrollTop - (first - firstIndex) * ROW_HEIGHT)}px)`;
    const { base, count } = this.list;
    for (let i = 0; i < this.pool.length; i++) {
      const index = firstIndex + i;
      const pooled = this.pool[i];
      if (index >= count) {
        pooled.element.hidden = true;
        continue;
      }
      pooled.element.hidden = false;
      this.fill(pooled, base + index, this.cache.row(base + index));
    }
    const start = base + firstIndex;
    this.cache.ensure(start - PAGE_ROWS, start + this.pool.length + PAGE_ROWS, base + count);
  }

  private fill(pooled: PooledRow, position: number, row: MessageRow | undefined): void {
    const { element, cells } = pooled;
    const seq = row ? row.seq : -1;
    if (pooled.position !== position) {
      pooled.position = position;
      element.id = `row-${position}`;
      element.setAttribute('aria-rowindex', String(position - this.list.base + 2));
    }
    if (pooled.seq !== seq) {
      pooled.seq = seq;
      element.classList.toggle('loading', !row);
      cells[1].textContent = row ? String(row.offset) : '';
      cells[2].textContent = row ? String(row.partition) : '';
      cells[3].textContent = row?.key ?? '';
      cells[4].textContent = row ? formatTimestamp(row.timestamp) : '';
      this.fillValue(cells, row);
    }
    const isSelected = this.selected?.position === position;
    const isExpanded = row !== undefined && row.seq === this.expandedSeq;
    if (element.classList.contains('selected') !== isSelected) {
      element.classList.toggle('selected', isSelected);
      element.setAttribute('aria-selected', String(isSelected));
    }
    const twisty = isExpanded ? '▾' : '▸';
    if (cells[0].textContent !== twisty) {
      cells[0].textContent = twisty;
      element.setAttribute('aria-expanded', String(isExpanded));
    }
  }

  /** The value cell, or one cell per field; an unparsed value spans the field cells. */
  private fillValue(cells: HTMLElement[], row: MessageRow | undefined): void {
    const raw = row ? (row.truncated ? `${row.value}…` : row.value) : '';
    const fields = this.fields;
    if (!fields) {
      cells[VALUE_COLUMN].textContent = raw;
      return;
    }
    const values = row ? this.fieldValues(fields, row) : fields.map(() => '');
    const spans = values === null;
    const first = cells[VALUE_COLUMN];
    first.classList.toggle('raw-span', spans);
    if (spans) first.setAttribute('aria-colspan', String(fields.length));
    else first.removeAttribute('aria-colspan');
    for (let i = 0; i < fields.length; i++) {
      const cell = cells[VALUE_COLUMN + i];
      cell.textContent = spans ? (i === 0 ? raw : '') : values[i];
      cell.hidden = spans && i > 0;
    }
  }

  private fieldValues(fields: readonly string[], row: MessageRow): string[] | null {
    let values = this.parsed.get(row);
    if (values === undefined) {
      values = fieldCells(this.format, fields, row.value) ?? null;
      this.parsed.set(row, values);
    }
    return values;
  }

  private select(position: number, scroll: boolean): void {
    const { base, count } = this.list;
    if (count === 0) return;
    const clamped = Math.min(Math.max(position, base), base + count - 1);
    const row = this.cache.row(clamped);
    this.selected = { position: clamped, seq: row?.seq ?? -1 };
    this.element.setAttribute('aria-activedescendant', `row-${clamped}`);
    if (scroll) {
      const first = firstRowAt(this.viewport.scrollTop, this.geometry());
      const visible = Math.floor(this.viewportHeight / ROW_HEIGHT);
      const index = clamped - base;
      if (index < first) this.scrollToIndex(index);
      else if (index >= first + visible) this.scrollToIndex(index - visible + 1);
      if (index < count - 1 && this.following) this.setFollow(false);
    }
    this.schedule();
  }

  private selectedRow(): MessageRow | undefined {
    return this.selected ? this.cache.row(this.selected.position) : undefined;
  }

  private onClick(event: MouseEvent): void {
    const rowElement = (event.target as HTMLElement).closest('.row');
    const pooled = this.pool.find((p) => p.element === rowElement);
    if (!pooled) return;
    this.select(pooled.position, false);
    this.element.focus({ preventScroll: true });
    this.toggleExpanded();
  }

  private toggleExpanded(): void {
    const row = this.selectedRow();
    const expand = row !== undefined && row.seq !== this.expandedSeq;
    this.expandedSeq = expand ? row!.seq : undefined;
    this.events.expand(expand ? row : undefined);
    this.schedule();
  }

  private onKey(e: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.viewportHeight / ROW_HEIGHT) - 1);
    const current = this.selected?.position ?? this.topPosition - 1;
    const { base, count } = this.list;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        this.select(current + 1, true);
        break;
      case 'ArrowUp':
        this.select(current - 1, true);
        break;
      case 'PageDown':
        this.select(current + page, true);
        break;
      case 'PageUp':
        this.select(current - page, true);
        break;
      case 'Home':
        this.select(base, true);
        break;
      case 'End':
        this.select(base + count - 1, true);
        this.setFollow(true);
        break;
      case 'Enter':
      case ' ':
        this.toggleExpanded();
        break;
      case 'Escape':
        if (this.expandedSeq !== undefined) this.toggleExpanded();
        else handled = false;
        break;
      default: {
        const row = this.selectedRow();
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c' && row && !window.getSelection()?.toString())
          this.events.copy(row);
        else handled = false;
      }
    }
    if (handled) e.preventDefault();
  }
}
