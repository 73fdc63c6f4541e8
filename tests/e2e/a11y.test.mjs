// Accessibility, themes, keyboard and phones: axe-core finds no serious or critical violation
// on any page in light or dark; one h1 per page and labelled landmarks; every colour is a
// token; the keyboard shortcuts work; the theme toggle lives in localStorage, not the hash; on
// a phone the results come first and the filters wait in a drawer.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  browserTest, colourLiteralsOutsideTokens, DEMO_PAGES, openDrawer, openPage, openShortcuts,
  ROOT, seriousViolations, VIEWPORTS,
} from './harness.mjs';

const CSS = readFileSync(join(ROOT, 'style', 'main.css'), 'utf8');

test('every colour in the stylesheet is a token declared once', () => {
  assert.deepEqual(colourLiteralsOutsideTokens(CSS), [], 'colour literals outside the token block');
  const declared = [...CSS.matchAll(/(--lede-[\w-]+)\s*:/g)].map((m) => m[1]);
  const twice = declared.filter((t, i) => declared.indexOf(t) !== i);
  assert.deepEqual(twice, [], 'tokens declared more than once');
  const used = new Set([...CSS.matchAll(/var\((--lede-[\w-]+)\)/g)].map((m) => m[1]));
  assert.deepEqual([...used].filter((t) => !declared.includes(t)), [], 'tokens used but never declared');
  assert.match(CSS, /:focus-visible\s*\{[^}]*outline:[^;}]*var\(--lede-focus\)/, 'a visible focus ring from a token');
});

test('the colour check catches a colour outside the tokens', () => {
  const leaks = colourLiteralsOutsideTokens('.lede { --lede-ink: #123456; }\n.lede-x { color: #fff; background: rgb(0 0 0); border-color: var(--lede-ink); }');
  assert.deepEqual(leaks, ['2: color: #fff', '2: background: rgb(0 0 0)']);
});

/** The page's heading levels in order, and its landmarks. */
const outline = (page) => page.evaluate(() => ({
  headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter((h) => !h.closest('dialog:not([open])'))
    .map((h) => Number(h.tagName[1])),
  header: document.querySelectorAll('.lede > header').length,
  main: document.querySelectorAll('.lede main').length,
  search: document.querySelectorAll('.lede-header [role="search"] input.lede-search').length,
  unlabelledAsides: [...document.querySelectorAll('.lede aside, .lede nav')].filter((e) => !e.getAttribute('aria-label')).length,
}));

function assertOutline(name, o) {
  assert.equal(o.headings.filter((h) => h === 1).length, 1, `${name}: exactly one h1 (${o.headings})`);
  assert.equal(o.headings[0], 1, `${name}: the h1 comes first (${o.headings})`);
  o.headings.forEach((h, i) => {
    if (i > 0) assert.ok(h <= o.headings[i - 1] + 1, `${name}: no heading level skipped (${o.headings})`);
  });
  assert.deepEqual([o.header, o.main, o.search, o.unlabelledAsides], [1, 1, 1, 0], `${name}: landmarks`);
}

for (const scheme of ['light', 'dark']) {
  browserTest(`axe finds no serious violation on any page, ${scheme}`, async ({ page, server, errors }) => {
    const failures = [];
    const check = async (name) => {
      const found = await seriousViolations(page);
      if (found.length) failures.push(`${name} (${scheme}):\n  ${found.join('\n  ')}`);
    };
    await page.setViewportSize(VIEWPORTS.desktop);
    for (const [name, spec] of Object.entries(DEMO_PAGES)) {
      await openPage(page, server, spec, scheme);
      assertOutline(name, await outline(page));
      await check(name);
    }
    await openPage(page, server, { hash: '#article=no-such-article', ready: '.lede-reader .lede-status' }, scheme);
    assertOutline('an article that is not there', await outline(page));
    await check('an article that is not there');
    await openPage(page, server, DEMO_PAGES.browse, scheme);
    await openShortcuts(page);
    await check('shortcuts dialog');
    await page.setViewportSize(VIEWPORTS.phone);
    await openPage(page, server, DEMO_PAGES.browse, scheme);
    await openDrawer(page);
    await check('phone, filter drawer open');
    await openPage(page, server, DEMO_PAGES.article, scheme);
    await check('phone, article');
    assert.deepEqual(failures, [], `axe violations:\n${failures.join('\n')}`);
    assert.deepEqual(errors, []);
  });
}

