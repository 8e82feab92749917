/*
 * Template cards: fill the blanks, pick a register, watch the count against the channel's
 * limit, copy in one click. Without JavaScript every variant's text stays visible and
 * selectable, blanks marked; this only adds the controls. Counting reuses checker.js.
 */
(function () {
  "use strict";

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
    /* The controls are in the page already (partials/guide/cards.html): found, not made. */
    var panel = card.querySelector(".guide-template__controls");
    if (!panel) return;
    var inputs = {};
    blanks.forEach(function (blank) {
      var name = blank.getAttribute("data-ph");
      var input = panel.querySelector('input[data-ph="' + name + '"]');
      input.setAttribute("data-example-value", blank.getAttribute("data-example"));
      inputs[name] = input;
      /* Longer than the length this blank was measured with: said, never cut. */
      input.guideHint = { node: document.getElementById(input.getAttribute("aria-describedby")),
                          max: Number(blank.getAttribute("data-max")) || 0 };
    });
    var current = variants[0];

    /* An InMail's subject is its own field in LinkedIn: counted against its own limit, copied apart. */
    var subjectHard = Number(card.getAttribute("data-subject-hard")) || 0;
    var subject = card.querySelector(".guide-template__subject") !== null;
    var count = panel.querySelector(".guide-template__count:not(.guide-template__count--subject)");
    var subjectCount = panel.querySelector(".guide-template__count--subject");
    var announce = panel.querySelector(".guide-template__announce");
    var copy = panel.querySelector(".guide-template__copy");
    var copySubject = panel.querySelector(".guide-template__copy-subject");
    var status = panel.querySelector(".guide-template__status");

    function text(variant) {
      var node = variant.querySelector(".guide-template__text");
      return node ? node.textContent : "";
    }

    function subjectText(variant) {
      var node = variant.querySelector(".guide-template__subject .guide-template__subject-text");
      return node ? node.textContent : "";
    }

    function untouched() {
      return Object.keys(inputs).filter(function (name) {
        var input = inputs[name];
        return input.value.trim() !== "" && input.value === input.getAttribute("data-example-value");
      });
    }

    function labelsOf(names) {
      return names.map(function (name) { return inputs[name].labels[0].textContent; }).join(", ");
    }

    var pause = null;
    function announceLater() {
      window.clearTimeout(pause);
      pause = window.setTimeout(function () { announce.textContent = count.textContent; }, 800);
    }

    function empty() {
      return Object.keys(inputs).filter(function (name) { return inputs[name].value.trim() === ""; });
    }

    function update() {
      variants.forEach(function (variant) {
        variant.hidden = variant !== current;
        variant.querySelectorAll(".guide-ph").forEach(function (mark) {
          var input = inputs[mark.getAttribute("data-ph")];
          var value = input.value;
          mark.textContent = value || "{" + mark.getAttribute("data-ph") + "}";
          mark.classList.toggle("guide-ph--unfilled", !value.trim());
          /* Still the example: marked (underline and a title), so nobody sends «Lucía» to Marta. */
          var isExample = value.trim() !== "" && value === input.getAttribute("data-example-value");
          mark.classList.toggle("guide-ph--example", isExample);
          if (isExample) mark.setAttribute("title", words.example_mark);
          else mark.removeAttribute("title");
        });
      });
      Object.keys(inputs).forEach(function (name) {
        var input = inputs[name], hint = input.guideHint;
        var over = hint.max && window.guideCount.utf16Length(input.value) > hint.max;
        hint.node.hidden = !over;
        hint.node.textContent = over ? words.longer_than_measured.replace("{max}", hint.max) : "";
      });
      if (subjectCount) {
        var subjectLength = window.guideCount.utf16Length(subjectText(current));
        subjectCount.textContent = words.subject_count.replace("{n}", window.guideNumber(subjectLength)).replace("{limit}", window.guideNumber(subjectHard)) +
          (subjectHard && subjectLength > subjectHard ? " · " + checker.state_over : "");
        subjectCount.setAttribute("data-state", subjectHard && subjectLength > subjectHard ? "over" : "fits");
      }
      var length = window.guideCount.utf16Length(text(current));
      var limit = limits[channel].hard;
      if (limit) {
        var state = window.guideCount.lengthState(length, limits, channel);
        count.textContent = checker.count.replace("{n}", window.guideNumber(length)).replace("{limit}", window.guideNumber(limit)) + " · " +
          checker["state_" + state];
        count.setAttribute("data-state", state);
      } else {
        count.textContent = checker.count_nolimit.replace("{n}", window.guideNumber(length));
      }
    }

    panel.addEventListener("input", function () { update(); announceLater(); });
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
          if (next !== null) input.setAttribute("data-example-value", next);
        });
      }
      update();
    });
    copy.addEventListener("click", function () {
      var missing = empty();
      if (missing.length) {
        status.textContent = words.unfilled.replace("{names}", labelsOf(missing));
        inputs[missing[0]].focus();
        return;
      }
      var examples = untouched();
      var done = function () {
        status.textContent = words.copied + (examples.length ? " " + words.still_example.replace("{names}", labelsOf(examples)) : "");
      };
      var fail = function () { status.textContent = words.copy_failed; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text(current)).then(done, fail);
      } else {
        fail();
      }
    });
    if (copySubject) {
      copySubject.addEventListener("click", function () {
        var done = function () { status.textContent = words.copied_subject; };
        var fail = function () { status.textContent = words.copy_failed; };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(subjectText(current)).then(done, fail);
        } else {
          fail();
        }
      });
    }
    update();
  }

  function ready(data) {
    document.querySelectorAll(".guide-template").forEach(function (card) { enhance(card, data); });
    /* #<id> is the card's title; the card around it takes the focus. */
    var anchor = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var target = anchor && anchor.closest(".guide-template");
    if (target) {
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
    if (node) ready(JSON.parse(node.textContent));
  }

  window.guideMount(init);
})();
