// The benchmark's static server: the page (bench/), the peers' browser builds from node_modules,
// our engine (target/bench/pkg) and one run's data under /data/, on an ephemeral loopback port.
// Every response is cross-origin isolated (COOP + COEP, so performance.now() has 5 µs
// resolution), never cached (each engine's page fetches what it needs afresh) and gzipped when
// the browser asks and the type compresses (as a static host would; pagefind's own files are
// already gzipped and go as they are).
import { createServer } from 'node:http';
import { readFileSync, statSync, existsSync } from 'node:fs';
import { join, extname, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.index': 'application/octet-stream',
  '.lede': 'application/octet-stream',
};
const COMPRESS = new Set(['.html', '.js', '.mjs', '.json', '.wasm', '.css', '.index', '.lede']);
/** The peers' packages the page may load. */
const PACKAGES = ['minisearch', 'fuse.js', 'flexsearch'];

/**
 * Starts the server. `files` maps /data/ names to paths (`corpus.json`, `corpus.lede`,
 * `queries.json`), `pagefind` is the pagefind bundle folder (or null) and `config` is served as
 * /data/config.json; `port` 0 picks a free one.
 */
export async function startServer({ root, files, pagefind, config, port = 0 }) {
  const gzCache = new Map();
  const mounts = [
    ['/bench/', join(root, 'bench')],
    ['/pkg/', join(root, 'target', 'bench', 'pkg')],
    ...PACKAGES.map((p) => [`/node_modules/${p}/`, join(root, 'node_modules', p)]),
    ...(pagefind ? [['/data/pagefind/', pagefind]] : []),
  ];

  /** The file behind a URL path, or null. */
  function locate(path) {
    if (path.startsWith('/data/') && files[path.slice(6)]) return files[path.slice(6)];
    for (const [prefix, dir] of mounts) {
      if (!path.startsWith(prefix)) continue;
      const file = resolve(dir, normalize(`./${path.slice(prefix.length)}`));
      if (!file.startsWith(dir)) return null;
      if (prefix === '/bench/' && !['.html', '.mjs', '.css'].includes(extname(file))) return null;
      return existsSync(file) && statSync(file).isFile() ? file : null;
    }
    return null;
  }

  /** The gzipped bytes of `file`, computed once per version of the file. */
  function gzipped(file) {
    const { mtimeMs, size } = statSync(file);
    const hit = gzCache.get(file);
    if (hit && hit.mtimeMs === mtimeMs && hit.size === size) return hit.body;
    const body = gzipSync(readFileSync(file), { level: 6 });
    gzCache.set(file, { mtimeMs, size, body });
    return body;
  }

  const server = createServer((req, res) => {
    const headers = {
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'no-store',
    };
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/' || path === '/bench' || path === '/bench/') {
      res.writeHead(302, { ...headers, location: '/bench/index.html' });
      res.end();
      return;
    }
    if (path === '/data/config.json') {
      res.writeHead(200, { ...headers, 'content-type': TYPES['.json'] });
      res.end(JSON.stringify(config));
      return;
    }
    const file = locate(path);
    if (!file) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const ext = extname(file);
    headers['content-type'] = TYPES[ext] ?? 'application/octet-stream';
    const gzip = COMPRESS.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gzip ? gzipped(file) : readFileSync(file);
    if (gzip) headers['content-encoding'] = 'gzip';
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  // Compress the big files before any page asks, so that no engine's load time includes it.
  for (const file of Object.values(files)) if (COMPRESS.has(extname(file))) gzipped(file);
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(ok);
      }),
  };
}
