"""Dates corpora of the conformance runner (:mod:`tests.conformance.runner`).

* Microsoft Recognizers-Text ``Specs/DateTime/<Language>/DateTimeModel.json``: cases whose
  ``NotSupported``/``NotSupportedByDesign`` lists ``dotnet`` are skipped (the reference fails
  them). ``Context.ReferenceDateTime`` is the publication date. A case with no result must
  give no date; a case with ``date``/``daterange`` results is scored on those results only
  (time, datetime, duration and set results are out of scope); a case with only other
  results is not scored. A result is met when a mention overlaps its span and, for one of
  its resolution values, ``value`` equals the ``date`` value, or ``value`` equals ``start``
  and ``value_end`` is ``end`` minus one day (Recognizers' exclusive end), or ``end`` is the
  first day of the period holding ``value_end`` (Recognizers ends "between 2014 and 2018" on
  2018-01-01 and "between 3 and 12 of Sept" on the 12th; osintparse ends them on 2018-12-31
  and on the 12th). A value "not resolved" is met by any overlapping mention.
* Duckling ``duckling_examples.jsonl`` (English, French) and ``duckling_examples_more.jsonl``
  (other languages), ``Time`` rows, reference date 2013-02-12. Rows expecting nothing (or
  marked ``negative``) must give no date. Rows at day, week, month or year grain are scored
  (hours, minutes, seconds, quarters and holidays are out of scope): the longest mention must
  have the expected value and precision (``datetime``), the expected first and last day
  (``datetimeInterval``, end exclusive), or the expected start (``datetimeOpenInterval
  After``). Duckling resolves "mardi" or "le 2 mars" to the next one after its reference;
  osintparse, made for news, to the latest one up to the publication date: a failing row
  that differs only so is noted ``past`` and counted apart.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

import osintparse
from tests.conformance.quantities import duckling_rows
from tests.conformance.runner import LANGUAGE_FOLDERS, Case, Corpus, Ids, Outcome, languages

DUCKLING_REF = dt.date(2013, 2, 12)
DATE_TYPES = ("datetimeV2.date", "datetimeV2.daterange")
GRAINS = {"Day": "day", "Week": "week", "Month": "month", "Year": "year"}


def _day(text: str | None) -> dt.date | None:
    if not text or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    return dt.date.fromisoformat(text)


def _period_start(d: dt.date, precision: str) -> dt.date:
    if precision == "year":
        return d.replace(month=1, day=1)
    if precision == "month":
        return d.replace(day=1)
    return d


def _meets(m: osintparse.DateMention, value: dict[str, Any]) -> bool:
    if value.get("value") == "not resolved":
        return True  # the reference found the span but gives no value
    if "value" in value and value.get("type") == "date":
        return m.value is not None and m.value == _day(value["value"])
    start, end = _day(value.get("start")), _day(value.get("end"))
    if start is None or m.value != start:
        return False
    if end is None:
        return True
    if m.value_end is None:
        return False
    # Recognizers ends a range on the first day of its last named period
    # ("between 2014 and 2018" ends on 2018-01-01): accept that reading too.
    return m.value_end == end - dt.timedelta(days=1) or end == _period_start(
        m.value_end, m.precision.value
    )


def _recognizers(root: pathlib.Path) -> Iterator[Case]:
    ids = Ids("dates-recognizers-text")
    for lang in languages():
        folder = LANGUAGE_FOLDERS.get(lang)
        path = root / "recognizers-text" / "Specs" / "DateTime" / str(folder) / "DateTimeModel.json"
        if folder is None or not path.is_file():
            continue
        for case in json.loads(path.read_text(encoding="utf-8-sig")):
            flags = f"{case.get('NotSupported') or ''} {case.get('NotSupportedByDesign') or ''}"
            if "dotnet" in flags.lower():
                continue
            results = case.get("Results") or []
            wanted = [r for r in results if (r.get("TypeName") or r.get("Typename")) in DATE_TYPES]
            if results and not wanted:
                continue  # only times, durations, sets...: out of scope
            ref = (case.get("Context") or {}).get("ReferenceDateTime")
            published = dt.datetime.fromisoformat(ref).date() if ref else None
            cid = ids(lang, "DateTimeModel", case["Input"], ref, results)
            yield Case(
                cid,
                "dates-recognizers-text",
                lang,
                "DateTimeModel",
                case["Input"],
                (bool(results), wanted),
                published=published,
            )


def _result_met(result: dict[str, Any], found: tuple[osintparse.DateMention, ...]) -> bool:
    start = result.get("Start", result.get("start", 0))
    end = result.get("End", start + len(result["Text"]) - 1) + 1
    values = result["Resolution"].get("values") or []
    return any(m.start < end and start < m.end and any(_meets(m, v) for v in values) for m in found)


def _score_recognizers(case: Case) -> Outcome:
    has_results, wanted = case.expected
    found = osintparse.find_dates(case.text, lang=case.lang, published=case.published)
    ok = not found if not has_results else all(_result_met(r, found) for r in wanted)
    return Outcome(case, ok)


_DT = r"\((\d+), (\d+), (\d+), \d+, \d+, \d+\)"


def _date(y: str, m: str, d: str) -> dt.date:
    return dt.date(int(y), max(int(m), 1), max(int(d), 1))


def _duckling_expected(expected: str | None) -> tuple[str, Any] | None:
    """Parse a Duckling Time expectation; None when out of scope."""
    if expected is None:
        return ("none", None)
    if m := re.fullmatch(rf"datetime {_DT} (\w+)", expected):
        grain = GRAINS.get(m.group(4))
        return None if grain is None else ("at", (_date(*m.groups()[:3]), grain))
    if m := re.fullmatch(rf"datetimeInterval \({_DT}, {_DT}\) (\w+)", expected):
        if m.group(7) not in GRAINS:
            return None
        first, after = _date(*m.groups()[:3]), _date(*m.groups()[3:6])
        return ("interval", (first, after - dt.timedelta(days=1)))
    if m := re.fullmatch(rf"datetimeOpenInterval After {_DT} (\w+)", expected):
        return None if m.group(4) not in GRAINS else ("after", _date(*m.groups()[:3]))
    return None  # holidays, open intervals before a date


def _past_for_future(got: dt.date | None, want: dt.date) -> bool:
    """True when ``got`` is the past reading of Duckling's future ``want``."""
    if got is None or not got <= DUCKLING_REF < want:
        return False
    return (want - got).days in (7, 14) or (
        (got.month, got.day) == (want.month, want.day) and want.year - got.year == 1
    )


