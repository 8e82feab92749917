/*
 * The root 404 page speaks every language; keep the one the address belongs to
 * (/en/…, /pl/…, else the default) and give the page that language.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = (script && script.getAttribute("data-base")) || "/";
  var sections = document.querySelectorAll("[data-guide-404]");
  var rest = window.location.pathname.indexOf(base) === 0 ? window.location.pathname.slice(base.length) : "";
  var chosen = sections.length ? sections[0].getAttribute("data-guide-404") : "";
  sections.forEach(function (section) {
    var code = section.getAttribute("data-guide-404");
    if (rest === code || rest.indexOf(code + "/") === 0) chosen = code;
  });
  sections.forEach(function (section) {
    section.hidden = section.getAttribute("data-guide-404") !== chosen;
  });
  if (chosen) document.documentElement.lang = chosen;
})();
