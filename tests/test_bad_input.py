"""Bad input gets a clear error or a clean empty result, never a crash or a hang."""

from __future__ import annotations

import datetime as dt

import pytest

import osintparse
from tests.conftest import assert_offsets


@pytest.mark.parametrize("value", [None, b"Bonjour", bytearray(b"x"), 42, ["a"]])
def test_non_str_raises_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="text must be str") as err:
        osintparse.parse(value)  # type: ignore[arg-type]
    assert isinstance(err.value, osintparse.InputTypeError)
    if isinstance(value, bytes | bytearray):
        assert "decode" in str(err.value)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n", "\u00a0\u202f"])
def test_empty_and_whitespace_give_empty_article(text: str) -> None:
    a = osintparse.parse(text)
    assert a.text == text
    assert a.sentences == ()
    assert a.paragraphs == ()
    assert a.title is None
    assert a.lang is None


def test_unsupported_language_lists_supported() -> None:
    with pytest.raises(osintparse.UnsupportedLanguageError) as err:
        osintparse.parse("Hallo Welt", lang="xx")
    assert err.value.supported == ("en", "es", "fr")
    assert "en, es, fr" in str(err.value)


def test_language_codes_are_normalised() -> None:
    assert osintparse.parse("Un texte.", lang="FR").lang == "fr"
    assert osintparse.parse("A text.", lang="en-GB").lang == "en"


@pytest.mark.parametrize(
    "text",
    [
        "Die Soldaten sind gestern in der Stadt angekommen und haben die Brücke besetzt.",
        "Солдаты прибыли в город вчера вечером.",
        "12 345 678 !!! ??? ...",
        "\x00\x01\x02\x03 \x7f",
    ],
)
def test_undetectable_or_unsupported_language_is_none(text: str) -> None:
    a = osintparse.parse(text)
    assert a.lang is None
    assert_offsets(a)


@pytest.mark.parametrize("published", ["yesterday", 20250501, dt.time(12, 0), "2025-13-45"])
def test_bad_published(published: object) -> None:
    with pytest.raises(osintparse.InvalidPublishedError, match="ISO 8601"):
        osintparse.parse("Texte.", lang="fr", published=published)  # type: ignore[arg-type]


def test_published_accepts_iso_strings() -> None:
    assert osintparse.parse("x", lang="fr", published="2025-05-01").published == dt.date(2025, 5, 1)
    got = osintparse.parse("x", lang="fr", published="2025-05-01T10:00:00").published
    assert got == dt.datetime(2025, 5, 1, 10, 0)


def test_binary_junk_and_control_characters() -> None:
    junk = bytes(range(256)).decode("latin-1") * 50
    a = osintparse.parse(junk, lang="fr")
    assert_offsets(a)


def test_lone_surrogates_and_bom() -> None:
    text = "\ufeffTitre\n\nUn \ud800 texte. Deux \udfff phrases."
    a = osintparse.parse(text, lang="fr")
    assert a.title == "Titre"  # the BOM is outside every span
    assert a.paragraphs[0].start == 1
    assert_offsets(a)


# 1 MB (heavy): 19 s CPU measured on a loaded 2-core machine; the default run parses 100 KB.
@pytest.mark.parametrize("paragraphs", [150, pytest.param(1500, marks=pytest.mark.heavy)])
def test_megabyte_text_parses(paragraphs: int) -> None:
    para = "Selon le ministère, plus de 10 000 soldats sont arrivés en avril 2025. "
    text = "Titre\n\n" + "\n\n".join([para * 10] * paragraphs)
    assert len(text) > paragraphs * 700
    a = osintparse.parse(text, lang="fr")
    assert len(a.body_sentences) == paragraphs * 10


# -- every wrong argument raises a specific osintparse error that says what to do ------


@pytest.mark.parametrize("value", [3, b"fr", ["fr"], 1.5, True])
def test_lang_of_the_wrong_type(value: object) -> None:
    with pytest.raises(osintparse.InputTypeError, match="lang must be a str or None") as err:
        osintparse.parse("Un texte.", lang=value)  # type: ignore[arg-type]
    assert "'fr'" in str(err.value)
    assert "None to detect" in str(err.value)
    assert isinstance(err.value, TypeError)


@pytest.mark.parametrize("value", ["", " ", "xx", "french", "zz-FR", "fr\x00"])
def test_unknown_language_codes(value: str) -> None:
    with pytest.raises(osintparse.UnsupportedLanguageError, match="use one of: en, es, fr") as err:
        osintparse.parse("Un texte.", lang=value)
    assert err.value.lang == value
    assert isinstance(err.value, ValueError)


@pytest.mark.parametrize(
    "published",
    [True, 3.5, float("nan"), b"2025-05-01", ["2025-05-01"], "", "   ", "2025-02-30", "01/05/2025"],
)
def test_more_bad_published_values(published: object) -> None:
    with pytest.raises(osintparse.InvalidPublishedError, match="such as '2025-05-01'") as err:
        osintparse.parse("Texte.", lang="fr", published=published)  # type: ignore[arg-type]
    assert isinstance(err.value, ValueError)


def test_bad_published_message_stays_short() -> None:
    with pytest.raises(osintparse.InvalidPublishedError) as err:
        osintparse.parse("Texte.", published="x" * 1_000_000)
    assert len(str(err.value)) < 300


def test_text_type_error_says_what_to_pass() -> None:
    with pytest.raises(osintparse.InputTypeError, match="pass the article's text as a str"):
        osintparse.parse(None)  # type: ignore[arg-type]


def test_every_argument_error_is_an_osintparse_error() -> None:
    bad_calls = [
        lambda: osintparse.parse(b"x"),  # type: ignore[arg-type]
        lambda: osintparse.parse("x", lang=1),  # type: ignore[arg-type]
        lambda: osintparse.parse("x", lang="xx"),
        lambda: osintparse.parse("x", published="soon"),
        lambda: osintparse.from_dict({"text": 1}),
    ]
    for call in bad_calls:
        with pytest.raises(osintparse.OsintparseError):
            call()
