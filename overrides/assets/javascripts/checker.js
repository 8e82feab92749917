/*
 * The message checker in the browser: a line-by-line twin of scripts/checker/ (text.py and
 * engine.py). Both read ONE compiled document (rules, expanded word forms, character
 * classes), embedded in the page as JSON, so they cannot disagree about a rule; the parity
 * tests run the corpus and random drafts through both. Every step is linear in the draft.
 * Nothing the visitor types is sent or stored anywhere.
 */
(function () {
  "use strict";

  var LETTER = 1, MARK = 2, DIGIT = 3, SPACE = 4;

  /* ---- characters ---- */

  function Chars(text) {
    var bmp = new Uint8Array(0x10000);
    var astral = [];
    var names = { letter: LETTER, mark: MARK, digit: DIGIT, space: SPACE };
    Object.keys(names).forEach(function (name) {
      text.classes[name].forEach(function (range) {
        for (var c = range[0]; c <= Math.min(range[1], 0xffff); c++) bmp[c] = names[name];
        if (range[1] > 0xffff) astral.push([Math.max(range[0], 0x10000), range[1], names[name]]);
      });
    });
    astral.sort(function (a, b) { return a[0] - b[0]; });
    this.bmp = bmp;
    this.astral = astral;
    this.breaks = text.breaks;
    this.joiners = text.joiners;
    this.fold = text.fold;
    this.maxToken = text.max_token;
    this.maxMarks = text.max_marks;
    this.maxSep = text.max_sep;
    this.cache = new Map(); /* raw word -> [normalised, cased, letters], shared across checks */
  }

  Chars.prototype.cls = function (cp) {
    if (cp < 0x10000) return this.bmp[cp];
    var lo = 0, hi = this.astral.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1, r = this.astral[mid];
      if (cp < r[0]) hi = mid - 1;
      else if (cp > r[1]) lo = mid + 1;
      else return r[2];
    }
    return 0;
  };

  Chars.prototype.isWord = function (cp) {
    var c = this.cls(cp);
    return c === LETTER || c === MARK || c === DIGIT;
  };

  function width(cp) { return cp > 0xffff ? 2 : 1; }

  /* ---- tokens ---- */

  function normalise(chars, raw, cache) {
    var hit = cache.get(raw);
    if (hit) return hit;
    var count = 0, i;
    for (i = 0; i < raw.length; i += width(raw.codePointAt(i))) count++;
    var result;
    if (count > chars.maxToken) {
      result = [null, null, 0];
    } else {
      var kept = "", run = 0, letters = 0;
      for (i = 0; i < raw.length;) {
        var cp = raw.codePointAt(i), ch = String.fromCodePoint(cp), c = chars.cls(cp);
        i += width(cp);
        if (c === MARK) {
          run++;
          if (run > chars.maxMarks) continue;
        } else {
          run = 0;
          if (c === LETTER) letters++;
        }
        kept += Object.prototype.hasOwnProperty.call(chars.fold, ch) ? chars.fold[ch] : ch;
      }
      var cased = kept.normalize("NFC");
      result = [cased.toLowerCase(), cased, letters];
    }
    cache.set(raw, result);
    return result;
  }

  function tokenize(chars, text) {
    var t = { text: text, start: [], end: [], norm: [], cased: [], letters: [], sep: [], brk: [], sentence: [], question: [] };
    var cache = chars.cache;
    if (cache.size > 100000) cache.clear();
    var n = text.length, i = 0, gapStart = 0;
    function gap(from, to) {
      var sep = "", kept = 0, brk = false;
      for (var k = from; k < to;) {
        var cp = text.codePointAt(k), ch = String.fromCodePoint(cp);
        if (chars.breaks.indexOf(ch) !== -1) brk = true;
        if (chars.cls(cp) !== SPACE && kept < chars.maxSep) { sep += ch; kept++; }
        k += width(cp);
      }
      t.sep.push(sep);
      t.brk.push(brk);
    }
    while (i < n) {
      var cp = text.codePointAt(i);
      if (!chars.isWord(cp)) { i += width(cp); continue; }
      var start = i;
      i += width(cp);
      for (;;) {
        while (i < n && chars.isWord(text.codePointAt(i))) i += width(text.codePointAt(i));
        if (i < n && chars.joiners.indexOf(text[i]) !== -1 && i + 1 < n && chars.isWord(text.codePointAt(i + 1))) {
          i += 1;
          continue;
        }
        break;
      }
      gap(gapStart, start);
      var norm = normalise(chars, text.slice(start, i), cache);
      t.start.push(start); t.end.push(i);
      t.norm.push(norm[0]); t.cased.push(norm[1]); t.letters.push(norm[2]);
      gapStart = i;
    }
    gap(gapStart, n);
    var current = 0, words = t.norm.length;
    for (var k = 0; k < words; k++) {
      if (k && t.brk[k]) { t.question.push(t.sep[k].indexOf("?") !== -1); current++; }
      t.sentence.push(current);
    }
    t.question.push(t.sep[words].indexOf("?") !== -1);
    return t;
  }

  /* ---- patterns ---- */

  function digitPrefix(chars, token) {
    var i = 0;
    while (i < token.length && chars.cls(token.codePointAt(i)) === DIGIT) i += width(token.codePointAt(i));
    return i;
  }

  function Spec(item, lexicon, chars) {
    var words = new Set(item.a || []);
    (item.l || []).forEach(function (lemma) {
      (Object.prototype.hasOwnProperty.call(lexicon, lemma) ? lexicon[lemma].split(" ") : [lemma])
        .forEach(function (w) { words.add(w); });
    });
    this.words = words;
    this.prefixes = item.p || [];
    this.suffixes = item.s || [];
    this.numbers = item.n || [];
    this.optional = !!item.o;
    this.chars = chars;
  }

  Spec.prototype.test = function (token) {
    if (token === null) return false;
    if (this.words.has(token)) return true;
    var k;
    for (k = 0; k < this.prefixes.length; k++) if (token.startsWith(this.prefixes[k])) return true;
    for (k = 0; k < this.suffixes.length; k++) if (token.endsWith(this.suffixes[k])) return true;
    if (this.numbers.length) {
      var d = digitPrefix(this.chars, token);
      if (d > 0) {
        var rest = token.slice(d);
        for (k = 0; k < this.numbers.length; k++) {
          var tail = this.numbers[k][0];
          if (rest === tail || (this.numbers[k][1] && rest.startsWith(tail))) return true;
        }
      }
    }
    return false;
  };

  function Pattern(compiled, lexicon, chars) {
    var self = this;
    this.items = compiled.e.map(function (item) {
      if (item.t === "w") return ["w", new Spec(item, lexicon, chars)];
      if (item.t === "g") return ["g", item.n];
      return ["c", item.c];
    });
    this.question = !!compiled.q;
    this.branchy = this.items.some(function (it) { return it[0] === "g" || (it[0] === "w" && it[1].optional); });
    this.leading = [];
    for (var k = 0; k < this.items.length; k++) {
      if (self.items[k][0] !== "w") break;
      this.leading.push(self.items[k][1]);
      if (!self.items[k][1].optional) break;
    }
    // The required, literal-only words after the first one: if one set has no word in the
    // text, the pattern cannot match anywhere (engine.py filters the same way, more finely).
    var required = this.items.filter(function (it) { return it[0] === "w" && !it[1].optional; });
    this.needs = required.slice(1).map(function (it) { return it[1]; }).filter(function (s) {
      return !s.prefixes.length && !s.suffixes.length && !s.numbers.length;
    }).map(function (s) { return s.words; });
  }

  /* present: the text's words (a Map from each to its positions). */
  Pattern.prototype.possible = function (present) {
    return this.needs.every(function (words) {
      if (words.size <= present.size) {
        for (var w of words) if (present.has(w)) return true;
      } else {
        for (var v of present.keys()) if (words.has(v)) return true;
      }
      return false;
    });
  };

  /* The last word of the match starting at word i (the first one found, in the same order as
     engine.py: optional words tried before skipping them, gaps from the shortest), or -1. */
  Pattern.prototype.matchAt = function (t, i) {
    var items = this.items, count = items.length, n = t.norm.length, self = this;
    var seen = this.branchy ? new Set() : null;
    function go(k, j, crossed) {
      if (k === count) {
        if (j < i) return -1;
        if (self.question && !t.question[t.sentence[j]]) return -1;
        return j;
      }
      if (seen) {
        var state = (k * (n + 2) + (j + 1)) * 2 + (crossed ? 1 : 0);
        if (seen.has(state)) return -1;
        seen.add(state);
      }
      var kind = items[k][0], spec = items[k][1], end;
      if (kind === "w") {
        var w = j + 1;
        if (w < n && (w === i || !t.brk[w] || crossed) && spec.test(t.norm[w])) {
          end = go(k + 1, w, false);
          if (end >= 0) return end;
        }
        if (spec.optional) return go(k + 1, j, crossed);
        return -1;
      }
      if (kind === "c") {
        if (t.sep[j + 1].indexOf(spec) !== -1) return go(k + 1, j, true);
        return -1;
      }
      // a required word after the gap is tested here and consumed (the same test go() would
      // make first), so a gap costs one call per place where the match goes on
      var next = k + 1 < count && items[k + 1][0] === "w" && !items[k + 1][1].optional ? items[k + 1][1] : null;
      for (var size = 0; size <= spec; size++) {
        if (size) {
          var x = j + size;
          if (x >= n || (t.brk[x] && !(size === 1 && crossed) && x !== i)) break;
        }
        var after = size === 0 ? crossed : false;
        if (next) {
          var y = j + size + 1;
          if (!(y < n && (y === i || !t.brk[y] || after) && next.test(t.norm[y]))) continue;
          end = go(k + 2, y, false);
        } else {
          end = go(k + 1, j + size, after);
        }
        if (end >= 0) return end;
      }
      return -1;
    }
    return go(0, i - 1, false);
  };

  function Group(patterns, lexicon, chars) {
    var self = this;
    this.chars = chars;
    this.patterns = patterns.map(function (p) { return new Pattern(p, lexicon, chars); });
    this.byWord = new Map(); this.byPrefix = new Map(); this.bySuffix = new Map(); this.numeric = [];
    function add(map, key, number) {
      if (!map.has(key)) map.set(key, []);
      map.get(key).push(number);
    }
    this.patterns.forEach(function (pattern, number) {
      pattern.leading.forEach(function (spec) {
        spec.words.forEach(function (w) { add(self.byWord, w, number); });
        spec.prefixes.forEach(function (p) { add(self.byPrefix, p, number); });
        spec.suffixes.forEach(function (s) { add(self.bySuffix, s, number); });
        if (spec.numbers.length) self.numeric.push(number);
      });
    });
    function lengths(map) {
      var out = new Set();
      map.forEach(function (_, key) { out.add(key.length); });
      return Array.from(out).sort(function (a, b) { return a - b; });
    }
    this.prefixLengths = lengths(this.byPrefix);
    this.suffixLengths = lengths(this.bySuffix);
  }

  var EMPTY = [];

  Group.prototype.candidates = function (token) {
    if (token === null) return [];
    var found = this.byWord.get(token) || EMPTY, k, list;
    if (found.length <= 1 && !this.prefixLengths.length && !this.suffixLengths.length && !this.numeric.length) return found;
    found = found.slice();
    for (k = 0; k < this.prefixLengths.length; k++) {
      if (this.prefixLengths[k] <= token.length) {
        list = this.byPrefix.get(token.slice(0, this.prefixLengths[k]));
        if (list) found = found.concat(list);
      }
    }
    for (k = 0; k < this.suffixLengths.length; k++) {
      if (this.suffixLengths[k] <= token.length) {
        list = this.bySuffix.get(token.slice(token.length - this.suffixLengths[k]));
        if (list) found = found.concat(list);
      }
    }
    if (this.numeric.length && digitPrefix(this.chars, token) > 0) found = found.concat(this.numeric);
    if (found.length > 1) found = Array.from(new Set(found)).sort(function (a, b) { return a - b; });
    return found;
  };

  /* Each distinct word of the tokens and where it stands (the Context makes it once). */
  function positionsOf(norm) {
    var positions = new Map();
    norm.forEach(function (token, i) {
      if (token === null) return;
      var where = positions.get(token);
      if (where) where.push(i); else positions.set(token, [i]);
    });
    return positions;
  }

  /* Every [first word, last word] match, one per pattern and starting word, in order. The index
     is looked up once per distinct word (t.positions), as in engine.py. */
  Group.prototype.matches = function (t) {
    var self = this, starts = new Map(), out = [];
    t.positions.forEach(function (where, token) {
      var numbers = self.candidates(token);
      for (var k = 0; k < numbers.length; k++) {
        var list = starts.get(numbers[k]);
        if (!list) starts.set(numbers[k], list = []);
        for (var m = 0; m < where.length; m++) list.push(where[m]);
      }
    });
    starts.forEach(function (list, number) {
      var pattern = self.patterns[number];
      if (!pattern.possible(t.positions)) return;
      list.sort(function (a, b) { return a - b; });
      for (var k = 0; k < list.length; k++) {
        var end = pattern.matchAt(t, list[k]);
        if (end >= 0) out.push([list[k], end]);
      }
    });
    return out.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
  };

  Group.prototype.starts = function (t) {
    for (var k = 0; k < this.patterns.length; k++) {
      if (this.patterns[k].matchAt(t, 0) >= 0) return true;
    }
    return false;
  };

  /* ---- the compiled document, made ready once ---- */

  function Runtime(doc) {
    this.doc = doc;
    this.chars = new Chars(doc.text);
    this.groups = new Map();
    this.rules = {};
    var self = this;
    doc.rules.forEach(function (r) { self.rules[r.id] = r; });
  }

  Runtime.prototype.group = function (ruleId, group, lang) {
    var key = ruleId + "\u0000" + group + "\u0000" + lang;
    if (!this.groups.has(key)) {
      var patterns = ((this.rules[ruleId][group] || {})[lang]) || [];
      this.groups.set(key, new Group(patterns, this.doc.lexicon[lang] || {}, this.chars));
    }
    return this.groups.get(key);
  };

  var runtimes = new WeakMap();
  function runtime(doc) {
    if (!runtimes.has(doc)) runtimes.set(doc, new Runtime(doc));
    return runtimes.get(doc);
  }

  function situationOf(doc, situation) {
    var name = Object.prototype.hasOwnProperty.call(doc.aliases, situation) ? doc.aliases[situation] : situation;
    if (!Object.prototype.hasOwnProperty.call(doc.situations, name)) throw new Error("unknown situation " + situation);
    return name;
  }

  function limitOf(doc, situation, account) {
    var spec = doc.situations[situationOf(doc, situation)];
    if (account === "free" && spec.target !== undefined) return spec.target;
    return spec.hard === undefined ? null : spec.hard;
  }

  function stateOf(doc, situation, length) {
    var spec = doc.situations[situationOf(doc, situation)];
    if (spec.target !== undefined && length <= spec.target) return "free";
    if (spec.hard !== undefined && length > spec.hard) return "over";
    return spec.target !== undefined ? "premium" : "fits";
  }

  /* Length as LinkedIn's counters see it (site.js holds the one definition). */
  var utf16Length = window.guideCount.utf16Length;

  function merge(spans) {
    spans.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var out = [];
    spans.forEach(function (s) {
      if (out.length && s[0] <= out[out.length - 1][1]) out[out.length - 1][1] = Math.max(out[out.length - 1][1], s[1]);
      else out.push([s[0], s[1]]);
    });
    return out;
  }

  var OPENING_QUOTES = "«“„\"'‘‹", CLOSING_QUOTES = "»”“\"'’›", DISTANT_OPENING_QUOTES = "«“„\"‘‹", QUOTE_REACH = 12;

  /* A match written between quotation marks: the writer quotes those words, not says them. */
  function quoted(t, m) {
    function any(sep, set) {
      for (var k = 0; k < sep.length; k++) if (set.indexOf(sep[k]) !== -1) return true;
      return false;
    }
    /* The quotation opens right before the match or a few words before it in the same sentence
       (a plain apostrophe only right before), and closes soon after: bounded work per match. */
    var opened = false, k;
    for (k = m[0]; k >= Math.max(m[0] - QUOTE_REACH, 0); k--) {
      if (any(t.sep[k], k === m[0] ? OPENING_QUOTES : DISTANT_OPENING_QUOTES)) { opened = true; break; }
      if (t.brk[k]) return false;
    }
    if (!opened) return false;
    for (k = m[1] + 1; k < Math.min(m[1] + QUOTE_REACH + 1, t.sep.length); k++) if (any(t.sep[k], CLOSING_QUOTES)) return true;
    return false;
  }

  function dropOverlapping(found, against, n) {
    if (!against.length) return found;
    var marks = new Int32Array(n + 1), covered = new Int32Array(n + 1), depth = 0, total = 0, k;
    against.forEach(function (m) { marks[m[0]] += 1; marks[m[1] + 1] -= 1; });
    for (k = 0; k < n; k++) {
      depth += marks[k];
      total += depth > 0 ? 1 : 0;
      covered[k + 1] = total;
    }
    return found.filter(function (m) { return covered[m[1] + 1] - covered[m[0]] === 0; });
  }

  function Context(rt, text, lang) {
    this.rt = rt; this.text = text; this.lang = lang;
    this.t = tokenize(rt.chars, text);
    this.t.positions = positionsOf(this.t.norm);
    this.cache = new Map();
  }

  Context.prototype.matches = function (ruleId, group) {
    group = group || "patterns";
    var key = ruleId + "\u0000" + group;
    if (this.cache.has(key)) return this.cache.get(key);
    var found = this.rt.group(ruleId, group, this.lang).matches(this.t);
    if (found.length && group !== "except") {
      found = dropOverlapping(found, this.matches(ruleId, "except"), this.t.norm.length);
      var t = this.t;
      if (this.rt.rules[ruleId].skip_quoted) {
        // a quoted match goes, and so does every match overlapping it (the same quotation)
        var inside = found.filter(function (m) { return quoted(t, m); });
        found = dropOverlapping(found, inside, t.norm.length);
      }
    }
    this.cache.set(key, found);
    return found;
  };

  Context.prototype.spans = function (matches) {
    var t = this.t;
    return merge(matches.map(function (m) { return [t.start[m[0]], t.end[m[1]]]; }));
  };

  function lengthSpan(text, limit) {
    var count = 0, index = 0, size = text.length;
    while (index < size && count < limit) {
      var cp = text.codePointAt(index);
      if (cp === 13 && index + 1 < size && text.charCodeAt(index + 1) === 10) index += 1;
      count += width(cp);
      index += width(cp);
    }
    return [[index, size]];
  }

  var KINDS = {
    contains: function (rule, ctx) {
      var found = ctx.matches(rule.id);
      return found.length ? ctx.spans(found) : null;
    },
    missing: function (rule, ctx) {
      if (!ctx.t.norm.length) return null;
      var found = ctx.matches(rule.id);
      var unless = rule.unless_overlaps || [];
      (Array.isArray(unless) ? unless : [unless]).forEach(function (other) {
        found = dropOverlapping(found, ctx.matches(other), ctx.t.norm.length);
      });
      return found.length ? null : [];
    },
    starts: function (rule, ctx) {
      if (!ctx.t.norm.length) return null;
      if (ctx.rt.group(rule.id, "patterns", ctx.lang).starts(ctx.t)) return null;
      return [[ctx.t.start[0], ctx.t.end[0]]];
    },
    shouting: function (rule, ctx) {
      var t = ctx.t, text = ctx.text, caps = [];
      for (var k = 0; k < t.norm.length; k++) {
        var c = t.cased[k];
        var before = t.sep[k].slice(-1), after = t.sep[k + 1].slice(0, 1);
        if (t.letters[k] >= rule.caps_word_length && c && c === c.toUpperCase() && c !== c.toLowerCase() &&
            !(before && "[{<%_".indexOf(before) !== -1) && !(after && "]}>%_".indexOf(after) !== -1)) caps.push(k);
      }
      var count = text.split("!").length - 1;
      var loud = count > rule.max_exclamations || text.indexOf("!!") !== -1;
      if (!loud && caps.length <= rule.max_caps_words) return null;
      var spans = caps.length > rule.max_caps_words ? caps.map(function (k) { return [t.start[k], t.end[k]]; }) : [];
      if (loud) {
        for (var i = 0; i < text.length;) {
          if (text[i] === "!") {
            var j = i;
            while (j < text.length && text[j] === "!") j++;
            spans.push([i, j]);
            i = j;
          } else i++;
        }
      }
      return merge(spans);
    },
    "me-first": function (rule, ctx) {
      var t = ctx.t, n = t.norm.length, k;
      if (!n) return null;
      var skip = 0;
      if (rule.greeting_from && ctx.rt.group(rule.greeting_from, "patterns", ctx.lang).starts(t)) {
        skip = n;
        for (k = 1; k < n; k++) {
          if (t.brk[k] || /[,—–-]/.test(t.sep[k])) { skip = k; break; }
        }
      }
      var about = ctx.matches(rule.id, "you").filter(function (m) { return m[0] >= skip; }).map(function (m) { return m[0]; });
      if (rule.reasons_from) {
        about = about.concat(ctx.matches(rule.reasons_from).filter(function (m) { return m[0] >= skip; }).map(function (m) { return m[0]; }));
      }
      var firstAbout = about.length ? Math.min.apply(null, about) : n;
      var intros = ctx.matches(rule.id).filter(function (m) { return m[0] >= skip && m[0] < firstAbout; });
      if (!intros.length) return null;
      var intro = Math.min.apply(null, intros.map(function (m) { return m[0]; }));
      var last = firstAbout - 1;
      if (firstAbout === n) {
        /* Nothing about the reader: the stretch ends with the last sentence that introduces the writer. */
        var lastSentence = Math.max.apply(null, intros.map(function (m) { return t.sentence[m[0]]; }));
        while (last > intro && t.sentence[last] > lastSentence) last--;
      }
      var sentences;
      if (firstAbout < n) {
        sentences = t.sentence[firstAbout] - t.sentence[intro];
        var start = firstAbout;
        while (start > intro && t.sentence[start - 1] === t.sentence[firstAbout]) start--;
        var minWords = rule.min_words_before_you === undefined ? 6 : rule.min_words_before_you;
        if (firstAbout - start >= minWords && start > intro) sentences++;
      } else {
        sentences = t.sentence[last] - t.sentence[intro] + 1;
      }
      var chars = t.end[last] - t.start[intro];
      if (sentences >= rule.min_sentences || chars > rule.min_chars) return [[t.start[intro], t.end[last]]];
      return null;
    },
    "empty-comment": function (rule, ctx) {
      var t = ctx.t, n = t.norm.length, k;
      if (!n) {
        var chunks = nonSpaceChunks(ctx.rt.chars, ctx.text);
        return chunks.length ? [[chunks[0][0], chunks[chunks.length - 1][1]]] : null;
      }
      var stock = ctx.matches(rule.id);
      if (stock.length) {
        (rule.also_stock || []).forEach(function (other) { stock = stock.concat(ctx.matches(other)); });
      }
      var inside = new Uint8Array(n);
      stock.forEach(function (m) { for (var x = m[0]; x <= m[1]; x++) inside[x] = 1; });
      var fillers = ctx.rt.group(rule.id, "filler", ctx.lang).patterns.map(function (p) { return p.items[0][1]; });
      var content = 0;
      for (k = 0; k < n; k++) {
        if (inside[k] || t.norm[k] === null) continue;
        var token = t.norm[k];
        if (fillers.some(function (spec) { return spec.test(token); })) continue;
        content++;
      }
      // no stock praise, but not one word beyond filler either ("This.", "Me too")
      if (!stock.length) return content === 0 ? [[t.start[0], t.end[n - 1]]] : null;
      return content < rule.min_words ? ctx.spans(stock) : null;
    },
    link: function (rule, ctx) {
      var text = ctx.text, tlds = new Set(rule.tlds), spans = [];
      nonSpaceChunks(ctx.rt.chars, text).forEach(function (chunk) {
        var start = chunk[0], end = chunk[1];
        if (text.slice(start, end).indexOf(".") === -1) return;
        while (start < end && LEAD.indexOf(text[start]) !== -1) start++;
        while (end > start && TRAIL.indexOf(text[end - 1]) !== -1) end--;
        if (isLink(text.slice(start, end).toLowerCase(), tlds)) spans.push([start, end]);
      });
      return spans.length ? spans : null;
    },
    price: function (rule, ctx) { return price(rule, ctx.rt.chars, ctx.text); },
    "merge-field": function (rule, ctx) { return mergeFields(ctx.rt.chars, ctx.text); }
  };

  var LEAD = "([{\"'«“‘<¿¡*_";
  var TRAIL = ".,;:!?)]}\"'»”’>…*_";

  function nonSpaceChunks(chars, text) {
    var out = [], i = 0, n = text.length;
    while (i < n) {
      var cp = text.codePointAt(i);
      if (chars.cls(cp) === SPACE) { i += width(cp); continue; }
      var start = i;
      while (i < n && chars.cls(text.codePointAt(i)) !== SPACE) i += width(text.codePointAt(i));
      out.push([start, i]);
    }
    return out;
  }

  var HOST = "abcdefghijklmnopqrstuvwxyz0123456789-";
  function hostLabel(label) {
    if (!label || label[0] === "-" || label[label.length - 1] === "-") return false;
    for (var k = 0; k < label.length; k++) if (HOST.indexOf(label[k]) === -1) return false;
    return true;
  }

  function isLink(chunk, tlds) {
    var schemes = ["https://", "http://", "www."];
    for (var k = 0; k < schemes.length; k++) {
      if (chunk.startsWith(schemes[k]) && chunk.length > schemes[k].length) return true;
    }
    var at = chunk.lastIndexOf("@");
    if (at >= 0) chunk = chunk.slice(at + 1);
    var host = chunk;
    "/?#".split("").forEach(function (stop) {
      var cut = host.indexOf(stop);
      if (cut >= 0) host = host.slice(0, cut);
    });
    var labels = host.split(".");
    if (labels.length < 2 || !tlds.has(labels[labels.length - 1])) return false;
    return labels.every(hostLabel);
  }

  /* Code-point steps, as Python indexes strings. */
  function next(text, i) { return i + width(text.codePointAt(i)); }
  function prev(text, i) {
    var c = text.charCodeAt(i - 1);
    return (c >= 0xdc00 && c <= 0xdfff && i >= 2 && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff) ? i - 2 : i - 1;
  }
  function cpAt(text, i) { return text.codePointAt(i); }
  function cpBefore(text, i) { return text.codePointAt(prev(text, i)); }

  var NUMBER_SEPS = ".,'\u00a0\u202f";

  function numbers(chars, text) {
    var out = [], i = 0, n = text.length;
    while (i < n) {
      if (chars.cls(cpAt(text, i)) !== DIGIT) { i = next(text, i); continue; }
      var start = i;
      while (i < n && chars.cls(cpAt(text, i)) === DIGIT) i = next(text, i);
      while (i + 1 < n && NUMBER_SEPS.indexOf(text[i]) !== -1 && chars.cls(cpAt(text, i + 1)) === DIGIT) {
        i += 1;
        while (i < n && chars.cls(cpAt(text, i)) === DIGIT) i = next(text, i);
      }
      out.push([start, i]);
    }
    return out;
  }

  /* Whether one of `words` (letters, any case) follows `end`, after at most one space. */
  function wordAfter(chars, text, end, words) {
    var size = text.length, k = end, w, steps = 0;
    if (k < size && chars.cls(cpAt(text, k)) === SPACE) k = next(text, k);
    w = k;
    while (w < size && steps <= 10 && chars.cls(cpAt(text, w)) === LETTER) { w = next(text, w); steps++; }
    return w > k && words.has(text.slice(k, w).toLowerCase()) && (w >= size || !chars.isWord(cpAt(text, w)));
  }

  function price(rule, chars, text) {
    var size = text.length, symbols = rule.symbols, after = new Set(rule.currencies_after);
    var before = new Set(rule.currencies_before), spans = [];
    var magnitudes = new Set(rule.magnitudes || []);
    numbers(chars, text).forEach(function (num) {
      var start = num[0], end = num[1], hit = null, k = end, c, w, steps;
      if (k < size && chars.cls(cpAt(text, k)) === SPACE) k = next(text, k);
      if (k < size && symbols.indexOf(String.fromCodePoint(cpAt(text, k))) !== -1) {
        hit = [start, next(text, k)];
      } else if (k < size && text[k] === "%") {
        var rest = k + 1;
        steps = 0;
        while (rest < size && steps < 3 && chars.cls(cpAt(text, rest)) === SPACE) { rest = next(text, rest); steps++; }
        var windowText = "", x = rest;
        for (c = 0; c < 24 && x < size; c++) { windowText += String.fromCodePoint(cpAt(text, x)); x = next(text, x); }
        windowText = windowText.toLowerCase();
        for (c = 0; c < rule.percent_after.length; c++) {
          var phrase = rule.percent_after[c];
          if (windowText.startsWith(phrase)) {
            var a = rest + phrase.length;
            if (a >= size || !chars.isWord(cpAt(text, a))) { hit = [start, a]; break; }
          }
        }
      } else {
        w = k; steps = 0;
        while (w < size && steps <= 10 && chars.cls(cpAt(text, w)) === LETTER) { w = next(text, w); steps++; }
        if (w > k && after.has(text.slice(k, w).toLowerCase()) && (w >= size || !chars.isWord(cpAt(text, w)))) hit = [start, w];
      }
      if (hit === null) {
        k = start;
        if (k > 0 && chars.cls(cpBefore(text, k)) === SPACE) k = prev(text, k);
        if (k > 0 && symbols.indexOf(String.fromCodePoint(cpBefore(text, k))) !== -1) {
          hit = [prev(text, k), end];
        } else {
          w = k; steps = 0;
          while (w > 0 && steps <= 4 && chars.cls(cpBefore(text, w)) === LETTER) { w = prev(text, w); steps++; }
          if (w < k && before.has(text.slice(w, k).toLowerCase()) && (w === 0 || !chars.isWord(cpBefore(text, w)))) hit = [w, end];
        }
        // "$10M ARR", "€2 bn raised": an amount of money, not a price
        if (hit && wordAfter(chars, text, end, magnitudes)) hit = null;
      }
      if (hit) spans.push(hit);
    });
    return spans.length ? merge(spans) : null;
  }

  /* {{x}}, {x}, [x], <x> (x: a letter, then up to 39 letters, marks, digits, _, space or -)
     and %X% (no space or -), tried in that order at each position, as engine.py's regex. */
  function mergeFields(chars, text) {
    var out = [], i = 0, n = text.length;
    function body(from, close, loose) {
      if (from >= n || chars.cls(cpAt(text, from)) !== LETTER) return -1;
      var j = next(text, from), count = 0;
      while (j < n && count < 39) {
        var cp = cpAt(text, j), c = chars.cls(cp);
        var ok = c === LETTER || c === MARK || c === DIGIT || cp === 95 || (loose && (cp === 32 || cp === 45));
        if (!ok) break;
        j = next(text, j); count++;
      }
      return text.startsWith(close, j) ? j + close.length : -1;
    }
    while (i < n) {
      var ch = text[i], end = -1;
      if (ch === "{" && text[i + 1] === "{") end = body(i + 2, "}}", true);
      if (end < 0 && ch === "{") end = body(i + 1, "}", true);
      if (end < 0 && ch === "[") end = body(i + 1, "]", true);
      if (end < 0 && ch === "<") end = body(i + 1, ">", true);
      if (end < 0 && ch === "%") end = body(i + 1, "%", false);
      if (end >= 0) { out.push([i, end]); i = end; } else i = next(text, i);
    }
    if (text.indexOf("`") !== -1) {
      // inside `code` a {placeholder} is code (an f-string, a template), not an unfilled gap
      var ticks = [], k, before = 0;
      for (k = 0; k < n; k++) if (text[k] === "`") ticks.push(k);
      out = out.filter(function (m) {  // matches come in order: one walk over the backticks
        while (before < ticks.length && ticks[before] < m[0]) before++;
        return !(before % 2 === 1 && before < ticks.length);
      });
    }
    return out.length ? out : null;
  }

  /* Length, limit, state and findings (rule, severity, spans, message, link) for one draft. */
  function check(doc, text, lang, situation, account, uiLang) {
    var rt = runtime(doc);
    situation = situationOf(doc, situation);
    var length = utf16Length(text);
    var limit = limitOf(doc, situation, account);
    var ctx = new Context(rt, text, lang);
    var findings = [];
    doc.rules.forEach(function (rule) {
      if (rule.situations.indexOf(situation) === -1) return;
      var spans = rule.kind === "length" ? (limit !== null && length > limit ? lengthSpan(text, limit) : null)
        : KINDS[rule.kind](rule, ctx);
      if (spans !== null) {
        findings.push({ rule: rule.id, severity: rule.severity, spans: spans,
          message: rule.message[uiLang || lang], link: rule.link });
      }
    });
    return { length: length, limit: limit, state: stateOf(doc, situation, length), findings: findings };
  }

  /* ---- the page ---- */

  /* The compiled rules are a script of their own beside this one (checker-rules.<key>.js, named
     by their content, so a browser keeps them until they change): the page itself stays small. */
  var here = document.currentScript ? document.currentScript.src : "";

  function withRules(data, done, failed) {
    if (window.guideCheckerDocument) { done(window.guideCheckerDocument); return; }
    var script = document.querySelector("script[data-guide-rules]");
    if (!script) {
      script = document.createElement("script");
      script.src = here.replace(/[^\/]*$/, data.rules);
      script.setAttribute("data-guide-rules", "");
      document.head.appendChild(script);
    }
    script.addEventListener("load", function () {
      if (window.guideCheckerDocument) done(window.guideCheckerDocument); else failed();
    });
    script.addEventListener("error", failed);
  }

  function readData() {
    var node = document.getElementById("guide-checker-data");
    return node ? JSON.parse(node.textContent) : null;
  }

  function enhance(form, data) {
    if (form.getAttribute("data-enhanced")) return;
    form.setAttribute("data-enhanced", "true");
    form.hidden = false;
    var doc = null, words = data.words, uiLang = data.lang;  /* doc: once the rules have loaded */
    var draft = form.querySelector("textarea");
    var count = form.querySelector(".guide-checker__count");
    var list = form.querySelector(".guide-checker__findings");
    var mirror = form.querySelector(".guide-checker__mirror");
    var mirrorBox = form.querySelector(".guide-checker__mirror-box");
    var summary = form.querySelector(".guide-checker__summary");
    var situationSelect = form.querySelector("select[name=situation]");
    var langSelect = form.querySelector("select[name=lang]");
    var about = form.querySelector(".guide-checker__about");
    var pending = false, announce = null, unavailable = false;  /* unavailable: the rules failed to load */

    function item(text) {
      var li = document.createElement("li");
      li.textContent = text;
      return li;
    }

    function quote(text, spans) {
      var parts = spans.slice(0, 5).map(function (s) {
        var q = text.slice(s[0], s[1]);
        return q.length > 60 ? q.slice(0, 57) + "…" : q;
      });
      return parts.join(words.quote_separator);
    }

    function paintMirror(text, findings) {
      mirror.textContent = "";
      var marks = [];
      findings.forEach(function (f, index) {
        f.spans.forEach(function (s) { if (s[1] > s[0]) marks.push([s[0], s[1], index + 1, f.severity]); });
      });
      marks.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
      var at = 0, frag = document.createDocumentFragment();
      marks.forEach(function (m) {
        if (m[0] < at) return; /* overlapping evidence: the first mark wins in the mirror */
        if (m[0] > at) frag.appendChild(document.createTextNode(text.slice(at, m[0])));
        var mark = document.createElement("mark");
        mark.setAttribute("data-severity", m[3]);
        mark.textContent = text.slice(m[0], m[1]);
        frag.appendChild(mark);
        var sup = document.createElement("sup");
        sup.textContent = String(m[2]);
        frag.appendChild(sup);
        at = m[1];
      });
      if (at < text.length) frag.appendChild(document.createTextNode(text.slice(at)));
      mirror.appendChild(frag);
      mirrorBox.hidden = marks.length === 0;
    }

    /* Until the rules are here, a draft in the box is told they are coming (or that they could not
       come), never "type something". */
    function waiting() {
      var text = unavailable ? words.load_failed : draft.value.trim() ? words.loading : words.empty;
      if (list.textContent === text) return;
      list.textContent = "";
      list.appendChild(item(text));
      if (unavailable) schedule_announce(text);
    }

    function update() {
      pending = false;
      if (!doc) { waiting(); return; }
      var situation = situationSelect.value;
      var account = form.querySelector("input[name=account]:checked").value;
      var lang = langSelect.value;
      about.textContent = words["about_" + situation];
      var text = draft.value;
      var result = check(doc, text, lang, situation, account, uiLang);
      var template = result.limit === null ? words.count_nolimit : words.count;
      count.textContent = template.replace("{n}", window.guideNumber(result.length, uiLang)).replace("{limit}", window.guideNumber(result.limit, uiLang)) +
        (text ? " · " + words["state_" + result.state] : "");
      count.setAttribute("data-state", text ? result.state : "empty");
      list.textContent = "";
      if (!text.trim()) {
        list.appendChild(item(words.empty));
        paintMirror("", []);
        schedule_announce("");
        return;
      }
      if (!result.findings.length) list.appendChild(item(words.none));
      result.findings.forEach(function (f, index) {
        var li = item("");
        li.setAttribute("data-rule", f.rule);
        li.setAttribute("data-severity", f.severity);
        var label = document.createElement("strong");
        label.textContent = (index + 1) + ". " + words[f.severity] + ": ";
        li.appendChild(label);
        li.appendChild(document.createTextNode(f.message + " "));
        if (f.spans.length && f.spans.some(function (s) { return s[1] > s[0]; })) {
          var q = document.createElement("q");
          q.className = "guide-checker__quote";
          q.textContent = quote(text, f.spans);
          li.appendChild(document.createTextNode(words.quoted + " "));
          li.appendChild(q);
          li.appendChild(document.createTextNode(" "));
        }
        var link = document.createElement("a");
        link.href = "../" + f.link;
        link.textContent = words.more;
        li.appendChild(link);
        list.appendChild(li);
      });
      paintMirror(text, result.findings);
      var errors = result.findings.filter(function (f) { return f.severity === "error"; }).length;
      schedule_announce(result.findings.length ? (errors ? words.summary : words.summary_no_errors)
        .replace("{findings}", plural("finding", result.findings.length)).replace("{errors}", plural("error", errors))
        : words.none);
    }

    function plural(key, n) {
      return window.guidePlural((data.plurals || {})[key] || {}, n, uiLang);
    }

    /* The live region speaks only once typing has paused. */
    function schedule_announce(message) {
      if (announce) window.clearTimeout(announce);
      announce = window.setTimeout(function () { summary.textContent = message; }, 800);
    }

    function schedule() {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(update);
    }

    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    /* The rules (a large script) load when the reader first reaches for the form, not with the
       page: a phone that only reads the page never parses them. A draft already in the box (the
       browser restores it on going back) loads them at once. */
    var wanted = false;
    function want() {
      if (wanted) return;
      wanted = true;
      ["focusin", "pointerdown", "input"].forEach(function (type) { form.removeEventListener(type, want); });
      withRules(data, function (rules) { doc = rules; update(); }, function () { unavailable = true; update(); });
    }
    ["focusin", "pointerdown", "input"].forEach(function (type) { form.addEventListener(type, want); });
    if (draft.value) want();
  }

  window.guideChecker = {
    check: check, tokenize: function (doc, text) { return tokenize(runtime(doc).chars, text); },
    utf16Length: utf16Length
  };

  function init() {
    var data = readData();
    if (!data) return;
    document.querySelectorAll("[data-guide-checker]").forEach(function (form) { enhance(form, data); });
  }

  window.guideMount(init);
})();
