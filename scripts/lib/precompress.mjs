// Precompressed copies of a site's big files: NAME.gz (gzip -9) and NAME.br (brotli, quality
// 11, 16 MiB window) beside NAME, for hosts that serve them with Content-Encoding when the
// browser accepts it (README, "Precompressed files"; scripts/lib/serve.mjs does). The browser
// decompresses them before the app sees a byte, so the app reads the same file either way.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The kinds of file worth compressing (the pack, the corpus and index, the app's code). */
export const COMPRESSED = new Set(['.lede', '.json', '.index', '.wasm', '.js', '.css', '.html', '.bin', '.webmanifest', '.svg']);
/** Files smaller than this go as they are: compressing them saves less than a packet. */
const MIN_BYTES = 1024;

/** `bytes` as brotli at its best (quality 11, a 16 MiB window). */
export function brotli(bytes) {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/**
 * Writes NAME.gz and NAME.br beside each of `files` (names relative to `dir`) that is worth
 * compressing; returns `{ name, raw, gzip, brotli }` byte counts for each one written.
 */
export function precompress(dir, files) {
  const written = [];
  for (const name of files) {
    const path = join(dir, name);
    if (!COMPRESSED.has(extname(name)) || statSync(path).size < MIN_BYTES) continue;
    const bytes = readFileSync(path);
    const gz = gzipSync(bytes, { level: 9 });
    const br = brotli(bytes);
    writeFileSync(`${path}.gz`, gz);
    writeFileSync(`${path}.br`, br);
    written.push({ name, raw: bytes.length, gzip: gz.length, brotli: br.length });
  }
  return written;
}
