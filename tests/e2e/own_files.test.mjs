// "Add your articles": files picked, dropped or in a folder are ingested, annotated and indexed
// in the page's Web Worker by the crates `lede ingest` uses; the report's counts equal the
// CLI's for the same files; the result is explorable, alone or beside the bundled corpus; no
// request leaves the app's own files; Cancel leaves the page as it was; the collection is kept
// in IndexedDB across a reload and can be removed; the panel (a module loaded on first open)
// keeps its state across a close, and says so when its module cannot be loaded.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { browserTest, bundledCorpus, ROOT, SCREENSHOT_DIR, ownFilesCli, openOwnPanel } from './harness.mjs';

const SHARED = join(ROOT, '..', 'shared');
const SEED = join(SHARED, 'seeds', '000_b349bb90d9221d2a.txt');
const REUTERS = join(SHARED, 'corpora', 'reuters21578');
const required = process.env.LEDE_REQUIRE_SHARED === '1';
const corpus = bundledCorpus();
/** The result count of a browse over `n` articles, exactly. */
const articles = (n) => new RegExp(`^${n} articles$`);

/** A seed-like article (made up here) for when ../shared is absent. */
const MADE_UP_SEED = `Editor in Chief: Ana Petrov Tuesday, March 5th, 2024

Harbour Council Votes for New Quay

 Harbour Council Votes for  New Quay

VELMORA - The harbour council voted on Monday to build a new quay, officials said.
“It is long overdue,” Mayor Lina Okafor told reporters after the vote.
Work starts in June. (VNA)
`;

/** The mixed set of files: returns their paths (in a fresh folder) and what they hold. */
function mixedFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'lede-own-'));
  const files = [];
  const seed = join(dir, 'seed.txt');
  if (existsSync(SEED)) copyFileSync(SEED, seed);
  else {
    if (required) throw new Error(`${SEED} is missing (LEDE_REQUIRE_SHARED=1)`);
    console.log(`SKIPPED the shared seed: ${SEED} is absent; a made-up seed-like article is used`);
    writeFileSync(seed, MADE_UP_SEED);
  }
  files.push(seed);
  const json = join(dir, 'feed.json');
  writeFileSync(json, JSON.stringify([
    { id: 'own-harbour', title: 'Harbour pilots strike over night shifts', body: 'The harbour pilots of Velmora walked out on Tuesday.\n“We are exhausted,” said Tomas Berrow, who leads the pilots.', date: '2024-03-06', source: 'VNA' },
    'a bad record: a string, not an article',
  ]));
  files.push(json);
  const jsonl = join(dir, 'feed.jsonl');
  writeFileSync(jsonl, `${JSON.stringify({ id: 'own-ferry', title: 'Ferry timetable changes in spring', body: 'The spring timetable adds two crossings a day.', source: 'VNA' })}\n`);
  files.push(jsonl);
  const sgm = join(REUTERS, 'reut2-021.sgm');
  if (existsSync(sgm)) {
    copyFileSync(sgm, join(dir, 'reut2-021.sgm'));
    files.push(join(dir, 'reut2-021.sgm'));
  } else {
    if (required) throw new Error(`${sgm} is missing (LEDE_REQUIRE_SHARED=1)`);
    console.log(`SKIPPED the Reuters file: ${sgm} is absent`);
  }
  const junk = join(dir, 'photo.bin');
  writeFileSync(junk, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0xff, 0xfe, 0]));
  files.push(junk);
  return { dir, files };
}

/** Every request the page and its worker make, as URLs. */
function recordRequests(page) {
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  page.on('worker', (w) => w.url() && urls.push(w.url()));
  return urls;
}

/** Waits for the report and returns its counts. */
async function reportCounts(page) {
  const counts = page.locator('.lede-own-counts');
  await counts.waitFor({ timeout: 120_000 });
  const read = async (name) => Number(await counts.getAttribute(`data-${name}`));
  return {
    read: await read('read'),
    ingested: await read('ingested'),
    rejected: await read('rejected'),
    warnings: await read('warnings'),
    dropped: await read('dropped'),
  };
}

