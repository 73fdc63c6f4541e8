// Side-by-side search benchmark (issue 6): Lede's engine (wasm) against MiniSearch, Fuse.js,
// FlexSearch and Pagefind over one corpus and one known-item query set, in one headless
// Chromium run, one fresh page per engine. See bench/README.md.
//
//   bench/run [--corpus FILE] [--queries FILE] [--json OUT] [--engines a,b] [--fuse-budget-s S]
//             [--budget-s S] [--no-build] [--serve [--port N]]
//
// It builds what is missing or stale first (cargo under `flock /tmp/lede-cargo.lock`):
// the wasm engine (target/bench/pkg), the default corpus (Reuters from ../shared, with the
// pack from `lede ingest --pack`), a query set (`lede eval make-queries`), the engine's pack for
// another corpus (a sibling `<stem>.lede` when it holds that corpus, else made with the wasm
// engine in node), and the Pagefind site and bundle (target/bench/cache/). Each engine's ranked
// ids are scored by `lede eval score`, the scorer of `lede eval search`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from '../scripts/lib/browser.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, 'target', 'bench');
/** Where cargo puts what it builds (`CARGO_TARGET_DIR`, else `target/`). */
const CARGO_TARGET = process.env.CARGO_TARGET_DIR || join(ROOT, 'target');
const PKG = join(BENCH, 'pkg');
const LOCK = '/tmp/lede-cargo.lock';
const ENGINES = ['lede', 'minisearch', 'fuse', 'flexsearch', 'pagefind'];
const KINDS = ['title', 'typo', 'prefix', 'body'];
const USAGE = `usage: bench/run [--corpus FILE] [--queries FILE] [--json OUT] [--engines ${ENGINES.join(',')}]
                 [--fuse-budget-s 60] [--budget-s 600] [--no-build] [--serve [--port N]]`;

function parseArgs(argv) {
  const args = { engines: ENGINES, fuseBudget: 60, budget: 600, build: true, serve: false, port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--corpus') args.corpus = resolve(v());
    else if (a === '--queries') args.queries = resolve(v());
    else if (a === '--json') args.json = resolve(v());
    else if (a === '--engines') args.engines = v().split(',').filter(Boolean);
    else if (a === '--fuse-budget-s') args.fuseBudget = Number(v());
    else if (a === '--budget-s') args.budget = Number(v());
    else if (a === '--no-build') args.build = false;
    else if (a === '--serve') args.serve = true;
    else if (a === '--port') args.port = Number(v());
    else if (a === '-h' || a === '--help') args.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  for (const e of args.engines) if (!ENGINES.includes(e)) throw new Error(`unknown engine ${e}`);
  return args;
}

const log = (msg) => console.error(`bench: ${msg}`);
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : -1);
const rel = (p) => (p.startsWith(`${ROOT}/`) ? p.slice(ROOT.length + 1) : p);

/** Runs a command (inheriting stderr); throws when it fails. */
function run(cmd, argv, { lock = false, quiet = false } = {}) {
  const [c, a] = lock ? ['flock', [LOCK, cmd, ...argv]] : [cmd, argv];
  const r = spawnSync(c, a, { cwd: ROOT, stdio: ['ignore', quiet ? 'ignore' : 2, 2] });
  if (r.status !== 0) throw new Error(`${c} ${a.join(' ')} failed (${r.error ?? `exit ${r.status}`})`);
}

