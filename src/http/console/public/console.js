// The console's only page script: no inline handlers anywhere (the CSP allows scripts from this origin only).
(function () {
  'use strict';
  // Forms that need a second thought (merge, split).
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) e.preventDefault();
    });
  });
  // The status form shows only the inputs the chosen status needs (the server checks them anyway).
  document.querySelectorAll('select[data-reveals]').forEach(function (select) {
    var form = select.form;
    function update() {
      form.querySelectorAll('[data-for]').forEach(function (label) {
        var on = label.getAttribute('data-for') === select.value;
        label.hidden = !on;
        var input = label.querySelector('select, input');
        // A checkbox shown with a status is a choice, never required (e.g. the override of a worker's "no").
        if (input && input.type !== 'checkbox') input.required = on;
      });
    }
    select.addEventListener('change', update);
    update();
  });
  // Copy buttons (the annual-report paragraph).
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var text = document.getElementById(button.getAttribute('data-copy')).textContent;
      var done = function () {
        var note = button.parentNode.querySelector('[data-copied]');
        if (note) note.hidden = false;
      };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done);
      else {
        var area = document.createElement('textarea');
        area.value = text;
        document.body.appendChild(area);
        area.select();
        document.execCommand('copy');
        area.remove();
        done();
      }
    });
  });
})();
