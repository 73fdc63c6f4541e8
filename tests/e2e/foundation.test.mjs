// The first slice, as a reader sees it: the list, narrowing by typing, the reader, the back
// button, deep links, loading and error states. Expectations come from the bundled corpus.
import assert from 'node:assert/strict';
import { browserTest, bundledCorpus, fold } from './harness.mjs';

const corpus = bundledCorpus();
const articles = corpus.articles;
// textContent, not innerText: a row below the fold is not rendered until it nears the viewport
// (content-visibility: auto, style/main.css), and Chromium gives such a row's innerText as ''.
const resultTitles = (page) => page.locator('.lede-result-title').allTextContents();

/** A word of 5+ letters that occurs in some but not all articles, with the matching ids. */
function distinctiveWord() {
  const text = (a) => fold([a.title, ...a.paragraphs].join(' '));
  const counts = new Map();
  for (const a of articles) {
    for (const w of new Set(fold(a.title).match(/\p{L}{6,}/gu) ?? [])) {
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const [word] = [...counts].filter(([, n]) => n >= 2).sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1))[0]
    ?? [...counts].sort((x, y) => x[1] - y[1])[0];
  return { word, ids: articles.filter((a) => text(a).includes(word)).map((a) => a.id) };
}

browserTest('the list shows every bundled article with title, date and source', async ({ page, server, errors }) => {
  assert.ok(articles.length >= 40, `the demo corpus has ${articles.length} articles, expected >= 40`);
  await page.goto(server.url);
  await page.locator('.lede-result').first().waitFor();
  assert.equal(await page.locator('.lede-count').innerText(), `${articles.length} articles`);
  const titles = await resultTitles(page);
  assert.deepEqual([...titles].sort(), articles.map((a) => a.title).sort());
  const metas = await page.locator('.lede-result-meta').allTextContents();
  const withDate = articles.findIndex((a) => a.date && a.source);
  assert.equal(metas[withDate], `${articles[withDate].date} · ${articles[withDate].source}`);
  assert.deepEqual(errors, []);
});

browserTest('typing in the search box narrows the list', async ({ page, server }) => {
  const { word, ids } = distinctiveWord();
  await page.goto(server.url);
  await page.locator('.lede-result').first().waitFor();
  await page.getByRole('searchbox', { name: 'Search articles' }).fill(word);
  const expected = ids.map((id) => articles.find((a) => a.id === id).title);
  await page.locator('.lede-count').filter({ hasText: `of ${articles.length} articles match` }).waitFor();
  const shown = await resultTitles(page);
  assert.ok(shown.length < articles.length, `"${word}" should narrow the list, shows ${shown.length}`);
  for (const title of expected) assert.ok(shown.includes(title), `"${word}" should list "${title}"`);
  assert.ok(fold(shown[0]).includes(word), `the first result for "${word}" has it in its title: ${shown[0]}`);
  // The address follows the painted results by a frame (hash_state.rs, defer_replace).
  await page.waitForFunction((w) => location.hash.startsWith(`#q=${w}`), word);
  assert.match(page.url(), new RegExp(`#q=${word}`));

  await page.getByRole('searchbox', { name: 'Search articles' }).fill('qqxqzv wvvkjx');
  await page.locator('.lede-count').filter({ hasText: `0 of ${articles.length} articles match` }).waitFor();
  assert.equal(await page.locator('.lede-result').count(), 0);
});

browserTest('clicking a result opens the article and the back button returns', async ({ page, server }) => {
  const { word } = distinctiveWord();
  await page.goto(server.url);
  await page.getByRole('searchbox', { name: 'Search articles' }).fill(word);
  await page.locator('.lede-count').filter({ hasText: 'match' }).waitFor();
  const first = page.locator('.lede-result-title').first();
  const title = await first.innerText();
  const article = articles.find((a) => a.title === title);
  await first.click();
  await page.locator('.lede-article-title').waitFor();
  assert.equal(await page.locator('.lede-article-title').innerText(), article.title);
  assert.deepEqual(await page.locator('.lede-article-body p').allInnerTexts(), article.paragraphs);
  assert.ok(page.url().includes(`article=${encodeURIComponent(article.id)}`), page.url());

  await page.goBack();
  await page.locator('.lede-results').waitFor();
  assert.equal(await page.locator('.lede-article').count(), 0);
  assert.equal(await page.getByRole('searchbox', { name: 'Search articles' }).inputValue(), word);
  assert.equal(await page.locator('.lede-result-title').first().innerText(), title);
});

browserTest('a deep link opens the article directly, and an unknown id says so', async ({ page, server }) => {
  const article = articles[articles.length - 1];
  await page.goto(`${server.url}#article=${encodeURIComponent(article.id)}`);
  await page.locator('.lede-article-title').waitFor();
  assert.equal(await page.locator('.lede-article-title').innerText(), article.title);
  const meta = await page.locator('.lede-article-meta').innerText();
  for (const field of [article.date, article.dateline, article.source].filter(Boolean)) {
    assert.ok(meta.includes(field), `meta "${meta}" shows ${field}`);
  }
  await page.goto(`${server.url}#article=no-such-article`);
  await page.getByText('There is no article “no-such-article” in this corpus.').waitFor();
});

browserTest('a loading state shows while the corpus downloads', async ({ page, server }) => {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/corpus.lede', async (route) => { await held; await route.continue(); });
  await page.goto(server.url);
  await page.getByRole('status').filter({ hasText: 'Loading articles' }).waitFor();
  assert.equal(await page.locator('.lede-result').count(), 0);
  release();
  await page.locator('.lede-result').first().waitFor();
  assert.equal(await page.getByText('Loading articles').count(), 0);
});

const broken = JSON.stringify({
  format: 'lede-corpus',
  version: 1,
  articles: [
    { id: 'fine', title: 'Fine', paragraphs: ['ok'] },
    { id: 'broken-one', title: 'Broken', paragraphs: ['ok', 42] },
  ],
});

browserTest('a broken corpus shows the error panel naming article and field', async ({ page, server }) => {
  await page.goto(server.url);
  const panel = page.getByRole('alert');
  await panel.waitFor();
  const text = await panel.innerText();
  assert.match(text, /could not be loaded/);
  assert.match(text, /article 1 \(id "broken-one"\), field `paragraphs\[1\]`/);
  assert.equal(await page.locator('.lede-result').count(), 0);
}, { serve: { '/corpus.lede': ['application/json', broken] } });

browserTest('a missing corpus shows the error panel with the HTTP status', async ({ page, server }) => {
  await page.route('**/corpus.lede', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(server.url);
  const panel = page.getByRole('alert');
  await panel.waitFor();
  assert.match(await panel.innerText(), /corpus\.lede: HTTP 404/);
});
