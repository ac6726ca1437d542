// One card per broker: its state in words and a shape (● up, ○ down, ★ controller), never colour
// alone, and its Stop, Kill and Start buttons. Cards are kept and updated in place, so a
// focused button keeps focus across updates.
import type { ClusterNodeStatus, NodeActionName } from '../../src/shared/replicationProtocol';
import { el, placeChildren, setAttr, setText } from '../dom';
import { t } from '../l10n';

export type NodeActionHandler = (action: NodeActionName, nodeId: number, button: HTMLButtonElement) => void;

const buttons = (): Array<{ action: NodeActionName; label: string; hint: string }> => [
  { action: 'stop', label: t('Stop'), hint: t('clean shutdown (SIGTERM)') },
  { action: 'kill', label: t('Kill'), hint: t('crash (SIGKILL)') },
  { action: 'start', label: t('Start'), hint: t('start the node again') },
];

class BrokerCard {
  readonly element: HTMLElement;
  private readonly state = el('p', { class: 'broker-state' });
  private readonly detail = el('p', { class: 'broker-detail muted' });
  readonly buttons = new Map<NodeActionName, HTMLButtonElement>();

  constructor(
    readonly nodeId: number,
    onAction: NodeActionHandler,
  ) {
    const actions = el('div', { class: 'broker-actions' });
    for (const b of buttons()) {
      const button = el('button', {
        type: 'button',
        class: b.action === 'start' ? '' : 'secondary',
        'aria-label': t('{0} node {1}: {2}', b.label, nodeId, b.hint),
        title: b.hint,
        text: b.label,
      });
      button.addEventListener('click', () => onAction(b.action, nodeId, button));
      this.buttons.set(b.action, button);
      actions.append(button);
    }
    this.element = el(
      'article',
      { class: 'broker', 'aria-label': t('Node {0}', nodeId), 'data-node': nodeId },
      el('h3', { class: 'broker-name', text: t('Node {0}', nodeId) }),
      this.state,
      this.detail,
      actions,
    );
  }

  update(b: ClusterNodeStatus): void {
    const up = b.state === 'up';
    setText(this.state, up ? (b.controller ? t('★ up · controller') : t('● up')) : t('○ down'));
    setText(this.detail, `port ${b.port}${b.pid ? ` · pid ${b.pid}` : ''}`);
    setAttr(this.element, 'data-state', up ? (b.controller ? 'controller' : 'up') : 'down');
    // A stopped node cannot be stopped again, a running one not started: said, not hidden.
    this.buttons.get('stop')!.dataset.fits = String(up);
    this.buttons.get('kill')!.dataset.fits = String(up);
    this.buttons.get('start')!.dataset.fits = String(!up);
  }
}

export class BrokerCards {
  readonly element = el('div', { class: 'brokers' });
  private readonly cards = new Map<number, BrokerCard>();

  constructor(private readonly onAction: NodeActionHandler) {}

  update(brokers: ClusterNodeStatus[]): void {
    const cards = brokers.map((b) => {
      let card = this.cards.get(b.nodeId);
      if (!card) {
        card = new BrokerCard(b.nodeId, this.onAction);
        this.cards.set(b.nodeId, card);
      }
      card.update(b);
      return card.element;
    });
    placeChildren(this.element, cards);
  }
}
