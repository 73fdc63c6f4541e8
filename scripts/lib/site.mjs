// The static site around the built app, shared by Trunk's post-build hook (scripts/lib/post-build.mjs)
// and scripts/deploy: the loader modules from web/ with the build's hashed file names, the site
// description lede-site.json, and the service worker stamped with the site's content version.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ROOT } from './browser.mjs';

/** The site description every loader and the service worker read. */
export const SITE_FILE = 'lede-site.json';

/** Files of a site that the service worker does not precache (fetched only when needed). */
const NOT_PRECACHED = new Set(['sw.js', 'ner.bin']);

/**
 * The Trunk-built app's own file names, read from the index.html Trunk wrote: the wasm-bindgen
 * module, the wasm and the stylesheet. Throws naming the file when one is missing.
 */
export function builtAssets(indexHtml, where) {
  const find = (re, what) => {
    const m = indexHtml.match(re);
    if (!m) throw new Error(`${where}: no ${what} in the index.html Trunk wrote`);
    return m[1];
  };
  return {
    glue: find(/<link rel="modulepreload" href="\.\/([^"]+\.js)"/, 'modulepreload link to the wasm-bindgen module'),
    wasm: find(/<link rel="preload" href="\.\/([^"]+\.wasm)"/, 'preload link to the wasm'),
    css: find(/<link rel="stylesheet" href="\.\/([^"]+\.css)"/, 'stylesheet link'),
  };
}

/**
 * Removes Trunk's inline loader (`<script type="module">import init…</script>`): under a strict
 * CSP inline scripts never run, and web/lede-page.js loads the app instead.
 */
export function withoutInlineLoader(indexHtml, where) {
  const inline = /<script type="module">\s*import init, \* as bindings[\s\S]*?<\/script>\s*/;
  if (!inline.test(indexHtml)) throw new Error(`${where}: Trunk's inline loader script was not found`);
  const html = indexHtml.replace(inline, '');
  const left = html.match(/<script(?![^>]*\bsrc=)[^>]*>/);
  if (left) throw new Error(`${where}: an inline script is left: ${left[0]}`);
  if (/<style[\s>]|\sstyle="/.test(html)) throw new Error(`${where}: inline style is not allowed under the CSP`);
  return html;
}

/** Writes the loader modules of web/ into `dir`, with the built app's file names filled in. */
export function writeLoaders(dir, assets) {
  const explorer = readFileSync(join(ROOT, 'web', 'lede-explorer.js'), 'utf8')
    .replaceAll('%LEDE_GLUE%', assets.glue)
    .replaceAll('%LEDE_WASM%', assets.wasm)
    .replaceAll('%LEDE_CSS%', assets.css);
  if (/%LEDE_[A-Z]+%/.test(explorer)) throw new Error('web/lede-explorer.js: a placeholder is left unfilled');
  writeFileSync(join(dir, 'lede-explorer.js'), explorer);
  for (const name of ['lede-page.js', 'lede-save.js', 'lede-own-panel.js']) {
    writeFileSync(join(dir, name), readFileSync(join(ROOT, 'web', name)));
  }
}

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. */
export function siteFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * Finishes a site folder: writes lede-site.json (the app's files, the corpus and index the page
 * loads, the content version) and sw.js from the repository's template with that version and
 * the files to precache. The version is a hash over every file's name and bytes, so a new
 * corpus, app or page gives a new cache. Returns the site description.
 */
export function finishSite(dir, { assets, corpus, index }) {
  for (const name of [corpus, index].filter(Boolean)) {
    if (!existsSync(join(dir, name))) throw new Error(`${join(dir, name)}: the site's corpus file is missing`);
  }
  const files = siteFiles(dir).filter((f) => f !== SITE_FILE && !NOT_PRECACHED.has(f));
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f}\0`).update(readFileSync(join(dir, f))).update('\0');
  const version = hash.digest('hex').slice(0, 16);
  const extra = siteFiles(dir).filter((f) => NOT_PRECACHED.has(f));
  const site = { version, ...assets, corpus, index: index ?? null, files: [...files, SITE_FILE], extra };
  writeFileSync(join(dir, SITE_FILE), `${JSON.stringify(site, null, 2)}\n`);
  const template = readFileSync(join(ROOT, 'sw.js'), 'utf8');
  if (!template.includes("'%LEDE_VERSION%'") || !template.includes('%LEDE_FILES%')) {
    throw new Error('sw.js: the %LEDE_VERSION% and %LEDE_FILES% placeholders are missing');
  }
  const sw = template
    .replace("'%LEDE_VERSION%'", JSON.stringify(version))
    .replace('%LEDE_FILES%', JSON.stringify(['./', ...site.files.map((f) => `./${f}`)]));
  writeFileSync(join(dir, 'sw.js'), sw);
  return site;
}
