// The print view's button opens the browser's print dialog; without a script the button stays hidden and the page
// says to use the browser's own print command.
(function () {
  var button = document.getElementById('print-button');
  if (button && window.print) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  }
})();
