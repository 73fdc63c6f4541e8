// Lede's service worker: keeps the app and its corpus usable offline after the first load.
// On install it caches index.html and every asset it names (Trunk hashes their file names) plus
// the corpus; requests are answered from the network when it is there, else from the cache.
const CACHE = 'lede-v2';

async function precache() {
  const cache = await caches.open(CACHE);
  const index = await fetch('./', { cache: 'no-store' });
  const html = await index.clone().text();
  await cache.put('./', index);
  const assets = new Set(['./corpus.json', './corpus.index']);
  for (const m of html.matchAll(/(?:href|src|from|module_or_path:)\s*=?\s*['"]([^'"]+\.(?:js|wasm|css|json))['"]/g)) {
    assets.add(m[1]);
  }
  await Promise.all([...assets].map(async (url) => {
    const response = await fetch(url, { cache: 'no-store' });
    if (response.ok) await cache.put(url, response);
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    } catch (offline) {
      const url = new URL(request.url);
      const cached = (await cache.match(request, { ignoreSearch: true }))
        ?? (url.pathname.endsWith('/') ? await cache.match('./') : undefined);
      if (cached) return cached;
      throw offline;
    }
  })());
});
