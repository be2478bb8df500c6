"""Quantities corpora of the conformance runner (:mod:`tests.conformance.runner`).

A *case* is one input text of a corpus with the figures the reference expects in it:

* Recognizers-Text (``Specs/Number*/<Language>/{NumberModel,NumberRangeModel,
  CurrencyModel,DimensionModel}.json``): one spec entry (``Input`` and its ``Results``),
  skipping entries whose ``NotSupported`` lists ``dotnet`` (the reference fails them).
* quantulum3 (``quantities.json``): one sentence (``req``) and its quantities (``res``).
* Duckling (``duckling_examples.jsonl`` for English and French, ``duckling_examples_more.jsonl``
  for the other languages): one line of the Numeral, AmountOfMoney, Quantity and Distance
  dimensions; the expression is the whole text; a line with ``negative: true`` or no expected
  value expects nothing.

A case passes when every expected figure is matched by one quantity osintparse finds
and, for a case that expects nothing, when osintparse finds nothing (for Recognizers-Text:
nothing of the model's kind; a Number spec expecting nothing in "the 180ml liquid" says
"no bare number", a Currency spec "no amount of money", a Dimension spec "no measure",
temperatures having a model of their own). A quantity matches an expected figure when

* the value matches (relative tolerance 1e-6); for ranges and bounds ("between",
  "under", "above", Recognizers' ``[20,30)``) ``low`` and ``high`` match instead;
* the unit matches, when the reference unit is listed in ``quantities_units.json`` (units
  outside osintparse's lexicons, e.g. "Finnish markka", are not scored); ``a|b`` accepts
  either, ``*money`` (Duckling's unnamed amount) no unit or any currency, and a value in
  another unit of the same dimension is converted (``factors``); a value in a counting unit
  (``counts``: quantulum3's "a dozen" is 1 dozen) is scored as that many items with no
  unit (12);
* the span matches: the reference span starts between the start of our phrase and the
  start of our number (so a qualifier or currency sign may be included or not) and ends
  at the end of our number, of our phrase before the counted noun, or of our phrase; when
  the reference names a unit osintparse does not know ("4e14 s-1", "50 Wh") the end may
  lie further, provided the extra text holds no other figure.
  Duckling gives no offsets: the expression is the whole (stripped) text.

Extra quantities in a case that expects some are not counted against it.

*The cases the reference passes*: for Recognizers-Text, the scored specs; for quantulum3, the
cases on which ``quantulum3.parser.parse`` itself gives the expected figures under the same
rules (cached in ``quantulum3_reference.json`` with the corpus hash, rebuilt by
``--write-reference``); for Duckling (not runnable here), every row. Out of scope
(``quantities_out_of_scope.json``, by category with its reason): numbers inside IP addresses,
dates, phone numbers and identifiers, which the extractor must not report.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import pathlib
from collections.abc import Iterator
from typing import Any

import attrs
import regex

import osintparse
from tests.conformance.runner import (
    HERE,
    LANGUAGE_FOLDERS,
    Case,
    Corpus,
    Ids,
    Outcome,
    languages,
    peers,
)

_UNITS = json.loads((HERE / "quantities_units.json").read_text("utf-8"))
UNIT_MAP: dict[str, dict[str, str | None]] = {
    k: v for k, v in _UNITS.items() if k in {"money", "measure"}
}
# osintparse unit -> (dimension, size in its base unit): "0.5 kg" is 500 gram for Duckling.
FACTORS: dict[str, tuple[str, float]] = {k: (v[0], v[1]) for k, v in _UNITS["factors"].items()}
# Counting units -> items: quantulum3's "a dozen" (1 dozen) is 12 items for osintparse.
COUNTS: dict[str, float] = {k: float(v) for k, v in _UNITS["counts"].items()}
Q3_REFERENCE = HERE / "quantulum3_reference.json"
OUT_OF_SCOPE = HERE / "quantities_out_of_scope.json"
_UNSCORED = "<unscored>"
MODELS = ("NumberModel", "NumberRangeModel", "CurrencyModel", "DimensionModel")


@attrs.frozen
class Expect:
    value: float | None = None
    low: float | None = None
    high: float | None = None
    bounded: bool = False  # compare low/high instead of value
    unit: str | None = _UNSCORED
    span: tuple[int, int] | None = None
    foreign: bool = False  # the reference names a unit osintparse's lexicons do not have


def _num(s: str) -> float:
    return float(s.strip().strip("()").replace(",", ".").replace(" ", ""))


def _foreign(name: str | None, kind: str) -> bool:
    return name is not None and name not in UNIT_MAP[kind]


def _unit(name: str | None, kind: str) -> str | None:
    if name is None:
        return _UNSCORED
    return UNIT_MAP[kind].get(name, _UNSCORED)


def _recognizers(root: pathlib.Path) -> Iterator[Case]:
    ids = Ids("quantities-recognizers-text")
    for lang in languages():
        folder = LANGUAGE_FOLDERS.get(lang)
        for model in MODELS:
            sub = "Number" if model.startswith("Number") else "NumberWithUnit"
            path = root / "recognizers-text" / "Specs" / sub / str(folder) / f"{model}.json"
            if folder is None or not path.is_file():
                continue
            for spec in json.loads(path.read_text("utf-8-sig")):
                if "dotnet" in (spec.get("NotSupported") or "").lower():
                    continue
                exps = _recognizers_expected(model, spec)
                if exps is None:
                    continue
                cid = ids(lang, model, spec["Input"], spec.get("Results", []))
                yield Case(cid, "quantities-recognizers-text", lang, model, spec["Input"], exps)


def _recognizers_expected(model: str, spec: dict[str, Any]) -> tuple[Expect, ...] | None:
    exps = []
    for r in spec.get("Results", []):
        res = r.get("Resolution") or {}
        span = (r["Start"], r["End"] + 1) if "Start" in r else None
        if model == "NumberRangeModel":
            m = regex.match(r"^([\[(])(.*),(.*)([\])])$", res.get("value", ""))
            if m is None:
                continue
            low = _num(m.group(2)) if m.group(2).strip() else None
            high = _num(m.group(3)) if m.group(3).strip() else None
            exps.append(Expect(low=low, high=high, bounded=True, span=span))
            continue
        if res.get("value") in (None, ""):
            continue
        kind = "money" if model == "CurrencyModel" else "measure"
        unit = _unit(res.get("unit"), kind) if model != "NumberModel" else _UNSCORED
        foreign = model != "NumberModel" and _foreign(res.get("unit"), kind)
        exps.append(Expect(value=_num(res["value"]), unit=unit, span=span, foreign=foreign))
    if spec.get("Results") and not exps:
        return None  # results without a value (e.g. units alone): nothing to score
    return tuple(exps)


def _quantulum3(root: pathlib.Path) -> Iterator[Case]:
    path = root / "quantulum3" / "quantities.json"
    if not path.is_file() or "en" not in languages():
        return
    ids = Ids("quantities-quantulum3")
    merged = {**UNIT_MAP["measure"], **UNIT_MAP["money"]}
    merged["pound sterling"] = "GBP"
    reference = _q3_passed()
    for item in json.loads(path.read_text("utf-8")):
        text = item["req"]
        exps = []
        for r in item["res"]:
            start = text.find(r["surface"])
            span = (start, start + len(r["surface"])) if start >= 0 else None
            unit = merged.get(r["unit"], _UNSCORED) if r["unit"] in merged else _UNSCORED
            foreign = r["unit"] not in merged
            value = float(r["value"])
            if r["unit"] in COUNTS:  # 1 dozen is 12 items, with no unit
                value, unit, foreign = value * COUNTS[r["unit"]], None, False
            exps.append(Expect(value=value, unit=unit, span=span, foreign=foreign))
        cid = ids("en", "quantities", text, item["res"])
        yield Case(
            cid,
            "quantities-quantulum3",
            "en",
            "quantities",
            text,
            tuple(exps),
            reference=reference is None or cid in reference,
        )


_DUCK = regex.compile(r"^(simple|between|under|above) (\S+) (\([^)]*\)|\S+)")
_DUCK_DIMS = {"Numeral": "measure", "AmountOfMoney": "money", "Quantity": "measure"}
_DUCK_DIMS["Distance"] = "measure"
DUCKLING_FILES = ("duckling_examples.jsonl", "duckling_examples_more.jsonl")


def duckling_rows(root: pathlib.Path) -> Iterator[dict[str, Any]]:
    """Every row of the Duckling example files whose language osintparse supports."""
    for name in DUCKLING_FILES:
        path = root / "duckling" / name
        if not path.is_file():
            continue
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row["lang"].lower() in languages():
                    yield row


def _duckling(root: pathlib.Path) -> Iterator[Case]:
    ids = Ids("quantities-duckling")
    for row in duckling_rows(root):
        kind = _DUCK_DIMS.get(row["dimension"])
        if kind is None:
            continue
        text = row["text"]
        lang = row["lang"].lower()
        stripped = text.strip()
        span = (text.index(stripped), text.index(stripped) + len(stripped)) if stripped else None
        exp = None if row.get("negative") else row["expected"]
        cid = ids(lang, row["dimension"], text, row["expected"], bool(row.get("negative")))
        exps = _duckling_expected(exp, kind, span)
        if exps is not None:
            yield Case(cid, "quantities-duckling", lang, row["dimension"], text, exps)


def _duckling_expected(
    exp: str | None, kind: str, span: tuple[int, int] | None
) -> tuple[Expect, ...] | None:
    if exp is None:
        return ()
    if exp.startswith("NumeralValue "):
        return (Expect(value=_num(exp.split(" ", 1)[1]), span=span),)
    m = _DUCK.match(exp)
    if m is None:
        return None
    how, unit_name, val = m.groups()
    unit = _unit(unit_name, kind)
    foreign = _foreign(unit_name, kind)
    if how == "simple":
        return (Expect(value=_num(val), unit=unit, span=span, foreign=foreign),)
    if how == "between":
        a, b = (_num(x) for x in val.strip("()").split(","))
        return (Expect(low=a, high=b, bounded=True, unit=unit, span=span, foreign=foreign),)
    if how == "under":
        return (Expect(high=_num(val), bounded=True, unit=unit, span=span, foreign=foreign),)
    return (Expect(low=_num(val), bounded=True, unit=unit, span=span, foreign=foreign),)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _pre_noun_end(q: osintparse.Quantity, text: str) -> int:
    if q.noun_start is None:
        return q.end
    head = text[q.start : q.noun_start].rstrip()
    head = regex.sub(r"(?i)\s+(?:of|of the|de|d'|d’|des|du)$", "", head)
    return q.start + len(head.rstrip())


def _unit_ok(q: osintparse.Quantity, unit: str | None) -> bool:
    """Whether ``q``'s unit is the reference's (``a|b``: either; ``*money``: none or a currency)."""
    if unit == "*money":
        return _kind(q) != "measure"
    return q.unit in (tuple(unit.split("|")) if unit else (unit,))


def _converted(q: osintparse.Quantity, e: Expect) -> float | None:
    """``q``'s value in the reference's unit of the same dimension (else None)."""
    if q.unit not in FACTORS or e.unit not in FACTORS or q.value is None:
        return None
    (dim_q, size_q), (dim_e, size_e) = FACTORS[q.unit], FACTORS[e.unit]
    return q.value * size_q / size_e if dim_q == dim_e else None


def _kind(q: osintparse.Quantity) -> str:
    """``"money"`` (ISO 4217 code), ``"temperature"``, ``"measure"`` or ``"number"`` (no unit)."""
    if q.unit is None:
        return "number"
    if q.unit in _TEMPERATURES:
        return "temperature"
    return "money" if q.unit[:3].isupper() else "measure"


# Recognizers-Text scores temperatures in a model of their own (not scored here), so a
# Dimension spec that expects nothing in "24 degrees" says nothing about temperatures.
_TEMPERATURES = frozenset({"degree", "celsius", "fahrenheit", "kelvin"})

# Recognizers-Text models each report one kind of figure: a negative case of the Number model
# ("the 180ml liquid") says "no bare number here", not "no quantity here".
_MODEL_KIND = {
    "NumberModel": "number",
    "NumberRangeModel": "number",
    "CurrencyModel": "money",
    "DimensionModel": "measure",
}


def _matches(q: osintparse.Quantity, e: Expect, text: str) -> bool:
    if e.bounded:
        lo_ok = e.low is None or _close(q.low if q.low is not None else q.value, e.low)
        hi_ok = e.high is None or _close(q.high if q.high is not None else q.value, e.high)
        if e.low is None and q.low is not None and q.qualifier.value != "approximate":
            lo_ok = False
        if e.high is None and q.high is not None and q.qualifier.value != "approximate":
            hi_ok = False
        if not (lo_ok and hi_ok):
            return False
    elif e.unit != _UNSCORED and not _unit_ok(q, e.unit):
        # Another unit of the same dimension: compare the converted amount.
        if not _close(_converted(q, e), e.value):
            return False
    elif not _close(q.value, e.value):
        return False
    if e.unit != _UNSCORED and not _unit_ok(q, e.unit) and _converted(q, e) is None:
        return False
    if e.span is not None:
        s, end = e.span
        ns = q.number_start if q.number_start is not None else q.start
        ne = q.number_end if q.number_end is not None else q.end
        if not (q.start <= s <= ns):
            return False
        ends = {ne, _pre_noun_end(q, text), q.end}
        # A unit osintparse does not know ("4e14 s-1", "50 Wh"): its extent is not scored,
        # as long as the reference span swallows no other figure (digits inside a unit,
        # "s-1", "m^2", count as the unit's).
        loose = e.foreign and end >= ne and not regex.search(r"(?<![\p{L}^/\-−])\d", text[ne:end])
        if end not in ends and not loose:
            return False
    return True


def passes(case: Case) -> bool:
    """Whether osintparse gets ``case`` right (see the module docstring)."""
    found = osintparse.find_quantities(case.text, lang=case.lang)
    if not case.expected:
        if case.corpus == "quantities-recognizers-text":
            kind = _MODEL_KIND[case.part]
            return not [q for q in found if _kind(q) == kind]
        return not found
    return all(any(_matches(q, e, case.text) for q in found) for e in case.expected)


def _score(case: Case) -> Outcome:
    return Outcome(case, passes(case))


# ------------------------------------------------------------ quantulum3 reference


def _corpus_hash(root: pathlib.Path) -> str:
    path = root / "quantulum3" / "quantities.json"
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


def _quantulum3_passes(case: Case) -> bool:
    """Whether quantulum3 itself gets ``case`` right, under the rules of :func:`passes`."""
    from quantulum3 import parser  # slow import: only when the cache is rebuilt

    merged = {**UNIT_MAP["measure"], **UNIT_MAP["money"], "pound sterling": "GBP"}
    found = parser.parse(case.text)
    if not case.expected:
        return not found
    merged |= dict.fromkeys(COUNTS)  # 1 dozen is 12 items, with no unit
    for e in case.expected:
        if not any(
            _close(float(q.value) * COUNTS.get(q.unit.name, 1.0), e.value)
            and (e.unit == _UNSCORED or merged.get(q.unit.name, _UNSCORED) == e.unit)
            and (e.span is None or case.text[q.span[0] : q.span[1]] == case.text[slice(*e.span)])
            for q in found
        ):
            return False
    return True


def quantulum3_reference() -> dict[str, Any]:
    """The cached ids of the quantulum3 cases quantulum3 itself passes, with the corpus hash."""
    loaded: dict[str, Any] = json.loads(Q3_REFERENCE.read_text("utf-8"))
    return loaded


def rebuild_quantulum3_reference() -> pathlib.Path:
    """Run quantulum3 on its own cases and cache the ids it passes (needs quantulum3)."""
    import quantulum3

    root = peers()
    data = {
        "definition": (
            "ids of quantulum3 cases that quantulum3.parser.parse itself passes under the "
            "scoring of tests/conformance/quantities.py; rebuilt by "
            "`python -m tests.conformance.runner --write-reference`"
        ),
        "corpus_sha256": _corpus_hash(root),
        "quantulum3": getattr(quantulum3, "__version__", "unknown"),
        "passed": sorted(c.id for c in _quantulum3(root) if _quantulum3_passes(c)),
    }
    Q3_REFERENCE.write_text(json.dumps(data, indent=1) + "\n", "utf-8")
    _q3_passed.cache_clear()
    return Q3_REFERENCE


@functools.cache
def _q3_passed() -> frozenset[str] | None:
    if not Q3_REFERENCE.is_file():
        return None
    return frozenset(quantulum3_reference()["passed"])


def out_of_scope(corpus: str) -> dict[str, str]:
    """Case id -> category, for the cases listed in ``quantities_out_of_scope.json``."""
    data = json.loads(OUT_OF_SCOPE.read_text("utf-8"))
    return {
        cid: name for name, cat in data["categories"].items() for cid in cat["ids"].get(corpus, [])
    }


CORPORA = (
    Corpus(
        name="quantities-recognizers-text",
        extractor="quantities",
        source="recognizers-text/Specs/{Number,NumberWithUnit}/<Language>/",
        cases=_recognizers,
        score=_score,
        out_of_scope=lambda: out_of_scope("quantities-recognizers-text"),
    ),
    Corpus(
        name="quantities-quantulum3",
        extractor="quantities",
        source="quantulum3/quantities.json",
        cases=_quantulum3,
        score=_score,
        out_of_scope=lambda: out_of_scope("quantities-quantulum3"),
    ),
    Corpus(
        name="quantities-duckling",
        extractor="quantities",
        source="duckling/duckling_examples.jsonl, duckling/duckling_examples_more.jsonl",
        cases=_duckling,
        score=_score,
        out_of_scope=lambda: out_of_scope("quantities-duckling"),
    ),
)
