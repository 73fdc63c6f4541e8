// Writes a deployable static Lede site for your own corpus, without rebuilding the wasm: the
// built app (dist/, built once if missing), your corpus as a pack, the service worker stamped
// with the site's content version, the manifest and icons. Relative URLs throughout, so the
// folder works under any sub-path of any static host.
//
//   scripts/deploy PATH… --out DIR [--base /newsroom/lede/]   ingest PATH… (files or folders)
//   scripts/deploy --corpus FILE [--index FILE] --out DIR      a corpus.json (made a pack), or a pack
//   scripts/deploy PATH… --single-file OUT.html                one self-contained HTML file
//   scripts/deploy PATH… --zip OUT.zip                         the site as a zip
//
// Options: --json (ship corpus.json + corpus.index instead of a pack), --csp (add the strict
// Content-Security-Policy as a <meta> to index.html), --app DIR (the built app; default dist/),
// --force (replace a non-empty DIR that is not a Lede site). LEDE_BIN names the lede binary
// (default: cargo run --release -p lede-cli).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ROOT } from './browser.mjs';
import { finishSite, siteFiles, SITE_FILE } from './site.mjs';
import { singleFileHtml, zipStore } from '../../web/lede-save.js';
import { precompress } from './precompress.mjs';

/** The strict policy the site runs under (README, "Deploying"). */
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";
/** The first bytes of a pack (lede_search::pack). */
const PACK_MAGIC = 'LEDEPACK';
/** The app's files that belong to the demo corpus, not to the app. */
const DEMO_FILES = new Set(['corpus.json', 'corpus.index', 'corpus.lede', SITE_FILE]);

function fail(message) {
  console.error(`scripts/deploy: ${message}`);
  process.exit(2);
}

function parseArgs(argv) {
  const args = { paths: [], base: '/', json: false, csp: false, force: false, app: join(ROOT, 'dist') };
  const value = (i, flag) => {
    if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) fail(`${flag} needs a value`);
    return argv[i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case '--out': args.out = resolve(value(i, a)); i++; break;
      case '--base': args.base = value(i, a); i++; break;
      case '--corpus': args.corpus = resolve(value(i, a)); i++; break;
      case '--index': args.index = resolve(value(i, a)); i++; break;
      case '--single-file': args.singleFile = resolve(value(i, a)); i++; break;
      case '--zip': args.zip = resolve(value(i, a)); i++; break;
      case '--app': args.app = resolve(value(i, a)); i++; break;
      case '--json': args.json = true; break;
      case '--csp': args.csp = true; break;
      case '--force': args.force = true; break;
      case '-h': case '--help':
        console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(0, 14).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
        process.exit(0);
      default:
        if (a.startsWith('--')) fail(`unknown option ${a} (see scripts/deploy --help)`);
        args.paths.push(resolve(a));
    }
  }
  if (!args.out && !args.singleFile && !args.zip) fail('say where to write: --out DIR, --single-file OUT.html or --zip OUT.zip');
  if (args.json && args.singleFile) fail('--single-file carries a pack (a one-file page reads no JSON): drop --json');
  if (args.paths.length && args.corpus) fail('give either PATH… to ingest or --corpus FILE, not both');
  if (!args.paths.length && !args.corpus) fail('give the articles to ingest (PATH…) or a corpus (--corpus FILE)');
  if (args.index && !args.corpus) fail('--index goes with --corpus');
  if (!/^\/([^/]+\/)*$/.test(args.base)) fail(`--base must be an absolute path ending in '/', such as /newsroom/lede/: ${args.base}`);
  for (const p of [...args.paths, args.corpus, args.index].filter(Boolean)) if (!existsSync(p)) fail(`${p}: no such file or folder`);
  return args;
}

