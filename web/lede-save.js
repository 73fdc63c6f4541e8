// Lede's writers of a site as one file and as a zip, the same in the page (the footer's "Save
// as one file" and "Download as a site") and in node (scripts/deploy --single-file, --zip).
// The one file inlines the wasm (base64, instantiated from bytes), the wasm-bindgen module and
// the loader as one inline module script, the stylesheet and the corpus: it opens from
// file:// with no server. Being inline, it cannot run under the site's strict CSP; it is a file
// a reader opens locally. The zip is stored (uncompressed), written here with its CRC-32s.

/** Base64 of bytes (chunked, so that megabytes do not overflow the argument list). */
export function toBase64(bytes) {
  if (typeof Buffer !== 'undefined') return Buffer.from(bytes).toString('base64');
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * The wasm-bindgen module as plain script text that defines `ledeGlue` (its exports by name),
 * so that it can sit in one inline module with the loader. Throws when the module's shape is
 * not the one this was written for.
 */
export function glueAsScript(glue) {
  const names = [];
  let text = glue.replace(/^export (class|function|async function|const|let) ([A-Za-z_$][\w$]*)/gm, (_, kind, name) => {
    names.push(`${name}`);
    return `${kind} ${name}`;
  });
  text = text.replace(/^export \{([^}]*)\};?[ \t]*$/gm, (_, list) => {
    for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [local, as] = item.split(/\s+as\s+/);
      names.push(as ? `${JSON.stringify(as)}: ${local}` : local);
    }
    return '';
  });
  if (/^\s*(export|import)\s/m.test(text)) throw new Error('the wasm-bindgen module has an import or export this writer does not handle');
  if (!names.includes('"default": __wbg_init') && !names.some((n) => n.startsWith('"default"'))) {
    throw new Error('the wasm-bindgen module has no default export (its init function)');
  }
  return `${text}\nconst ledeGlue = { ${names.join(', ')} };\n`;
}

/**
 * The glue with the snippet modules it imports (`./snippets/…`, from `#[wasm_bindgen(module)]`)
 * inlined: each becomes a constant holding its exports, and each import reads that constant.
 * `read(name)` resolves to a site file's bytes.
 */
