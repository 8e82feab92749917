/*
 * Site-wide behaviour, loaded before the page scripts (first in mkdocs.yml's extra_javascript):
 * - guideMount(init): the one way our scripts start: once the page is parsed, and again after
 *   each instant-navigation swap when Material's document$ exists;
 * - the language switcher keeps the part of the address after "#", so a reader on a template
 *   or a heading lands on the same one in the other language (the ids are the same);
 * - guideCount: the one way lengths are counted and judged against a limit, for the cards and
 *   the checker alike (UTF-16 code units, CRLF counted once, as LinkedIn's counters see it).
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

  window.guideCount = {
    utf16Length: function (text) {
      return text.length - text.split("\r\n").length + 1;
    },
    /* "free" within the free-account target, "over" past the hard limit, else "premium" or "fits". */
    lengthState: function (length, limits, channel) {
      var limit = limits[channel] || {};
      if (limit.target !== undefined && length <= limit.target) return "free";
      if (limit.hard !== undefined && length > limit.hard) return "over";
      return limit.target !== undefined ? "premium" : "fits";
    }
  };

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[hreflang]") : null;
    if (!link || !window.location.hash || link.hash) return;
    link.hash = window.location.hash;
  }, true);
})();
