// Queue page enhancement: live refresh over server-sent events. The page works without this file.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var page = document.getElementById('queue-page');
    if (!page || !window.EventSource || !window.fetch) return;
    var announcer = document.getElementById('live-announcer');
    var pending = null;
    var source = new EventSource(page.getAttribute('data-live-url'));
    source.addEventListener('ready', function () { page.setAttribute('data-live', 'connected'); });
    source.addEventListener('changed', function () {
      // Many changes at once (a storm, a bulk action) make one reload, not one per change.
      if (pending) return;
      pending = setTimeout(refresh, 400);
    });
    function refresh() {
      pending = null;
      var selected = document.querySelectorAll('#queue-results input[name="selected"]:checked').length > 0;
      var focusInside = document.getElementById('queue-results').contains(document.activeElement);
      if (selected || focusInside) {
        // Never pull rows away from under a selection or the keyboard: offer the reload instead.
        document.getElementById('live-changed').hidden = false;
        return;
      }
      fetch(window.location.href, {headers: {'Accept': 'text/html'}, credentials: 'same-origin'})
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (!html) return;
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('queue-results');
          var current = document.getElementById('queue-results');
          if (!fresh || !current) return;
          current.replaceWith(document.importNode(fresh, true));
          announcer.textContent = page.getAttribute('data-updated-text');
          page.setAttribute('data-live-updates', String(Number(page.getAttribute('data-live-updates') || 0) + 1));
        })
        .catch(function () {});
    }
  });
})();
