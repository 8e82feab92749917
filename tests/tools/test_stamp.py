"""`stamp` edits YAML as YAML: comments, quotes and flow mappings stay as written."""

from scripts.tools.stamp import _stamp_entry, _stamp_front_matter


def test_a_flow_mapping_stamp_is_updated_in_place_not_duplicated():
    text = "# note\nid: x\ntitle: {es: 'a', en: b, pl: c}  # kept\ntranslated_from: {en: 111111111111, pl: 222222222222}\n"
    assert _stamp_entry(text, "pl", "abcdefabcdef") == (
        "# note\nid: x\ntitle: {es: 'a', en: b, pl: c}  # kept\ntranslated_from: {en: 111111111111, pl: abcdefabcdef}\n")


def test_a_missing_stamp_is_added_as_a_block():
    assert _stamp_entry("id: x\n", "en", "abcdefabcdef") == "id: x\ntranslated_from:\n  en: abcdefabcdef\n"


def test_a_lesson_stamp_keeps_the_front_matter_comments_and_the_body():
    page = "---\nid: a  # why\norder: 1\ntranslated_from: old\n---\n# Title\n\n---\n\nbody\n"
    assert _stamp_front_matter(page, "new") == "---\nid: a  # why\norder: 1\ntranslated_from: new\n---\n# Title\n\n---\n\nbody\n"
