"""Score osintparse's quantities against public reference corpora in ``../shared/peers``.

A *case* is one input text of a corpus with the figures the reference expects in it:

* Recognizers-Text (``Specs/Number*/<Language>/{NumberModel,NumberRangeModel,
  CurrencyModel,DimensionModel}.json``): one spec entry (``Input`` and its ``Results``),
  skipping entries whose ``NotSupported`` lists ``dotnet`` (the reference fails them).
* quantulum3 (``quantities.json``): one sentence (``req``) and its quantities (``res``).
* Duckling (``duckling_examples.jsonl``): one line of the Numeral, AmountOfMoney,
  Quantity and Distance dimensions; the expression is the whole text.

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
  another unit of the same dimension is converted (``factors``: Duckling gives masses in
  grams, Recognizers "5 ft 2 in" in feet, Duckling in inches); a value in a counting unit
  (``counts``: quantulum3's "a dozen" is 1 dozen) is scored as that many items with no
  unit (12);
* the span matches: the reference span starts between the start of our phrase and the
  start of our number (so a qualifier or currency sign may be included or not) and ends
  at the end of our number, of our phrase before the counted noun, or of our phrase; when
  the reference names a unit osintparse does not know ("4e14 s-1", "50 Wh") the end may
  lie further, provided the extra text holds no other figure.
  Duckling gives no offsets: the expression is the whole (stripped) text.

Extra quantities in a case that expects some are not counted against it (Recognizers'
Number specs expect only bare numbers, so "180ml" or "$20" fragments are judged by the
negative cases only).

The 90 % target applies to *the cases the reference itself passes* (:func:`reference_passed`):
for Recognizers-Text, the scored specs (``NotSupported`` listing ``dotnet`` marks the ones the
reference fails); for quantulum3, the cases on which ``quantulum3.parser.parse`` itself gives
the expected figures under the same rules (cached in ``quantulum3_reference.json`` with the
corpus hash, rebuilt by ``--write``; quantulum3 0.10 passes all 101); for Duckling (not
runnable here), every row. Rates are reported on all cases, on those, and on those minus the
cases listed by category, each with its reason, in ``quantities_out_of_scope.json`` (numbers
inside IP addresses, dates, phone numbers and identifiers, which the extractor must not report).

Run ``python -m tests.conformance.quantities_runner`` for the pass rates, ``--write`` to rewrite
the known-failure lists ``known_failures/quantities-<corpus>.json`` and the quantulum3 cache,
``--markdown`` for the table of ``docs/extractors/quantities.md`` and the README line.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import pathlib
import sys
from collections.abc import Iterator
from typing import Any

import attrs
import regex

import osintparse

HERE = pathlib.Path(__file__).resolve().parent
PEERS = HERE.parent.parent.parent / "shared" / "peers"
KNOWN = HERE / "known_failures"
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

CORPORA = ("recognizers-text", "quantulum3", "duckling")
LANGS = {"English": "en", "French": "fr"}
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


@attrs.frozen
class Case:
    id: str
    corpus: str
    lang: str
    text: str
    expected: tuple[Expect, ...]


def _num(s: str) -> float:
    return float(s.strip().strip("()").replace(",", ".").replace(" ", ""))


def _foreign(name: str | None, kind: str) -> bool:
    return name is not None and name not in UNIT_MAP[kind]


def _unit(name: str | None, kind: str) -> str | None:
    if name is None:
        return _UNSCORED
    return UNIT_MAP[kind].get(name, _UNSCORED)


def _recognizers() -> Iterator[Case]:
    root = PEERS / "recognizers-text" / "Specs"
    for folder, lang in LANGS.items():
        for model in MODELS:
            sub = "Number" if model.startswith("Number") else "NumberWithUnit"
            path = root / sub / folder / f"{model}.json"
            if not path.is_file():
                continue
            for i, spec in enumerate(json.loads(path.read_text("utf-8-sig"))):
                if "dotnet" in (spec.get("NotSupported") or "").lower():
                    continue
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
                    exps.append(
                        Expect(value=_num(res["value"]), unit=unit, span=span, foreign=foreign)
                    )
                if spec.get("Results") and not exps:
                    continue  # results without a value (e.g. units alone): nothing to score
                yield Case(
                    f"{lang}/{model}/{i}", "recognizers-text", lang, spec["Input"], tuple(exps)
                )


def _quantulum3() -> Iterator[Case]:
    path = PEERS / "quantulum3" / "quantities.json"
    if not path.is_file():
        return
    merged = {**UNIT_MAP["measure"], **UNIT_MAP["money"]}
    merged["pound sterling"] = "GBP"
    for i, item in enumerate(json.loads(path.read_text("utf-8"))):
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
        yield Case(f"en/{i}", "quantulum3", "en", text, tuple(exps))


_DUCK = regex.compile(r"^(simple|between|under|above) (\S+) (\([^)]*\)|\S+)")
_DUCK_DIMS = {"Numeral": "measure", "AmountOfMoney": "money", "Quantity": "measure"}
_DUCK_DIMS["Distance"] = "measure"


def _duckling() -> Iterator[Case]:
    path = PEERS / "duckling" / "duckling_examples.jsonl"
    if not path.is_file():
        return
    for i, line in enumerate(path.read_text("utf-8").splitlines()):
        row = json.loads(line)
        kind = _DUCK_DIMS.get(row["dimension"])
        if kind is None:
            continue
        text = row["text"]
        lang = row["lang"].lower()
        stripped = text.strip()
        span = (text.index(stripped), text.index(stripped) + len(stripped)) if stripped else None
        exp = row["expected"]
        cid = f"{lang}/{row['dimension']}/{i}"
        if exp is None:
            yield Case(cid, "duckling", lang, text, ())
            continue
        if exp.startswith("NumeralValue "):
            e = Expect(value=_num(exp.split(" ", 1)[1]), span=span)
            yield Case(cid, "duckling", lang, text, (e,))
            continue
        m = _DUCK.match(exp)
        if m is None:
            continue
        how, unit_name, val = m.groups()
        unit = _unit(unit_name, kind)
        foreign = _foreign(unit_name, kind)
        if how == "simple":
            e = Expect(value=_num(val), unit=unit, span=span, foreign=foreign)
        elif how == "between":
            a, b = (_num(x) for x in val.strip("()").split(","))
            e = Expect(low=a, high=b, bounded=True, unit=unit, span=span, foreign=foreign)
        elif how == "under":
            e = Expect(high=_num(val), bounded=True, unit=unit, span=span, foreign=foreign)
        else:
            e = Expect(low=_num(val), bounded=True, unit=unit, span=span, foreign=foreign)
        yield Case(cid, "duckling", lang, text, (e,))


def cases(corpus: str) -> list[Case]:
    """Every case of ``corpus`` (empty when the peers folder is absent)."""
    return list(
        {"recognizers-text": _recognizers, "quantulum3": _quantulum3, "duckling": _duckling}[
            corpus
        ]()
    )


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
        if case.corpus == "recognizers-text":
            kind = _MODEL_KIND[case.id.split("/")[1]]
            return not [q for q in found if _kind(q) == kind]
        return not found
    return all(any(_matches(q, e, case.text) for q in found) for e in case.expected)


def _corpus_hash() -> str:
    path = PEERS / "quantulum3" / "quantities.json"
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


def quantulum3_reference(*, rebuild: bool = False) -> dict[str, Any]:
    """The ids of the quantulum3 cases quantulum3 itself passes, cached in ``Q3_REFERENCE``.

    The cache records the SHA-256 of ``quantities.json`` and the quantulum3 version; it is
    rebuilt (by running quantulum3) only with ``rebuild=True`` (``--write``).
    """
    if rebuild:
        import quantulum3

        data = {
            "definition": (
                "ids of quantulum3 cases that quantulum3.parser.parse itself passes under the "
                "scoring of tests/conformance/quantities_runner.py; rebuilt by --write"
            ),
            "corpus_sha256": _corpus_hash(),
            "quantulum3": getattr(quantulum3, "__version__", "unknown"),
            "passed": sorted(
                (c.id for c in cases("quantulum3") if _quantulum3_passes(c)),
                key=lambda i: int(i.split("/")[-1]),
            ),
        }
        Q3_REFERENCE.write_text(json.dumps(data, indent=1) + "\n", "utf-8")
    loaded: dict[str, Any] = json.loads(Q3_REFERENCE.read_text("utf-8"))
    return loaded


def reference_passed(case: Case) -> bool:
    """Whether ``case`` is one the reference itself passes (the 90 % target applies to those).

    Recognizers-Text: every scored case (entries whose ``NotSupported`` lists ``dotnet`` are
    already left out). quantulum3: the ids in ``quantulum3_reference.json``. Duckling (not
    runnable here): every row.
    """
    if case.corpus == "quantulum3":
        return case.id in _q3_passed()
    return True


@functools.cache
def _q3_passed() -> frozenset[str]:
    return frozenset(quantulum3_reference()["passed"])


def score(corpus: str) -> dict[str, Any]:
    """Pass counts per language and the ids of failing cases."""
    by_lang: dict[str, list[int]] = {}
    reference: dict[str, list[int]] = {}
    scoped: dict[str, list[int]] = {}
    failing: list[str] = []
    excluded = out_of_scope(corpus)
    for case in cases(corpus):
        ok = passes(case)
        tallies = [by_lang.setdefault(case.lang, [0, 0])]
        if reference_passed(case):
            tallies.append(reference.setdefault(case.lang, [0, 0]))
            if case.id not in excluded:
                tallies.append(scoped.setdefault(case.lang, [0, 0]))
        for tally in tallies:
            tally[0] += ok
            tally[1] += 1
        if not ok:
            failing.append(case.id)
    return {"by_lang": by_lang, "reference": reference, "scoped": scoped, "failing": failing}


def out_of_scope(corpus: str) -> dict[str, str]:
    """Case id -> category, for the cases listed in ``quantities_out_of_scope.json``.

    Each category there has a reason: the reference expects a number inside something the
    extractor must not report as a quantity (an IP address, a date, a phone number).
    """
    data = json.loads(OUT_OF_SCOPE.read_text("utf-8"))
    return {
        cid: name for name, cat in data["categories"].items() for cid in cat["ids"].get(corpus, [])
    }


def markdown_table() -> str:
    """Pass rates per corpus, language and part (model or dimension), as a Markdown table.

    Per language, ``**all**`` counts every case, ``**reference passes**`` the cases the
    reference itself passes (:func:`reference_passed`) and ``**in scope**`` those minus the
    cases listed in ``quantities_out_of_scope.json``.
    """
    rows = [
        "| corpus | language | part | passed | cases | rate |",
        "| --- | --- | --- | ---: | ---: | ---: |",
    ]
    for corpus in CORPORA:
        excluded = out_of_scope(corpus)
        groups: dict[tuple[str, str], list[int]] = {}
        for case in cases(corpus):
            part = case.id.split("/")[1] if corpus != "quantulum3" else "quantities.json"
            keys = [(case.lang, part), (case.lang, "~1all")]
            if reference_passed(case):
                keys.append((case.lang, "~2reference passes"))
                if case.id not in excluded:
                    keys.append((case.lang, "~3in scope"))
            ok = passes(case)
            for key in keys:
                tally = groups.setdefault(key, [0, 0])
                tally[0] += ok
                tally[1] += 1
        for (lang, part), (p, n) in sorted(groups.items()):
            name = f"**{part[2:]}**" if part.startswith("~") else part
            rows.append(f"| {corpus} | {lang} | {name} | {p} | {n} | {p / n:.1%} |")
    return "\n".join(rows)


def summary() -> str:
    """Per corpus and language, the in-scope rate and, in brackets, the rate with the
    out-of-scope cases, on the cases the reference passes (the README's figures)."""
    parts = []
    for corpus in CORPORA:
        res = score(corpus)
        ref = res["reference"]
        rates = ", ".join(
            f"{lang} {p / n:.1%} ({ref[lang][0] / ref[lang][1]:.1%})"
            for lang, (p, n) in sorted(res["scoped"].items())
        )
        parts.append(f"{corpus} {rates}")
    return "; ".join(parts)


def known_failures(corpus: str) -> set[str]:
    path = KNOWN / f"quantities-{corpus}.json"
    if not path.is_file():
        return set()
    return set(json.loads(path.read_text("utf-8"))["failing"])


def _rate(tally: dict[str, list[int]]) -> str:
    parts = [f"{lang} {p}/{n} = {p / n:.1%}" for lang, (p, n) in sorted(tally.items())]
    p = sum(v[0] for v in tally.values())
    n = sum(v[1] for v in tally.values())
    if len(tally) > 1:
        parts.append(f"all {p}/{n} = {p / n:.1%}")
    return ", ".join(parts)


def main(argv: list[str]) -> int:
    if "--write" in argv:
        quantulum3_reference(rebuild=True)
        _q3_passed.cache_clear()
    if "--markdown" in argv:
        print(markdown_table())
        print()
        print(summary())
        return 0
    for corpus in CORPORA:
        result = score(corpus)
        if not result["by_lang"]:
            continue
        print(f"{corpus}: all cases: {_rate(result['by_lang'])}")
        print(f"{corpus}: cases the reference passes: {_rate(result['reference'])}")
        print(f"{corpus}: same, without out-of-scope cases: {_rate(result['scoped'])}")
        if "--write" in argv:
            KNOWN.mkdir(exist_ok=True)
            data = {
                "corpus": corpus,
                "definition": (
                    "ids of cases osintparse fails; see tests/conformance/quantities_runner.py"
                ),
                "failing": sorted(result["failing"]),
            }
            (KNOWN / f"quantities-{corpus}.json").write_text(
                json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
