// Lede's engine (bench/engine compiled to wasm) loaded as the app loads a pack: the file from
// `lede ingest --pack` (the index and the compact corpus) read as it downloads.
/** Loads the engine; see bench.mjs for the adapter contract. */
export async function load(ctx) {
  const t0 = performance.now();
  const glue = await import('/pkg/lede_bench_engine.js');
  const wasmReady = glue.default({ module_or_path: '/pkg/lede_bench_engine_bg.wasm' });
  const response = await fetch(ctx.config.pack);
  if (!response.ok) throw new Error(`${ctx.config.pack}: HTTP ${response.status}`);
  const wasm = await wasmReady;
  const loader = new glue.PackLoader();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loader.push(value);
  }
  const t1 = performance.now();
  const engine = loader.finish();
  const t2 = performance.now();
  return {
    phases: { fetch_and_read_ms: t1 - t0, finish_ms: t2 - t1 },
    search: (q) => {
      const ids = engine.search(q, 10, 2);
      return ids ? ids.split('\n') : [];
    },
    // The whole WebAssembly memory: corpus, index and what loading left (it never shrinks).
    memory: () => wasm.memory.buffer.byteLength,
    extra: async () => {
      // Building in the page from the corpus JSON instead (after the measurements above).
      const text = await ctx.fetchText(ctx.config.corpus);
      const t = performance.now();
      const built = new glue.Engine(text, undefined);
      const build_ms = performance.now() - t;
      built.free();
      return { ...JSON.parse(engine.stats()), build_ms, snippets_per_hit: 2 };
    },
  };
}