/** Builds the wasm engine into target/bench/pkg when its wasm changed. */
function ensureWasm(build) {
  const raw = join(CARGO_TARGET, 'wasm32-unknown-unknown', 'wasm-release', 'lede_bench_engine.wasm');
  const out = join(PKG, 'lede_bench_engine_bg.wasm');
  if (build) {
    run('cargo', ['build', '--quiet', '--target', 'wasm32-unknown-unknown', '--profile', 'wasm-release',
      '-p', 'lede-bench-engine'], { lock: true });
  }
  if (mtime(out) >= mtime(raw) && existsSync(join(PKG, 'lede_bench_engine.js'))) return markModule();
  if (!build || !existsSync(raw)) throw new Error(`${rel(out)} is missing or stale: run without --no-build`);
  log('wasm-bindgen + wasm-opt -O3 (as the app is built)');
  const bindgen = join(process.env.HOME ?? '', '.cargo', 'bin', 'wasm-bindgen');
  run(existsSync(bindgen) ? bindgen : 'wasm-bindgen', ['--target', 'web', '--out-dir', PKG, raw], { lock: true });
  run(join(ROOT, 'node_modules', '.bin', 'wasm-opt'), ['-O3', '--enable-bulk-memory',
    '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals',
    '--enable-reference-types', '--enable-multivalue', '-o', out, out], { lock: true });
  markModule();
}

/** Lets node import the glue as an ES module without a warning (ensureIndex does). */
function markModule() {
  const file = join(PKG, 'package.json');
  const text = '{ "type": "module" }\n';
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
}

/** The `lede` command (`release/lede` in cargo's target dir), built first unless `--no-build`. */
function ensureLede(build) {
  const lede = join(CARGO_TARGET, 'release', 'lede');
  if (build) run('cargo', ['build', '--quiet', '--release', '-p', 'lede-cli'], { lock: true });
  if (!existsSync(lede)) throw new Error(`${rel(lede)} is missing: run without --no-build`);
  return lede;
}

/** The default corpus: Reuters-21578 ingested with its index and pack (target/bench/reuters.*). */
function ensureReuters(lede, build) {
  const corpus = join(BENCH, 'reuters.json');
  const index = join(BENCH, 'reuters.index');
  const pack = join(BENCH, 'reuters.lede');
  if ([corpus, index, pack].every((f) => mtime(f) >= mtime(lede))) return corpus;
  const source = join(ROOT, '..', 'shared', 'corpora', 'reuters21578');
  if (!existsSync(source)) throw new Error(`${source} is missing: pass --corpus FILE`);
  if (!build) throw new Error(`${rel(corpus)} is missing or stale: run without --no-build`);
  log('ingesting Reuters-21578');
  run(lede, ['ingest', source, '-o', corpus, '--index', index, '--pack', pack, '--allow-rejects'],
    { quiet: true });
  return corpus;
}

