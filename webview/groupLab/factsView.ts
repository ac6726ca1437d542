// The two facts of the lab, each with a verdict (✓/✗ and words, never colour alone) and the
// numbers behind it.
import type { LabSnapshot } from '../../src/shared/groupLabProtocol';
import { el, setAttr, setText } from '../dom';
import { formatCount } from '../format';
import { t } from '../l10n';

interface Fact {
  root: HTMLElement;
  verdict: HTMLElement;
  text: HTMLElement;
}

/** `key` names the fact in the markup (data-fact), whatever the display language. */
function fact(key: string, name: string, question: string): Fact {
  const verdict = el('span', { class: 'fact-verdict' });
  const text = el('p', { class: 'fact-text' });
  const root = el(
    'div',
    { class: 'fact', 'data-fact': key },
    el('div', { class: 'fact-head' }, el('h2', { class: 'fact-name', text: name }), verdict),
    el('p', { class: 'fact-question muted', text: question }),
    text,
  );
  return { root, verdict, text };
}

function setVerdict(f: Fact, ok: boolean, text: string): void {
  setText(f.verdict, ok ? t('✓ holds') : t('✗ not yet'));
  setAttr(f.root, 'class', `fact ${ok ? 'ok' : 'not-ok'}`);
  setText(f.text, text);
}

export class FactsView {
  readonly element: HTMLElement;
  private readonly balance = fact(
    'Load balancing',
    t('Load balancing'),
    t('Within one group, do the members share the work?'),
  );
  private readonly fanout = fact('Fanout', t('Fanout'), t('Does every group get every message?'));

  constructor() {
    this.element = el(
      'div',
      { class: 'facts', role: 'group', 'aria-label': t('The two facts') },
      this.balance.root,
      this.fanout.root,
    );
  }

  update(s: LabSnapshot): void {
    if (s.connection.status !== 'live' && (s.phase === 'running' || s.phase === 'starting')) {
      for (const f of [this.balance, this.fanout]) {
        setText(f.verdict, t('? unknown'));
        setAttr(f.root, 'class', 'fact unknown');
        setText(f.text, t('Not checked while the broker cannot be reached: the counts shown are from before.'));
      }
      return;
    }
    if (s.messages === 0 && s.groups.length > 0) {
      // Nothing to share or to copy yet: a ✓ over zero messages would prove nothing.
      for (const f of [this.balance, this.fanout]) {
        setText(f.verdict, t('– no messages yet'));
        setAttr(f.root, 'class', 'fact unknown');
        setText(f.text, t('Produce messages to see how the groups and their members read them.'));
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
        ? t(
            'In each group the members own different partitions, together all {0}, and their counts add up to {1}.',
            parts,
            n,
          )
        : unbalanced.length
          ? t(
              'Not yet in {0}: a group is still rebalancing or catching up.',
              unbalanced.map((g) => g.groupId).join(', '),
            )
          : t('Not yet in any group: a group is still rebalancing or catching up.'),
    );
    const behind = s.groups.filter((g) => !g.check.everyMessageOnce);
    setVerdict(
      this.fanout,
      s.fanoutOk,
      s.fanoutOk
        ? s.groups.length === 1
          ? t('Each of the {0} group received all {1} messages: every group gets its own copy.', 1, n)
          : t(
              'Each of the {0} groups received all {1} messages: every group gets its own copy.',
              formatCount(s.groups.length),
              n,
            )
        : behind
            .map((g) => t('{0}: {1} of {2}', g.groupId, formatCount(g.check.received), formatCount(g.check.expected)))
            .join(' · ') || t('No group yet.'),
    );
  }
}
