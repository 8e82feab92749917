"""Markers in Markdown pages, such as `<!-- guide:antipatterns -->`, replaced by Jinja partials."""

from __future__ import annotations

import hashlib
import re

from ..model.catalog import Catalog
from ..model.figures import words
from ..model.text_dates import long_date
from .views import antipattern_view, number, related, template_view

# <!-- guide:figure <id> -->, <!-- guide:fact <id> -->; an entry's own page holds
# <!-- guide:template <id> --> or <!-- guide:antipattern <id> --> (see render/entry_pages.py).
TAKES_ID = ("figure", "fact", "template", "antipattern")
MARKER = re.compile(r"<!--\s*guide:([a-z-]+)(?:\s+([a-z0-9-]+))?\s*-->")


RAW = re.compile(r"<!--guide-raw:([0-9a-f]{16})-->")
ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
ANCHOR_ID = re.compile(r'<[a-z][a-z0-9]*\s[^>]*?\bid="([^"]+)"')


class RawBlocks(dict):
    """Finished HTML kept out of Markdown's way: each card (<article>) of a partial's HTML
    becomes a comment that Markdown passes through untouched, and the page's HTML gets it back
    afterwards (restore).

    Markdown would only stash that HTML as it is, after tokenising every tag of it: with a card
    per template on the overviews and a page per entry, that was most of a large build. A card's
    title is a heading with an id, written by the partial with its own link to the entry's page:
    it names a search section (Material reads sections from the finished HTML) and is a link
    target (`ids` hands its anchors to MkDocs' link validation), but it is not in the page's
    table of contents, which lists the overview's sections. With thousands of cards a contents
    entry per card made the contents as long as the page, and Material's search looks each
    section up in the contents: that lookup grew with the square of the cards. A partial kept
    this way stands on its own lines, outside any indented block."""

    def keep(self, html: str) -> str:
        return ARTICLE.sub(lambda m: self._stash(m.group(0)), html)

    def _stash(self, html: str) -> str:
        key = hashlib.sha1(html.encode("utf-8")).hexdigest()[:16]
        self[key] = html
        return f"<!--guide-raw:{key}-->"

    def restore(self, html: str) -> str:
        return RAW.sub(lambda m: self[m.group(1)], html) if "<!--guide-raw:" in html else html

    def ids(self, html: str) -> set[str]:
        """The anchors inside the kept HTML a page holds (before `restore`)."""
        return {anchor for key in RAW.findall(html) for anchor in ANCHOR_ID.findall(self[key])}


def _as_is(html: str) -> str:
    return html


def render_markers(markdown: str, lang: str, catalog: Catalog, env, lesson: str | None = None,
                   rendered: dict | None = None, raw: RawBlocks | None = None) -> str:
    """Replace every marker; an unknown one is an author's typo and raises ValueError.

    `rendered` keeps what each (language, marker, lesson) gave: a marker already rendered (by
    the build's rehearsal) is not rendered again. With `raw`, the HTML partials' output is kept
    there and the Markdown holds its placeholder (see RawBlocks): the card partials (the two
    overviews and each entry's page) are the ones that hold cards."""
    keep = raw.keep if raw is not None else _as_is
    renderers = {
        "antipatterns": lambda: keep(_render_antipatterns(catalog, lang, env)),
        "templates": lambda: keep(_render_templates(catalog, lang, env)),
        "related": lambda: _render_related(catalog, lang, env, lesson),
        "checker": lambda: _render_checker(catalog, lang, env),
        "translation-status": lambda: _render_status(catalog, lang, env),
        "limits": lambda: _render_limits(catalog, lang, env),
        "articles": lambda: _render_articles(catalog, lang, env),
        "fact": lambda arg: fact(catalog, arg, lang),
        "template": lambda arg: _render_entry(catalog, lang, env, "template", arg, keep),
        "antipattern": lambda arg: _render_entry(catalog, lang, env, "antipattern", arg, keep),
        "figure": lambda arg: render_figure(catalog.figures, arg, lang, env),
        "course": lambda: _render_course(catalog, lang, env),
        "exercises": lambda: _render_exercises(catalog, lang, env, lesson),
    }

    def replace(match):
        name, argument = match.group(1), match.group(2)
        if name not in renderers:
            raise ValueError(f"unknown marker <!-- guide:{name} -->: use one of {sorted(renderers)}")
        if (name in TAKES_ID) != (argument is not None):
            raise ValueError(f"marker <!-- guide:{name} {argument or ''} --> : only {' and '.join(TAKES_ID)} take an id")
        return renderers[name](argument) if argument else renderers[name]()

    if rendered is None:
        return MARKER.sub(replace, markdown)

    def remembered(match):
        key = (lang, match.group(0), lesson)
        if key not in rendered:
            rendered[key] = replace(match)
        return rendered[key]

    return MARKER.sub(remembered, markdown)


