// A crew tablet may be shared: signing out forgets the copy of the jobs page kept for dead zones
// (jobs-sw.js) before the sign-out is sent. Actions still waiting in the phone's queue are kept: they
// belong to the work done, and the server checks who sends them.
(function () {
  'use strict';
  var form = document.querySelector('form.signout');
  if (!form || !window.caches) return;
  var leaving = false;
  form.addEventListener('submit', function (event) {
    if (leaving) return;
    event.preventDefault();
    leaving = true;
    var forget = caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name.indexOf('civic311-crew-') === 0; })
        .map(function (name) { return caches['delete'](name); }));
    });
    // Never let a slow cache hold the sign-out.
    var enough = new Promise(function (resolve) { setTimeout(resolve, 2000); });
    Promise.race([forget, enough]).then(function () { form.submit(); }, function () { form.submit(); });
  });
})();