browserTest('the theme toggle: light, dark, system; in localStorage, never in the hash', async ({ page, server, errors }) => {
  await openPage(page, server, DEMO_PAGES.browse, 'light');
  const hash = new URL(page.url()).hash;
  const toggle = page.locator('.lede-theme-toggle');
  const state = () => page.evaluate(() => ({
    stored: localStorage.getItem('lede-theme'),
    attribute: document.querySelector('.lede').getAttribute('data-theme'),
    background: getComputedStyle(document.querySelector('.lede')).backgroundColor,
  }));
  const system = await state();
  assert.deepEqual([system.stored, system.attribute], [null, null], 'nothing stored before a choice');
  assert.equal(await toggle.getAttribute('data-theme-choice'), 'system');
  await toggle.click();
  assert.deepEqual(await state(), { stored: 'light', attribute: 'light', background: system.background });
  await toggle.click();
  const dark = await state();
  assert.deepEqual([dark.stored, dark.attribute], ['dark', 'dark']);
  assert.notEqual(dark.background, system.background, 'dark paints a dark background');
  assert.equal(new URL(page.url()).hash, hash, 'the theme is not in the hash');
  await check(page, 'dark chosen with the toggle');
  await page.reload();
  await page.locator(DEMO_PAGES.browse.ready).first().waitFor();
  assert.deepEqual(await state(), dark, 'a reload keeps the theme');
  await page.goto(`${server.url}${DEMO_PAGES.article.hash}`);
  await page.locator(DEMO_PAGES.article.ready).waitFor();
  assert.equal((await state()).attribute, 'dark', 'another page keeps the theme');
  await check(page, 'article, dark chosen with the toggle');
  // Chosen dark stays dark on a light system; back to system follows the system again.
  await toggle.click();
  const back = await state();
  assert.deepEqual([back.stored, back.attribute], ['system', null]);
  assert.equal(back.background, system.background);
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal((await state()).background, dark.background, 'system follows prefers-color-scheme');
  assert.deepEqual(errors, []);
});

/** Fails with axe's serious and critical violations on the page as it is. */
async function check(page, name) {
  const found = await seriousViolations(page);
  assert.deepEqual(found, [], `${name}: axe violations:\n  ${found.join('\n  ')}`);
}

