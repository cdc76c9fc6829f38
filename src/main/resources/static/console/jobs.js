// Field crews' jobs on a bad connection. "On site" and "Done" are kept in this phone's IndexedDB first
// and sent from there, in order, until the server has them; an action the server cannot apply is
// dropped with its reason. Each carries the id its form was drawn with, and the server applies an id
// once, so sending it again after a lost answer changes nothing. Without this script the forms post.
(function () {
  'use strict';

  var root = document.getElementById('jobs');
  if (!root) return;
  var statusLine = document.getElementById('queue-status');
  var DB_NAME = 'civic311-crew';
  var STORE = 'actions';
  var RETRY_MS = 15000;
  var flushing = false;
  var flushAgain = false;

  function text(name, value) {
    return (root.getAttribute('data-text-' + name) || '').replace('{0}', value);
  }

  function openDb() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: 'id' }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function tx(mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(STORE, mode);
        var result = work(t.objectStore(STORE));
        t.oncomplete = function () { db.close(); resolve(result && 'result' in result ? result.result : undefined); };
        t.onerror = function () { db.close(); reject(t.error); };
      });
    });
  }

  function all() {
    return tx('readonly', function (store) { return store.getAll(); }).then(function (list) {
      return (list || []).sort(function (a, b) { return a.createdAt - b.createdAt; });
    });
  }

  function put(action) { return tx('readwrite', function (store) { store.put(action); }); }
  function remove(id) { return tx('readwrite', function (store) { store['delete'](id); }); }

  function card(number) { return document.getElementById('job-' + number); }

  function feedback(number, message) {
    var c = card(number);
    if (!c) return;
    var line = c.querySelector('.job-feedback');
    if (line) line.textContent = message;
  }

  function markQueued(action) {
    var c = card(action.number);
    if (c) c.classList.add('queued');
    feedback(action.number, text('queued'));
  }

  function applied(action) {
    var c = card(action.number);
    if (!c) return;
    c.classList.remove('queued');
    if (action.kind === 'on-site') {
      var form = c.querySelector('.onsite-form');
      if (form) form.remove();
      var status = c.querySelector('.job-status');
      if (status) status.textContent = text('onsite');
      feedback(action.number, text('onsite'));
    } else {
      c.classList.add('finished');
      c.querySelectorAll('form').forEach(function (f) { f.remove(); });
      feedback(action.number, action.doneText || '');
    }
  }

  function csrf() {
    var input = document.querySelector('input[name="_csrf"]');
    return input ? input.value : '';
  }

  function send(action) {
    var body = new FormData();
    body.append('clientActionId', action.id);
    body.append('_csrf', csrf());
    if (action.kind === 'done') {
      body.append('note', action.note);
      if (action.photo) body.append('photo', action.photo, action.photoName || 'photo.jpg');
    }
    return fetch(action.url, {
      method: 'POST', body: body, credentials: 'same-origin', headers: { 'Accept': 'application/json' }
    });
  }

  function showCount(count) {
    if (count === 0) return;
    statusLine.textContent = navigator.onLine === false ? text('offline', count) : text('offline', count);
  }

  // A page kept for offline use may carry a form token from an earlier sign-in: take the current one
  // from a fresh copy of the page (network first) before trying again.
  function refreshToken() {
    return fetch(window.location.pathname, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : ''; })
      .then(function (html) {
        var found = /name="_csrf"[^>]*value="([^"]+)"/.exec(html) || /value="([^"]+)"[^>]*name="_csrf"/.exec(html);
        if (!found) return false;
        document.querySelectorAll('input[name="_csrf"]').forEach(function (input) { input.value = found[1]; });
        return true;
      }, function () { return false; });
  }

  // One action: 'applied', 'refused' (the server's own answer: it will never apply it), 'kept' (try
  // again later: a 5xx, a photo the server would not take, a sign-in page) or 'offline'.
  function attempt(action, tokenRefreshed) {
    return send(action).then(function (response) {
      var json = (response.headers.get('Content-Type') || '').indexOf('json') >= 0;
      if (response.ok && json) {
        return remove(action.id).then(function () {
          return response.json().then(function () { applied(action); return 'applied'; });
        });
      }
      if (response.status >= 400 && response.status < 500 && json) {
        return remove(action.id).then(function () {
          var c = card(action.number);
          if (c) c.classList.remove('queued');
          return response.json().then(function (body) {
            feedback(action.number, text('refused', body.message || response.status));
            return 'refused';
          });
        });
      }
      if (response.status === 403 && !tokenRefreshed) {
        return refreshToken().then(function (fresh) { return fresh ? attempt(action, true) : 'kept'; });
      }
      feedback(action.number, text('notsent', response.status));
      return 'kept';
    }, function () { return 'offline'; });
  }

  function flush() {
    // An action queued while a round runs is sent by another round right after it.
    if (flushing) { flushAgain = true; return Promise.resolve(); }
    flushing = true;
    flushAgain = false;
    return all().then(function (queue) {
      if (queue.length === 0) { flushing = false; return flushAgain ? flush() : undefined; }
      statusLine.textContent = text('sending', queue.length);
      var left = queue.length;
      var chain = Promise.resolve('applied');
      queue.forEach(function (action) {
        chain = chain.then(function (before) {
          // Without a network nothing else will go either; one action the server keeps refusing for
          // now must not hold back the others.
          if (before === 'offline') return 'offline';
          return attempt(action, false).then(function (outcome) {
            if (outcome === 'applied' || outcome === 'refused') left--;
            return outcome;
          });
        });
      });
      return chain.then(function (last) {
        flushing = false;
        if (left === 0) statusLine.textContent = text('sent');
        else showCount(left);
        if (flushAgain && last !== 'offline') return flush();
      });
    }).catch(function () { flushing = false; });
  }

  document.querySelectorAll('form.job-action').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.indexedDB) return; // the plain form post still works
      event.preventDefault();
      if (!form.reportValidity()) return;
      var c = form.closest('.job');
      var kind = form.getAttribute('data-kind');
      var action = {
        id: form.querySelector('input[name="clientActionId"]').value,
        url: form.action,
        kind: kind,
        number: c.getAttribute('data-number'),
        createdAt: Date.now()
      };
      if (kind === 'done') {
        action.note = form.querySelector('textarea[name="note"]').value;
        var file = form.querySelector('input[type="file"]').files[0];
        if (file) { action.photo = file; action.photoName = file.name; }
      }
      form.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
      put(action).then(function () {
        markQueued(action);
        return flush();
      }).then(function () {
        form.querySelectorAll('button').forEach(function (b) { b.disabled = false; });
      });
    });
  });

  // The page itself in a dead zone: a service worker keeps the last list (jobs-sw.js). A copy it
  // serves says so, with the time it was made; its flash line belonged to an earlier visit.
  var notice = document.getElementById('offline-notice');
  if (root.getAttribute('data-served') === 'cache' && notice) {
    notice.textContent = text('kept', root.getAttribute('data-as-of') || '');
    notice.hidden = false;
    var flash = document.getElementById('flash');
    if (flash) flash.remove();
    window.addEventListener('online', function () { notice.textContent = text('back'); });
  }
  if ('serviceWorker' in navigator && root.getAttribute('data-sw')) {
    navigator.serviceWorker.register(root.getAttribute('data-sw'), { scope: root.getAttribute('data-sw-scope') })
      .catch(function () { /* the page works without it, only not after a reload offline */ });
  }

  // Actions queued before a reload are marked, then sent.
  all().then(function (queue) { queue.forEach(markQueued); showCount(queue.length); flush(); }).catch(function () {});
  window.addEventListener('online', flush);
  setInterval(function () { flush(); }, RETRY_MS);

  // The map: a help for finding the jobs, loaded after the list.
  var mapElement = document.getElementById('jobs-map');
  if (mapElement) {
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = mapElement.getAttribute('data-leaflet-css');
    document.head.appendChild(css);
    var script = document.createElement('script');
    script.src = mapElement.getAttribute('data-leaflet-js');
    script.onload = function () {
      var points = [];
      mapElement.hidden = false;
      var map = L.map(mapElement, { scrollWheelZoom: false });
      L.tileLayer(mapElement.getAttribute('data-tiles'), { attribution: mapElement.getAttribute('data-attribution'), maxZoom: 19 }).addTo(map);
      document.querySelectorAll('.job').forEach(function (job) {
        var lat = parseFloat(job.getAttribute('data-lat'));
        var lon = parseFloat(job.getAttribute('data-long'));
        if (isNaN(lat) || isNaN(lon)) return;
        points.push([lat, lon]);
        var link = document.createElement('a');
        link.href = '#' + job.id;
        link.textContent = job.getAttribute('data-label');
        L.marker([lat, lon], { title: job.getAttribute('data-label'), alt: job.getAttribute('data-label') }).addTo(map).bindPopup(link);
      });
      if (points.length === 0) { mapElement.hidden = true; return; }
      map.fitBounds(points, { padding: [24, 24], maxZoom: 17 });
    };
    document.head.appendChild(script);
  }
})();
