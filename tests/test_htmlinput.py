"""parse_html: main text, title, author and date from small pages written for the tests."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping
from typing import Any

import pytest

import osintparse
from osintparse.extractors.base import Document
from tests.conftest import ROOT, assert_offsets

DATA = ROOT / "tests" / "data"


def test_french_page_metadata_and_text() -> None:
    a = osintparse.parse_html((DATA / "page_fr.html").read_bytes(), url="https://example.org/a")
    assert_offsets(a)
    assert a.title == "Séoul : 10 000 soldats nord-coréens en Russie"
    assert a.text.startswith(a.title + "\n\n")
    assert a.text.count(a.title) == 1  # the <h1> is not repeated
    assert a.author == "Jeanne Martin"
    assert a.published == dt.date(2025, 4, 28)
    assert a.lang == "fr"
    assert a.url == a.id == "https://example.org/a"
    assert [p.kind.value for p in a.paragraphs] == ["title", "body", "body", "body"]
    assert "logistique & technique" in a.text  # entities decoded
    for boiler in ("Accueil", "S'abonner", "Tous droits réservés", "Autre article"):
        assert boiler not in a.text
    assert a.body_sentences[0].text.startswith("Les services de renseignement sud-coréens")


def test_english_page_title_from_head_becomes_first_line() -> None:
    a = osintparse.parse_html((DATA / "page_en_no_h1.html").read_text(encoding="utf-8"))
    assert a.title == "Drone strikes reported near Kharkiv"
    assert a.paragraphs[0].kind.value == "title"
    assert a.author == "Sam Lee"
    assert a.published == dt.date(2024, 11, 3)
    assert a.lang == "en"
    assert a.url is None
    assert "Copyright" not in a.text
    assert len(a.body_sentences) == 2


def test_published_date_anchors_the_pipeline() -> None:
    seen: list[dt.date | None] = []

    class Spy:
        name, produces, requires = "spy", (), ()

        def __call__(self, doc: Document) -> Mapping[str, Any]:
            seen.append(doc.published)
            return {}

    p = osintparse.Pipeline(["structure", Spy()])
    a = osintparse.parse_html((DATA / "page_fr.html").read_bytes(), pipeline=p)
    assert seen == [dt.date(2025, 4, 28)] == [a.published]


def test_explicit_lang_wins() -> None:
    a = osintparse.parse_html((DATA / "page_fr.html").read_bytes(), lang="en")
    assert a.lang == "en"
    with pytest.raises(osintparse.UnsupportedLanguageError):
        osintparse.parse_html("<p>x</p>", lang="xx")


def test_empty_page_and_bad_input() -> None:
    a = osintparse.parse_html("<html><body></body></html>")
    assert a.text == ""
    assert a.sentences == ()
    with pytest.raises(osintparse.InputTypeError):
        osintparse.parse_html(None)  # type: ignore[arg-type]


def test_round_trip_keeps_url_and_author() -> None:
    a = osintparse.parse_html((DATA / "page_fr.html").read_bytes(), url="https://example.org/a")
    assert osintparse.from_dict(osintparse.to_dict(a)) == a


def test_missing_trafilatura_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(osintparse.MissingDependencyError, match=r"osintparse\[html\]"):
        osintparse.parse_html("<p>x</p>")
