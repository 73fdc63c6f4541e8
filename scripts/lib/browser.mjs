// Browser helpers shared by the browser tests (tests/e2e/harness.mjs) and the benchmarks
// (bench/): the repository paths, a static server for dist/ on 127.0.0.1, and headless Debian
// Chromium through playwright-core with the flags this machine needs and a fresh profile.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { join, extname, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The release build of the app (`trunk build --release`). */
export const DIST = join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves dist/ (or the build folder `dist`, e.g. a baseline build for a side-by-side
 * benchmark), plus `extra` path -> [type, body, headers?] overrides, on an ephemeral loopback
 * port (`headers`, e.g. `{ 'content-encoding': 'gzip' }` for a precompressed body).
 */
export async function startServer(extra = {}, { dist = DIST } = {}) {
  let down = false;
  const server = createServer(async (req, res) => {
    if (down) {
      // As a network that is gone: the connection drops without a response.
      req.socket.destroy();
      return;
    }
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (extra[path] !== undefined) {
      const [type, body, headers = {}] = extra[path];
      res.writeHead(200, { 'content-type': type, ...headers });
      res.end(body);
      return;
    }
    const rel = normalize(path === '/' ? '/index.html' : path);
    if (rel.includes('..')) { res.writeHead(400); res.end(); return; }
    try {
      const body = await readFile(join(dist, rel));
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

/** The Chromium flags this machine needs. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

/**
 * Launches headless Debian Chromium (`LEDE_CHROMIUM` overrides the path) with CHROMIUM_ARGS plus
 * `args`, in a fresh profile folder under the temp dir named `profilePrefix…`; resolves to the
 * persistent context and that folder. playwright-core is imported here, when first needed.
 */
export async function launchChromium({ args = [], profilePrefix = 'lede-chromium-' } = {}) {
  const { chromium } = await import('playwright-core');
  const userDataDir = mkdtempSync(join(tmpdir(), profilePrefix));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.LEDE_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
  });
  return { context, userDataDir };
}

/** Launches headless Chromium with the flags this machine needs and a fresh profile. */
export async function launchBrowser() {
  return (await launchChromium()).context;
}
