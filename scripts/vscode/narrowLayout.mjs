// The panels at a 700 px editor width: today's VS Code opens a chat side panel by default, which
// squeezes the editor area. Used by ui-smoke.mjs --narrow once a dashboard is open.
import path from 'node:path';
import { repoRoot } from './codeServer.mjs';
import { runCommand, appears } from './workbench.mjs';

const EDITOR_WIDTH = 700;
const shots = path.join(repoRoot, 'test-results/screenshots');
const visibleWebview = (page) => page.frameLocator('iframe.webview >> visible=true').frameLocator('#active-frame');

/** Resizes the window so the editor area is EDITOR_WIDTH wide, whatever side bars are open. */
export async function narrowEditor(page, log) {
  const box = async () => (await page.locator('.part.editor').first().boundingBox())?.width ?? 0;
  const aux = await page
    .locator('.part.auxiliarybar')
    .first()
    .isVisible()
    .catch(() => false);
  for (let i = 0; i < 3; i++) {
    const size = page.viewportSize();
    const width = await box();
    if (Math.abs(width - EDITOR_WIDTH) <= 2) break;
    await page.setViewportSize({ width: Math.round(size.width - (width - EDITOR_WIDTH)), height: size.height });
    await page.waitForTimeout(1500);
  }
  const width = await box();
  log(`editor area ${width} px in a ${page.viewportSize().width} px window; secondary side bar visible: ${aux}`);
  return width;
}

/** Elements that stick out past the document's right edge, outside any scrolling container. */
function clippedElements() {
  const limit = document.documentElement.clientWidth + 1;
  const scrolls = (e) => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX);
  const insideScroller = (e) => {
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) if (scrolls(p)) return true;
    return false;
  };
  const out = [...document.querySelectorAll('body *')].filter((e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.right > limit && !insideScroller(e);
  });
  return {
    width: document.documentElement.clientWidth,
    scrollWidth: document.documentElement.scrollWidth,
    clipped: out.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`),
  };
}

export async function checkUnclipped(frame, what, check) {
  const r = await frame.locator('body').evaluate(clippedElements);
  check(
    r.scrollWidth <= r.width + 1 && r.clipped.length === 0,
    `${what} fits ${r.width} px: no horizontal overflow (scroll width ${r.scrollWidth})` +
      (r.clipped.length ? `, sticking out: ${r.clipped.join(', ')}` : ''),
  );
}

/** The toolkit's web components draw their shadow DOM and Tab reaches one of them. */
async function checkToolkit(page, frame, check) {
  const rendered = await frame
    .locator('body')
    .evaluate(() =>
      [...document.querySelectorAll('vscode-button, vscode-text-field, vscode-dropdown, vscode-checkbox')]
        .filter((e) => e.getBoundingClientRect().width > 0)
        .map((e) => ({ tag: e.tagName.toLowerCase(), drawn: (e.shadowRoot?.childElementCount ?? 0) > 0 })),
    );
  const tags = [...new Set(rendered.map((r) => r.tag))].join(', ');
  check(rendered.length > 0 && rendered.every((r) => r.drawn), `toolkit components render (${tags || 'none found'})`);
  await checkTabReaches(page, frame, check, 'vscode-', 'a toolkit control');
}

/** Tab, from the page's heading, reaches an element whose tag starts with `tagPrefix`. */
async function checkTabReaches(page, frame, check, tagPrefix, what) {
  await frame.locator('h1, h2, header').first().click({ timeout: 10000 });
  let focused = '';
  for (let i = 0; i < 40 && !focused.startsWith(tagPrefix); i++) {
    await page.keyboard.press('Tab');
    focused = await frame.locator('body').evaluate(() => document.activeElement?.tagName.toLowerCase() ?? '');
  }
  check(focused.startsWith(tagPrefix), `Tab moves keyboard focus onto ${what} (${focused || 'nothing'})`);
}

async function openGroupLab(page, topic) {
  await runCommand(page, 'Kafka Log Lab: Consumer Group Lab…');
  const answer = async (text) => {
    await page.locator('.quick-input-widget input').waitFor();
    await page.waitForTimeout(400);
    if (text) await page.locator('.quick-input-widget input').fill(text);
    await page.keyboard.press('Enter');
  };
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New topic…' }).first().waitFor();
  // The pick's filter leaves "New topic…" as the only row; then its name, 2 groups of 3.
  for (const text of ['New topic', topic, '2', '3']) await answer(text);
}

export async function narrowLayoutChecks(page, { check, log, topic }) {
  const width = await narrowEditor(page, log);
  check(Math.abs(width - EDITOR_WIDTH) <= 2, `the editor area is ${EDITOR_WIDTH} px wide (${width})`);
  const dashboard = visibleWebview(page);
  await page.waitForTimeout(1000);
  await checkUnclipped(dashboard, 'the dashboard', check);
  await page.screenshot({ path: path.join(shots, 'narrow-dashboard.png') });
  await checkToolkit(page, dashboard, check);

  await openGroupLab(page, topic);
  const lab = visibleWebview(page);
  check(await appears(lab.locator('.lab-header h1', { hasText: topic }), 60000), 'the Consumer Group Lab opens');
  await page.waitForTimeout(1500);
  await checkUnclipped(lab, 'the Consumer Group Lab', check);
  await page.screenshot({ path: path.join(shots, 'narrow-group-lab.png') });
  // The lab's page is built of plain HTML controls: it loads no toolkit.
  await checkTabReaches(page, lab, check, 'button', 'a lab button');
}
