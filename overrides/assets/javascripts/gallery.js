/*
 * Filters for the anti-pattern gallery and the template library. The pages are plain
 * sections without JavaScript; this reveals the filter bar and hides what does not match.
 * Each bar holds one or more button groups (data-key); a card shows when it matches the
 * pressed button of every group, and a section shows while it has a visible card.
 */
(function () {
  "use strict";

  function apply(bar) {
    var root = bar.parentElement;
    var chosen = {};
    bar.querySelectorAll("[data-key], [role=group]").forEach(function (group) {
      var key = group.getAttribute("data-key") || bar.getAttribute("data-guide-filter");
      var pressed = group.querySelector("[aria-pressed=true]");
      chosen[key] = pressed ? pressed.getAttribute("data-value") : "all";
    });
    var shown = 0;
    root.querySelectorAll(".guide-group").forEach(function (section) {
      var visible = 0;
      section.querySelectorAll(".guide-card").forEach(function (card) {
        var match = Object.keys(chosen).every(function (key) {
          return chosen[key] === "all" || card.getAttribute("data-" + key) === chosen[key];
        });
        card.hidden = !match;
        if (match) visible += 1;
      });
      section.hidden = visible === 0;
      shown += visible;
    });
    var status = bar.querySelector(".guide-filter__status");
    if (status) status.textContent = status.getAttribute("data-template").replace("{n}", shown);
  }

  function enhance(bar) {
    if (bar.getAttribute("data-enhanced")) return;
    bar.setAttribute("data-enhanced", "true");
    bar.hidden = false;
    bar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-value]");
      if (!button) return;
      button.parentElement.querySelectorAll("button[data-value]").forEach(function (other) {
        var on = other === button;
        other.setAttribute("aria-pressed", on ? "true" : "false");
        other.classList.toggle("md-button--primary", on);
      });
      apply(bar);
    });
    apply(bar);
  }

  function init() {
    document.querySelectorAll(".guide-filter").forEach(enhance);
  }

  window.guideMount(init);
})();
