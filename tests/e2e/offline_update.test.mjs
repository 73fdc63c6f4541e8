// Offline and updates: a site deployed once is loaded, then with the network gone a reload
// still searches, filters, opens an article and the quotes page; a new deploy (a changed
// corpus) comes up, the page says "Updated — reload", and its reload shows the new corpus
// from a new cache while the old one is deleted.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { DEMO_CORPUS, SCREENSHOT_DIR, bundledCorpus, deploy, siteTest, waitForOffline } from './harness.mjs';

const corpus = bundledCorpus();
const work = mkdtempSync(join(tmpdir(), 'lede-offline-update-'));
const first = join(work, 'first');
const second = join(work, 'second');
await deploy(['--corpus', join(DEMO_CORPUS, 'corpus.json'), '--index', join(DEMO_CORPUS, 'corpus.index'), '--out', first]);
// The next deploy: the same articles, one headline rewritten (its index is rebuilt in the page).
const changed = structuredClone(corpus);
const NEW_TITLE = `Correction: ${changed.articles[0].title}`;
changed.articles[0].title = NEW_TITLE;
writeFileSync(join(work, 'changed.json'), JSON.stringify(changed));
await deploy(['--corpus', join(work, 'changed.json'), '--out', second]);
const versions = [first, second].map((d) => JSON.parse(readFileSync(join(d, 'lede-site.json'), 'utf8')).version);

siteTest('offline after one visit: search, filter, article, quotes; then a new deploy says "Updated — reload"', async ({ page, site, errors }) => {
  assert.notEqual(versions[0], versions[1], 'a changed corpus is a new version');
  await page.goto(site.url);
  await page.locator('.lede-result').first().waitFor();
  await waitForOffline(page);
  assert.deepEqual(await page.evaluate(() => caches.keys()), [`lede-${versions[0]}`], 'the cache is named by the version');
  // See offline.test.mjs: a reload right after activation may bypass the worker.
  await page.waitForTimeout(2000);

  site.goDown();
  await page.reload();
  await page.locator('.lede-result').first().waitFor();
  assert.match(await page.locator('.lede-count').innerText(), new RegExp(`\\b${corpus.articles.length}\\b`));
  // Search.
  const target = corpus.articles.find((a) => a.title.split(/\s+/).length > 3);
  await page.locator('.lede-search').fill(target.title.split(/\s+/).slice(0, 4).join(' '));
  await page.waitForFunction((t) => document.querySelector('.lede-result-title')?.textContent.trim() === t, target.title);
  // Filter: the first facet of the filter panel narrows the results to those it names.
  await page.locator('.lede-search').fill('');
  await page.locator('.lede-facet').first().click();
  await page.locator('.lede-chip').first().waitFor();
  const filtered = Number((await page.locator('.lede-count').innerText()).match(/\d+/)[0]);
  assert.ok(filtered > 0 && filtered < corpus.articles.length, `the filter narrows: ${filtered}`);
  // An article, then the quotes page.
  const title = (await page.locator('.lede-result-title').first().innerText()).trim();
  await page.locator('.lede-result-title').first().click();
  await page.locator('.lede-article-title').waitFor();
  assert.equal((await page.locator('.lede-article-title').innerText()).trim(), title);
  assert.ok((await page.locator('.lede-article-body p').count()) > 0);
  await page.goto(`${site.url}#page=quotes`);
  await page.locator('.lede-quotes .lede-speaker-group').first().waitFor();

  // The network is back with a new deploy: the page runs the version it has, and says so.
  site.serve(second);
  site.goUp();
  await page.goto(site.url);
  await page.locator('.lede-result').first().waitFor();
  assert.equal(await page.locator('.lede-result-title', { hasText: NEW_TITLE }).count(), 0, 'the running version is the cached one');
  const notice = page.locator('.lede .lede-update');
  await notice.waitFor({ timeout: 30_000 });
  assert.equal((await notice.innerText()).replace(/\s+/g, ' ').trim(), 'Updated — reload');
  assert.equal(await notice.getAttribute('role'), 'status');
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'update-notice.png') });
  await Promise.all([page.waitForEvent('load'), notice.locator('button').click()]);
  await page.locator('.lede-result-title', { hasText: NEW_TITLE }).first().waitFor();
  await page.waitForFunction(async (v) => JSON.stringify(await caches.keys()) === JSON.stringify([`lede-${v}`]), versions[1], { polling: 250 });
  assert.deepEqual(errors, []);
}, { site: { dir: first }, timeout: 150_000 });
