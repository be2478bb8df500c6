"""Spanish, added as data only (``osintparse/lexicons/es``): a whole news article through ``parse``.

The golden cases of each extractor are in ``tests/cases/es``; this test reads a Spanish
dispatch end to end, with language detection, and checks what an analyst gets from it.
"""

from __future__ import annotations

import datetime as dt

import pytest

import osintparse
from tests.conftest import assert_offsets

ARTICLE = """Corea del Norte envía más tropas a Rusia

Según fuentes de inteligencia surcoreanas, más de 10.000 soldados norcoreanos se encuentran \
en la región rusa de Kursk desde octubre. El Ministerio de Defensa ruso afirmó el martes que \
sus tropas habían recuperado cerca de 500 kilómetros cuadrados.

El Kremlin negó que hubiera tropas extranjeras en su territorio. Sin embargo, el Pentágono \
estimó que unos 1.000 soldados norcoreanos habrían muerto o resultado heridos la semana \
pasada, informó la agencia Efe.

Volver arriba"""


@pytest.fixture(scope="module")
def article() -> osintparse.Article:
    return osintparse.parse(ARTICLE, published=dt.date(2024, 12, 18))


def test_language_title_and_boilerplate(article: osintparse.Article) -> None:
    assert article.lang == "es"
    assert article.title == "Corea del Norte envía más tropas a Rusia"
    assert [p.kind.value for p in article.paragraphs] == ["title", "body", "body", "boilerplate"]
    assert_offsets(article)


def test_figures(article: osintparse.Article) -> None:
    got = [(q.text, q.value, q.qualifier.value, q.unit, q.noun) for q in article.quantities]
    assert got == [
        (
            "más de 10.000 soldados norcoreanos",
            10000,
            "more_than",
            None,
            "soldados norcoreanos",
        ),
        ("cerca de 500 kilómetros cuadrados", 500, "approximate", "square_kilometre", None),
        ("unos 1.000 soldados norcoreanos", 1000, "approximate", None, "soldados norcoreanos"),
    ]


def test_sources_with_stances(article: osintparse.Article) -> None:
    got = [(a.source, a.cue, a.stance.value, a.source_kind.value) for a in article.attributions]
    assert got == [
        ("fuentes de inteligencia surcoreanas", "Según", "reported", "anonymous"),
        ("Ministerio de Defensa ruso", "afirmó", "asserted", "military"),
        ("El Kremlin", "negó", "denied", "government"),
        ("Pentágono", "estimó", "estimated", "military"),
        ("agencia Efe", "informó", "reported", "media"),
    ]
    assert [(h.text, h.effect) for h in article.hedges] == [("habrían", -0.2)]


def test_dates(article: osintparse.Article) -> None:
    got = [(d.text, d.value, d.value_end, d.precision.value) for d in article.dates]
    assert got == [
        ("octubre", dt.date(2024, 10, 1), dt.date(2024, 12, 18), "month"),  # "desde" outside
        ("el martes", dt.date(2024, 12, 17), dt.date(2024, 12, 17), "day"),  # article inside
        ("la semana pasada", dt.date(2024, 12, 9), dt.date(2024, 12, 15), "week"),
    ]


def test_claims_carry_their_sources_stance(article: osintparse.Article) -> None:
    stances = {c.text.split(",")[0][:25]: c.stance.value for c in article.claims}
    assert stances["Según fuentes de intelige"] == "reported"
    assert stances["El Kremlin negó que hubie"] == "denied"
