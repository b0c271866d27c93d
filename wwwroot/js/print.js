// "Print" buttons (data-print): the browser's print dialog, with the print stylesheet in css/app.css (one A4 page, no
// controls). Delegated, so it works on the prerendered page before the circuit is up and on every later render.
document.addEventListener('click', event => {
  if (event.target instanceof Element && event.target.closest('[data-print]')) window.print();
});
