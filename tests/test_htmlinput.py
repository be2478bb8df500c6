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


# -- issue 17 item 7: pages trafilatura cannot read, and huge pages --------------------

_PARA = "<p>Selon Séoul, plus de 10 000 militaires nord-coréens sont arrivés hier.</p>"


@pytest.mark.parametrize("depth", [255, 256, 300, 1000, 100_000])
def test_deeply_nested_page_is_never_silently_empty(depth: int) -> None:
    """Tags nested about 256 deep gave empty text with no error."""
    page = (
        "<html><head><title>Dix mille soldats</title></head><body>"
        + "<div>" * depth
        + _PARA
        + "<p>Les services le confirment.</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    with pytest.warns(osintparse.HtmlFallbackWarning, match="visible text"):
        a = osintparse.parse_html(page, lang="fr")
    assert a.title == "Dix mille soldats"
    assert a.text.splitlines() == [
        "Dix mille soldats",
        "",
        "Selon Séoul, plus de 10 000 militaires nord-coréens sont arrivés hier.",
        "",
        "Les services le confirment.",
    ]
    assert a.quantities
    assert_offsets(a)


def test_the_extraction_used_is_reported() -> None:
    from osintparse.io.html import extract_html

    good = extract_html((DATA / "page_fr.html").read_bytes())
    assert good["extraction"] == "trafilatura"
    with pytest.warns(osintparse.HtmlFallbackWarning):
        short = extract_html("<p>Court.</p>")
    assert short["extraction"] == "visible text"
    assert short["text"] == "Court."


def test_visible_text_skips_hidden_elements() -> None:
    from osintparse.io.html import visible_text

    page = (
        "<!DOCTYPE html><html><head><title>T &amp; co</title><style>p{}</style>"
        "<script>document.write('<p>no</p>')</script></head><body><nav>Menu</nav>"
        "<!-- a <p>comment</p> --><p>Un <b>texte</b>\n  sur   deux lignes.</p>"
        "<template><p>hidden</p></template><p>a < b &lt; c</p><br>fin"
        "<noscript>js</noscript><svg><text>icon</text></svg></body></html>"
    )
    text, title = visible_text(page)
    assert title == "T & co"
    assert text.split("\n\n") == ["Menu", "Un texte sur deux lignes.", "a < b < c", "fin"]
    assert visible_text(page.encode("utf-8")) == (text, title)
    assert visible_text("<script>never closed <p>x</p>") == ("", None)
    assert visible_text("<p>unterminated <b") == ("unterminated", None)


@pytest.mark.parametrize(
    "unit",
    ["<div>", "<", "<!--", '<a b="', "&", "<head>", "<script>", "<p>x</p>"],
)
def test_visible_text_is_linear(unit: str) -> None:
    """Python's html.parser is quadratic on some of these (unclosed comments): not used."""
    import time

    from osintparse.io.html import visible_text

    def cost(size: int) -> float:
        page = unit * (size // len(unit))
        best = float("inf")
        for _ in range(2):
            t = time.perf_counter()
            visible_text(page)
            best = min(best, time.perf_counter() - t)
        return best

    # Linear: 10x the time for 10x the page; quadratic: 100x. (Below 100 KB, cache effects
    # make the time per character smaller.) On a loaded machine one measurement can be
    # off, so up to two are taken: a quadratic pass fails both.
    tries = []
    for _ in range(2):
        small, large = cost(100_000), cost(1_000_000)
        tries.append((small, large))
        if large < 10 * 4.0 * max(small, 2e-3):
            return
    pytest.fail(f"not linear: {tries}")


def test_page_size_limit() -> None:
    from osintparse.io.html import DEFAULT_MAX_HTML

    assert DEFAULT_MAX_HTML == 2_000_000
    page = "<html><body>" + _PARA * 20 + "</body></html>"
    with pytest.raises(osintparse.InputTooLargeError, match=r"max_size=1,000 .*max_size=None"):
        osintparse.parse_html(page, max_size=1_000)
    with pytest.raises(osintparse.InputTooLargeError, match="bytes"):
        osintparse.parse_html(page.encode(), max_size=1_000)
    assert osintparse.parse_html(page, max_size=None, lang="fr").quantities
    huge = "<p>" + "x" * DEFAULT_MAX_HTML + "</p>"
    with pytest.raises(osintparse.InputTooLargeError, match="2,000,007 characters"):
        osintparse.parse_html(huge)


def test_published_argument_wins_over_the_page() -> None:
    a = osintparse.parse_html((DATA / "page_fr.html").read_bytes(), published="2025-05-02")
    assert a.published == dt.date(2025, 5, 2)
    with pytest.raises(osintparse.InvalidPublishedError):
        osintparse.parse_html("<p>x</p>", published="soon")


# Heavy: HTML pages up to DEFAULT_MAX_HTML through trafilatura (the "slow" marker it had is
# gone from main; under --strict-markers it stopped the collection of this module).
@pytest.mark.heavy
def test_parse_html_time_is_linear_up_to_the_limit() -> None:
    """trafilatura is superlinear beyond a few MB (20 MB: 50 s); the limit keeps pages at
    most DEFAULT_MAX_HTML, where the time per MB stays within 2x that of a tenth of it."""
    import time

    from osintparse.io.html import DEFAULT_MAX_HTML, extract_html

    def per_mb(size: int) -> float:
        page = "<html><body><article>" + _PARA * (size // len(_PARA)) + "</article></body></html>"
        t = time.perf_counter()
        extract_html(page)
        return (time.perf_counter() - t) / (len(page) / 1e6)

    per_mb(20_000)  # warm up: the first call imports and builds trafilatura's caches
    small, large = per_mb(DEFAULT_MAX_HTML // 10), per_mb(DEFAULT_MAX_HTML - 100)
    assert large < 2.0 * small, (small, large)
