// A small two-column table of named statistics (the seed's "Final statistics" table). Each
// value cell carries `data-stat`, which is also how tests find the rendered numbers.
import { el, setText } from '../dom';

export interface StatRow {
  key: string;
  label: string;
}

export class StatTable {
  readonly element: HTMLTableElement;
  private readonly values = new Map<string, { value: HTMLElement; note: HTMLElement }>();

  constructor(caption: string, rows: StatRow[]) {
    const body = el('tbody');
    for (const row of rows) {
      const value = el('span', { class: 'stat-value', 'data-stat': row.key, text: '–' });
      const note = el('span', { class: 'stat-note' });
      body.append(el('tr', {}, el('th', { scope: 'row', text: row.label }), el('td', {}, value, note)));
      this.values.set(row.key, { value, note });
    }
    this.element = el('table', { class: 'stat-table' }, el('caption', { text: caption }), body);
  }

  set(key: string, text: string, note = ''): void {
    const cell = this.values.get(key);
    if (!cell) return;
    setText(cell.value, text);
    setText(cell.note, note);
  }
}