/** The built app, building it once (scripts/setup.sh, build_release) when it is missing. */
function builtApp(app) {
  if (!existsSync(join(app, SITE_FILE))) {
    if (app !== join(ROOT, 'dist')) fail(`${app}: not a built Lede app (no ${SITE_FILE})`);
    console.log('==> No built app in dist/: building it once');
    const built = spawnSync('bash', ['-c', 'source scripts/setup.sh && ensure_build_tools && build_release'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0 || !existsSync(join(app, SITE_FILE))) fail('the app build failed');
  }
  return JSON.parse(readFileSync(join(app, SITE_FILE), 'utf8'));
}

/** Runs `lede ingest` over the paths into `dir`; returns the files written. */
function ingest(paths, dir, json) {
  const out = { corpus: join(dir, 'corpus.json'), index: join(dir, 'corpus.index'), pack: join(dir, 'corpus.lede') };
  const ingestArgs = ['ingest', ...paths, '-o', out.corpus, ...(json ? ['--index', out.index] : ['--pack', out.pack])];
  const [cmd, ...pre] = process.env.LEDE_BIN
    ? [process.env.LEDE_BIN]
    : ['cargo', 'run', '--release', '--quiet', '-p', 'lede-cli', '--'];
  console.log(`==> lede ${ingestArgs.join(' ')}`);
  const run = spawnSync(cmd, [...pre, ...ingestArgs], { cwd: ROOT, stdio: 'inherit' });
  if (run.error) fail(`could not run ${cmd}: ${run.error.message}`);
  if (run.status !== 0) fail(`lede ingest failed (exit ${run.status}); its report above names each file`);
  return json ? [['corpus.json', out.corpus], ['corpus.index', out.index]] : [['corpus.lede', out.pack]];
}

/**
 * The corpus files a given --corpus (and --index) become in the site: a pack as it is; corpus
 * JSON made a pack by `lede ingest` (its records and annotations pass through), because the app
 * reads JSON only in its worker, which a one-file page does not carry; with --json, the JSON
 * (and its index) as they are.
 */
function givenCorpus(corpus, index, work, json) {
  const head = readFileSync(corpus).subarray(0, PACK_MAGIC.length).toString('latin1');
  if (head === PACK_MAGIC) {
    if (index) fail(`${corpus} is a pack, which holds its index: drop --index`);
    return [['corpus.lede', corpus]];
  }
  if (!json) return ingest([resolve(corpus)], work, false);
  return index ? [['corpus.json', corpus], ['corpus.index', index]] : [['corpus.json', corpus]];
}

/** index.html with the corpus named on #lede and, with `csp`, the policy as a <meta>. */
function pageFor(html, [corpusName, indexName], csp) {
  const mount = /<div id="lede"[^>]*><\/div>/;
  if (!mount.test(html)) fail('the built index.html has no <div id="lede"></div>');
  const attrs = `data-corpus="${corpusName}"${indexName ? ` data-index="${indexName}"` : ''}`;
  let page = html.replace(mount, `<div id="lede" ${attrs}></div>`);
  if (csp) page = page.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}" />`);
  return page;
}

/** Writes the site into `out`: the app's files, the corpus, the page, the manifest, sw.js. */
function writeSite(args, app, corpusFiles, out) {
  if (existsSync(out) && readdirSync(out).length) {
    if (!existsSync(join(out, SITE_FILE)) && !args.force) fail(`${out} is not empty and is not a Lede site: choose another folder or pass --force`);
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
  for (const file of siteFiles(args.app)) {
    if (DEMO_FILES.has(file)) continue;
    mkdirSync(dirname(join(out, file)), { recursive: true });
    copyFileSync(join(args.app, file), join(out, file));
  }
  for (const [name, from] of corpusFiles) copyFileSync(from, join(out, name));
  const names = [corpusFiles[0][0], corpusFiles[1]?.[0]];
  writeFileSync(join(out, 'index.html'), pageFor(readFileSync(join(args.app, 'index.html'), 'utf8'), names, args.csp));
  const manifestPath = join(out, 'manifest.webmanifest');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  Object.assign(manifest, { id: args.base, start_url: args.base, scope: args.base });
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const { glue, wasm, css } = app;
  const site = finishSite(out, { assets: { glue, wasm, css }, corpus: names[0], index: names[1] ?? null });
  // After the manifest: the .gz/.br copies are how a host sends the files, not files of the site.
  for (const f of precompress(out, [...site.files, ...site.extra])) {
    console.log(`==> ${f.name}: ${f.raw} B, ${f.name}.gz ${f.gzip} B, ${f.name}.br ${f.brotli} B`);
  }
  return site;
}

const args = parseArgs(process.argv.slice(2));
const app = builtApp(args.app);
const work = mkdtempSync(join(tmpdir(), 'lede-deploy-'));
try {
  const corpusFiles = args.corpus ? givenCorpus(args.corpus, args.index, work, args.json) : ingest(args.paths, work, args.json);
  const out = args.out ?? join(work, 'site');
  const site = writeSite(args, app, corpusFiles, out);
  if (args.out) console.log(`==> Wrote the site to ${out} (version ${site.version}, ${site.files.length} files); serve it at ${args.base}`);
  const read = async (name) => new Uint8Array(readFileSync(join(out, name)));
  if (args.singleFile) {
    writeFileSync(args.singleFile, await singleFileHtml({ read, site }));
    console.log(`==> Wrote ${args.singleFile}: one self-contained HTML file; open it from disk`);
  }
  if (args.zip) {
    const names = [...new Set([...site.files, ...site.extra])];
    const files = await Promise.all(names.map(async (name) => ({ name: `lede/${name}`, bytes: await read(name) })));
    writeFileSync(args.zip, zipStore(files));
    console.log(`==> Wrote ${args.zip}: the site as a zip (folder lede/)`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
