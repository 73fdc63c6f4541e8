// The entity page: for the demo corpus's most mentioned person, `#entity=ID` shows its name,
// kind and aliases, its articles over time, its quotations, the entities it appears with most
// and its articles, every number as the corpus says; one link filters the explorer by it, and
// the reader's mentions and the jump box's suggestions lead to it.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { browserTest, bundledCorpus, ROOT } from './harness.mjs';

const corpus = bundledCorpus();
const total = corpus.articles.length;
const SHOTS = join(ROOT, 'target', 'screenshots');

const mentioning = (...ids) => corpus.articles.filter((a) => ids.every((id) => a.entities?.some((e) => e.id === id)));
const quoting = (id) => corpus.articles.filter((a) => (a.quotes ?? []).some((q) => q.speaker?.entity === id));

/** An article's quotations: its pieces grouped by `next` links (as `Article::quotations`). */
function quotations(article) {
  const quotes = article.quotes ?? [];
  const of = new Array(quotes.length).fill(-1);
  let n = 0;
  quotes.forEach((q, i) => {
    if (of[i] < 0) of[i] = n++;
    if (q.next != null && q.next < quotes.length) of[q.next] = of[i];
  });
  const groups = Array.from({ length: n }, () => []);
  of.forEach((g, i) => groups[g].push(i));
  return groups;
}
const quotationsBy = (id) =>
  corpus.articles.flatMap((a) => quotations(a).filter((g) => g.some((i) => a.quotes[i].speaker?.entity === id)));

