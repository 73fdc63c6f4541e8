// The app of a built folder opened in a fresh headless Chromium on a pack, up to its first
// result: the set-up shared by bench/explorer.mjs and bench/explorer-profile.mjs.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launchChromium } from '../../scripts/lib/browser.mjs';

/** The app's index.html from `dist`, mounted on `corpus.lede` and preloading it. */
export function packPage(dist) {
  return ['text/html; charset=utf-8', readFileSync(join(dist, 'index.html'), 'utf8')
    .replace('</head>', '<link rel="preload" href="corpus.lede" as="fetch" crossorigin="anonymous" />\n</head>')
    .replace('<body>', '<body><div id="lede" data-corpus="corpus.lede"></div>')];
}

/**
 * Serves `dist` with `packBytes` as its corpus, opens it in a fresh browser and waits for the
 * first result. Returns the tab, its browser context and `close()`, which ends both and removes
 * the browser profile.
 */
export async function openPackExplorer(dist, packBytes) {
  const server = await startServer({
    '/': packPage(dist),
    '/index.html': packPage(dist),
    '/corpus.lede': ['application/octet-stream', packBytes],
  }, { dist });
  const { context, userDataDir } = await launchChromium();
  const tab = context.pages()[0] ?? (await context.newPage());
  tab.setDefaultTimeout(120_000);
  await tab.goto(server.url);
  await tab.locator('.lede-result').first().waitFor();
  const close = async () => {
    await context.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { tab, context, close };
}
