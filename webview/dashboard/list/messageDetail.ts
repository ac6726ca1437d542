// The expanded message: its metadata and the whole value, pretty-printed when it is JSON,
// with copy actions. Shown beside the list (below it in a narrow panel) for the expanded row.
import type { LogFormat } from '../../../src/core/logFormat';
import type { MessageRow } from '../../../src/shared/protocol';
import { el, setText, show } from '../../dom';
import { formatTimestamp } from '../../format';
import { t } from '../../l10n';
import { createButton } from '../../toolkit';
import { parsedFields } from './parsedFields';

export interface DetailActions {
  copy(seq: number, what: 'json' | 'value'): void;
  close(): void;
}

/** JSON values indented by two spaces; anything else as it is. */
export function prettyValue(value: string): string {
  const trimmed = value.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      // not JSON after all
    }
  }
  return value;
}

export class MessageDetail {
  readonly element: HTMLElement;
  private readonly meta = el('p', { class: 'detail-meta' });
  private readonly value = el('pre', { class: 'detail-value', tabindex: 0, 'aria-label': t('Message value') });
  private readonly fields = el('dl', { class: 'detail-fields', 'aria-label': t('Parsed fields') });
  private seq = -1;
  /** The dashboard's format: the fields are read as it reads them. */
  format: LogFormat | undefined;

  constructor(private readonly actions: DetailActions) {
    const copyJson = createButton(t('Copy as JSON'), {
      secondary: true,
      title: t('The message with its partition, offset, timestamp and key'),
    });
    const copyValue = createButton(t('Copy value'), { secondary: true });
    const close = createButton(t('Close'), { secondary: true });
    copyJson.addEventListener('click', () => actions.copy(this.seq, 'json'));
    copyValue.addEventListener('click', () => actions.copy(this.seq, 'value'));
    close.addEventListener('click', () => actions.close());
    this.element = el(
      'section',
      { class: 'detail card', 'aria-label': t('Expanded message') },
      el('div', { class: 'detail-bar' }, this.meta, copyJson, copyValue, close),
      this.fields,
      this.value,
    );
    show(this.element, false);
  }

  get shownSeq(): number | undefined {
    return this.element.hidden ? undefined : this.seq;
  }

  show(row: MessageRow | null | undefined): void {
    const opening = this.element.hidden && !!row;
    show(this.element, !!row);
    if (!row) return;
    // Beside the list it is in view already; below it (a narrow panel) the page scrolls to it.
    if (opening) this.element.scrollIntoView({ block: 'nearest' });
    this.seq = row.seq;
    setText(
      this.meta,
      t(
        'Partition {0} · offset {1} · {2} · key {3}',
        row.partition,
        row.offset,
        formatTimestamp(row.timestamp),
        row.key ?? t('(none)'),
      ),
    );
    setText(this.value, prettyValue(row.value) + (row.truncated ? '\n…' : ''));
    this.showFields(row);
  }

  /** One line per parsed field (name, then value as text), or nothing when the value does not parse. */
  private showFields(row: MessageRow): void {
    const fields = row.truncated ? undefined : parsedFields(this.format, row.value);
    this.fields.replaceChildren(
      ...(fields ?? []).flatMap(([name, value]) => [el('dt', { text: name }), el('dd', { text: value })]),
    );
    show(this.fields, !!fields?.length);
  }
}
