// Shared enhancements of the resident portal; every page works without this file.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    // An error summary takes focus so screen readers read it first; its links focus their field.
    var summary = document.querySelector('.error-summary');
    if (summary) {
      summary.focus();
      summary.addEventListener('click', function (event) {
        var link = event.target.closest('a[href^="#"]');
        if (!link) return;
        var field = document.getElementById(link.getAttribute('href').slice(1));
        if (!field) return;
        event.preventDefault();
        var step = field.closest('.step');
        if (step && step.hidden && window.civic311ShowStep) window.civic311ShowStep(step);
        field.focus();
        field.scrollIntoView({block: 'center'});
      });
    }
  });
})();
