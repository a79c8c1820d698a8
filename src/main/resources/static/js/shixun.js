// Page-wide behaviour. Requests made by htmx from our pages carry the CSRF token that the
// layout puts in <meta name="_csrf">, so that pages can POST without a hidden field.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A button with data-print prints the page (the print stylesheet hides header and controls).
document.addEventListener('click', function (event) {
  if (event.target.closest('[data-print]')) {
    window.print();
  }
});

// Progressive disclosure: in a form with data-kind-form, a field group marked data-kinds="A B"
// is shown (and submitted) only while the kind select names one of those kinds. Without
// script every field is shown and the server ignores the ones the kind does not use.
function shixunApplyKind(form) {
  var select = form.querySelector('[data-kind-select]');
  if (!select) {
    return;
  }
  form.querySelectorAll('[data-kinds]').forEach(function (group) {
    var show = select.value !== '' && (' ' + group.getAttribute('data-kinds') + ' ').indexOf(' ' + select.value + ' ') >= 0;
    group.hidden = !show;
    group.querySelectorAll('input, select, textarea').forEach(function (input) {
      input.disabled = !show;
    });
  });
}

// The excellent-trainee details matter only once the box is ticked.
function shixunApplyExcellent(form) {
  var box = form.querySelector('#excellent');
  var details = form.querySelector('[data-excellent-details]');
  if (box && details) {
    details.hidden = box.disabled || !box.checked;
  }
}

function shixunApplyKinds() {
  document.querySelectorAll('[data-kind-form]').forEach(function (form) {
    shixunApplyKind(form);
    shixunApplyExcellent(form);
  });
}

document.addEventListener('change', function (event) {
  if (event.target.matches('[data-kind-select]')) {
    shixunApplyKind(event.target.form);
  }
  if (event.target.matches('[data-kind-select], #excellent')) {
    shixunApplyExcellent(event.target.form);
  }
});
document.addEventListener('DOMContentLoaded', shixunApplyKinds);
document.addEventListener('htmx:afterSettle', shixunApplyKinds);

// Progress bars carry their width as data-percent: the Content-Security-Policy allows no inline
// style attributes, and a width set from script is not one.
function shixunApplyPercents() {
  document.querySelectorAll('.progress-bar[data-percent]').forEach(function (bar) {
    bar.style.width = bar.getAttribute('data-percent') + '%';
  });
}
document.addEventListener('DOMContentLoaded', shixunApplyPercents);
document.addEventListener('htmx:afterSettle', shixunApplyPercents);
