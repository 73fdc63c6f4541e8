// The memoryLimitMb mount option, as a string (data-memory-limit-mb on the stand-alone page) or
// a number (mount()): read as JavaScript reads a number, and a bad one named as it was given.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserTest, bundledCorpus, DIST, ROOT } from './harness.mjs';

const corpus = bundledCorpus();
const pack = readFileSync(join(ROOT, 'target', 'demo-corpus', 'corpus.lede'));
const head = readFileSync(join(DIST, 'index.html'), 'utf8').match(/<head>([\s\S]*)<\/head>/)[1];
const withLimit = (mb) => `<!DOCTYPE html><html><head>${head}</head><body>
  <div id="lede" data-corpus="demo.lede" data-memory-limit-mb="${mb}"></div>
</body></html>`;
// A page that mounts through the module API with a number, and writes what mount() threw.
const numberHost = `<!DOCTYPE html><html><head>${head.replace(/<script[^>]*lede-page[^>]*><\/script>/, '')}</head><body>
  <div id="lede"></div><script type="module" src="start-number.js"></script>
</body></html>`;
const startNumber = `import { mount } from './lede-explorer.js';
const root = document.getElementById('lede');
mount(root, { corpus: 'demo.lede', memoryLimitMb: Number(new URL(location).searchParams.get('mb')) })
  .catch((e) => { root.textContent = 'threw: ' + (e?.message ?? e); });`;
const expected = (given) => `memoryLimitMb must be a number of MB, at least 1, not ${given}`;

const serve = {
  '/half.html': ['text/html; charset=utf-8', withLimit('0.5')],
  '/words.html': ['text/html; charset=utf-8', withLimit('lots')],
  '/spaced.html': ['text/html; charset=utf-8', withLimit(' 64 ')],
  '/exponent.html': ['text/html; charset=utf-8', withLimit('6.4e1')],
  '/number.html': ['text/html; charset=utf-8', numberHost],
  '/start-number.js': ['text/javascript; charset=utf-8', startNumber],
  '/demo.lede': ['application/octet-stream', pack],
};

browserTest('a memory limit under 1 MB or not a number is refused, named as given', async ({ page, server }) => {
  for (const [file, given] of [['half', '0.5'], ['words', 'lots']]) {
    await page.goto(`${server.url}${file}.html`);
    const root = page.locator('#lede');
    await root.filter({ hasText: 'could not start' }).waitFor();
    const text = await root.innerText();
    assert.ok(text.includes(expected(given)), `${file}: ${text}`);
  }
  // Through mount() with a number: JavaScript's own text of it (0.25, -3, NaN, Infinity).
  for (const [mb, given] of [['0.25', '0.25'], ['-3', '-3'], ['x', 'NaN'], ['-Infinity', '-Infinity']]) {
    await page.goto(`${server.url}number.html?mb=${mb}`);
    const root = page.locator('#lede');
    await root.filter({ hasText: 'threw:' }).waitFor();
    const text = await root.innerText();
    assert.ok(text.includes(expected(given)), `${mb}: ${text}`);
  }
}, { serve });

browserTest('a memory limit written with spaces or an exponent is read as a number', async ({ page, server }) => {
  for (const file of ['spaced', 'exponent']) {
    await page.goto(`${server.url}${file}.html`);
    await page.locator('#lede .lede-count').filter({ hasText: `${corpus.articles.length} articles` }).waitFor();
  }
}, { serve });
