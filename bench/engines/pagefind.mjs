// Pagefind 1.x: an index built offline from one HTML page per article; searched through its
// browser API, which fetches index chunks and (for the ids) each result's fragment on demand.
/** Loads the engine; see bench.mjs for the adapter contract. */
export async function load(ctx) {
  await ctx.baseline();
  const t = performance.now();
  const pagefind = await import(`${ctx.config.pagefind}pagefind.js`);
  await pagefind.init();
  const init_ms = performance.now() - t;
  return {
    phases: { init_ms },
    // Pagefind 1.6 searches in a web worker: its heap is not in the page's usedJSHeapSize.
    usesWorker: true,
    search: async (q) => {
      const search = await pagefind.search(q);
      const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
      return data.map((d) => d.meta.id);
    },
  };
}
