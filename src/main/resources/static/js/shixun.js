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
