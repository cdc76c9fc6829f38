// A crew tablet may be shared: signing out forgets the copy of the jobs page kept for dead zones
// (jobs-sw.js) and the crew actions still waiting in the tablet's queue (jobs.js), before the sign-out
// is sent. The queue is sent with whoever is signed in, so the next member's session would send the
// previous member's actions as theirs; when there are some, the member is asked first and may cancel
// to send them from where there is a network.
(function () {
  'use strict';
  var form = document.querySelector('form.signout');
  if (!form) return;
  var DB_NAME = 'civic311-crew';
  var STORE = 'actions';
  var leaving = false;

  // Opens the queue's database as jobs.js does (same version, same store), or gives null.
  function withStore(mode, work) {
    if (!window.indexedDB) return Promise.resolve(null);
    return new Promise(function (resolve) {
      var request;
      try {
        request = indexedDB.open(DB_NAME, 1);
      } catch (e) {
        resolve(null);
        return;
      }
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: 'id' }); };
      request.onerror = function () { resolve(null); };
      request.onblocked = function () { resolve(null); };
      request.onsuccess = function () {
        var db = request.result;
        try {
          var t = db.transaction(STORE, mode);
          var asked = work(t.objectStore(STORE));
          t.oncomplete = function () { db.close(); resolve(asked ? asked.result : null); };
          t.onerror = function () { db.close(); resolve(null); };
        } catch (e) {
          db.close();
          resolve(null);
        }
      };
    });
  }

  function within(ms, promise, fallback) {
    return Promise.race([promise, new Promise(function (resolve) { setTimeout(function () { resolve(fallback); }, ms); })]);
  }

  function forgetPage() {
    if (!window.caches) return Promise.resolve();
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name.indexOf('civic311-crew-') === 0; })
        .map(function (name) { return caches['delete'](name); }));
    });
  }

  form.addEventListener('submit', function (event) {
    if (leaving) return;
    event.preventDefault();
    leaving = true;
    within(2000, withStore('readonly', function (store) { return store.count(); }), 0).then(function (unsent) {
      if (unsent > 0) {
        var question = (form.getAttribute('data-unsent') || '{0}').replace('{0}', String(unsent));
        if (!window.confirm(question)) {
          leaving = false;
          return;
        }
      }
      var clear = unsent > 0 ? withStore('readwrite', function (store) { store.clear(); }) : Promise.resolve();
      // Never let a slow cache or database hold the sign-out.
      within(2000, Promise.all([clear, forgetPage()]), null).then(function () { form.submit(); }, function () { form.submit(); });
    }, function () { form.submit(); });
  });
})();
