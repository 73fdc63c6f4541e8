#!/usr/bin/env node
// Page load -> first result in the real app: serves dist/ with its corpus and index replaced by
// the ones in DIR (made by `lede ingest ... -o DIR/corpus.json --index DIR/corpus.index`), opens
// `#q=QUERY` in headless Chromium and prints the time from navigation start to the first result,
// plus the app's own load log line (download, parse, annotations, index).
// Usage: node bench/app-load.mjs DIR [QUERY]   (build the app first: trunk build --release ...)
import { readFileSync } from 'node:fs';
import { startServer, launchBrowser } from '../tests/e2e/harness.mjs';

const [dir, query = 'cocoa exporters'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node bench/app-load.mjs DIR [QUERY]');
  process.exit(2);
}
const server = await startServer({
  '/corpus.json': ['application/json', readFileSync(`${dir}/corpus.json`)],
  '/corpus.index': ['application/octet-stream', readFileSync(`${dir}/corpus.index`)],
});
const context = await launchBrowser();
const page = context.pages()[0] ?? (await context.newPage());
page.on('console', (m) => { if (m.text().startsWith('Lede:')) console.log(m.text()); });
for (let run = 1; run <= 3; run++) {
  await page.goto(`${server.url}#q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
  await page.locator('.lede-result').first().waitFor({ timeout: 60_000 });
  const ms = await page.evaluate(() => performance.now());
  console.log(`run ${run}: navigation -> first result ${ms.toFixed(0)} ms; ${await page.locator('.lede-count').innerText()}`);
}
await context.close();
await server.close();
