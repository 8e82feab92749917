from scripts.model.languages import default_language, load_languages


def test_languages_come_from_mkdocs_yml_default_first():
    codes = [lang.code for lang in load_languages()]
    assert codes == ["es", "en", "pl"]
    assert default_language().code == "es"
    assert [lang.prefix for lang in load_languages()] == ["", "en/", "pl/"]
