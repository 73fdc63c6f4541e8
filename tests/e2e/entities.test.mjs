// Entity filtering and marks: the list filters by a person (AND with the query, kept in the
// hash, undone by the back button), the reader marks mentions, and a corpus that arrives
// without entities gets them in the browser from the lazily fetched model.
import assert from 'node:assert/strict';
import { browserTest, bundledCorpus } from './harness.mjs';

const corpus = bundledCorpus();
const PERSON = 'person:idris-kalvane';
const mentioning = (...ids) => corpus.articles.filter((a) => ids.every((id) => a.entities?.some((e) => e.id === id)));
const titles = (page) => page.locator('.lede-result-title').allTextContents();

browserTest('filtering the list by a person shows exactly the articles about them', async ({ page, server }) => {
  const expected = mentioning(PERSON);
  assert.ok(expected.length >= 2 && expected.length < corpus.articles.length, `${expected.length} articles`);
  const modelRequests = [];
  page.on('request', (r) => { if (r.url().endsWith('/ner.bin')) modelRequests.push(r.url()); });
  await page.goto(server.url);
  const facet = page.locator(`.lede-facet-group[data-kind="person"] .lede-facet[data-entity="${PERSON}"]`);
  await facet.waitFor();
  assert.equal(await facet.locator('.lede-facet-count').innerText(), String(expected.length));
  await facet.click();
  await page.locator('.lede-count').filter({ hasText: `${expected.length} of ${corpus.articles.length}` }).waitFor();
  assert.deepEqual((await titles(page)).sort(), expected.map((a) => a.title).sort());
  assert.match(page.url(), /#e=person%3Aidris-kalvane$/);
  assert.equal(await page.locator(`.lede-chip[data-entity="${PERSON}"]`).count(), 1);
  // The other counts are for the filtered results: a second person narrows to both.
  const second = corpus.entities.find((e) => e.kind === 'person' && e.id !== PERSON && mentioning(PERSON, e.id).length > 0);
  const secondFacet = page.locator(`.lede-facet[data-entity="${second.id}"]`);
  assert.equal(await secondFacet.locator('.lede-facet-count').innerText(), String(mentioning(PERSON, second.id).length));
  await secondFacet.click();
  await page.locator('.lede-count').filter({ hasText: `${mentioning(PERSON, second.id).length} of` }).waitFor();
  assert.deepEqual((await titles(page)).sort(), mentioning(PERSON, second.id).map((a) => a.title).sort());
  // Back twice: the full list again.
  await page.goBack();
  await page.locator('.lede-count').filter({ hasText: `${expected.length} of` }).waitFor();
  await page.goBack();
  await page.locator('.lede-count').filter({ hasText: `${corpus.articles.length} articles` }).waitFor();
  assert.deepEqual(modelRequests, [], 'a corpus with entities never fetches the model');
});

browserTest('the reader marks entity mentions and a mention filters the list', async ({ page, server }) => {
  const article = mentioning(PERSON)[0];
  const entity = article.entities.find((e) => e.id === PERSON);
  await page.goto(`${server.url}#article=${article.id}`);
  const marks = page.locator(`.lede-article-body .lede-entity[data-entity="${PERSON}"]`);
  await marks.first().waitFor();
  assert.equal(await marks.count(), entity.mentions.length);
  const texts = await marks.allInnerTexts();
  for (const [i, m] of entity.mentions.entries()) {
    assert.equal(texts[i], [...article.paragraphs[m.paragraph]].slice(m.start, m.end).join(''));
  }
  // A mention opens the entity's page, whose filter link filters the list.
  await marks.first().click();
  await page.locator('.lede-entity-filter').click();
  await page.locator('.lede-count').filter({ hasText: `${mentioning(PERSON).length} of` }).waitFor();
});

const bare = corpus.articles.find((a) => a.id.startsWith('003-'));
const bareCorpus = JSON.stringify({ articles: [{ id: bare.id, title: bare.title, paragraphs: bare.paragraphs }] });

browserTest('a corpus without entities gets them in the browser', async ({ page, server }) => {
  const modelRequests = [];
  page.on('request', (r) => { if (r.url().endsWith('/ner.bin')) modelRequests.push(r.url()); });
  await page.goto(`${server.url}#article=${bare.id}`);
  const marks = page.locator(`.lede-article-body .lede-entity[data-entity="${PERSON}"]`);
  await marks.first().waitFor();
  assert.ok((await marks.count()) >= 2);
  assert.equal(modelRequests.length, 1, 'the model is fetched once, because it is needed');
  // Quotes are derived too, and their speaker is linked to the entity.
  assert.ok((await page.locator('.lede-quote[data-speaker="Idris Kalvane"]').count()) >= 3);
}, { serve: { '/corpus.lede': ['application/json', bareCorpus] } });

browserTest('a corpus without entities and no entity model is shown, with a warning saying so', async ({ page, server }) => {
  await page.route('**/ner.bin', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`${server.url}#article=${bare.id}`);
  await page.locator('.lede-article-title').waitFor();
  const warning = await page.locator('.lede-warnings li').innerText();
  assert.match(warning, /The entity model \(.*ner\.bin\) could not be loaded: HTTP 404; the entities this corpus lacks are left out/, warning);
  assert.equal(await page.locator('.lede-article-body .lede-entity').count(), 0, 'no entities without the model');
  // Quotes need no model: they are still derived.
  assert.ok((await page.locator('.lede-article-body .lede-quote').count()) >= 3);
}, { serve: { '/corpus.lede': ['application/json', bareCorpus] } });
