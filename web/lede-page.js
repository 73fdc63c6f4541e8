// The stand-alone page's start (index.html loads it; no inline script, so that the page runs
// under a strict Content-Security-Policy): mounts Lede into #lede with the corpus its
// data-corpus and data-index name (and data-memory-limit-mb, the memoryLimitMb option), keeping the view state in the URL hash; then, once the
// corpus has loaded, registers the offline service worker, says "Updated — reload" when a new
// version of the site is waiting, and wires the footer's "Save as one file" and "Download as
// a site" buttons (web/lede-save.js).
import { mount } from './lede-explorer.js';

const root = document.getElementById('lede');
if (root) {
  const { corpus, index, memoryLimitMb } = root.dataset;
  mount(root, {
    corpus: corpus || undefined,
    index: index || undefined,
    memoryLimitMb: memoryLimitMb || undefined,
    hash: true,
  })
    .catch((e) => {
      root.textContent = `Lede could not start: ${e?.message ?? e}`;
      console.error('Lede could not start:', e);
    });
  addEventListener('lede-ready', () => {
    placeFooter();
    registerOffline();
  }, { once: true });
}

/** Moves the page's footer (save buttons) into the app's root, where its colours apply. */
function placeFooter() {
  const footer = document.querySelector('.lede-site-footer');
  const app = root.querySelector(':scope > .lede');
  if (!footer || !app) return;
  app.append(footer);
  footer.hidden = false;
  footer.querySelector('.lede-save-file')?.addEventListener('click', () => save('file', footer));
  footer.querySelector('.lede-save-site')?.addEventListener('click', () => save('site', footer));
}

/** Writes the one-file page or the site's zip and offers it as a download. */
async function save(kind, footer) {
  const status = footer.querySelector('.lede-save-status');
  const say = (text) => { if (status) status.textContent = text; };
  try {
    say(kind === 'file' ? 'Writing one file…' : 'Writing the site…');
    const saver = await import('./lede-save.js');
    const { bytes, name, type } = kind === 'file'
      ? await saver.singleFileFromSite(new URL('./', import.meta.url).href, root.dataset)
      : await saver.siteZipFromSite(new URL('./', import.meta.url).href);
    const url = URL.createObjectURL(new Blob([bytes], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    say(`Saved ${name} (${Math.round(bytes.length / 1024)} kB).`);
  } catch (e) {
    say(`Could not save: ${e?.message ?? e}`);
    console.error('Lede save failed:', e);
  }
}

/**
 * Registers sw.js (served pages only) and shows the update notice when a newer version has
 * installed beside the one that controls this page.
 */
async function registerOffline() {
  if (!('serviceWorker' in navigator) || !location.protocol.startsWith('http')) return;
  let registration;
  try {
    registration = await navigator.serviceWorker.register('./sw.js');
  } catch (e) {
    console.warn('Lede offline cache unavailable:', e);
    return;
  }
  const offer = (worker) => {
    if (worker && navigator.serviceWorker.controller) showUpdate(worker);
  };
  if (registration.waiting) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') offer(worker);
    });
  });
}

/** The quiet notice: "Updated — reload"; its button lets the new version take over. */
function showUpdate(worker) {
  const app = root.querySelector(':scope > .lede');
  if (!app || app.querySelector('.lede-update')) return;
  const notice = document.createElement('div');
  notice.className = 'lede-update';
  notice.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = 'Updated — ';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'lede-update-reload';
  button.textContent = 'reload';
  notice.append(text, button);
  app.append(notice);
  button.addEventListener('click', () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    worker.postMessage({ type: 'lede-activate' });
  });
}
