// Playwright steps on VS Code's workbench that every UI script takes the same way.

/** True when `locator` shows up within `timeout` ms. */
export const appears = (locator, timeout = 30000) =>
  locator
    .first()
    .waitFor({ timeout })
    .then(
      () => true,
      () => false,
    );

/** Runs a command by its palette title, clicking its row (Enter would take whichever ranks first). */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click({ timeout: 15000 });
}

/** Answers the next quick pick or input box with `text` (typed, then Enter), or takes its first item. */
export async function answerQuickPick(page, text) {
  const input = page.locator('.quick-input-widget:visible input');
  await input.waitFor({ timeout: 30000 });
  if (text !== undefined) {
    await input.fill(text);
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: text })
      .first()
      .waitFor({ timeout: 5000 })
      .catch(() => {});
  }
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
}
