#!/usr/bin/env node
// Lede at scale (issue 16): corpora of N articles generated from a Lede corpus (Reuters stories
// copied under new ids `ID~K`, their quotes and entities kept, so that ingest passes them
// through and its time is reading, checking, indexing and packing — annotation speed is
// `cargo bench -p lede-ingest`'s), each through `lede ingest --pack` and then the real app in
// headless Chromium (bench/app-load.mjs and bench/explorer.mjs, run as they are):
//   ingest seconds and peak RSS, pack bytes raw and gzipped (level 6, as a static host would),
//   navigation -> first result, the app's WebAssembly memory, keystroke -> painted p50/p95,
//   the quotes page and the entity page.
// Build the CLI (cargo build --release -p lede-cli) and the app (trunk build --release
// --offline --cargo-profile wasm-release) first; make the source with
//   lede ingest ../shared/corpora/reuters21578 -o target/bench/reuters.json
// Usage: node bench/scale.mjs [--sizes 20000,100000,300000] [--source FILE] [--out DIR] [--json OUT]
import { createReadStream, createWriteStream, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { createGzip } from 'node:zlib';
import { join } from 'node:path';
import { ROOT } from '../scripts/lib/browser.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const sizes = opt('--sizes', '20000,100000,300000').split(',').map(Number);
const source = opt('--source', join(ROOT, 'target', 'bench', 'reuters.json'));
const outDir = opt('--out', join(ROOT, 'target', 'bench', 'scale'));
const jsonOut = opt('--json', null);
const lede = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'release', 'lede');

const base = JSON.parse(readFileSync(source, 'utf8'));
// The most mentioned person of the source is the most mentioned of every copy of it.
const mentions = new Map();
for (const a of base.articles) for (const e of a.entities ?? []) if (e.kind === 'person') mentions.set(e.id, (mentions.get(e.id) ?? 0) + 1);
const topPerson = [...mentions].reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0])[0];
console.log(`scale: ${base.articles.length} source articles from ${source}; sizes ${sizes.join(', ')}`);

/** Writes a corpus of `n` articles to `file`, streaming (300k articles do not fit one string). */
async function generate(n, file) {
  const out = createWriteStream(file);
  const write = (s) => (out.write(s) ? null : new Promise((r) => out.once('drain', r)));
  await write(`{"format":"lede-corpus","version":1,"annotated":${JSON.stringify(base.annotated ?? [])},"articles":[`);
  for (let i = 0; i < n; i++) {
    const a = base.articles[i % base.articles.length];
    const copy = Math.floor(i / base.articles.length);
    const article = copy === 0 ? a : { ...a, id: `${a.id}~${copy}` };
    await write((i ? ',' : '') + JSON.stringify(article));
  }
  await write(']}');
  await new Promise((r) => out.end(r));
}

/** Gzipped size of `file` at level 6, streamed. */
function gzipSize(file) {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    createReadStream(file).pipe(createGzip({ level: 6 }))
      .on('data', (c) => { bytes += c.length; })
      .on('end', () => resolve(bytes))
      .on('error', reject);
  });
}

