// Live counters: messages, messages/s (with its chart), the buffer, and per-partition counts.
import type { LiveState } from '../../src/shared/protocol';
import { LineChart } from '../charts/lineChart';
import { el, setText } from '../dom';
import { formatCompact, formatCount } from '../format';
import { t } from '../l10n';

function counter(label: string, key: string): { element: HTMLElement; value: HTMLElement } {
  const value = el('span', { class: 'counter-value', 'data-stat': key, text: '0' });
  return {
    element: el('div', { class: 'counter' }, value, el('span', { class: 'counter-label', text: label })),
    value,
  };
}

export class CountersView {
  readonly element: HTMLElement;
  private readonly messages = counter(t('messages read'), 'counter.messages');
  private readonly rate = counter(t('messages/s'), 'counter.perSecond');
  private readonly buffered = counter(t('in the list buffer'), 'counter.buffered');
  private readonly partitions = el('ul', { class: 'partitions', 'aria-label': t('Messages per partition') });
  private readonly chart = new LineChart(t('Messages per second'));
  private partitionCells = new Map<string, HTMLElement>();

  constructor() {
    this.element = el(
      'section',
      { class: 'counters card', 'aria-label': t('Live counters') },
      el(
        'div',
        { class: 'counter-row' },
        this.messages.element,
        this.rate.element,
        this.buffered.element,
        this.partitions,
      ),
      this.chart.element,
    );
  }

  update(live: LiveState): void {
    setText(this.messages.value, formatCount(live.messages));
    setText(this.rate.value, formatCount(live.perSecond));
    setText(this.buffered.value, `${formatCompact(live.list.buffered)} / ${formatCompact(live.list.capacity)}`);
    const names = Object.keys(live.partitions).sort((a, b) => Number(a) - Number(b));
    if (names.length !== this.partitionCells.size || names.some((n) => !this.partitionCells.has(n))) {
      this.partitionCells = new Map();
      this.partitions.replaceChildren(
        ...names.map((name) => {
          const value = el('span', { class: 'partition-count', 'data-stat': `partition.${name}` });
          this.partitionCells.set(name, value);
          return el('li', { class: 'partition' }, el('span', { class: 'muted', text: `p${name} ` }), value);
        }),
      );
    }
    for (const name of names) setText(this.partitionCells.get(name)!, formatCount(live.partitions[name]));
    this.chart.setPoints(live.rateHistory);
  }
}
