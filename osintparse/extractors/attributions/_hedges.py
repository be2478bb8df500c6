"""Hedges: the words that lower (or raise) the certainty of what a sentence says.

Each rule of :data:`HEDGES` builds one alternative of the language's hedge pattern
from its data (``hedges.toml``, ``language.toml`` ``attributions.conditional_endings``)
and reads what it matched: the effect on certainty and the lexicon entry. A hedge's
``rule`` is ``"<rule name>:<entry>"``: ``hedge:reportedly``, ``conditional:raient``.

Examples
--------
>>> t = "Ils auraient probablement perdu le pont."
>>> [(t[s:e], effect, rule) for s, e, effect, rule in hedges_in(t, 0, len(t), "fr")]
[('auraient', -0.2, 'conditional:raient'), ('probablement', -0.2, 'hedge:probablement')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

import attrs
import regex

from osintparse import lexicons
from osintparse._cache import once
from osintparse._patterns import LazyPattern, RuleTable, alternation, lazy
from osintparse.extractors.attributions._lexicon import AFTER, BEFORE, key, keys

__all__ = ["HEDGES", "HedgeData", "HedgeLexicon", "HedgeShape", "hedge_lexicon", "hedges_in"]


@attrs.frozen(eq=False, repr=False)
class HedgeData:
    """The hedge data of one language.

    Examples
    --------
    >>> hedge_lexicon("en").data.effects["reportedly"]
    -0.2
    """

    effects: Mapping[str, float]
    conditional_endings: tuple[str, ...]
    conditional_effect: float
    not_conditional: frozenset[str]


#: What a hedge rule reads from its match: effect and lexicon entry, or ``None``.
Reader = Callable[[regex.Match[str]], tuple[float, str] | None]


@attrs.frozen(eq=False, repr=False)
class HedgeShape:
    """One alternative of the hedge pattern (a named group, the rule's name) and its reader.

    Examples
    --------
    >>> HedgeShape("(?P<hedge>x)", lambda m: (0.1, "x")).pattern
    '(?P<hedge>x)'
    """

    pattern: str
    read: Reader


#: The hedge rules, in the order their alternatives are tried at one position.
HEDGES: RuleTable[Callable[[HedgeData], HedgeShape | None]] = RuleTable("hedges")


@HEDGES.rule("hedge")
def _phrase(d: HedgeData) -> HedgeShape | None:
    """A listed phrase (`phrases`): "reportedly", "probablement", "could not be verified"."""

    def read(m: regex.Match[str]) -> tuple[float, str]:
        word = key(m.group())
        return d.effects[word], word

    return HedgeShape(f"(?P<hedge>{alternation(d.effects)})", read)


@HEDGES.rule("conditional")
def _conditional(d: HedgeData) -> HedgeShape | None:
    """A word with a conditional ending ("aurait", "seraient"), unless listed in `not`."""
    if not d.conditional_endings:
        return None

    def read(m: regex.Match[str]) -> tuple[float, str] | None:
        if key(m.group()) in d.not_conditional:
            return None
        return d.conditional_effect, key(m.group("ending"))

    ending = alternation(d.conditional_endings)
    return HedgeShape(rf"(?P<conditional>\w{{2,40}}?(?P<ending>{ending}))", read)


@attrs.frozen(eq=False, repr=False)
class HedgeLexicon:
    """The compiled hedge pattern of one language and the readers of its rules.

    Examples
    --------
    >>> sorted(hedge_lexicon("fr").readers)
    ['conditional', 'hedge']
    """

    data: HedgeData
    pattern: LazyPattern
    readers: Mapping[str, Reader]


@once
def hedge_lexicon(lang: str) -> HedgeLexicon:
    """Return the compiled hedge lexicon of ``lang`` (built once, cached).

    Examples
    --------
    >>> hedge_lexicon("en").data.conditional_endings
    ()
    """
    data = lexicons.load(lang, "hedges")
    cond = data["conditional"]
    d = HedgeData(
        effects={key(k): float(v) for k, v in data["phrases"].items()},
        conditional_endings=tuple(lexicons.language(lang)["attributions"]["conditional_endings"]),
        conditional_effect=float(cond["effect"]),
        not_conditional=keys(cond["not"]),
    )
    shapes = {rule.name: rule.fn(d) for rule in HEDGES}
    alts = {name: s for name, s in shapes.items() if s is not None}
    pattern = lazy(
        BEFORE + "(?:" + "|".join(s.pattern for s in alts.values()) + ")" + AFTER,
        regex.IGNORECASE | regex.V1,
    )
    return HedgeLexicon(d, pattern, {name: s.read for name, s in alts.items()})


def hedges_in(text: str, lo: int, hi: int, lang: str) -> Iterator[tuple[int, int, float, str]]:
    """Yield ``(start, end, effect, rule)`` for each hedge of ``text[lo:hi]``.

    Examples
    --------
    >>> list(hedges_in("It reportedly fell.", 0, 19, "en"))
    [(3, 13, -0.2, 'hedge:reportedly')]
    """
    lex = hedge_lexicon(lang)
    for m in lex.pattern.finditer(text, lo, hi):
        name = m.lastgroup or ""
        read = lex.readers[name](m)
        if read is not None:
            yield m.start(), m.end(), read[0], f"{name}:{read[1]}"
