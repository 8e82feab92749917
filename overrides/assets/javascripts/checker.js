/*
 * The message checker in the browser: the twin of scripts/message_checker.py. Both read
 * data/checker-rules.yml and data/limits.yml (embedded in the page as JSON) and must give
 * the same counts and findings; tests/data/checker-cases.yml holds the proof. Nothing the
 * visitor types is sent or stored anywhere.
 */
(function () {
  "use strict";

  var WORD = /[\p{L}\p{N}]/u;
  var LETTERS = /\p{L}+/gu;

  function lf(text) {
    return text.replace(/\r\n/g, "\n").replace(/\r/g, "\n");
  }

  /* JavaScript's own length: UTF-16 code units, after normalising line breaks. */
  function utf16Length(text) {
    return lf(text).length;
  }

  function prepare(text) {
    return lf(text).normalize("NFC").toLowerCase();
  }

  /* The whole character (code point) just before or at a UTF-16 index. */
  function charBefore(text, index) {
    if (index <= 0) return "";
    var code = text.codePointAt(index - 1);
    if (index >= 2 && code >= 0xdc00 && code <= 0xdfff) return String.fromCodePoint(text.codePointAt(index - 2));
    return String.fromCodePoint(code);
  }

  function charAt(text, index) {
    return index < text.length ? String.fromCodePoint(text.codePointAt(index)) : "";
  }

  function isWord(ch) {
    return ch !== "" && WORD.test(ch);
  }

  /* A match of pattern in text that is not glued to letters or digits on either side. */
  function matches(pattern, text, atStart) {
    var start = text.length - text.replace(/^\s+/, "").length;
    var regex = new RegExp(pattern, "gu");
    for (var m of text.matchAll(regex)) {
      if (m[0].length === 0) continue;
      if (atStart && m.index !== start) continue;
      if (!isWord(charBefore(text, m.index)) && !isWord(charAt(text, m.index + m[0].length))) return true;
    }
    return false;
  }

  function limitFor(limits, channel, account) {
    var limit = limits[channel] || {};
    if (account === "free" && limit.target !== undefined) return limit.target;
    return limit.hard === undefined ? null : limit.hard;
  }

  function lengthState(length, limits, channel) {
    var limit = limits[channel] || {};
    if (limit.target !== undefined && length <= limit.target) return "free";
    if (limit.hard !== undefined && length > limit.hard) return "over";
    return limit.target !== undefined ? "premium" : "fits";
  }

  function shouting(rule, original) {
    var exclamations = original.split("!").length - 1;
    var caps = (original.match(LETTERS) || []).filter(function (w) {
      return Array.from(w).length >= rule.caps_word_length && w === w.toUpperCase() && w !== w.toLowerCase();
    });
    return exclamations > rule.max_exclamations || original.indexOf("!!") !== -1 || caps.length > rule.max_caps_words;
  }

  /* Length, limit, state and findings for one draft (rules already hold this language's patterns). */
  function check(text, channel, account, data) {
    var length = utf16Length(text);
    var limit = limitFor(data.limits, channel, account);
    var prepared = prepare(text);
    var blank = prepared.trim() === "";
    var findings = data.rules.filter(function (rule) {
      if (rule.channels.indexOf(channel) === -1) return false;
      var some = function (atStart) {
        return rule.patterns.some(function (p) { return matches(p, prepared, atStart); });
      };
      switch (rule.kind) {
        case "length": return limit !== null && length > limit;
        case "shouting": return shouting(rule, text.normalize("NFC"));
        case "contains": return some(false);
        case "missing": return !blank && !some(false);
        case "starts": return !blank && !some(true);
        default: throw new Error("unknown rule kind " + rule.kind);
      }
    });
    return { length: length, limit: limit, state: lengthState(length, data.limits, channel), findings: findings };
  }

  function readData() {
    var node = document.getElementById("guide-checker-data");
    return node ? JSON.parse(node.textContent) : null;
  }

  function enhance(form, data) {
    if (form.getAttribute("data-enhanced")) return;
    form.setAttribute("data-enhanced", "true");
    form.hidden = false;
    var draft = form.querySelector("textarea");
    var count = form.querySelector(".guide-checker__count");
    var list = form.querySelector(".guide-checker__findings");
    var words = data.words;
    var pending = false;

    function update() {
      pending = false;
      var channel = form.querySelector("input[name=channel]:checked").value;
      var account = form.querySelector("input[name=account]:checked").value;
      var result = check(draft.value, channel, account, data);
      var template = result.limit === null ? words.count_nolimit : words.count;
      var stateText = words["state_" + result.state];
      count.textContent = template.replace("{n}", result.length).replace("{limit}", result.limit) +
        (draft.value ? " · " + stateText : "");
      count.setAttribute("data-state", draft.value ? result.state : "empty");
      list.textContent = "";
      if (!draft.value.trim()) {
        list.appendChild(item(words.empty));
        return;
      }
      if (!result.findings.length) list.appendChild(item(words.none));
      result.findings.forEach(function (rule) {
        var li = item("");
        li.setAttribute("data-rule", rule.id);
        li.setAttribute("data-severity", rule.severity);
        var label = document.createElement("strong");
        label.textContent = words[rule.severity] + ": ";
        li.appendChild(label);
        li.appendChild(document.createTextNode(rule.message + " "));
        var link = document.createElement("a");
        link.href = rule.link;
        link.textContent = words.more;
        li.appendChild(link);
        list.appendChild(li);
      });
    }

    function item(text) {
      var li = document.createElement("li");
      li.textContent = text;
      return li;
    }

    function schedule() {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(update);
    }

    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    update();
  }

  window.guideChecker = { check: check, utf16Length: utf16Length, lengthState: lengthState, limitFor: limitFor };

  function init() {
    var data = readData();
    if (!data) return;
    document.querySelectorAll("[data-guide-checker]").forEach(function (form) { enhance(form, data); });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
