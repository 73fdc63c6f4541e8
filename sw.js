// Lede's service worker: keeps the app and its corpus usable offline after the first load.
// Its cache is named by the site's content version, which scripts/lib/site.mjs stamps in below
// with the list of the site's files (at every build and every scripts/deploy): a new app or
// corpus is a new sw.js, so the browser installs it beside the running one, precaches the new
// files, and waits; the page shows "Updated — reload", and on reload the new version takes
// over and the old cache is deleted. The site's files come from the cache (the page, the
// wasm and the corpus always match); anything else is fetched, and kept for offline use.
const VERSION = '%LEDE_VERSION%';
const FILES = %LEDE_FILES%;
const CACHE = `lede-${VERSION}`;
const PRECACHED = new Set(FILES.map((f) => new URL(f, self.location).href));

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(FILES.map((f) => new Request(f, { cache: 'no-store' })));
    // The first version takes over at once; a later one waits until the page says so.
    if (!self.registration.active) await self.skipWaiting();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'lede-activate') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('lede-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

/** The site file a request names: the page itself for the scope's root and its index.html. */
function siteFile(request) {
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  const root = new URL('./', self.location).href;
  if (url.href === root || url.href === `${root}index.html`) return root;
  return PRECACHED.has(url.href) ? url.href : null;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const file = siteFile(request);
    if (file) {
      const cached = await cache.match(file);
      if (cached) return cached;
    }
    try {
      const response = await fetch(request);
      if (response.ok && !file) await cache.put(request, response.clone());
      return response;
    } catch (offline) {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      throw offline;
    }
  })());
});
