// The rebalances so far, newest first: when, which group, who joined or left, and who owns
// which partitions afterwards.
import type { RebalanceEvent } from '../../src/shared/groupLabProtocol';
import { el, placeChildren } from '../dom';
import { formatClockTime } from '../format';
import { t } from '../l10n';
import { partitionChip } from './partitionChips';

function eventItem(e: RebalanceEvent): HTMLLIElement {
  const change =
    [e.joined.length ? t('{0} joined', e.joined.join(', ')) : '', e.left.length ? t('{0} left', e.left.join(', ')) : '']
      .filter(Boolean)
      .join('; ') || t('assignment changed');
  const owners = el('div', { class: 'event-owners' });
  for (const a of e.assignment) {
    const chips = el('span', { class: 'chips' });
    if (a.partitions.length === 0) chips.append(el('span', { class: 'chip-none muted', text: t('none') }));
    for (const p of a.partitions) chips.append(partitionChip(p));
    owners.append(
      el(
        'span',
        { class: `owner${a.ours ? '' : ' foreign'}` },
        el('span', { class: 'owner-name', text: `${a.member} →` }),
        chips,
      ),
    );
  }
  return el(
    'li',
    { class: 'event', 'data-seq': e.seq },
    el(
      'div',
      { class: 'event-head' },
      el('time', { class: 'muted', datetime: new Date(e.atMs).toISOString(), text: formatClockTime(e.atMs) }),
      el('span', { class: 'event-group', text: e.groupId }),
      el('span', { class: 'event-change', text: change }),
    ),
    owners,
  );
}

export class TimelineView {
  readonly element: HTMLElement;
  private readonly list = el('ol', { class: 'timeline', reversed: true });
  private readonly empty = el('p', { class: 'muted', text: t('No rebalance yet: the groups are forming.') });
  private readonly items = new Map<number, HTMLLIElement>();

  constructor() {
    this.element = el(
      'section',
      { class: 'timeline-section', 'aria-labelledby': 'timeline-title' },
      el('h2', { id: 'timeline-title', text: t('Rebalances') }),
      this.empty,
      this.list,
    );
  }

  update(events: RebalanceEvent[]): void {
    const newestFirst = [...events].reverse();
    const items = newestFirst.map((e) => {
      let item = this.items.get(e.seq);
      if (!item) this.items.set(e.seq, (item = eventItem(e)));
      return item;
    });
    const keep = new Set(events.map((e) => e.seq));
    for (const seq of [...this.items.keys()]) if (!keep.has(seq)) this.items.delete(seq);
    placeChildren(this.list, items);
    this.empty.hidden = events.length > 0;
  }
}
