// site.js: what the page's <details> elements get when scripts run (every page loads it,
// deferred; the page works the same without it).
//
// - The header's menu (details.site-menu, a "Menu" button on a phone): Escape closes it
//   and puts the focus back on its button; so does moving the focus out of it (Tab past its
//   last link) or a click outside it.
// - On a wide screen (40em and more) the menu is part of the header: site.css shows it
//   where the browser supports ::details-content, this opens it elsewhere.
// - An article's contents (details.toc-details), closed in the page so that a phone shows
//   the text first, are opened from 64em (beside the article there), and closed
//   again when the window becomes narrow.
'use strict';

(function () {
  var wide = window.matchMedia ? window.matchMedia('(min-width: 40em)') : null;
  // where site.css puts the contents beside the article
  var sidebar = window.matchMedia ? window.matchMedia('(min-width: 64em)') : null;
  var cssOpens = !!(window.CSS && CSS.supports && CSS.supports('selector(::details-content)'));
  var menu = document.querySelector('details.site-menu');
  var toc = document.querySelector('details.toc-details');

  function close(details, focus) {
    if (!details || !details.open) return;
    details.open = false;
    if (focus) {
      var summary = details.querySelector('summary');
      if (summary) summary.focus();
    }
  }

  if (menu) {
    // Only while it is a phone's menu: on a wide screen it is part of the header.
    var isPopup = function () { return !(wide && wide.matches); };
    menu.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && menu.open && isPopup()) {
        e.preventDefault();
        close(menu, true);
      }
    });
    menu.addEventListener('focusout', function (e) {
      if (isPopup() && e.relatedTarget && !menu.contains(e.relatedTarget)) close(menu, false);
    });
    document.addEventListener('click', function (e) {
      if (isPopup() && !menu.contains(e.target)) close(menu, false);
    });
  }

  // The menu where CSS cannot show it on a wide screen; the contents on every wide screen
  // (a reader may still close them: their summary stays a working button).
  if (wide && menu && !cssOpens) {
    var openMenu = function () { menu.open = wide.matches; };
    openMenu();
    if (wide.addEventListener) wide.addEventListener('change', openMenu);
  }
  if (sidebar && toc) {
    var openToc = function () { toc.open = sidebar.matches; };
    openToc();
    if (sidebar.addEventListener) sidebar.addEventListener('change', openToc);
  }
})();
