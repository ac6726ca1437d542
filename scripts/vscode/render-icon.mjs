// Renders media/icon.svg to the marketplace icon media/icon.png (128×128) with Debian's
// Chromium, so the PNG always matches its source. Run after editing the SVG:
//   node scripts/vscode/render-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, launchChromium } from './codeServer.mjs';

const SIZE = 128;
const svg = fs.readFileSync(path.join(repoRoot, 'media/icon.svg'), 'utf8');
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(repoRoot, 'media/icon.png'), omitBackground: true });
  console.log(`media/icon.png ${SIZE}×${SIZE} written`);
} finally {
  await browser.close();
}
