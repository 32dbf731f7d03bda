// legday's service worker: the app shell and the next sessions' player pages kept for a gym
// without signal. Pages are network-first (a fresh plan wins when there is a connection) and
// fall back to the copy kept here; the shell's files come from the cache at once and are
// refreshed behind it. Logged sets never pass
// through here: the page queues them in IndexedDB and sends them itself.

const VERSION = "legday-v1";
const SHELL = `${VERSION}-shell`;
const PAGES = `${VERSION}-pages`;
const SHELL_FILES = [
  "/static/legday.css",
  "/static/player.css",
  "/static/icon.svg",
  "/static/js/player.js",
  "/static/js/queue.js",
  "/static/js/metronome.js",
  "/static/js/sound.js",
  "/static/js/timers.js",
  "/static/js/wakelock.js",
  "/manifest.webmanifest",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(SHELL_FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => !n.startsWith(VERSION)).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

// The page names the pages to keep: itself and the next sessions' players.
self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type !== "keep" || !Array.isArray(message.urls)) return;
  const urls = message.urls.filter((url) => typeof url === "string" && url.startsWith("/athletes/"));
  event.waitUntil(
    caches.open(PAGES).then((cache) =>
      Promise.all(
        urls.map(async (url) => {
          // a page kept already is left as it is: opening it online refreshes it anyway,
          // and the server is not asked for two weeks of sessions on every visit
          if (await cache.match(url)) return;
          try {
            const response = await fetch(url, { credentials: "same-origin" });
            if (response.ok) await cache.put(url, response);
          } catch {
            // offline now: kept next time
          }
        }),
      ),
    ),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/static/") || url.pathname === "/manifest.webmanifest") {
    // the kept copy at once, refreshed behind it for the next visit
    const fresh = fetch(request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(SHELL).then((cache) => cache.put(request, copy));
      }
      return response;
    });
    event.respondWith(caches.match(request).then((kept) => kept || fresh));
    event.waitUntil(fresh.catch(() => undefined));
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok && url.pathname.startsWith("/athletes/")) {
            const copy = response.clone();
            caches.open(PAGES).then((cache) => cache.put(url.pathname, copy));
          }
          return response;
        })
        .catch(() =>
          caches.match(url.pathname).then(
            (kept) =>
              kept ||
              new Response("<!doctype html><title>Offline</title><p>You are offline and this page was not kept.</p>", {
                status: 503,
                headers: { "Content-Type": "text/html; charset=utf-8" },
              }),
          ),
        ),
    );
  }
});
