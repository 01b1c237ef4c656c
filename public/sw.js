// Workwell's service worker.
// - Pages: network first; the last copy of each page is kept for when there is no signal, and a
//   page never visited falls back to the offline page (which leads to Scan).
// - Built CSS/JS/WASM (/pkg) whose names carry a content hash (cargo-leptos `hash-files`): cache
//   first — a name never changes its content, and a new version brings new names with its pages.
//   Any /pkg file without a hash: network first, the cached copy only offline.
// - Icons and uploaded pictures (names carry a hash): cache first.
// - Server functions, exports and the health check: never touched, never cached.
const VERSION = "workwell-v2";
const OFFLINE = "/offline.html";
// `workwell.<hash>.wasm`: the same rule as the server's `is_hashed_asset`.
const HASHED = /\/[^/]+\.[A-Za-z0-9_-]{10,}\.(js|wasm|css)$/;

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
    event.respondWith(HASHED.test(path) ? cacheFirst(request) : networkFirst(request));
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
  if (response.ok) {
    const cache = await caches.open(VERSION);
    await cache.put(request, response.clone());
    await pruneOlder(cache, new URL(request.url).pathname);
  }
  return response;
}

// A new hashed build file replaces the one of the same name before it (`workwell.<old>.wasm`), so
// the phone keeps one version of the app, not all of them.
async function pruneOlder(cache, path) {
  const m = path.match(/^(.*\/[^/]+)\.([A-Za-z0-9_-]{10,})\.(js|wasm|css)$/);
  if (!m) return;
  for (const key of await cache.keys()) {
    const other = new URL(key.url).pathname.match(/^(.*\/[^/]+)\.([A-Za-z0-9_-]{10,})\.(js|wasm|css)$/);
    if (other && other[1] === m[1] && other[3] === m[3] && other[2] !== m[2]) await cache.delete(key);
  }
}
