// Hostile text: a corpus whose titles, paragraphs, speaker and entity names, sources, editors
// and datelines hold markup, event handlers, javascript: URLs, HTML entities, right-to-left
// overrides, zero-width and stacked combining characters — as corpus JSON, as a pack written by
// `lede ingest --pack` from it, and as a raw text file through `lede ingest` — searched, opened,
// hovered, jumped to and exported. No injected code runs, no element from the data appears, and
// every piece of corpus text sits in a bidi isolate, away from the app's labels.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { browserTest, bundledCorpus, SCREENSHOT_DIR, hostPage, ledeBinary, hostileChecks } from './harness.mjs';

const RLO = '\u202E';
const ZERO_WIDTH = '\u200B\u200D\u2060\uFEFF';
const ZALGO = `Z${'\u0336'.repeat(500)}algo`;
// Each payload sets the sentinel if it ever runs.
const PAYLOADS = [
  '<script>window.__ledePwned = 1</script>',
  '<img src=x onerror="window.__ledePwned = 1">',
  '"><svg onload="window.__ledePwned = 1">',
  'javascript:window.__ledePwned=1',
  '&lt;b&gt; &amp;amp; &#x3c;script&#x3e;',
];
const hostile = PAYLOADS.join(' ');

/** The RLOs of `text` that no bidi isolate (FSI/LRI/RLI … PDI) encloses: 0 when each override
 *  of corpus text ends with its piece. */
function openOverrides(text) {
  let depth = 0;
  let open = 0;
  for (const c of text) {
    if ('\u2066\u2067\u2068'.includes(c)) depth += 1;
    else if (c === '\u2069') depth = Math.max(0, depth - 1);
    else if (c === RLO && depth === 0) open += 1;
  }
  return open;
}

/** The `title` and `aria-label` attributes in the app where corpus text can reorder the rest. */
async function attributeLeaks(page) {
  const values = await page.evaluate(() => [...document.querySelectorAll('#lede [title], #lede [aria-label]')]
    .flatMap((el) => ['title', 'aria-label'].map((a) => el.getAttribute(a)).filter(Boolean)));
  return values.filter((v) => openOverrides(v) > 0);
}

/** Chars `from..to` of `s` as the corpus format counts them (Unicode scalar values). */
const chars = (s) => Array.from(s);
function spanOf(paragraph, piece, p = 0) {
  const at = paragraph.indexOf(piece);
  assert.ok(at >= 0, piece);
  const start = chars(paragraph.slice(0, at)).length;
  return { paragraph: p, start, end: start + chars(piece).length };
}

/** The hostile corpus in the Lede format, its offsets derived from its own strings. */
function hostileCorpus() {
  const speaker = `${RLO}Mara Quill ${PAYLOADS[1]}`;
  const words = `We will build the harbour ${PAYLOADS[2]} for everyone`;
  const p0 = `“${words},” said ${speaker}, the harbour chief. ${ZALGO} ${ZERO_WIDTH}harbour${ZERO_WIDTH}.`;
  const p1 = `Critics ${hostile} answered at the harbour. ${RLO}Reversed rest of the paragraph.`;
  const entityId = 'person:mara-quill';
  const a = {
    id: 'hostile-1',
    title: `Harbour ${PAYLOADS[0]} ${RLO}vote ${ZALGO}`,
    date: '2024-03-01',
    source: `${RLO}Wire ${PAYLOADS[1]}`,
    editor: `${PAYLOADS[2]} ${RLO}Ed`,
    dateline: `${RLO}Velmora ${PAYLOADS[3]}`,
    url: PAYLOADS[3],
    paragraphs: [p0, p1],
    quotes: [{
      ...spanOf(p0, words),
      text: words,
      speaker: { name: speaker, entity: entityId, span: spanOf(p0, speaker) },
      cue: { text: 'said', span: spanOf(p0, 'said') },
    }],
    entities: [{
      id: entityId,
      name: speaker,
      kind: 'person',
      aliases: [`${RLO}Quill ${PAYLOADS[0]}`],
      mentions: [spanOf(p0, speaker)],
    }],
  };
  const b = {
    id: 'hostile-2',
    title: '   ',
    date: '2024-03-02',
    source: 'Plain Wire',
    paragraphs: [`The harbour board met ${PAYLOADS[4]} again on Tuesday and said little.`],
  };
  return { format: 'lede-corpus', version: 1, articles: [a, b] };
}

/** A scraped article file (masthead, headline twice, dateline, body) full of the payloads. */
function hostileRawText() {
  return [
    `Editor in Chief: ${RLO}Ed ${PAYLOADS[2]} Tuesday, January 17th, 2023`,
    '',
    `Harbour ${PAYLOADS[0]} raw ${RLO}vote`,
    '',
    ` Harbour ${PAYLOADS[0]} raw ${RLO}vote`,
    '',
    `${RLO}VELMORA - “The harbour ${PAYLOADS[1]} stays,” said ${RLO}Mara Quill ${PAYLOADS[2]}. ${ZALGO}`,
    `Critics ${hostile} answered at the harbour ${ZERO_WIDTH}today.`,
    '',
  ].join('\n');
}

