"""Events of figures (issue 15): the class of what happened to what a figure counts.

Golden cases are data (``tests/cases/<lang>/events.jsonl``): every quantity of the text,
in order, with its value, its event class (``null``: no trigger, no event) and the text
of its trigger span. Every event class of ``lexicons/_common/events.toml`` has a case
in every language, and every language has negatives from real-news shapes.
"""

from __future__ import annotations

import json
import math
import pathlib
from typing import Any

import pytest

import osintparse
from osintparse import find_quantities, lexicons

CASES = pathlib.Path(__file__).parent / "cases"
LANGS = osintparse.supported_languages()


def _load(lang: str) -> list[dict[str, Any]]:
    path = CASES / lang / "events.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _classes() -> set[str]:
    return set(lexicons.common("events")["classes"])


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_triggers_for_every_class_and_no_other(lang: str) -> None:
    assert set(lexicons.load(lang, "events")["triggers"]) == _classes()


@pytest.mark.parametrize("lang", LANGS)
def test_every_class_has_a_golden_case_and_there_are_negatives(lang: str) -> None:
    cases = _load(lang)
    covered = {e["event"] for c in cases for e in c["expect"] if e["event"] is not None}
    assert covered == _classes(), sorted(_classes() - covered)
    negatives = [e for c in cases for e in c["expect"] if e["event"] is None]
    assert len(negatives) >= 5
    assert len({c["id"] for c in cases}) == len(cases)


@pytest.mark.parametrize(
    ("lang", "case"),
    [(lang, c) for lang in LANGS for c in _load(lang)],
    ids=lambda v: v["id"] if isinstance(v, dict) else v,
)
def test_event_golden_case(lang: str, case: dict[str, Any]) -> None:
    text = case["text"]
    found = find_quantities(text, lang=lang)
    assert len(found) == len(case["expect"]), [(q.text, q.event) for q in found]
    for q, exp in zip(found, case["expect"], strict=True):
        assert math.isclose(q.value, exp["value"]), (q.value, exp)
        assert q.event == exp["event"], (q.text, q.event, exp)
        if exp["trigger"] is None:
            assert q.event_start is None
            assert q.event_end is None
        else:
            assert q.event_start is not None
            assert q.event_end is not None
            assert text[q.event_start : q.event_end] == exp["trigger"]
            assert "|event-" in q.rule


def test_seed_figures_are_deployments(seed: osintparse.Article) -> None:
    got = [
        (q.event, seed.text[q.event_start : q.event_end])
        for q in seed.quantities
        if q.event_start is not None and q.event_end is not None
    ]
    assert got == [
        ("deployed", "présence"),
        ("deployed", "travaillent"),
        ("deployed", "déployés"),
    ]


@pytest.mark.parametrize(
    ("lang", "text", "aspect", "rate_unit"),
    [
        ("fr", "Le bilan s'alourdit à 120 morts.", "total", None),
        ("fr", "Les frappes ont fait 30 morts par jour.", "rate", "day"),
        ("fr", "On compte 12 morts de plus.", "increment", None),
        ("en", "Israel killed 12 more people on Monday.", "increment", None),
        ("en", "Russia launched 40 drones a day in May.", "rate", "day"),
        ("en", "The total has risen to 120 dead so far.", "total", None),
        ("es", "Unos 500 manifestantes protestaron cada semana.", "rate", "week"),
        ("es", "Hubo 120 muertos en total.", "total", None),
        ("en", "The strike killed 12 people.", None, None),
    ],
)
def test_aspect_and_rate(lang: str, text: str, aspect: str | None, rate_unit: str | None) -> None:
    q = find_quantities(text, lang=lang)[0]
    assert (q.aspect, q.rate_unit) == (aspect, rate_unit)


def test_a_duration_never_gets_an_event() -> None:
    q = find_quantities("Troops were deployed for 6 months.", lang="en")[0]
    assert (q.unit, q.event) == ("month", None)
