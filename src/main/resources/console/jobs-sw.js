// The crew's jobs page on a bad connection. Served by JobsServiceWorker from /staff/jobs/sw.js, scope
// /staff/jobs: it sees the jobs page and the files that page loads, and no other staff page.
// - The page: network first; when the network fails, is too slow or answers 5xx, the copy of the last
//   page that loaded is shown, marked so that the page says "offline, shown as of ...". A redirect
//   (signed out) or a refusal forgets the copy. Action POSTs are never touched: the page's own queue
//   (jobs.js, IndexedDB) sends them, each with its id, so the server applies each once.
// - Its CSS and JS: cache first, under a cache named by the version of this worker, which changes
//   with any of those files; the old cache is removed when the new worker takes over.
'use strict';

var VERSION = '__VERSION__';
var ASSET_URLS = ['__ASSETS__'];
var ASSETS = 'civic311-crew-assets-' + VERSION;
var PAGES = 'civic311-crew-page';
var PAGE = self.registration.scope;
// On a bad connection, after this long the kept page is shown while the network still tries.
var SLOW_MS = 6000;

function keepPage(response) {
  if (!response.ok || response.type !== 'basic' || response.redirected) return Promise.resolve();
  return caches.open(PAGES).then(function (cache) { return cache.put(PAGE, response); });
}

function forgetPage() {
  return caches['delete'](PAGES);
}

function keptPage() {
  return caches.open(PAGES).then(function (cache) { return cache.match(PAGE); }).then(function (kept) {
    if (!kept) return null;
    return kept.text().then(function (html) {
      return new Response(html.replace('data-served="network"', 'data-served="cache"'), {
        status: 200, statusText: 'OK', headers: kept.headers
      });
    });
  });
}

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches.open(ASSETS)
      .then(function (cache) { return cache.addAll(ASSET_URLS); })
      // The page the member is looking at, so that a reload in a dead zone works from the first visit.
      .then(function () { return fetch(PAGE, { credentials: 'same-origin', redirect: 'manual' }); })
      .then(keepPage, function () {})
      .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf('civic311-crew-assets-') === 0 && name !== ASSETS;
      }).map(function (name) { return caches['delete'](name); }));
    }).then(function () { return self.clients.claim(); }));
});

function page(event) {
  var network = fetch(event.request);
  var answered = network.then(function (response) {
    if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
      // Signed out, or no longer in a crew: the kept list must not outlive the right to see it.
      return forgetPage().then(function () { return response; });
    }
    if (response.status >= 500) {
      return keptPage().then(function (kept) { return kept || response; });
    }
    event.waitUntil(keepPage(response.clone()));
    return response;
  }, function () {
    return keptPage().then(function (kept) { return kept || Response.error(); });
  });
  var slow = new Promise(function (resolve) {
    setTimeout(function () { keptPage().then(function (kept) { if (kept) resolve(kept); }); }, SLOW_MS);
  });
  return Promise.race([answered, slow]);
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (url.origin + url.pathname !== PAGE) return;
    event.respondWith(page(event));
    return;
  }
  if (ASSET_URLS.indexOf(url.pathname) < 0) return;
  event.respondWith(caches.open(ASSETS).then(function (cache) {
    return cache.match(url.pathname).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        if (response.ok) cache.put(url.pathname, response.clone());
        return response;
      });
    });
  }));
});

self.addEventListener('message', function (event) {
  if (event.data === 'sign-out') event.waitUntil(forgetPage());
});
