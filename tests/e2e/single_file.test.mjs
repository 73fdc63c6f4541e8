// One self-contained HTML file: written by scripts/deploy --single-file and by the page's
// "Save as one file" button, opened from a file:// URL with no server, it shows the corpus,
// searches, opens an article and opens the "Add your articles" panel. The page's "Download as a site" gives a zip of every file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEMO_CORPUS, DIST, browserTest, bundledCorpus, deploy, openOwnPanel, siteTest } from './harness.mjs';

const corpus = bundledCorpus();
const work = mkdtempSync(join(tmpdir(), 'lede-single-file-'));

/** Opens the one file from disk and checks that it explores the whole corpus. */
async function exploreFromDisk(page, file) {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await page.locator('.lede-result').first().waitFor();
  const count = await page.locator('.lede-count').first().innerText();
  assert.match(count, new RegExp(`\\b${corpus.articles.length}\\b`), `every article is there: ${count}`);
  const target = corpus.articles.find((a) => a.title.split(/\s+/).length > 3);
  await page.locator('.lede-search').fill(target.title.split(/\s+/).slice(0, 4).join(' '));
  await page.waitForFunction((t) => document.querySelector('.lede-result-title')?.textContent.trim() === t, target.title);
  await page.locator('.lede-result-title').first().click();
  await page.locator('.lede-article-title').waitFor();
  assert.equal((await page.locator('.lede-article-title').innerText()).trim(), target.title);
  // The "Add your articles" panel, a module imported on first open, is inline too.
  await openOwnPanel(page);
  assert.match(await page.locator('.lede-own-private').innerText(), /Your files stay in this browser/);
  const remote = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(remote, [], 'the file asks no server for anything');
}

browserTest('scripts/deploy --single-file writes one HTML file that works from file://', async ({ page, errors }) => {
  const file = join(work, 'lede.html');
  await deploy(['--corpus', join(DEMO_CORPUS, 'corpus.json'), '--index', join(DEMO_CORPUS, 'corpus.index'), '--single-file', file]);
  const html = readFileSync(file, 'utf8');
  assert.equal([...html.matchAll(/<script[^>]*\bsrc=/g)].length, 0, 'no external script');
  assert.equal([...html.matchAll(/<link[^>]*rel="stylesheet"/g)].length, 0, 'no external stylesheet');
  await exploreFromDisk(page, file);
  assert.deepEqual(errors, []);
});

siteTest('the page saves itself as one file and as a site zip', async ({ page, site, errors }) => {
  await page.goto(site.url);
  await page.locator('.lede-result').first().waitFor();
  const footer = page.locator('.lede .lede-site-footer');
  await footer.waitFor();
  // One file.
  const [download] = await Promise.all([page.waitForEvent('download'), footer.locator('.lede-save-file').click()]);
  assert.equal(download.suggestedFilename(), 'lede.html');
  const file = join(work, 'saved.html');
  await download.saveAs(file);
  await page.locator('.lede-save-status', { hasText: 'Saved lede.html' }).waitFor();
  // The site as a zip: every file lede-site.json lists, intact (Python's zipfile checks CRCs).
  const [zipped] = await Promise.all([page.waitForEvent('download'), footer.locator('.lede-save-site').click()]);
  const zip = join(work, 'site.zip');
  await zipped.saveAs(zip);
  const check = spawnSync('python3', ['-c', 'import sys, zipfile, json; z = zipfile.ZipFile(sys.argv[1]); print(json.dumps([z.testzip(), sorted(z.namelist())]))', zip], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
  const [bad, names] = JSON.parse(check.stdout);
  assert.equal(bad, null, 'every CRC matches');
  const listed = JSON.parse(readFileSync(join(DIST, 'lede-site.json'), 'utf8'));
  assert.deepEqual(names, [...new Set([...listed.files, ...listed.extra])].map((f) => `lede/${f}`).sort());
  assert.deepEqual(errors, []);
  // The saved file, opened from disk in a fresh page.
  const fresh = await page.context().newPage();
  await exploreFromDisk(fresh, file);
});
