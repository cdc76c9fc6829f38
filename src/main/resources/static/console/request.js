// Request page enhancements: the map, canned responses copied into the text box, and live refresh of
// the facts and history (never of the forms, so nothing typed is lost). The page works without it.
(function () {
  'use strict';

  function startMap() {
    var element = document.querySelector('.request-map[data-map]');
    if (!element) return;
    function draw() {
      var point = element.getAttribute('data-point').split(',').map(Number);
      var map = L.map(element, {scrollWheelZoom: false, keyboard: true}).setView(point, 17);
      L.tileLayer(element.getAttribute('data-tiles'), {maxZoom: 19, attribution: element.getAttribute('data-attribution')}).addTo(map);
      L.circleMarker(point, {radius: 10, color: '#b50909', weight: 3, fillColor: '#ffbf47', fillOpacity: 0.9}).addTo(map);
      element.classList.add('is-ready');
    }
    if (window.L) { draw(); return; }
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = element.getAttribute('data-leaflet-css');
    document.head.appendChild(css);
    var script = document.createElement('script');
    script.src = element.getAttribute('data-leaflet-js');
    script.onload = draw;
    document.head.appendChild(script);
  }

  function startCanned() {
    document.querySelectorAll('select.canned-picker').forEach(function (select) {
      select.addEventListener('change', function () {
        var option = select.options[select.selectedIndex];
        var target = document.getElementById(select.getAttribute('data-target'));
        if (target && option && option.getAttribute('data-body')) target.value = option.getAttribute('data-body');
      });
    });
  }

  function startLive() {
    var page = document.getElementById('request-page');
    if (!page || !window.EventSource || !window.fetch) return;
    var announcer = document.getElementById('live-announcer');
    var source = new EventSource(page.getAttribute('data-live-url'));
    source.addEventListener('ready', function () { page.setAttribute('data-live', 'connected'); });
    // Once the member sends a form, the page is on its way out: nothing left to refresh.
    var leaving = false;
    document.addEventListener('submit', function () { leaving = true; source.close(); });
    source.addEventListener('changed', function () {
      if (leaving) return;
      // Only the changing part, from its own address: a read of the whole page would take the
      // confirmation ("Assigned.") kept for the page a form leads to.
      fetch(page.getAttribute('data-current-url'), {headers: {'Accept': 'text/html'}, credentials: 'same-origin'})
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (!html) return;
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('request-live');
          var current = document.getElementById('request-live');
          if (!fresh || !current) return;
          current.replaceWith(document.importNode(fresh, true));
          announcer.textContent = page.getAttribute('data-updated-text');
          page.setAttribute('data-live-updates', String(Number(page.getAttribute('data-live-updates') || 0) + 1));
        })
        .catch(function () {});
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    startMap();
    startCanned();
    startLive();
  });
})();
