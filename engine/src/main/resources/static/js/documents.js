// The documents section of a step (new application, correction, report, review): with a script, each file input sends
// its files as soon as they are chosen, with a progress bar, and the section is replaced by the server's new one (the
// list of what is staged, or the refusal); without it, the section's own buttons do the same by posting the form.
(function () {
  'use strict';

  function bind() {
    const section = document.getElementById('documents');
    if (!section) {
      return;
    }
    section.classList.add('scripted');
    section.querySelectorAll('input[type=file]').forEach(function (input) {
      input.addEventListener('change', function () {
        upload(section, input);
      });
    });
  }

  function upload(section, input) {
    if (!input.files || input.files.length === 0) {
      return;
    }
    const form = input.form;
    const data = new FormData();
    const csrf = form.querySelector('input[name=_csrf]');
    if (csrf) {
      data.append('_csrf', csrf.value);
    }
    const year = form.querySelector('[name=fiscalYear]');
    if (year) {
      data.append('fiscalYear', year.value);
    }
    Array.prototype.forEach.call(input.files, function (file) {
      data.append(input.name, file, file.name);
    });
    const progress = document.getElementById('progress-' + input.dataset.kind);
    progress.hidden = false;
    progress.value = 0;
    input.disabled = true;
    const request = new XMLHttpRequest();
    request.open('POST', section.dataset.upload);
    request.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        progress.value = Math.round(e.loaded * 100 / e.total);
      }
    });
    request.addEventListener('load', function () {
      const page = new DOMParser().parseFromString(request.responseText, 'text/html');
      const fresh = page.getElementById('documents');
      if (!fresh) {
        // not the page that was expected (signed out, an error page): show it as the browser would
        document.open();
        document.write(request.responseText);
        document.close();
        return;
      }
      const messages = ['flash-error', 'form-error', 'flash'].map(function (id) {
        const m = page.getElementById(id);
        return m ? m.textContent.trim() : '';
      }).filter(function (t) { return t; });
      section.replaceWith(document.adoptNode(fresh));
      bind();
      const status = document.getElementById('documents-status');
      if (messages.length) {
        status.textContent = messages.join(' ');
        status.hidden = false;
      }
      const first = fresh.querySelector('.field-error');
      if (first) {
        status.classList.replace('info', 'error');
      }
    });
    request.addEventListener('error', function () {
      input.disabled = false;
      progress.hidden = true;
    });
    request.send(data);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', bind);
  } else {
    bind();
  }
})();
