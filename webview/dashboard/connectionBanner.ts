// The connection line both panels show above their numbers: Live, Reconnecting… (why),
// Disconnected (why, with Retry, and Start Local Broker when the cluster is the editor's
// local broker) or Catching up. While it is not Live the numbers are marked stale.
import type { PanelConnection } from '../../src/shared/protocol';
import { el, setText, show } from '../dom';
import { formatClockTime } from '../format';
import { t } from '../l10n';

export interface ConnectionActions {
  retry(): void;
  startBroker(): void;
}

const statusText = (status: PanelConnection['status']): string =>
  ({
    connecting: t('Connecting…'),
    live: t('Live'),
    reconnecting: t('Reconnecting…'),
    disconnected: t('Disconnected'),
    'catching-up': t('Catching up…'),
  })[status];

/** What the panel says about its numbers under the status. */
function detailText(c: PanelConnection): string {
  const since = formatClockTime(c.sinceMs);
  const reason = c.reason ?? t('the broker does not answer');
  switch (c.status) {
    case 'reconnecting':
      return t('{0} (since {1}). The numbers below are stale.', reason, since);
    case 'disconnected':
      return t(
        '{0} (since {1}). The numbers below are from before; they resume by themselves when the broker is back.',
        reason,
        since,
      );
    case 'catching-up':
      return t('The broker is back: reading what arrived meanwhile. Checks wait until it caught up.');
    default:
      return '';
  }
}

export class ConnectionBanner {
  readonly element: HTMLElement;
  private readonly status = el('strong', { class: 'connection-status', 'data-stat': 'connection' });
  private readonly detail = el('span', { class: 'connection-detail', 'data-stat': 'connection.detail' });
  // Plain buttons: the group lab's page admits no UI toolkit.
  private readonly retryButton = el('button', {
    type: 'button',
    class: 'connection-button secondary',
    title: t('Ask the broker again now'),
    text: t('Retry'),
  });
  private readonly startButton = el('button', {
    type: 'button',
    class: 'connection-button',
    title: t("Start the editor's local Kafka broker"),
    text: t('Start Local Broker'),
  });

  constructor(actions: ConnectionActions) {
    this.element = el(
      'div',
      { class: 'connection connection-connecting', role: 'status', 'aria-live': 'polite' },
      this.status,
      this.detail,
      el('span', { class: 'connection-actions' }, this.startButton, this.retryButton),
    );
    this.retryButton.addEventListener('click', () => actions.retry());
    this.startButton.addEventListener('click', () => actions.startBroker());
    show(this.startButton, false);
    show(this.retryButton, false);
  }

  /** Whether the view's numbers are current. */
  static isCurrent(c: PanelConnection | undefined): boolean {
    return c === undefined || c.status === 'live';
  }

  update(c: PanelConnection | undefined): void {
    const status = c?.status ?? 'live';
    this.element.className = `connection connection-${status}`;
    setText(this.status, statusText(status));
    setText(this.detail, c ? detailText(c) : '');
    const down = status === 'disconnected' || status === 'reconnecting';
    show(this.retryButton, down);
    show(this.startButton, down && (c?.localBroker ?? false));
  }
}
