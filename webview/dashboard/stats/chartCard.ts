// A titled box around one chart.
import { el } from '../../dom';

export function chartCard(title: string, chart: { element: HTMLElement }, note?: string): HTMLElement {
  const heading = el('h3', { text: title });
  const card = el('section', { class: 'card chart-card' }, heading, chart.element);
  if (note) card.append(el('p', { class: 'card-note', text: note }));
  return card;
}
