// One member of a group: its name, whether the lab started it or another process did, the
// partitions it owns (chips with numbers), how many messages it received, and a Stop button.
import type { LabMemberView } from '../../src/shared/groupLabProtocol';
import { el, setAttr, setText } from '../dom';
import { formatCount } from '../format';
import { t } from '../l10n';
import { partitionLabel, updateChips } from './partitionChips';

const stateText = (state: LabMemberView['state']): string =>
  ({
    joining: t('joining…'),
    active: t('active'),
    stopped: t('stopped'),
    crashed: t('crashed'),
    unknown: t('unknown: the broker cannot be reached'),
    foreign: t('active'),
  })[state];

export class MemberCard {
  readonly element: HTMLLIElement;
  private readonly state = el('span', { class: 'member-state' });
  private readonly messages = el('span', { class: 'member-count' });
  private readonly unit = el('span', { class: 'member-unit' });
  private readonly chips = el('span', { class: 'chips' });
  private readonly perPartition = el('div', { class: 'member-detail muted' });
  private readonly ids = el('div', { class: 'member-ids muted' });
  private readonly error = el('div', { class: 'member-error', role: 'alert' });
  readonly stopButton: HTMLButtonElement | undefined;

  /** `focusInstead` takes the keyboard focus when the focused Stop button disappears. */
  constructor(
    member: LabMemberView,
    groupId: string,
    onStop: (button: HTMLButtonElement) => void,
    private readonly focusInstead: () => void,
  ) {
    const tag = member.ours
      ? el('span', { class: 'tag', text: t('started here') })
      : el('span', { class: 'tag tag-foreign', text: t('other process') });
    this.element = el(
      'li',
      { class: `member ${member.ours ? 'ours' : 'foreign'}` },
      el('div', { class: 'member-head' }, el('span', { class: 'member-name', text: member.name }), tag, this.state),
      el('div', { class: 'member-total' }, this.messages, this.unit),
      el('div', { class: 'member-owns' }, el('span', { class: 'muted', text: `${t('owns')} ` }), this.chips),
      this.perPartition,
      this.ids,
      this.error,
    );
    if (member.ours) {
      this.stopButton = el('button', {
        type: 'button',
        class: 'secondary',
        'aria-label': t('Stop member {0} of {1}', member.name, groupId),
        text: t('Stop'),
      });
      this.stopButton.addEventListener('click', () => onStop(this.stopButton!));
      this.element.querySelector('.member-head')!.append(this.stopButton);
    }
    this.update(member);
  }

  update(m: LabMemberView): void {
    setAttr(this.element, 'class', `member ${m.ours ? 'ours' : 'foreign'} state-${m.state}`);
    setText(this.state, stateText(m.state));
    setText(this.messages, formatCount(m.messages));
    const unit = m.ours ? (m.messages === 1 ? t('message') : t('messages')) : t('messages (from committed offsets)');
    setText(this.unit, ` ${unit}`);
    updateChips(
      this.chips,
      m.partitions,
      undefined,
      m.state === 'stopped' || m.state === 'crashed' ? t('nothing (left the group)') : t('nothing yet'),
    );
    setText(
      this.perPartition,
      m.perPartition.length
        ? t(
            'read {0}',
            m.perPartition.map((r) => `${partitionLabel(r.partition)} ${formatCount(r.messages)}`).join(' · '),
          )
        : '',
    );
    const memberId = m.memberId ?? t('not joined yet');
    setText(
      this.ids,
      m.host
        ? t('client {0} on {1} · member {2}', m.clientId, m.host, memberId)
        : t('client {0} · member {1}', m.clientId, memberId),
    );
    setAttr(this.ids, 'title', `${t('client id: {0}', m.clientId)}\n${t('member id: {0}', memberId)}`);
    setText(this.error, m.error ?? '');
    if (this.stopButton) {
      const gone = !(m.state === 'active' || m.state === 'joining');
      if (gone && document.activeElement === this.stopButton) this.focusInstead();
      this.stopButton.hidden = gone;
    }
  }
}
