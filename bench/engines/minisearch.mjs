// MiniSearch 7 as its docs recommend for fuzzy search.
/** Loads the engine; see bench.mjs for the adapter contract. */
export async function load(ctx) {
  const { default: MiniSearch } = await import('/node_modules/minisearch/dist/es/index.js');
  const docs = await ctx.docs();
  await ctx.baseline();
  const t = performance.now();
  const ms = new MiniSearch({
    fields: ['title', 'text'],
    extractField: (doc, field) => (field === 'text' ? doc.body : doc[field]),
    searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 2 } },
  });
  ms.addAll(docs);
  const build_ms = performance.now() - t;
  return {
    phases: { build_ms },
    search: (q) => ms.search(q).slice(0, 10).map((r) => r.id),
  };
}
