// The header's menu on phones: below 768 px the stylesheet folds #site-nav away once this script has marked the page
// (class menu-ready on <html>) and #menu-button shows and hides it. Without the script the button stays hidden and the
// menu open, so every link is reachable either way. From 768 px the stylesheet shows the whole header and no button.
(function () {
  var button = document.getElementById('menu-button');
  var header = button && button.closest('header');
  if (!header || !document.getElementById(button.getAttribute('aria-controls'))) {
    return;
  }
  document.documentElement.classList.add('menu-ready');
  function show(open) {
    header.classList.toggle('menu-open', open);
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
  }
  button.addEventListener('click', function () {
    show(button.getAttribute('aria-expanded') !== 'true');
  });
  // Escape closes the open menu and gives the focus back to its button
  header.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
      show(false);
      button.focus();
    }
  });
})();
