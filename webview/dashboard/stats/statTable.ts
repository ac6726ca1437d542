// A small two-column table of named statistics (the seed's "Final statistics" table). Each
// row says how it reads its value (and an optional note) from the data the table shows; each
// value cell carries `data-stat`, which is also how tests find the rendered numbers.
import { el, setText } from '../../dom';
import { formatCount } from '../../format';

export interface StatRow<S> {
  key: string;
  label: string;
  value(data: S): string;
  note?(data: S): string;
}

/** A row showing a count. */
export function countRow<S>(
  key: string,
  label: string,
  count: (data: S) => number,
  note?: (data: S) => string,
): StatRow<S> {
  return { key, label, value: (data) => formatCount(count(data)), note };
}

export class StatTable<S> {
  readonly element: HTMLTableElement;
  private readonly cells: Array<{ row: StatRow<S>; value: HTMLElement; note: HTMLElement }> = [];

  constructor(caption: string, rows: Array<StatRow<S>>) {
    const body = el('tbody');
    for (const row of rows) {
      const value = el('span', { class: 'stat-value', 'data-stat': row.key, text: '–' });
      const note = el('span', { class: 'stat-note' });
      body.append(el('tr', {}, el('th', { scope: 'row', text: row.label }), el('td', {}, value, note)));
      this.cells.push({ row, value, note });
    }
    this.element = el('table', { class: 'stat-table' }, el('caption', { text: caption }), body);
  }

  update(data: S): void {
    for (const { row, value, note } of this.cells) {
      setText(value, row.value(data));
      setText(note, row.note?.(data) ?? '');
    }
  }
}
