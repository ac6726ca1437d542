// One row per partition of the lab topic: its replicas in order, each marked as leader (★ and
// the word), in sync (✓) or out of sync (✗), so shape and text carry what colour only repeats.
import type { PartitionInfo } from '../../src/shared/replicationProtocol';
import { el, placeChildren, setAttr, setText } from '../dom';
import { t } from '../l10n';

function replicaText(p: PartitionInfo, id: number): { text: string; kind: string } {
  const inSync = p.isr.includes(id);
  if (p.leader === id) return { text: t('★ node {0} leader', id), kind: 'leader' };
  return inSync
    ? { text: t('✓ node {0} in sync', id), kind: 'in-sync' }
    : { text: t('✗ node {0} out of sync', id), kind: 'out' };
}

class PartitionRow {
  readonly element: HTMLElement;
  private readonly replicas = el('ul', { class: 'replicas' });
  private readonly summary = el('span', { class: 'partition-summary muted' });

  constructor(readonly partition: number) {
    this.element = el(
      'div',
      { class: 'partition-row', role: 'group', 'aria-label': t('Partition {0}', partition) },
      el('span', { class: 'partition-name', text: `P${partition}` }),
      this.replicas,
      this.summary,
    );
  }

  update(p: PartitionInfo): void {
    const items = p.replicas.map((id, i) => {
      const item = (this.replicas.children[i] as HTMLLIElement | undefined) ?? el('li', { class: 'replica' });
      const { text, kind } = replicaText(p, id);
      setText(item, text);
      setAttr(item, 'data-kind', kind);
      return item;
    });
    placeChildren(this.replicas, items);
    const leader =
      p.leader < 0 ? t('no leader: the partition cannot be written') : `ISR ${p.isr.length}/${p.replicas.length}`;
    setText(this.summary, leader);
    setAttr(this.element, 'data-leaderless', String(p.leader < 0));
  }
}

export class PartitionRows {
  readonly element = el('div', { class: 'partition-rows' });
  private readonly rows = new Map<number, PartitionRow>();

  update(partitions: PartitionInfo[]): void {
    const rows = [...partitions]
      .sort((a, b) => a.partition - b.partition)
      .map((p) => {
        let row = this.rows.get(p.partition);
        if (!row) {
          row = new PartitionRow(p.partition);
          this.rows.set(p.partition, row);
        }
        row.update(p);
        return row.element;
      });
    if (rows.length === 0)
      rows.push(el('p', { class: 'muted', text: t('No partitions yet: the topic is being created.') }));
    placeChildren(this.element, rows);
  }
}
