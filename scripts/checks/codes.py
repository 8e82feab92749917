"""Every problem code: its severity and what it means, in one place.

CONTRIBUTING.md's table is tested against this registry, and `python -m scripts explain CODE`
prints an entry. One code means one rule; a new rule gets a new code.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Code:
    code: str
    severity: str
    summary: str  # what is wrong, in a few words
    fix: str  # how to fix it


def _codes(*rows: tuple[str, str, str, str]) -> dict[str, Code]:
    return {code: Code(code, severity, summary, fix) for code, severity, summary, fix in rows}


CODES = _codes(
    ("P001", ERROR, "a page is missing in a language", "add the page in every language, or remove it everywhere"),
    ("P002", ERROR, "a page's front matter is not valid YAML", "quote values that contain ': ' or ' #'"),
    ("P003", ERROR, "a page is not readable: not UTF-8, a byte-order mark, or too large",
     "save it as UTF-8 without BOM; split a huge page"),
    ("U001", ERROR, "an invisible or bidirectional control character in contributed text",
     "delete it (zero-width spaces and bidi controls hide words from readers and checks)"),
    ("K001", ERROR, "a link in a page points at a page that does not exist",
     "link to an existing .md file of the same language, relative to the page"),
    ("K002", ERROR, "a link in a page points at an anchor that does not exist",
     "use an explicit heading id ({ #id }) that exists in the target page"),
    ("L001", ERROR, "a lesson's front matter lacks a field or has the wrong type",
     "add id, order, reading_time, sources and description with the right types"),
    ("L002", ERROR, "a lesson's id differs from its file name", "set `id:` to the file name"),
    ("L003", ERROR, "a lesson's sections are not the six in order", "use the section ids in the expected order"),
    ("L004", ERROR, "a counted section has too few or too many list items", "write a number of items within the range"),
    ("L005", ERROR, "a translated lesson's id, order or sources differ from the Spanish lesson",
     "make them equal to the Spanish lesson's"),
    ("L006", ERROR, "a lesson heading has no explicit id", "add `{ #some-id }` so links survive translation"),
    ("L007", ERROR, "a section is titled differently from the other lessons of its language",
     "use the most common title of that section"),
    ("L008", ERROR, "a lesson names a source that is not a seed article", "use seed numbers such as '001'"),
    ("L009", ERROR, "a lesson's description is too long for search results", "shorten it"),
    ("L010", ERROR, "a translated lesson's section has a different number of items than the Spanish one",
     "keep the same number of items in every language"),
    ("L011", ERROR, "two lessons share an order number", "give each lesson its own order"),
    ("O001", ERROR, "eight consecutive words copied from a source article", "say it in your own words"),
    ("D001", ERROR, "a data file is not readable YAML (syntax, encoding, duplicate key, tag, alias, size)",
     "fix the file at the line given"),
    ("D002", ERROR, "a data file does not match its schema (field, type or value)",
     "follow data/schemas/<kind>.schema.json"),
    ("D003", ERROR, "an entry's id differs from its file name", "set `id:` to the file name or rename the file"),
    ("D004", ERROR, "a reference to a lesson, template or anti-pattern that does not exist", "use an existing id"),
    ("D005", ERROR, "a text is missing in a language", "add the language's text"),
    ("D006", ERROR, "a scaffold's TODO is left", "write the text"),
    ("D007", ERROR, "a data file ends in .yaml, which the build does not read", "rename it to .yml"),
    ("D008", ERROR, "a data file has no schema", "add data/schemas/<name>.schema.json or move the file"),
    ("T001", ERROR, "a template's languages or registers use different placeholders",
     "use the same placeholders in every language and register"),
    ("T002", ERROR, "a template uses a placeholder it does not declare",
     "declare it under `placeholders:` (lowercase) or fix the spelling"),
    ("T003", ERROR, "a template is over LinkedIn's limit at worst", "shorten it or lower a placeholder maximum"),
    ("T004", WARNING, "a template is over the free-account target at worst", "shorten it, or accept that it needs Premium"),
    ("T005", ERROR, "a text contains HTML or script markup", "write plain text"),
    ("T006", ERROR, "an invitation note contains a link", "remove the link"),
    ("T007", ERROR, "a template's text is empty or only placeholders", "write the message"),
    ("T008", ERROR, "a template fails our own message checker", "rewrite the text the finding points at"),
    ("T009", ERROR, "a placeholder has no label in a language", "add its label to data/placeholders.yml"),
    ("T010", ERROR, "a template declares a placeholder it never uses", "use it or remove it"),
    ("R001", ERROR, "checker rules: not a rules file, or an unknown kind", "see data/checker-rules.yml's header"),
    ("R002", ERROR, "checker rules: a message missing in a language", "add the language's message"),
    ("R003", ERROR, "checker rules: a pattern outside the token pattern language", "see scripts/checker/patterns.py"),
    ("R004", ERROR, "checker rules: no `severity: error|warning`", "add the severity"),
    ("R005", ERROR, "checker rules: no situations, or an unknown one", "use the situations declared at the top"),
    ("R007", ERROR, "checker rules: a pattern that is unbounded or cannot anchor", "bound the gaps; require a word"),
    ("R008", ERROR, "checker rules: a missing or duplicate id or link", "give every rule a unique id and a link"),
    ("R009", ERROR, "checker rules: a kind's parameter missing or of the wrong type", "see the header of the rules file"),
    ("F001", WARNING, "a translation follows an older Spanish text", "update it, then run `python -m scripts stamp`"),
    ("F002", WARNING, "a translation does not record its Spanish source", "run `python -m scripts stamp` once it is current"),
    ("G001", ERROR, "an illustration's entry is incomplete", "give it lesson or page, max_line and text"),
    ("G002", ERROR, "an illustration has no drawing", "add overrides/partials/figures/<id>.svg"),
    ("G003", ERROR, "an illustration's word is missing in a language", "write it in every language"),
    ("G004", ERROR, "an illustration's line is too long for a phone", "split it into a list of shorter lines"),
    ("G005", ERROR, "an illustration is not shown in its lesson", "add <!-- guide:figure <id> --> to the page"),
    ("S001", ERROR, "a word is not in the language's dictionary", "fix it, or add it to data/wordlist/<lang>.txt"),
    ("S002", WARNING, "no Hunspell dictionary for a language, so it was not spell-checked", "install the dictionary"),
    ("W001", WARNING, "a word LinkedIn's interface says otherwise", "write the preferred term of data/terminology/<lang>.yml"),
    ("X001", ERROR, "a lesson's exercises are missing or incomplete", "add spot, fix and a check of 2 or 3 questions"),
    ("X002", ERROR, "an exercise names an unknown lesson, anti-pattern, rule or situation", "use existing ids"),
    ("X003", ERROR, "an exercise's text is missing in a language", "write it in every language"),
    ("X004", ERROR, "an exercise's bad message does not trigger the rule its answer names", "make the message show the mistake"),
    ("X005", ERROR, "an exercise's model answer fails our own message checker", "rewrite the model answer"),
    ("M001", ERROR, "a page's marker or partial cannot be rendered", "fix the marker, or the partial or data it names"),
    ("E001", ERROR, "a check crashed on this content (a bug in the checks)", "report it with the file you changed"),
)


def explain(code: str) -> str:
    """The registry's entry for `code`, as `python -m scripts explain` prints it."""
    entry = CODES.get(code.upper())
    if entry is None:
        raise KeyError(code)
    return f"{entry.code} ({entry.severity}): {entry.summary}.\nFix: {entry.fix}."
