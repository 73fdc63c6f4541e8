// The jump box: a few letters typed without accents, one of them missing, suggest the person
// (accent-blind, fuzzy) and a headline; a suggestion adds the entity to the filter or opens the
// article.
import assert from 'node:assert/strict';
import { browserTest, bundledCorpus } from './harness.mjs';

const corpus = bundledCorpus();
const stripAccents = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const fold = (s) => stripAccents(s).toLowerCase();
const mentioning = (id) => corpus.articles.filter((a) => a.entities?.some((e) => e.id === id));

// A person whose surname (of six letters or more) has accents that fold to plain letters, the
// least mentioned such.
const person = corpus.entities
  .filter((e) => e.kind === 'person' && e.name !== stripAccents(e.name) && /^[a-z -]+$/.test(fold(e.name)))
  .filter((e) => fold(e.name).split(' ').pop().length >= 6)
  .sort((a, b) => a.article_count - b.article_count || a.id.localeCompare(b.id))[0];

browserTest('the jump box finds a person typed without accents and filters by them', async ({ page, server }) => {
  assert.ok(person, 'the demo corpus has a person with an accented name');
  const surname = fold(person.name).split(' ').pop();
  // The surname without accents and without its second letter: `frrandiz` for Ferrándiz.
  const typed = surname.slice(0, 1) + surname.slice(2);
  await page.goto(server.url);
  const input = page.locator('.lede-jump-input');
  await input.fill(typed);
  const first = page.locator('.lede-jump-hit').first();
  await first.waitFor();
  assert.equal(await first.getAttribute('data-target'), person.id, `first suggestion for ${typed}`);
  assert.equal(await first.locator('.lede-jump-kind').innerText(), 'Person');
  // The matched letters are marked in the name as written, accents and all.
  const marked = (await first.locator('mark').allInnerTexts()).join('');
  assert.equal(fold(marked), typed, `marks of ${person.name}`);
  // The label is the name or an alias of it followed by the name.
  const label = await first.innerText();
  assert.ok(label.includes(person.name), `${label} names ${person.name}`);
  // The suggestion opens the person's page, whose filter link filters the list.
  await first.click();
  await page.locator('.lede-entity-filter').click();
  const expected = mentioning(person.id);
  await page.locator('.lede-count').filter({ hasText: `${expected.length} of ${corpus.articles.length}` }).waitFor();
  assert.deepEqual((await page.locator('.lede-result-title').allTextContents()).sort(), expected.map((a) => a.title).sort());
  assert.equal(await page.locator(`.lede-chip[data-entity="${person.id}"]`).count(), 1);
  assert.equal(await page.locator('.lede-jump-input').inputValue(), '', 'the jump box clears');
  assert.equal(await page.locator('.lede-jump-hit').count(), 0);
});

browserTest('the jump box opens an article by a few words of its headline, by mouse or keys', async ({ page, server }) => {
  const article = corpus.articles[7];
  const words = fold(article.title).split(/[^a-z0-9]+/).filter((w) => w.length > 4).slice(0, 2);
  assert.equal(words.length, 2, `two long words in ${article.title}`);
  await page.goto(server.url);
  await page.locator('.lede-jump-input').fill(words.join(' '));
  const hit = page.locator(`.lede-jump-hit[data-target="${article.id}"]`);
  await hit.waitFor();
  assert.equal(await hit.locator('.lede-jump-kind').innerText(), 'Article');
  await hit.click();
  await page.locator('.lede-article-title').waitFor();
  assert.equal(await page.locator('.lede-article-title').innerText(), article.title);
  // The arrow keys walk the suggestions; Enter opens the focused one.
  await page.goBack();
  // One word of the headline that suggests several things, this article among them.
  let order = [];
  for (const word of fold(article.title).split(/[^a-z0-9]+/).filter((w) => w.length > 3)) {
    await page.locator('.lede-jump-input').fill(word);
    await page.locator('.lede-jump-hit').first().waitFor();
    order = await page.locator('.lede-jump-hit').evaluateAll((links) => links.map((a) => a.dataset.target));
    if (order.length > 1 && order.includes(article.id)) break;
  }
  assert.ok(order.length > 1 && order.includes(article.id), `several suggestions: ${order}`);
  const at = order.indexOf(article.id);
  await page.locator('.lede-jump-input').press('ArrowDown');
  for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.target), article.id);
  const focused = () => page.evaluate(() => document.activeElement.dataset.target ?? document.activeElement.className);
  // Down and back up (when there is a next suggestion), up past the first to the input and down.
  if (at + 1 < order.length) {
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), order[at + 1]);
    await page.keyboard.press('ArrowUp');
  }
  assert.equal(await focused(), article.id);
  for (let i = 0; i <= at; i++) await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), 'lede-jump-input');
  for (let i = 0; i <= at; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), article.id);
  await page.keyboard.press('Enter');
  await page.locator('.lede-article-title').waitFor();
  assert.equal(await page.locator('.lede-article-title').innerText(), article.title);
  // Escape empties the box and its suggestions.
  await page.goBack();
  await page.locator('.lede-jump-input').fill('zzzz qqq');
  await page.locator('.lede-jump-input').fill(words[0]);
  await page.locator('.lede-jump-hit').first().waitFor();
  await page.locator('.lede-jump-input').press('Escape');
  await page.waitForFunction(() => document.querySelectorAll('.lede-jump-hit').length === 0);
  assert.equal(await page.locator('.lede-jump-input').inputValue(), '');
});
