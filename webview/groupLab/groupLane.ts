// One consumer group as a lane: its broker state, its check (every message once, partitions
// owned once), an "Add member" button and a card per member, ours and other processes'.
import type { LabGroupView, LabPartition } from '../../src/shared/groupLabProtocol';
import { el, placeChildren, setAttr, setText } from '../dom';
import { formatCount } from '../format';
import { t } from '../l10n';
import { MemberCard } from './memberCard';

export interface LaneActions {
  addMember(groupId: string, button: HTMLButtonElement): void;
  stopMember(groupId: string, member: string, button: HTMLButtonElement): void;
}

let laneNumber = 0;

/** 0,1,2,4 -> "0–2, 4" */
export function partitionRanges(partitions: number[]): string {
  const sorted = [...partitions].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i + 1 ? `${sorted[i]}–${sorted[j]}` : j === i + 1 ? `${sorted[i]}, ${sorted[j]}` : `${sorted[i]}`);
    i = j;
  }
  return parts.join(', ');
}

/** The group's verdict in words, with ✓/✗ so it never depends on colour. */
export function groupVerdict(g: LabGroupView, partitions: LabPartition[]): { ok: boolean; text: string } {
  const c = g.check;
  const owned =
    c.disjoint && c.covered
      ? t('partitions {0} each owned once', partitionRanges(partitions.map((p) => p.partition)))
      : [
          c.shared.length ? t('partitions {0} owned twice', c.shared.join(', ')) : '',
          c.unowned.length ? t('partitions {0} unowned', c.unowned.join(', ')) : '',
        ]
          .filter(Boolean)
          .join(', ');
  const messages = c.everyMessageOnce
    ? t('all {0} messages, each once', formatCount(c.expected))
    : t('{0} of {1} messages', formatCount(c.received), formatCount(c.expected));
  const ok = c.everyMessageOnce && c.disjoint && c.covered;
  return { ok, text: `${ok ? '✓' : '✗'} ${messages} · ${owned}` };
}

export class GroupLane {
  readonly element: HTMLElement;
  private readonly meta = el('span', { class: 'lane-meta muted' });
  private readonly check = el('div', { class: 'lane-check' });
  private readonly members = el('ul', { class: 'members' });
  private readonly cards = new Map<string, MemberCard>();
  readonly addButton: HTMLButtonElement;

  constructor(
    private readonly groupId: string,
    private readonly actions: LaneActions,
  ) {
    const titleId = `lane-title-${++laneNumber}`;
    this.addButton = el('button', {
      type: 'button',
      class: 'secondary',
      'aria-label': t('Add a member to {0}', groupId),
      text: t('Add member'),
    });
    this.addButton.addEventListener('click', () => actions.addMember(groupId, this.addButton));
    this.element = el(
      'section',
      { class: 'lane', 'aria-labelledby': titleId },
      el(
        'header',
        { class: 'lane-head' },
        el('h3', { id: titleId, class: 'lane-title', text: groupId }),
        this.meta,
        this.addButton,
      ),
      this.check,
      this.members,
    );
  }

  update(g: LabGroupView, partitions: LabPartition[]): void {
    const live = g.members.filter((m) => ['active', 'joining', 'foreign', 'unknown'].includes(m.state)).length;
    const members = live === 1 ? t('{0} member', 1) : t('{0} members', formatCount(live));
    const rebalances = g.rebalances === 1 ? t('{0} rebalance', 1) : t('{0} rebalances', formatCount(g.rebalances));
    // The state is the broker's own word (Stable, PreparingRebalance…), as Kafka's tools print it.
    setText(this.meta, `${g.state} · ${members} · ${rebalances}`);
    const verdict = groupVerdict(g, partitions);
    setText(this.check, verdict.text);
    setAttr(this.check, 'class', `lane-check ${verdict.ok ? 'ok' : 'not-ok'}`);
    const seen = new Set<string>();
    const cards = g.members.map((m) => {
      const key = m.ours ? `ours:${m.name}` : `foreign:${m.memberId ?? m.name}`;
      seen.add(key);
      let card = this.cards.get(key);
      if (!card) {
        card = new MemberCard(
          m,
          this.groupId,
          (button) => this.actions.stopMember(this.groupId, m.name, button),
          () => this.addButton.focus(),
        );
        this.cards.set(key, card);
      } else card.update(m);
      return card.element;
    });
    for (const key of [...this.cards.keys()]) if (!seen.has(key)) this.cards.delete(key);
    placeChildren(this.members, cards);
  }
}
