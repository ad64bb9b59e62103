// A second look before an action that cannot be undone. A form with data-confirm asks in a dialog what it says there;
// a form with data-confirm-choices asks what its chosen option says (the checked input's data-confirm), and, answered
// "OK", ticks its confirmation box (name="confirmed") for the server, which checks it. Without a script the form
// needs that box ticked by hand, and the server refuses it unticked, with the message at the box.
document.querySelectorAll('form[data-confirm], form[data-confirm-choices]').forEach(function (form) {
  form.addEventListener('submit', function (event) {
    var message = form.dataset.confirm;
    if (!message) {
      var chosen = form.querySelector('input[data-confirm]:checked');
      message = chosen ? chosen.dataset.confirm : null;
    }
    if (!message) {
      return;
    }
    if (!window.confirm(message)) {
      event.preventDefault();
      return;
    }
    if (form.dataset.confirmChoices !== undefined) {
      var box = form.querySelector('input[name="confirmed"]');
      if (box) {
        box.checked = true;
      }
    }
  });
});
