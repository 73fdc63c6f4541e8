#!/usr/bin/env node
// Page load -> first result in the real app, on a corpus made by
//   lede ingest ... -o DIR/corpus.json --index DIR/corpus.index --pack DIR/corpus.lede
// Serves dist/ with the app pointed at DIR/corpus.lede (the pack: compact corpus + index) when
// it exists, else at DIR/corpus.json with DIR/corpus.index (`--json` forces that), opens
// `#q=QUERY` in headless Chromium and prints the time from navigation start to the first
// result, plus the app's own load log line (download, parse, annotations, index) and the
// WebAssembly memory when the first result is shown (the loading peak: it never shrinks).
// `--mbps N` serves the corpus gzip-encoded, as a host would, over a network throttled to N
// Mbit/s down with 20 ms latency (Chromium's own throttling), to see what a real first visit costs.
// Usage: node bench/app-load.mjs DIR [QUERY] [--json] [--mbps N]   (build the app first: trunk build --release ...)
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { startServer, launchBrowser, DIST } from '../scripts/lib/browser.mjs';

const args = process.argv.slice(2);
const forceJson = args.includes('--json');
const mbpsAt = args.indexOf('--mbps');
const mbps = mbpsAt >= 0 ? Number(args[mbpsAt + 1]) : null;
if (mbpsAt >= 0 && !(mbps > 0)) {
  console.error(`app-load: --mbps needs a positive number of Mbit/s, not ${args[mbpsAt + 1]}`);
  process.exit(2);
}
const [dir, query = 'cocoa exporters'] = args.filter((a, i) => a !== '--json' && (mbpsAt < 0 || (i !== mbpsAt && i !== mbpsAt + 1)));
if (!dir) {
  console.error('usage: node bench/app-load.mjs DIR [QUERY] [--json] [--mbps N]');
  process.exit(2);
}
// The corpus as the server sends it: gzip-encoded when the network is throttled.
const body = (path) => (mbps ? gzipSync(readFileSync(path), { level: 9 }) : readFileSync(path));
const encoding = mbps ? { 'content-encoding': 'gzip' } : {};
const usePack = !forceJson && existsSync(`${dir}/corpus.lede`);
// The page as a host would embed a pack (README, "Embedding"): the mount point names it, and a
// preload link starts its download with the page instead of after the app has started.
const packPage = () => ['text/html; charset=utf-8', readFileSync(join(DIST, 'index.html'), 'utf8')
  .replace('</head>', '<link rel="preload" href="corpus.lede" as="fetch" crossorigin="anonymous" />\n</head>')
  .replace('<body>', '<body><div id="lede" data-corpus="corpus.lede"></div>')];
const files = usePack
  ? {
    '/': packPage(),
    '/index.html': packPage(),
    '/corpus.lede': ['application/octet-stream', body(`${dir}/corpus.lede`), encoding],
  }
  : {
    '/corpus.json': ['application/json', body(`${dir}/corpus.json`), encoding],
    '/corpus.index': ['application/octet-stream', body(`${dir}/corpus.index`), encoding],
  };
console.log(`app-load: ${usePack ? `${dir}/corpus.lede (pack)` : `${dir}/corpus.json + corpus.index`}${mbps ? `, gzip over ${mbps} Mbit/s` : ''}`);
const server = await startServer(files);
// Runs on fresh profiles; the median is the figure (this machine varies by a few hundred ms).
const RUNS = 5;
const times = [];
const memories = [];
for (let run = 1; run <= RUNS; run++) {
  // A fresh browser profile per run: every run is a first visit (no caches, no service worker).
  const context = await launchBrowser();
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => { if (m.text().startsWith('Lede:')) console.log(m.text()); });
  if (mbps) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: (mbps * 1e6) / 8,
      uploadThroughput: (mbps * 1e6) / 8,
    });
  }
  // The page notes when the first result enters the DOM (a poll from here would add its latency).
  await page.addInitScript(() => {
    // Every WebAssembly memory the page instantiates, to read their sizes (the app's is one).
    window.__ledeMemories = [];
    const note = (result) => {
      const exports = (result.instance ?? result).exports ?? {};
      for (const v of Object.values(exports)) if (v instanceof WebAssembly.Memory) window.__ledeMemories.push(v);
      return result;
    };
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(note);
    }
    new MutationObserver((_, observer) => {
      if (document.querySelector('.lede-result')) {
        window.__ledeFirstResult = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${server.url}#q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
  await page.locator('.lede-result').first().waitFor({ timeout: 60_000 });
  const ms = await page.evaluate(() => window.__ledeFirstResult);
  times.push(ms);
  const memory = await page.evaluate(() => window.__ledeMemories.reduce((sum, m) => sum + m.buffer.byteLength, 0));
  memories.push(memory);
  console.log(`run ${run}: navigation -> first result ${ms.toFixed(0)} ms; WebAssembly memory ${(memory / 2 ** 20).toFixed(1)} MiB; ${await page.locator('.lede-count').innerText()}`);
  await context.close();
}
times.sort((a, b) => a - b);
console.log(`median of ${RUNS}: navigation -> first result ${times[(RUNS - 1) / 2].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[RUNS - 1].toFixed(0)})`);
console.log(`WebAssembly memory at the first result: ${(Math.max(...memories) / 2 ** 20).toFixed(1)} MiB (the largest of the ${RUNS} runs)`);
await server.close();
