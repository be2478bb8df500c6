"""Post-passes over the quantities of a span: one unit with an article, and joins.

After the phrase steps have built one quantity per number, the passes of
:data:`PASSES` run in order over the list: "a dollar" is added, and neighbours are
joined into one quantity: an amount and its sub-unit ("20 dollars 43 cents"), two
bounds ("more than 10 and less than 20"), a measure written in parts ("5 feet 2
inches") and a figure restated in brackets ("five (5) years"). A joined quantity's
``rule`` is the first one's, then ``+<pass>``, then (for bounds and parts) ``+`` and
the second one's.

Examples
--------
>>> PASSES.names()
('article-unit', 'subunit', 'bounds', 'compound', 'restated')
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from osintparse._patterns import WINDOW, RuleTable, compiled, match_at
from osintparse._records import record_repr
from osintparse.extractors.quantities._context import (
    _is_currency,
    _norm_phrase,
    _noun,
    _Raw,
    _Rules,
    _unit_at,
)
from osintparse.model import Qualifier

__all__ = ["PASSES"]

_LOWER = frozenset({Qualifier.MORE_THAN, Qualifier.AT_LEAST})
_UPPER = frozenset({Qualifier.LESS_THAN, Qualifier.AT_MOST})
_LOOSE = frozenset({Qualifier.EXACT, Qualifier.APPROXIMATE})


@attrs.frozen(eq=False)
class _Span:
    """The text span the passes work on, and the spans no quantity may start in (URLs...)."""

    __repr__ = record_repr

    rules: _Rules
    text: str
    pos: int
    endpos: int
    blocked: tuple[tuple[int, int], ...]


_Pass = Callable[[_Span, list[_Raw]], list[_Raw]]
#: The post-passes, in order.
PASSES: RuleTable[_Pass] = RuleTable("quantity passes")


def _pairwise(found: list[_Raw], join: Callable[[_Raw, _Raw], _Raw | None]) -> list[_Raw]:
    """Join each quantity into the one before it where ``join`` says so."""
    out: list[_Raw] = []
    for raw in found:
        joined = join(out[-1], raw) if out else None
        if joined is None:
            out.append(raw)
        else:
            out[-1] = joined
    return out


def _joined(span: _Span, prev: _Raw, raw: _Raw) -> bool:
    """Whether only a bound joiner ("and", "but", ",", "et") stands between the two."""
    return (
        raw.start - prev.end < WINDOW
        and span.rules.bound_joiner.fullmatch(span.text, prev.end, raw.start) is not None
    )


def _adjacent(span: _Span, prev: _Raw, raw: _Raw) -> bool:
    """Whether only white space or a bound joiner stands between the two."""
    return not span.text[prev.end : raw.start].strip() or _joined(span, prev, raw)


@PASSES.rule("article-unit")
def _article_units(span: _Span, found: list[_Raw]) -> list[_Raw]:
    """One unit with an article: "a dollar", "un kilomètre" (``small_words.one``).

    Not the units an article cannot stand for one of (``_common/units.toml``
    ``[article] excluded``: "a year ago", "a second time"), unless a sentence follows
    (``small_words.sentence_words``: "un an de prison", "a year in prison").
    """
    rules, added = span.rules, []
    for m in rules.article_unit.finditer(span.text, span.pos, span.endpos):
        unit = rules.suffix_units[_norm_phrase(m["u"])]
        sentence = match_at(rules.article_duration, span.text, m.end(), span.endpos) is not None
        if (unit in rules.no_article_units and not sentence) or any(
            b[0] <= m.start() < b[1] for b in span.blocked
        ):
            continue
        if any(r.start < m.end() and m.start() < r.end for r in found):
            continue
        added.append(
            _Raw(
                start=m.start(),
                end=m.end(),
                value=1.0,
                low=None,
                high=None,
                qualifier=Qualifier.EXACT,
                unit=unit,
                number_start=m.start(),
                number_end=m.end("a"),
                noun_start=None,
                noun_end=None,
                rule=f"article-unit:{m['a'].lower()}|unit:{m['u']}",
            )
        )
    return sorted([*found, *added], key=lambda r: r.start) if added else found


def _cents_unit(span: _Span, prev: _Raw, raw: _Raw) -> bool:
    """The second amount is in a sub-unit of the first's currency, or bare at the end."""
    rules = span.rules
    if raw.unit is None:
        return not span.text[raw.end : raw.end + 2].strip(" .,;!?")  # "15 dollars 50."
    return raw.unit.startswith(f"{prev.unit}{rules.subunit_separator}") or raw.unit.endswith(
        rules.any_currency
    )


def _join_cents(span: _Span, prev: _Raw, raw: _Raw) -> _Raw | None:
    if not (
        _is_currency(prev.unit)
        and prev.noun_start is None
        and prev.value == int(prev.value)
        and 0 < raw.value < 100
        and raw.value == int(raw.value)
        and raw.qualifier is Qualifier.EXACT
        and raw.noun_start is None
        and _cents_unit(span, prev, raw)
        and _adjacent(span, prev, raw)
    ):
        return None
    return attrs.evolve(
        prev,
        end=raw.end,
        value=prev.value + raw.value / 100,
        low=None,
        high=None,
        number_end=raw.number_end,
        rule=f"{prev.rule}+subunit",
    )


