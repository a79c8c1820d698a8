// County plan pages: add and remove rows of the projects table, and count the staff numbers typed
// for a project's participants. The rows are renumbered after each change so that the form
// always posts projects[0..n-1], the indices the server's messages name.
(function () {
  function renumber(table) {
    var rows = table.querySelectorAll('tbody[data-project]');
    rows.forEach(function (row, index) {
      row.querySelectorAll('[name]').forEach(function (input) {
        input.name = input.name.replace(/^projects\[\d+]/, 'projects[' + index + ']');
      });
      row.querySelector('[data-seq]').textContent = index + 1;
      row.querySelector('[data-remove-project]').disabled = rows.length === 1;
    });
  }

  function countLines(area) {
    var label = document.querySelector('[data-line-count-for="' + area.id + '"]');
    if (label) {
      var numbers = area.value.split(/[\s,，、;；]+/).filter(function (part) { return part !== ''; });
      label.textContent = '（' + numbers.length + ' 人）';
    }
  }

  document.addEventListener('click', function (event) {
    var add = event.target.closest('[data-add-project]');
    if (add) {
      var table = document.getElementById(add.getAttribute('aria-controls'));
      table.appendChild(document.getElementById(table.id + '-template').content.cloneNode(true));
      renumber(table);
      table.querySelector('tbody[data-project]:last-of-type input').focus();
    }
    var remove = event.target.closest('[data-remove-project]');
    if (remove) {
      var owner = remove.closest('table');
      remove.closest('tbody').remove();
      renumber(owner);
    }
  });

  document.addEventListener('input', function (event) {
    if (event.target.matches('[data-count-lines]')) {
      countLines(event.target);
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('table[data-projects]').forEach(renumber);
    document.querySelectorAll('[data-count-lines]').forEach(countLines);
  });
})();
