// Above the list: the filter (text and field:value terms), what it matched, follow-newest,
// the parsed-fields view, and export of the listed messages.
import type { ExportFormat, ListInfo } from '../../../src/shared/protocol';
import { el, setText } from '../../dom';
import { formatCount } from '../../format';
import { t } from '../../l10n';
import { createButton, createCheckbox, createTextField, type CheckControl, type ValueControl } from '../../toolkit';

export interface FilterBarActions {
  filter(query: string): Promise<string | undefined>;
  follow(on: boolean): void;
  fields(on: boolean): void;
  export(format: ExportFormat): void;
}

const DEBOUNCE_MS = 300;

export class FilterBar {
  readonly element: HTMLElement;
  private readonly field: ValueControl;
  private readonly followBox: CheckControl;
  private readonly fieldsBox: CheckControl;
  private readonly summary = el('span', { class: 'list-summary', role: 'status' });
  private readonly problem = el('span', { class: 'field-problem', role: 'alert' });
  private timer: ReturnType<typeof setTimeout> | undefined;
  private applied = '';

  constructor(private readonly actions: FilterBarActions) {
    this.field = createTextField(t('Filter messages'), {
      placeholder: t('Filter: text, {0}', 'status:5xx, user_id:a0aa0dd0, -page:home, price:>=200'),
      size: 56,
    });
    this.followBox = createCheckbox(t('Follow newest'), true);
    this.fieldsBox = createCheckbox(t('Fields'));
    this.fieldsBox.title = t('One column per parsed field (web, nginx, events) instead of the raw value');
    const jsonl = createButton(t('Export JSON lines'), {
      secondary: true,
      title: t('Save the listed (filtered) messages as JSON lines'),
    });
    const csv = createButton(t('Export CSV'), {
      secondary: true,
      title: t('Save the listed (filtered) messages as CSV'),
    });
    this.element = el(
      'div',
      { class: 'filter-bar', role: 'search' },
      this.field,
      this.problem,
      this.summary,
      this.followBox,
      this.fieldsBox,
      jsonl,
      csv,
    );
    this.field.addEventListener('input', () => this.debounce());
    this.field.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter') this.apply();
    });
    this.followBox.addEventListener('change', () => actions.follow(this.followBox.checked));
    this.fieldsBox.addEventListener('change', () => actions.fields(this.fieldsBox.checked));
    jsonl.addEventListener('click', () => actions.export('jsonl'));
    csv.addEventListener('click', () => actions.export('csv'));
  }

  setQuery(query: string): void {
    this.applied = query;
    if (this.field.value !== query) this.field.value = query;
  }

  setFollow(on: boolean): void {
    if (this.followBox.checked !== on) this.followBox.checked = on;
  }

  setFields(on: boolean): void {
    if (this.fieldsBox.checked !== on) this.fieldsBox.checked = on;
  }

  update(list: ListInfo): void {
    let text = list.filter
      ? t('{0} of {1} buffered messages match', formatCount(list.count), formatCount(list.buffered))
      : list.count === 1
        ? t('{0} buffered message', formatCount(list.count))
        : t('{0} buffered messages', formatCount(list.count));
    if (list.filterProgress !== undefined) text += ` ${t('(filtering… {0}%)', Math.round(list.filterProgress * 100))}`;
    setText(this.summary, text);
  }

  private debounce(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.apply(), DEBOUNCE_MS);
  }

  private apply(): void {
    clearTimeout(this.timer);
    const query = this.field.value.trim();
    if (query === this.applied) return;
    this.applied = query;
    void this.actions
      .filter(query)
      .then((error) => setText(this.problem, error ? t('Filter not applied: {0}', error) : ''));
  }
}
