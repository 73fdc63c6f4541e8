// The search engine in the app: a misspelled query puts the right article first with its match
// marked, body matches show as snippets with marks, the query combines with the entity filter,
// phrases and exclusions work, the default page reads the bundled pack, and a JSON corpus uses
// the index built at ingest.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CORPUS, browserTest, bundledCorpus, fold, hostPage } from './harness.mjs';

const corpus = bundledCorpus();
const articles = corpus.articles;
const words = (s) => fold(s).match(/\p{L}+/gu) ?? [];
const allText = articles.map((a) => words([a.title, ...a.paragraphs].join(' ')).join(' ')).join(' ');
const vocabulary = new Set(allText.split(' '));

/** Swaps two neighbouring inner letters: one typo (a transposition) in a word of 6+ letters. */
function transpose(word) {
  for (let i = 2; i + 1 < word.length; i++) {
    if (word[i] !== word[i + 1]) {
      const t = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      if (!vocabulary.has(t)) return t;
    }
  }
  return null;
}

/** A title word (7+ letters) found in exactly one article's whole text, with that article. */
function uniqueTitleWord() {
  const inArticles = new Map();
  for (const a of articles) {
    for (const w of new Set(words([a.title, ...a.paragraphs].join(' ')))) {
      inArticles.set(w, (inArticles.get(w) ?? 0) + 1);
    }
  }
  for (const a of articles) {
    for (const w of words(a.title)) {
      if (w.length >= 7 && inArticles.get(w) === 1 && transpose(w)) return { word: w, article: a };
    }
  }
  throw new Error('no title word of 7+ letters is unique to one article');
}

/** A body word (7+ letters) that no title contains, in 1-3 articles. */
function bodyOnlyWord() {
  const titles = new Set(articles.flatMap((a) => words(a.title)));
  const inArticles = new Map();
  for (const a of articles) {
    for (const w of new Set(words(a.paragraphs.join(' ')))) {
      if (w.length >= 7 && !titles.has(w)) inArticles.set(w, [...(inArticles.get(w) ?? []), a.id]);
    }
  }
  const [word, ids] = [...inArticles].filter(([, ids]) => ids.length <= 3).sort((x, y) => (x[0] < y[0] ? -1 : 1))[0];
  return { word, ids };
}

browserTest('a misspelled query puts the right article first with its match marked', async ({ page, server, errors }) => {
  const { word, article } = uniqueTitleWord();
  const typo = transpose(word);
  await page.goto(server.url);
  await page.locator('.lede-result').first().waitFor();
  await page.getByRole('searchbox', { name: 'Search articles' }).pressSequentially(typo, { delay: 20 });
  await page.locator('.lede-count').filter({ hasText: 'match' }).waitFor();
  await page.waitForFunction((t) => decodeURIComponent(location.hash).includes(t), typo);
  const first = page.locator('.lede-result').first();
  await page.waitForFunction(
    (id) => document.querySelector('.lede-result')?.dataset.article === id,
    article.id,
  );
  assert.equal(await first.locator('.lede-result-title').innerText(), article.title);
  const marks = await first.locator('.lede-result-title mark').allInnerTexts();
  assert.ok(marks.some((m) => fold(m) === word), `"${typo}" marks "${word}" in the title: ${JSON.stringify(marks)}`);
  // The marks are elements with text (in the title's one <bdi>), never markup injected from strings.
  const html = await first.locator('.lede-result-title').innerHTML();
  assert.ok(!/&lt;|<(?!\/?(?:mark|bdi)>|!--)/.test(html.replace(/<!--[^>]*-->/g, '')), html);
  assert.deepEqual(errors, []);
});

browserTest('body matches show as snippets with the word marked', async ({ page, server }) => {
  const { word, ids } = bodyOnlyWord();
  await page.goto(`${server.url}#q=${encodeURIComponent(word)}`);
  await page.locator('.lede-count').filter({ hasText: `${ids.length} of ${articles.length}` }).waitFor();
  const shown = await page.locator('.lede-result').evaluateAll((els) => els.map((e) => e.dataset.article));
  assert.deepEqual([...shown].sort(), [...ids].sort());
  const marks = await page.locator('.lede-result').first().locator('.lede-snippet mark').allInnerTexts();
  assert.ok(marks.length >= 1 && marks.every((m) => fold(m) === word), `marks ${JSON.stringify(marks)} for "${word}"`);
  const snippet = await page.locator('.lede-result').first().locator('.lede-snippet').first().innerText();
  const article = articles.find((a) => a.id === shown[0]);
  const paragraph = article.paragraphs.find((p) => fold(p).includes(word));
  const inner = snippet.replace(/^…|…$/g, '');
  assert.ok(paragraph.includes(inner), `the snippet "${inner}" is text of the paragraph`);
});

