// The live account: acknowledged against consumed, and the numbers that matter for durability
// (lost acknowledged messages, duplicates), each with a word saying what it counts.
import type { ReplicationAccount } from '../../src/shared/replicationProtocol';
import { el, setAttr, setText } from '../dom';
import { formatCount } from '../format';
import { t } from '../l10n';

/**
 * `name` names the row in the markup (data-name) and in report(), whatever the display
 * language; `label` is what the row shows.
 */
interface Row {
  key: keyof ReplicationAccount;
  name: string;
  label: string;
  hint: string;
  alarm?: boolean;
}

const rows = (): Row[] => [
  { key: 'sent', name: 'sent', label: t('sent'), hint: t('handed to the producer') },
  { key: 'acknowledged', name: 'acknowledged', label: t('acknowledged'), hint: t('confirmed by the cluster') },
  { key: 'failed', name: 'refused', label: t('refused'), hint: t('the producer reported an error') },
  { key: 'consumed', name: 'consumed', label: t('consumed'), hint: t('read back by an independent consumer') },
  {
    key: 'lostAcknowledged',
    name: 'lost',
    label: t('lost'),
    hint: t('acknowledged, not found in the topic at the end'),
    alarm: true,
  },
  {
    key: 'foundOnReread',
    name: 'read late',
    label: t('read late'),
    hint: t('in the topic, read only by a second read'),
  },
  { key: 'duplicates', name: 'duplicates', label: t('duplicates'), hint: t('read more than once'), alarm: true },
];

export class AccountView {
  readonly element: HTMLElement;
  private readonly values = new Map<string, HTMLElement>();
  private readonly rows = new Map<string, HTMLElement>();
  private readonly shown = rows();

  constructor() {
    const list = el('dl', { class: 'account' });
    for (const r of this.shown) {
      const value = el('dd', { class: 'account-value', text: '–' });
      const row = el(
        'div',
        { class: 'account-row', 'data-name': r.name },
        el(
          'dt',
          {},
          el('span', { class: 'account-name', text: r.label }),
          el('span', { class: 'muted', text: r.hint }),
        ),
        value,
      );
      this.values.set(r.name, value);
      this.rows.set(r.name, row);
      list.append(row);
    }
    this.element = list;
  }

  /**
   * While producing, an acknowledged message the consumer has not read yet is in flight, not
   * lost: "lost" is a verdict only once the lab finished and the consumer read everything it could.
   */
  update(account: ReplicationAccount | undefined, final: boolean): void {
    for (const r of this.shown) {
      const n = account?.[r.key];
      const value = typeof n === 'number' ? n : undefined;
      const live = r.key === 'lostAcknowledged' && !final;
      // Lost and duplicates carry a sign, not only a colour: "0 ✓" or "3 ✗".
      const mark = r.alarm && value !== undefined && !live ? (value === 0 ? ' ✓' : ' ✗') : '';
      const text =
        value === undefined ? '–' : live ? t('{0} not read yet', formatCount(value)) : `${formatCount(value)}${mark}`;
      setText(this.values.get(r.name)!, text);
      const verdict = !r.alarm || value === undefined || live ? 'none' : value === 0 ? 'ok' : 'bad';
      setAttr(this.rows.get(r.name)!, 'data-verdict', verdict);
    }
  }

  /** name -> shown value (extension tests read it). */
  report(): Record<string, string> {
    return Object.fromEntries([...this.values].map(([name, v]) => [name, v.textContent ?? '']));
  }
}
