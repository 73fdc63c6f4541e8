// The reader on the demo corpus: one colour per speaker (and its name beside it), the speaker
// legend with the corpus's counts, a quotation across paragraphs joined and lit as one, the
// evidence in the tooltip, the query's matches marked with Previous/Next; screenshots.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { browserTest, bundledCorpus, fold, SCREENSHOT_DIR, VIEWPORTS } from './harness.mjs';

const corpus = bundledCorpus();

/** The quotation of each piece, numbered by the chains of `next` links (as the app does). */
function quotationOf(article) {
  const of = article.quotes.map(() => -1);
  let count = 0;
  article.quotes.forEach((q, i) => {
    if (of[i] < 0) of[i] = count++;
    if (q.next != null && q.next < of.length) of[q.next] = of[i];
  });
  return of;
}

/** Per attributed speaker (entity id, or folded name): name and quotation numbers. */
function speakersOf(article) {
  const of = quotationOf(article);
  const n = Math.max(-1, ...of) + 1;
  const speakers = new Map();
  for (let quotation = 0; quotation < n; quotation++) {
    const piece = article.quotes.find((q, i) => of[i] === quotation && q.speaker);
    if (!piece) continue;
    const key = piece.speaker.entity ?? `n:${fold(piece.speaker.name)}`;
    if (!speakers.has(key)) speakers.set(key, { name: piece.speaker.name, quotations: [] });
    speakers.get(key).quotations.push(quotation);
  }
  return [...speakers.values()];
}

/** An article with quotations by two speakers or more, one of them across paragraphs, a cue. */
const article = corpus.articles.find((a) => {
  if (!a.quotes?.length || speakersOf(a).length < 2) return false;
  return a.quotes.some((q) => q.next != null && a.quotes[q.next].paragraph !== q.paragraph && (q.cue || a.quotes[q.next].cue));
});
assert.ok(article, 'the demo corpus has an article for the reader test');
const speakers = speakersOf(article);
const of = quotationOf(article);

/** A word of four letters (no typo allowed) of the article's text, several times there, that no other
 * word of the article starts with (so the last word's prefix match adds nothing). */
function findWord(a) {
  const words = a.paragraphs.flatMap((p) => fold(p).split(/[^\p{L}\p{N}]+/u)).filter(Boolean);
  const counts = new Map();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const text = a.paragraphs.map(fold).join('\n');
  const ok = [...counts.entries()]
    .filter(([w, n]) => n >= 2 && w.length === 4 && /^\p{L}+$/u.test(w))
    .filter(([w]) => !words.some((x) => x !== w && x.startsWith(w)))
    // Never joined to a neighbour by an apostrophe or a dot (the tokenizer would join them).
    .filter(([w]) => !new RegExp(`['.]${w}|${w}['.]\\p{L}`, 'u').test(text))
    .sort((x, y) => y[1] - x[1]);
  return ok[0];
}

