// Packs: a host page names a pack (`lede ingest --pack`: compact corpus and index in one file)
// in data-corpus; the app reads it instead of JSON, searches it, and names a broken one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserTest, bundledCorpus, DIST, ROOT } from './harness.mjs';

const corpus = bundledCorpus();
// Written by the Trunk pre-build hook beside the corpus dist/ bundles.
const pack = readFileSync(join(ROOT, 'target', 'demo-corpus', 'corpus.lede'));
const head = readFileSync(join(DIST, 'index.html'), 'utf8').match(/<head>([\s\S]*)<\/head>/)[1];
const host = (url) => `<!DOCTYPE html><html><head>${head}</head><body>
  <div id="lede" data-corpus="${url}"></div>
</body></html>`;
// A one-typo query from the committed demo query set, with the article it must find.
const typo = JSON.parse(readFileSync(join(ROOT, 'bench', 'queries', 'demo.json'), 'utf8'))
  .queries.find((q) => q.kind === 'typo');

browserTest('a pack loads without the JSON and searches like it', async ({ page, server, errors }) => {
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}host.html#q=${encodeURIComponent(typo.q)}`);
  const first = page.locator('#lede .lede-result').first();
  await first.waitFor();
  assert.equal(await first.getAttribute('data-article'), typo.target, `"${typo.q}" finds ${typo.target} first`);
  assert.ok((await first.locator('mark').count()) > 0, 'the match is marked');
  await page.goto(`${server.url}host.html#`);
  await page.locator('#lede .lede-count').filter({ hasText: `${corpus.articles.length} articles` }).waitFor();
  assert.ok(requested.includes('/demo.lede'), requested.join(' '));
  assert.ok(!requested.some((p) => p.endsWith('.json') || p.endsWith('.index')), requested.join(' '));
  assert.deepEqual(errors, []);
}, {
  serve: {
    '/host.html': ['text/html; charset=utf-8', host('demo.lede')],
    '/demo.lede': ['application/octet-stream', pack],
  },
});

browserTest('a truncated pack is named in the error panel', async ({ page, server }) => {
  await page.goto(`${server.url}host.html`);
  const message = page.locator('#lede .lede-error-message');
  await message.waitFor();
  const text = await message.innerText();
  assert.match(text, /cut\.lede is not a valid Lede pack: the pack's corpus is damaged: .*end inside article/, text);
  assert.equal(await page.locator('#lede .lede-result').count(), 0, 'nothing half-shown');
}, {
  serve: {
    '/host.html': ['text/html; charset=utf-8', host('cut.lede')],
    '/cut.lede': ['application/octet-stream', pack.subarray(0, pack.length - 100)],
  },
});

// A pack whose header claims an index section of `bytes` (the rest as it is): what a corpus
// too big for the tab announces in its first 28 bytes.
function claiming(bytes) {
  const forged = Buffer.from(pack);
  forged.writeBigUInt64LE(BigInt(bytes), 12);
  return forged;
}
const hostWithLimit = (url, mb) => host(url).replace('<div id="lede"', `<div id="lede" data-memory-limit-mb="${mb}"`);
// `lede_search::pack::MEMORY_PER_INDEX_BYTE`: the estimate is the index section times this.
const PER_INDEX_BYTE = 8;

browserTest('a pack too big for the tab is refused before it loads, with what to do', async ({ page, server }) => {
  const claim = 3_500_000_000; // fits wasm32's usize; 28 GB of memory estimated
  await page.goto(`${server.url}host.html`);
  const message = page.locator('#lede .lede-error-message');
  await message.waitFor();
  const text = await message.innerText();
  const need = Math.ceil((claim * PER_INDEX_BYTE) / 2 ** 20);
  assert.match(text, /huge\.lede is too large to open in this tab/, text);
  assert.ok(text.includes(`about ${need} MB`) && text.includes('than the 2048 MB'), text);
  assert.match(text, /smaller corpus, or split this one/, text);
  assert.equal(await page.locator('#lede .lede-result').count(), 0, 'nothing half-shown');
}, {
  serve: {
    '/host.html': ['text/html; charset=utf-8', host('huge.lede')],
    '/huge.lede': ['application/octet-stream', claiming(3_500_000_000)],
  },
});

browserTest('the memory limit is a mount option: under it a pack reads, over it it is refused', async ({ page, server }) => {
  // 200 MB of index claimed: 1,600 MB estimated, under the default limit, so the reader goes on
  // and finds the pack damaged; under a 1,000 MB limit the same pack is refused up front.
  const claim = 200 * 2 ** 20;
  await page.goto(`${server.url}default.html`);
  const message = page.locator('#lede .lede-error-message');
  await message.waitFor();
  assert.match(await message.innerText(), /big\.lede is not a valid Lede pack/);
  await page.goto(`${server.url}limited.html`);
  await message.waitFor();
  const text = await message.innerText();
  assert.ok(text.includes(`about ${(claim * PER_INDEX_BYTE) / 2 ** 20} MB`) && text.includes('than the 1000 MB'), text);
  // And the real pack, well under a small limit, loads.
  await page.goto(`${server.url}small.html`);
  await page.locator('#lede .lede-count').filter({ hasText: `${corpus.articles.length} articles` }).waitFor();
}, {
  serve: {
    '/default.html': ['text/html; charset=utf-8', host('big.lede')],
    '/limited.html': ['text/html; charset=utf-8', hostWithLimit('big.lede', 1000)],
    '/small.html': ['text/html; charset=utf-8', hostWithLimit('demo.lede', 64)],
    '/big.lede': ['application/octet-stream', claiming(200 * 2 ** 20)],
    '/demo.lede': ['application/octet-stream', pack],
  },
});
