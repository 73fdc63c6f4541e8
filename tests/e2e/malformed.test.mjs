// Malformed corpora: each either stops with a clear error naming the article and field, or
// loads with a visible warning naming each record it left out; never a blank page, and never a
// frozen tab (the page answers `page.evaluate` all through the load).
import assert from 'node:assert/strict';
import { browserTest, hostPage } from './harness.mjs';

const ok = (id, paragraphs, extra = {}) => ({ id, title: `Title ${id}`, paragraphs, ...extra });
const corpus = (articles) => JSON.stringify({ articles });
const good = ok('a', ['Hello there.']);

// name → [bytes, what the error panel must say]
const FAULTS = {
  truncated: [corpus([good]).slice(0, -3), /not valid JSON at line 1, column \d+/],
  invalid: ['{"articles": [,]}', /not valid JSON at line 1, column 15: a comma where articles\[0\] should be/],
  'a trailing comma': [`{"articles": [${JSON.stringify(good)},]}`, /a comma after the last article \(articles\[0\]\)/],
  'deep nesting': [`{"articles":${'['.repeat(100_000)}`, /not valid JSON at line 1, column 14: articles\[0\] must be an object/],
  'wrong type': [corpus([{ ...good, title: 42 }]), /article 0 \(id "a"\), field `title`: invalid type: integer `42`/],
  'missing field': [corpus([{ title: 'T', paragraphs: ['x'] }]), /article 0, field `id`: missing field `id`/],
  'duplicate id': [corpus([good, good]), /article 1 \(id "a"\), field `id`: duplicate of article 0/],
  'quote past its paragraph': [
    corpus([good, ok('b', ['Hi.'], { quotes: [{ paragraph: 0, start: 1, end: 40, text: 'i.' }] })]),
    /article 1 \(id "b"\), field `quotes\[0\]`: chars 1\.\.40 are outside paragraph 0 \(3 chars\)/,
  ],
  'negative offset': [
    corpus([ok('b', ['Hi.'], { quotes: [{ paragraph: 0, start: -1, end: 2, text: 'Hi' }] })]),
    /article 0 \(id "b"\), field `quotes\[0\]\.start`: invalid value: integer `-1`/,
  ],
  'mention in a missing paragraph': [
    corpus([ok('b', ['Hi.'], { entities: [{ id: 'person:x', name: 'X', kind: 'person', mentions: [{ paragraph: 3, start: 0, end: 1 }] }] })]),
    /article 0 \(id "b"\), field `entities\[0\]\.mentions\[0\]\.paragraph`: paragraph 3 does not exist/,
  ],
  'quote text not at its offsets': [
    corpus([ok('b', ['Hello there.'], { quotes: [{ paragraph: 0, start: 0, end: 5, text: 'Howdy' }] })]),
    /article 0 \(id "b"\), field `quotes\[0\]\.text`/,
  ],
  'invalid UTF-8': [
    Buffer.concat([Buffer.from('{"articles":[{"id":"a","title":"T'), Buffer.from([0xff, 0xfe]), Buffer.from('","paragraphs":["x"]}]}')]),
    /not valid JSON at line 1, column \d+: invalid unicode code point/,
  ],
  'an HTML page': ['<!DOCTYPE html><html><body>Not found</body></html>', /not a valid corpus/],
};

/**
 * Polls the page while it loads until `ready` shows; returns the longest time the page took
 * to answer one `page.evaluate` (a frozen main thread cannot answer).
 */