browserTest('the reader colours speakers, lists them, joins quotations and shows the evidence', async ({ page, server, errors }) => {
  await page.setViewportSize(VIEWPORTS.desktop);
  await page.goto(`${server.url}#article=${article.id}`);
  const pieces = page.locator('.lede-article-body .lede-quote');
  await pieces.first().waitFor();
  const shown = await pieces.evaluateAll((els) => els.map((el) => ({
    quotation: Number(el.dataset.quotation),
    colour: el.dataset.speakerColour,
    line: getComputedStyle(el).borderBottomColor,
  })));
  assert.equal(shown.length, article.quotes.length);
  // One colour per speaker: the same for all its pieces, different between speakers.
  const colourOf = speakers.map((s) => {
    const colours = new Set(shown.filter((p) => s.quotations.includes(p.quotation)).map((p) => `${p.colour} ${p.line}`));
    assert.equal(colours.size, 1, `${s.name}: one colour (${[...colours]})`);
    return [...colours][0];
  });
  assert.equal(new Set(colourOf).size, Math.min(speakers.length, 8), `speakers differ: ${colourOf}`);

  // The legend: each speaker with its name and the corpus's count, in order of first quotation.
  const legend = page.locator('.lede-legend .lede-legend-speaker');
  const rows = await legend.evaluateAll((els) => els.map((el) => ({
    name: el.querySelector('.lede-legend-name').textContent,
    count: Number(el.querySelector('.lede-legend-count').textContent),
  })));
  const attributed = rows.filter((r) => r.name !== 'Unattributed');
  assert.deepEqual(attributed, speakers.map((s) => ({ name: s.name, count: s.quotations.length })));
  // Hovering a speaker lights up its pieces; clicking goes to its first quotation.
  const second = speakers[1];
  const secondPieces = of.filter((q) => second.quotations.includes(q)).length;
  await legend.nth(1).hover();
  await page.locator('.lede-article-body .lede-quote-lit').first().waitFor();
  assert.equal(await page.locator('.lede-article-body .lede-quote-lit').count(), secondPieces);
  await legend.nth(1).click();
  await page.waitForFunction((q) => document.activeElement?.dataset?.quotation === String(q), second.quotations[0]);

  // A quotation across paragraphs: its pieces share data-quotation, one rule joins the
  // paragraphs, and hovering one piece lights up all.
  const first = article.quotes.findIndex((q) => q.next != null && article.quotes[q.next].paragraph !== q.paragraph && (q.cue || article.quotes[q.next].cue));
  const quotation = of[first];
  const group = page.locator(`.lede-article-body .lede-quote[data-quotation="${quotation}"]`);
  const inGroup = of.filter((q) => q === quotation).length;
  assert.equal(await group.count(), inGroup);
  const runs = page.locator(`.lede-article-body p.lede-run[data-run="${quotation}"]`);
  assert.ok(await runs.count() >= 2, 'the paragraphs of the quotation share one rule');
  await page.mouse.move(0, 0);
  await group.first().hover();
  await page.waitForFunction((n) => document.querySelectorAll('.lede-article-body .lede-quote-active').length === n, inGroup);
  // The tooltip on focus shows the speaker and the cue from the corpus.
  const cue = (article.quotes[first].cue ?? article.quotes[article.quotes[first].next].cue).text;
  await page.mouse.move(0, 0);
  await group.first().focus();
  const tip = group.first().locator('.lede-tip');
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.locator('.lede-evidence').innerText(), new RegExp(`cue “${cue}”`));
  assert.equal(await tip.locator('.lede-speaker').innerText(), article.quotes[first].speaker?.name ?? 'Unattributed');
  assert.match(await tip.locator('.lede-part').innerText(), new RegExp(`part 1 of ${inGroup}`));

  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'reader-desktop-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await group.first().focus();
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'reader-desktop-dark.png') });
  assert.deepEqual(errors, []);
});

browserTest('the query is marked in the article, with Previous and Next', async ({ page, server, errors }) => {
  const [word, count] = findWord(article);
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goto(`${server.url}#q=${encodeURIComponent(word)}&article=${article.id}`);
  await page.locator('.lede-findbar').waitFor();
  const marks = page.locator('.lede-article-body mark.lede-find');
  const numbers = await marks.evaluateAll((els) => [...new Set(els.map((e) => e.dataset.find))]);
  assert.equal(numbers.length, count, `${count} × “${word}”`);
  const texts = await marks.evaluateAll((els) => els.map((e) => e.textContent));
  assert.ok(texts.every((t) => fold(t) === word), texts.join(', '));
  await page.locator('.lede-findbar-status').filter({ hasText: `${count} matches` }).waitFor();
  const focused = () => page.evaluate(() => document.activeElement?.dataset?.find ?? null);
  await page.locator('.lede-find-next').click();
  assert.equal(await focused(), '0');
  await page.locator('.lede-findbar-status').filter({ hasText: `1 of ${count}` }).waitFor();
  await page.locator('.lede-find-next').click();
  assert.equal(await focused(), '1');
  assert.equal(await page.locator('mark.lede-find-current').first().getAttribute('data-find'), '1');
  await page.locator('.lede-find-prev').click();
  await page.locator('.lede-find-prev').click();
  assert.equal(await focused(), String(count - 1), 'Previous wraps around to the last');
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'reader-phone.png') });
  assert.deepEqual(errors, []);
});
