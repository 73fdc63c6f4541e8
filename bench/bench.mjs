// The benchmark page. `index.html?engine=NAME` runs one engine (bench/engines/NAME.mjs) over the
// query set and publishes the result as `window.__benchResult` (and to the parent frame);
// `index.html` alone runs every engine, each in its own iframe, and shows the table.
//
// Adapter contract: `load(ctx)` resolves to `{ phases, search, memory?, extra? }`: `phases` are
// named timings in ms, `search(q)` returns (or resolves to) the ids of the top 10 results,
// `memory()` the engine's own memory figure in bytes (else the JS heap growth counts), `extra()`
// more fields, run after the measurements. `ctx.docs()` fetches and parses the corpus into
// `{id, title, body}` objects; `ctx.baseline()` marks the JS heap before the index is built.

const params = new URLSearchParams(location.search);
const config = await (await fetch('/data/config.json')).json();
const status = document.getElementById('status');
const out = document.getElementById('out');

const hasGc = typeof globalThis.gc === 'function';
/** Used JS heap bytes after a full collection (when the browser exposes gc), else null. */
function heap() {
  if (hasGc) {
    globalThis.gc();
    globalThis.gc();
  }
  return performance.memory ? performance.memory.usedJSHeapSize : null;
}

/**
 * Bytes of the page's and its workers' JS heaps by performance.measureUserAgentSpecificMemory()
 * (workers included, unlike usedJSHeapSize), or null where it is unavailable. Only when the run
 * asks for it: without Chromium's ForceEagerMeasureMemory it takes up to 20 s.
 */
async function uasm() {
  if (!config.uasm || !globalThis.crossOriginIsolated || !performance.measureUserAgentSpecificMemory) {
    return null;
  }
  const timeout = new Promise((ok) => setTimeout(() => ok(null), 30_000));
  const r = await Promise.race([performance.measureUserAgentSpecificMemory(), timeout]);
  if (!r) return null;
  let bytes = 0;
  for (const b of r.breakdown) {
    if (b.attribution.some((a) => a.scope === 'Window' || a.scope === 'DedicatedWorkerGlobalScope')) {
      bytes += b.bytes;
    }
  }
  return bytes;
}

/** Nearest-rank percentile of sorted `xs`. */
function percentile(xs, p) {
  if (!xs.length) return null;
  return xs[Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))];
}

/** Queries interleaved kind by kind (title, typo, prefix, body, title, …), each with its
 * position in the file (`index`). */
function roundRobin(queries) {
  const byKind = new Map();
  for (const q of queries.map((x, index) => ({ ...x, index }))) {
    if (!byKind.has(q.kind)) byKind.set(q.kind, []);
    byKind.get(q.kind).push(q);
  }
  const lists = [...byKind.values()];
  const outList = [];
  for (let i = 0; outList.length < queries.length; i++) {
    for (const l of lists) if (i < l.length) outList.push(l[i]);
  }
  return outList;
}

/** Bytes this page fetched, split into the corpus JSON and everything else of the engine. */
function transfers() {
  const sum = { engine: 0, engine_decoded: 0, requests: 0, corpus: 0, corpus_decoded: 0 };
  for (const e of performance.getEntriesByType('resource')) {
    const path = new URL(e.name).pathname;
    if (path.startsWith('/bench/') || path === '/data/config.json' || path === '/data/queries.json') {
      continue; // the harness itself
    }
    if (path === '/data/corpus.json') {
      sum.corpus += e.encodedBodySize;
      sum.corpus_decoded += e.decodedBodySize;
    } else {
      sum.engine += e.encodedBodySize;
      sum.engine_decoded += e.decodedBodySize;
      sum.requests += 1;
    }
  }
  return sum;
}

const round = (x, d = 3) => (x == null ? x : Math.round(x * 10 ** d) / 10 ** d);

