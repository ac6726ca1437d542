// The statistics section: the view of the current format, rebuilt when the format changes,
// plus the first lines that did not parse (shown as text).
import type { LiveState, StatsSnapshot } from '../../../src/shared/protocol';
import { el, setText, show } from '../../dom';
import { formatCount } from '../../format';
import { t } from '../../l10n';
import { createFormatView, type FormatView } from './formatViews';

export class StatsView {
  readonly element: HTMLElement;
  private readonly body = el('div');
  private readonly waiting = el('p', {
    class: 'muted',
    text: t('Waiting for the first messages to detect the format…'),
  });
  private readonly unparsed = el('ol', { class: 'unparsed-lines' });
  private readonly unparsedBox = el(
    'details',
    { class: 'card unparsed' },
    el('summary', { text: t('Lines that did not parse') }),
    this.unparsed,
  );
  private view: FormatView | undefined;
  private format: StatsSnapshot['format'] | undefined;

  constructor() {
    this.element = el(
      'section',
      { class: 'stats', 'aria-label': t('Statistics') },
      this.waiting,
      this.body,
      this.unparsedBox,
    );
    show(this.unparsedBox, false);
  }

  reset(): void {
    this.view = undefined;
    this.format = undefined;
    this.body.replaceChildren();
    show(this.waiting, true);
    show(this.unparsedBox, false);
  }

  update(live: LiveState): void {
    const stats = live.stats;
    if (!stats) return;
    if (stats.format !== this.format) {
      this.format = stats.format;
      this.view = createFormatView(stats.format);
      this.body.replaceChildren(this.view.element);
      show(this.waiting, false);
    }
    this.view!.update(stats, live.visitDurations);
    const samples = stats.unparsedSamples;
    show(this.unparsedBox, samples.length > 0);
    if (samples.length !== this.unparsed.childElementCount) {
      this.unparsed.replaceChildren(
        ...samples.map((s) =>
          el(
            'li',
            {},
            el('span', { class: 'muted', text: `${t('message {0}:', s.line)} ` }),
            el('code', { text: s.text }),
          ),
        ),
      );
    }
    setText(
      this.unparsedBox.querySelector('summary')!,
      t('{0} lines did not parse (first {1} shown)', formatCount(stats.unparsed), samples.length),
    );
  }
}
