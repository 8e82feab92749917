"""Dates in running text, as each language writes them, and the printed line that carries one."""

from scripts.model.text_dates import long_date, printed_line


def test_each_language_writes_a_date_its_own_way():
    assert long_date("2026-11-03", "es") == "3 de noviembre de 2026"
    assert long_date("2026-11-03", "en") == "3 November 2026"
    assert long_date("2026-11-03", "pl") == "3 listopada 2026"  # the genitive month


def test_what_is_not_a_date_is_left_as_it_is():
    assert long_date("soon", "es") == "soon"
    assert long_date(None, "es") is None


def test_the_printed_line_carries_the_date_in_the_pages_language():
    line = printed_line("{site} · {url} · texto del {date}", "Conexiones reales", "https://x/", "2026-11-23", "es")
    assert line == "Conexiones reales · https://x/ · texto del 23 de noviembre de 2026"
    assert printed_line("{site} · {url} · {date}", "S", "u", None, "es") == "S · u"
