/* The phone's service worker: the app loads without a network (docs/offline.md).
 * Built by vite.config.ts (serviceWorker()), which puts the version and the list of the phone's
 * files in place of the two placeholders below. Plain JavaScript, loaded on its own: no byte of
 * it is part of the phone bundle. */
const VERSION = '__REGIEBORD_VERSION__';
/** index.html and everything the participant's route loads (entry, its imports, the phone view). */
const SHELL_FILES = __REGIEBORD_FILES__;

const SHELL = `regiebord-shell-${VERSION}`;
/** Hashed files never change under one name: one cache for every version, so an open older page finds its own chunks. */
const ASSETS = 'regiebord-assets';
/** The municipality's look (design tokens, logo): public, refreshed whenever the network answers. */
const LOOK = 'regiebord-look';
/** Never from a cache: answers with personal data, and the live channels. */
const NEVER = ['/api/', '/socket.io/', '/yjs/'];
const NAVIGATION_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL);
      const assets = await caches.open(ASSETS);
      for (const file of SHELL_FILES) {
        const response = await fetch(file, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`precache ${file}: ${response.status}`);
        await (file.startsWith('/assets/') ? assets : shell).put(file, response);
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('regiebord-shell-') && name !== SHELL) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || NEVER.some((p) => url.pathname.startsWith(p))) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
  else if (url.pathname.startsWith('/theme/') || url.pathname === '/favicon.svg') event.respondWith(look(request));
});

/**
 * A page: the network's index.html when it answers in time (a new deploy shows at once, with its
 * own chunks), else this version's shell, whose chunks are all cached: never a mix.
 */
async function page(request) {
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error('slow')), NAVIGATION_TIMEOUT_MS)),
    ]);
    if (response.ok) return response;
  } catch {
    // Offline or too slow: the shell below.
  }
  const cached = await (await caches.open(SHELL)).match('/index.html');
  return cached ?? fetch(request);
}

async function asset(request) {
  const cache = await caches.open(ASSETS);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function look(request) {
  const cache = await caches.open(LOOK);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (err) {
    // Refreshed here, or precached with the shell.
    const cached = (await cache.match(request)) ?? (await caches.match(request));
    if (cached) return cached;
    throw err;
  }
}
