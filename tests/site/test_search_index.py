import json

from scripts.model.languages import load_languages
from scripts.site.search_index import fold, folded_words, language_index, relative_base, set_search_base

ES, EN, PL = load_languages()
RAW = {
    "config": {"lang": ["es", "en"], "separator": "[\\s\\-]+", "pipeline": ["trimmer"], "fields": {}},
    "docs": [
        {"location": "", "title": "Inicio", "text": "hola"},
        {"location": "lessons/", "title": "Curso", "text": "curso"},
        {"location": "en/", "title": "Home", "text": "hello"},
        {"location": "en/lessons/#idea", "title": "Idea", "text": "idea"},
        {"location": "pl/", "title": "Start", "text": "cześć"},
    ],
}


def test_default_language_keeps_only_its_own_pages():
    index = language_index(RAW, ES, [EN, PL])
    assert [d["location"] for d in index["docs"]] == ["", "lessons/"]
    assert index["config"]["lang"] == ["es"]


def test_translation_entries_are_located_from_their_language_root():
    index = language_index(RAW, EN, [ES, PL])
    assert [d["location"] for d in index["docs"]] == ["", "lessons/#idea"]


def test_polish_uses_the_polish_lunr_plugin_and_indexes_folded_words():
    index = language_index(RAW, PL, [ES, EN])
    assert index["config"]["lang"] == ["pl"]
    assert index["config"]["fields"]["folded"] == {"boost": 1.0}
    assert [(d["title"], d["folded"]) for d in index["docs"]] == [("Start", "czesc")]


def test_spanish_pages_also_index_the_other_forms_of_their_words():
    raw = {**RAW, "docs": [
        {"location": "", "title": "La invitación", "text": "<p>Escribe una nota breve.</p>"},
        {"location": "notas/", "title": "Invitaciones", "text": "<p>Las notas que escribimos.</p>"},
    ]}
    home, notes = language_index(raw, ES, [EN, PL])["docs"]
    assert home["folded"].split() == ["invitacion", "escribimos", "invitaciones", "notas"]
    assert notes["folded"].split() == ["escribe", "invitacion", "nota"]
    # HTML tags are not words, and short words (here "la", "una") are never expanded
    assert "p" not in home["folded"].split() and "las" not in home["folded"].split()


def test_polish_has_no_stemmer_so_only_folded_forms_are_added():
    raw = {**RAW, "docs": [{"location": "pl/", "title": "Notatka", "text": "notatkę"},
                           {"location": "pl/a/", "title": "Notatki", "text": "notatek"}]}
    assert [d.get("folded") for d in language_index(raw, PL, [ES, EN])["docs"]] == ["notatke", None]


def test_fold_drops_spanish_and_polish_diacritics_but_keeps_the_letters():
    assert fold("Invitación notatkę ŁĄCZNIE żółć ñandú") == "Invitacion notatke LACZNIE zolc nandu"
    assert folded_words("La invitación", "invitación y guía") == "invitacion guia"
    assert folded_words("plain ascii") == ""


def test_relative_base_points_at_the_language_root():
    assert relative_base("", ES) == "."
    assert relative_base("lessons/", ES) == "../"
    assert relative_base("en/", EN) == "."
    assert relative_base("en/lessons/open-doors/", EN) == "../../"
    assert relative_base("pl/checker/", PL) == "../"


def test_set_search_base_rewrites_only_the_config_script():
    html = ('<p>"base": "x"</p><script id="__config" type="application/json">'
            '{"base": "../..", "search": "w.js"}</script>')
    out = set_search_base(html, "../")
    config = json.loads(out.split('application/json">')[1].split("</script>")[0])
    assert config == {"base": "../", "search": "w.js"}
    assert out.startswith('<p>"base": "x"</p>')
