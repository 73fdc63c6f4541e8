#!/usr/bin/env node
// "Add your articles" on a large set: the files given (default: the 22 Reuters-21578 .sgm files
// in ../shared) are picked in the app in headless Chromium and ingested, annotated and indexed by
// the Web Worker; prints the time from picking to explorable (the result count shows the new
// articles), the worker's WebAssembly memory at the end (its peak: wasm memory never shrinks),
// the page's JS heap, and whether the page answered a search while the worker ran.
// Usage: node bench/own-files.mjs [--dist DIR] [FILE…]   (build the app first: trunk build
// --release ...; --dist serves another build, e.g. a copy of main's, for a before/after run)
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium, DIST, ROOT } from '../scripts/lib/browser.mjs';
import { serveSite } from '../scripts/lib/serve.mjs';

/**
 * CPU seconds (user + system) used so far by the Chromium whose command line names
 * `profile`, and every process under it (Linux /proc; the workers are threads of a renderer).
 */
function browserCpuSeconds(profile) {
  const procs = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      procs.set(pid, { ppid: fields[1], ticks: Number(fields[11]) + Number(fields[12]), cmdline });
    } catch { /* gone meanwhile */ }
  }
  const roots = [...procs].filter(([, p]) => p.cmdline.includes(profile)).map(([pid]) => pid);
  const tree = new Set(roots);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, p] of procs) if (!tree.has(pid) && tree.has(p.ppid)) { tree.add(pid); grew = true; }
  }
  return [...tree].reduce((sum, pid) => sum + procs.get(pid).ticks, 0) / 100;
}

const args = process.argv.slice(2);
const distAt = args.indexOf('--dist');
const dist = distAt >= 0 ? resolve(args.splice(distAt, 2)[1]) : DIST;
const reuters = join(ROOT, '..', 'shared', 'corpora', 'reuters21578');
const files = args.length > 0
  ? args
  : readdirSync(reuters).filter((f) => f.endsWith('.sgm')).sort().map((f) => join(reuters, f));
console.log(`own-files: ${files.length} files, app ${dist}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const server = await serveSite({ dir: dist });
const { context, userDataDir } = await launchChromium();
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
const cpuBefore = browserCpuSeconds(userDataDir);
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
const cpu = browserCpuSeconds(userDataDir) - cpuBefore;
const report = page.locator('.lede-own-report');
const memory = Number(await report.getAttribute('data-memory'));
const pool = Number(await report.getAttribute('data-annotators') ?? 0);
const poolMemory = Number(await report.getAttribute('data-annotator-memory') ?? 0);
const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
console.log(`${await counts.innerText()}`);
console.log(`picked -> explorable: ${(explorable / 1000).toFixed(1)} s; browser CPU meanwhile ${cpu.toFixed(1)} s (${(cpu / (explorable / 1000)).toFixed(2)} cores busy on average)`);
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const workers = pool === 0 ? 'one worker' : `the worker and ${pool} annotation workers, summed (the pool's part ${mib(poolMemory)})`;
console.log(`wasm memory at the end (peak), ${workers}: ${mib(memory)}; page JS heap ${mib(heap)}`);
console.log(`a search typed during annotation answered in ${answered} ms`);
const stages = await page.evaluate(() => window.__ledeStages);
console.log(`stages: ${stages.slice(0, -1).map((s, i) => `${s.stage} ${((stages[i + 1].at - s.at) / 1000).toFixed(1)} s`).join(', ')}`);
console.log(`load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
await context.close();
await server.close();
rmSync(userDataDir, { recursive: true, force: true });
