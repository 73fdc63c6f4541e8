// The filter panel drives every view: people as quoted or mentioned, the source facet, the
// date histogram (a bar, a dragged range, a range typed into the hash), type-to-filter, Clear
// all; every state is a hash that survives a reload. Expected numbers come from the corpus.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { browserTest, bundledCorpus, ROOT } from './harness.mjs';

const corpus = bundledCorpus();
const N = corpus.articles.length;
const mentions = (a, id) => a.entities?.some((e) => e.id === id);
const quotes = (a, id) => a.quotes?.some((q) => q.speaker?.entity === id);
const count = (page, n) => page.locator('.lede-count').filter({ hasText: n === N ? `${N} articles` : `${n} of ${N}` }).waitFor();

// The person quoted in the most articles who is mentioned in more articles than quoted in.
const people = corpus.entities.filter((e) => e.kind === 'person');
const quotedIn = (id) => corpus.articles.filter((a) => quotes(a, id));
const mentionedIn = (id) => corpus.articles.filter((a) => mentions(a, id));
const speaker = people
  .filter((e) => quotedIn(e.id).length > 0 && mentionedIn(e.id).length > quotedIn(e.id).length)
  .sort((a, b) => quotedIn(b.id).length - quotedIn(a.id).length)[0];

browserTest('people filter as quoted or as mentioned, by the facet switch and the chip', async ({ page, server }) => {
  assert.ok(speaker, 'the demo corpus has a person quoted in fewer articles than mention them');
  const quoted = quotedIn(speaker.id).length;
  const mentioned = mentionedIn(speaker.id).length;
  await page.goto(server.url);
  const group = page.locator('.lede-facet-group[data-kind="person"]');
  await group.locator('.lede-role-switch', { hasText: 'Quoted' }).click();
  const row = group.locator(`.lede-facet[data-entity="${speaker.id}"]`);
  assert.equal(await row.locator('.lede-facet-count').innerText(), String(quoted));
  await row.click();
  await count(page, quoted);
  assert.match(page.url(), new RegExp(`said=${encodeURIComponent(speaker.id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  const titles = await page.locator('.lede-result-title').allTextContents();
  assert.deepEqual(titles.sort(), quotedIn(speaker.id).map((a) => a.title).sort());
  // The chip's switch turns the filter into "mentioned".
  await page.locator('.lede-chip-role', { hasText: 'quoted' }).click();
  await count(page, mentioned);
  assert.equal(await page.locator(`.lede-chip[data-entity="${speaker.id}"]`).count(), 1);
  // A reload keeps the view; back returns to the quoted filter.
  await page.reload();
  await count(page, mentioned);
  await page.goBack();
  await count(page, quoted);
});

browserTest('the source facet and Clear all', async ({ page, server }) => {
  const sources = [...new Set(corpus.articles.map((a) => a.source).filter(Boolean))];
  const source = sources.sort((a, b) => corpus.articles.filter((x) => x.source === b).length - corpus.articles.filter((x) => x.source === a).length)[0];
  const fromSource = corpus.articles.filter((a) => a.source === source);
  await page.goto(server.url);
  const row = page.locator(`.lede-facet-group[data-kind="source"] .lede-facet[data-source="${source}"]`);
  assert.equal(await row.locator('.lede-facet-count').innerText(), String(fromSource.length));
  await row.click();
  await count(page, fromSource.length);
  // A person on top of the source: both apply; Clear all removes both, the query stays.
  const person = people.find((e) => fromSource.some((a) => mentions(a, e.id)));
  await page.locator(`.lede-facet-group[data-kind="person"] .lede-facet[data-entity="${person.id}"]`).click();
  const both = fromSource.filter((a) => mentions(a, person.id)).length;
  await count(page, both);
  await page.locator('.lede-clear-all').click();
  await count(page, N);
  assert.equal(await page.locator('.lede-chip').count(), 0);
});

browserTest('type-to-filter narrows a facet to the names that hold the letters', async ({ page, server }) => {
  await page.goto(server.url);
  const group = page.locator('.lede-facet-group[data-kind="place"]');
  const first = await group.locator('.lede-facet-name').first().innerText();
  const letters = first.slice(0, 3);
  await group.locator('.lede-facet-filter').fill(letters);
  const names = await group.locator('.lede-facet-name').allInnerTexts();
  assert.ok(names.length >= 1 && names.includes(first));
  const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  for (const n of names) assert.ok(fold(n).includes(fold(letters)), `${n} holds ${letters}`);
});

browserTest('the date histogram counts the results and a bar or a drag narrows every view', async ({ page, server }) => {
  const dated = corpus.articles.filter((a) => a.date);
  const month = (a) => a.date.slice(0, 7);
  const byMonth = new Map();
  for (const a of dated) byMonth.set(month(a), (byMonth.get(month(a)) ?? 0) + 1);
  await page.goto(server.url);
  const bars = page.locator('.lede-date-filter .lede-bar');
  await bars.first().waitFor();
  assert.equal(await page.locator('.lede-date-filter').getAttribute('data-granularity'), 'month');
  const periods = await bars.evaluateAll((els) => els.map((e) => [e.dataset.period, Number(e.dataset.count)]));
  const total = periods.reduce((s, [, n]) => s + n, 0);
  assert.equal(total, dated.length, 'every dated article is in one bar');
  for (const [p, n] of periods) assert.equal(n, byMonth.get(p) ?? 0, p);
  // Click the fullest bar: that month only.
  const [fullest, n] = periods.reduce((a, b) => (b[1] > a[1] ? b : a));
  await page.locator(`.lede-bar[data-period="${fullest}"]`).click();
  await count(page, n);
  assert.match(page.url(), new RegExp(`from=${fullest}&to=${fullest}`));
  // Drag across the first five bars (of the full histogram again): their months.
  await page.goto(`${server.url}#`);
  await bars.first().waitFor();
  const five = periods.slice(0, 5);
  const a = await page.locator(`.lede-bar[data-period="${five[0][0]}"]`).boundingBox();
  const b = await page.locator(`.lede-bar[data-period="${five[4][0]}"]`).boundingBox();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height - 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height - 2, { steps: 5 });
  await page.mouse.up();
  const inFive = five.reduce((s, [, k]) => s + k, 0);
  await count(page, inFive);
  assert.match(page.url(), new RegExp(`from=${five[0][0]}&to=${five[4][0]}`));
  // The keyboard: Shift+Enter on a later bar extends the range from its start.
  await page.locator(`.lede-bar[data-period="${periods[6][0]}"] a`).focus();
  await page.keyboard.press('Shift+Enter');
  const inSeven = periods.slice(0, 7).reduce((s, [, k]) => s + k, 0);
  await count(page, inSeven);
  // The quotes page and the results read the same range: a hash with a range typed in.
  const from = '2024-01-01';
  const to = '2024-06-30';
  const inRange = dated.filter((x) => x.date.slice(0, 10) >= from && x.date.slice(0, 10) <= to).length;
  await page.goto(`${server.url}#from=${from}&to=${to}`);
  await count(page, inRange);
  await page.locator('.lede-chip-dates').waitFor();
  await mkdir(join(ROOT, 'target', 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(ROOT, 'target', 'screenshots', 'browse-filters-desktop.png') });
});

browserTest('a crafted link cannot show its own text as filters or freeze the page', async ({ page, server }) => {
  const person = people.find((e) => mentionedIn(e.id).length > 1);
  const junk = Array.from({ length: 5000 }, (_, i) => `x${i}`).join(',');
  await page.goto(`${server.url}#e=any%20text,${encodeURIComponent(person.id)},${encodeURIComponent(person.id)},${junk}`);
  await count(page, mentionedIn(person.id).length);
  assert.equal(await page.locator('.lede-chip').count(), 1, 'one chip: the known entity, once');
  assert.equal(await page.locator('.lede-chip').innerText(), `${person.name} ×`);
  // The cleaned address is written a frame after the page (hash_state.rs, defer_replace).
  await page.waitForFunction(() => !decodeURIComponent(location.hash).includes('any text'));
  assert.ok(!decodeURIComponent(page.url()).includes('any text'), page.url());
});