def _duckling(root: pathlib.Path) -> Iterator[Case]:
    ids = Ids("dates-duckling")
    for row in duckling_rows(root):
        if row["dimension"] != "Time":
            continue
        want = _duckling_expected(None if row.get("negative") else row["expected"])
        if want is None:
            continue
        lang = row["lang"].lower()
        cid = ids(lang, "Time", row["text"], row["expected"], bool(row.get("negative")))
        yield Case(cid, "dates-duckling", lang, "Time", row["text"], want, published=DUCKLING_REF)


def _score_duckling(case: Case) -> Outcome:
    kind, data = case.expected
    found = osintparse.find_dates(case.text, lang=case.lang, published=DUCKLING_REF)
    if kind == "none":
        return Outcome(case, not found)
    if not found:
        return Outcome(case, False)
    m = max(found, key=lambda f: f.end - f.start)
    if kind == "at":
        ok = m.value == data[0] and m.precision.value == data[1]
    elif kind == "interval":
        ok = (m.value, m.value_end) == data
    else:
        ok = m.value == data
    want_start = data[0] if kind in ("at", "interval") else data
    past = not ok and _past_for_future(m.value, want_start)
    return Outcome(case, ok, "past" if past else None)


def _past_note(outcomes: Sequence[Outcome], lang: str) -> str:
    n = sum(1 for o in outcomes if o.case.lang == lang and o.note == "past")
    return f"{n} more only resolved to the past" if n else ""


CORPORA = (
    Corpus(
        name="dates-recognizers-text",
        extractor="dates",
        source="recognizers-text/Specs/DateTime/<Language>/DateTimeModel.json",
        cases=_recognizers,
        score=_score_recognizers,
    ),
    Corpus(
        name="dates-duckling",
        extractor="dates",
        source="duckling/duckling_examples.jsonl, duckling/duckling_examples_more.jsonl (Time)",
        cases=_duckling,
        score=_score_duckling,
        notes=_past_note,
    ),
)
