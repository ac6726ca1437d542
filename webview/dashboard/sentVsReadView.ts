// "Sent vs read" after a produce: the produced count beside what was read, with duplicates
// and missing lines (the seed's check, live).
import type { SentVsRead } from '../../src/shared/protocol';
import { el, setText, show } from '../dom';
import { formatCount } from '../format';
import { countRow, StatTable } from './stats/statTable';

export class SentVsReadView {
  readonly element: HTMLElement;
  private readonly verdict = el('p', { class: 'verdict', role: 'status' });
  private readonly file = el('p', { class: 'muted file-name' });
  private readonly table = new StatTable<SentVsRead>('Sent vs read', [
    countRow('sent.produced', 'Produced (acknowledged)', (r) => r.produced),
    countRow('sent.read', 'Read', (r) => r.read),
    { key: 'sent.duplicates', label: 'Duplicates', value: (r) => (r.exact ? formatCount(r.duplicates) : 'unknown') },
    countRow('sent.missing', 'Missing', (r) => r.missing),
    countRow('sent.other', 'Other messages in the topic', (r) => r.other),
  ]);

  constructor() {
    this.element = el(
      'section',
      { class: 'card sent-vs-read', 'aria-label': 'Sent vs read' },
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
      verdict = 'Waiting for the broker: no verdict while the reader is disconnected or catching up.';
      tone = 'neutral';
    } else if (!result.exact) {
      verdict = 'The messages carry no line numbers: only the counts can be compared.';
      tone = 'neutral';
    } else if (result.missing === 0 && result.duplicates === 0) {
      verdict = '✓ Every produced line was read exactly once.';
      tone = 'good';
    } else if (result.duplicates > 0) {
      verdict = `${formatCount(result.duplicates)} duplicate${result.duplicates === 1 ? '' : 's'} read.`;
      tone = 'bad';
    } else {
      verdict = `${formatCount(result.missing)} produced line${result.missing === 1 ? '' : 's'} not read yet.`;
      tone = 'neutral';
    }
    setText(this.verdict, verdict);
    this.verdict.className = `verdict verdict-${tone}`;
  }
}
