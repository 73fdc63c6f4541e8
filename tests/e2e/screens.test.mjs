// Screenshots of every page at desktop (1280x800) and phone (390x844) size, light and dark,
// written to target/screenshots/ (e.g. browse-desktop-light.png) for a person to look at.
import assert from 'node:assert/strict';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  browserTest, DEMO_PAGES, openDrawer, openPage, openShortcuts, SCREENSHOT_DIR, VIEWPORTS,
} from './harness.mjs';

for (const scheme of ['light', 'dark']) {
  browserTest(`screenshots of every page, ${scheme}`, async ({ page, server, errors }) => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    const written = [];
    const shoot = async (name, size) => {
      const path = join(SCREENSHOT_DIR, `${name}-${size}-${scheme}.png`);
      await page.screenshot({ path });
      assert.ok((await stat(path)).size > 1000, path);
      written.push(path);
    };
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      for (const [name, spec] of Object.entries(DEMO_PAGES)) {
        await openPage(page, server, spec, scheme);
        await shoot(name, size);
      }
      await openPage(page, server, DEMO_PAGES.browse, scheme);
      await openShortcuts(page);
      await shoot('shortcuts', size);
      if (size === 'phone') {
        await openPage(page, server, DEMO_PAGES.browse, scheme);
        await openDrawer(page);
        await shoot('drawer', size);
      }
    }
    assert.equal(written.length, 2 * Object.keys(DEMO_PAGES).length + 3);
    assert.deepEqual(errors, []);
  });
}
