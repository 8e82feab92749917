/*
 * Site-wide behaviour, loaded before the page scripts (first in mkdocs.yml's extra_javascript):
 * - guideMount(init): the one way our scripts start: once the page is parsed, and again after
 *   each instant-navigation swap when Material's document$ exists;
 * - the language switcher keeps the part of the address after "#", so a reader on a template
 *   or a heading lands on the same one in the other language (the ids are the same).
 */
(function () {
  "use strict";

  window.guideMount = function (init) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(init);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", init);
    } else {
      init();
    }
  };

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[hreflang]") : null;
    if (!link || !window.location.hash || link.hash) return;
    link.hash = window.location.hash;
  }, true);
})();
