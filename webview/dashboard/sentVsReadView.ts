// "Sent vs read" after a produce: the produced count beside what was read, with duplicates
// and missing lines (the seed's check, live).
import type { SentVsRead } from '../../src/shared/protocol';
import { el, setText, show } from '../dom';
import { formatCount } from '../format';
import { t } from '../l10n';
import { countRow, StatTable } from './stats/statTable';

export class SentVsReadView {
  readonly element: HTMLElement;
  private readonly verdict = el('p', { class: 'verdict', role: 'status' });
  private readonly file = el('p', { class: 'muted file-name' });
  private readonly table = new StatTable<SentVsRead>(t('Sent vs read'), [
    countRow('sent.produced', t('Produced (acknowledged)'), (r) => r.produced),
    countRow('sent.read', t('Read'), (r) => r.read),
    {
      key: 'sent.duplicates',
      label: t('Duplicates'),
      value: (r) => (r.exact ? formatCount(r.duplicates) : t('unknown')),
    },
    countRow('sent.missing', t('Missing'), (r) => r.missing),
    countRow('sent.other', t('Other messages in the topic'), (r) => r.other),
  ]);

  constructor() {
    this.element = el(
      'section',
      { class: 'card sent-vs-read', 'aria-label': t('Sent vs read') },
      this.table.element,
      el('div', { class: 'sent-summary' }, this.verdict, this.file),
    );
    show(this.element, false);
  }

  /** `current` false: the broker is away or the reader is catching up, so no verdict yet. */
  update(result: SentVsRead | undefined, current = true): void {
    show(this.element, result !== undefined);
    if (!result) return;
    setText(this.file, result.file);
    this.table.update(result);
    let verdict: string;
    let tone: string;
    if (!current) {
      verdict = t('Waiting for the broker: no verdict while the reader is disconnected or catching up.');
      tone = 'neutral';
    } else if (!result.exact) {
      verdict = t('The messages carry no line numbers: only the counts can be compared.');
      tone = 'neutral';
    } else if (result.missing === 0 && result.duplicates === 0) {
      verdict = t('✓ Every produced line was read exactly once.');
      tone = 'good';
    } else if (result.duplicates > 0) {
      const n = formatCount(result.duplicates);
      verdict = result.duplicates === 1 ? t('{0} duplicate read.', n) : t('{0} duplicates read.', n);
      tone = 'bad';
    } else {
      const n = formatCount(result.missing);
      verdict =
        result.missing === 1 ? t('{0} produced line not read yet.', n) : t('{0} produced lines not read yet.', n);
      tone = 'neutral';
    }
    setText(this.verdict, verdict);
    this.verdict.className = `verdict verdict-${tone}`;
  }
}