browserTest('picked files are ingested in the worker with the CLI\'s counts, explorable, and nothing leaves the tab', async ({ page, server, errors }) => {
  const { dir, files } = mixedFiles();
  const cli = ownFilesCli(files, dir);
  await page.goto(server.url);
  await page.locator('.lede-result').first().waitFor();
  const requests = recordRequests(page);
  await openOwnPanel(page);
  assert.match(await page.locator('.lede-own-private').innerText(), /Your files stay in this browser/);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'own-files-drop-zone.png') });
  await page.locator('.lede-own-files').setInputFiles(files);
  const counts = await reportCounts(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'own-files-report.png') });
  // The CLI's report for the same files, count by count.
  assert.deepEqual(counts, {
    read: cli.read, ingested: cli.ingested, rejected: cli.rejected, warnings: cli.warnings, dropped: cli.dropped,
  });
  assert.ok(cli.ingested >= 3 && cli.rejected >= 2, `a mixed set: ${JSON.stringify(cli)}`);
  // Every rejection the CLI names is in the page, under the same file name.
  const base = (p) => p.split('/').pop();
  const pageRejected = await page.locator('.lede-own-report-files [data-severity=rejected] .lede-own-where').allInnerTexts();
  assert.deepEqual(
    pageRejected.map((w) => base(w.split(',')[0])).sort(),
    cli.entries.filter((e) => e.severity === 'rejected').map((e) => base(e.file)).sort(),
  );
  const filesIn = await page.locator('.lede-own-in').evaluateAll((els) => els.map((e) => e.dataset.file));
  assert.ok(filesIn.includes('feed.jsonl') && filesIn.includes('seed.txt'), filesIn.join(' '));
  // Alone: the page explores the new articles only.
  await page.locator('.lede-count').filter({ hasText: articles(cli.ingested) }).waitFor();
  await page.locator('.lede-own-close').click();
  assert.equal(await page.locator('#lede-own-panel').count(), 0, 'closed, the panel is gone from the page');
  // The panel (a module loaded on first open) keeps its state across a close: reopened, it shows
  // the same report and what is being explored.
  await openOwnPanel(page);
  assert.equal(Number(await page.locator('.lede-own-counts').getAttribute('data-ingested')), cli.ingested);
  assert.equal(await page.locator('.lede-own-showing strong').innerText(), `${basename(files[0])} and ${files.length - 1} more`);
  await page.locator('.lede-own-close').click();
  await page.locator('.lede-search').fill('harbour pilots');
  const first = page.locator('.lede-result').first();
  await first.waitFor();
  assert.equal(await first.getAttribute('data-article'), 'own-harbour');
  // Quotes and entities were extracted: the quotes page lists the pilots' leader.
  // (A change of hash keeps the page and its corpus: the own collection is still explored.)
  await page.goto(`${server.url}#page=quotes&q=harbour%20pilots`);
  await page.locator('.lede-quotes .lede-speaker-group').first().waitFor();
  assert.match(await page.locator('.lede-quotes').innerText(), /Tomas Berrow/);
  // Nothing but the app's own static files: same origin, known paths.
  const own = new URL(server.url);
  const known = /^\/($|index\.html$|corpus\.(json|index)$|ner\.bin$|sw\.js$|lede-worker(_loader\.js|\.js|_bg\.wasm)$|lede-app-[0-9a-f]+(\.js|_bg\.wasm)$|main-[0-9a-f]+\.css$|lede-own-panel\.js$|snippets\/)/;
  assert.ok(requests.some((u) => u.endsWith('/ner.bin')), `the worker's model request is recorded: ${requests.join(' ')}`);
  for (const url of requests) {
    const u = new URL(url);
    assert.equal(u.origin, own.origin, `request outside the app: ${url}`);
    assert.match(u.pathname, known, `request for an unknown path: ${url}`);
  }
  assert.deepEqual(errors, []);
});

