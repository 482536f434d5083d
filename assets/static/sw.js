// In My Words service worker: keeps a copy of the app's own files on this device so it works
// offline after one visit. It stores only the app itself (HTML, CSS, JavaScript, WebAssembly,
// icons): never anything a person types. It fetches only from the app's own address.
//
// scripts/postbuild.mjs fills in the version (a hash of every file) and the list of files.
const VERSION = "__APP_VERSION__";
const FILES = __APP_FILES__;
const CACHE = `in-my-words-${VERSION}`;

// A new version waits until no open page uses the old one (no skipWaiting): a page and its
// letter tools must always come from the same build, and an old page's files must stay in the
// cache for as long as it is open. It takes over when every tab of the app has been closed.
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

// Only now, with no page left on the old version, is the old copy deleted. Claiming the open
// pages matters on the first visit: the page that installed the app is then served from the copy
// too, so its letter tools still load if the connection drops.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("in-my-words-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // Every page of the app is index.html (the step is in the part after #).
      const key = request.mode === "navigate" && !url.pathname.endsWith(".html") ? "./" : request;
      const cached = await cache.match(key, { ignoreSearch: true });
      return cached || fetch(request);
    }),
  );
});
