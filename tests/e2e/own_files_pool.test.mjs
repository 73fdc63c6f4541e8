// "Add your articles" with the annotation spread over a pool of annotation workers (nested
// workers of the ingest worker), under the strict CSP: the pool's packs and report are the
// very bytes the worker gives annotating alone; the panel's default pool gives the CLI's
// counts; a pool worker that fails is named in the job's error; Cancel ends the pool too.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SCREENSHOT_DIR, STRICT_CSP, ownFilesCli, openOwnPanel, siteTest } from './harness.mjs';

const SHARED = join(ROOT, '..', 'shared');
const SEED = join(SHARED, 'seeds', '000_b349bb90d9221d2a.txt');
const REUTERS = join(SHARED, 'corpora', 'reuters21578', 'reut2-000.sgm');
const required = process.env.LEDE_REQUIRE_SHARED === '1';
const CSP = { site: { headers: { 'content-security-policy': STRICT_CSP } } };

/** A made-up article with a quotation, a speaker and places, numbered `n`. */
const madeUp = (n) => `Harbour Council Votes for Quay ${n}

VELMORA - The harbour council voted on Monday to build quay ${n}, officials said.
“It is long overdue,” Mayor Lina Okafor told reporters in Velmora after vote ${n}.
Work starts in June, said Tomas Berrow of the Velmora Port Authority. (VNA)
`;

/**
 * The small set: made-up articles, a JSON feed with a bad record, the seed and the first 120
 * Reuters records when ../shared has them; returns the paths (in a fresh folder).
 */
function smallSet() {
  const dir = mkdtempSync(join(tmpdir(), 'lede-pool-'));
  const files = [];
  const put = (name, text) => {
    writeFileSync(join(dir, name), text);
    files.push(join(dir, name));
  };
  for (let n = 1; n <= 6; n++) put(`quay-${n}.txt`, madeUp(n));
  put('feed.json', JSON.stringify([
    { id: 'own-harbour', title: 'Harbour pilots strike', body: '“We are exhausted,” said Tomas Berrow, who leads the pilots.', source: 'VNA' },
    'a bad record: a string, not an article',
  ]));
  if (existsSync(SEED) && existsSync(REUTERS)) {
    put('seed.txt', readFileSync(SEED, 'utf8'));
    const sgm = readFileSync(REUTERS, 'latin1');
    let end = 0;
    for (let i = 0; i < 120; i++) end = sgm.indexOf('</REUTERS>', end) + '</REUTERS>'.length;
    put('reut-head.sgm', `${sgm.slice(0, end)}\n`);
  } else {
    if (required) throw new Error(`${SEED} or ${REUTERS} is missing (LEDE_REQUIRE_SHARED=1)`);
    console.log('SKIPPED the shared seed and Reuters records: ../shared is absent; made-up articles only');
  }
  return { dir, files };
}

/**
 * Runs the ingest worker itself in the page on `files` with `annotators` annotation workers
 * (`worker`: its script, relative to the page; `model`: the job's model URL).
 */
async function runWorker(page, files, annotators, { worker: script = 'lede-worker_loader.js', model } = {}) {
  const contents = files.map((f) => ({ name: f.split('/').pop(), bytes: [...readFileSync(f)] }));
  return page.evaluate(async ({ contents, annotators, script, model }) => {
    const files = contents.map(({ name, bytes }) => ({ path: name, file: new File([new Uint8Array(bytes)], name) }));
    const worker = new Worker(new URL(script, document.baseURI));
    const annotate = [];
    const done = await new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) => {
        if (data.type === 'ready') worker.postMessage({ files, packs: [], annotators, model });
        else if (data.type === 'progress' && data.stage === 'annotate') annotate.push([data.done, data.total]);
        else if (data.type === 'done') resolve(data);
        else if (data.type === 'error') reject(new Error(data.message));
      };
      worker.onerror = (e) => reject(new Error(`the worker failed: ${e.message}`));
    });
    worker.terminate();
    const hex = async (bytes) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
      .map((b) => b.toString(16).padStart(2, '0')).join('');
    return {
      own: await hex(done.own),
      explore: await hex(done.explore),
      ownBytes: done.own.byteLength,
      report: JSON.parse(done.report),
      articles: done.articles,
      filesIn: done.filesIn,
      annotators: done.annotators,
      annotatorMemory: done.annotatorMemory,
      annotate,
    };
  }, { contents, annotators, script, model });
}

