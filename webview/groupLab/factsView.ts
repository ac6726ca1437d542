// The two facts of the lab, each with a verdict (✓/✗ and words, never colour alone) and the
// numbers behind it.
import type { LabSnapshot } from '../../src/shared/groupLabProtocol';
import { el, setAttr, setText } from '../dom';
import { formatCount, plural } from '../format';

interface Fact {
  root: HTMLElement;
  verdict: HTMLElement;
  text: HTMLElement;
}

function fact(name: string, question: string): Fact {
  const verdict = el('span', { class: 'fact-verdict' });
  const text = el('p', { class: 'fact-text' });
  const root = el(
    'div',
    { class: 'fact', 'data-fact': name },
    el('div', { class: 'fact-head' }, el('h2', { class: 'fact-name', text: name }), verdict),
    el('p', { class: 'fact-question muted', text: question }),
    text,
  );
  return { root, verdict, text };
}

function setVerdict(f: Fact, ok: boolean, text: string): void {
  setText(f.verdict, ok ? '✓ holds' : '✗ not yet');
  setAttr(f.root, 'class', `fact ${ok ? 'ok' : 'not-ok'}`);
  setText(f.text, text);
}

export class FactsView {
  readonly element: HTMLElement;
  private readonly balance = fact('Load balancing', 'Within one group, do the members share the work?');
  private readonly fanout = fact('Fanout', 'Does every group get every message?');

  constructor() {
    this.element = el(
      'div',
      { class: 'facts', role: 'group', 'aria-label': 'The two facts' },
      this.balance.root,
      this.fanout.root,
    );
  }

  update(s: LabSnapshot): void {
    if (s.connection.status !== 'live' && (s.phase === 'running' || s.phase === 'starting')) {
      for (const f of [this.balance, this.fanout]) {
        setText(f.verdict, '? unknown');
        setAttr(f.root, 'class', 'fact unknown');
        setText(f.text, 'Not checked while the broker cannot be reached: the counts shown are from before.');
      }
      return;
    }
    if (s.messages === 0 && s.groups.length > 0) {
      // Nothing to share or to copy yet: a ✓ over zero messages would prove nothing.
      for (const f of [this.balance, this.fanout]) {
        setText(f.verdict, '– no messages yet');
        setAttr(f.root, 'class', 'fact unknown');
        setText(f.text, 'Produce messages to see how the groups and their members read them.');
      }
      return;
    }
    const n = formatCount(s.messages);
    const parts = s.partitions.length;
    const unbalanced = s.groups.filter(
      (g) => !(g.check.disjoint && g.check.covered && g.check.received === g.check.expected),
    );
    setVerdict(
      this.balance,
      s.balanceOk,
      s.balanceOk
        ? `In each group the members own different partitions, together all ${parts}, and their counts add up to ${n}.`
        : `Not yet in ${unbalanced.map((g) => g.groupId).join(', ') || 'any group'}: a group is still rebalancing or catching up.`,
    );
    const behind = s.groups.filter((g) => !g.check.everyMessageOnce);
    setVerdict(
      this.fanout,
      s.fanoutOk,
      s.fanoutOk
        ? `Each of the ${plural(s.groups.length, 'group')} received all ${n} messages: every group gets its own copy.`
        : behind
            .map((g) => `${g.groupId}: ${formatCount(g.check.received)} of ${formatCount(g.check.expected)}`)
            .join(' · ') || 'No group yet.',
    );
  }
}