/** A per-corpus cache folder under target/bench/cache/. */
function cacheDir(corpus) {
  const key = createHash('sha1').update(corpus).digest('hex').slice(0, 8);
  const dir = join(BENCH, 'cache', `${basename(corpus, extname(corpus))}-${key}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const stampOf = (...paths) => JSON.stringify(paths.map((p) => [p, mtime(p), existsSync(p) ? statSync(p).size : 0]));

/** The engine's pack for `corpus`: a sibling `<stem>.lede` that holds it, else one made in node. */
async function ensurePack(corpus, cache) {
  const wasm = join(PKG, 'lede_bench_engine_bg.wasm');
  const sibling = join(dirname(corpus), `${basename(corpus, extname(corpus))}.lede`);
  const built = join(cache, 'corpus.lede');
  const stampFile = join(cache, 'pack.stamp');
  for (const candidate of [sibling, built]) {
    if (!existsSync(candidate)) continue;
    const stamp = stampOf(corpus, candidate, wasm);
    if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return candidate;
  }
  const glue = await import(pathToFileURL(join(PKG, 'lede_bench_engine.js')).href);
  glue.initSync({ module: readFileSync(wasm) });
  const text = readFileSync(corpus, 'utf8');
  let pack = null;
  if (existsSync(sibling)) {
    try {
      const loader = new glue.PackLoader();
      loader.push(readFileSync(sibling));
      const engine = loader.finish();
      if (engine.holds(text)) pack = sibling;
      else log(`${rel(sibling)} holds another corpus: making the pack`);
      engine.free();
    } catch (e) {
      log(`${rel(sibling)} does not load (${e.message}): making the pack`);
    }
  }
  if (!pack) {
    log(`making the pack of ${rel(corpus)} with the wasm engine in node`);
    const engine = new glue.Engine(text, undefined);
    writeFileSync(built, engine.pack_bytes());
    engine.free();
    pack = built;
  }
  writeFileSync(stampFile, stampOf(corpus, pack, wasm));
  return pack;
}

/** The default query set for `corpus` (generated under target/bench/, never committed). */
function ensureQueries(lede, corpus) {
  const out = join(BENCH, `queries-${basename(corpus, extname(corpus))}.json`);
  if (mtime(out) >= Math.max(mtime(corpus), mtime(lede))) return out;
  run(lede, ['eval', 'make-queries', '--corpus', corpus, '--out', out, '--per-kind', '100', '--seed', '6']);
  return out;
}

const round = (x, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Scores every engine's ranked ids with `lede eval score` (the scorer of `lede eval search`):
 * sets `mrr10` and `found10` (overall and per kind, null for a kind none of whose queries ran)
 * and `not_first_sample` (the first 12 queries whose target did not come first, in run order),
 * and moves the ranked ids out of the result into target/bench/ranked-<corpus>.json.
 */
function scoreEngines(lede, queries, querySet, corpus, engines) {
  const ranked = Object.fromEntries(Object.entries(engines).filter(([, r]) => !r.error).map(([n, r]) => [n, r.ranked]));
  const file = join(BENCH, `ranked-${basename(corpus, extname(corpus))}.json`);
  writeFileSync(file, `${JSON.stringify({ engines: ranked })}\n`);
  const r = spawnSync(lede, ['eval', 'score', '--queries', queries, '--runs', file, '--json'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 2] });
  if (r.status !== 0) throw new Error(`lede eval score failed (${r.error ?? `exit ${r.status}`})`);
  const scored = JSON.parse(r.stdout).engines;
  const kinds = [...new Set(querySet.queries.map((q) => q.kind))];
  for (const [name, s] of Object.entries(scored)) {
    const e = engines[name];
    const byKind = (field) => ({
      overall: round(s.overall[field]),
      ...Object.fromEntries(kinds.map((k) => [k, s.kinds[k].queries ? round(s.kinds[k][field]) : null])),
    });
    e.mrr10 = byKind('mrr10');
    e.found10 = byKind('found10');
    const top = new Map(e.ranked.map((x) => [x.query, x.ranked]));
    e.not_first_sample = s.not_first.slice(0, 12).map((m) => {
      const { q, target, kind } = querySet.queries[m.query];
      return { q, target, kind, rank: m.rank, top3: top.get(m.query).slice(0, 3) };
    });
    delete e.ranked;
  }
}

const escapeHtml = (s) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** One HTML page per article and the Pagefind bundle built from them (cached per corpus). */
function ensurePagefind(corpus, cache, build) {
  const bin = join(ROOT, 'node_modules', '.bin', 'pagefind');
  if (!existsSync(bin)) return { error: 'pagefind is not installed (npm ci)' };
  const site = join(cache, 'site');
  const bundle = join(cache, 'pagefind');
  const stampFile = join(cache, 'pagefind.stamp');
  const version = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'pagefind', 'package.json'))).version;
  const stamp = `${stampOf(corpus)} pagefind ${version} pages v1`;
  if (existsSync(stampFile) && existsSync(join(bundle, 'pagefind.js'))) {
    const saved = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (saved.stamp === stamp) return { bundle, ...saved.info };
  }
  if (!build) return { error: 'the Pagefind bundle is missing or stale: run without --no-build' };
  log('writing one HTML page per article for Pagefind');
  rmSync(site, { recursive: true, force: true });
  rmSync(bundle, { recursive: true, force: true });
  const { articles } = JSON.parse(readFileSync(corpus, 'utf8'));
  articles.forEach((a, i) => {
    const dir = join(site, 'a', String(Math.floor(i / 1000)));
    if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
    const paragraphs = a.paragraphs ?? (a.body ?? '').split('\n').filter((p) => p.trim());
    writeFileSync(join(dir, `${i}.html`), `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
      `<title>${escapeHtml(a.title)}</title></head><body><main data-pagefind-body>` +
      `<h1>${escapeHtml(a.title)}</h1>\n${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}` +
      `<span data-pagefind-meta="id:${escapeHtml(a.id)}" hidden></span></main></body></html>\n`);
  });
  log('indexing with pagefind');
  const t = performance.now();
  run(bin, ['--site', site, '--output-path', bundle, '--quiet'], { lock: true });
  const info = { offline_index_ms: Math.round(performance.now() - t), version };
  writeFileSync(stampFile, JSON.stringify({ stamp, info }));
  return { bundle, ...info };
}