const rows = [];
for (const n of sizes) {
  const dir = join(outDir, String(n));
  mkdirSync(dir, { recursive: true });
  const input = join(dir, 'input.json');
  await generate(n, input);
  // /usr/bin/time: wall seconds and peak resident set (KiB).
  const ingest = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', lede, 'ingest', input, '-o', join(dir, 'corpus.json'),
    // One generated file holds the whole corpus: over the 64 MB default for one input file.
    '--pack', join(dir, 'corpus.lede'), '--timings', '--allow-rejects', '--max-file-size', '8GB'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const timeLine = ingest.stderr.split('\n').find((l) => l.startsWith('TIME '));
  if (ingest.status !== 0 || !timeLine) {
    console.error(ingest.stderr.split('\n').slice(-20).join('\n'));
    throw new Error(`lede ingest failed for ${n} articles`);
  }
  const [, seconds, rssKiB] = timeLine.split(' ');
  const summary = ingest.stderr.split('\n').find((l) => / read, .* ingested/.test(l));
  const pack = join(dir, 'corpus.lede');
  const row = {
    articles: n,
    ingest_s: Number(seconds),
    ingest_peak_rss_mb: Number(rssKiB) / 1024,
    ingest_summary: summary,
    corpus_json_bytes: statSync(join(dir, 'corpus.json')).size,
    corpus_json_gzip_bytes: await gzipSize(join(dir, 'corpus.json')),
    pack_bytes: statSync(pack).size,
    pack_gzip_bytes: await gzipSize(pack),
  };
  console.log(`${n}: ingest ${row.ingest_s} s, peak RSS ${row.ingest_peak_rss_mb.toFixed(0)} MB; pack ${(row.pack_bytes / 1e6).toFixed(1)} MB (${(row.pack_gzip_bytes / 1e6).toFixed(1)} MB gzip); JSON ${(row.corpus_json_bytes / 1e6).toFixed(1)} MB (${(row.corpus_json_gzip_bytes / 1e6).toFixed(1)} MB gzip)`);
  // The app: the load benchmark (median of fresh visits), then the explorer benchmark (its
  // keystrokes, pages and the WebAssembly memory), each as its own process.
  const node = ['--max-old-space-size=12000'];
  try {
    const load = execFileSync('node', [...node, join(ROOT, 'bench', 'app-load.mjs'), dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const median = load.match(/median of \d+: navigation -> first result (\d+) ms/);
    row.first_result_ms = median ? Number(median[1]) : null;
    const explorerJson = join(dir, 'explorer.json');
    execFileSync('node', [...node, join(ROOT, 'bench', 'explorer.mjs'), dir, '--json', explorerJson, '--person', topPerson], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const ex = JSON.parse(readFileSync(explorerJson, 'utf8'));
    Object.assign(row, {
      wasm_memory_mb: ex.wasm_memory_bytes == null ? null : ex.wasm_memory_bytes / 1e6,
      keystroke_p50_ms: ex.keystroke_ms.p50,
      keystroke_p95_ms: ex.keystroke_ms.p95,
      quotes_page_ms: ex.quotes_page_ms.p50,
      entity_page_ms: ex.entity_page_ms.p50,
    });
  } catch (e) {
    // Past what a tab holds: say what the page showed instead of a number.
    row.app_error = String(e.stdout ?? '').split('\n').slice(-5).join(' ') + String(e.stderr ?? e.message).split('\n').slice(-5).join(' ');
  }
  console.log(`${n}: ${JSON.stringify(row)}`);
  rows.push(row);
}
const f = (x, d = 0) => (x == null ? 'n/a' : Number(x).toFixed(d));
console.log('\narticles  ingest s  ingest RSS MB  pack MB  pack gz MB  JSON gz MB  first result ms  wasm MB  key p50  key p95  quotes ms  entity ms');
for (const r of rows) {
  console.log(`${String(r.articles).padStart(8)}  ${f(r.ingest_s, 1).padStart(8)}  ${f(r.ingest_peak_rss_mb).padStart(13)}  ${f(r.pack_bytes / 1e6, 1).padStart(7)}  ${f(r.pack_gzip_bytes / 1e6, 1).padStart(10)}  ${f(r.corpus_json_gzip_bytes / 1e6, 1).padStart(10)}  ${f(r.first_result_ms).padStart(15)}  ${f(r.wasm_memory_mb).padStart(7)}  ${f(r.keystroke_p50_ms, 1).padStart(7)}  ${f(r.keystroke_p95_ms, 1).padStart(7)}  ${f(r.quotes_page_ms).padStart(9)}  ${f(r.entity_page_ms).padStart(9)}${r.app_error ? `  app: ${r.app_error}` : ''}`);
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(rows, null, 2));
