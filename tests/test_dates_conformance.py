"""Conformance of the dates extractor against public reference corpora.

Scored corpora (read from ``tests/conftest.py::PEERS``, never copied):

* Microsoft Recognizers-Text ``Specs/DateTime/{French,English}/DateTimeModel.json``:
  cases whose ``NotSupported``/``NotSupportedByDesign`` lists ``dotnet`` are skipped
  (the reference fails them). ``Context.ReferenceDateTime`` is the publication date.
  A case with no result must give no date; a case with ``date``/``daterange``
  results is scored on those results only (time, datetime, duration and set results
  are out of scope); a case with only other results is not scored. A result is met
  when a mention overlaps its span and, for one of its resolution values, ``value``
  equals the ``date`` value, or ``value`` equals ``start`` and ``value_end`` is
  ``end`` minus one day (Recognizers' exclusive end), or ``end`` is the first day
  of the period holding ``value_end`` (Recognizers ends "between 2014 and 2018" on
  2018-01-01 and "between 3 and 12 of Sept" on the 12th; osintparse ends them on
  2018-12-31 and on the 12th). A value "not resolved" is met by any overlapping
  mention.
* Duckling ``duckling_examples.jsonl``, ``Time`` rows, reference date 2013-02-12.
  Rows expecting nothing must give no date. Rows at day, week, month or year grain
  are scored (hours, minutes, seconds, quarters and holidays are out of scope): the
  longest mention must have the expected value and precision (``datetime``), the
  expected first and last day (``datetimeInterval``, end exclusive), or the expected
  start (``datetimeOpenInterval After``).

Failing case ids are data in ``tests/conformance/known_failures/dates_*.json``; a
new failure is a regression, and a known failure that passes must be removed from
the file (run with ``OSINTPARSE_UPDATE_KNOWN_FAILURES=1`` to rewrite them). The
pass rates are printed and must match ``docs/extractors/dates.md``.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
from collections.abc import Iterator
from typing import Any

import pytest

from osintparse import DateMention, find_dates
from tests.conftest import PEERS, ROOT

KNOWN = ROOT / "tests" / "conformance" / "known_failures"
DOC = ROOT / "docs" / "extractors" / "dates.md"
RECOGNIZERS = PEERS / "recognizers-text" / "Specs" / "DateTime"
DUCKLING = PEERS / "duckling" / "duckling_examples.jsonl"
DUCKLING_REF = dt.date(2013, 2, 12)
LANGS = {"fr": "French", "en": "English"}
UPDATE = os.environ.get("OSINTPARSE_UPDATE_KNOWN_FAILURES") == "1"
DATE_TYPES = ("datetimeV2.date", "datetimeV2.daterange")
GRAINS = {"Day": "day", "Week": "week", "Month": "month", "Year": "year"}

pytestmark = pytest.mark.skipif(
    not PEERS.is_dir(), reason=f"reference corpora not found at {PEERS}"
)


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


def _meets(m: DateMention, value: dict[str, Any]) -> bool:
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


def _recognizers_cases(lang: str) -> Iterator[tuple[str, str, dt.date | None, list[Any]]]:
    path = RECOGNIZERS / LANGS[lang] / "DateTimeModel.json"
    for i, case in enumerate(json.loads(path.read_text(encoding="utf-8-sig"))):
        flags = f"{case.get('NotSupported') or ''} {case.get('NotSupportedByDesign') or ''}"
        if "dotnet" in flags.lower():
            continue
        ref = (case.get("Context") or {}).get("ReferenceDateTime")
        published = dt.datetime.fromisoformat(ref).date() if ref else None
        yield f"{path.name}#{i}", case["Input"], published, case.get("Results") or []


def _score_recognizers(lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """Return (passed, failed) case ids mapped to their input text."""
    passed: dict[str, str] = {}
    failed: dict[str, str] = {}
    for cid, text, published, results in _recognizers_cases(lang):
        wanted = [r for r in results if (r.get("TypeName") or r.get("Typename")) in DATE_TYPES]
        if results and not wanted:
            continue  # only times, durations, sets...: out of scope
        found = find_dates(text, lang=lang, published=published)
        ok = not found if not results else all(_result_met(r, found) for r in wanted)
        (passed if ok else failed)[cid] = text
    return passed, failed


def _result_met(result: dict[str, Any], found: tuple[DateMention, ...]) -> bool:
    start = result.get("Start", result.get("start", 0))
    end = result.get("End", start + len(result["Text"]) - 1) + 1
    values = result["Resolution"].get("values") or []
    return any(m.start < end and start < m.end and any(_meets(m, v) for v in values) for m in found)


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
    """True when ``got`` is the past reading of Duckling's future ``want``.

    Duckling resolves "mardi" or "le 2 mars" to the next one after its reference;
    osintparse, made for news, to the latest one up to the publication date.
    """
    if got is None or not got <= DUCKLING_REF < want:
        return False
    return (want - got).days in (7, 14) or (
        (got.month, got.day) == (want.month, want.day) and want.year - got.year == 1
    )


DIRECTION_ONLY: dict[str, int] = {}


def _score_duckling(lang: str) -> tuple[dict[str, str], dict[str, str]]:
    passed: dict[str, str] = {}
    failed: dict[str, str] = {}
    DIRECTION_ONLY[lang] = 0
    code = lang.upper()
    for line_no, line in enumerate(DUCKLING.read_text(encoding="utf-8").splitlines(), 1):
        row = json.loads(line)
        if row["dimension"] != "Time" or row["lang"] != code:
            continue
        want = _duckling_expected(row["expected"])
        if want is None:
            continue
        found = find_dates(row["text"], lang=lang, published=DUCKLING_REF)
        kind, data = want
        if kind == "none":
            ok = not found
        elif not found:
            ok = False
        else:
            m = max(found, key=lambda f: f.end - f.start)
            if kind == "at":
                ok = m.value == data[0] and m.precision.value == data[1]
            elif kind == "interval":
                ok = (m.value, m.value_end) == data
            else:
                ok = m.value == data
            want_start = data[0] if kind in ("at", "interval") else data
            if not ok and _past_for_future(m.value, want_start):
                DIRECTION_ONLY[lang] += 1
        (passed if ok else failed)[f"L{line_no}"] = row["text"]
    return passed, failed


@functools.cache
def _scores() -> dict[str, dict[str, tuple[dict[str, str], dict[str, str]]]]:
    return {
        "recognizers": {lang: _score_recognizers(lang) for lang in LANGS},
        "duckling": {lang: _score_duckling(lang) for lang in LANGS},
    }


def _rate_line(corpus: str, lang: str) -> str:
    passed, failed = _scores()[corpus][lang]
    total = len(passed) + len(failed)
    line = f"{corpus} {lang}: {len(passed)}/{total} ({100 * len(passed) / total:.1f} %)"
    if corpus == "duckling":
        line += f", {DIRECTION_ONLY[lang]} more only resolved to the past"
    return line


@pytest.mark.parametrize("corpus", ["recognizers", "duckling"])
@pytest.mark.parametrize("lang", list(LANGS))
def test_no_regression_outside_known_failures(corpus: str, lang: str) -> None:
    path = KNOWN / f"dates_{corpus}.json"
    passed, failed = _scores()[corpus][lang]
    if UPDATE:
        data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        data[lang] = dict(sorted(failed.items(), key=lambda kv: (len(kv[0]), kv[0])))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    known = json.loads(path.read_text(encoding="utf-8"))[lang]
    print(_rate_line(corpus, lang))
    new = sorted(set(failed) - set(known))
    assert not new, f"regressions in {corpus} {lang}: {[(c, failed[c]) for c in new]}"
    fixed = sorted(set(known) & set(passed))
    assert not fixed, f"now passing, remove from {path.name}: {fixed}"
    assert len(passed) + len(failed) > 40


def test_pass_rates_are_stated_in_the_docs() -> None:
    text = DOC.read_text(encoding="utf-8")
    for corpus in ("recognizers", "duckling"):
        for lang in LANGS:
            assert _rate_line(corpus, lang) in text, _rate_line(corpus, lang)
