#!/usr/bin/env node
// "Add your articles" on a large set: the files given (default: the 22 Reuters-21578 .sgm files
// in ../shared) are picked in the app in headless Chromium and ingested, annotated and indexed by
// the Web Worker; prints the time from picking to explorable (the result count shows the new
// articles), the worker's WebAssembly memory at the end (its peak: wasm memory never shrinks),
// the page's JS heap, and whether the page answered a search while the worker ran.
// Usage: node bench/own-files.mjs [FILE…]   (build the app first: trunk build --release ...)
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launchBrowser, ROOT } from '../scripts/lib/browser.mjs';

const reuters = join(ROOT, '..', 'shared', 'corpora', 'reuters21578');
const files = process.argv.slice(2).length > 0
  ? process.argv.slice(2)
  : readdirSync(reuters).filter((f) => f.endsWith('.sgm')).sort().map((f) => join(reuters, f));
console.log(`own-files: ${files.length} files`);
const server = await startServer();
const context = await launchBrowser();
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(server.url);
await page.locator('.lede-result').first().waitFor({ timeout: 60_000 });
await page.locator('.lede-own-toggle').click();
// The worker's stages as the page shows them, with when each began.
await page.evaluate(() => {
  window.__ledeStages = [];
  new MutationObserver(() => {
    const stage = document.querySelector('.lede-own-progress')?.dataset.stage ?? 'done';
    const last = window.__ledeStages.at(-1);
    if (!last || last.stage !== stage) window.__ledeStages.push({ stage, at: performance.now() });
  }).observe(document.querySelector('.lede-own'), { subtree: true, childList: true, attributes: true });
});
const started = Date.now();
await page.locator('.lede-own-files').setInputFiles(files);
// While the worker runs, the page must keep answering: time a search typed meanwhile.
await page.locator('.lede-own-progress[data-stage=annotate]').waitFor({ timeout: 120_000 });
const typed = Date.now();
await page.locator('.lede-search').fill('city');
await page.locator('.lede-result').first().waitFor();
const answered = Date.now() - typed;
await page.locator('.lede-search').fill('');
const counts = page.locator('.lede-own-counts');
await counts.waitFor({ timeout: 600_000 });
const ingested = await counts.getAttribute('data-ingested');
await page.locator('.lede-count').filter({ hasText: new RegExp(`^${ingested} articles$`) }).waitFor({ timeout: 60_000 });
const explorable = Date.now() - started;
const memory = Number(await page.locator('.lede-own-report').getAttribute('data-memory'));
const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
console.log(`${await counts.innerText()}`);
console.log(`picked -> explorable: ${(explorable / 1000).toFixed(1)} s`);
console.log(`worker wasm memory at the end (peak): ${(memory / 2 ** 20).toFixed(0)} MiB; page JS heap ${(heap / 2 ** 20).toFixed(0)} MiB`);
console.log(`a search typed during annotation answered in ${answered} ms`);
const stages = await page.evaluate(() => window.__ledeStages);
console.log(`stages: ${stages.slice(0, -1).map((s, i) => `${s.stage} ${((stages[i + 1].at - s.at) / 1000).toFixed(1)} s`).join(', ')}`);
await context.close();
await server.close();
