document.documentElement.className += ' js';
// A scripted page shows the report form as a wizard from the first paint; should the wizard's own
// script fail to arrive, fall back to the plain form, which works without it.
window.addEventListener('load', function () {
  var wizard = document.querySelector('[data-wizard]');
  if (wizard && !wizard.classList.contains('is-ready')) document.documentElement.classList.remove('js');
});
