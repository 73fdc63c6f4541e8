// Lede's engine (bench/engine compiled to wasm): the corpus JSON read as it downloads (as the
// app reads it) + the binary index from `lede ingest --index` (or one built in the page when
// none is served).
/** Loads the engine; see bench.mjs for the adapter contract. */
export async function load(ctx) {
  const t0 = performance.now();
  const glue = await import('/pkg/lede_bench_engine.js');
  const wasmReady = glue.default({ module_or_path: '/pkg/lede_bench_engine_bg.wasm' });
  const indexReady = ctx.config.index ? fetch(ctx.config.index).then((r) => r.arrayBuffer()) : null;
  const response = await fetch(ctx.config.corpus);
  const wasm = await wasmReady;
  const loader = new glue.Loader();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loader.push(value);
  }
  const t1 = performance.now();
  const index = await indexReady;
  const t2 = performance.now();
  const engine = loader.finish(index ? new Uint8Array(index) : undefined);
  const t3 = performance.now();
  return {
    phases: { fetch_and_parse_ms: t1 - t0, index_wait_ms: t2 - t1, finish_ms: t3 - t2 },
    search: (q) => {
      const ids = engine.search(q, 10, 3);
      return ids ? ids.split('\n') : [];
    },
    // The whole WebAssembly memory: corpus, index and what loading left (it never shrinks).
    memory: () => wasm.memory.buffer.byteLength,
    extra: async () => {
      // Building in the page instead of loading the index (after the measurements above).
      const text = await ctx.fetchText(ctx.config.corpus);
      const t = performance.now();
      const built = new glue.Engine(text, undefined);
      const build_ms = performance.now() - t;
      built.free();
      return { ...JSON.parse(engine.stats()), index_served: !!index, build_ms, snippets_per_hit: 3 };
    },
  };
}