/** Launches headless Debian Chromium with precise memory figures and gc(). */
async function launchBrowser() {
  const { context, userDataDir } = await launchChromium({
    profilePrefix: 'lede-bench-chromium-',
    args: [
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
      // measureUserAgentSpecificMemory() at once instead of at the next GC (up to 20 s).
      '--enable-blink-features=ForceEagerMeasureMemory',
    ],
  });
  return { context, close: async () => { await context.close(); rmSync(userDataDir, { recursive: true, force: true }); } };
}

const size = (b) => (b == null ? '?' : b >= 1e6 ? `${(b / 1e6).toFixed(1)} MB` : `${(b / 1e3).toFixed(0)} KB`);
const fmt = (x, d = 2) => (x == null ? '-' : typeof x === 'number' ? x.toFixed(d) : String(x));

/** The readable table printed to stdout. */
function formatTable(result) {
  const lines = [];
  const head = ['engine', 'load ms', 'p50 ms', 'p95 ms', 'max ms', 'MRR@10', ...KINDS.map((k) => `MRR ${k}`),
    'found@10', 'memory MB', 'transfer KB', 'queries'];
  const rows = [head];
  for (const [name, r] of Object.entries(result.engines)) {
    if (r.error) {
      rows.push([name, `unavailable: ${r.error}`]);
      continue;
    }
    rows.push([name, fmt(r.load_ms, 0), fmt(r.p50_ms), fmt(r.p95_ms), fmt(r.max_ms, 1),
      fmt(r.mrr10.overall, 3), ...KINDS.map((k) => fmt(r.mrr10[k], 3)), fmt(r.found10.overall, 3),
      r.memory_bytes == null ? '-' : (r.memory_bytes / 1e6).toFixed(1),
      (r.transfer_bytes / 1e3).toFixed(0),
      `${r.queries_run}/${r.queries_total}${r.queries_run < r.queries_total ? '*' : ''}`]);
  }
  const widths = head.map((_, i) => Math.max(...rows.filter((r) => r.length > 2).map((r) => String(r[i]).length)));
  for (const r of rows) {
    lines.push(r.length > 2 ? r.map((c, i) => (i ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ')
      : `${r[0].padEnd(widths[0])}  ${r[1]}`);
  }
  const c = result.corpus;
  lines.push('');
  lines.push(`corpus ${c.file}: ${c.articles} articles, ${size(c.bytes)} JSON ` +
    `(${size(c.transfer_bytes)} gzipped, fetched by the JS peers, not in their "transfer"; lede fetches its pack instead, counted in its "transfer")`);
  lines.push(`queries ${result.queries.file}: ${result.queries.total} known-item queries (${KINDS.map((k) => `${result.queries.per_kind[k] ?? 0} ${k}`).join(', ')})`);
  for (const [name, r] of Object.entries(result.engines)) {
    if (!r.error && r.queries_run < r.queries_total) {
      lines.push(`* ${name}: time budget of ${r.budget_s} s, queries round-robin over the kinds (${r.queries_run} run)`);
    }
  }
  const l = result.engines.lede;
  if (l && !l.error) {
    lines.push(`lede: load = fetch wasm + the pack (index + compact corpus), read as it arrives; ` +
      `building in the page instead takes ${fmt(l.build_ms, 0)} ms; memory = WebAssembly memory (corpus included)`);
  }
  return lines.join('\n');
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`bench: ${e.message}\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (!existsSync(join(ROOT, 'node_modules', 'playwright-core'))) {
    throw new Error('node_modules is missing: run `npm ci` in the repository root');
  }
  mkdirSync(BENCH, { recursive: true });
  const started = performance.now();
  ensureWasm(args.build);
  const lede = ensureLede(args.build);
  const corpus = args.corpus ?? ensureReuters(lede, args.build);
  if (!existsSync(corpus)) throw new Error(`no corpus at ${corpus}`);
  const queries = args.queries ?? ensureQueries(lede, corpus);
  const cache = cacheDir(corpus);
  const pack = args.engines.includes('lede') ? await ensurePack(corpus, cache) : null;
  const pagefind = args.engines.includes('pagefind') ? ensurePagefind(corpus, cache, args.build) : null;
  log(`prepared in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const querySet = JSON.parse(readFileSync(queries, 'utf8'));
  const unavailable = {};
  if (pagefind?.error) unavailable.pagefind = { error: pagefind.error };
  const { startServer } = await import(pathToFileURL(join(ROOT, 'bench', 'server.mjs')).href);
  const config = {
    engines: args.engines,
    corpus: '/data/corpus.json',
    pack: pack ? '/data/corpus.lede' : null,
    pagefind: pagefind && !pagefind.error ? '/data/pagefind/' : null,
    queries: '/data/queries.json',
    budget_s: { default: args.budget, fuse: args.fuseBudget },
    unavailable,
    uasm: !args.serve, // by hand, Chromium lacks ForceEagerMeasureMemory: up to 20 s a call
  };
  const files = { 'corpus.json': corpus, 'queries.json': queries, ...(pack ? { 'corpus.lede': pack } : {}) };
  const server = await startServer({ root: ROOT, files, pagefind: pagefind?.bundle, config, port: args.port });

  if (args.serve) {
    log(`serving; open ${server.url}bench/index.html in Chromium (Ctrl-C stops)`);
    return;
  }

  const browser = await launchBrowser();
  const engines = {};
  try {
    for (const name of args.engines) {
      if (unavailable[name]) {
        engines[name] = unavailable[name];
        continue;
      }
      log(`running ${name}`);
      const page = await browser.context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      // Network bytes seen by the browser, web workers' requests included (pagefind's are).
      const net = { engine: 0, requests: 0, corpus: 0, pending: [] };
      page.on('requestfinished', (request) => {
        const path = new URL(request.url()).pathname;
        if (path.startsWith('/bench/') || path === '/data/config.json' || path === '/data/queries.json') return;
        // sizes() fails now and then for a large streamed body: the Content-Length (the
        // server always sends one) is the same figure.
        const bodySize = request.sizes().then(({ responseBodySize }) => responseBodySize).catch(
          async () => Number((await request.response())?.headers()['content-length'] ?? 0),
        );
        net.pending.push(bodySize.then((responseBodySize) => {
          if (path === '/data/corpus.json') net.corpus += responseBodySize;
          else {
            net.engine += responseBodySize;
            net.requests += 1;
          }
        }, () => {}));
      });
      try {
        await page.goto(`${server.url}bench/index.html?engine=${name}`);
        const handle = await page.waitForFunction(() => window.__benchResult, null, {
          timeout: (config.budget_s[name] ?? args.budget) * 1000 + 600_000,
          polling: 250,
        });
        const r = await handle.jsonValue();
        await Promise.all(net.pending);
        if (!r.error) {
          r.budget_s = config.budget_s[name] ?? args.budget;
          // The page's Resource Timing figures (they miss web workers' requests).
          r.page_transfer_bytes = r.transfer_bytes;
          r.page_decoded_bytes = r.decoded_bytes;
          delete r.decoded_bytes;
          r.transfer_bytes = net.engine;
          r.requests = net.requests;
          r.corpus_transfer_bytes = net.corpus;
        }
        engines[name] = r;
      } catch (e) {
        engines[name] = { error: `${e.message.split('\n')[0]}${errors.length ? `; ${errors.join('; ')}` : ''}` };
      } finally {
        await page.close();
      }
      if (name === 'pagefind' && !engines[name].error) {
        engines[name].offline_index_ms = pagefind.offline_index_ms;
        engines[name].version = pagefind.version;
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  scoreEngines(lede, queries, querySet, corpus, engines);

  const corpusText = readFileSync(corpus, 'utf8');
  const parsed = JSON.parse(corpusText);
  const firstOk = Object.values(engines).find((e) => !e.error && e.corpus_transfer_bytes);
  const versions = Object.fromEntries(['minisearch', 'fuse.js', 'flexsearch', 'pagefind', 'playwright-core']
    .map((p) => [p, JSON.parse(readFileSync(join(ROOT, 'node_modules', p, 'package.json'))).version]));
  const perKind = {};
  for (const q of querySet.queries) perKind[q.kind] = (perKind[q.kind] ?? 0) + 1;
  const result = {
    engines,
    corpus: {
      file: rel(corpus),
      articles: parsed.articles.length,
      bytes: Buffer.byteLength(corpusText),
      transfer_bytes: firstOk?.corpus_transfer_bytes ?? null,
      corpus_text_bytes: parsed.articles.reduce((n, a) => n + Buffer.byteLength(a.title) +
        Buffer.byteLength(a.paragraphs ? a.paragraphs.join('\n') : (a.body ?? '')), 0),
    },
    queries: { file: rel(queries), total: querySet.queries.length, per_kind: perKind },
    environment: {
      chromium: spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? null,
      node: process.version,
      cpus: (await import('node:os')).cpus().length,
      versions,
    },
    notes: [
      'latency: performance.now() around each search call until the top-10 ids are in an array (cross-origin isolated page: 5 us timer resolution); no warm-up, so max includes first-query costs',
      'lede: load_ms = fetch of the wasm and the pack from `lede ingest --pack` (index + compact corpus, the same articles as corpus.json), read chunk by chunk as it arrives (PackReader, as the app does) + fits; build_ms = Engine::new from the corpus JSON without an index (parse + Index::build) in the same page; search computes 2 snippets per hit, as the result list of the app asks',
      'JS peers: load_ms = fetch + JSON.parse of the corpus + index build; pagefind: load_ms = import pagefind.js + init(); its index was built offline (offline_index_ms) and its search loads index chunks and one fragment per result on demand (part of each query time)',
      'memory: Chromium with --enable-precise-memory-info --js-flags=--expose-gc, one fresh page per engine, measured after gc() at the end of the queries; MiniSearch, Fuse.js, FlexSearch = usedJSHeapSize minus the same before building (the parsed {id,title,body} documents are already in that baseline, so not counted); lede = WebAssembly memory byte length, which includes its own copy of the whole corpus and never shrinks (the peak of loading: corpus, index bytes and index; the JSON text is read in chunks and never whole); index_heap_bytes is the index alone; pagefind searches in a web worker: growth of the page + worker JS heaps by performance.measureUserAgentSpecificMemory() (uasm_growth_bytes), which does not see the wasm memory inside its worker',
      'transfer: response body bytes of every request the page and its workers made, from the browser (Playwright requestfinished sizes), gzip as a static host would serve it, no HTTP cache; the corpus JSON is counted once (corpus.transfer_bytes), not in any engine; page_transfer_bytes is the page\'s own Resource Timing sum (which misses worker requests)',
      'MRR@10: 1/rank of the target article within the top 10 (0 when absent), averaged; found@10: share of queries whose target is in the top 10',
    ],
  };
  if (args.json) {
    mkdirSync(dirname(args.json), { recursive: true });
    writeFileSync(args.json, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${rel(args.json)}`);
  }
  console.log(formatTable(result));
  log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  console.error(`bench: ${e.stack ?? e}`);
  process.exit(1);
});
