// Lede for any page: `mount(element, options)` and the `<lede-explorer>` custom element. The
// build (scripts/lib/site.mjs) fills in the app's hashed file names; everything is resolved
// against this module's own URL, so a host page loads it from wherever the site is served:
//
//   <script type="module" src="https://example.org/lede/lede-explorer.js"></script>
//   <lede-explorer corpus="/feeds/articles.lede" query="harbour" theme="dark" height="600px"></lede-explorer>
//
// The element renders into its own shadow root, with Lede's stylesheet linked inside it: host
// styles do not reach Lede and Lede's do not reach the host. Embedded, Lede keeps its view
// state in memory and never writes `location.hash`, unless `hash="NAME"` asks for `#NAME:…`.
const GLUE = new URL('./%LEDE_GLUE%', import.meta.url).href;
const WASM = new URL('./%LEDE_WASM%', import.meta.url).href;
const CSS = new URL('./%LEDE_CSS%', import.meta.url).href;

let started;

/** Loads and starts the wasm module, once per page; resolves to its exports. */
export function start() {
  started ??= import(GLUE).then(async (glue) => {
    await glue.default({ module_or_path: WASM });
    return glue;
  });
  return started;
}

/**
 * Mounts an explorer into `element`. Options (all optional): `corpus` (a corpus, pack or blob
 * URL; default: the corpus beside this module), `index` (a JSON corpus's search index), `query` (shown
 * when the view names none), `theme` (`light`, `dark` or `system`), `height` (a CSS length, or
 * a number of pixels: the explorer scrolls inside it), `hash` (`true`: the whole URL hash, as
 * the stand-alone page; a name: `#NAME:…`; default: in memory), `memoryLimitMb` (the
 * WebAssembly memory a corpus may take; a bigger one is refused with a message before it
 * loads; default 2048).
 */
export async function mount(element, options = {}) {
  const glue = await start();
  const named = Boolean(options.corpus);
  const corpus = named ? options.corpus : new URL('./corpus.lede', import.meta.url).href;
  const index = named ? options.index : undefined;
  if (options.height !== undefined && options.height !== null && options.height !== '') {
    const height = typeof options.height === 'number' ? `${options.height}px` : String(options.height);
    // CSSOM, not a style attribute: allowed under a strict style-src.
    element.style.setProperty('height', height);
    element.style.setProperty('overflow', 'auto');
  }
  const model = new URL('./ner.bin', import.meta.url).href;
  glue.mount(element, {
    corpus, index, model, query: options.query, theme: options.theme, hash: options.hash,
    memoryLimitMb: options.memoryLimitMb,
  });
}

/** `<lede-explorer corpus query theme height hash index memory-limit-mb>`: an explorer in its own shadow root. */
class LedeExplorer extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    const sheet = document.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = CSS;
    const box = document.createElement('div');
    box.className = 'lede-embed';
    shadow.append(sheet, box);
    const attr = (name) => this.getAttribute(name) ?? undefined;
    const styled = new Promise((resolve) => {
      sheet.addEventListener('load', resolve, { once: true });
      sheet.addEventListener('error', resolve, { once: true });
    });
    styled
      .then(() => mount(box, {
        corpus: attr('corpus'),
        index: attr('index'),
        query: attr('query'),
        theme: attr('theme'),
        height: attr('height'),
        hash: attr('hash'),
        memoryLimitMb: attr('memory-limit-mb'),
      }))
      .catch((e) => {
        box.textContent = `Lede could not start: ${e?.message ?? e}`;
        console.error('Lede could not start:', e);
      });
  }
}

if (!customElements.get('lede-explorer')) customElements.define('lede-explorer', LedeExplorer);
