/*
 * Site-wide behaviour, loaded before the page scripts (first in mkdocs.yml's extra_javascript):
 * - guideMount(init): the one way our scripts start: once the page is parsed, and again after
 *   each instant-navigation swap when Material's document$ exists;
 * - the language switcher keeps the address's "?" filters and its "#" part, so a reader on a
 *   filtered gallery or a heading lands on the same view in the other language (same ids);
 * - guidePlural(forms, n, lang): "1 uwaga", "2 uwagi", "5 uwag": the form for a number that
 *   Intl.PluralRules picks among the categories data/ui.yml gives (other when one is missing);
 * - guideNumber(n, lang): a count as the language writes it (8,000 in English; 8000 and
 *   10 000 with a no-break space in Spanish and Polish), twin of number() in render/views.py;
 * - guideCount: the one way lengths are counted and judged against a limit, for the cards and
 *   the checker alike (UTF-16 code units, CRLF counted once, as LinkedIn's counters see it);
 * - the colour-scheme button (partials/palette.html): a press moves to the next palette and
 *   keeps the choice; until there is one, the scheme follows the system's as it changes; the
 *   browser's bar takes the header's colour (meta theme-color), read when the page is idle.
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

  window.guideNumber = function (n, lang) {
    var text = String(n);
    var code = lang || document.documentElement.lang;
    if (code !== "en" && n < 10000) return text;
    return text.replace(/\B(?=(\d{3})+(?!\d))/g, code === "en" ? "," : "\u00a0");
  };

  window.guidePlural = function (forms, n, lang) {
    var category = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang).select(n) : (n === 1 ? "one" : "other");
    return (forms[category] || forms.other || "{n}").replace("{n}", window.guideNumber(n, lang));
  };

  var themeColor = function () {
    var header = document.querySelector("[data-md-component=header]");
    var meta = document.querySelector("meta[name=theme-color]");
    if (!header) return;
    if (!meta) document.head.appendChild(meta = document.createElement("meta")).name = "theme-color";
    meta.content = getComputedStyle(header).backgroundColor;
  };
  var whenIdle = window.requestIdleCallback || function (callback) { return setTimeout(callback, 1); };
  if (window.__guideScheme) {
    whenIdle(themeColor);
    document.addEventListener("click", function (event) {
      var button = event.target instanceof Element ? event.target.closest("[data-guide-scheme]") : null;
      if (!button) return;
      var count = button.querySelectorAll("[data-guide-scheme-option]").length;
      /* Material's marker: no colour transitions while the scheme changes. */
      document.body.setAttribute("data-md-color-switching", "");
      window.__guideScheme((Number(button.dataset.guideScheme) + 1) % count, true);
      setTimeout(function () {
        document.body.removeAttribute("data-md-color-switching");
        themeColor();
      });
    });
    document.querySelectorAll("[data-guide-scheme-option]").forEach(function (option) {
      matchMedia(option.dataset.media).addEventListener("change", function (event) {
        if (!event.matches) return;
        window.__guideScheme();  /* the system's scheme, unless the reader has picked one */
        themeColor();
      });
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[hreflang]") : null;
    if (!link) return;
    if (window.location.search && !link.search) link.search = window.location.search;
    if (window.location.hash && !link.hash) link.hash = window.location.hash;
  }, true);
})();
