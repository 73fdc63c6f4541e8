#!/usr/bin/env node
// Where a keystroke's time goes in the real app (issue 13): the keystrokes of
// bench/explorer.mjs typed under Chromium's sampling profiler and its timeline trace, then
// summed: script self time by function (name the wasm functions by building without wasm-opt,
// e.g. data-wasm-opt="0", which keeps the name section) and the main thread's timeline events
// by kind (script, style recalculation, layout, paint, GC). Not a benchmark: a map of the cost.
// `--page quotes` opens the quotes page five times instead; `--page '#HASH' --ready SELECTOR' any
// other page (e.g. '#entity=person:reagan' '.lede-entity-name').
// Usage: node bench/explorer-profile.mjs DIR [--dist BUILD] [--page quotes|keys|#HASH] [--ready SEL] [--top N]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DIST } from '../scripts/lib/browser.mjs';
import { openPackExplorer } from './lib/pack-page.mjs';

const args = process.argv.slice(2);
const valueOf = (flag) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : null;
};
const dir = args.find((a, i) => !a.startsWith('--') && !['--dist', '--page', '--top', '--ready'].includes(args[i - 1]));
if (!dir) {
  console.error('usage: node bench/explorer-profile.mjs DIR [--dist BUILD] [--page quotes|keys] [--top N]');
  process.exit(2);
}
const dist = resolve(valueOf('--dist') ?? DIST);
const what = valueOf('--page') ?? 'keys';
const top = Number(valueOf('--top') ?? 40);
const [openHash, readySel] = what === 'quotes' ? ['#page=quotes', '.lede-quotes .lede-speaker-group'] : [what, valueOf('--ready')];
const QUERIES = ['cocoa exporters', 'oil prices rise', 'central bank rates', 'wheat shipmnts', 'tokyo stock exchange', 'merger talks'];

const { tab, context, close } = await openPackExplorer(dist, readFileSync(join(dir, 'corpus.lede')));
const cdp = await context.newCDPSession(tab);

const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8', transferMode: 'ReportEvents' });
await cdp.send('Profiler.start');
const elapsed = await tab.evaluate(async ([queries, what, hash, ready]) => {
  const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const t0 = performance.now();
  if (what !== 'keys') {
    for (let i = 0; i < 5; i++) {
      location.hash = '#';
      await nextPaint();
      location.hash = hash;
      while (!document.querySelector(ready)) await new Promise((r) => setTimeout(r, 1));
      await nextPaint();
    }
  } else {
    const box = document.querySelector('.lede-search');
    for (const q of queries) {
      for (let i = 1; i <= q.length; i++) {
        box.value = q.slice(0, i);
        box.dispatchEvent(new Event('input', { bubbles: true }));
        await nextPaint();
      }
    }
  }
  return performance.now() - t0;
}, [QUERIES, what, openHash, readySel]);
const { profile } = await cdp.send('Profiler.stop');
await cdp.send('Tracing.end');
await traced;

// Self time per function from the samples (each sample's gap to the next).
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const n = byId.get(profile.samples[i]);
  const name = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'anonymous'})`;
  self.set(name, (self.get(name) ?? 0) + dt);
  total += dt;
}
console.log(`${what}: ${elapsed.toFixed(0)} ms in the page; profiled ${total.toFixed(0)} ms`);
for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${ms.toFixed(1).padStart(8)} ms  ${(100 * ms / total).toFixed(1).padStart(5)}%  ${name.slice(0, 140)}`);
}
// Inclusive time per function (each function counted once per sample however deep it recurs),
// and the callers that most of a hot function's self time came through.
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const nameOf = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'anonymous'})`;
const inclusive = new Map();
const callers = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const seen = new Set();
  const chain = [];
  for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
    const name = nameOf(byId.get(id));
    chain.push(name);
    if (!seen.has(name)) {
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
    }
  }
  const key = chain.slice(0, 6).map((c) => c.replace(/::h[0-9a-f]{16}$/, '').slice(0, 90)).join(' <- ');
  callers.set(key, (callers.get(key) ?? 0) + dt);
}
console.log('inclusive:');
for (const [name, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${ms.toFixed(1).padStart(8)} ms  ${name.slice(0, 140)}`);
}
console.log('hottest stacks (self, 6 frames):');
for (const [key, ms] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, top / 2)) {
  console.log(`${ms.toFixed(1).padStart(8)} ms  ${key}`);
}
// The main thread's complete events by name, top-level kinds that say where time goes.
const KINDS = ['FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'ParseHTML', 'HitTest', 'Commit'];
const main = events.filter((e) => e.ph === 'X' && KINDS.includes(e.name));
const sums = new Map();
for (const e of main) sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
console.log('timeline (ms, nested kinds overlap):');
for (const [name, ms] of [...sums].sort((a, b) => b[1] - a[1])) console.log(`${ms.toFixed(1).padStart(8)}  ${name}`);
await close();
