// Quote highlighting in the reader, on a demo article whose quotes we wrote and know:
// speakers on hover and focus, a quotation across two paragraphs linked, scare quotes left out.
import assert from 'node:assert/strict';
import { browserTest } from './harness.mjs';

const ARTICLE = '043-okafor-brandt-third-term';
const MAYOR = 'Sunniva Okafor-Brandt';

browserTest('the reader highlights quotations and names their speakers', async ({ page, server, errors }) => {
  await page.goto(`${server.url}#article=${ARTICLE}`);
  const quotes = page.locator('.lede-article-body .lede-quote');
  await quotes.first().waitFor();
  const pieces = await quotes.evaluateAll((els) => els.map((el) => ({
    text: el.firstChild.textContent,
    speaker: el.dataset.speaker,
    quotation: el.dataset.quotation,
  })));
  const starts = pieces.map((p) => p.text.slice(0, 24));
  assert.deepEqual(starts, [
    'When I was first elected',
    'Now people ask me, ‘What',
    'I love this city, and I ',
    'Until that changes, I’m ',
    'Sunniva has been a good ',
    'The rest of the city is ',
  ]);
  assert.deepEqual(pieces.map((p) => p.speaker), [MAYOR, MAYOR, MAYOR, MAYOR, 'Ansel Tromp', 'Ansel Tromp']);
  // The quotation that runs from one paragraph into the next is one quotation in two pieces.
  assert.equal(pieces[2].quotation, pieces[3].quotation);
  assert.notEqual(pieces[1].quotation, pieces[2].quotation);
  // The marks stay outside the highlight; scare quotes are not speech.
  assert.ok(!pieces.some((p) => p.text.startsWith('“') || p.text.endsWith('”')));
  assert.equal(await page.locator('.lede-quote', { hasText: 'unfinished business' }).count(), 0);

  // The speaker shows on keyboard focus and on hover, and both pieces of the linked quotation light up.
  const tooltip = quotes.nth(2).locator('.lede-speaker');
  assert.equal(await tooltip.isVisible(), false);
  await quotes.nth(2).focus();
  await tooltip.waitFor({ state: 'visible' });
  assert.equal(await tooltip.innerText(), MAYOR);
  assert.equal(await page.locator('.lede-article-body .lede-quote-active').count(), 2);
  await quotes.nth(4).hover();
  await quotes.nth(4).locator('.lede-speaker').waitFor({ state: 'visible' });

  // Who said what: one row per quotation.
  const rows = page.locator('.lede-quote-row');
  assert.equal(await rows.count(), new Set(pieces.map((p) => p.quotation)).size);
  assert.equal(await rows.nth(0).locator('.lede-quote-speaker').innerText(), MAYOR);
  assert.deepEqual(errors, []);
});
