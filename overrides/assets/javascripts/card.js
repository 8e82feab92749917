/*
 * Template cards: fill the blanks, pick a register, watch the count against the channel's
 * limit, copy in one click. Without JavaScript every variant's text stays visible and
 * selectable, blanks marked; this only adds the controls. Counting reuses checker.js.
 */
(function () {
  "use strict";

  var uid = 0;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function enhance(card, data) {
    if (card.getAttribute("data-enhanced")) return;
    card.setAttribute("data-enhanced", "true");
    var words = data.words;
    var checker = data.checker;
    var channel = card.getAttribute("data-channel");
    var limits = {};
    limits[channel] = {};
    if (card.getAttribute("data-hard")) limits[channel].hard = Number(card.getAttribute("data-hard"));
    if (card.getAttribute("data-target")) limits[channel].target = Number(card.getAttribute("data-target"));
    var variants = Array.prototype.slice.call(card.querySelectorAll(".guide-template__variant"));
    var blanks = Array.prototype.slice.call(card.querySelectorAll(".guide-template__placeholders [data-ph]"));
    var panel = el("div", { "class": "guide-template__controls" });
    var id = "guide-card-" + (++uid);

    var fields = el("fieldset", { "class": "guide-template__fields" });
    fields.appendChild(el("legend", {}, words.your_details));
    var inputs = {};
    blanks.forEach(function (blank) {
      var name = blank.getAttribute("data-ph");
      var inputId = id + "-" + name;
      var label = el("label", { "for": inputId }, blank.getAttribute("data-label") || name);
      var input = el("input", { type: "text", id: inputId, "data-ph": name, maxlength: blank.getAttribute("data-max"),
                                autocomplete: "off" });
      input.value = blank.getAttribute("data-example");
      inputs[name] = input;
      var row = el("div", { "class": "guide-template__field" });
      row.appendChild(label);
      row.appendChild(input);
      fields.appendChild(row);
    });
    panel.appendChild(fields);

    var current = variants[0];
    if (variants.length > 1) {
      var group = el("fieldset", { "class": "guide-template__register" });
      group.appendChild(el("legend", {}, words.register));
      variants.forEach(function (variant, index) {
        var key = variant.getAttribute("data-variant");
        var label = el("label");
        var radio = el("input", { type: "radio", name: id + "-register", value: key });
        radio.checked = index === 0;
        label.appendChild(radio);
        label.appendChild(document.createTextNode(" " + variant.querySelector(".guide-card__label").textContent));
        group.appendChild(label);
      });
      panel.appendChild(group);
    }

    var count = el("p", { "class": "guide-template__count", "aria-live": "polite" });
    var copy = el("button", { type: "button", "class": "md-button md-button--primary guide-template__copy" }, words.copy);
    var status = el("p", { "class": "guide-template__status", role: "status", "aria-live": "polite" });
    panel.appendChild(count);
    panel.appendChild(copy);
    panel.appendChild(status);
    variants[0].parentNode.insertBefore(panel, variants[0]);

    function text(variant) {
      var node = variant.querySelector(".guide-template__text");
      return node ? node.textContent : "";
    }

    function empty() {
      return Object.keys(inputs).filter(function (name) { return inputs[name].value.trim() === ""; });
    }

    function update() {
      variants.forEach(function (variant) {
        variant.hidden = variant !== current;
        variant.querySelectorAll(".guide-ph").forEach(function (mark) {
          var value = inputs[mark.getAttribute("data-ph")].value;
          mark.textContent = value || "{" + mark.getAttribute("data-ph") + "}";
          mark.classList.toggle("guide-ph--unfilled", !value.trim());
        });
      });
      var length = window.guideChecker.utf16Length(text(current));
      var limit = limits[channel].hard;
      if (limit) {
        var state = window.guideChecker.lengthState(length, limits, channel);
        count.textContent = checker.count.replace("{n}", length).replace("{limit}", limit) + " · " +
          checker["state_" + state];
        count.setAttribute("data-state", state);
      } else {
        count.textContent = checker.count_nolimit.replace("{n}", length);
      }
    }

    panel.addEventListener("input", update);
    panel.addEventListener("change", function (event) {
      if (event.target.type === "radio") {
        var before = current.getAttribute("data-variant");
        current = variants.filter(function (v) { return v.getAttribute("data-variant") === event.target.value; })[0];
        /* Examples that depend on the register (Polish vocatives) follow it, unless edited. */
        blanks.forEach(function (blank) {
          var input = inputs[blank.getAttribute("data-ph")];
          var old = blank.getAttribute("data-example-" + before);
          var next = blank.getAttribute("data-example-" + event.target.value);
          if (next !== null && input.value === old) input.value = next;
        });
      }
      update();
    });
    copy.addEventListener("click", function () {
      var missing = empty();
      if (missing.length) {
        status.textContent = words.unfilled.replace("{names}", missing.map(function (name) {
          return inputs[name].labels[0].textContent;
        }).join(", "));
        inputs[missing[0]].focus();
        return;
      }
      var done = function () { status.textContent = words.copied; };
      var fail = function () { status.textContent = words.copy_failed; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text(current)).then(done, fail);
      } else {
        fail();
      }
    });
    update();
  }

  function ready(data) {
    document.querySelectorAll(".guide-template").forEach(function (card) { enhance(card, data); });
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.classList.contains("guide-template")) {
      var first = target.querySelector(".guide-template__fields input");
      /* After load, so that the browser's own jump to the anchor does not undo it. */
      var focus = function () {
        target.scrollIntoView();
        if (first) first.focus({ preventScroll: true });
      };
      if (document.readyState === "complete") window.setTimeout(focus, 0);
      else window.addEventListener("load", function () { window.setTimeout(focus, 0); }, { once: true });
    }
  }

  function init() {
    var node = document.getElementById("guide-card-data");
    if (node && window.guideChecker) ready(JSON.parse(node.textContent));
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
