// Shared helpers for Lede's browser tests: a static server for dist/ on 127.0.0.1, headless
// Chromium through playwright-core, and a test wrapper that saves a screenshot on failure.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join, extname, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { test } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
const SCREENSHOTS = join(ROOT, 'target', 'e2e-screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The corpus the release build bundles, read from dist/ (what the page should show). */
export function bundledCorpus() {
  const path = join(DIST, 'corpus.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: build the release app first`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Serves dist/ (plus `extra` path -> body overrides) on an ephemeral loopback port. */
export async function startServer(extra = {}) {
  let down = false;
  const server = createServer(async (req, res) => {
    if (down) {
      // As a network that is gone: the connection drops without a response.
      req.socket.destroy();
      return;
    }
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (extra[path] !== undefined) {
      const [type, body] = extra[path];
      res.writeHead(200, { 'content-type': type });
      res.end(body);
      return;
    }
    const rel = normalize(path === '/' ? '/index.html' : path);
    if (rel.includes('..')) { res.writeHead(400); res.end(); return; }
    try {
      const body = await readFile(join(DIST, rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    /** From now on every request fails as if the network were gone. */
    goDown: () => {
      down = true;
      server.closeAllConnections();
    },
    close: () => new Promise((r) => server.close(r)),
  };
}

/** The Chromium flags this machine needs (shared with bench/run). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

/** Launches headless Debian Chromium with the flags this machine needs and a fresh profile. */
export async function launchBrowser() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'lede-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.LEDE_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
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