browserTest('the query combines with the entity filter', async ({ page, server }) => {
  // A person with several articles, and a word that some but not all of them contain.
  const mentions = (a, id) => a.entities?.some((e) => e.id === id);
  const person = corpus.entities
    .filter((e) => e.kind === 'person')
    .map((e) => ({ e, list: articles.filter((a) => mentions(a, e.id)) }))
    .sort((x, y) => y.list.length - x.list.length)[0];
  const inAll = (w) => person.list.every((a) => words([a.title, ...a.paragraphs].join(' ')).includes(w));
  const counts = new Map();
  for (const a of person.list) {
    for (const w of new Set(words([a.title, ...a.paragraphs].join(' ')))) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const [word] = [...counts].filter(([w, n]) => w.length >= 6 && n >= 1 && !inAll(w)).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
  await page.goto(`${server.url}#q=${encodeURIComponent(word)}&e=${encodeURIComponent(person.e.id)}`);
  await page.locator('.lede-count').filter({ hasText: 'match' }).waitFor();
  const shown = await page.locator('.lede-result').evaluateAll((els) => els.map((e) => e.dataset.article));
  assert.ok(shown.length >= 1 && shown.length < person.list.length, `"${word}" with ${person.e.id}: ${shown.length} of ${person.list.length}`);
  for (const id of shown) {
    const a = articles.find((x) => x.id === id);
    assert.ok(mentions(a, person.e.id), `${id} mentions ${person.e.id}`);
  }
  for (const a of person.list.filter((x) => words([x.title, ...x.paragraphs].join(' ')).includes(word))) {
    assert.ok(shown.includes(a.id), `${a.id} has "${word}" and ${person.e.id}`);
  }
});

browserTest('phrases and exclusions narrow the results', async ({ page, server }) => {
  const { word, article } = uniqueTitleWord();
  // A three-word phrase of the article's first paragraph that no other article has finds it
  // first, though other articles have its words.
  const norm = (s) => words(s).join(' ');
  const others = articles.filter((a) => a !== article).map((a) => norm(a.paragraphs.join(' ')));
  const tokens = words(article.paragraphs[0]);
  const phrase = tokens
    .map((_, i) => tokens.slice(i, i + 3).join(' '))
    .find((p, i) => i + 3 <= tokens.length && !others.some((o) => o.includes(p)) && p.split(' ').every((w) => others.some((o) => o.includes(w))));
  assert.ok(phrase, 'the first paragraph has a phrase of its own');
  await page.goto(`${server.url}#q=${encodeURIComponent(`"${phrase}"`)}`);
  await page.locator('.lede-count').filter({ hasText: `1 of ${articles.length} articles matches` }).waitFor();
  assert.equal(await page.locator('.lede-result').first().getAttribute('data-article'), article.id, `"${phrase}"`);
  // Excluding the unique word drops the article from a browse of everything.
  await page.goto(`${server.url}#q=${encodeURIComponent(`-${word}`)}`);
  await page.locator('.lede-count').filter({ hasText: `${articles.length - 1} of ${articles.length}` }).waitFor();
  assert.equal(await page.locator(`.lede-result[data-article="${article.id}"]`).count(), 0);
});

browserTest('the default page reads the bundled pack, without JSON or the worker', async ({ page, server }) => {
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(server.url);
  await page.locator('.lede-count').filter({ hasText: `${articles.length} articles` }).waitFor();
  assert.ok(requested.includes('/corpus.lede'), requested.join(' '));
  const unwanted = requested.filter((p) => /\.(json|index)$|lede-worker|ner\.bin/.test(p) && !p.endsWith('lede-site.json'));
  assert.deepEqual(unwanted, [], 'nothing but the pack is fetched for the corpus');
});

// A JSON corpus named with its stored index: read in the worker, which uses the index when it
// belongs to the corpus and builds one when it does not.
const demoJson = readFileSync(join(DEMO_CORPUS, 'corpus.json'));
const demoIndex = readFileSync(join(DEMO_CORPUS, 'corpus.index'));
const jsonHost = hostPage('demo.json').replace('<div id="lede"', '<div id="lede" data-index="demo.index"');
browserTest('a JSON corpus with its stored index loads through the worker', async ({ page, server }) => {
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${server.url}host.html`);
  await page.locator('#lede .lede-count').filter({ hasText: `${articles.length} articles` }).waitFor();
  assert.deepEqual(warnings.filter((w) => w.includes('index')), []);
  const { word, article } = uniqueTitleWord();
  await page.getByRole('searchbox', { name: 'Search articles' }).fill(word);
  await page.locator('#lede .lede-count').filter({ hasText: 'match' }).waitFor();
  assert.equal(await page.locator('#lede .lede-result').first().getAttribute('data-article'), article.id);
}, { serve: { '/host.html': ['text/html; charset=utf-8', jsonHost], '/demo.json': ['application/json', demoJson], '/demo.index': ['application/octet-stream', demoIndex] } });

browserTest('a stale index is ignored and the worker builds its own', async ({ page, server }) => {
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  // Serve the real index with a corpus that lacks its first article.
  const smaller = JSON.stringify({ ...corpus, articles: articles.slice(1) });
  await page.route('**/demo.json', (route) => route.fulfill({ contentType: 'application/json', body: smaller }));
  await page.goto(`${server.url}host.html`);
  await page.locator('.lede-count').filter({ hasText: `${articles.length - 1} articles` }).waitFor();
  assert.ok(warnings.some((w) => w.includes('another corpus')), JSON.stringify(warnings));
  const { word, article } = uniqueTitleWord();
  await page.getByRole('searchbox', { name: 'Search articles' }).fill(word);
  await page.locator('.lede-count').filter({ hasText: 'match' }).waitFor();
  if (article.id !== articles[0].id) {
    assert.equal(await page.locator('.lede-result').first().getAttribute('data-article'), article.id);
  }
}, { serve: { '/host.html': ['text/html; charset=utf-8', jsonHost], '/demo.json': ['application/json', demoJson], '/demo.index': ['application/octet-stream', demoIndex] } });
