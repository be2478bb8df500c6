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
            assert q.trigger_start is None
            assert q.trigger_end is None
        else:
            assert q.trigger_start is not None
            assert q.trigger_end is not None
            assert text[q.trigger_start : q.trigger_end] == exp["trigger"]
            assert "|event-" in q.rule


def test_seed_figures_are_deployments(seed: osintparse.Article) -> None:
    got = [
        (q.event, seed.text[q.trigger_start : q.trigger_end])
        for q in seed.quantities
        if q.trigger_start is not None and q.trigger_end is not None
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


_FR = (
    "Les Nord-Coréens en Russie\n\nSelon Séoul, plus de 10 000 soldats nord-coréens ont été "
    "déployés en Russie. Environ 3 000 soldats nord-coréens ont été tués ou blessés, selon "
    "l'état-major."
)
_EN = (
    "North Koreans in Russia\n\nAbout 11,000 North Korean troops have been deployed to "
    "Russia, officials said. The Pentagon says 1,000 North Korean soldiers were killed or "
    "wounded."
)


def test_a_french_english_pair_compares_by_event() -> None:
    from osintparse.comparison import compare

    a, b = osintparse.parse(_FR, lang="fr"), osintparse.parse(_EN, lang="en")
    groups = {g.event: g for g in compare([a, b], names=["fr", "en"])}
    assert set(groups) == {"deployed", "casualties"}
    deployed, casualties = groups["deployed"], groups["casualties"]
    assert [f.quantity.figure for f in deployed.figures] == [">10 000", "~11 000"]
    assert deployed.agreement
    assert deployed.conflicts == ()
    assert [f.quantity.figure for f in casualties.figures] == ["~3 000", "1 000"]
    assert casualties.conflicts == ((0, 1),)
    assert casualties.conflict_reasons == ("[1] vs [2]: bounds disjoint (~3 000 vs 1 000)",)
    assert [f.sources for f in casualties.figures] == [("état-major",), ("The Pentagon",)]


def test_compare_cli_formats(tmp_path: pathlib.Path) -> None:
    import csv
    import io

    from osintparse.cli import main

    fr, en = tmp_path / "fr.txt", tmp_path / "en.txt"
    fr.write_text(_FR, "utf-8")
    en.write_text(_EN, "utf-8")
    out = io.StringIO()
    assert main(["compare", str(fr), str(en), "--format", "json"], out=out) == 0
    groups = json.loads(out.getvalue())
    rows = [f for g in groups for f in g["figures"]]
    assert {g["event"] for g in groups} == {"deployed", "casualties"}
    assert {(r["event"], r["figure"]) for r in rows} == {
        ("deployed", ">10 000"),
        ("deployed", "~11 000"),
        ("casualties", "~3 000"),
        ("casualties", "1 000"),
    }
    out = io.StringIO()
    assert main(["compare", str(fr), str(en), "--format", "csv"], out=out) == 0
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(table) == 4
    assert {r["conflict"] for r in table if r["event"] == "casualties"} == {"True"}
    out = io.StringIO()
    assert main(["compare", str(fr), str(en)], out=out) == 0
    assert "=> conflict: [1] vs [2]: bounds disjoint (~3 000 vs 1 000)" in out.getvalue()


@pytest.mark.parametrize(
    ("lang", "text", "figure"),
    [
        ("fr", "entre 2 000 et 2 500 drones Shahed", "2 000–2 500"),
        ("fr", "plus de 10 000 soldats", ">10 000"),
        ("fr", "près d'un millier de soldats", "~1 000"),
        ("en", "at least 40 people", "≥40"),
        ("en", "up to 300 drones", "≤300"),
        ("es", "menos de 12 muertos", "<12"),
    ],
)
def test_figures_are_rendered_as_written(lang: str, text: str, figure: str) -> None:
    q = find_quantities(text, lang=lang)[0]
    assert q.figure == figure


def test_the_outline_never_prints_a_range_midpoint() -> None:
    from osintparse.cli import format_outline

    a = osintparse.parse(
        "Titre\n\nSelon Kiev, la Russie a lancé entre 2 000 et 2 500 drones Shahed.", lang="fr"
    )
    out = format_outline(a)
    assert "2 000–2 500 drones Shahed [launched]" in out
    assert "2 250" not in out
    assert "2250" not in out


def _dated(value: float, day: str, *, aspect: str | None = "total") -> Any:
    import datetime

    from osintparse.comparison import Figure
    from osintparse.model import DateMention, Quantity

    q = Quantity(start=0, end=2, text="xx", value=value, event="killed", aspect=aspect)
    d = DateMention(start=0, end=2, text="xx", value=datetime.date.fromisoformat(day))
    return Figure(quantity=q, article=day, dates=(d,))


def test_totals_over_time_conflict_only_when_a_later_total_is_lower() -> None:
    from osintparse.comparison import FigureGroup

    rising = FigureGroup(
        key=("x", (), None),
        label="x",
        figures=(_dated(100, "2025-01-01"), _dated(120, "2025-01-05")),
    )
    assert rising.conflicts == ()
    falling = FigureGroup(
        key=("x", (), None),
        label="x",
        figures=(_dated(120, "2025-01-01"), _dated(100, "2025-01-05")),
    )
    assert falling.conflict_reasons == (
        "[1] vs [2]: a total below an earlier total (100 on 2025-01-05 < 120 on 2025-01-01)",
    )
    apart = FigureGroup(
        key=("x", (), None),
        label="x",
        figures=(_dated(10, "2025-01-01", aspect=None), _dated(500, "2025-06-01", aspect=None)),
        window_days=30,
    )
    assert apart.conflicts == ()
    assert [r["date"].isoformat() for r in apart.timeline()] == ["2025-01-01", "2025-06-01"]
    assert [r["figure"] for r in apart.timeline()] == ["10", "500"]
