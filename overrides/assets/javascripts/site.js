/*
 * Site-wide behaviour: the language switcher keeps the part of the address after "#", so a
 * reader on a template or a heading lands on the same one in the other language (the
 * anchors are the same ids in every language).
 */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[hreflang]") : null;
    if (!link || !window.location.hash || link.hash) return;
    link.hash = window.location.hash;
  }, true);
})();
