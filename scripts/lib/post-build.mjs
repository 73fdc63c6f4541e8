// Trunk's post-build hook (Trunk.toml): replaces Trunk's inline loader with web/lede-page.js,
// writes the loader modules and finishes the site in Trunk's staging folder (scripts/lib/site.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtAssets, finishSite, withoutInlineLoader, writeLoaders } from './site.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build.mjs: TRUNK_STAGING_DIR is not set (run by Trunk as a post_build hook)');
  process.exit(2);
}
const indexPath = join(dir, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const assets = builtAssets(html, indexPath);
writeFileSync(indexPath, withoutInlineLoader(html, indexPath));
writeLoaders(dir, assets);
const site = finishSite(dir, { assets, corpus: 'corpus.lede' });
console.log(`Lede site ${site.version}: ${site.files.length} files precached`);
