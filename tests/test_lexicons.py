"""Lexicons are data: the same files and keys for every language, all loadable."""

from __future__ import annotations

from typing import Any

import pytest

from osintparse import LexiconError, UnsupportedLanguageError, lexicons


def _shape(value: object) -> object:
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items() if not k.startswith("_")}
    return type(value).__name__


def test_every_language_has_the_same_files() -> None:
    langs = lexicons.supported_languages()
    assert langs == ("en", "es", "fr")
    names = {lang: lexicons.lexicon_names(lang) for lang in langs}
    assert len(set(names.values())) == 1, names


@pytest.mark.parametrize("name", lexicons.lexicon_names("fr"))
def test_every_lexicon_has_the_same_top_level_keys(name: str) -> None:
    shapes = {lang: _shape(lexicons.load(lang, name)) for lang in lexicons.supported_languages()}
    first = shapes["fr"]
    for lang, shape in shapes.items():
        assert isinstance(shape, dict)
        assert isinstance(first, dict)
        assert set(shape) == set(first), f"{lang}/{name}.toml keys differ from fr"


def test_lists_hold_non_empty_unique_strings() -> None:
    def walk(value: object, where: str) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{where}.{k}")
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            assert all(v.strip() for v in value), where
            assert len(set(value)) == len(value), f"duplicates in {where}"

    for lang in lexicons.supported_languages():
        for name in lexicons.lexicon_names(lang):
            walk(lexicons.load(lang, name), f"{lang}/{name}")


def test_errors() -> None:
    with pytest.raises(UnsupportedLanguageError):
        lexicons.load("xx", "structure")
    with pytest.raises(LexiconError, match="structure"):
        lexicons.load("fr", "no-such-lexicon")


# The parsed TOML files shipped with the package (lexicons/_parsed.zlib).


def test_shipped_parsed_lexicons_are_current() -> None:
    """``make_lexicon_cache.py --check`` passes: the file lists every TOML file of the
    package as it is now (run the script after changing a lexicon file)."""
    import importlib.util
    import pathlib

    path = pathlib.Path(__file__).resolve().parents[1] / "scripts" / "make_lexicon_cache.py"
    spec = importlib.util.spec_from_file_location("make_lexicon_cache", path)
    assert spec is not None
    assert spec.loader is not None
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    assert make.main(["--check"]) == 0


def test_parsed_lexicons_are_what_tomllib_reads(tmp_path: Any) -> None:
    """A listed file reads as tomllib parses its text, as a new object each time; a file
    whose text is not listed is parsed, and its errors are reported as before."""
    import json
    import tomllib

    listed = lexicons.read_parsed(lexicons.PARSED_FILE.read_bytes())
    folder = lexicons.PARSED_FILE.parent
    texts = [p.read_text(encoding="utf-8") for p in folder.rglob("*.toml")]
    assert texts
    assert all(("toml", t) in listed for t in texts)
    for text in texts:
        assert listed["toml", text][0] == tomllib.loads(text)
        assert lexicons._listed("toml", text) == listed["toml", text]
    for path in (folder / "_common").glob("*.json"):
        text = path.read_text(encoding="utf-8")
        assert listed["json", text][0] == json.loads(text)
    path = next(folder.glob("en/*.toml"))
    first = lexicons._read_toml(path, "x")
    assert first == lexicons._read_toml(path, "x")
    assert first is not lexicons._read_toml(path, "x")
    other = tmp_path / "other.toml"
    other.write_text("added_key = 1\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert lexicons._read_toml(other, "x") == {**first, "added_key": 1}
    other.write_text("a = [", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"other\.toml is not valid TOML"):
        lexicons._read_toml(other, "other.toml")
    assert lexicons.read_parsed(b"not a file") == {}


def test_listed_lexicons_passed_their_schemas_as_they_are() -> None:
    """Every shipped lexicon and common data file is listed as having passed its schema's
    current text (so the loader does not check it again), and does pass it now."""
    import tomllib

    listed = lexicons.read_parsed(lexicons.PARSED_FILE.read_bytes())
    folder = lexicons.PARSED_FILE.parent
    for lang in lexicons.supported_languages():
        for name in lexicons.lexicon_names(lang):
            text = (folder / lang / f"{name}.toml").read_text(encoding="utf-8")
            schema = (folder / "_schema" / f"{name}.toml").read_text(encoding="utf-8")
            data, passed = listed["toml", text]
            assert schema in passed, f"{lang}/{name}.toml"
            assert not list(lexicons._check(data, tomllib.loads(schema), ""))
    for name in lexicons.common_names():
        path = folder / "_common" / f"{name}.json"
        kind = "json"
        if not path.is_file():
            path, kind = folder / "_common" / f"{name}.toml", "toml"
        schema = (folder / "_schema" / "_common" / f"{name}.toml").read_text(encoding="utf-8")
        assert schema in listed[kind, path.read_text(encoding="utf-8")][1], name


def test_a_listed_file_is_checked_against_another_schema_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A lexicon listed as checked is checked again when its schema's text is not the one it
    passed (a schema edited after the parsed file was made), and an unlisted one always."""
    folder = lexicons.PARSED_FILE.parent
    data, passed = lexicons._listed("toml", (folder / "en" / "stopwords.toml").read_text("utf-8"))
    calls: list[str] = []
    real = lexicons.validate

    def spy(data: Any, name: str, *, source: str = "") -> None:
        calls.append(source)
        real(data, name, source=source)

    monkeypatch.setattr(lexicons, "validate", spy)
    lexicons._validate_read(data, passed, "stopwords", "en/stopwords.toml")
    assert calls == []
    lexicons._validate_read(data, (), "stopwords", "en/stopwords.toml")
    assert calls == ["en/stopwords.toml"]
    lexicons._validate_read({"words": ["x"]}, ("another schema",), "stopwords", "xx")
    assert calls[-1] == "xx"
    with pytest.raises(LexiconError, match="missing key 'words'"):
        lexicons._validate_read({"word": ["x"]}, ("another schema",), "stopwords", "xx")
