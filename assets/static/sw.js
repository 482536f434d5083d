// In My Words service worker: keeps a copy of the app's own files on this device so it works
// offline after one visit. It stores only the app itself (HTML, CSS, JavaScript, WebAssembly,
// icons): never anything a person types. It fetches only from the app's own address.
//
// scripts/postbuild.mjs fills in the version (a hash of every file) and the list of files.
const VERSION = "__APP_VERSION__";
const FILES = __APP_FILES__;
const CACHE = `in-my-words-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()),
  );
});

// A new version replaces the old copy on the next visit, and the old copy is deleted.
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
