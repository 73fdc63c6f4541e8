// The quotes page ("who said what") on the demo corpus: every expected number is computed here
// from the bundled corpus's JSON (quotations = chains of `next` links, as Article::quotations groups
// them; speakers grouped by entity id, else by folded name; the unattributed counted).
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { browserTest, bundledCorpus, fold, ROOT } from './harness.mjs';

const SCREENSHOTS = join(ROOT, 'target', 'screenshots');
const GROUPS_PAGE = 50;

/** Every quotation of `articles`: { article, number, text, speaker, cue }. */
function quotationsOf(articles) {
  const out = [];
  for (const a of articles) {
    const quotes = a.quotes ?? [];
    const of = new Array(quotes.length).fill(null);
    let count = 0;
    quotes.forEach((q, i) => {
      if (of[i] === null) of[i] = count++;
      if (q.next != null && q.next < quotes.length) of[q.next] = of[i];
    });
    for (let n = 0; n < count; n++) {
      const pieces = quotes.filter((_, i) => of[i] === n);
      out.push({
        article: a,
        number: n,
        text: pieces.map((p) => p.text).join(' … '),
        speaker: pieces.find((p) => p.speaker)?.speaker ?? null,
        paragraph: pieces[0].paragraph,
      });
    }
  }
  return out;
}

/** The group a quotation falls in. */
function groupKey(q) {
  if (!q.speaker) return 'unattributed';
  if (q.speaker.entity) return `entity:${q.speaker.entity}`;
  return `name:${fold(q.speaker.name.replace(/\s+/g, ' ').trim())}`;
}

function summary(quotations) {
  return { quotations: quotations.length, groups: new Set(quotations.map(groupKey)).size };
}

/** What the page's count line says, from its data attributes. */
async function shownCounts(page) {
  const count = page.locator('.lede-quotes-count');
  await count.waitFor();
  return {
    quotations: Number(await count.getAttribute('data-quotations')),
    groups: Number(await count.getAttribute('data-groups')),
  };
}

/** Optimal-string-alignment distance (a transposition is one edit), as the engine counts typos. */
function osa(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const wordsOf = (text) => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The CSV rows of an RFC 4180 text (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

async function downloaded(page, format) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`.lede-export[data-format="${format}"]`).click(),
  ]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

const corpus = bundledCorpus();
const all = quotationsOf(corpus.articles);