/** Runs engine `name` over the query set; returns its result object. */
async function runEngine(name) {
  performance.setResourceTimingBufferSize(1_000_000);
  const querySet = await (await fetch(config.queries)).json();
  const adapter = await import(`./engines/${name}.mjs`);
  const notes = [];

  const startUasm = await uasm();
  const startHeap = heap();
  let baselineHeap = null;
  let paused = 0;
  const phases = {};
  const ctx = {
    config,
    fetchText: async (url) => (await fetch(url)).text(),
    async docs() {
      const t0 = performance.now();
      const text = await ctx.fetchText(config.corpus);
      const t1 = performance.now();
      const docs = JSON.parse(text).articles.map((a) => ({
        id: a.id,
        title: a.title,
        body: a.paragraphs ? a.paragraphs.join('\n') : (a.body ?? ''),
      }));
      phases.fetch_ms = t1 - t0;
      phases.parse_ms = performance.now() - t1;
      return docs;
    },
    async baseline() {
      const t = performance.now();
      baselineHeap = heap();
      await new Promise((ok) => setTimeout(ok, 0));
      paused += performance.now() - t;
    },
  };

  const t0 = performance.now();
  const engine = await adapter.load(ctx);
  const load_ms = performance.now() - t0 - paused;
  Object.assign(phases, engine.phases);
  if (baselineHeap == null) baselineHeap = startHeap;
  const heapAfterLoad = heap();

  // Queries, kind by kind in turn, until the budget is spent (at least 5 of each kind).
  const budgetMs = (config.budget_s[name] ?? config.budget_s.default) * 1000;
  const kinds = [...new Set(querySet.queries.map((q) => q.kind))];
  const order = roundRobin(querySet.queries);
  const minimum = 5 * kinds.length;
  const times = [];
  const timed = [];
  const ranked = [];
  const started = performance.now();
  for (let i = 0; i < order.length; i++) {
    if (i >= minimum && performance.now() - started > budgetMs) break;
    const q = order[i];
    const t = performance.now();
    let ids = engine.search(q.q);
    if (ids && typeof ids.then === 'function') ids = await ids;
    const top = ids.slice(0, 10);
    const ms = performance.now() - t;
    times.push(ms);
    timed.push({ q: q.q, kind: q.kind, ms });
    ranked.push({ query: q.index, ranked: top.map(String) });
    if (i % 16 === 15) {
      status.textContent = `${name}: ${i + 1}/${order.length} queries`;
      await new Promise((ok) => setTimeout(ok, 0));
    }
  }
  const queries_run = times.length;
  if (queries_run < order.length) {
    notes.push(`time budget ${budgetMs / 1000} s: ${queries_run} of ${order.length} queries run`);
  }
  const heapAfterQueries = heap();
  const endUasm = await uasm();

  const sorted = [...times].sort((a, b) => a - b);
  const p50ByKind = {};
  for (const kind of kinds) {
    p50ByKind[kind] = round(percentile(timed.filter((t) => t.kind === kind).map((t) => t.ms).sort((a, b) => a - b), 50));
  }
  const slowest = [...timed].sort((a, b) => b.ms - a.ms).slice(0, 5).map((t) => ({ ...t, ms: round(t.ms, 2) }));

  const heapGrowth = heapAfterQueries != null ? heapAfterQueries - baselineHeap : null;
  const uasmGrowth = startUasm != null && endUasm != null ? endUasm - startUasm : null;
  let memory_bytes = heapGrowth;
  if (engine.memory) memory_bytes = engine.memory();
  else if (engine.usesWorker) memory_bytes = uasmGrowth;
  const bytes = transfers();
  const extra = engine.extra ? await engine.extra() : {};
  return {
    p50_ms: round(percentile(sorted, 50)),
    p95_ms: round(percentile(sorted, 95)),
    max_ms: round(sorted[sorted.length - 1]),
    mean_ms: round(times.reduce((a, b) => a + b, 0) / queries_run),
    p50_by_kind_ms: p50ByKind,
    slowest,
    // Scored by bench/run with `lede eval score` (the scorer of `lede eval search`) from `ranked`.
    not_first_sample: null,
    mrr10: null,
    found10: null,
    load_ms: round(load_ms, 1),
    phases_ms: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, round(v, 1)])),
    memory_bytes,
    js_heap_after_load_bytes: heapAfterLoad != null ? heapAfterLoad - baselineHeap : null,
    js_heap_after_queries_bytes: heapGrowth,
    uasm_growth_bytes: uasmGrowth,
    transfer_bytes: bytes.engine,
    decoded_bytes: bytes.engine_decoded,
    requests: bytes.requests,
    corpus_transfer_bytes: bytes.corpus,
    corpus_decoded_bytes: bytes.corpus_decoded,
    queries_run,
    queries_total: order.length,
    precise_memory: hasGc && !!performance.memory,
    cross_origin_isolated: globalThis.crossOriginIsolated === true,
    ...extra,
    notes,
    ranked,
  };
}

/** Runs one engine in a hidden iframe and waits for its result. */
function runInFrame(name) {
  return new Promise((resolveRun) => {
    const frame = document.createElement('iframe');
    const onMessage = (e) => {
      if (e.source !== frame.contentWindow || e.data?.engine !== name) return;
      window.removeEventListener('message', onMessage);
      frame.remove();
      resolveRun(e.data.result);
    };
    window.addEventListener('message', onMessage);
    frame.src = `index.html?engine=${encodeURIComponent(name)}`;
    document.body.append(frame);
  });
}

function table(engines) {
  // Quality is scored by bench/run (`lede eval score`); by hand the page shows none.
  const kinds = Object.keys(Object.values(engines).find((e) => e.mrr10)?.mrr10 ?? {});
  const head = ['engine', 'load ms', 'p50 ms', 'p95 ms', 'max ms', ...kinds.map((k) => `MRR ${k}`),
    'found@10', 'memory MB', 'transfer KB', 'queries'];
  const rows = Object.entries(engines).map(([name, r]) =>
    r.error
      ? [name, `error: ${r.error}`]
      : [name, r.load_ms, r.p50_ms, r.p95_ms, r.max_ms, ...kinds.map((k) => r.mrr10[k]),
        r.found10?.overall ?? '-', r.memory_bytes == null ? '?' : (r.memory_bytes / 1e6).toFixed(1),
        (r.transfer_bytes / 1e3).toFixed(0), `${r.queries_run}/${r.queries_total}`],
  );
  const esc = (s) => String(s).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
  return `<table><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</table>`;
}

const engineName = params.get('engine');
if (engineName) {
  let result;
  try {
    status.textContent = `${engineName}: loading`;
    result = await runEngine(engineName);
    status.textContent = `${engineName}: done`;
  } catch (e) {
    result = { error: String(e?.stack ?? e) };
    status.textContent = `${engineName}: ${e}`;
  }
  out.innerHTML = `<pre>${JSON.stringify(result, null, 2).replace(/</g, '&lt;')}</pre>`;
  window.__benchResult = result;
  if (window.parent !== window) window.parent.postMessage({ engine: engineName, result }, '*');
} else {
  const engines = {};
  for (const name of config.engines) {
    status.textContent = `running ${name}…`;
    engines[name] = config.unavailable?.[name] ?? (await runInFrame(name));
    out.innerHTML = table(engines);
  }
  status.textContent = hasGc
    ? 'Done.'
    : 'Done. Memory figures need Chromium with --enable-precise-memory-info --js-flags=--expose-gc (bench/run uses them).';
  window.__benchAll = { engines };
}
