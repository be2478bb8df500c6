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
    import marshal
    import tomllib

    listed = lexicons._parsed()
    texts = [p.read_text(encoding="utf-8") for p in lexicons.PARSED_FILE.parent.rglob("*.toml")]
    assert texts
    assert all(t in listed for t in texts)
    for text in texts:
        assert marshal.loads(listed[text]) == tomllib.loads(text)
    path = next(lexicons.PARSED_FILE.parent.glob("en/*.toml"))
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
