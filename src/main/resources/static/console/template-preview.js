// Live preview of a message template while an admin types: posts the form to the preview endpoint
// (with the form's CSRF token) and shows the rendered subject and text.
(function () {
  'use strict';
  var form = document.getElementById('template-form');
  if (!form || !window.fetch) return;
  var url = form.getAttribute('data-preview');
  var subject = document.getElementById('subject');
  var body = document.getElementById('body');
  var shownSubject = document.getElementById('preview-subject');
  var shownText = document.getElementById('preview-text');
  var problems = document.getElementById('preview-problems');
  var timer = null;
  var latest = 0;

  // The form's own token: the XSRF-TOKEN cookie is HttpOnly.
  function csrf() {
    var field = form.querySelector('input[name="_csrf"]');
    return field ? field.value : '';
  }

  function render(data) {
    if (shownSubject) shownSubject.textContent = data.subject;
    shownText.textContent = data.text;
    while (problems.firstChild) problems.removeChild(problems.firstChild);
    (data.problems || []).forEach(function (p) {
      var li = document.createElement('li');
      li.textContent = p;
      problems.appendChild(li);
    });
  }

  function update() {
    var request = ++latest;
    var params = new URLSearchParams();
    if (subject) params.append('subject', subject.value);
    params.append('body', body.value);
    params.append('_csrf', csrf());
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' },
      body: params.toString()
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) {
      if (data && request === latest) render(data);
    }).catch(function () { /* The Preview button still works without the live preview. */ });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  }

  body.addEventListener('input', later);
  if (subject) subject.addEventListener('input', later);
}());