await mkdir(SCREENSHOT_DIR, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'lede-hostile-'));
const corpus = hostileCorpus();
const jsonPath = join(work, 'hostile.json');
writeFileSync(jsonPath, JSON.stringify(corpus));
const lede = ledeBinary();
execFileSync(lede, ['ingest', jsonPath, '-o', join(work, 'out.json'), '--pack', join(work, 'hostile.lede')], { stdio: 'pipe' });
mkdirSync(join(work, 'raw'));
writeFileSync(join(work, 'raw', 'hostile-raw.txt'), hostileRawText());
execFileSync(lede, ['ingest', join(work, 'raw'), '-o', join(work, 'raw.json')], { stdio: 'pipe' });
const pack = readFileSync(join(work, 'hostile.lede'));
const raw = readFileSync(join(work, 'raw.json'));

const serve = {
  '/json.html': ['text/html; charset=utf-8', hostPage('hostile.json')],
  '/pack.html': ['text/html; charset=utf-8', hostPage('hostile.lede')],
  '/raw.html': ['text/html; charset=utf-8', hostPage('raw.json')],
  '/hostile.json': ['application/json', JSON.stringify(corpus)],
  '/hostile.lede': ['application/octet-stream', pack],
  '/raw.json': ['application/json', raw],
};

for (const [name, host] of [['the JSON corpus', 'json.html'], ['its pack', 'pack.html'], ['raw-text ingest', 'raw.html']]) {
  browserTest(`hostile text through ${name} stays text`, async ({ page, server, errors }) => {
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
    const check = async (where) => {
      const found = await page.evaluate(hostileChecks);
      assert.deepEqual(found.foreign, [], `${where}: elements from the data`);
      assert.deepEqual(found.handlers, [], `${where}: event-handler attributes`);
      assert.deepEqual(found.unsafeLinks, [], `${where}: javascript: links`);
      assert.deepEqual(found.leaks, [], `${where}: corpus text outside an isolate, or sharing one with a label`);
      assert.equal(found.pwned, false, `${where}: the sentinel is set: injected code ran`);
      assert.deepEqual(dialogs, [], `${where}: a dialog opened`);
    };
    // Search: results with titles, snippets, meta lines.
    await page.goto(`${server.url}${host}#q=harbour`);
    await page.locator('#lede .lede-result').first().waitFor();
    assert.ok(await page.locator('#lede .lede-result').count() >= 1);
    await check('results');
    // A blank title is "(untitled)" and the first words, never an empty link.
    for (const title of await page.locator('#lede .lede-result-title').allTextContents()) {
      assert.ok(title.trim().length > 0, 'no empty result link');
    }
    // Loaded as it is, the app shows "(untitled)"; through `lede ingest` (the pack), ingest
    // has written the first words in as the title, with a warning.
    if (name === 'the JSON corpus') {
      assert.ok((await page.locator('#lede .lede-result-title', { hasText: '(untitled) The harbour board' }).count()) === 1);
    } else if (name === 'its pack') {
      const titles = await page.locator('#lede .lede-result-title').allTextContents();
      assert.equal(titles.filter((t) => t.startsWith('The harbour board')).length, 1, titles.join(' | '));
    }
    if (name === 'the JSON corpus') {
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'hostile-results.png'), fullPage: true });
      // Combining marks are clipped: nothing the results draw reaches over the header.
      const header = await page.locator('#lede .lede-header').boundingBox();
      const firstTitle = await page.locator('#lede .lede-result-title').first().boundingBox();
      assert.ok(firstTitle.y >= header.y + header.height - 1, 'the title stays below the header');
    }
    // Open the first article and hover its quotation.
    await page.locator('#lede .lede-result-title').first().click();
    await page.locator('#lede .lede-article-title').waitFor();
    const quote = page.locator('#lede .lede-quote').first();
    if (await quote.count()) {
      await quote.hover();
      await page.locator('#lede .lede-quote-active .lede-tip').first().waitFor({ state: 'visible' }).catch(() => {});
    }
    await check('reader');
    assert.deepEqual(await attributeLeaks(page), [], 'every override in a title or label is isolated (reader)');
    if (name === 'the JSON corpus') {
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'hostile-reader.png'), fullPage: true });
      // The override in the dateline ends at its own piece: the source and editor keep their order.
      const meta = await page.locator('#lede .lede-article-meta bdi').count();
      assert.ok(meta >= 4, `each fact of the meta line in its own <bdi> (${meta})`);
    }
    // The jump box: names and titles as suggestions.
    const jump = page.locator('#lede .lede-jump-input');
    if (await jump.count()) {
      await jump.fill('quill');
      await page.locator('#lede .lede-jump-hit').first().waitFor({ timeout: 5000 }).catch(() => {});
      await check('jump box');
      await jump.fill('');
    }
    // The entity page and the filter chips, for the speaker's entity as the reader links it
    // (the loader may re-derive ids when it fills in what the corpus lacks).
    const mention = page.locator('#lede .lede-article-body a.lede-entity', { hasText: 'Quill' }).first();
    if (name !== 'raw-text ingest') assert.equal(await mention.count(), 1, 'the speaker is a linked mention');
    if (await mention.count()) {
      const entity = await mention.getAttribute('data-entity');
      await page.goto(`${server.url}${host}#entity=${encodeURIComponent(entity)}`);
      await page.locator('#lede .lede-entity-name').waitFor();
      await check('entity page');
      assert.deepEqual(await attributeLeaks(page), [], 'every override in a title or label is isolated (entity page)');
      const source = encodeURIComponent(corpus.articles[0].source);
      await page.goto(`${server.url}${host}#e=${encodeURIComponent(entity)}&said=${encodeURIComponent(entity)}&src=${source}`);
      await page.locator('#lede .lede-chip').first().waitFor();
      await check('filter chips');
    }
    await page.goto(`${server.url}${host}#page=quotes`);
    await page.locator('#lede .lede-quotes').waitFor();
    await check('quotes page');
    for (const format of ['csv', 'json']) {
      const button = page.locator(`#lede .lede-export[data-format="${format}"]`);
      if (name === 'the JSON corpus') assert.equal(await button.count(), 1, `the ${format} export button`);
      if (await button.count()) {
        const download = page.waitForEvent('download', { timeout: 5000 });
        await button.click();
        const file = await (await download).path();
        const text = readFileSync(file, 'utf8');
        if (format === 'csv') {
          assert.ok(text.split('\r\n').length > 2, 'the CSV export has a row');
          assert.equal(openOverrides(text), 0, 'every override in the CSV is isolated in its cell');
        } else {
          assert.ok(JSON.parse(text).length >= 1, 'the JSON export has a record');
          assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(text), 'the JSON writes bidi controls as escapes');
          const escaped = (text.match(/\\u202e/gi) ?? []).length;
          const read = [...JSON.stringify(JSON.parse(text))].filter((c) => c === RLO).length;
          assert.equal(read, escaped, 'and they read back as the same text');
        }
      }
    }
    await check('after export');
    assert.deepEqual(errors, []);
  }, { serve });
}



