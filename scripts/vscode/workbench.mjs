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

/**
 * Opens the Kafka view and waits until it lists the "local" cluster: then the extension host has
 * read the extension and its commands are in the palette (minutes on a busy machine).
 */
export async function openKafkaView(page, check) {
  const container = page.locator('.activitybar .action-item [aria-label^="Kafka Log Lab"]');
  check(await appears(container, 180000), 'the activity bar shows the "Kafka Log Lab" container');
  await container.first().click();
  const cluster = page.locator('.pane-body .monaco-list-row', { hasText: 'local' });
  check(await appears(cluster, 60000), 'the Kafka view lists the "local" cluster');
}

/**
 * Opens the command palette holding `text`. A webview with the focus (a Markdown preview, a
 * panel) can keep F1 or take the focus back and close the palette: then the focus is moved to
 * the active editor's tab and the palette opened again.
 */
async function openPalette(page, text) {
  const input = page.locator('.quick-input-widget:visible input');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    const filled = await input
      .fill(text, { timeout: 8000 })
      .then(() => input.inputValue({ timeout: 2000 }))
      .then(
        (value) => value === text,
        () => false,
      );
    if (filled) return;
    if (attempt === 3) throw new Error(`the command palette did not open for ${text}`);
    await page.keyboard.press('Escape');
    await page
      .locator('.tabs-container .tab.active')
      .first()
      .click({ timeout: 5000 })
      .catch(() => {});
  }
}

/**
 * Runs a command by its palette title, clicking its row: Enter would take whichever command ranks
 * first, and the row is matched exactly (its aria-label is "title[, keys…]"), not one whose title
 * merely contains it.
 */
export async function runCommand(page, title) {
  await openPalette(page, `>${title}`);
  const exact = JSON.stringify(title);
  const withKeys = JSON.stringify(`${title},`);
  const row = page
    .locator(
      `.quick-input-list .monaco-list-row[aria-label=${exact}], .quick-input-list .monaco-list-row[aria-label^=${withKeys}]`,
    )
    .first();
  await row.waitFor({ timeout: 15000 });
  await row.click();
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
      .waitFor({ timeout: 15000 })
      .catch(() => {});
  }
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
}

/**
 * Picks a colour theme the way a user does (Preferences: Color Theme), once
 * the theme picker itself is open: right after the window loads, the command palette can still
 * hold the focus when the picker's input is looked for. `theme` is { label, workbench }.
 */
export async function pickColorTheme(page, theme) {
  const { label } = theme;
  const picker = page.locator('.quick-input-widget:visible input[placeholder*="Color Theme"]');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  // Right after the window loads the picker can open before it lists the themes: open it again.
  for (let attempt = 1; ; attempt++) {
    await runCommand(page, 'Preferences: Color Theme');
    const listed = await picker
      .fill(label, { timeout: 10000 })
      .then(() => row.waitFor({ timeout: 10000 }))
      .then(
        () => true,
        () => false,
      );
    if (listed) break;
    await page.keyboard.press('Escape');
    if (attempt === 3) throw new Error(`the colour theme picker did not list ${label}`);
  }
  await row.click({ timeout: 15000 });
  await page.locator(`.monaco-workbench.${theme.workbench}`).waitFor({ timeout: 15000 });
  await page.waitForTimeout(1000);
}
