// FlexSearch 0.8: a Document index with the "forward" tokenizer and the LatinBalance encoder;
// `suggest: true` (its docs' fourth fuzziness tool) keeps documents that miss a query word.
/** Loads the engine; see bench.mjs for the adapter contract. */
export async function load(ctx) {
  const { Document, Charset } = await import(
    '/node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs'
  );
  const docs = await ctx.docs();
  await ctx.baseline();
  const t = performance.now();
  const index = new Document({
    document: { id: 'id', index: ['title', 'body'] },
    tokenize: 'forward',
    encoder: Charset.LatinBalance,
  });
  for (const doc of docs) index.add(doc);
  const build_ms = performance.now() - t;
  return {
    phases: { build_ms },
    search: (q) =>
      index
        .search(q, { limit: 10, merge: true, suggest: true })
        .slice(0, 10)
        .map((r) => r.id),
  };
}
