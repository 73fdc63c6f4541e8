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

// ---------------------------------------------------------------------------------------------
// <lede-explorer>: examples/embed/index.html, a host page with an aggressive stylesheet, its
// own hash links and two explorers, served with dist/ as lede/ and a small corpus of its own.
import { ROOT, STRICT_CSP, SCREENSHOT_DIR, siteTest } from './harness.mjs';
import { mkdir } from 'node:fs/promises';

const briefs = corpus.articles.slice(0, 3);
const EXAMPLE = {
  dir: join(ROOT, 'examples', 'embed'),
  mounts: { '/lede/': DIST },
  extra: { '/feeds/briefs.json': ['application/json', JSON.stringify({ articles: briefs })] },
  headers: { 'content-security-policy': STRICT_CSP },
};

/** The explorer `id`'s parts, inside its shadow root. */
const inside = (page, id, selector) => page.locator(`#${id}`).locator(selector);

siteTest('two <lede-explorer>s on a hostile host page: isolated styles, own state, host links and hash untouched', async ({ page, site, errors }) => {
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await page.goto(`${site.url}#home`);
  const deskResults = inside(page, 'desk', '.lede-result');
  const briefResults = inside(page, 'briefs', '.lede-result');
  await deskResults.first().waitFor();
  await briefResults.first().waitFor();
  // Each explorer has its own corpus and starting query.
  assert.equal(await briefResults.count(), briefs.length, 'the second explorer shows its own corpus');
  assert.equal(await inside(page, 'desk', '.lede-search').inputValue(), 'harbour', 'query= sets the first explorer\'s search');
  const deskCount = await deskResults.count();
  assert.ok(deskCount > 0 && deskCount < corpus.articles.length, `the query narrows the first explorer: ${deskCount}`);
  assert.equal(page.url().split('#')[1], 'home', 'starting did not touch the hash');

  // Styles, both ways: the host's rules (even `.lede { display: none }`) do not reach inside;
  // Lede's stylesheet is not in the host document and the host keeps its own look.
  const look = await page.evaluate(() => {
    const lede = document.getElementById('desk').shadowRoot.querySelector('.lede');
    const result = document.getElementById('desk').shadowRoot.querySelector('.lede-result-title');
    const host = document.getElementById('host-text');
    const cs = (e) => getComputedStyle(e);
    return {
      ledeDisplay: cs(lede).display,
      ledeFont: cs(lede).fontFamily,
      ledeSize: cs(lede).fontSize,
      ledeTransform: cs(lede).textTransform,
      resultSize: cs(result).fontSize,
      hostSize: cs(host).fontSize,
      hostColour: cs(host).color,
      hostFont: cs(host).fontFamily,
      documentSheets: [...document.styleSheets].map((s) => s.href ?? 'inline'),
    };
  });
  assert.equal(look.ledeDisplay, 'block', 'the host\'s `.lede { display: none }` does not reach inside');
  assert.match(look.ledeFont, /Georgia/, 'Lede keeps its font');
  assert.equal(look.ledeSize, '16px', 'the host\'s 40px body font does not pass into Lede');
  assert.equal(look.ledeTransform, 'none', 'nor its uppercase');
  assert.ok(parseFloat(look.resultSize) < 30, `result titles keep Lede's size: ${look.resultSize}`);
  assert.equal(look.hostSize, '40px', 'the host keeps its font size');
  assert.equal(look.hostColour, 'rgb(153, 0, 0)', 'and its colour');
  assert.match(look.hostFont, /Comic Sans/, 'and its font');
  assert.deepEqual(look.documentSheets.map((h) => h.replace(/.*\//, '')), ['host.css'], 'only the host\'s stylesheet is in the document');

  // Theme and height options.
  assert.equal(await inside(page, 'briefs', '.lede').getAttribute('data-theme'), 'dark');
  const box = await page.evaluate(() => document.getElementById('briefs').shadowRoot.querySelector('.lede-embed').getBoundingClientRect().height);
  assert.equal(Math.round(box), 520, 'height= sizes the explorer');

  // Typing in one explorer changes only that one (events work inside the shadow root).
  const target = briefs[1];
  const word = target.title.split(/\s+/).find((w) => w.length > 5).replace(/[^\p{L}\p{N}]/gu, '');
  await inside(page, 'briefs', '.lede-search').fill(word);
  await page.waitForFunction((n) => document.getElementById('briefs').shadowRoot.querySelectorAll('.lede-result').length < n, briefs.length);
  assert.equal(await deskResults.count(), deskCount, 'the other explorer keeps its results');
  assert.equal(page.url().split('#')[1], 'home', 'a memory explorer never writes the hash');

  // Clicking a result opens it in that explorer only, still without touching the hash.
  await inside(page, 'briefs', '.lede-result-title').first().click();
  await inside(page, 'briefs', '.lede-article-title').waitFor();
  assert.equal(await inside(page, 'desk', '.lede-article-title').count(), 0);
  assert.equal(page.url().split('#')[1], 'home');

  // The namespaced explorer writes #desk:… and reads it back on reload.
  await inside(page, 'desk', '.lede-search').fill('minister');
  await page.waitForFunction(() => location.hash.startsWith('#desk:'));
  assert.equal(decodeURIComponent(page.url().split('#')[1]), 'desk:q=minister');

  // Host links are the host's: the hash changes, no explorer moves.
  await page.locator('#host-q').click();
  await page.waitForFunction(() => location.hash === '#q=not-for-lede');
  await page.locator('#host-section').click();
  await page.waitForFunction(() => location.hash === '#section-2');
  assert.equal(await inside(page, 'desk', '.lede-search').inputValue(), 'minister', 'a foreign hash leaves the explorer alone');
  assert.equal(await inside(page, 'briefs', '.lede-article-title').count(), 1, 'the other explorer stays on its article');

  // Keys: pressed on the host page they are the host's; pressed inside an explorer, its own.
  await page.locator('#host-title').click();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY', 'a key on the host page is not taken');
  await inside(page, 'desk', '.lede-result-title').first().focus();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.getElementById('desk').shadowRoot.activeElement?.className), 'lede-search', '/ inside the explorer focuses its search box');
  assert.equal(await page.evaluate(() => document.getElementById('briefs').shadowRoot.activeElement), null, 'and not the other explorer\'s');

  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 1600 });
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'embed-host.png'), fullPage: true });

  await page.goto(`${site.url}#desk:q=harbour%20vote`);
  await page.reload();
  await inside(page, 'desk', '.lede-result').first().waitFor();
  assert.equal(await inside(page, 'desk', '.lede-search').inputValue(), 'harbour vote', 'the namespaced state comes back from the hash');
  // The "Add your articles" panel, a module imported on first open, is found beside
  // lede-explorer.js whatever the host page's folder, and draws inside the explorer.
  await inside(page, 'briefs', '.lede-own-toggle').click();
  await inside(page, 'briefs', '.lede-own-drop').waitFor();
  assert.equal(await inside(page, 'desk', '.lede-own-drop').count(), 0, 'only in the explorer whose button was pressed');
  assert.deepEqual(violations, [], 'no CSP violation on the host page');
  assert.deepEqual(failed, [], 'every file the explorers ask for is where they look');
  assert.deepEqual(errors, []);
}, { site: EXAMPLE });
