// Trunk's post-build hook (Trunk.toml): replaces Trunk's inline loader with web/lede-page.js,
// writes the loader modules and finishes the site in Trunk's staging folder (scripts/lib/site.mjs).
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtAssets, finishSite, withoutInlineLoader, writeLoaders } from './site.mjs';
import { optimiseOrdered } from './wasm-order.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build.mjs: TRUNK_STAGING_DIR is not set (run by Trunk as a post_build hook)');
  process.exit(2);
}
const indexPath = join(dir, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const assets = builtAssets(html, indexPath);
writeFileSync(indexPath, withoutInlineLoader(withOrderedWasm(html, assets.wasm), indexPath));
writeLoaders(dir, assets);
const site = finishSite(dir, { assets, corpus: 'corpus.lede' });
console.log(`Lede site ${site.version}: ${site.files.length} files precached`);

/**
 * The app's wasm optimised here with its functions ordered for gzip (scripts/lib/wasm-order.mjs;
 * index.html turns Trunk's wasm-opt off for it), and `html` with the preload link's integrity
 * hash for the new bytes.
 */
function withOrderedWasm(html, wasm) {
  const path = join(dir, wasm);
  optimiseOrdered(path, `${path}.ordered`);
  renameSync(`${path}.ordered`, path);
  const integrity = `sha384-${createHash('sha384').update(readFileSync(path)).digest('base64')}`;
  const link = new RegExp(`(<link rel="preload" href="\\./${wasm.replaceAll('.', '\\.')}"[^>]*integrity=")sha384-[^"]+"`);
  if (!link.test(html)) throw new Error(`${indexPath}: no preload link with an integrity hash for ${wasm}`);
  return html.replace(link, `$1${integrity}"`);
}