// Crafted links: `#e=any text`, a repeated id and 5,000 ids. Unknown ids are dropped, repeats
// make one chip, only the first MAX_IDS (64) ids are read, and the page stays responsive.
const demo = bundledCorpus();
const known = demo.entities.slice(0, 2).map((e) => e.id);
browserTest('a crafted link with 5,000 ids, repeats and any text makes only the known chips', async ({ page, server }) => {
  const unknown = Array.from({ length: 5000 }, (_, i) => `person:nobody-${i}`);
  const ids = [known[0], known[0], known[1], 'any text <b>bold</b>', ...unknown];
  const started = Date.now();
  await page.goto(`${server.url}#e=${ids.map(encodeURIComponent).join(',')}`);
  await page.locator('.lede-count').waitFor();
  const chips = page.locator('.lede-chip-pair[data-role="mentioned"] .lede-chip');
  await page.waitForFunction((n) => document.querySelectorAll('.lede-chip-pair[data-role="mentioned"] .lede-chip').length === n, known.length);
  assert.equal(await chips.count(), known.length, 'one chip per known id, repeats and unknown ids dropped');
  assert.deepEqual((await chips.evaluateAll((cs) => cs.map((c) => c.dataset.entity))).sort(), [...known].sort());
  assert.ok(!(await page.locator('.lede-chip', { hasText: 'any text' }).count()), 'no chip for any text');
  assert.ok(Date.now() - started < 10_000, `the crafted link loaded in ${Date.now() - started} ms`);
  // The link was cleaned: the address names only the known ids (written a frame after the
  // page, hash_state.rs, defer_replace).
  await page.waitForFunction(() => !decodeURIComponent(location.hash).includes('any text'));
  const hash = decodeURIComponent(await page.evaluate(() => location.hash));
  assert.ok(!hash.includes('nobody') && !hash.includes('any text'), hash.slice(0, 200));
  // And a search after it answers at once.
  const t = Date.now();
  await page.evaluate(() => { location.hash = 'q=harbour'; });
  await page.locator('.lede-count', { hasText: 'match' }).waitFor({ timeout: 5000 });
  assert.ok(Date.now() - t < 5000);
  const texts = await page.evaluate(() => [...document.querySelectorAll('.lede-chip')].length);
  assert.equal(texts, 0, 'a new hash without filters has no chips');
});
