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
//
// Side by side: `--dist BUILD` (repeatable) names built app folders instead of dist/; the first
// is the baseline. `--rounds N` measures every build N times, alternating (A B A B ...), each
// time in a fresh browser, so that a machine loaded by other work weighs on all builds alike;
// the report gives each build's median over its rounds and its ratio to the baseline's.
// Usage: node bench/explorer.mjs DIR [--dist BUILD]... [--rounds N] [--json OUT] [--person ID]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DIST } from '../scripts/lib/browser.mjs';
import { openPackExplorer } from './lib/pack-page.mjs';

const args = process.argv.slice(2);
const VALUED = new Set(['--json', '--person', '--dist', '--rounds']);
const valueOf = (flag) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : null;
};
const out = valueOf('--json');
const dir = args.find((a, i) => !a.startsWith('--') && !VALUED.has(args[i - 1]));
const builds = args.flatMap((a, i) => (a === '--dist' ? [resolve(args[i + 1])] : []));
if (builds.length === 0) builds.push(DIST);
const rounds = Number(valueOf('--rounds') ?? 1);
if (!dir || !Number.isInteger(rounds) || rounds < 1) {
  console.error('usage: node bench/explorer.mjs DIR [--dist BUILD]... [--rounds N] [--json OUT] [--person ID]');
  process.exit(2);
}

// Queries typed in full, a keystroke at a time (words common in news, some misspelled).
const QUERIES = ['cocoa exporters', 'oil prices rise', 'central bank rates', 'wheat shipmnts', 'tokyo stock exchange', 'merger talks'];
// The pages' own markers: the element each page renders once its content is there.
const QUOTES_READY = '.lede-quotes .lede-speaker-group';
const ENTITY_READY = '.lede-entity-profile .lede-entity-name';

// The most mentioned person, from DIR/corpus.json, or `--person ID` (bench/scale.mjs passes it
// for corpora whose JSON is past the longest string Node.js can read).
let topPerson = valueOf('--person');
let topCount = null;
let articleCount = null;
if (!topPerson) {
  const corpus = JSON.parse(readFileSync(join(dir, 'corpus.json'), 'utf8'));
  const mentions = new Map();
  for (const a of corpus.articles) for (const e of a.entities ?? []) if (e.kind === 'person') mentions.set(e.id, (mentions.get(e.id) ?? 0) + 1);
  [topPerson, topCount] = [...mentions].reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
  articleCount = corpus.articles.length;
}

const packBytes = readFileSync(join(dir, 'corpus.lede'));

/** Percentile `p` (0-100) of sorted `xs`. */
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: pct(s, 50), p95: pct(s, 95), max: s[s.length - 1] };
};

/** How many times each page is opened in one measurement. */
const RUNS = 5;

/** One measurement of the build in `dist`, in a fresh browser: the figures listed above. */
async function measure(dist) {
  const { tab, close } = await openPackExplorer(dist, packBytes);

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
  const quotes = [];
  const entity = [];
  for (let i = 0; i < RUNS; i++) {
    quotes.push(await openPage('#page=quotes', QUOTES_READY));
    entity.push(await openPage(`#entity=${encodeURIComponent(topPerson)}`, ENTITY_READY));
  }
  // The WebAssembly memory after all of the above (it never shrinks: the peak). lede-explorer.js's
  // start() resolves to the wasm-bindgen module it started (once per page); calling that
  // module's init again returns the instance's exports, whose memory is the app's whole heap.
  const wasmMemory = await tab.evaluate(async () => {
    const { start } = await import(new URL('./lede-explorer.js', location.href).href);
    const exports = await (await start()).default();
    return exports?.memory?.buffer.byteLength ?? null;
  });
  await close();
  return {
    dist,
    wasm_memory_bytes: wasmMemory,
    corpus: { dir, articles: articleCount, top_person: topPerson, top_person_articles: topCount },
    keystroke_ms: stats(keystrokes.times),
    frame_floor_ms: stats(keystrokes.floor),
    keystroke_p50_over_floor: stats(keystrokes.times).p50 / stats(keystrokes.floor).p50,
    quotes_page_ms: stats(quotes),
    entity_page_ms: stats(entity),
  };
}

const f = (x) => x.toFixed(1);
/** The report of one measurement, as lines. */
function report(result) {
  const w = result.wasm_memory_bytes;
  console.log(`explorer on ${articleCount ?? 'the'} articles (${dir}, app ${result.dist}); WebAssembly memory ${w == null ? 'not visible' : `${(w / 1e6).toFixed(1)} MB`}`);
  console.log(`keystroke -> painted: p50 ${f(result.keystroke_ms.p50)} ms, p95 ${f(result.keystroke_ms.p95)} ms, max ${f(result.keystroke_ms.max)} ms over ${result.keystroke_ms.n} keystrokes (frame floor p50 ${f(result.frame_floor_ms.p50)} ms; ratio ${result.keystroke_p50_over_floor.toFixed(2)})`);
  console.log(`quotes page, whole corpus: p50 ${f(result.quotes_page_ms.p50)} ms, max ${f(result.quotes_page_ms.max)} ms (${RUNS} opens)`);
  console.log(`entity page, ${topPerson} (${topCount ?? '?'} articles): p50 ${f(result.entity_page_ms.p50)} ms, max ${f(result.entity_page_ms.max)} ms (${RUNS} opens)`);
}

// Every build once per round, in turn.
const measured = builds.map(() => []);
for (let r = 0; r < rounds; r++) {
  for (const [b, dist] of builds.entries()) {
    const result = await measure(dist);
    measured[b].push(result);
    if (rounds > 1 || builds.length > 1) console.log(`-- round ${r + 1}, build ${b}`);
    report(result);
  }
}
if (builds.length === 1 && rounds === 1) {
  if (out) writeFileSync(out, JSON.stringify(measured[0][0], null, 2));
} else {
  // Each build's median over its rounds, and its ratio to the baseline (the first build).
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const FIGURES = {
    keystroke_p50_ms: (m) => m.keystroke_ms.p50,
    keystroke_p95_ms: (m) => m.keystroke_ms.p95,
    quotes_page_ms: (m) => m.quotes_page_ms.p50,
    entity_page_ms: (m) => m.entity_page_ms.p50,
    wasm_memory_mb: (m) => (m.wasm_memory_bytes ?? NaN) / 1e6,
  };
  const summary = builds.map((dist, b) => ({
    dist,
    rounds: measured[b].length,
    ...Object.fromEntries(Object.entries(FIGURES).map(([name, get]) => [name, median(measured[b].map(get))])),
  }));
  console.log(`\nmedians over ${rounds} alternating rounds (ratio to the baseline, build 0):`);
  for (const s of summary) {
    const cells = Object.keys(FIGURES).map((name) => `${name} ${f(s[name])} (${(s[name] / summary[0][name]).toFixed(2)})`);
    console.log(`${s.dist}: ${cells.join(', ')}`);
  }
  if (out) writeFileSync(out, JSON.stringify({ summary, runs: measured }, null, 2));
}
