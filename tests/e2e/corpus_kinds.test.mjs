// One kind per name across a corpus, in the browser as in the CLI: the demo articles that name
// its country (a word the tagger never saw, whose per-article votes make it a person) are
// added as one's own files; the worker's corpus step types it from the words around its
// mentions as `lede ingest` does for the same files, and the entity page shows that kind.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserTest, ROOT, SCREENSHOT_DIR, ownFilesCli, openOwnPanel } from './harness.mjs';

const NAME = 'Vastmark';
const DEMO = join(ROOT, 'data', 'demo');

/** The demo articles that name NAME, copied to a fresh folder. */
function namingFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'lede-kinds-'));
  const files = readdirSync(DEMO)
    .filter((f) => f.endsWith('.txt') && readFileSync(join(DEMO, f), 'utf8').includes(NAME))
    .map((f) => {
      copyFileSync(join(DEMO, f), join(dir, f));
      return join(dir, f);
    });
  return { dir, files };
}

browserTest('the worker gives a name the kind the CLI gives it over the same files', async ({ page, server, errors }) => {
  const { dir, files } = namingFiles();
  assert.ok(files.length >= 10, `${files.length} demo articles name ${NAME}`);
  const cli = ownFilesCli(files, dir);
  const corpus = JSON.parse(readFileSync(join(dir, 'cli-corpus.json'), 'utf8'));
  const named = corpus.entities.filter((e) => e.name === NAME);
  assert.equal(named.length, 1, `one entity named ${NAME}: ${JSON.stringify(named)}`);
  const [entity] = named;
  // The corpus step's answer (docs/evaluation.md, "the demo's country"): a place.
  assert.equal(entity.kind, 'place');
  const articles = corpus.articles.filter((a) => a.entities.some((e) => e.id === entity.id)).length;
  assert.ok(articles >= 10, `${entity.id} in ${articles} articles`);

  await page.goto(server.url);
  await page.locator('.lede-result').first().waitFor();
  await openOwnPanel(page);
  await page.locator('.lede-own-files').setInputFiles(files);
  const counts = page.locator('.lede-own-counts');
  await counts.waitFor({ timeout: 120_000 });
  assert.equal(Number(await counts.getAttribute('data-ingested')), cli.ingested);
  await page.locator('.lede-own-close').click();
  await page.locator('.lede-count').filter({ hasText: new RegExp(`^${cli.ingested} articles$`) }).waitFor();

  await page.goto(`${server.url}#entity=${encodeURIComponent(entity.id)}`);
  await page.locator('.lede-entity-name').waitFor();
  assert.equal(await page.locator('.lede-entity-name').innerText(), NAME);
  assert.equal(await page.locator('.lede-entity-kind').textContent(), 'Place');
  assert.equal(
    await page.locator('.lede-entity-articles .lede-entity-count').getAttribute('data-count'),
    String(articles),
  );
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'corpus-kinds-entity.png') });
  assert.deepEqual(errors, []);
});
