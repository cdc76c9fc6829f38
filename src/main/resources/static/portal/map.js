// The public map: clustered markers of the same requests as the table, drawn from the page's JSON.
// The table and the filter form work without this file; the map is never needed.
(function () {
  'use strict';

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) { element.setAttribute(name, attributes[name]); });
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  function escapeText(text) {
    var span = document.createElement('span');
    span.textContent = text == null ? '' : String(text);
    return span.innerHTML;
  }

  function start(element) {
    var center = (element.getAttribute('data-center') || '34.05,-118.24').split(',').map(Number);
    var map = L.map(element, {scrollWheelZoom: false}).setView(center, 12);
    L.tileLayer(element.getAttribute('data-tiles'), {
      maxZoom: 19, attribution: element.getAttribute('data-attribution')
    }).addTo(map);
    var cluster = L.markerClusterGroup({showCoverageOnHover: false});
    map.addLayer(cluster);
    var areaButton = document.querySelector('[data-use-map-area]');
    if (areaButton) {
      areaButton.hidden = false;
      areaButton.addEventListener('click', function () {
        var b = map.getBounds();
        document.getElementById('bbox').value = [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]
          .map(function (v) { return v.toFixed(5); }).join(',');
        document.getElementById('bbox').focus();
      });
    }
    fetch(element.getAttribute('data-json'), {headers: {'Accept': 'application/json'}})
      .then(function (response) { return response.ok ? response.json() : {requests: []}; })
      .then(function (data) {
        var points = [];
        data.requests.forEach(function (r) {
          if (r.lat == null || r['long'] == null) return;
          var marker = L.circleMarker([r.lat, r['long']], {
            radius: 8, weight: 2, color: r.status === 'open' ? '#b50909' : '#00703c', fillColor: '#ffbf47', fillOpacity: 0.9
          });
          marker.bindPopup('<a href="' + escapeText(r.url) + '">' + escapeText(r.number) + '</a><br>'
            + escapeText(r.category) + '<br>' + escapeText(r.stage) + ' (' + escapeText(r.status_text) + ')<br>'
            + escapeText(r.address || '') + '<br>' + escapeText(r.submitted));
          cluster.addLayer(marker);
          points.push([r.lat, r['long']]);
        });
        if (points.length > 0 && !document.getElementById('bbox').value) map.fitBounds(points, {maxZoom: 16, padding: [20, 20]});
        element.setAttribute('data-markers', String(points.length));
      })
      .catch(function () { element.setAttribute('data-markers', 'failed'); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var element = document.querySelector('.requests-map[data-map]');
    if (!element || !window.fetch || !window.Promise) return;
    load('link', {rel: 'stylesheet', href: element.getAttribute('data-leaflet-css')});
    load('link', {rel: 'stylesheet', href: element.getAttribute('data-cluster-css')});
    load('link', {rel: 'stylesheet', href: element.getAttribute('data-cluster-default-css')});
    load('script', {src: element.getAttribute('data-leaflet-js')})
      .then(function () { return load('script', {src: element.getAttribute('data-cluster-js')}); })
      .then(function () { start(element); element.classList.add('is-ready'); })
      .catch(function () {});
  });
})();
