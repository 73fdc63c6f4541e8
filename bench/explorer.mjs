#!/usr/bin/env node
// The explorer's responsiveness in the real app on a large corpus (issue 13), in headless
// Chromium:
//   - keystroke -> results painted: queries typed one character at a time into the search box,
//     each keystroke timed from its input event to the first frame painted after it (a
//     requestAnimationFrame, then a task after that frame); the same measurement with no input
//     change is the floor, measured in the same run, and the ratio against it is reported too;
//   - opening the quotes page for the whole corpus (#page=quotes) and the entity page of the
//     most mentioned person (#entity=ID), timed from the hash change to the painted page;
//   - the app's WebAssembly memory at the end (its peak: wasm memory never shrinks).
// DIR holds what `lede ingest ... -o DIR/corpus.json --pack DIR/corpus.lede` writes; build the
// app first (trunk build --release --offline --cargo-profile wasm-release).
// Usage: node bench/explorer.mjs DIR [--json OUT] [--person ID]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launchBrowser, DIST } from '../scripts/lib/browser.mjs';

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const out = jsonAt >= 0 ? args[jsonAt + 1] : null;
const dir = args.find((a, i) => !a.startsWith('--') && i !== jsonAt + 1 && args[i - 1] !== '--person');
if (!dir) {
  console.error('usage: node bench/explorer.mjs DIR [--json OUT]');
  process.exit(2);
}

// Queries typed in full, a keystroke at a time (words common in news, some misspelled).
const QUERIES = ['cocoa exporters', 'oil prices rise', 'central bank rates', 'wheat shipmnts', 'tokyo stock exchange', 'merger talks'];
// The pages' own markers: the element each page renders once its content is there.
const QUOTES_READY = '.lede-quotes .lede-speaker-group';
const ENTITY_READY = '.lede-entity-profile .lede-entity-name';

// The most mentioned person, from DIR/corpus.json, or `--person ID` (bench/scale.mjs passes it
// for corpora whose JSON is past the longest string Node.js can read).
const personAt = args.indexOf('--person');
let topPerson = personAt >= 0 ? args[personAt + 1] : null;
let topCount = null;
let articleCount = null;
if (!topPerson) {
  const corpus = JSON.parse(readFileSync(join(dir, 'corpus.json'), 'utf8'));
  const mentions = new Map();
  for (const a of corpus.articles) for (const e of a.entities ?? []) if (e.kind === 'person') mentions.set(e.id, (mentions.get(e.id) ?? 0) + 1);
  [topPerson, topCount] = [...mentions].reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
  articleCount = corpus.articles.length;
}

const page = () => ['text/html; charset=utf-8', readFileSync(join(DIST, 'index.html'), 'utf8')
  .replace('</head>', '<link rel="preload" href="corpus.lede" as="fetch" crossorigin="anonymous" />\n</head>')
  .replace('<body>', '<body><div id="lede" data-corpus="corpus.lede"></div>')];
const server = await startServer({
  '/': page(),
  '/index.html': page(),
  '/corpus.lede': ['application/octet-stream', readFileSync(join(dir, 'corpus.lede'))],
});
const context = await launchBrowser();
const tab = context.pages()[0] ?? (await context.newPage());
tab.setDefaultTimeout(120_000);
// Trunk's loader announces the wasm instance: its memory is the app's whole heap.
await tab.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__ledeWasm = e.detail?.wasm; }));
await tab.goto(server.url);
await tab.locator('.lede-result').first().waitFor();

/** Percentile `p` (0-100) of sorted `xs`. */
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: pct(s, 50), p95: pct(s, 95), max: s[s.length - 1] };
};

// Keystrokes: set the value as a keystroke would and fire `input`, then wait for the frame
// after the update (rAF fires before that frame's paint; the task after it runs after).
const keystrokes = await tab.evaluate(async (queries) => {
  const box = document.querySelector('.lede-search');
  const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const times = [];
  const floor = [];
  for (const q of queries) {
    box.value = '';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await nextPaint();
    for (let i = 1; i <= q.length; i++) {
      const t0 = performance.now();
      box.value = q.slice(0, i);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await nextPaint();
      times.push(performance.now() - t0);
      const f0 = performance.now();
      await nextPaint();
      floor.push(performance.now() - f0);
    }
  }
  return { times, floor };
}, QUERIES);

/** Time from setting `hash` to the first frame painted with `ready` in the DOM. */
async function openPage(hash, ready) {
  return tab.evaluate(async ([h, sel]) => {
    const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    location.hash = '#';
    await nextPaint();
    const t0 = performance.now();
    location.hash = h;
    while (!document.querySelector(sel)) {
      await new Promise((r) => setTimeout(r, 1));
      if (performance.now() - t0 > 60_000) throw new Error(`${sel} never appeared for ${h}`);
    }
    await nextPaint();
    return performance.now() - t0;
  }, [hash, ready]);
}
const RUNS = 5;
const quotes = [];
const entity = [];
for (let i = 0; i < RUNS; i++) {
  quotes.push(await openPage('#page=quotes', QUOTES_READY));
  entity.push(await openPage(`#entity=${encodeURIComponent(topPerson)}`, ENTITY_READY));
}
// The WebAssembly memory after all of the above (it never shrinks: the peak).
const wasmMemory = await tab.evaluate(() => window.__ledeWasm?.memory?.buffer.byteLength ?? null);
const result = {
  wasm_memory_bytes: wasmMemory,
  corpus: { dir, articles: articleCount, top_person: topPerson, top_person_articles: topCount },
  keystroke_ms: stats(keystrokes.times),
  frame_floor_ms: stats(keystrokes.floor),
  keystroke_p50_over_floor: stats(keystrokes.times).p50 / stats(keystrokes.floor).p50,
  quotes_page_ms: stats(quotes),
  entity_page_ms: stats(entity),
};
const f = (x) => x.toFixed(1);
console.log(`explorer on ${articleCount ?? 'the'} articles (${dir}); WebAssembly memory ${wasmMemory == null ? 'not visible' : `${(wasmMemory / 1e6).toFixed(1)} MB`}`);
console.log(`keystroke -> painted: p50 ${f(result.keystroke_ms.p50)} ms, p95 ${f(result.keystroke_ms.p95)} ms, max ${f(result.keystroke_ms.max)} ms over ${result.keystroke_ms.n} keystrokes (frame floor p50 ${f(result.frame_floor_ms.p50)} ms; ratio ${result.keystroke_p50_over_floor.toFixed(2)})`);
console.log(`quotes page, whole corpus: p50 ${f(result.quotes_page_ms.p50)} ms, max ${f(result.quotes_page_ms.max)} ms (${RUNS} opens)`);
console.log(`entity page, ${topPerson} (${topCount ?? '?'} articles): p50 ${f(result.entity_page_ms.p50)} ms, max ${f(result.entity_page_ms.max)} ms (${RUNS} opens)`);
if (out) writeFileSync(out, JSON.stringify(result, null, 2));
await context.close();
await server.close();
