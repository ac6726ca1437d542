// "Sent vs read" after a produce: the produced count beside what was read, with duplicates
// and missing lines (the seed's check, live).
import type { SentVsRead } from '../src/shared/protocol';
import { el, setText, show } from './dom';
import { formatCount } from './format';
import { StatTable } from './stats/statTable';

export class SentVsReadView {
  readonly element: HTMLElement;
  private readonly verdict = el('p', { class: 'verdict', role: 'status' });
  private readonly file = el('p', { class: 'muted file-name' });
  private readonly table = new StatTable('Sent vs read', [
    { key: 'sent.produced', label: 'Produced (acknowledged)' },
    { key: 'sent.read', label: 'Read' },
    { key: 'sent.duplicates', label: 'Duplicates' },
    { key: 'sent.missing', label: 'Missing' },
    { key: 'sent.other', label: 'Other messages in the topic' },
  ]);

  constructor() {
    this.element = el('section', { class: 'card sent-vs-read', 'aria-label': 'Sent vs read' },
      this.table.element, el('div', { class: 'sent-summary' }, this.verdict, this.file));
    show(this.element, false);
  }

  update(result: SentVsRead | undefined): void {
    show(this.element, result !== undefined);
    if (!result) return;
    setText(this.file, result.file);
    this.table.set('sent.produced', formatCount(result.produced));
    this.table.set('sent.read', formatCount(result.read));
    this.table.set('sent.duplicates', result.exact ? formatCount(result.duplicates) : 'unknown');
    this.table.set('sent.missing', formatCount(result.missing));
    this.table.set('sent.other', formatCount(result.other));
    let verdict: string;
    let tone: string;
    if (!result.exact) {
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