browserTest('the quotes page groups every quotation of the results by speaker', async ({ page, server, errors }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // From the browse page: "Quotes (N)" for the whole corpus.
  await page.goto(server.url);
  const link = page.locator('.lede-quotes-link');
  await link.waitFor();
  assert.equal(await link.innerText(), `Quotes (${all.length})`);
  await link.click();
  await page.waitForFunction(() => location.hash.includes('page=quotes'));

  const expected = summary(all);
  assert.ok(expected.groups > 1 && all.length > 0);
  assert.deepEqual(await shownCounts(page), expected);
  const groups = page.locator('.lede-speaker-group');
  assert.equal(await groups.count(), Math.min(expected.groups, GROUPS_PAGE));
  if (expected.groups > GROUPS_PAGE) {
    await page.locator('.lede-more', { hasText: 'Show more speakers' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.lede-speaker-group').length === n, expected.groups);
  }
  // Every quotation is in one group, and the group counts add up.
  const counts = await groups.evaluateAll((els) => els.map((e) => Number(e.dataset.count)));
  assert.equal(counts.reduce((a, b) => a + b, 0), all.length);
  // Most quoted first.
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
  const byKey = new Map();
  for (const q of all) byKey.set(groupKey(q), (byKey.get(groupKey(q)) ?? 0) + 1);
  const first = await groups.first().getAttribute('data-key');
  assert.equal(byKey.get(first), counts[0]);
  assert.equal(counts[0], Math.max(...byKey.values()));

  // Low confidence is marked with "?" and words on exactly the rows whose speaker's confidence
  // is below 0.5, and description speakers' headings are set apart.
  const quotation = new Map(all.map((q) => [`${q.article.id}#${q.number}`, q]));
  const shownRows = await page.locator('.lede-quote-item').evaluateAll((els) =>
    els.map((e) => [`${e.dataset.article}#${e.dataset.quotation}`, e.querySelector('.lede-low-confidence')?.textContent ?? null]));
  const doubtful = ([key]) => (quotation.get(key).speaker?.confidence ?? 1) < 0.5;
  for (const row of shownRows) {
    assert.equal(row[1] !== null, doubtful(row), row[0]);
    if (row[1] !== null) assert.match(row[1], /\?\s*low confidence/);
  }
  // A speaker without a kind (an older corpus, an unresolved pronoun) is a description when its
  // words read as one, as lede_explore decides.
  const readsAsDescription = (name) => {
    const first = name.trim().split(/\s+/)[0] ?? '';
    return /^\p{Ll}/u.test(first) || ['the', 'a', 'an', 'one', 'his', 'her', 'its', 'their'].includes(fold(first));
  };
  const isDescription = (s) => (s.kind ? s.kind === 'description' : readsAsDescription(s.name));
  const described = new Set(all.filter((q) => q.speaker && !q.speaker.entity && isDescription(q.speaker))
    .map((q) => fold(q.speaker.name.replace(/\s+/g, ' ').trim())));
  const headings = await page.locator('.lede-speaker-described .lede-speaker-name').allTextContents();
  assert.deepEqual(new Set(headings.map((h) => fold(h.replace(/\s+/g, ' ').trim()))), described);

  await mkdir(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, 'quotes-desktop.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, 'quotes-phone.png') });

  // By name: the headings in folded alphabetical order, the unattributed (if any) last.
  await page.locator('.lede-quote-sort-link', { hasText: 'Name' }).click();
  await page.waitForFunction(() => location.hash.includes('qs=name'));
  const names = await page.locator('.lede-speaker-group').evaluateAll((els) =>
    els.filter((e) => e.dataset.key !== 'unattributed').map((e) => e.querySelector('.lede-speaker-name').textContent));
  // Folded as lede_text folds (ø → o and the like, which NFD leaves alone).
  const letters = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', þ: 'th' };
  const folded = names.map((n) => fold(n).replace(/[øæœßđłþ]/g, (c) => letters[c]));
  assert.deepEqual(folded, [...folded].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

  // Back to the results, query and filters kept.
  await page.locator('.lede-quotes-back').click();
  await page.locator('.lede-result').first().waitFor();
  assert.deepEqual(errors, []);
});

browserTest('a low-confidence attribution is marked with "?" and words', async ({ page, server, errors }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // The same corpus with every quotation of the most quoted entity at confidence 0.3 (routed
  // before the first load, so that no service worker serves the original).
  const doubted = structuredClone(corpus);
  const quotations = quotationsOf(doubted.articles);
  const counts = new Map();
  for (const q of quotations) if (q.speaker?.entity) counts.set(groupKey(q), (counts.get(groupKey(q)) ?? 0) + 1);
  const [key] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  for (const a of doubted.articles) {
    for (const q of a.quotes ?? []) if (q.speaker && `entity:${q.speaker.entity}` === key) q.speaker.confidence = 0.3;
  }
  await page.route('**/corpus.lede', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(doubted) }));
  await page.goto(`${server.url}#page=quotes`);
  const group = page.locator(`.lede-speaker-group[data-key="${key}"]`);
  await group.waitFor();
  const row = group.locator('.lede-quote-item').first();
  assert.match(await row.locator('.lede-low-confidence').innerText(), /\?\s*low confidence/);
  assert.match(await row.locator('.lede-quote-evidence').innerText(), /low confidence \(30%\)/);
  // Every row of that speaker shown is marked, and only the doubted quotations are.
  const rows = await group.locator('.lede-quote-item').count();
  assert.equal(await group.locator('.lede-quote-item .lede-low-confidence').count(), rows);
  const expected = new Set(quotations.filter((q) => (q.speaker?.confidence ?? 1) < 0.5).map((q) => `${q.article.id}#${q.number}`));
  const marked = await page.locator('.lede-quote-item:has(.lede-low-confidence)').evaluateAll((els) =>
    els.map((e) => `${e.dataset.article}#${e.dataset.quotation}`));
  assert.ok(marked.length === rows && marked.every((k) => expected.has(k)), JSON.stringify({ marked, key }));
  await mkdir(SCREENSHOTS, { recursive: true });
  await row.screenshot({ path: join(SCREENSHOTS, 'quotes-low-confidence.png') });
  assert.deepEqual(errors, []);
});

browserTest('filters and the in-page search narrow the quotations', async ({ page, server, errors }) => {
  // The entity mentioned in the most articles that still leaves some out.
  const entity = corpus.entities
    .filter((e) => e.article_count > 1 && e.article_count < corpus.articles.length)
    .sort((a, b) => b.article_count - a.article_count)[0];
  const mentioning = corpus.articles.filter((a) => (a.entities ?? []).some((e) => e.id === entity.id));
  const filtered = quotationsOf(mentioning);
  await page.goto(`${server.url}#page=quotes&e=${encodeURIComponent(entity.id)}`);
  assert.deepEqual(await shownCounts(page), summary(filtered));
  assert.ok(filtered.length < all.length);

  // A word of six letters or more that some quotations hold, with no other word of the quotes
  // within a typo of it (so the expected rows are exactly those holding it).
  const vocabulary = new Set(all.flatMap((q) => wordsOf(q.text)));
  const holding = (w) => all.filter((q) => wordsOf(q.text).includes(w));
  const word = [...vocabulary]
    .filter((w) => w.length >= 6 && /^\p{L}+$/u.test(w))
    .filter((w) => ![...vocabulary].some((v) => v !== w && osa(w, v) <= 1))
    .map((w) => [w, holding(w).length])
    .filter(([, n]) => n >= 2 && n < all.length)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  const expected = holding(word);
  await page.goto(`${server.url}#page=quotes`);
  await page.locator('.lede-quote-search').fill(`${word} `);
  await page.waitForFunction((n) => Number(document.querySelector('.lede-quotes-count')?.dataset.quotations) === n, expected.length);
  assert.deepEqual(await shownCounts(page), summary(expected));
  // The address follows the painted results by a frame (hash_state.rs, defer_replace).
  await page.waitForFunction((w) => location.hash.includes(`qq=${w}`), word);
  assert.ok(page.url().includes(`qq=${word}`), page.url());
  // The matched word is marked in every row shown.
  const marks = await page.locator('.lede-quote-item').evaluateAll((els) =>
    els.map((e) => [...e.querySelectorAll('.lede-quote-link mark')].map((m) => m.textContent)));
  assert.ok(marks.length > 0 && marks.every((m) => m.length > 0), JSON.stringify(marks));
  // A typo finds the same rows (one typo for five to eight letters, two from nine).
  const typo = word.slice(0, 2) + word[3] + word[2] + word.slice(4);
  await page.locator('.lede-quote-search').fill(`${typo} `);
  await page.waitForFunction((n) => Number(document.querySelector('.lede-quotes-count')?.dataset.quotations) === n, expected.length);

  // Export: the files hold every quotation of the view (not just the rows shown).
  await page.goto(`${server.url}#page=quotes&e=${encodeURIComponent(entity.id)}`);
  await page.locator('.lede-quotes-count').waitFor();
  const csv = await downloaded(page, 'csv');
  assert.equal(csv.name, 'lede-quotes.csv');
  const rows = parseCsv(csv.text);
  assert.equal(rows[0].join(','), 'speaker,speaker_id,quote,cue,article_id,title,date,source,evidence,quotation');
  assert.equal(rows.length - 1, filtered.length);
  assert.ok(rows.slice(1).every((r) => r.length === rows[0].length));
  const quotesInCsv = rows.slice(1).map((r) => r[2]).sort();
  assert.deepEqual(quotesInCsv, filtered.map((q) => q.text).sort());
  const json = await downloaded(page, 'json');
  const records = JSON.parse(json.text);
  assert.equal(records.length, filtered.length);
  // The whole corpus: every quotation, beyond the first page of groups.
  await page.goto(`${server.url}#page=quotes`);
  await page.waitForFunction((n) => Number(document.querySelector('.lede-quotes-count')?.dataset.quotations) === n, all.length);
  assert.equal(JSON.parse((await downloaded(page, 'json')).text).length, all.length);
  assert.deepEqual(errors, []);
});

browserTest('a quotation opens the reader at it, and copies as a citation', async ({ page, server, context, errors }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  await page.goto(`${server.url}#page=quotes`);
  const item = page.locator('.lede-quote-item').first();
  await item.waitFor();
  const id = await item.getAttribute('data-article');
  const number = Number(await item.getAttribute('data-quotation'));
  const q = all.find((x) => x.article.id === id && x.number === number);
  assert.ok(q, `${id} #${number} is a quotation of the corpus`);

  // Copy as plain text and as Markdown.
  await item.locator('.lede-copy[data-format="text"]').click();
  await item.locator('.lede-copy[data-format="text"]', { hasText: 'Copied' }).waitFor();
  const a = q.article;
  const parts = [q.speaker?.name ?? 'Unattributed', `“${a.title}”`, a.source, a.date].filter(Boolean);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `“${q.text}” — ${parts.join(', ')}`);
  await item.locator('.lede-copy[data-format="markdown"]').click();
  await item.locator('.lede-copy[data-format="markdown"]', { hasText: 'Copied' }).waitFor();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(md.startsWith('> '), md);
  assert.ok(md.includes(`**${q.speaker?.name ?? 'Unattributed'}**`), md);

  // The quotation furthest into its article, so that opening it has to scroll.
  const deepest = [...all].sort((l, r) => r.paragraph - l.paragraph)[0];
  await page.setViewportSize({ width: 1280, height: 500 });
  await page.goto(`${server.url}#page=quotes&qq=${encodeURIComponent(deepest.text.split(/\s+/).slice(0, 8).join(' '))}`);
  const target = page.locator(`.lede-quote-item[data-article="${deepest.article.id}"][data-quotation="${deepest.number}"] .lede-quote-link`);
  await target.click();
  await page.waitForFunction(() => location.hash.includes('article=') && location.hash.includes('quote='));
  assert.ok(page.url().includes(`quote=${deepest.number}`), page.url());
  const focus = page.locator('.lede-article-body .lede-quote-focus').first();
  await focus.waitFor();
  assert.equal(await focus.getAttribute('aria-current'), 'true');
  assert.equal(await focus.getAttribute('data-quotation'), String(deepest.number));
  await page.waitForFunction(() => {
    const r = document.querySelector('.lede-article-body .lede-quote-focus').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  // Every piece of that quotation is marked, none of the others.
  const focused = await page.locator('.lede-article-body .lede-quote-focus').evaluateAll((els) => els.map((e) => e.dataset.quotation));
  assert.ok(focused.every((n) => n === String(deepest.number)));
  assert.deepEqual(errors, []);
});

browserTest('the quotes page has the filter panel, and j/k and Escape work on it', async ({ page, server, errors }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${server.url}#page=quotes`);
  assert.deepEqual(await shownCounts(page), summary(all));
  // The source with the most quotations that still leaves some out: its facet row narrows the
  // quotations to its articles' and shows a chip; the page stays the quotes page.
  const sources = [...new Set(corpus.articles.map((a) => a.source).filter(Boolean))];
  const ofSource = (s) => all.filter((q) => q.article.source === s);
  const source = sources
    .filter((s) => ofSource(s).length > 0 && ofSource(s).length < all.length)
    .sort((a, b) => ofSource(b).length - ofSource(a).length)[0];
  assert.ok(source, 'the demo corpus has a source with some of the quotations');
  await page.locator(`.lede-facet-group[data-kind="source"] .lede-facet[data-source="${source}"]`).click();
  await page.waitForFunction((n) => Number(document.querySelector('.lede-quotes-count')?.dataset.quotations) === n, ofSource(source).length);
  assert.deepEqual(await shownCounts(page), summary(ofSource(source)));
  assert.ok(page.url().includes('page=quotes'), page.url());
  assert.equal(await page.locator(`.lede-chip[data-source="${source}"]`).count(), 1);

  // j focuses the first quotation, j again the second, k back; Enter opens the reader at it.
  const links = page.locator('.lede-quotes .lede-quote-link');
  assert.ok((await links.count()) >= 2, 'two quotations to walk');
  await page.locator('.lede-quotes-title').click();
  await page.keyboard.press('j');
  const focusedHref = () => page.evaluate(() => document.activeElement?.getAttribute('href'));
  assert.equal(await focusedHref(), await links.nth(0).getAttribute('href'));
  await page.keyboard.press('j');
  assert.equal(await focusedHref(), await links.nth(1).getAttribute('href'));
  await page.keyboard.press('ArrowUp');
  assert.equal(await focusedHref(), await links.nth(0).getAttribute('href'));
  // Escape returns to the results with the source filter kept.
  await page.keyboard.press('Escape');
  await page.locator('.lede-result').first().waitFor();
  assert.ok(!page.url().includes('page=quotes') && page.url().includes('src='), page.url());
  const fromSource = corpus.articles.filter((a) => a.source === source).length;
  assert.equal(await page.locator('.lede-result').count(), Math.min(fromSource, 50));
  assert.deepEqual(errors, []);
});