def _labels(catalog: Catalog, lang: str) -> dict[str, str]:
    return {key: words[lang] for key, words in catalog.ui["labels"].items()}


def _render_antipatterns(catalog: Catalog, lang: str, env) -> str:
    entries = [antipattern_view(catalog, e, lang) for e in sorted(catalog.antipatterns.values(), key=lambda e: e["id"])]
    stages = [{"id": key, "name": words[lang], "entries": [e for e in entries if e["stage"] == key]}
              for key, words in catalog.ui["stages"].items()]
    return env.get_template("partials/guide/antipatterns.html").render(
        stages=[s for s in stages if s["entries"]], t=_labels(catalog, lang),
        status=_filter_status(catalog, lang, "antipatterns"))


def _render_templates(catalog: Catalog, lang: str, env) -> str:
    entries = [template_view(catalog, e, lang) for e in sorted(catalog.templates.values(), key=lambda e: e["id"])]
    situations = [{"id": key, "name": words[lang], "entries": [e for e in entries if e["situation"] == key]}
                  for key, words in catalog.ui["situations"].items()]
    channels = [{"id": key, "name": words[lang]} for key, words in catalog.ui["channels"].items()
                if any(e["channel"] == key for e in entries)]
    return env.get_template("partials/guide/templates.html").render(
        situations=[s for s in situations if s["entries"]], channels=channels, t=_labels(catalog, lang),
        card=_card_words(catalog, lang), status=_filter_status(catalog, lang, "templates"))


def _card_words(catalog: Catalog, lang: str) -> dict:
    """What card.js reads: the card's words and the checker's."""
    return {"words": {key: value[lang] for key, value in catalog.ui["card"].items()},
            "checker": {key: value[lang] for key, value in catalog.ui["checker"].items()}}


def _filter_status(catalog: Catalog, lang: str, kind: str) -> dict:
    """A filter bar's words: the count in the language's plural forms, the empty state, the reset."""
    labels = catalog.ui["labels"]
    return {"lang": lang, "plural": catalog.ui["plurals"][f"{kind}_shown"][lang],
            "empty": labels[f"filter_empty_{kind}"][lang], "reset": labels["filter_reset"][lang]}


NEIGHBOURS = 6  # an entry's page names at most this many others of its situation or stage


def neighbours(group: list[str], entry_id: str, limit: int = NEIGHBOURS) -> list[str]:
    """The entries after this one in its sorted group, wrapping round, at most `limit`: every entry
    is named by some neighbour's page, and each page stays the same size however many there are."""
    at = group.index(entry_id)
    others = group[at + 1:] + group[:at]
    return others[:limit]


