// scripts/deploy: your own articles as a static site, without rebuilding the wasm, served
// under a sub-path (/newsroom/lede/) with the strict CSP: the seed article is shown and found,
// the service worker registers in the sub-path's scope and the site works offline; bad
// arguments are refused with a message; the zip of the site holds every file intact.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DIST, ROOT, STRICT_CSP, deploy, siteTest, startSite, waitForOffline } from './harness.mjs';

const SEED = join(ROOT, '..', 'shared', 'seeds', '000_b349bb90d9221d2a.txt');
const BASE = '/newsroom/lede/';
const work = mkdtempSync(join(tmpdir(), 'lede-deploy-test-'));
const haveSeed = existsSync(SEED);
if (!haveSeed) {
  if (process.env.LEDE_REQUIRE_SHARED === '1') throw new Error(`${SEED} is missing and LEDE_REQUIRE_SHARED=1`);
  console.log(`SKIPPED: deploy tests need the seed article ${SEED}`);
}

// The site and, for what it should show, the same article ingested as JSON.
const site = join(work, 'site');
let seed;
if (haveSeed) {
  const { env } = await deploy([SEED, '--out', site, '--base', BASE]);
  const json = join(work, 'seed.json');
  const [cmd, ...pre] = env.LEDE_BIN ? [env.LEDE_BIN] : ['cargo', 'run', '--release', '--quiet', '-p', 'lede-cli', '--'];
  const run = spawnSync(cmd, [...pre, 'ingest', SEED, '-o', json], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  seed = JSON.parse(readFileSync(json, 'utf8')).articles;
}

test('the deployed folder holds the app as built, a pack and a stamped service worker', { skip: !haveSeed }, () => {
  const built = JSON.parse(readFileSync(join(DIST, 'lede-site.json'), 'utf8'));
  const deployed = JSON.parse(readFileSync(join(site, 'lede-site.json'), 'utf8'));
  for (const name of [built.glue, built.wasm, built.css]) {
    assert.deepEqual(readFileSync(join(site, name)), readFileSync(join(DIST, name)), `${name} is the built one, not rebuilt`);
  }
  assert.equal(deployed.corpus, 'corpus.lede');
  assert.equal(readFileSync(join(site, 'corpus.lede')).subarray(0, 8).toString(), 'LEDEPACK');
  assert.ok(!existsSync(join(site, 'corpus.json')), 'the demo corpus is not shipped');
  assert.notEqual(deployed.version, built.version, 'another corpus, another version');
  const sw = readFileSync(join(site, 'sw.js'), 'utf8');
  assert.ok(sw.includes(`const VERSION = "${deployed.version}"`), 'sw.js carries the version');
  assert.ok(!sw.includes('%LEDE_'), 'no placeholder is left');
  const manifest = JSON.parse(readFileSync(join(site, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.start_url, BASE);
  assert.equal(manifest.scope, BASE);
  for (const icon of manifest.icons) assert.ok(statSync(join(site, icon.src)).size > 0, icon.src);
});

test('big files have .gz and .br copies, served with Content-Encoding to a browser that accepts them', { skip: !haveSeed }, async () => {
  const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
  const deployed = JSON.parse(readFileSync(join(site, 'lede-site.json'), 'utf8'));
  for (const name of [deployed.wasm, deployed.glue, 'corpus.lede']) {
    const raw = readFileSync(join(site, name));
    assert.deepEqual(gunzipSync(readFileSync(join(site, `${name}.gz`))), raw, `${name}.gz`);
    assert.deepEqual(brotliDecompressSync(readFileSync(join(site, `${name}.br`))), raw, `${name}.br`);
  }
  assert.ok(!deployed.files.some((f) => /\.(gz|br)$/.test(f)), 'the copies are not files of the site');
  const server = await startSite({ dir: site, base: BASE });
  try {
    const url = `${server.url}${deployed.wasm}`;
    const raw = readFileSync(join(site, deployed.wasm));
    for (const [accept, encoding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['identity', null]]) {
      const { request } = await import('node:http');
      const got = await new Promise((ok, fail) => {
        request(url, { headers: { 'accept-encoding': accept } }, (res) => {
          const parts = [];
          res.on('data', (c) => parts.push(c));
          res.on('end', () => ok({ encoding: res.headers['content-encoding'] ?? null, body: Buffer.concat(parts) }));
        }).on('error', fail).end();
      });
      assert.equal(got.encoding, encoding, accept);
      const body = encoding === 'br' ? brotliDecompressSync(got.body) : encoding === 'gzip' ? gunzipSync(got.body) : got.body;
      assert.deepEqual(body, raw, `${accept}: the same bytes once decoded`);
    }
  } finally {
    await server.close();
  }
});

siteTest('the deployed site works under /newsroom/lede/: search, and offline', async ({ page, site: server, errors }) => {
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await page.goto(server.url);
  await page.locator('.lede-result').first().waitFor();
  assert.equal(await page.locator('.lede-result').count(), seed.length, 'the ingested articles, not the demo');
  assert.equal((await page.locator('.lede-result-title').first().innerText()).trim(), seed[0].title);
  const word = seed[0].title.split(/\s+/).find((w) => w.length > 5).replace(/[^\p{L}\p{N}]/gu, '');
  await page.locator('.lede-search').fill(word);
  await page.locator('.lede-result mark').first().waitFor();
  await page.locator('.lede-result-title').first().click();
  await page.locator('.lede-article-title').waitFor();
  assert.equal((await page.locator('.lede-article-title').innerText()).trim(), seed[0].title);
  // Offline: the worker's scope is the sub-path, and a reload with the network gone works.
  await waitForOffline(page);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope), server.url);
  const manifest = await page.evaluate(() => document.querySelector('link[rel=manifest]').href);
  assert.equal(manifest, `${server.url}manifest.webmanifest`);
  // Installable: Chromium reads the manifest without errors and finds nothing missing.
  const cdp = await page.context().newCDPSession(page);
  const { errors: manifestErrors } = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifestErrors, [], 'the manifest parses');
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, [], 'the site is installable');
  await page.waitForTimeout(1000);
  server.goDown();
  await page.reload();
  await page.locator('.lede-article-title').waitFor();
  assert.equal((await page.locator('.lede-article-title').innerText()).trim(), seed[0].title);
  assert.deepEqual(server.requests.filter((p) => !p.startsWith(BASE)), [], 'nothing is asked for outside the sub-path');
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
}, { site: { dir: site, base: BASE, headers: { 'content-security-policy': STRICT_CSP } } });

