// Quote highlighting in the reader, on a demo article whose quotes we wrote and know:
// speakers on hover and focus, a quotation across two paragraphs linked, a partial quote in
// reported speech attributed, scare quotes and titles left out.
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
    'unfinished business',
    'When I was first elected',
    'Now people ask me, ‘What',
    'I love this city, and I ',
    'Until that changes, I’m ',
    'Sunniva has been a good ',
    'The rest of the city is ',
  ]);
  assert.deepEqual(pieces.map((p) => p.speaker), [MAYOR, MAYOR, MAYOR, MAYOR, MAYOR, 'Ansel Tromp', 'Ansel Tromp']);
  // The quotation that runs from one paragraph into the next is one quotation in two pieces.
  assert.equal(pieces[3].quotation, pieces[4].quotation);
  assert.notEqual(pieces[2].quotation, pieces[3].quotation);
  // The marks stay outside the highlight.
  assert.ok(!pieces.some((p) => p.text.startsWith('“') || p.text.endsWith('”')));

  // The speaker shows on keyboard focus and on hover, and both pieces of the linked quotation light up.
  const tooltip = quotes.nth(3).locator('.lede-speaker');
  assert.equal(await tooltip.isVisible(), false);
  await quotes.nth(3).focus();
  await tooltip.waitFor({ state: 'visible' });
  assert.equal(await tooltip.innerText(), MAYOR);
  assert.equal(await page.locator('.lede-article-body .lede-quote-active').count(), 2);
  await quotes.nth(5).hover();
  await quotes.nth(5).locator('.lede-speaker').waitFor({ state: 'visible' });

  // Who said what: one row per quotation.
  const rows = page.locator('.lede-quote-row');
  assert.equal(await rows.count(), new Set(pieces.map((p) => p.quotation)).size);
  assert.equal(await rows.nth(0).locator('.lede-quote-speaker').innerText(), MAYOR);
  assert.deepEqual(errors, []);
});

browserTest('scare quotes and titles are not highlighted as speech', async ({ page, server }) => {
  await page.goto(`${server.url}#article=020-green-corridor-plan`);
  await page.locator('.lede-article-body .lede-quote').first().waitFor();
  const body = await page.locator('.lede-article-body').innerText();
  assert.ok(body.includes('“green corridor”'), 'the scare quote is in the text');
  assert.equal(await page.locator('.lede-quote', { hasText: 'green corridor' }).count(), 0);
  const speakers = await page.locator('.lede-article-body .lede-quote').evaluateAll((els) => els.map((e) => e.dataset.speaker));
  assert.ok(speakers.includes('Bram Ostrander'), speakers.join(', '));
  await page.goto(`${server.url}#article=021-water-for-all-report`);
  await page.locator('.lede-article-body .lede-quote').first().waitFor();
  assert.equal(await page.locator('.lede-quote', { hasText: 'Water for All' }).count(), 0);
});
