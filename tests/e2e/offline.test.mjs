// Offline after the first load: with the network gone, a reload still shows every article and
// opens one.
import assert from 'node:assert/strict';
import { browserTest, bundledCorpus } from './harness.mjs';

const articles = bundledCorpus().articles;

browserTest('the app works offline after the first load', async ({ page, server, context }) => {
  await page.goto(server.url);
  await page.locator('.lede-result').first().waitFor();
  // The service worker has cached the app and the corpus (fails after 20 s if it never does).
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return Boolean(reg?.active) && (await caches.keys()).length > 0;
  }, null, { polling: 250 });
  await context.setOffline(true);
  await page.reload();
  await page.locator('.lede-result').first().waitFor();
  assert.equal(await page.locator('.lede-result').count(), articles.length);
  const first = page.locator('.lede-result-title').first();
  const title = await first.innerText();
  await first.click();
  await page.locator('.lede-article-title').waitFor();
  assert.equal(await page.locator('.lede-article-title').innerText(), title);
  assert.ok((await page.locator('.lede-article-body p').count()) > 0);
});
