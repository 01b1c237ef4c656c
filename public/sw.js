// Workwell's service worker.
// - Pages: network first; the last copy of each page is kept for when there is no signal, and a
//   page never visited falls back to the offline page (which leads to Scan).
// - Built CSS/JS/WASM (/pkg) whose names carry a content hash (cargo-leptos `hash-files`): cache
//   first — a name never changes its content, and a new version brings new names with its pages.
//   Any /pkg file without a hash: network first, the cached copy only offline.
// - Icons and uploaded pictures (names carry a hash): cache first.
// - Server functions, exports and the health check: never touched, never cached.
// - Scans and purchase claims queued without signal (IndexedDB, see queue.js): sent by this
//   worker when the browser wakes it with signal back (Background Sync), even with the app closed.
importScripts("/queue.js");
const VERSION = "workwell-v2";
const OFFLINE = "/offline.html";
// `workwell.<hash>.wasm`: the same rule as the server's `is_hashed_asset`.
const HASHED = /\/[^/]+\.[A-Za-z0-9_-]{10,}\.(js|wasm|css)$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(VERSION).then((cache) => cache.addAll([OFFLINE, "/queue.js", "/pwa.js", "/favicon.svg", "/icons/icon-192.png"])),
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

// The page's "Update available — reload" button asks the waiting worker to take over. Pages also
// name the built files they run on: on the first visit those were fetched before this worker was in
// control, so they are kept now, to start the app without signal later. A participant's screens ask
// for the Scan page too, so the offline page's way to Scan works even if Scan was never opened with
// signal.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
  if (event.data && event.data.type === "keep" && Array.isArray(event.data.urls)) {
    event.waitUntil(keep(event.data.urls, event.data.scan === true));
  }
});

async function keep(urls, scan) {
  const cache = await caches.open(VERSION);
  for (const url of urls) {
    const path = new URL(url, self.location.origin).pathname;
    if (!path.startsWith("/pkg/") || !HASHED.test(path) || (await cache.match(path))) continue;
    const response = await fetch(path);
    if (response.ok) {
      await cache.put(path, response);
      await pruneOlder(cache, path);
    }
  }
  if (scan && !(await cache.match("/scan"))) {
    const response = await fetch("/scan", { credentials: "same-origin" });
    // Signed out, the server sends the sign-in page instead: nothing to keep.
    if (response.ok && response.type === "basic" && !response.redirected) await cache.put("/scan", response);
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname;
  if (path.startsWith("/api/") || path.endsWith(".csv") || path === "/healthz") return;
  if (request.mode === "navigate") {
    event.respondWith(page(request, path, event));
  } else if (path.startsWith("/pkg/")) {
    event.respondWith(HASHED.test(path) ? cacheFirst(request) : networkFirst(request));
  } else if (path === "/queue.js" || path === "/pwa.js") {
    event.respondWith(networkFirst(request));
  } else if (path.startsWith("/icons/") || path.startsWith("/media/")) {
    event.respondWith(cacheFirst(request));
  }
});

async function page(request, path, event) {
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
    // In the background: the page is shown at once, whatever the signal does to this fetch.
    event.waitUntil(keepOfflinePageIn(response.headers.get("content-language"), cache));
    return response;
  } catch (error) {
    return (await caches.match(request)) || (await caches.match(OFFLINE, { ignoreVary: true }));
  }
}

// The offline page is kept in the language of the person's pages: when a page comes back in
// another language (they chose one in Profile, or someone else signed in), it is fetched again.
async function keepOfflinePageIn(lang, cache) {
  if (!lang) return;
  const kept = await cache.match(OFFLINE, { ignoreVary: true });
  if (kept && kept.headers.get("content-language") === lang) return;
  try {
    await cache.add(OFFLINE);
  } catch (error) {
    // No signal after all: the page kept before still serves.
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

self.addEventListener("sync", (event) => {
  if (event.tag === "workwell-queue") event.waitUntil(sendQueue());
});

// Sends the signed-in person's queue in one `earn/claim_batch`, exactly as the Scan screen would.
// The server credits each code at most once, so even a page sending the same codes at the same
// moment would cost nothing. No signal: the fetch fails, and the browser tries the sync again later. Signed
// out: the queue waits for the next sign-in. Open pages are told what became of each code.
async function sendQueue() {
  // An open Scan screen sends the queue itself, with the answers on screen.
  const windows = await self.clients.matchAll({ type: "window" });
  if (windows.some((c) => /^\/(scan|c\/)/.test(new URL(c.url).pathname))) return;
  const json = { accept: "application/json" };
  const me = await fetch("/api/auth/me", { method: "POST", headers: json, credentials: "same-origin" });
  if (!me.ok) return;
  const user = await me.json();
  if (!user || typeof user.id !== "number") return;
  // Purchases claimed without signal go too (each with its key, so it is stored once).
  await self.workwellQueue.sendReceipts(user.id);
  const codes = await self.workwellQueue.load(user.id);
  if (!codes.length) return;
  const body = new URLSearchParams();
  for (const code of codes) body.append("codes[]", code);
  const res = await fetch("/api/earn/claim_batch", { method: "POST", headers: json, body, credentials: "same-origin" });
  if (!res.ok) return; // refused as a whole (left the company, say): the Scan screen shows why
  const result = await res.json();
  await self.workwellQueue.remove(user.id, codes);
  for (const client of await self.clients.matchAll({ type: "window" })) {
    client.postMessage({ type: "workwell-queue-sent", user: user.id, result });
  }
}