def _render_entry(catalog: Catalog, lang: str, env, kind: str, entry_id: str, keep=_as_is) -> str:
    """One entry's own page: its card and its neighbours (the lesson, the entries it names,
    a few others of its situation or stage)."""
    if kind == "template":
        if entry_id not in catalog.templates:
            raise ValueError(f"unknown template '{entry_id}': use a file name of data/templates/")
        entry = template_view(catalog, catalog.templates[entry_id], lang)
        group = catalog.entry_groups["template"][entry["situation"]]
        names = {i: catalog.templates[i]["title"][lang] for i in neighbours(group, entry_id)}
    else:
        if entry_id not in catalog.antipatterns:
            raise ValueError(f"unknown anti-pattern '{entry_id}': use a file name of data/antipatterns/")
        entry = antipattern_view(catalog, catalog.antipatterns[entry_id], lang)
        group = catalog.entry_groups["antipattern"][entry["stage"]]
        names = {i: catalog.antipatterns[i]["name"][lang] for i in neighbours(group, entry_id)}
    return env.get_template("partials/guide/entry.md").render(
        kind=kind, e=entry, t=_labels(catalog, lang), card=_card_words(catalog, lang), keep=keep,
        neighbours=[{"id": i, "name": name} for i, name in names.items()])


def _render_related(catalog: Catalog, lang: str, env, lesson: str | None) -> str:
    if lesson is None:
        raise ValueError("<!-- guide:related --> belongs in a lesson")
    return env.get_template("partials/guide/related.md").render(related=related(catalog, lesson, lang),
                                                                  t=_labels(catalog, lang))


def _render_checker(catalog: Catalog, lang: str, env) -> str:
    from ..checker import compiled
    from ..model.languages import ROOT

    document = compiled(getattr(catalog, "root", None) or ROOT)
    words = {key: value[lang] for key, value in catalog.ui["checker"].items()}
    situations = [{"id": s, "name": words[f"situation_{s}"], "about": words[f"about_{s}"]}
                  for s in document["situations"]]
    names = {s["id"]: s["name"] for s in situations}
    accounts = [{"id": a, "name": names_[lang]} for a, names_ in document["accounts"].items()]
    languages = [{"id": code, "name": catalog.language_names.get(code, code), "selected": code == lang}
                 for code in document["languages"]]
    rules = [{"id": r["id"], "severity": r["severity"], "message": r["message"][lang], "link": "../" + r["link"],
              "where": ", ".join(names[s] for s in r["situations"])} for r in document["rules"]]
    plurals = {key: forms[lang] for key, forms in catalog.ui["plurals"].items()}
    # The rules themselves are a script of their own beside checker.js (see rules_script()).
    data = {"lang": lang, "rules": rules_script_name(getattr(catalog, "root", None) or ROOT), "words": words,
            "plurals": plurals}
    # What checker.js shows for an empty draft with the first situation and account, written
    # in the page already so that nothing moves when the script takes over.
    first = document["situations"][situations[0]["id"]]
    limit = first.get("target") if accounts[0]["id"] == "free" and "target" in first else first.get("hard")
    empty_count = (words["count"] if limit is not None else words["count_nolimit"]).replace("{n}", "0").replace(
        "{limit}", number(limit, lang) or "")
    return env.get_template("partials/guide/checker.html").render(
        c=words, situations=situations, accounts=accounts, languages=languages, rules=rules, data=data,
        empty_count=empty_count)


def rules_script_name(root) -> str:
    """The file name of the checker rules' script, named by the rules' content (so browsers keep
    it until it changes): cheap, the content key only."""
    from ..checker.compile import compiled_key

    return f"checker-rules.{compiled_key(root)[:12]}.js"


def rules_script(root) -> tuple[str, str]:
    """The compiled checker rules as a script checker.js loads: (its file name, its text)."""
    import json

    from ..checker.compile import compiled

    return rules_script_name(root), "window.guideCheckerDocument=" + json.dumps(
        compiled(root), ensure_ascii=False, separators=(",", ":")) + ";\n"


def _render_status(catalog: Catalog, lang: str, env) -> str:
    from ..model.freshness import Status

    kinds = ["lesson", "template", "antipattern"]
    rows = []
    for code, by_kind in catalog.freshness.items():
        status = {kind: by_kind.get(kind, Status()) for kind in kinds}
        rows.append({"code": code, "name": catalog.language_names.get(code, code), "status": status,
                     "outdated": any(s.outdated for s in status.values()),
                     "unstamped": any(s.unstamped for s in status.values())})
    words = {key: value[lang] for key, value in catalog.ui["status"].items()}
    return env.get_template("partials/guide/translation-status.md").render(rows=rows, kinds=kinds, s=words)


