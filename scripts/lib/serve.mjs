// A static file server for a Lede site folder, shared by scripts/run (a deployed corpus) and
// the browser tests (tests/e2e/harness.mjs, startSite): any folder, under a sub-path, with
// extra headers, switchable (a new deploy) and able to drop every request (a network gone).
// A file with a precompressed sibling (NAME.br, NAME.gz: scripts/deploy writes them) goes as
// that sibling with Content-Encoding when the request accepts it, as a configured host would.
// Run directly: node scripts/lib/serve.mjs DIR [PORT] [BASE].
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves the folder `dir` under the URL path `base` (e.g. '/newsroom/lede/') on `host:port`
 * (port 0: any free one) with `headers` on every response; `extra` maps absolute paths to
 * [type, body], `mounts` further URL prefixes to folders. The handle can switch folders
 * (`serve(dir)`), drop every request (`goDown()`) and come back (`goUp()`); `requests` lists
 * every path asked for.
 */
export async function serveSite({ dir, base = '/', headers = {}, extra = {}, mounts = {}, port = 0, host = '127.0.0.1' }) {
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`serveSite: the base path must start and end with '/': ${base}`);
  let root = dir;
  let down = false;
  const requests = [];
  const server = createServer(async (req, res) => {
    if (down) { req.socket.destroy(); return; }
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (extra[path] !== undefined) {
      const [type, body] = extra[path];
      res.writeHead(200, { 'content-type': type, ...headers });
      res.end(body);
      return;
    }
    const [prefix, folder] = Object.entries(mounts).find(([p]) => path.startsWith(p)) ?? [base, root];
    if (!path.startsWith(prefix)) { res.writeHead(404, headers); res.end('not found'); return; }
    let rel = normalize(`/${path.slice(prefix.length)}`);
    if (rel.endsWith('/')) rel += 'index.html';
    if (rel.includes('..')) { res.writeHead(400, headers); res.end(); return; }
    try {
      const file = join(folder, rel);
      const body = await readFile(file);
      const accepts = req.headers['accept-encoding'] ?? '';
      const encoded = await precompressed(file, accepts);
      const type = { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
      if (encoded) {
        res.writeHead(200, { ...type, 'content-encoding': encoded.encoding, vary: 'accept-encoding', ...headers });
        res.end(encoded.body);
        return;
      }
      res.writeHead(200, { ...type, ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain', ...headers });
      res.end('not found');
    }
  });
  await new Promise((ok, fail) => { server.once('error', fail); server.listen(port, host, ok); });
  const bound = server.address().port;
  return {
    origin: `http://${host}:${bound}`,
    url: `http://${host}:${bound}${base}`,
    requests,
    serve: (next) => { root = next; },
    goDown: () => { down = true; server.closeAllConnections(); },
    goUp: () => { down = false; },
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  };
}

/** The sibling of `file` to send for `accepts` (brotli first, then gzip), if one exists. */
async function precompressed(file, accepts) {
  for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!new RegExp(`\\b${encoding}\\b`).test(accepts)) continue;
    try {
      return { encoding, body: await readFile(`${file}${ext}`) };
    } catch {
      // No sibling of this encoding.
    }
  }
  return null;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, port = '8080', base = '/'] = process.argv.slice(2);
  if (!dir) { console.error('usage: node scripts/lib/serve.mjs DIR [PORT] [BASE]'); process.exit(2); }
  const site = await serveSite({ dir: resolve(dir), port: Number(port), base });
  console.log(`Serving ${dir} at ${site.url} (Ctrl-C stops)`);
}
