// Enhancements of the report pages: a live category filter, the form as a wizard (one part at a
// time), the location map (Leaflet, loaded only when the location part is shown), "use my location",
// photo previews and the contact fields shown only when wanted. Without this file every page still
// works as a plain form.
(function () {
  'use strict';

  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  function categoryFilter() {
    var input = document.querySelector('[data-category-filter]');
    if (!input) return;
    var noMatch = document.querySelector('[data-no-match]');
    var status = document.getElementById('category-count');
    input.addEventListener('input', function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      document.querySelectorAll('[data-group]').forEach(function (group) {
        if (group.getAttribute('data-group') === 'common') { group.hidden = words.length > 0; return; }
        var any = false;
        group.querySelectorAll('li[data-search]').forEach(function (item) {
          var text = item.getAttribute('data-search');
          var match = words.every(function (w) { return text.indexOf(w) >= 0; });
          item.hidden = !match;
          if (match) { any = true; shown++; }
        });
        group.hidden = !any;
      });
      if (noMatch) noMatch.hidden = shown > 0;
      if (status) status.textContent = shown > 0 ? String(shown) : status.getAttribute('data-none-text');
    });
  }

  var STEP_KEY = 'civic311-report-step';

  function wizard() {
    var form = document.querySelector('[data-wizard]');
    if (!form) return;
    var steps = Array.prototype.slice.call(form.querySelectorAll('.step'));
    var final = form.querySelector('[data-final]');
    if (steps.length < 2) { onShown(steps[0]); return; }
    var current = 0;
    // The progress lines and buttons are in the page already (shown only with JavaScript), so the
    // script only makes the buttons move between parts.
    steps.forEach(function (step, index) {
      var back = step.querySelector('[data-wizard-back]');
      var next = step.querySelector('[data-wizard-next]');
      if (back) back.addEventListener('click', function () { show(index - 1, true); });
      if (next) next.addEventListener('click', function () { show(index + 1, true); });
    });
    function show(index, moveFocus) {
      current = index;
      steps.forEach(function (step, i) { step.hidden = i !== index; });
      final.hidden = index !== steps.length - 1;
      onShown(steps[index]);
      if (moveFocus) {
        var legend = steps[index].querySelector('legend');
        legend.setAttribute('tabindex', '-1');
        legend.focus();
      }
    }
    window.civic311ShowStep = function (step) { show(steps.indexOf(step), false); };
    // The language switch sends the form to be shown again in the other language: the resident comes
    // back to the part they were on, not to the first one.
    var switchLanguage = document.querySelector('button[name=lang][form="' + form.id + '"]');
    if (switchLanguage && window.sessionStorage) {
      switchLanguage.addEventListener('click', function () {
        try { sessionStorage.setItem(STEP_KEY, steps[current].id); } catch (e) { /* private mode: first part then */ }
      });
    }
    var returnTo = null;
    try { returnTo = window.sessionStorage && sessionStorage.getItem(STEP_KEY); sessionStorage.removeItem(STEP_KEY); } catch (e) { /* none */ }
    // After a refused submission, open the first part with a problem.
    var firstError = form.querySelector('.has-error');
    var start = firstError ? steps.indexOf(firstError.closest('.step')) : returnTo ? steps.indexOf(document.getElementById(returnTo)) : 0;
    show(start < 0 ? 0 : start, false);
    form.classList.add('is-ready');
  }

  function onShown(step) {
    if (step && step.hasAttribute('data-location-step')) map();
    if (step && step.querySelector('[data-duplicates]')) duplicates(step.querySelector('[data-duplicates]'));
  }

  // "Is it one of these?": open requests of this category near the place given, asked for when the
  // part after the location opens. Each one's button sends the form to the "me too" address.
  var lastNearby = null;
  function duplicates(container) {
    if (!window.fetch || !window.DOMParser) return;
    var lat = document.getElementById('lat').value.trim();
    var lng = document.getElementById('long').value.trim();
    var address = document.getElementById('address').value.trim();
    if (!(lat && lng) && !address) { container.textContent = ''; return; }
    var query = '?lat=' + encodeURIComponent(lat) + '&long=' + encodeURIComponent(lng) + '&address=' + encodeURIComponent(address);
    if (query === lastNearby) return;
    lastNearby = query;
    fetch(container.getAttribute('data-nearby-url') + query, {headers: {'Accept': 'text/html'}})
      .then(function (response) { return response.status === 200 ? response.text() : ''; })
      .then(function (html) {
        container.textContent = '';
        if (!html) return;
        var panel = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-duplicates-panel]');
        if (panel) container.appendChild(document.importNode(panel, true));
      })
      .catch(function () {});
  }

  var mapStarted = false;
  function map() {
    var element = document.querySelector('[data-map]');
    if (!element || mapStarted) return;
    mapStarted = true;
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = element.getAttribute('data-leaflet-css');
    document.head.appendChild(css);
    var script = document.createElement('script');
    script.src = element.getAttribute('data-leaflet-js');
    script.onload = function () { startMap(element); };
    document.head.appendChild(script);
  }

  var leafletMap = null;
  var marker = null;
  function startMap(element) {
    var lat = document.getElementById('lat');
    var lng = document.getElementById('long');
    var center = (element.getAttribute('data-center') || '34.05,-118.24').split(',').map(Number);
    var given = [parseFloat(lat.value), parseFloat(lng.value)];
    leafletMap = L.map(element, {scrollWheelZoom: false});
    L.tileLayer(element.getAttribute('data-tiles'), {
      maxZoom: 19, attribution: element.getAttribute('data-attribution')
    }).addTo(leafletMap);
    if (isFinite(given[0]) && isFinite(given[1])) {
      leafletMap.setView(given, 17);
      place(given);
    } else {
      leafletMap.setView(center, 12);
    }
    leafletMap.on('click', function (event) {
      place([event.latlng.lat, event.latlng.lng]);
      lat.value = event.latlng.lat.toFixed(6);
      lng.value = event.latlng.lng.toFixed(6);
      addressOf([event.latlng.lat, event.latlng.lng]);
    });
    // Typing coordinates moves the marker too.
    [lat, lng].forEach(function (input) {
      input.addEventListener('change', function () {
        var point = [parseFloat(lat.value), parseFloat(lng.value)];
        if (isFinite(point[0]) && isFinite(point[1])) { place(point); leafletMap.panTo(point); }
      });
    });
  }

  // A vector marker: it needs no image, so it shows even when map tiles cannot load.
  function place(point) {
    if (!leafletMap) return;
    if (marker) marker.setLatLng(point);
    else marker = L.circleMarker(point, {radius: 10, color: '#b50909', weight: 3, fillColor: '#ffbf47', fillOpacity: 0.9}).addTo(leafletMap);
  }

  // The city's address at a chosen point fills an empty address field (the resident can change it).
  function addressOf(point) {
    var input = document.getElementById('address');
    if (!input || input.value.trim() !== '' || !window.fetch) return;
    fetch(input.getAttribute('data-nearest-url') + '?lat=' + point[0] + '&long=' + point[1])
      .then(function (response) { return response.status === 200 ? response.json() : null; })
      .then(function (address) { if (address && input.value.trim() === '') input.value = address.label; })
      .catch(function () {});
  }

  // Suggestions from the city's address list while typing; picking one also gives its point.
  function addressSuggestions() {
    var input = document.getElementById('address');
    var list = document.getElementById('address-suggestions');
    if (!input || !list || !window.fetch) return;
    var known = {};
    var timer = null;
    input.addEventListener('input', function () {
      var typed = input.value.trim();
      var picked = known[typed.toLowerCase()];
      if (picked) {
        document.getElementById('lat').value = picked.lat.toFixed(6);
        document.getElementById('long').value = picked.long.toFixed(6);
        if (leafletMap) { place([picked.lat, picked.long]); leafletMap.setView([picked.lat, picked.long], 17); }
        return;
      }
      clearTimeout(timer);
      if (typed.length < 3) return;
      timer = setTimeout(function () {
        fetch(input.getAttribute('data-suggest-url') + '?q=' + encodeURIComponent(typed))
          .then(function (response) { return response.json(); })
          .then(function (addresses) {
            list.textContent = '';
            addresses.forEach(function (address) {
              known[address.label.toLowerCase()] = address;
              var option = document.createElement('option');
              option.value = address.label;
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 200);
    });
  }

  function locate() {
    var button = document.querySelector('[data-locate]');
    if (!button) return;
    var status = document.querySelector('[data-locate-status]');
    if (!('geolocation' in navigator)) { button.hidden = true; return; }
    button.addEventListener('click', function () {
      status.textContent = button.getAttribute('data-locating');
      navigator.geolocation.getCurrentPosition(function (position) {
        var point = [position.coords.latitude, position.coords.longitude];
        document.getElementById('lat').value = point[0].toFixed(6);
        document.getElementById('long').value = point[1].toFixed(6);
        status.textContent = button.getAttribute('data-found');
        if (leafletMap) { place(point); leafletMap.setView(point, 17); }
        addressOf(point);
      }, function () {
        status.textContent = button.getAttribute('data-failed');
      }, {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000});
    });
  }

  function photoPreviews() {
    var input = document.querySelector('[data-photo-input]');
    if (!input || !window.URL) return;
    var list = document.querySelector('[data-photo-previews]');
    var max = Number(input.getAttribute('data-max-bytes'));
    var slots = Number(input.getAttribute('data-slots'));
    input.addEventListener('change', function () {
      list.textContent = '';
      Array.prototype.forEach.call(input.files, function (file, index) {
        var item = document.createElement('li');
        if (file.size > max) {
          var warning = document.createElement('p');
          warning.className = 'error-message';
          warning.textContent = file.name + ' ' + input.getAttribute('data-too-big');
          item.appendChild(warning);
        } else {
          var img = document.createElement('img');
          img.src = URL.createObjectURL(file);
          img.alt = file.name;
          img.width = 160; img.height = 160;
          item.appendChild(img);
        }
        list.appendChild(item);
      });
      if (input.files.length > slots) {
        var note = document.createElement('li');
        note.className = 'error-message';
        note.textContent = input.getAttribute('data-too-many');
        list.appendChild(note);
      }
    });
  }

  function contactFields() {
    var choices = document.querySelectorAll('[data-contact-choice]');
    var fields = document.querySelector('[data-contact-fields]');
    if (!choices.length || !fields) return;
    function update() {
      var anonymous = document.getElementById('contact-anonymous').checked;
      fields.hidden = anonymous;
      fields.querySelectorAll('.js-hide-when-anonymous').forEach(function (p) { p.hidden = true; });
    }
    choices.forEach(function (choice) { choice.addEventListener('change', update); });
    update();
  }

  document.addEventListener('DOMContentLoaded', function () {
    categoryFilter();
    wizard();
    locate();
    addressSuggestions();
    photoPreviews();
    contactFields();
  });
})();
