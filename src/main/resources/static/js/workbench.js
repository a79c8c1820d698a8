// The reviewer's workbench (/tasks). Everything works without this script; it only saves steps.

// On a phone the chosen task is shown above the list: bring it into view once htmx has put it there.
document.addEventListener('htmx:afterSwap', function () {
  var detail = document.getElementById('task-detail');
  if (detail && detail.classList.contains('has-detail') && window.matchMedia('(max-width: 900px)').matches) {
    detail.scrollIntoView({ block: 'start' });
  }
});

// j / k: the next / previous task of the list, as clicking it would (not while typing).
document.addEventListener('keydown', function (event) {
  if ((event.key !== 'j' && event.key !== 'k') || event.ctrlKey || event.metaKey || event.altKey
      || event.target.closest('input, textarea, select, [contenteditable]')) {
    return;
  }
  var links = Array.prototype.slice.call(document.querySelectorAll('[data-test="task-link"]'));
  if (links.length === 0) {
    return;
  }
  var selected = document.querySelector('[data-test="task-row"].selected [data-test="task-link"]');
  var at = links.indexOf(selected);
  var next = event.key === 'j' ? Math.min(at + 1, links.length - 1) : Math.max(at - 1, 0);
  if (at < 0) {
    next = 0;
  }
  document.querySelectorAll('[data-test="task-row"].selected').forEach(function (row) {
    row.classList.remove('selected');
  });
  links[next].closest('[data-test="task-row"]').classList.add('selected');
  links[next].focus();
  links[next].click();
  event.preventDefault();
});
