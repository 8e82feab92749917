/*
 * Filters for the anti-pattern gallery and the template library. The pages are plain
 * sections without JavaScript; this reveals the filter bar and hides what does not match.
 * Each bar holds one or more button groups (data-key); a card shows when it matches the
 * pressed button of every group, and a section shows while it has a visible card.
 * The choice lives in the address (?situation=meeting&channel=note), so a filtered view can
 * be shared and survives a reload (replaced, not pushed: Back leaves the page); the count of
 * what is shown is read out (a polite live region),
 * and when nothing matches the bar says so and offers to show everything.
 */
(function () {
  "use strict";

  function groups(bar) {
    return Array.prototype.slice.call(bar.querySelectorAll("[data-key]"));
  }

  function press(group, value) {
    var found = group.querySelector('button[data-value="' + value + '"]') ? value : "all";
    group.querySelectorAll("button[data-value]").forEach(function (button) {
      var on = button.getAttribute("data-value") === found;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.classList.toggle("md-button--primary", on);
    });
  }

  /* The pressed value of each group, from the address (unknown values mean "all"). */
  function fromAddress(bar) {
    var params = new URLSearchParams(window.location.search);
    groups(bar).forEach(function (group) {
      press(group, params.get(group.getAttribute("data-key")) || "all");
    });
  }

  function toAddress(chosen) {
    var params = new URLSearchParams(window.location.search);
    Object.keys(chosen).forEach(function (key) {
      if (chosen[key] === "all") params.delete(key); else params.set(key, chosen[key]);
    });
    var query = params.toString();
    var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (address !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(window.history.state, "", address);
    }
  }

  function apply(bar) {
    var root = bar.parentElement;
    var chosen = {};
    groups(bar).forEach(function (group) {
      var pressed = group.querySelector("[aria-pressed=true]");
      chosen[group.getAttribute("data-key")] = pressed ? pressed.getAttribute("data-value") : "all";
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
    bar.querySelector(".guide-filter__empty").hidden = shown > 0;
    var status = bar.querySelector(".guide-filter__status");
    status.textContent = window.guidePlural(JSON.parse(status.getAttribute("data-plural")), shown,
                                            status.getAttribute("data-lang"));
    return chosen;
  }

  function enhance(bar) {
    if (bar.getAttribute("data-enhanced")) return;
    bar.setAttribute("data-enhanced", "true");
    bar.hidden = false;
    bar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-value], button[data-guide-reset]");
      if (!button) return;
      if (button.hasAttribute("data-guide-reset")) {
        groups(bar).forEach(function (group) { press(group, "all"); });
        var first = bar.querySelector("button[data-value]");
        if (first) first.focus();
      } else {
        press(button.parentElement, button.getAttribute("data-value"));
      }
      toAddress(apply(bar));
    });
    fromAddress(bar);
    apply(bar);
  }

  function init() {
    document.querySelectorAll(".guide-filter").forEach(enhance);
  }

  window.guideMount(init);
})();
