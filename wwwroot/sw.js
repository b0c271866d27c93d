// The service worker of the resident pages: what a resident last saw stays readable with no network.
// - Pages a resident reads (the map with its address, station pages, the culture walk, coverage): network first, with
//   a short wait; without an answer, the last copy of that address, with its banner "offline · as of <time>" shown.
// - Data the maps draw (stations, walks, routes, coverage, QR codes): network first, else the last copy.
// - Scripts, styles and icons: the cached copy at once, refreshed in the background (most are fingerprinted).
// - Never: the staff workspace, its API, the Blazor circuit, health and metrics, and anything but GET (a form is sent
//   only by the resident, online: js/resident.js keeps an offline form from being "sent" and drafts.js keeps its text).
// Hand-written rather than generated (Workbox): four rules, no build step, and the page-copy rule must edit the HTML to
// show the banner. docs/decisions: "Resident pages over plain HTTP".
const VERSION = 'lsm-1';
const PAGES = `${VERSION}-pages`;
const DATA = `${VERSION}-data`;
const ASSETS = `${VERSION}-assets`;
const WAIT_MS = 4000; // how long a page or data request may take before the last copy is shown
const LIMITS = { [PAGES]: 40, [DATA]: 80, [ASSETS]: 120 };

const base = new URL(self.registration.scope).pathname; // "/" or the app's path base, with a trailing slash
const local = (url) => '/' + url.pathname.slice(base.length);
const isPage = (path) => path === '/' || path === '/culture' || path === '/coverage' || path === '/help' || path === '/offline' || /^\/stations\/[^/]+$/.test(path);
const isData = (path) => /^\/api\/(stations|isochrone|culture|coverage|qr)(\/|$)/.test(path);
const isAsset = (path) => /^\/(_framework|_content|lib|js|css|Components)\//.test(path) || /^\/[^/]+\.(js|css|svg|png|ico|webmanifest)$/.test(path);
const never = (path) => /^\/(staff|_blazor|api\/staff|metrics|health)(\/|$)/.test(path);

self.addEventListener('install', (event) => {
  self.skipWaiting();
  // The page shown for an address never opened before (in the language of this browser's cookie at install time).
  event.waitUntil(caches.open(PAGES).then((c) => c.add(new Request(base + 'offline', { credentials: 'same-origin' }))).catch(() => {}));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (!name.startsWith(VERSION + '-')) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(base)) return; // tiles keep the browser's own cache
  const path = local(url);
  if (never(path)) return;
  const html = request.mode === 'navigate' || (request.headers.get('accept') ?? '').includes('text/html');
  if (html && isPage(path)) event.respondWith(page(request, url));
  else if (html && request.mode === 'navigate') event.respondWith(elsewhere(request));
  else if (isData(path)) event.respondWith(networkFirst(DATA, request, url.pathname + url.search));
  else if (isAsset(path)) event.respondWith(cacheFirst(request, event));
});

// A page the tab asks to keep (js/resident.js, after the first visit: what it loaded before this worker was running).
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'keep') return;
  event.waitUntil((async () => {
    for (const href of event.data.urls ?? []) {
      const url = new URL(href);
      if (url.origin !== self.location.origin || !url.pathname.startsWith(base)) continue;
      const path = local(url);
      const name = isPage(path) ? PAGES : isData(path) ? DATA : isAsset(path) ? ASSETS : null;
      if (!name || never(path)) continue;
      const cache = await caches.open(name);
      const key = name === ASSETS ? url.href : url.pathname + url.search;
      if (await cache.match(key)) continue;
      try {
        const response = await fetch(url.href, { credentials: 'same-origin' });
        if (response.ok) await cache.put(key, response);
      } catch { /* offline already: nothing to keep */ }
    }
    event.source?.postMessage({ type: 'kept' });
  })());
});

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

async function trim(name) {
  const cache = await caches.open(name);
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - LIMITS[name]))) await cache.delete(key);
}

async function remember(name, key, response) {
  const cache = await caches.open(name);
  await cache.delete(key); // re-added at the end: the oldest copies go first
  await cache.put(key, response);
  await trim(name);
}

/** The copy kept of a page, with its offline banner shown (MainLayout renders it hidden). */
async function offlineCopy(response) {
  const text = (await response.text()).replace('data-offline-banner hidden', 'data-offline-banner');
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  return new Response(text, { status: 200, statusText: 'OK', headers });
}

async function page(request, url) {
  const key = url.pathname + url.search; // one copy per address, whether loaded in full or by enhanced navigation
  const network = fetch(request).then(async (response) => {
    if (response.ok && (response.headers.get('content-type') ?? '').startsWith('text/html')) await remember(PAGES, key, response.clone());
    return response;
  });
  try {
    return await withTimeout(network, WAIT_MS);
  } catch {
    const cache = await caches.open(PAGES);
    const kept = await cache.match(key);
    if (kept) return offlineCopy(kept);
    try { return await network; } catch { /* no network and no copy */ }
    const offline = await cache.match(base + 'offline');
    return offline ? offlineCopy(offline) : Response.error();
  }
}

/** Another page (a form, the status look-up): the network, else the offline page. */
async function elsewhere(request) {
  try {
    return await fetch(request);
  } catch {
    const offline = await (await caches.open(PAGES)).match(base + 'offline');
    return offline ? offlineCopy(offline) : Response.error();
  }
}

async function networkFirst(name, request, key) {
  const network = fetch(request).then(async (response) => {
    if (response.ok) await remember(name, key, response.clone());
    return response;
  });
  try {
    return await withTimeout(network, WAIT_MS);
  } catch {
    const kept = await (await caches.open(name)).match(key);
    if (kept) return kept;
    return network;
  }
}

const fingerprinted = (url) => /\.[a-z0-9]{8,}\.[a-z]+$/.test(new URL(url).pathname);

async function cacheFirst(request, event) {
  const kept = await (await caches.open(ASSETS)).match(request);
  if (kept && fingerprinted(request.url)) return kept; // a fingerprinted file never changes
  const network = fetch(request).then(async (response) => {
    if (response.ok) await remember(ASSETS, request, response.clone());
    return response;
  });
  if (!kept) return network;
  event.waitUntil(network.catch(() => {})); // refreshed for next time
  return kept;
}