export async function inlineSnippets(glue, read) {
  const paths = [...new Set([...glue.matchAll(/^import .* from ['"](\.\/snippets\/[^'"]+)['"];?$/gm)].map((m) => m[1]))];
  let prelude = '';
  for (const [i, path] of paths.entries()) {
    const source = new TextDecoder().decode(await read(path.slice(2)));
    if (/^\s*import[\s({]/m.test(source)) throw new Error(`the snippet ${path} imports a module: this writer does not handle it`);
    const names = [];
    const body = source.replace(/^export (async function|function|class|const|let) ([A-Za-z_$][\w$]*)/gm, (_, kind, name) => {
      names.push(name);
      return `${kind} ${name}`;
    });
    if (/^\s*export\s/m.test(body)) throw new Error(`the snippet ${path} has an export this writer does not handle`);
    prelude += `const __ledeSnippet${i} = (() => {\n${body}\nreturn { ${names.join(', ')} };\n})();\n`;
  }
  let text = glue;
  for (const [i, path] of paths.entries()) {
    const from = path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    text = text
      .replace(new RegExp(`^import \\* as (\\w+) from ['"]${from}['"];?$`, 'gm'), `const $1 = __ledeSnippet${i};`)
      .replace(new RegExp(`^import \\{([^}]*)\\} from ['"]${from}['"];?$`, 'gm'), (_, list) =>
        `const { ${list.split(',').map((s) => s.trim()).filter(Boolean).map((s) => s.replace(/\s+as\s+/, ': ')).join(', ')} } = __ledeSnippet${i};`);
  }
  return prelude + text;
}

/** The site file of the "Add your articles" panel's module. */
const OWN_PANEL = 'lede-own-panel.js';

/** Text safe inside an inline `<script>` (no `</script`, no `<!--`). */
function scriptSafe(text) {
  return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** Text safe inside a `<style>` element. */
function styleSafe(text) {
  return text.replace(/<\/(style)/gi, '<\\/$1');
}

/**
 * The one-file page for a site: `read(name)` resolves to the bytes of a site file (or of the
 * corpus URL); `site` is the site's lede-site.json; `corpus` and `index` name what the page
 * loads (default: the site's). Resolves to the HTML text.
 */
export async function singleFileHtml({ read, site, corpus = site.corpus, index = site.index }) {
  const text = async (name) => new TextDecoder().decode(await read(name));
  const [glue, css, wasm, corpusBytes, indexBytes, panel] = await Promise.all([
    text(site.glue),
    text(site.css),
    read(site.wasm),
    read(corpus),
    index ? read(index) : null,
    // The "Add your articles" panel's module, imported on first use: inline here as a blob URL
    // the app's bridge (src/own_files/bridge.js) takes instead of the file beside it.
    site.files?.includes(OWN_PANEL) ? text(OWN_PANEL) : null,
  ]);
  const data = (id, bytes) => `<script type="application/octet-stream" id="${id}">${toBase64(bytes)}</script>\n`;
  const loader = `
const bytesOf = (id) => {
  const el = document.getElementById(id);
  if (!el) return null;
  const binary = atob(el.textContent.trim());
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};
const urlOf = (id) => {
  const bytes = bytesOf(id);
  return bytes ? URL.createObjectURL(new Blob([bytes])) : undefined;
};
${panel === null ? '' : `globalThis.ledeOwnPanelUrl = URL.createObjectURL(new Blob([${JSON.stringify(panel)}], { type: 'text/javascript' }));`}
await ledeGlue.default({ module_or_path: bytesOf('lede-wasm') });
ledeGlue.mount(document.getElementById('lede'), { corpus: urlOf('lede-corpus'), index: urlOf('lede-index'), hash: true });
`;
  return `<!DOCTYPE html>
<html lang="en" class="lede-page">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Lede — news article explorer (saved copy)</title>
<!-- A saved copy of a Lede site (version ${site.version}): everything is inline, so it opens
     from a file with no server. Not meant to be served under a strict CSP. -->
<style>${styleSafe(css)}</style>
</head>
<body>
<div id="lede"></div>
${data('lede-wasm', wasm)}${data('lede-corpus', corpusBytes)}${indexBytes ? data('lede-index', indexBytes) : ''}<script type="module">
${scriptSafe(glueAsScript(await inlineSnippets(glue, read)))}
${loader}
</script>
</body>
</html>
`;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE) of bytes, as zip stores it. */
export function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A stored (uncompressed) zip of `files`, each `{ name, bytes }` with a `/`-separated name;
 * no zip64, so the whole must stay under 4 GiB (checked).
 */
export function zipStore(files) {
  const enc = new TextEncoder();
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, bytes } of files) {
    const nameBytes = enc.encode(name);
    const crc = crc32(bytes);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true); // UTF-8 names
    local.setUint16(8, 0, true); // stored
    local.setUint32(14, crc, true);
    local.setUint32(18, bytes.length, true);
    local.setUint32(22, bytes.length, true);
    local.setUint16(26, nameBytes.length, true);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(8, 0x0800, true);
    central.setUint32(16, crc, true);
    central.setUint32(20, bytes.length, true);
    central.setUint32(24, bytes.length, true);
    central.setUint16(28, nameBytes.length, true);
    central.setUint32(42, offset, true);
    locals.push(new Uint8Array(local.buffer), nameBytes, bytes);
    centrals.push(new Uint8Array(central.buffer), nameBytes);
    offset += 30 + nameBytes.length + bytes.length;
    if (offset > 0xffffffff) throw new Error('the site is too large for a zip without zip64 (4 GiB)');
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const parts = [...locals, ...centrals, new Uint8Array(end.buffer)];
  const out = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** Fetches a URL's bytes, naming it when the fetch fails. */
async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The site served at `base` (its lede-site.json). */
async function siteAt(base) {
  const response = await fetch(new URL('lede-site.json', base));
  if (!response.ok) throw new Error(`lede-site.json: ${response.status} ${response.statusText}`);
  return response.json();
}

/** In the page: the one-file copy of the site at `base`, with the corpus the page names. */
export async function singleFileFromSite(base, { corpus, index } = {}) {
  const site = await siteAt(base);
  const html = await singleFileHtml({
    read: (name) => fetchBytes(new URL(name, base)),
    site,
    corpus: corpus || site.corpus,
    index: corpus ? (index || null) : site.index,
  });
  return { bytes: new TextEncoder().encode(html), name: 'lede.html', type: 'text/html' };
}

/** In the page: the site at `base` (every file lede-site.json lists) as a zip. */
export async function siteZipFromSite(base) {
  const site = await siteAt(base);
  const names = [...new Set([...site.files, ...(site.extra ?? [])])];
  const files = await Promise.all(names.map(async (name) => ({ name: `lede/${name}`, bytes: await fetchBytes(new URL(name, base)) })));
  return { bytes: zipStore(files), name: 'lede-site.zip', type: 'application/zip' };
}
