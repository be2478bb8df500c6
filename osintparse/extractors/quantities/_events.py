"""Events of figures: what happened to what a figure counts, its aspect and rate.

After the post-passes, each quantity of a span gets the event class of the nearest
trigger word of the language's ``events.toml`` in its clause: inside its counted noun
("120 morts"), after it ("5 000 membres ... sont progressivement déployés") or before
it ("la présence de plus de 10 000", "killing at least 12"). A clause ends at
punctuation, at a word that opens a new clause (``clause_openers``: "and", "qui"), and
at the next or previous quantity, so a trigger is never borrowed from another figure's
clause. No trigger: no event. Each place to look is a rule of :data:`EVENT_RULES`; the
rule and the trigger are added to the quantity's ``rule`` (``event-after:déployés``).
Aspect cues ("au total", "12 more") and rate cues ("par jour") are looked for the same
way, nearer the figure.

Examples
--------
>>> EVENT_RULES.names()
('noun', 'after', 'before')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs
import regex

from osintparse import lexicons
from osintparse._cache import once
from osintparse._patterns import B0, B1, RuleTable, alternation, lazy
from osintparse._records import record_repr
from osintparse.extractors.quantities._context import _norm_phrase, _Raw
from osintparse.extractors.quantities._merges import _Span

__all__ = ["EVENT_RULES"]

_REACH = 80  # characters a trigger may stand from the figure
_NEAR = 40  # characters an aspect or rate cue may stand from the figure
_STEM_END = r"[\p{L}\p{M}]{0,16}"
# Punctuation that ends a clause (not quotes: "“12” soldiers"; not a hyphen).
_PUNCT = r"[,;:.!?()\[\]]|\s[–—]\s"
_I = regex.IGNORECASE


@attrs.frozen(eq=False, repr=False)
class _Lookup:
    """A pattern over trigger words or cues, and the class or key of each."""

    pattern: Any
    exact: Mapping[str, str]
    stems: Mapping[str, str]

    def key(self, m: Any) -> str:
        if m.group("w") is not None:
            return self.exact[_norm_phrase(m.group("w"))]
        return self.stems[_norm_phrase(m.group("s"))]


def _lookup(table: Mapping[str, Iterable[str]]) -> _Lookup:
    """Words (a trailing ``*`` takes any ending) of each key of ``table``, as one pattern."""
    exact: dict[str, str] = {}
    stems: dict[str, str] = {}
    for key, words in table.items():
        for w in words:
            if w.endswith("*"):
                stems[_norm_phrase(w[:-1])] = key
            else:
                exact[_norm_phrase(w)] = key
    source = (
        rf"{B0}(?:(?P<w>{alternation(exact, boundary=True)})"
        rf"|(?P<s>{alternation(stems)}){_STEM_END}{B1})"
    )
    return _Lookup(lazy(source, _I), exact, stems)


@attrs.frozen(eq=False, repr=False)
class _EventRules:
    triggers: _Lookup
    aspects: _Lookup
    rates: _Lookup
    boundary: Any
    durations: frozenset[str]


@once
def _event_rules(lang: str) -> _EventRules:
    ev = lexicons.load(lang, "events")
    openers = alternation(ev["clause_openers"], boundary=True)
    return _EventRules(
        triggers=_lookup(ev["triggers"]),
        aspects=_lookup(ev["aspects"]),
        rates=_lookup(ev["rates"]),
        boundary=lazy(rf"{_PUNCT}|{B0}{openers}", _I),
        durations=frozenset(lexicons.common("events")["durations"]),
    )


@attrs.frozen(eq=False)
class _Clause:
    """One quantity in its span: how far left and right its clause may reach."""

    __repr__ = record_repr

    text: str
    raw: _Raw
    floor: int  # the previous quantity's end, or the span's start
    ceiling: int  # the next quantity's start, or the span's end
    rules: _EventRules


def _first_after(c: _Clause, look: _Lookup, pos: int, reach: int) -> Any:
    """The first match of ``look`` from ``pos``, with no clause boundary before it."""
    m = look.pattern.search(c.text, pos, min(c.ceiling, pos + reach))
    if m is None or c.rules.boundary.search(c.text, pos, m.start()) is not None:
        return None
    return m


def _last_before(c: _Clause, look: _Lookup, pos: int, reach: int) -> Any:
    """The last match of ``look`` ending before ``pos``, with no clause boundary after it."""
    last = None
    for m in look.pattern.finditer(c.text, max(c.floor, pos - reach), pos, overlapped=False):
        last = m
    if last is None or c.rules.boundary.search(c.text, last.end(), pos) is not None:
        return None
    return last


#: Where a trigger is looked for: each rule returns the trigger's match and its distance.
_Found = tuple[Any, int]
EVENT_RULES: RuleTable[Callable[[_Clause], _Found | None]] = RuleTable("event triggers")


@EVENT_RULES.rule("noun")
def _in_noun(c: _Clause) -> _Found | None:
    """A trigger in the counted noun or unit after the figure: "120 morts", "3 000 blessés"."""
    raw = c.raw
    m = c.rules.triggers.pattern.search(c.text, raw.number_end, raw.end)
    return None if m is None else (m, -1)


@EVENT_RULES.rule("after")
def _after(c: _Clause) -> _Found | None:
    """A trigger after the phrase, in its clause: "10 000 soldats ont été déployés"."""
    m = _first_after(c, c.rules.triggers, c.raw.end, _REACH)
    return None if m is None else (m, m.start() - c.raw.end)


@EVENT_RULES.rule("before")
def _before(c: _Clause) -> _Found | None:
    """A trigger before the phrase, in its clause: "killing at least 12", "la présence de"."""
    m = _last_before(c, c.rules.triggers, c.raw.start, _REACH)
    return None if m is None else (m, c.raw.start - m.end())


_RULES = tuple((rule.name, rule.fn) for rule in EVENT_RULES)


def _event(c: _Clause) -> tuple[str, Any] | None:
    """The rule and trigger match nearest the figure (a trigger in the noun first)."""
    best: tuple[str, Any, int] | None = None
    for name, fn in _RULES:
        found = fn(c)
        if found is not None and (best is None or found[1] < best[2]):
            best = (name, found[0], found[1])
    return None if best is None else (best[0], best[1])


def _cue(c: _Clause, look: _Lookup) -> str | None:
    """The key of a cue of ``look`` next to the figure, after it first."""
    raw = c.raw
    m = _first_after(c, look, raw.number_end, _NEAR) or _last_before(c, look, raw.start, _NEAR)
    return None if m is None else look.key(m)


def _with_event(c: _Clause) -> _Raw:
    raw, rules = c.raw, c.rules
    changes: dict[str, Any] = {}
    found = _event(c) if raw.unit not in rules.durations else None
    if found is not None:
        name, m = found
        changes.update(
            event=rules.triggers.key(m),
            trigger_start=m.start(),
            trigger_end=m.end(),
            rule=f"{raw.rule}|event-{name}:{_norm_phrase(m.group())}",
        )
    rate = _cue(c, rules.rates)
    aspect = "rate" if rate is not None else _cue(c, rules.aspects)
    if aspect is not None:
        changes.update(aspect=aspect, rate_unit=rate)
    return attrs.evolve(raw, **changes) if changes else raw


def _with_events(span: _Span, found: list[_Raw], lang: str) -> list[_Raw]:
    """The quantities of ``span`` with their event, aspect and rate unit."""
    if not found:
        return found
    rules = _event_rules(lang)
    out = []
    for i, raw in enumerate(found):
        floor = found[i - 1].end if i else span.pos
        ceiling = found[i + 1].start if i + 1 < len(found) else span.endpos
        out.append(_with_event(_Clause(span.text, raw, floor, ceiling, rules)))
    return out
