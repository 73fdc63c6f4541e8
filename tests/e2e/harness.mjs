// Shared helpers for Lede's browser tests: a static server for dist/ on 127.0.0.1 and headless
// Chromium (from scripts/lib/browser.mjs, which bench/ uses too), and a test wrapper that saves a
// screenshot on failure.
import { mkdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DIST, ROOT, startServer, launchBrowser } from '../../scripts/lib/browser.mjs';

export { DIST, ROOT };

const SCREENSHOTS = join(ROOT, 'target', 'e2e-screenshots');

/** The corpus the release build bundles, read from dist/ (what the page should show). */
export function bundledCorpus() {
  const path = join(DIST, 'corpus.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: build the release app first`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/**
 * A browser test: `fn({ page, server, errors })` runs against a fresh server and page; page
 * errors are collected in `errors`. On failure a screenshot goes to target/e2e-screenshots/.
 */
export function browserTest(name, fn, { serve = {} } = {}) {
  test(name, { timeout: 90_000 }, async () => {
    const server = await startServer(serve);
    const context = await launchBrowser();
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(20_000);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      await fn({ page, server, errors, context });
    } catch (e) {
      await mkdir(SCREENSHOTS, { recursive: true });
      const file = join(SCREENSHOTS, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      console.error(`screenshot of the failure: ${file}`);
      throw e;
    } finally {
      await context.close();
      await server.close();
    }
  });
}

/** Folds text the way a reader would compare it: lowercase, no diacritics, plain apostrophes. */
export function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘ʼ]/g, "'").toLowerCase();
}
