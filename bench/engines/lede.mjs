// Lede's engine (bench/engine compiled to wasm): corpus JSON + the binary index from
// `lede ingest --index` (or an index built in the page when none is served).
/** Loads the engine; see bench.mjs for the adapter contract. */
export async function load(ctx) {
  const t0 = performance.now();
  const glue = await import('/pkg/lede_bench_engine.js');
  const [wasm, text, index] = await Promise.all([
    glue.default({ module_or_path: '/pkg/lede_bench_engine_bg.wasm' }),
    ctx.fetchText(ctx.config.corpus),
    ctx.config.index ? fetch(ctx.config.index).then((r) => r.arrayBuffer()) : null,
  ]);
  const t1 = performance.now();
  const engine = new glue.Engine(text, index ? new Uint8Array(index) : undefined);
  const t2 = performance.now();
  return {
    phases: { fetch_ms: t1 - t0, construct_ms: t2 - t1 },
    search: (q) => {
      const ids = engine.search(q, 10, 3);
      return ids ? ids.split('\n') : [];
    },
    // The whole WebAssembly memory: corpus, index and what loading left (it never shrinks).
    memory: () => wasm.memory.buffer.byteLength,
    extra: () => {
      // Building in the page instead of loading the index (after the measurements above).
      const t = performance.now();
      const built = new glue.Engine(text, undefined);
      const build_ms = performance.now() - t;
      built.free();
      return { ...JSON.parse(engine.stats()), index_served: !!index, build_ms, snippets_per_hit: 3 };
    },
  };
}