test('scripts/deploy refuses what it cannot do, and says why', { skip: !haveSeed }, async () => {
  const cases = [
    [[SEED, '--out', join(work, 'x'), '--base', 'newsroom'], /--base must be an absolute path ending in '\/'/],
    [['--out', join(work, 'y')], /give the articles to ingest/],
    [[join(work, 'missing.txt'), '--out', join(work, 'z')], /missing\.txt: no such file or folder/],
    [[SEED], /say where to write/],
    [[SEED, '--out', ROOT], /is not empty and is not a Lede site/],
  ];
  for (const [args, message] of cases) {
    const { status, output } = await deploy(args, { allowFailure: true });
    assert.notEqual(status, 0, `scripts/deploy ${args.join(' ')} should fail`);
    assert.match(output, message);
  }
});

test('--zip writes every file of the site, intact', { skip: !haveSeed }, async () => {
  const zip = join(work, 'site.zip');
  await deploy([SEED, '--zip', zip]);
  const check = spawnSync('python3', ['-c', `
import sys, zipfile, json
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
print(json.dumps({"bad": bad, "names": z.namelist(), "sizes": {i.filename: i.file_size for i in z.infolist()}}))`, zip], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
  const { bad, names, sizes } = JSON.parse(check.stdout);
  assert.equal(bad, null, 'every CRC matches');
  const listed = JSON.parse(readFileSync(join(site, 'lede-site.json'), 'utf8'));
  const expected = [...new Set([...listed.files, ...listed.extra])].map((f) => `lede/${f}`).sort();
  assert.deepEqual([...names].sort(), expected);
  assert.equal(sizes[`lede/${listed.wasm}`], statSync(join(DIST, listed.wasm)).size);
});
