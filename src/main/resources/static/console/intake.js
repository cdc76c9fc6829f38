// Call-taker intake: the same steps as the form's buttons, in place, so the call-taker never waits for a
// page. Without this script every button posts the whole form and nothing typed is lost.
(function () {
  'use strict';

  var root = document.getElementById('intake') || document.getElementById('intake-done');
  if (!root) return;

  // The keys the page announces (Alt+1 ... Alt+S, Alt+N) work the same in every browser: browsers differ
  // in the modifier of their own access keys (Alt, Alt+Shift, Ctrl+Alt) and headless ones have none.
  document.addEventListener('keydown', function (event) {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    var code = event.code || '';
    var key = code.indexOf('Digit') === 0 ? code.slice(5) : code.indexOf('Key') === 0 ? code.slice(3).toLowerCase() : '';
    if (!key) return;
    var target = document.querySelector('[accesskey="' + key + '"]');
    if (!target) return;
    event.preventDefault();
    if (target.tagName === 'BUTTON' || target.tagName === 'A') target.click();
    else target.focus();
  });

  var focusId = root.getAttribute('data-focus');
  if (focusId) {
    var target = document.getElementById(focusId);
    if (target) {
      if (!target.hasAttribute('tabindex') && !/^(INPUT|SELECT|TEXTAREA|BUTTON|A)$/.test(target.tagName)) target.setAttribute('tabindex', '-1');
      target.focus();
    }
  }

  var form = document.getElementById('intake-form');
  if (!form) return;

  function csrf() {
    var input = form.querySelector('input[name="_csrf"]');
    return input ? input.value : '';
  }

  // Enter in a text field would press the first button of the form (Find caller): do what the field means instead.
  form.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' || event.target.tagName !== 'INPUT') return;
    var type = event.target.type;
    if (type === 'checkbox' || type === 'radio' || type === 'submit') return;
    event.preventDefault();
    if (event.target.id === 'lookup') lookUp();
    else if (event.target.id === 'category-filter') { var select = document.getElementById('category'); if (select) select.focus(); }
  });

  // 1. Caller look-up.
  var lookupButton = document.getElementById('lookup-button');
  var results = document.getElementById('caller-results');
  function lookUp() {
    var lookup = document.getElementById('lookup').value.trim();
    var body = new URLSearchParams();
    body.set('lookup', lookup);
    body.set('_csrf', csrf());
    fetch(root.getAttribute('data-caller-url'), { method: 'POST', body: body, credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.text(); })
      .then(function (html) {
        results.innerHTML = html;
        if (!results.querySelector('.js-lookup-error')) {
          var email = document.getElementById('email');
          var phone = document.getElementById('phone');
          if (lookup.indexOf('@') >= 0) { if (!email.value) email.value = lookup; }
          else if (!phone.value) phone.value = lookup;
        }
        results.focus();
      })
      .catch(function () { form.requestSubmit(lookupButton); });
  }
  if (lookupButton) {
    lookupButton.addEventListener('click', function (event) { event.preventDefault(); lookUp(); });
  }

  // 2. Category: type-ahead filter over the select, questions in place.
  var select = document.getElementById('category');
  var filterField = document.getElementById('category-filter-field');
  var filter = document.getElementById('category-filter');
  var categoryButton = document.getElementById('category-button');
  var questions = document.getElementById('questions');
  if (filterField) filterField.hidden = false;
  if (categoryButton) categoryButton.hidden = true;
  function loadQuestions() {
    var wanted = select.value;
    var url = root.getAttribute('data-questions-url') + '?category=' + encodeURIComponent(wanted);
    fetch(url, { credentials: 'same-origin' })
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.text(); })
      // Typing in the filter changes the category with every letter: only the latest answer counts.
      .then(function (html) { if (select.value === wanted) questions.innerHTML = html; })
      .catch(function () { if (categoryButton) form.requestSubmit(categoryButton); });
  }
  if (select) select.addEventListener('change', loadQuestions);
  if (filter && select) {
    filter.addEventListener('input', function () {
      var words = filter.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
      var first = null;
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.value) return;
        var text = (option.getAttribute('data-search') || '') + ' ' + option.text.toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) >= 0; });
        option.hidden = !match;
        option.disabled = !match;
        if (match && !first) first = option;
      });
      if (first && select.value !== first.value) { select.value = first.value; loadQuestions(); }
    });
  }

  // 3. Address suggestions from the city's list; a chosen one gives the point.
  var address = document.getElementById('address');
  var list = document.getElementById('address-list');
  var point = document.getElementById('address-point');
  var lat = document.getElementById('latitude');
  var lon = document.getElementById('longitude');
  var addressId = document.getElementById('addressId');
  var known = {};
  var timer = null;
  function usePoint() {
    var found = known[address.value.trim().toLowerCase()];
    if (found) {
      lat.value = found.lat; lon.value = found['long']; addressId.value = found.id;
      point.textContent = root.getAttribute('data-point-text').replace('{0}', found.lat).replace('{1}', found['long']);
    } else if (lat.value) {
      lat.value = ''; lon.value = ''; addressId.value = ''; point.textContent = '';
    }
  }
  if (address) {
    address.addEventListener('input', function () {
      clearTimeout(timer);
      usePoint();
      var typed = address.value.trim();
      if (typed.length < 2) return;
      timer = setTimeout(function () {
        fetch(root.getAttribute('data-addresses-url') + '?q=' + encodeURIComponent(typed), { credentials: 'same-origin' })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (found) {
            list.innerHTML = '';
            found.forEach(function (a) {
              known[a.label.toLowerCase()] = a;
              var option = document.createElement('option');
              option.value = a.label;
              list.appendChild(option);
            });
            usePoint();
          })
          .catch(function () { /* suggestions are a help; the server finds typed addresses too */ });
      }, 150);
    });
    address.addEventListener('change', usePoint);
  }
})();