browserTest('keyboard: / searches, j/k walk the results, Enter opens, Escape returns, ? helps', async ({ page, server, errors }) => {
  await openPage(page, server, DEMO_PAGES.browse);
  const active = () => page.evaluate(() => {
    const a = document.activeElement;
    return { cls: a.className, article: a.closest('.lede-result')?.dataset.article ?? null, text: a.textContent };
  });
  const articles = await page.locator('.lede-result').evaluateAll((els) => els.map((e) => e.dataset.article));
  assert.ok(articles.length >= 3, `${articles.length} results`);
  await page.keyboard.press('/');
  assert.equal((await active()).cls, 'lede-search', '/ focuses the search box');
  assert.equal(await page.locator('.lede-search').inputValue(), 'city', 'the slash is not typed');
  // Typing j in the search box types it.
  await page.keyboard.press('j');
  assert.equal(await page.locator('.lede-search').inputValue(), 'cityj');
  await page.keyboard.press('Backspace');
  await page.locator('.lede-count').filter({ hasText: ' of ' }).waitFor();
  await page.locator('.lede-header .lede-brand').focus();
  await page.keyboard.press('j');
  assert.equal((await active()).article, articles[0], 'j focuses the first result');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  assert.equal((await active()).article, articles[2]);
  await page.keyboard.press('k');
  assert.equal((await active()).article, articles[1], 'k goes back one');
  await page.keyboard.press('ArrowDown');
  assert.equal((await active()).article, articles[2], 'ArrowDown within the list moves too');
  await page.keyboard.press('ArrowUp');
  assert.equal((await active()).article, articles[1]);
  await page.keyboard.press('Enter');
  await page.locator('.lede-reader .lede-article-title').waitFor();
  assert.match(page.url(), new RegExp(`article=${articles[1]}`), 'Enter opens the focused result');
  await page.keyboard.press('Escape');
  await page.locator('.lede-result').first().waitFor();
  assert.equal(await page.locator('.lede-reader').count(), 0, 'Escape leaves the reader');
  assert.equal(new URL(page.url()).hash, DEMO_PAGES.browse.hash, 'back to the hash without the article');
  await page.waitForFunction((id) => document.activeElement.closest('.lede-result')?.dataset.article === id, articles[1]);
  // ? opens the dialog, Escape closes it and focus returns.
  await page.keyboard.press('?');
  const dialog = page.locator('.lede-dialog[open]');
  await dialog.waitFor();
  assert.equal(await dialog.getAttribute('role'), 'dialog');
  assert.equal(await dialog.getAttribute('aria-modal'), 'true');
  const labelledBy = await dialog.getAttribute('aria-labelledby');
  assert.equal(await page.locator(`#${labelledBy}`).innerText(), 'Keyboard shortcuts');
  assert.ok(await page.evaluate(() => document.querySelector('.lede-dialog').contains(document.activeElement)), 'focus moves into the dialog');
  await page.keyboard.press('j');
  assert.equal(await page.locator('.lede-dialog[open]').count(), 1, 'shortcuts sleep while the dialog is open');
  await page.keyboard.press('Escape');
  await page.locator('.lede-dialog[open]').waitFor({ state: 'detached' });
  assert.equal((await active()).article, articles[1], 'focus returns where it was');
  assert.equal(await page.locator('.lede-result').count(), articles.length, 'Escape in the dialog only closes it');
  // In the reader, j/k walk the "who said what" list.
  await page.goto(`${server.url}${DEMO_PAGES.article.hash}`);
  await page.locator('.lede-quote-row').first().waitFor();
  await page.locator('.lede-back').focus();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('.lede-quote-row')].indexOf(document.activeElement)), 1);
  await page.keyboard.press('k');
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('.lede-quote-row')].indexOf(document.activeElement)), 0);
  // Escape in the search box clears it (the reader stays open when it is empty).
  await page.locator('.lede-search').focus();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.lede-reader').count(), 1, 'Escape in an empty search box does nothing');
  await page.keyboard.type('mayor');
  await page.locator('.lede-result').first().waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.lede-search').inputValue(), '');
  await page.locator('.lede-count').filter({ hasText: /^\d+ articles$/ }).waitFor();
  assert.deepEqual(errors, []);
});

browserTest('a phone: results first, the filters in a drawer, no sideways scroll', async ({ page, server, errors }) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await openPage(page, server, { hash: '', ready: '.lede-result' });
  const first = await page.locator('.lede-result').first().boundingBox();
  assert.ok(first.y + 40 < VIEWPORTS.phone.height, `the first result is above the fold (y=${first.y})`);
  const toggle = page.locator('.lede-drawer-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('.lede-filter').isVisible(), false, 'the filter panel waits in the drawer');
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok((await width()) <= VIEWPORTS.phone.width, `no horizontal scroll (${await width()})`);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('.lede-filter').isVisible(), true);
  assert.ok((await width()) <= VIEWPORTS.phone.width, `no horizontal scroll with the drawer open (${await width()})`);
  // Touch targets: every button and filter link at least 24 px each way.
  const small = await page.evaluate(() => [...document.querySelectorAll('.lede button, .lede-facet, .lede-chip, .lede-back, .lede-brand')]
    .filter((e) => e.offsetParent !== null)
    .map((e) => [e.className, e.getBoundingClientRect()])
    .filter(([, r]) => r.width < 24 || r.height < 24)
    .map(([c, r]) => `${c} ${r.width}x${r.height}`));
  assert.deepEqual(small, []);
  // A filter chosen in the drawer shows on its button.
  await page.locator('.lede-facet').first().click();
  await page.locator('.lede-chip').first().waitFor();
  assert.match(await toggle.innerText(), /Filters \(1\)/);
  // Every page at 360 px: no sideways scroll either.
  await page.setViewportSize({ width: 360, height: 740 });
  for (const [name, where] of Object.entries(DEMO_PAGES)) {
    await openPage(page, server, where);
    assert.ok((await width()) <= 360, `no horizontal scroll on ${name} at 360 px (${await width()})`);
  }
  assert.deepEqual(errors, []);
});
