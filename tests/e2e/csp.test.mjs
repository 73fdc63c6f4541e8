// The app under a strict Content-Security-Policy (STRICT_CSP, sent as a header with every
// response): every page, a search, an opened article and the service worker work, and the
// browser reports no violation (securitypolicyviolation events, CSP console errors).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PAGES, DIST, STRICT_CSP, bundledCorpus, siteTest, waitForOffline } from './harness.mjs';

const corpus = bundledCorpus();

/** Collects CSP violations of every document the page loads, and CSP console messages. */
async function watchViolations(page) {
  const seen = [];
  await page.exposeFunction('__ledeCspViolation', (v) => seen.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__ledeCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(`console: ${m.text()}`);
  });
  return seen;
}

siteTest('the built page has no inline script, inline style or data: URL', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.equal([...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].length, 0, 'an inline <script>');
  assert.doesNotMatch(html, /<style[\s>]/, 'an inline <style>');
  assert.doesNotMatch(html, /\sstyle=/, 'a style attribute');
  assert.doesNotMatch(html, /data:/, 'a data: URL');
  assert.match(html, /<link rel="manifest" href="\.\/manifest\.webmanifest"/);
});

siteTest('every page works under the strict CSP, and the service worker registers', async ({ page, site, errors }) => {
  const violations = await watchViolations(page);
  let response = await page.goto(`${site.url}#q=city`);
  assert.equal(response.headers()['content-security-policy'], STRICT_CSP, 'the page is served under the policy');
  await page.locator('.lede-result').first().waitFor();
  for (const [name, view] of Object.entries(DEMO_PAGES)) {
    await page.goto('about:blank');
    response = await page.goto(`${site.url}${view.hash}`);
    await page.locator(view.ready).first().waitFor();
    assert.ok(await page.locator(view.ready).first().isVisible(), `${name} shows`);
  }
  // The histogram's bars are sized through CSSOM (allowed), not style attributes (blocked).
  await page.goto('about:blank');
  await page.goto(site.url);
  await page.locator('.lede-result').first().waitFor();
  const heights = await page.locator('.lede-bar-fill').evaluateAll((bars) => bars.map((b) => b.getBoundingClientRect().height));
  assert.ok(heights.length > 1 && new Set(heights.map(Math.round)).size > 1, `the bars have their own heights: ${heights}`);
  // The stylesheet applied: the app's root has its token background, not the default.
  const background = await page.locator('.lede').first().evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'main.css applies');
  // Search by typing and open the first result.
  const target = corpus.articles.find((a) => a.title.split(/\s+/).length > 3);
  const words = target.title.split(/\s+/).slice(0, 4).join(' ');
  await page.locator('.lede-search').fill(words);
  await page.waitForFunction((t) => document.querySelector('.lede-result-title')?.textContent.trim() === t, target.title);
  await page.locator('.lede-result-title').first().click();
  await page.locator('.lede-article-title').waitFor();
  assert.equal((await page.locator('.lede-article-title').innerText()).trim(), target.title);
  // The service worker registers, activates and controls the page under the same policy.
  await waitForOffline(page);
  assert.ok(await page.evaluate(async () => (await caches.keys()).some((k) => k.startsWith('lede-'))), 'its cache exists');
  assert.deepEqual(violations, [], 'no CSP violation');
  assert.deepEqual(errors, []);
}, { site: { headers: { 'content-security-policy': STRICT_CSP } } });
