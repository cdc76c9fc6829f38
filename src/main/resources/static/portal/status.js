// The status page's enhancements: live updates over server-sent events and the small map. The page
// shows everything without this file; the map is never needed (the address and point are text too).
(function () {
  'use strict';

  function loadLeaflet(element, then) {
    if (window.L) { then(); return; }
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = element.getAttribute('data-leaflet-css');
    document.head.appendChild(css);
    var script = document.createElement('script');
    script.src = element.getAttribute('data-leaflet-js');
    script.onload = then;
    document.head.appendChild(script);
  }

  function startMap() {
    var element = document.querySelector('.status-map[data-map]');
    if (!element) return;
    loadLeaflet(element, function () {
      var point = element.getAttribute('data-point').split(',').map(Number);
      var map = L.map(element, {scrollWheelZoom: false}).setView(point, 17);
      L.tileLayer(element.getAttribute('data-tiles'), {
        maxZoom: 19, attribution: element.getAttribute('data-attribution')
      }).addTo(map);
      // A vector marker shows even when map tiles cannot load.
      L.circleMarker(point, {radius: 10, color: '#b50909', weight: 3, fillColor: '#ffbf47', fillOpacity: 0.9}).addTo(map);
      element.classList.add('is-ready');
    });
  }

  function startLive() {
    var page = document.getElementById('status-page');
    if (!page || !window.EventSource || !window.fetch) return;
    var announcer = document.getElementById('live-announcer');
    var source = new EventSource(page.getAttribute('data-events-url'));
    source.addEventListener('ready', function () { page.setAttribute('data-live', 'connected'); });
    // "changed": a public change committed; "resync": the server may have missed changes (its
    // connection to the database broke), so the part is read again without an announcement.
    source.addEventListener('changed', function () { refresh(true); });
    source.addEventListener('resync', function () { refresh(false); });
    function refresh(announce) {
      fetch(page.getAttribute('data-timeline-url'), {headers: {'Accept': 'text/html'}})
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (!html) return;
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('live');
          var current = document.getElementById('live');
          if (!fresh || !current) return;
          current.replaceWith(document.importNode(fresh, true));
          if (!announce) return;
          var stage = document.querySelector('#live .stage-badge');
          var latest = document.querySelector('#live .timeline li .timeline-what');
          announcer.textContent = page.getAttribute('data-updated-text') + ' '
            + (stage ? stage.textContent.replace(/\s+/g, ' ').trim() : '')
            + (latest ? '. ' + latest.textContent.replace(/\s+/g, ' ').trim() : '');
          page.setAttribute('data-live-updates', String(Number(page.getAttribute('data-live-updates') || 0) + 1));
        })
        .catch(function () {});
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    startLive();
    startMap();
  });
})();
