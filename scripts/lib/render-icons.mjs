// Renders the app's PNG icons from icons/lede.svg and icons/lede-maskable.svg in headless
// Chromium (run once after changing an SVG: node scripts/lib/render-icons.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launchBrowser } from './browser.mjs';

const context = await launchBrowser();
const page = await context.newPage();
for (const [svg, size, out] of [
  ['lede.svg', 192, 'lede-192.png'],
  ['lede.svg', 512, 'lede-512.png'],
  ['lede-maskable.svg', 512, 'lede-maskable-512.png'],
]) {
  const text = readFileSync(join(ROOT, 'icons', svg), 'utf8');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${text.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.locator('svg').screenshot({ path: join(ROOT, 'icons', out), omitBackground: true });
  console.log(`icons/${out}`);
}
await context.close();
