// Embedding: the app mounts into a host page's #lede element, reads its corpus URL from
// data-corpus, and leaves the host page's own links and content alone.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserTest, bundledCorpus, DIST } from './harness.mjs';

const corpus = bundledCorpus();
const head = readFileSync(join(DIST, 'index.html'), 'utf8').match(/<head>([\s\S]*)<\/head>/)[1];
const host = `<!DOCTYPE html><html><head>${head}</head><body>
  <nav><a id="host-link" href="other.html">Host page link</a></nav>
  <p id="host-text">The host's own article.</p>
  <div id="lede" data-corpus="feeds/embedded.json"></div>
</body></html>`;
const other = '<!DOCTYPE html><html><body><h1 id="other">Another host page</h1></body></html>';
const embedded = JSON.stringify({ articles: corpus.articles.slice(0, 3) });

browserTest('the app embeds in a host page and leaves its links alone', async ({ page, server, errors }) => {
  await page.goto(`${server.url}host.html`);
  const results = page.locator('#lede .lede-result');
  await results.first().waitFor();
  assert.equal(await results.count(), 3, 'the corpus named by data-corpus is loaded');
  assert.equal(await page.locator('body > .lede').count(), 0, 'nothing is mounted outside #lede');
  assert.equal(await page.locator('#host-text').innerText(), "The host's own article.");
  await page.locator('#lede .lede-result-title').first().click();
  await page.locator('#lede .lede-article-title').waitFor();
  await page.locator('#host-link').click();
  await page.locator('#other').waitFor();
  assert.ok(page.url().endsWith('/other.html'), page.url());
  assert.deepEqual(errors, []);
}, {
  serve: {
    '/host.html': ['text/html; charset=utf-8', host],
    '/other.html': ['text/html; charset=utf-8', other],
    '/feeds/embedded.json': ['application/json', embedded],
  },
});