siteTest('the pool gives the very packs and report of the worker annotating alone', async ({ page, site, errors }) => {
  const { files } = smallSet();
  await page.goto(site.url);
  await page.locator('.lede-result').first().waitFor();
  const alone = await runWorker(page, files, 0);
  const pooled = await runWorker(page, files, 3);
  assert.equal(alone.annotators, 0);
  assert.equal(alone.annotatorMemory, 0);
  assert.equal(pooled.annotators, 3, 'three annotation workers ran');
  assert.ok(pooled.annotatorMemory > 3 * 2 ** 20, `each holds its model: ${pooled.annotatorMemory} bytes`);
  assert.deepEqual(pooled.report, alone.report, 'the same report, entry by entry');
  assert.deepEqual(pooled.filesIn, alone.filesIn);
  assert.equal(pooled.articles, alone.articles);
  assert.ok(alone.report.ingested >= 7 && alone.report.rejected >= 1, JSON.stringify(alone.report));
  // Byte for byte the same packs: the same articles, quotes, speakers, entities and index.
  assert.equal(pooled.own, alone.own, `the own packs (${alone.ownBytes} bytes) are the same`);
  assert.equal(pooled.explore, alone.explore);
  // Progress counted every article across the pool, up to all of them.
  const [last] = pooled.annotate.slice(-1);
  assert.deepEqual(last, [alone.report.ingested, alone.report.ingested], JSON.stringify(pooled.annotate));
  assert.ok(pooled.annotate.length >= 3, `progress as batches came back: ${JSON.stringify(pooled.annotate)}`);
  assert.deepEqual(errors, []);
}, CSP);

siteTest('the panel\'s default pool gives the CLI\'s counts, quotes and speakers', async ({ page, site, errors }) => {
  const { dir, files } = smallSet();
  const cli = ownFilesCli(files, dir);
  await page.goto(site.url);
  await page.locator('.lede-result').first().waitFor();
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await openOwnPanel(page);
  await page.locator('.lede-own-files').setInputFiles(files);
  const counts = page.locator('.lede-own-counts');
  await counts.waitFor({ timeout: 120_000 });
  for (const name of ['read', 'ingested', 'rejected', 'warnings', 'dropped']) {
    assert.equal(Number(await counts.getAttribute(`data-${name}`)), cli[name], name);
  }
  const expected = cores > 1 ? Math.min(4, cores) : 0;
  assert.equal(Number(await page.locator('.lede-own-report').getAttribute('data-annotators')), expected, `${cores} cores`);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'own-files-pool-report.png') });
  await page.locator('.lede-own-close').click();
  await page.goto(`${site.url}#page=quotes&q=quay`);
  await page.locator('.lede-quotes .lede-speaker-group').first().waitFor();
  assert.match(await page.locator('.lede-quotes').innerText(), /Lina Okafor/);
  assert.deepEqual(errors, []);
}, CSP);

/**
 * A folder served at /pool-broken/ holding only `coordinator.js`, the ingest worker's loader
 * under another name: its pool asks for `lede-worker_loader.js` beside it, which is not there.
 */
function brokenPoolMount() {
  const dir = mkdtempSync(join(tmpdir(), 'lede-pool-broken-'));
  writeFileSync(join(dir, 'coordinator.js'), 'importScripts("../lede-worker.js");wasm_bindgen("../lede-worker_bg.wasm");');
  return { '/pool-broken/': dir };
}

siteTest('an annotation worker that cannot start is named in the job\'s error', async ({ page, site, errors }) => {
  const { files } = smallSet();
  await page.goto(site.url);
  await page.locator('.lede-result').first().waitFor();
  const failed = await runWorker(page, files, 2, {
    worker: 'pool-broken/coordinator.js',
    model: new URL('ner.bin', site.url).href,
  }).then(() => null, (e) => e.message);
  assert.match(failed ?? 'it did not fail', /Annotating failed in annotation worker [12] of 2: it stopped/);
  assert.ok(site.requests.includes('/pool-broken/lede-worker_loader.js'), 'the pool asked for its loader');
  assert.deepEqual(errors, []);
}, { site: { ...CSP.site, mounts: brokenPoolMount() } });

siteTest('Cancel ends the annotation workers with the ingest worker', async ({ page, site, errors }) => {
  if (!existsSync(REUTERS)) {
    if (required) throw new Error(`${REUTERS} is missing (LEDE_REQUIRE_SHARED=1)`);
    console.log(`SKIPPED: ${REUTERS} is absent (a large file is needed to cancel in time)`);
    return;
  }
  await page.goto(site.url);
  await page.locator('.lede-result').first().waitFor();
  await openOwnPanel(page);
  await page.locator('.lede-own-files').setInputFiles([REUTERS]);
  await page.locator('.lede-own-progress[data-stage=annotate]').waitFor({ timeout: 60_000 });
  const during = page.workers().length;
  await page.locator('.lede-own-cancel').click();
  await page.locator('.lede-own-stopped').filter({ hasText: 'Cancelled' }).waitFor();
  const deadline = Date.now() + 10_000;
  while (page.workers().length > 0 && Date.now() < deadline) await page.waitForTimeout(100);
  console.log(`workers during annotation: ${during}, after Cancel: ${page.workers().length}`);
  assert.ok(during >= 2, `the ingest worker and its pool were running: ${during}`);
  assert.equal(page.workers().length, 0, 'every worker ended');
  assert.deepEqual(errors, []);
}, CSP);