def outdated_notice(catalog: Catalog, lang: str) -> str:
    """A Markdown admonition telling readers that this translation lags behind."""
    words = catalog.ui["status"]
    return f'!!! warning "{words["outdated_title"][lang]}"\n    {words["outdated_notice"][lang]}\n\n'


def _limit_words(catalog: Catalog, lang: str) -> dict[str, str]:
    return {key: value[lang] for key, value in catalog.ui["limits"].items()}


def _facts(catalog: Catalog):
    if catalog.facts is None:
        raise ValueError("no data/limits.yml facts were loaded")
    return catalog.facts


def _used(figure, lang: str, w: dict[str, str]) -> str:
    """The figure the guide uses, as the sources table shows it."""
    if not figure.published:
        return w["not_published"]
    if figure.section == "allowances":
        if figure.disagree:
            spread = w["range"].replace("{low}", number(figure.low, lang)).replace("{high}", number(figure.high, lang))
            return f'{spread}; {w["plan"].replace("{n}", number(figure.value, lang))}'
        return number(figure.value, lang) if figure.value is not None else w["none"]
    if figure.value is None:
        return w["none"]
    if figure.target is not None:
        return (f'{number(figure.value, lang)} {w["characters"]} ({w["premium"]}) · '
                f'{number(figure.target, lang)} ({w["free"]})')
    return f'{number(figure.value, lang)} {w["characters"]}'


def _source_view(source, facts, lang: str, w: dict[str, str]) -> dict:
    """One source in the page's language: its title (an article's from data/articles.yml), link and figure."""
    if source.article is not None:
        article = facts.articles[source.article]
        title = w["article"].replace("{id}", article.id).replace("{blog}", w[f"blog_{article.language}"])
        url = "#articles"
    else:
        title, url = source.title[lang], source.url
    states = None
    if source.states is not None:
        states = number(source.states, lang)
        if source.states_target is not None:
            states += f' ({w["premium"]}) · {number(source.states_target, lang)} ({w["free"]})'
    return {"title": title, "url": url, "states": states, "recorded": long_date(source.recorded, lang),
            "updated": source.updated and long_date(source.updated, lang),
            "confidence": w["confidence_" + source.confidence], "note": source.note.get(lang)}


def _render_limits(catalog: Catalog, lang: str, env) -> str:
    """Every figure of data/limits.yml: the one the guide uses, its sources in the page's language
    with their dates and confidence, where LinkedIn's pages disagree and what it does not publish."""
    facts = _facts(catalog)
    w = _limit_words(catalog, lang)
    rows = [{"id": f.id, "what": w[f.id], "used": _used(f, lang, w), "confidence": w["confidence_" + f.confidence],
             "sources": [_source_view(s, facts, lang, w) for s in f.sources], "why": f.why.get(lang),
             "disagree": f.published and f.disagree, "published": f.published}
            for f in facts.figures.values()]
    return env.get_template("partials/guide/limits.md").render(rows=rows, w=w)


def _render_articles(catalog: Catalog, lang: str, env) -> str:
    """The practitioners' articles of data/articles.yml: what our copy gives about each one and what we took."""
    facts = _facts(catalog)
    w = _limit_words(catalog, lang)
    articles = [{"id": a.id, "blog": w[f"blog_{a.language}"], "topic": a.topic[lang], "took": a.took[lang],
                 "author_about": a.author_about.get(lang), "title": a.title, "author": a.author, "site": a.site,
                 "url": a.url, "published": a.published} for a in facts.articles.values()]
    return env.get_template("partials/guide/articles.md").render(
        articles=articles, w=w, unnamed=all(not a["title"] for a in articles))


