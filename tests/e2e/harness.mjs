// Shared helpers for Lede's browser tests: a static server for dist/ on 127.0.0.1 and headless
// Chromium (from scripts/lib/browser.mjs, which bench/ uses too), and a test wrapper that saves a
// screenshot on failure.
import { mkdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { DIST, ROOT, startServer, launchBrowser } from '../../scripts/lib/browser.mjs';

export { DIST, ROOT };

const SCREENSHOTS = join(ROOT, 'target', 'e2e-screenshots');

/** Where the release build's pre-build hook ingests the demo (its JSON, index and pack). */
export const DEMO_CORPUS = join(ROOT, 'target', 'demo-corpus');

/** The corpus the release build bundles (as a pack), read from its JSON (what the page should show). */
export function bundledCorpus() {
  const path = join(DEMO_CORPUS, 'corpus.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: build the release app first`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/**
 * A browser test: `fn({ page, server, errors })` runs against a fresh server and page; page
 * errors are collected in `errors`. On failure a screenshot goes to target/e2e-screenshots/.
 */
export function browserTest(name, fn, { serve = {} } = {}) {
  serverTest(name, 90_000, () => startServer(serve), (page, server, errors, context) => fn({ page, server, errors, context }));
}

/**
 * The one runner behind browserTest and siteTest: a server from `start()`, a fresh Chromium
 * profile and page, page errors collected, a screenshot on failure, everything closed after.
 */
function serverTest(name, timeout, start, run) {
  test(name, { timeout }, async () => {
    const server = await start();
    const context = await launchBrowser();
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(20_000);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      await run(page, server, errors, context);
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

// ---------------------------------------------------------------------------------------------
// Accessibility, themes and screenshots (tests/e2e/a11y.test.mjs, screens.test.mjs).

/** The viewports the pages are checked and photographed at. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
};

/** Where screens.test.mjs writes its screenshots. */
export const SCREENSHOT_DIR = join(ROOT, 'target', 'screenshots');

/** Demo-corpus pages every check visits: name → URL hash and what shows once it is ready. */
export const DEMO_PAGES = {
  browse: { hash: '#q=city', ready: '.lede-result' },
  'browse-entity': { hash: '#e=person%3Aidris-kalvane', ready: '.lede-result' },
  article: { hash: '#article=043-okafor-brandt-third-term', ready: '.lede-article-title' },
  quotes: { hash: '#page=quotes', ready: '.lede-quotes .lede-speaker-group' },
  entity: { hash: '#entity=person%3Aidris-kalvane', ready: '.lede-entity-profile .lede-entity-name' },
};

/**
 * Loads the app afresh at `hash` in `colorScheme` ('light' or 'dark') and waits for `ready`
 * (from a blank page: a change of hash alone would keep the page, and an open dialog, as it is).
 */
export async function openPage(page, server, { hash, ready }, colorScheme = 'light') {
  await page.emulateMedia({ colorScheme });
  await page.goto('about:blank');
  await page.goto(`${server.url}${hash}`);
  await page.locator(ready).first().waitFor();
}

/** Opens the shortcuts dialog with `?` from the page and waits until it shows. */
export async function openShortcuts(page) {
  await page.locator('body').focus().catch(() => {});
  await page.keyboard.press('?');
  await page.locator('.lede-dialog[open]').waitFor();
}

/** Opens the filter drawer (phone layout) and waits for the panel. */
export async function openDrawer(page) {
  await page.locator('.lede-drawer-toggle').click();
  await page.locator('.lede-drawer-panel .lede-filter').waitFor();
}

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * Runs axe-core on the page (injected from node_modules) and returns the serious and critical
 * violations, each as `id (impact): targets` lines ready to print.
 */
export async function seriousViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: AXE });
  }
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.join('\n    ')}`);
}

/**
 * The colour literals (hex, rgb/hsl functions, common colour names) of a stylesheet that sit
 * outside a `--lede-*` token declaration, as `line: declaration` strings.
 */
export function colourLiteralsOutsideTokens(css) {
  const literal = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(|\b(?:white|black|red|green|blue|yellow|orange|purple|gray|grey|pink|brown)\b/i;
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  const leaks = [];
  // Each declaration: a property and its value, between `{` or `;` and `;` or `}`.
  for (const m of text.matchAll(/([{;])\s*([-\w]+)\s*:\s*([^;{}]*)/g)) {
    const [, , property, value] = m;
    if (property.startsWith('--lede-') || !literal.test(value)) continue;
    const line = text.slice(0, m.index).split('\n').length;
    leaks.push(`${line}: ${property}: ${value.trim()}`);
  }
  return leaks;
}

// ---------------------------------------------------------------------------------------------
// The shell: sites served from any folder, under a sub-path, with headers (csp, deploy,
// offline_update, single_file, embed tests).

/** The Content-Security-Policy Lede runs under (README, "Deploying"). */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";

/** A site server for `dir` (default dist/): scripts/lib/serve.mjs, on a free loopback port. */
export async function startSite({ dir = DIST, ...options } = {}) {
  const { serveSite } = await import('../../scripts/lib/serve.mjs');
  return serveSite({ dir, ...options });
}

/**
 * A browser test against a site server of its own (`startSite(site)`), with a fresh profile:
 * `fn({ page, site, context, errors })`; a screenshot on failure as browserTest does.
 */
export function siteTest(name, fn, { site = {}, timeout = 120_000 } = {}) {
  serverTest(name, timeout, () => startSite(site), (page, server, errors, context) => fn({ page, site: server, errors, context }));
}

/** Waits until a service worker controls the page and has finished activating. */
export async function waitForOffline(page) {
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return reg?.active?.state === 'activated' && Boolean(navigator.serviceWorker.controller);
  }, null, { polling: 250 });
}

/**
 * Runs scripts/deploy with `args`; resolves to its output, or throws with it. LEDE_BIN is the
 * debug `lede` that the build's pre-build hook made, when there is one (no release build).
 */
export async function deploy(args, { allowFailure = false } = {}) {
  const { spawnSync } = await import('node:child_process');
  const target = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
  const debugLede = join(target, 'debug', 'lede');
  const env = { ...process.env, ...(existsSync(debugLede) && !process.env.LEDE_BIN ? { LEDE_BIN: debugLede } : {}) };
  const run = spawnSync(join(ROOT, 'scripts', 'deploy'), args, { cwd: ROOT, env, encoding: 'utf8' });
  const output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0 && !allowFailure) throw new Error(`scripts/deploy ${args.join(' ')} failed (${run.status}):\n${output}`);
  return { status: run.status, output, env };
}

// Hostile and malformed input (tests/e2e/hostile.test.mjs, malformed.test.mjs, panic.test.mjs).

/** A host page that mounts the release app on the corpus at `url` (`data-corpus`). */
export function hostPage(url) {
  const head = readFileSync(join(DIST, 'index.html'), 'utf8').match(/<head>([\s\S]*)<\/head>/)[1];
  return `<!DOCTYPE html><html><head>${head}</head><body>
  <div id="lede" data-corpus="${url}"></div>
</body></html>`;
}

/** The `lede` CLI the release build's pre-build hook compiled (debug profile, in the target dir). */
export function ledeBinary() {
  const target = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
  const path = join(target, 'debug', 'lede');
  if (!existsSync(path)) throw new Error(`${path} is missing: build the release app first (its hook builds lede)`);
  return path;
}

/**
 * Run in the page (`page.evaluate(hostileChecks)`): what hostile data could have done to the
 * app. `foreign`: elements no component renders (script, img, svg, iframe…); `handlers`: event
 * attributes; `unsafeLinks`: javascript: hrefs; `leaks`: text holding a right-to-left override
 * that is not inside a bidi isolate (`<bdi>` or computed `unicode-bidi: isolate`), or whose
 * isolate also holds one of the app's labels; `pwned`: the payloads' sentinel global.
 */
export function hostileChecks() {
  const root = document.querySelector('#lede') ?? document.body;
  const describe = (e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`;
  const foreign = [...root.querySelectorAll('script, img, svg, iframe, object, embed, math, style, link, meta, base, form')]
    .map(describe);
  const handlers = [...root.querySelectorAll('*')]
    .filter((e) => [...e.attributes].some((a) => a.name.toLowerCase().startsWith('on')))
    .map(describe);
  const unsafeLinks = [...root.querySelectorAll('a[href]')]
    .filter((a) => /^\s*javascript:/i.test(a.getAttribute('href')))
    .map(describe);
  const labels = ['·', '(quoted)', '×', 'There is no'];
  const isolating = (e) => e.tagName === 'BDI'
    || ['isolate', 'isolate-override', 'plaintext'].includes(getComputedStyle(e).unicodeBidi);
  // A box of its own (a block, or taken out of the line) starts a new bidi paragraph.
  const ownParagraph = (e) => {
    const style = getComputedStyle(e);
    return style.display !== 'inline' || style.position === 'absolute' || style.position === 'fixed';
  };
  // The text of `e` in the same bidi run as its own: without what sits in a nested isolate or box.
  const runText = (e) => {
    let text = '';
    const w = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      let p = n.parentElement;
      while (p !== e && !isolating(p) && !ownParagraph(p)) p = p.parentElement;
      if (p === e) text += n.data;
    }
    return text;
  };
  const leaks = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // An override inside FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE ends there.
    if (!node.data.replace(/\u2068[^\u2069]*\u2069/g, '').includes('\u202E')) continue;
    let e = node.parentElement;
    while (e && e !== root && !isolating(e)) e = e.parentElement;
    if (!e || e === root) {
      leaks.push(`not isolated: ${describe(node.parentElement)} "${node.data.slice(0, 40)}"`);
    } else if (labels.some((l) => runText(e).includes(l))) {
      leaks.push(`isolate shared with a label: ${describe(e)} "${runText(e).slice(0, 60)}"`);
    }
  }
  return { foreign, handlers, unsafeLinks, leaks, pwned: window.__ledePwned !== undefined };
}

// ---------------------------------------------------------------------------------------------
// Your own articles (tests/e2e/own_files.test.mjs, bench/own-files.mjs).

/**
 * `lede ingest FILES… --report` run here on the same files the page gets: its report document
 * (counts and entries). Built by Cargo like Trunk's pre-build hook does.
 */
export function ownFilesCli(files, dir) {
  const report = join(dir, 'cli-report.json');
  const out = spawnSync('cargo', ['run', '--quiet', '-p', 'lede-cli', '--', 'ingest', ...files,
    '-o', join(dir, 'cli-corpus.json'), '--report', report, '--allow-rejects'], { cwd: ROOT, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`lede ingest failed (${out.status}): ${out.stderr}`);
  return JSON.parse(readFileSync(report, 'utf8'));
}

/** Opens the "Add your articles" panel. */
export async function openOwnPanel(page) {
  await page.locator('.lede-own-toggle').click();
  await page.locator('.lede-own-drop').waitFor();
}
