// School-based class pages: the live counts beside the enrolment and grades tables. They only
// warn; the server checks the headcount and the 10% of excellent learners all the same.
(function () {
  function showCount(form, n, max) {
    var text = form.querySelector('[data-count-text]');
    text.textContent = text.getAttribute('data-template').replace('{n}', n);
    text.classList.toggle('count-over', n > max);
    form.querySelector('[data-over]').hidden = !(n > max);
  }

  function pickable(form) {
    return Array.prototype.slice.call(form.querySelectorAll('input[name="teacherIds"]:not(:disabled)'));
  }

  function updateEnrolment(form) {
    var boxes = pickable(form);
    var n = boxes.filter(function (box) { return box.checked; }).length;
    showCount(form, n, parseInt(form.getAttribute('data-headcount'), 10));
    var all = form.querySelector('[data-check-all]');
    all.checked = n > 0 && n === boxes.length;
    all.indeterminate = n > 0 && n < boxes.length;
  }

  function updateGrades(form) {
    var n = Array.prototype.filter.call(form.querySelectorAll('select[data-grade]'),
      function (select) { return select.value === 'EXCELLENT'; }).length;
    showCount(form, n, parseInt(form.getAttribute('data-excellent-max'), 10));
  }

  document.addEventListener('change', function (event) {
    var form = event.target.form;
    if (!form) {
      return;
    }
    if (event.target.matches('[data-check-all]')) {
      pickable(form).forEach(function (box) { box.checked = event.target.checked; });
    }
    if (form.matches('[data-enrol-form]')) {
      updateEnrolment(form);
    }
    if (form.matches('[data-grade-form]')) {
      updateGrades(form);
    }
  });

  document.addEventListener('click', function (event) {
    if (event.target.matches('[data-all-pass]')) {
      var form = event.target.form;
      form.querySelectorAll('select[data-grade]').forEach(function (select) { select.value = 'PASS'; });
      updateGrades(form);
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-enrol-form]').forEach(updateEnrolment);
    document.querySelectorAll('[data-grade-form]').forEach(updateGrades);
  });
})();
