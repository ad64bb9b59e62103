// 受付処理中: while the engine routes a new application and issues its notice of receipt, read the page again now and
// then and put in the parts marked data-live, until the page no longer says it is being received. Without a script
// the page says the same and a reload shows the rest.
(function () {
  if (!window.fetch || !window.DOMParser) {
    return;
  }
  var tries = 0;
  function schedule() {
    tries++;
    if (tries <= 60) {
      setTimeout(poll, Math.min(1000 * tries, 5000));
    }
  }
  function poll() {
    fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html');
        document.querySelectorAll('[data-live]').forEach(function (part) {
          var fresh = next.getElementById(part.id);
          if (fresh) {
            part.replaceWith(document.importNode(fresh, true));
          }
        });
        if (next.getElementById('receiving')) {
          schedule();
        } else {
          var live = document.getElementById('live-announcement');
          live.textContent = live.dataset.done;
        }
      })
      .catch(schedule);
  }
  schedule();
})();
