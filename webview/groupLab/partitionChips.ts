// Partition chips: the number as text plus a colour per partition from the theme's chart
// colours (8 classes, repeating), so "who owns what" reads at a glance and without colour.
import { el, placeChildren, setText } from '../dom';
import { t } from '../l10n';

const COLOURS = 8;

/** "P0 P3" style labels, always with the numbers as text (colour is only a second cue). */
export const partitionLabel = (p: number): string => `P${p}`;

export function partitionChip(partition: number, detail?: string): HTMLElement {
  const chip = el('span', { class: `chip part-${partition % COLOURS}`, 'data-partition': partition });
  chip.append(el('span', { class: 'chip-label', text: partitionLabel(partition) }));
  if (detail !== undefined) chip.append(' ', el('span', { class: 'chip-detail', text: detail }));
  return chip;
}

/** Replaces the chips in `list` with chips for `partitions` (reusing the ones that stay). */
export function updateChips(
  list: HTMLElement,
  partitions: number[],
  detail?: (p: number) => string,
  empty = t('none'),
): void {
  const existing = new Map(
    Array.from(list.querySelectorAll<HTMLElement>('.chip, .chip-none')).map((c) => [Number(c.dataset.partition), c]),
  );
  const chips = partitions.map((p) => {
    const chip = existing.get(p) ?? partitionChip(p, detail ? '' : undefined);
    const text = detail?.(p);
    const detailElement = chip.querySelector('.chip-detail');
    if (text !== undefined && detailElement) setText(detailElement, text);
    return chip;
  });
  if (chips.length === 0) {
    const none = existing.get(-1) ?? el('span', { class: 'chip-none muted', 'data-partition': -1 });
    setText(none, empty);
    chips.push(none);
  }
  placeChildren(list, chips);
}
