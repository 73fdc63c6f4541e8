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
