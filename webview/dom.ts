// Building the DOM without HTML strings: every text goes through textContent, so message
// values and names that come from the broker (group ids, client ids, hosts) can never
// become markup. Updates touch the DOM only when something changed, so they are cheap on
// every update, focus survives and screen readers stay quiet.

type Attributes = Record<string, string | number | boolean | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === 'text') element.textContent = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children);
  return element;
}

/** Sets text only when it changed. */
export function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

export function setAttr(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

export function show(element: HTMLElement, visible: boolean): void {
  element.hidden = !visible;
}

/** Puts `children` into `parent` in this order, moving only what is out of place (focus survives). */
export function placeChildren(parent: Element, children: Element[]): void {
  children.forEach((child, i) => {
    if (parent.children[i] !== child) parent.insertBefore(child, parent.children[i] ?? null);
  });
  while (parent.children.length > children.length) parent.lastElementChild!.remove();
}

/** A visually hidden live region that screen readers announce politely. */
export function liveRegion(): HTMLElement {
  return el('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
}