@PASSES.rule("subunit")
def _cents(span: _Span, found: list[_Raw]) -> list[_Raw]:
    """Cents after an amount: "20 dollars 43 cents", "$20 and 43c", "15 dollars et 15"."""
    return _pairwise(found, lambda prev, raw: _join_cents(span, prev, raw))


def _join_bounds(span: _Span, prev: _Raw, raw: _Raw) -> _Raw | None:
    pair = {prev.qualifier, raw.qualifier}
    if not (pair & _LOWER and pair & _UPPER and _joined(span, prev, raw)):
        return None
    lower, upper = (prev, raw) if prev.qualifier in _LOWER else (raw, prev)
    low, high = lower.value, upper.value
    if low > high:
        return None
    noun = raw if raw.noun_start is not None else prev
    return attrs.evolve(
        prev,
        end=raw.end,
        value=(low + high) / 2,
        low=low,
        high=high,
        qualifier=Qualifier.RANGE,
        unit=prev.unit or raw.unit,
        number_end=raw.number_end,
        noun_start=noun.noun_start,
        noun_end=noun.noun_end,
        rule=f"{prev.rule}+bounds+{raw.rule}",
    )


@PASSES.rule("bounds")
def _bounds(span: _Span, found: list[_Raw]) -> list[_Raw]:
    """Two bounds into one range: "plus de 10 et moins de 20", "more than 10 and less than 20"."""
    return _pairwise(found, lambda prev, raw: _join_bounds(span, prev, raw))


def _part_unit(span: _Span, prev: _Raw, raw: _Raw) -> tuple[str | None, int]:
    """The unit of the second part and where it ends: "5 ft 2 in more or less" is inches."""
    part = span.rules.part_units.get(prev.unit or "") if raw.unit is None else None
    if part is not None:
        f = match_at(part[1], span.text, raw.number_end, len(span.text))
        if f is not None and raw.end <= f.end():
            return part[0], f.end()
    return raw.unit, raw.end


def _join_compound(span: _Span, prev: _Raw, raw: _Raw) -> _Raw | None:
    dimensions = span.rules.dimensions
    unit, end = _part_unit(span, prev, raw)
    big, small = dimensions.get(prev.unit or ""), dimensions.get(unit or "")
    if not (
        big is not None
        and small is not None
        and big[0] == small[0]
        and big[1] > small[1]
        and prev.noun_start is None
        and prev.qualifier in _LOOSE
        and raw.qualifier is Qualifier.EXACT
        and raw.value >= 0
        and _adjacent(span, prev, raw)
    ):
        return None
    return attrs.evolve(
        prev,
        end=max(end, raw.end),
        value=round(prev.value * (big[1] / small[1]) + raw.value, 9),
        low=None,
        high=None,
        unit=unit,
        number_end=raw.number_end,
        noun_start=raw.noun_start,
        noun_end=raw.noun_end,
        rule=f"{prev.rule}+compound+{raw.rule}",
    )


@PASSES.rule("compound")
def _compound(span: _Span, found: list[_Raw]) -> list[_Raw]:
    """A measure in parts, in the smallest unit: "5 feet 2 inches", "2 km and 1 m".

    Units and sizes from ``_common/units.toml`` ``[dimensions]`` and ``[parts]``.
    """
    return _pairwise(found, lambda prev, raw: _join_compound(span, prev, raw))


def _join_restated(span: _Span, prev: _Raw, raw: _Raw) -> _Raw | None:
    text, rules = span.text, span.rules
    if prev.value != raw.value or prev.noun_start is not None:
        return None
    if compiled(r"\s*\(\s*").fullmatch(text, prev.end, raw.start) is None:
        return None
    close = compiled(r"\s*\)").match(text, raw.number_end)
    if close is None:
        return None
    end, unit = max(raw.end, close.end()), prev.unit or raw.unit
    noun = (raw.noun_start, raw.noun_end)
    u = _unit_at(rules, text, close.end(), len(text)) if unit is None else None
    if u is not None and end == close.end():
        end, unit = u[2], u[0]  # "five (5) years"
    elif unit is None and end == close.end():
        found_noun = _noun(rules, text, end, len(text), False)  # "five (5) soldiers"
        if found_noun is not None:
            noun, end = found_noun, found_noun[1]
    return attrs.evolve(
        prev,
        end=end,
        unit=unit,
        noun_start=noun[0],
        noun_end=noun[1],
        rule=f"{prev.rule}+restated",
    )


@PASSES.rule("restated")
def _restated(span: _Span, found: list[_Raw]) -> list[_Raw]:
    """A figure restated in brackets: "forty-five (45)", "five (5) years", "45 (forty five)"."""
    return _pairwise(found, lambda prev, raw: _join_restated(span, prev, raw))
