// Fuse.js 7 with the options its docs suggest for fuzzy search over long fields.
/** Loads the engine; see bench.mjs for the adapter contract. */
export async function load(ctx) {
  const { default: Fuse } = await import('/node_modules/fuse.js/dist/fuse.min.mjs');
  const docs = await ctx.docs();
  await ctx.baseline();
  const t = performance.now();
  const fuse = new Fuse(docs, { keys: ['title', 'body'], ignoreLocation: true, threshold: 0.4 });
  const build_ms = performance.now() - t;
  return {
    phases: { build_ms },
    search: (q) => fuse.search(q, { limit: 10 }).map((r) => r.item.id),
  };
}
