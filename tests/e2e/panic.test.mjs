// Panic → UI: a Rust panic anywhere (here inside the hashchange handler, asked for by the
// documented `#debug=panic`) or a wasm trap replaces the app's main area with a panel that says
// Lede stopped, shows the message and says what to do next, instead of leaving a dead page.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { browserTest, SCREENSHOT_DIR } from './harness.mjs';

browserTest('a panic shows the crash panel with what to do next, and Reload brings the app back', async ({ page, server, errors }) => {
  await page.goto(`${server.url}#q=harbour`);
  await page.locator('.lede-result').first().waitFor();
  assert.equal(await page.locator('.lede-crash').count(), 0, 'no crash panel before the panic');
  await page.evaluate(() => { location.hash = 'debug=panic'; });
  const panel = page.locator('.lede-main .lede-crash[role="alert"]');
  await panel.waitFor();
  assert.match(await panel.locator('h2').innerText(), /Lede stopped working/);
  assert.match(await panel.locator('.lede-error-message').innerText(), /panicked.*debug=panic/s);
  assert.match(await panel.locator('.lede-error-next').innerText(), /Reload the page.*report it/s);
  assert.equal(await page.locator('.lede-result').count(), 0, 'the stale results are gone');
  // Later panics ("already borrowed") do not replace the first message.
  await page.evaluate(() => { location.hash = 'q=x&debug=panic'; });
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.lede-crash').count(), 1);
  assert.match(await page.locator('.lede-crash .lede-error-message').innerText(), /debug=panic/);
  assert.ok(errors.length > 0, 'the panic also reached the console as a page error');
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'panic-panel.png'), fullPage: true });
  // Reload: the page comes back at the same address (a fresh page does not panic on its hash).
  await page.locator('.lede-crash a.lede-reload').click();
  await page.locator('.lede-count').waitFor();
  assert.equal(await page.locator('.lede-crash').count(), 0);
});

browserTest('a WebAssembly trap reaching the window shows the crash panel', async ({ page, server }) => {
  await page.goto(`${server.url}#q=harbour`);
  await page.locator('.lede-result').first().waitFor();
  // As the engine would throw it: a RuntimeError uncaught on the window.
  await page.evaluate(() => {
    window.dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable executed'), message: 'unreachable executed' }));
  });
  const panel = page.locator('.lede-crash');
  await panel.waitFor();
  assert.match(await panel.locator('.lede-error-message').innerText(), /WebAssembly trap: unreachable executed/);
});

browserTest('an ordinary script error of the host page does not show the crash panel', async ({ page, server }) => {
  await page.goto(`${server.url}#q=harbour`);
  await page.locator('.lede-result').first().waitFor();
  await page.evaluate(() => {
    window.dispatchEvent(new ErrorEvent('error', { error: new TypeError('host page bug'), message: 'host page bug' }));
  });
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.lede-crash').count(), 0);
  assert.ok(await page.locator('.lede-result').count() > 0);
});
