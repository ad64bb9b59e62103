// A second look before an action that cannot be undone: a form with data-confirm asks in a dialog what it says there.
// Without a script the form still needs its confirmation box ticked, and the server checks that box.
document.querySelectorAll('form[data-confirm]').forEach(function (form) {
  form.addEventListener('submit', function (event) {
    if (!window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
});
