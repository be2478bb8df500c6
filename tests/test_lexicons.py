"""Lexicons are data: the same files and keys for every language, all loadable."""

from __future__ import annotations

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