def fact(catalog: Catalog, spec: str, lang: str) -> str:
    """One figure of data/limits.yml, written as the language writes numbers: `<id>` is the figure
    the guide uses, `<id>-free` the free account's, `<id>-range` the spread its sources state
    (the figure itself when they agree), `<id>-reported` what a source says of an unpublished one."""
    facts = _facts(catalog)
    figures = facts.figures
    for suffix in ("", "-free", "-range", "-reported"):
        fid = spec[: len(spec) - len(suffix)] if suffix else spec
        if not spec.endswith(suffix) or fid not in figures:
            continue
        figure = figures[fid]
        if suffix == "" and figure.published and figure.value is not None:
            return number(figure.value, lang)
        if suffix == "-free" and figure.target is not None:
            return number(figure.target, lang)
        if suffix == "-range" and figure.published and figure.low is not None:
            if figure.low == figure.high:
                return number(figure.low, lang)
            return _limit_words(catalog, lang)["range"].replace("{low}", number(figure.low, lang)).replace(
                "{high}", number(figure.high, lang))
        if suffix == "-reported" and not figure.published and len(set(figure.stated())) == 1:
            return number(figure.stated()[0], lang)
        raise ValueError(f"<!-- guide:fact {spec} --> has no figure to show: '{fid}' in data/limits.yml is "
                         + ("not published by LinkedIn (use -reported)" if not figure.published
                            else "published (use the id alone, -free or -range)"))
    raise ValueError(f"unknown fact '{spec}': use a figure of data/limits.yml ({', '.join(figures)}), "
                     "optionally with -free, -range or -reported")


def _course_words(catalog: Catalog, lang: str) -> dict[str, str]:
    return {key: value[lang] for key, value in catalog.ui["course"].items()}


def _render_course(catalog: Catalog, lang: str, env) -> str:
    """The course page's ordered list of lessons, with descriptions, reading times and a slot
    that progress.js fills from what this browser remembers."""
    return env.get_template("partials/guide/course.html").render(
        lessons=catalog.lessons[lang], w=_course_words(catalog, lang))


def lesson_header(catalog: Catalog, lang: str, lesson: str) -> str:
    """'Lesson n of N · m min read' and the done button, placed under a lesson's title."""
    from markupsafe import escape

    w = _course_words(catalog, lang)
    lessons = catalog.lessons[lang]
    number = next(i for i, item in enumerate(lessons, 1) if item["id"] == lesson)
    position = w["lesson_of"].replace("{n}", str(number)).replace("{total}", str(len(lessons)))
    minutes = w["minutes"].replace("{n}", str(lessons[number - 1]["minutes"]))
    return (f'<p class="guide-lesson-meta"><span>{escape(position)}</span> · <span>{escape(minutes)}</span></p>\n'
            f'<p class="guide-lesson-done guide-js-only"><button type="button" class="md-button" '
            f'data-guide-done="{escape(lesson)}" aria-pressed="false">{escape(w["mark_done"])}</button></p>\n\n')


def render_figure(figures: dict[str, dict], fid: str, lang: str, env) -> str:
    """The figure as one raw-HTML block (no blank lines, so Markdown leaves it whole)."""
    if fid not in figures:
        raise ValueError(f"unknown figure '{fid}': use one of {sorted(figures)} (data/figures.yml)")
    html = env.get_template(f"partials/figures/{fid}.svg").render(t=words(figures[fid], lang))
    return "\n".join(line for line in html.splitlines() if line.strip()) + "\n"


def _render_exercises(catalog: Catalog, lang: str, env, lesson: str | None) -> str:
    """A lesson's exercises: spot the mistake, fix it, check yourself; answers in <details>."""
    from ..model.exercises import exercise_view

    if lesson is None or lesson not in catalog.exercises:
        raise ValueError("<!-- guide:exercises --> belongs in a lesson that data/exercises.yml covers")
    words = {key: value[lang] for key, value in catalog.ui["exercises"].items()}
    return env.get_template("partials/guide/exercises.html").render(x=exercise_view(catalog.exercises[lesson], lang),
                                                                    w=words)
