// One member of a group: its name, whether the lab started it or another process did, the
// partitions it owns (chips with numbers), how many messages it received, and a Stop button.
import type { LabMemberView } from '../../src/shared/groupLabProtocol';
import { el, setAttr, setText } from '../dom';
import { formatCount } from '../format';
import { partitionLabel, updateChips } from './partitionChips';

const STATE_TEXT: Record<LabMemberView['state'], string> = {
  joining: 'joining…',
  active: 'active',
  stopped: 'stopped',
  crashed: 'crashed',
  unknown: 'unknown: the broker cannot be reached',
  foreign: 'active',
};

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
      ? el('span', { class: 'tag', text: 'started here' })
      : el('span', { class: 'tag tag-foreign', text: 'other process' });
    this.element = el(
      'li',
      { class: `member ${member.ours ? 'ours' : 'foreign'}` },
      el('div', { class: 'member-head' }, el('span', { class: 'member-name', text: member.name }), tag, this.state),
      el('div', { class: 'member-total' }, this.messages, this.unit),
      el('div', { class: 'member-owns' }, el('span', { class: 'muted', text: 'owns ' }), this.chips),
      this.perPartition,
      this.ids,
      this.error,
    );
    if (member.ours) {
      this.stopButton = el('button', {
        type: 'button',
        class: 'secondary',
        'aria-label': `Stop member ${member.name} of ${groupId}`,
        text: 'Stop',
      });
      this.stopButton.addEventListener('click', () => onStop(this.stopButton!));
      this.element.querySelector('.member-head')!.append(this.stopButton);
    }
    this.update(member);
  }

  update(m: LabMemberView): void {
    setAttr(this.element, 'class', `member ${m.ours ? 'ours' : 'foreign'} state-${m.state}`);
    setText(this.state, STATE_TEXT[m.state]);
    setText(this.messages, formatCount(m.messages));
    setText(this.unit, m.ours ? (m.messages === 1 ? ' message' : ' messages') : ' messages (from committed offsets)');
    updateChips(
      this.chips,
      m.partitions,
      undefined,
      m.state === 'stopped' || m.state === 'crashed' ? 'nothing (left the group)' : 'nothing yet',
    );
    setText(
      this.perPartition,
      m.perPartition.length
        ? `read ${m.perPartition.map((r) => `${partitionLabel(r.partition)} ${formatCount(r.messages)}`).join(' · ')}`
        : '',
    );
    const memberId = m.memberId ?? 'not joined yet';
    setText(this.ids, `client ${m.clientId}${m.host ? ` on ${m.host}` : ''} · member ${memberId}`);
    setAttr(this.ids, 'title', `client id: ${m.clientId}\nmember id: ${memberId}`);
    setText(this.error, m.error ?? '');
    if (this.stopButton) {
      const gone = !(m.state === 'active' || m.state === 'joining');
      if (gone && document.activeElement === this.stopButton) this.focusInstead();
      this.stopButton.hidden = gone;
    }
  }
}
