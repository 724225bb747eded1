/**
 * Service worker of the field-collection app (built to /thu-thap/sw.js, scope /thu-thap/): the
 * page is fetched from the network when it answers within a few seconds and from the cache
 * otherwise; scripts and styles (hashed, so never changing) come from the cache once fetched. API
 * calls are not touched: answers wait in IndexedDB, not here. Releases are picked up because the
 * page is always tried on the network first, and the assets it no longer names are dropped.
 */

// Minimal types of the service-worker scope (the web project's TypeScript library is the DOM's).
interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScopeLike {
  addEventListener(
    type: 'install' | 'activate',
    listener: (event: ExtendableEventLike) => void,
  ): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
}

const scope = self as unknown as ServiceWorkerScopeLike;
const CACHE = 'parindex-thu-thap';
const PAGE = '/thu-thap/';
const STATIC = ['/thu-thap/manifest.webmanifest', '/thu-thap/icon.svg'];
const PAGE_WAIT_MS = 4000;

function assetsOf(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
}

/** Stores the page and what it names; drops assets of earlier releases. */
async function keepPage(response: Response): Promise<void> {
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  const assets = assetsOf(html);
  await cache.put(PAGE, response);
  await Promise.all(
    assets.map(async (url) => {
      if (!(await cache.match(url))) await cache.add(url);
    }),
  );
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/assets/') && !assets.includes(path)) await cache.delete(request);
  }
}

scope.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(STATIC);
      const page = await fetch(PAGE, { cache: 'no-cache' });
      if (page.ok) await keepPage(page);
      await scope.skipWaiting();
    })(),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(scope.clients.claim());
});

async function pageFirstFromNetwork(request: Request): Promise<Response> {
  const cached = caches.open(CACHE).then((c) => c.match(PAGE));
  const network = fetch(request).then(async (response) => {
    if (response.ok) await keepPage(response.clone());
    return response;
  });
  // A weak network must not leave the enumerator in front of a blank page.
  const slow = new Promise<Response | undefined>((resolve) =>
    setTimeout(() => void cached.then(resolve), PAGE_WAIT_MS),
  );
  try {
    const first = await Promise.race([network, slow]);
    if (first) return first;
    return await network;
  } catch {
    const fallback = await cached;
    if (fallback) return fallback;
    throw new Error('offline and not cached');
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

scope.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== location.origin) return;
  if (request.mode === 'navigate' && url.pathname.startsWith(PAGE)) {
    event.respondWith(pageFirstFromNetwork(request));
  } else if (url.pathname.startsWith('/assets/') || STATIC.includes(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});