/** Entity id → articles it shares with `id` (distinct ids per article, `id` itself left out). */
function shared(id) {
  const counts = new Map();
  for (const a of mentioning(id)) {
    for (const other of new Set(a.entities.map((e) => e.id))) {
      if (other !== id) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
  }
  return counts;
}

// The most mentioned person who is quoted (counted from the articles themselves), ties broken
// by id: the page's quotations are checked too.
const person = corpus.entities
  .filter((e) => e.kind === 'person' && quotationsBy(e.id).length > 0)
  .map((e) => ({ ...e, n: mentioning(e.id).length }))
  .sort((a, b) => b.n - a.n || a.id.localeCompare(b.id))[0];
const hash = `#entity=${encodeURIComponent(person.id)}`;

browserTest('the entity page of the most mentioned person shows what the corpus says', async ({ page, server, errors }) => {
  const articles = mentioning(person.id);
  assert.ok(articles.length >= 2, `${person.id} is in ${articles.length} articles`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(server.url + hash);
  await page.locator('.lede-entity-name').waitFor();
  // Name, kind, aliases.
  assert.equal(await page.locator('.lede-entity-name').innerText(), person.name);
  assert.equal(await page.locator('.lede-entity-kind').textContent(), 'Person');
  if (person.aliases?.length) {
    const aliases = await page.locator('.lede-entity-aliases').innerText();
    for (const alias of person.aliases) assert.ok(aliases.includes(alias), `${aliases} lists ${alias}`);
  }
  // The article count, on the filter link and the list, and the histogram's total.
  const filter = page.locator('.lede-entity-filter');
  assert.equal(await filter.getAttribute('data-count'), String(articles.length));
  assert.ok((await filter.innerText()).includes(`(${articles.length})`));
  assert.equal(await page.locator('.lede-entity-articles .lede-entity-count').getAttribute('data-count'), String(articles.length));
  const bars = await page.locator('.lede-bar').evaluateAll((els) => els.map((li) => ({
    count: Number(li.dataset.count),
    label: li.querySelector('a')?.getAttribute('aria-label') ?? '',
  })));
  assert.ok(bars.length >= 1);
  const undated = await page.locator('.lede-bar-undated').count()
    ? Number(await page.locator('.lede-bar-undated').getAttribute('data-count'))
    : 0;
  assert.equal(bars.reduce((s, b) => s + b.count, 0) + undated, articles.length, 'bars + undated = articles');
  assert.equal(undated, articles.filter((a) => !a.date).length);
  for (const b of bars) assert.match(b.label, new RegExp(`: ${b.count} articles?$`), 'each bar says its count');
  // The articles newest first: the first row is the newest article.
  const newest = [...articles].filter((a) => a.date).sort((a, b) => b.date.localeCompare(a.date))[0];
  assert.equal(await page.locator('.lede-entity-article').first().getAttribute('data-article'), newest.id);
  // Quotations: as many as the corpus's quotations spoken by it.
  const quoted = quotationsBy(person.id);
  assert.ok(quoted.length >= 1, 'the most mentioned person is quoted');
  assert.equal(await page.locator('.lede-entity-quotes .lede-entity-count').getAttribute('data-count'), String(quoted.length));
  assert.equal(await page.locator('.lede-entity-quote').count(), Math.min(quoted.length, 20));
  // Co-mentions: every count is the corpus's, and the top one is (one of) the corpus's top.
  const counts = shared(person.id);
  const max = Math.max(...counts.values());
  const listed = await page.locator('.lede-co-mention').evaluateAll((els) => els.map((a) => [a.dataset.entity, Number(a.dataset.shared)]));
  assert.ok(listed.length >= 1);
  for (const [id, n] of listed) assert.equal(n, counts.get(id), `articles shared with ${id}`);
  const top = listed.reduce((best, x) => (x[1] > best[1] ? x : best));
  assert.equal(top[1], max);
  const tied = [...counts].filter(([, n]) => n === max).map(([id]) => id);
  assert.ok(tied.includes(top[0]), `${top[0]} is among the most shared: ${tied}`);
  // Screenshots, desktop and phone.
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'entity-desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(SHOTS, 'entity-phone.png') });
  await page.screenshot({ path: join(SHOTS, 'entity-phone-full.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  // One click filters the explorer by it; back and forward move between the two.
  await filter.click();
  await page.locator('.lede-count').filter({ hasText: `${articles.length} of ${total}` }).waitFor();
  assert.deepEqual((await page.locator('.lede-result-title').allTextContents()).sort(), articles.map((a) => a.title).sort());
  assert.equal(await page.locator(`.lede-chip[data-entity="${person.id}"]`).count(), 1);
  await page.goBack();
  await page.locator('.lede-entity-name').filter({ hasText: person.name }).waitFor();
  await page.goForward();
  await page.locator('.lede-count').filter({ hasText: `${articles.length} of ${total}` }).waitFor();
  await page.goBack();
  // "Quoted in N articles": the list of the articles quoting it.
  const quotedLink = page.locator('.lede-entity-quoted');
  assert.equal(await quotedLink.getAttribute('data-count'), String(quoting(person.id).length));
  await quotedLink.click();
  await page.locator('.lede-count').filter({ hasText: `${quoting(person.id).length} of ${total}` }).waitFor();
  assert.deepEqual((await page.locator('.lede-result-title').allTextContents()).sort(), quoting(person.id).map((a) => a.title).sort());
  await page.goBack();
  // A quotation links to it in the reader.
  const firstQuote = page.locator('.lede-entity-quote').first();
  const quoteId = await firstQuote.getAttribute('data-article');
  const quoteArticle = corpus.articles.find((a) => a.id === quoteId);
  await firstQuote.locator('a').click();
  await page.locator('.lede-article-title').filter({ hasText: quoteArticle.title }).waitFor();
  assert.match(page.url(), /&quote=\d+$/);
  await page.goBack();
  // A co-mentioned entity links to the articles the two share.
  const [otherId, both] = top;
  await page.locator(`.lede-co-mention[data-entity="${otherId}"]`).click();
  await page.locator('.lede-count').filter({ hasText: `${both} of ${total}` }).waitFor();
  assert.deepEqual((await page.locator('.lede-result-title').allTextContents()).sort(), mentioning(person.id, otherId).map((a) => a.title).sort());
  assert.equal(await page.locator('.lede-chip').count(), 2);
  assert.deepEqual(errors, []);
});

browserTest('a mention in the reader and a jump-box suggestion lead to the entity page', async ({ page, server, errors }) => {
  const article = mentioning(person.id)[0];
  await page.goto(`${server.url}#article=${encodeURIComponent(article.id)}`);
  const mark = page.locator(`.lede-article-body .lede-entity[data-entity="${person.id}"]`).first();
  await mark.waitFor();
  await mark.click();
  await page.locator('.lede-entity-name').filter({ hasText: person.name }).waitFor();
  assert.ok(page.url().endsWith(hash), page.url());
  await page.goBack();
  await page.locator('.lede-article-title').filter({ hasText: article.title }).waitFor();
  await page.goForward();
  await page.locator('.lede-entity-name').filter({ hasText: person.name }).waitFor();
  // The jump box, on the browse page.
  await page.locator('.lede-back').click();
  await page.locator('.lede-jump-input').fill(person.name.split(' ').pop());
  const hit = page.locator(`.lede-jump-hit[data-target="${person.id}"]`);
  await hit.waitFor();
  await hit.click();
  await page.locator('.lede-entity-name').filter({ hasText: person.name }).waitFor();
  assert.ok(page.url().endsWith(hash), page.url());
  // An unknown id says so.
  await page.goto(`${server.url}#entity=person%3Anobody-at-all`);
  await page.locator('.lede-entity-page .lede-status').filter({ hasText: 'person:nobody-at-all' }).waitFor();
  assert.deepEqual(errors, []);
});

browserTest('opened from a filtered view, the entity page leads back to it and can narrow it', async ({ page, server, errors }) => {
  const about = new Set(mentioning(person.id).map((a) => a.id));
  const sources = [...new Set(corpus.articles.map((a) => a.source).filter(Boolean))];
  const ofSource = (s) => corpus.articles.filter((a) => a.source === s);
  // A source with articles that mention the person and articles that do not.
  const source = sources.find((s) => ofSource(s).some((a) => about.has(a.id)) && ofSource(s).some((a) => !about.has(a.id)));
  assert.ok(source, 'a source whose articles mention the person only in part');
  const fromSource = ofSource(source);
  await page.goto(`${server.url}#src=${encodeURIComponent(source)}`);
  await page.locator('.lede-count').filter({ hasText: `${fromSource.length} of ${total}` }).waitFor();
  await page.locator('.lede-jump-input').fill(person.name.split(' ').pop());
  await page.locator(`.lede-jump-hit[data-target="${person.id}"]`).click();
  await page.locator('.lede-entity-name').filter({ hasText: person.name }).waitFor();
  // The page is about the whole corpus, whatever view it was opened from.
  assert.equal(await page.locator('.lede-entity-filter').getAttribute('data-count'), String(about.size));
  assert.equal(await page.locator('.lede-back').innerText(), '← Back to the results');
  // "Add to the current search": the source's articles that mention the person.
  await page.locator('.lede-entity-narrow').click();
  const both = fromSource.filter((a) => about.has(a.id));
  await page.locator('.lede-count').filter({ hasText: `${both.length} of ${total}` }).waitFor();
  assert.deepEqual((await page.locator('.lede-result-title').allTextContents()).sort(), both.map((a) => a.title).sort());
  // Back on the entity page, its back link returns to the source's results.
  await page.goBack();
  await page.locator('.lede-entity-name').filter({ hasText: person.name }).waitFor();
  await page.locator('.lede-back').click();
  await page.locator('.lede-count').filter({ hasText: `${fromSource.length} of ${total}` }).waitFor();
  assert.equal(await page.locator(`.lede-chip[data-source="${source}"]`).count(), 1);
  assert.deepEqual(errors, []);
});
