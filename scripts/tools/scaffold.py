"""`python -m scripts new template|antipattern <id>`: a complete entry to fill in.

Every text is stubbed with a `TODO` in its language, which the check refuses (D006), so
the build fails until every language is written.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model.entries import KINDS

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
TODO = "TODO"


def _localized(indent: str, what: str, languages: list[str]) -> str:
    return "".join(f'{indent}{lang}: "{TODO}({lang}): {what}"\n' for lang in languages)


def template_stub(entry_id: str, languages: list[str]) -> str:
    text = {
        "es": '  es:\n    tu: "Hola, {name}: TODO(es): el mensaje, tratando de tú"\n'
              '    usted: "Buenos días, {name}: TODO(es): el mensaje, tratando de usted"\n',
        "en": '  en: "Hi {name}, TODO(en): the message"\n',
        "pl": '  pl:\n    ty: "Cześć {name}, TODO(pl): wiadomość per Ty"\n'
              '    pan: "Dzień dobry, {name}, TODO(pl): wiadomość per Pan"\n'
              '    pani: "Dzień dobry, {name}, TODO(pl): wiadomość per Pani"\n',
    }
    examples = ", ".join(f"{lang}: TODO" for lang in languages)
    return (
        "# yaml-language-server: $schema=../schemas/template.schema.json\n"
        f"id: {entry_id}\n"
        "channel: invitation-note   # invitation-note | message | inmail | comment | email\n"
        "situation: invitation      # see data/schemas/template.schema.json for the list\n"
        "lesson: invitation-note    # the lesson that explains it (docs/es/lessons/<id>.md)\n"
        "avoids: [stranger-no-note] # anti-patterns it avoids (data/antipatterns/<id>.yml)\n"
        "placeholders:              # a new name also needs its label in data/placeholders.yml\n"
        "  name:\n"
        "    max: 20\n"
        f"    example: {{{examples}}}\n"
        "title:\n" + _localized("  ", "a short title", languages)
        + "text:\n" + "".join(text.get(lang, f'  {lang}: "{TODO}({lang}): the message"\n') for lang in languages)
        + "why:\n" + _localized("  ", "why it works, from the receiver's side", languages)
    )


def antipattern_stub(entry_id: str, languages: list[str]) -> str:
    return (
        "# yaml-language-server: $schema=../schemas/antipattern.schema.json\n"
        f"id: {entry_id}\n"
        "stage: invitation          # profile | invitation | after-accepting | follow-up | offline | receiving\n"
        "lesson: invitation-note    # the lesson that explains it (docs/es/lessons/<id>.md)\n"
        "replaced_by: [met-at-event] # templates that replace it (data/templates/<id>.yml)\n"
        "name:\n" + _localized("  ", "a memorable name", languages)
        + "example:\n" + _localized("  ", "a realistic bad example, as the receiver sees it", languages)
        + "why:\n" + _localized("  ", "why it fails, from the receiver's side", languages)
        + "instead:\n" + _localized("  ", "what to do instead", languages)
    )


def scaffold(root: Path, kind: str, entry_id: str, languages: list[str]) -> Path:
    """Write the stub; refuse a bad id or an existing file."""
    if not SLUG.match(entry_id):
        raise ValueError(f"'{entry_id}' is not a kebab-case id: use lowercase words joined by '-', e.g. met-at-event")
    path = root / "data" / KINDS[kind] / f"{entry_id}.yml"
    if path.exists():
        raise ValueError(f"{path.relative_to(root)} already exists: choose another id")
    stub = template_stub(entry_id, languages) if kind == "template" else antipattern_stub(entry_id, languages)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(stub, encoding="utf-8")
    return path
