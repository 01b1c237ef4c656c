// Workwell's service worker.
// - Pages: network first; the last copy of each page is kept for when there is no signal, and a
//   page never visited falls back to the offline page (which leads to Scan).
// - Built CSS/JS/WASM (/pkg): network first as well. Their names carry no content hash, so a cached
//   copy is used only offline, where it matches the cached pages; online, a stale bundle is never
//   served (it would not hydrate the newer pages).
// - Icons and uploaded pictures (names carry a hash): cache first.
// - Server functions, exports and the health check: never touched, never cached.
const VERSION = "workwell-v1";
const OFFLINE = "/offline.html";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(VERSION).then((cache) => cache.addAll([OFFLINE, "/favicon.svg", "/icons/icon-192.png"])),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page's "Update available — reload" button asks the waiting worker to take over.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname;
  if (path.startsWith("/api/") || path.endsWith(".csv") || path === "/healthz") return;
  if (request.mode === "navigate") {
    event.respondWith(page(request, path));
  } else if (path.startsWith("/pkg/")) {
    event.respondWith(networkFirst(request));
  } else if (path.startsWith("/icons/") || path.startsWith("/media/")) {
    event.respondWith(cacheFirst(request));
  }
});

async function page(request, path) {
  try {
    const response = await fetch(request);
    const cache = await caches.open(VERSION);
    if (path.startsWith("/sign-in")) {
      // Signed out (or never in): forget the pages kept for this person.
      for (const key of await cache.keys()) {
        if (isPage(new URL(key.url).pathname)) await cache.delete(key);
      }
    } else if (response.ok && response.type === "basic") {
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    return (await caches.match(request)) || (await caches.match(OFFLINE));
  }
}

function isPage(path) {
  return !(path.startsWith("/pkg/") || path.startsWith("/icons/") || path.startsWith("/media/") ||
    path === OFFLINE || path === "/favicon.svg");
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(VERSION)).put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(request);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(VERSION)).put(request, response.clone());
  return response;
}