browserTest('a dropped folder and a beside merge: the bundled articles and the new ones together', async ({ page, server, errors }) => {
  const { dir, files } = mixedFiles();
  const small = files.filter((f) => !f.endsWith('.sgm'));
  const cli = ownFilesCli(small, dir);
  await page.goto(server.url);
  await page.locator('.lede-result').first().waitFor();
  await openOwnPanel(page);
  await page.locator('.lede-own-mode input[value=beside]').check();
  // A drop built in the page: the files of the folder, as a DataTransfer.
  const contents = small.map((f) => ({ name: f.split('/').pop(), bytes: [...readFileSync(f)] }));
  await page.evaluate((contents) => {
    const data = new DataTransfer();
    for (const { name, bytes } of contents) data.items.add(new File([new Uint8Array(bytes)], name));
    const zone = document.querySelector('.lede-own-drop');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, contents);
  const counts = await reportCounts(page);
  assert.equal(counts.ingested, cli.ingested);
  assert.equal(counts.rejected, cli.rejected);
  const total = corpus.articles.length + cli.ingested;
  await page.locator('.lede-count').filter({ hasText: articles(total) }).waitFor();
  // Both corpora are searchable in the merged index.
  await page.locator('.lede-own-close').click();
  await page.locator('.lede-search').fill('harbour pilots');
  await page.locator('.lede-result[data-article="own-harbour"]').waitFor();
  const bundledTitle = corpus.articles[0].title;
  await page.locator('.lede-search').fill(bundledTitle);
  await page.locator(`.lede-result[data-article="${corpus.articles[0].id}"]`).waitFor();
  assert.deepEqual(errors, []);
});

browserTest('Cancel stops the worker and the page shows what it showed', async ({ page, server, errors }) => {
  const sgm = join(REUTERS, 'reut2-000.sgm');
  if (!existsSync(sgm)) {
    if (required) throw new Error(`${sgm} is missing (LEDE_REQUIRE_SHARED=1)`);
    console.log(`SKIPPED: ${sgm} is absent (a large file is needed to cancel in time)`);
    return;
  }
  await page.goto(server.url);
  await page.locator('.lede-count').filter({ hasText: articles(corpus.articles.length) }).waitFor();
  await openOwnPanel(page);
  await page.locator('.lede-own-files').setInputFiles([sgm]);
  await page.locator('.lede-own-progress[data-stage=annotate]').waitFor({ timeout: 60_000 });
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'own-files-progress.png') });
  // The page keeps responding while the worker works: the search box answers.
  await page.locator('.lede-search').fill(corpus.articles[0].title);
  await page.locator(`.lede-result[data-article="${corpus.articles[0].id}"]`).waitFor({ timeout: 5_000 });
  await page.locator('.lede-own-cancel').click();
  await page.locator('.lede-own-stopped').filter({ hasText: 'Cancelled' }).waitFor();
  await page.locator('.lede-search').fill('');
  await page.locator('.lede-count').filter({ hasText: articles(corpus.articles.length) }).waitFor();
  assert.equal(await page.locator('.lede-own-progress').count(), 0);
  assert.equal(await page.locator('.lede-own-collections li').count(), 0, 'nothing was kept');
  assert.deepEqual(errors, []);
});

browserTest('the collection is kept across a reload, explored again, and removed', async ({ page, server, errors }) => {
  const { dir, files } = mixedFiles();
  const small = files.filter((f) => !f.endsWith('.sgm'));
  const cli = ownFilesCli(small, dir);
  await page.goto(server.url);
  await page.locator('.lede-result').first().waitFor();
  await openOwnPanel(page);
  await page.locator('.lede-own-files').setInputFiles(small);
  await reportCounts(page);
  const kept = page.locator('.lede-own-collections li');
  await kept.first().waitFor();
  assert.match(await page.locator('.lede-own-kept').innerText(), /Kept in this browser/);
  await page.reload();
  await page.locator('.lede-count').filter({ hasText: articles(corpus.articles.length) }).waitFor();
  await openOwnPanel(page);
  await kept.first().waitFor();
  assert.equal(await kept.count(), 1);
  assert.match(await kept.first().innerText(), new RegExp(`${cli.ingested} articles`));
  await kept.first().locator('.lede-own-explore').click();
  await page.locator('.lede-count').filter({ hasText: articles(cli.ingested) }).waitFor();
  await page.locator('.lede-own-back').click();
  await page.locator('.lede-count').filter({ hasText: articles(corpus.articles.length) }).waitFor();
  await kept.first().locator('.lede-own-remove').click();
  await page.waitForFunction(() => document.querySelectorAll('.lede-own-collections li').length === 0);
  await page.reload();
  await page.locator('.lede-result').first().waitFor();
  await openOwnPanel(page);
  await page.waitForTimeout(300);
  assert.equal(await kept.count(), 0, 'removed for good');
  assert.deepEqual(errors, []);
});

browserTest('a panel module that cannot be loaded says so in the panel, and the explorer goes on', async ({ page, server }) => {
  // On the context, not the page: a page route does not see what the service worker fetches,
  // and once the worker controls the page (or has precached the module) the import would load.
  await page.context().route('**/lede-own-panel.js', (route) => route.abort());
  await page.goto(server.url);
  await page.locator('.lede-result').first().waitFor();
  await page.locator('.lede-own-toggle').click();
  const said = page.locator('#lede-own-panel .lede-own-stopped');
  await said.waitFor();
  assert.match(await said.innerText(), /^The panel could not be loaded: /);
  await page.locator('.lede-search').fill(corpus.articles[0].title);
  await page.locator(`.lede-result[data-article="${corpus.articles[0].id}"]`).waitFor();
});