async function longestStall(page, ready, limitMs = 60_000) {
  const started = Date.now();
  let longest = 0;
  for (;;) {
    const t = Date.now();
    const shown = await page.evaluate((sel) => document.querySelector(sel) !== null, ready);
    longest = Math.max(longest, Date.now() - t);
    if (shown) return longest;
    if (Date.now() - started > limitMs) throw new Error(`${ready} did not show within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const serve = { '/host.html': ['text/html; charset=utf-8', hostPage('bad.json')] };
for (const [name, [bytes, expected]] of Object.entries(FAULTS)) {
  browserTest(`a corpus with ${name} is named in the error panel`, async ({ page, server }) => {
    await page.goto(`${server.url}host.html`);
    const stall = await longestStall(page, '#lede .lede-error-message');
    assert.ok(stall < 3000, `the page answered within ${stall} ms`);
    const text = await page.locator('#lede .lede-error-message').innerText();
    assert.match(text, /^bad\.json is not a valid corpus: /, text);
    assert.match(text, expected, text);
    assert.match(await page.locator('#lede .lede-error-next').innerText(), /reload/i);
    assert.equal(await page.locator('#lede .lede-result').count(), 0, 'nothing half-shown');
  }, { serve: { ...serve, '/bad.json': ['application/json', bytes] } });
}

// A 10 MB paragraph without annotations: loaded, searched, named in a warning as not annotated
// (extraction over it blocked the tab for half a minute), the tab answering all along.
const words = 'harbour council vote terminal expansion residents ';
const huge = words.repeat(Math.ceil(10_000_000 / words.length));
const big = corpus([ok('small', ['The harbour council met on Monday.']), ok('huge', [huge])]);
browserTest('a 10 MB paragraph loads with a warning naming it, and the tab stays responsive', async ({ page, server }) => {
  await page.goto(`${server.url}host.html`);
  const stall = await longestStall(page, '#lede .lede-count');
  assert.ok(stall < 5000, `the longest the page took to answer during the load: ${stall} ms`);
  const warning = await page.locator('#lede .lede-warnings li').innerText();
  assert.match(warning, new RegExp(`Article 1 \\(id "huge"\\): paragraphs\\[0\\] is ${Buffer.byteLength(huge)} bytes`), warning);
  await page.locator('#lede .lede-count', { hasText: '2 articles' }).waitFor();
  // A search still answers, finds both, and shows a passage of the long paragraph, not all of it.
  const t = Date.now();
  await page.evaluate(() => { location.hash = 'q=harbour'; });
  await page.locator('#lede .lede-count', { hasText: '2 of 2 articles match' }).waitFor({ timeout: 10_000 });
  assert.ok(Date.now() - t < 10_000, `the search answered in ${Date.now() - t} ms`);
  const snippet = await page.locator('#lede .lede-result[data-article="huge"] .lede-snippet').first().innerText();
  assert.ok(snippet.length < 1000, `a passage of ${snippet.length} chars`);
}, { serve: { ...serve, '/bad.json': ['application/json', big] } });

// 50,000 tiny articles, unannotated: all load, counted, the tab answering all along.
const many = corpus(Array.from({ length: 50_000 }, (_, i) => ok(`t${i}`, [`Note ${i} on the harbour.`])));
browserTest('50,000 tiny articles load and the tab stays responsive', async ({ page, server }) => {
  await page.goto(`${server.url}host.html`);
  const stall = await longestStall(page, '#lede .lede-count');
  assert.ok(stall < 5000, `the longest the page took to answer during the load: ${stall} ms`);
  await page.locator('#lede .lede-count', { hasText: '50000 articles' }).waitFor();
}, { serve: { ...serve, '/bad.json': ['application/json', many] } });

// A download that never answers: the loading line says so after a while and offers a retry.
browserTest('a stalled download says so and offers a retry', async ({ page, server }) => {
  await page.route('**/stalled.json', () => {}); // never answered
  await page.goto(`${server.url}host.html`);
  await page.locator('#lede .lede-status', { hasText: 'Loading articles' }).waitFor();
  const stalled = page.locator('#lede .lede-stalled');
  await stalled.waitFor({ timeout: 20_000 });
  assert.match(await stalled.innerText(), /Nothing has arrived for \d+ seconds.*Retry/s);
  assert.equal(await stalled.locator('a.lede-reload').count(), 1);
}, { serve: { '/host.html': ['text/html; charset=utf-8', hostPage('stalled.json')] } });

// A query with no words in it browses, and says so, instead of "44 of 44 articles match".
browserTest('a query without words says there is nothing to search', async ({ page, server }) => {
  await page.goto(`${server.url}#q=${encodeURIComponent('!!! --')}`);
  const count = page.locator('.lede-count');
  await count.waitFor();
  assert.match(await count.innerText(), /^\d+ articles$/);
  assert.match(await page.locator('.lede-no-words').innerText(), /no word to search.*type a word/);
});
