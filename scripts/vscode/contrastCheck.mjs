// WCAG AA contrast of every visible text in a webview, computed from the browser's computed
// styles: the text colour against the background that really shows behind it (ancestors'
// backgrounds blended by their alpha, down to the page). Normal text needs 4.5:1, large text
// (24px, or 18.66px bold) 3:1. Used by the dashboard and group lab UI scripts in each theme.

/** Runs inside the webview document: the texts below their contrast minimum. */
function lowContrastTexts() {
  const alphaOf = (text) => (text === undefined ? 1 : text.endsWith('%') ? parseFloat(text) / 100 : parseFloat(text));
  // Computed colours are rgb()/rgba(), or color(srgb …) for color-mix() results.
  const parse = (css) => {
    const rgb = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+%?))?\)/.exec(css);
    if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), alphaOf(rgb[4])];
    const srgb = /color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+%?))?\)/.exec(css);
    if (srgb) return [1, 2, 3].map((i) => Number(srgb[i]) * 255).concat(alphaOf(srgb[4]));
    return undefined;
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
  };
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  /** The background behind `el`: its own and its ancestors' backgrounds, outermost first. */
  const backgroundOf = (el) => {
    const layers = [];
    for (let node = el; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg && bg[3] > 0) layers.push(bg);
      if (bg && bg[3] >= 1) break;
    }
    let result = parse(getComputedStyle(document.documentElement).backgroundColor) ?? [255, 255, 255, 1];
    if (result[3] < 1) result = over(result, [255, 255, 255, 1]);
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const visible = (el) => {
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const problems = [];
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const el = text.parentElement;
    const words = text.textContent.trim();
    if (!el || !words || seen.has(el) || !visible(el) || el.closest('[aria-hidden="true"]')) continue;
    seen.add(el);
    const style = getComputedStyle(el);
    const color = parse(style.color);
    if (!color) continue;
    const background = backgroundOf(el);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const needed = large ? 3 : 4.5;
    // Disabled controls are exempt in WCAG 1.4.3.
    if (el.closest(':disabled, [aria-disabled="true"]')) continue;
    const measured = ratio(over(color, background), background);
    if (measured < needed) {
      const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`;
      problems.push({ text: words.slice(0, 60), element: name, ratio: Math.round(measured * 100) / 100, needed });
    }
  }
  return problems;
}

/**
 * The texts of a webview (a Playwright FrameLocator) below WCAG AA, as readable lines:
 * `"✓ Every produced line…" (p.verdict.verdict-good) 1.88:1, needs 4.5:1`.
 */
export async function contrastProblems(frame) {
  const problems = await frame.locator('body').evaluate(lowContrastTexts);
  return problems.map((p) => `"${p.text}" (${p.element}) ${p.ratio}:1, needs ${p.needed}:1`);
}
