// Every view is a URL: a link copied from any page, with every kind of state in it, opens the
// same view in a fresh tab; back and forward walk through pages as they were visited.
import assert from 'node:assert/strict';
import { browserTest, bundledCorpus } from './harness.mjs';

const corpus = bundledCorpus();
const person = corpus.entities.find((e) => e.kind === 'person' && corpus.articles.filter((a) => a.entities?.some((x) => x.id === e.id)).length > 1);
const source = corpus.articles.find((a) => a.source)?.source;
const quoted = corpus.articles.find((a) => (a.quotes?.length ?? 0) > 1);

/** What a reader sees of the view: the page's own markers, the query, the chips, the count. */
async function snapshot(page) {
  return page.evaluate(() => ({
    page: document.querySelector('.lede-quotes') ? 'quotes'
      : document.querySelector('.lede-entity-profile') ? 'entity'
        : document.querySelector('.lede-article') ? 'article' : 'browse',
    query: document.querySelector('.lede-search')?.value,
    chips: [...document.querySelectorAll('.lede-chip')].map((c) => c.textContent.trim()),
    count: document.querySelector('.lede-count, .lede-quotes-count')?.textContent.trim() ?? null,
    title: document.querySelector('h1')?.textContent.trim(),
    focus: document.querySelector('.lede-quote-focus')?.dataset.quotation ?? null,
    sort: document.querySelector('.lede-quote-sort-link[aria-current]')?.textContent.trim() ?? null,
  }));
}

const views = [
  `#q=budget&e=${encodeURIComponent(person.id)}&src=${encodeURIComponent(source)}&from=2023&to=2025-06&sort=newest`,
  `#said=${encodeURIComponent(person.id)}&page=quotes&qs=name`,
  `#q=the&page=quotes&qq=we`,
  `#entity=${encodeURIComponent(person.id)}`,
  `#article=${encodeURIComponent(quoted.id)}&quote=1`,
];

// What each view must show, beyond being the same in both tabs.
const expect = [
  (v) => v.page === 'browse' && v.query === 'budget' && v.chips.length === 3,
  (v) => v.page === 'quotes' && v.sort === 'Name' && / quotations? by /.test(v.count),
  (v) => v.page === 'quotes' && v.query === 'the',
  (v) => v.page === 'entity' && v.title === person.name,
  (v) => v.page === 'article' && v.title === quoted.title && v.focus === '1',
];

browserTest('a copied link reproduces each view exactly in a fresh tab', async ({ page, server, context }) => {
  for (const [i, hash] of views.entries()) {
    await page.goto(`${server.url}${hash}`);
    await page.locator('.lede-main > *:not(.lede-status)').first().waitFor();
    await page.waitForTimeout(200);
    const seen = await snapshot(page);
    assert.ok(expect[i](seen), `${hash}: ${JSON.stringify(seen)}`);
    const copied = page.url();
    const other = await context.newPage();
    await other.goto(copied);
    await other.locator('.lede-main > *:not(.lede-status)').first().waitFor();
    await other.waitForTimeout(200);
    assert.deepEqual(await snapshot(other), seen, hash);
    assert.equal(other.url(), copied, 'the fresh tab keeps the link as it was');
    await other.close();
  }
});

browserTest('back and forward walk through pages as visited', async ({ page, server }) => {
  const visited = [];
  for (const hash of ['#', ...views]) {
    await page.goto(`${server.url}${hash}`);
    await page.locator('.lede-main > *:not(.lede-status)').first().waitFor();
    await page.waitForTimeout(150);
    visited.push(await snapshot(page));
  }
  for (let i = visited.length - 2; i >= 0; i--) {
    await page.goBack();
    await page.waitForTimeout(250);
    assert.deepEqual(await snapshot(page), visited[i], `back to view ${i}`);
  }
  await page.goForward();
  await page.waitForTimeout(250);
  assert.deepEqual(await snapshot(page), visited[1], 'forward again');
});

// Typing replaces the history entry after the next paint (src/hash_state.rs): a link followed
// before then must still leave the typed query in the entry it leaves, and moving back through
// history must not be overwritten by a write that was pending.
browserTest('a link followed while the typed query is unwritten keeps history in order', async ({ page, server }) => {
  await page.goto(server.url);
  await page.locator('.lede-result').first().waitFor();
  const opened = await page.evaluate(() => {
    const box = document.querySelector('.lede-search');
    box.value = 'budget';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    // Same task: the replacement is still pending when the link is followed.
    const pending = location.hash;
    document.querySelector('.lede-result-title').click();
    return { pending, after: location.hash };
  });
  assert.ok(!opened.pending.includes('q=budget'), `the typed query is written after the paint, not at once: ${opened.pending}`);
  assert.ok(opened.after.includes('article='), opened.after);
  await page.locator('.lede-article').waitFor();
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes('article='));
  assert.equal(await page.evaluate(() => location.hash), '#q=budget', 'the entry left holds the typed query');
  await page.locator('.lede-search').evaluate((b) => b.value).then((v) => assert.equal(v, 'budget'));

  // Typing, then going back before the write: the entry gone back to keeps its own hash.
  await page.goto(`${server.url}#q=harbour`);
  await page.locator('.lede-result').first().waitFor();
  await page.evaluate(() => { location.hash = 'q=budget&page=quotes'; });
  await page.locator('.lede-quotes').waitFor();
  await page.evaluate(() => {
    const box = document.querySelector('.lede-quote-search');
    box.value = 'minister';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    history.back();
  });
  await page.waitForFunction(() => location.hash === '#q=harbour');
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => location.hash), '#q=harbour', 'the pending quote search did not overwrite the entry gone back to');
});

// The race a fast typist makes: the first keystroke in the reader pushes a new entry, and its
// hashchange event arrives only after more keystrokes asked for replacements of that entry.
// The late event must not put the first keystroke's query back.
browserTest('a push’s late hashchange does not undo the typing after it', async ({ page, server }) => {
  await page.goto(`${server.url}#article=043-okafor-brandt-third-term`);
  await page.locator('.lede-article-title').waitFor();
  const during = await page.evaluate(() => {
    const box = document.querySelector('.lede-search');
    const type = (v) => { box.value = v; box.dispatchEvent(new Event('input', { bubbles: true })); };
    type('m');
    const pushed = location.hash;
    type('mayor');
    type('');
    return pushed;
  });
  assert.ok(during.includes('q=m'), `the first keystroke made its own entry at once: ${during}`);
  await page.waitForTimeout(400);
  assert.equal(await page.locator('.lede-search').inputValue(), '', 'the box keeps what was typed last');
  const hash = await page.evaluate(() => location.hash);
  assert.ok(!hash.includes('q=m'), `the address holds what was typed last: ${hash}`);
});
