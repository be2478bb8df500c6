"""The rule tables of the claims engine that read language data, and the scoring tables.

* :data:`INHERITANCE`: when a sentence with no source of its own carries over the
  previous claim's sources (``continuation``, ``reported_speech``, ``pronoun``), each
  reading one list of ``claims.toml``; the first rule that answers wins.
* :data:`ADJUSTMENT_RULES`: when each adjustment of :data:`ADJUSTMENTS` applies to
  a claim's certainty.
* :data:`STANCE_ORDER`, :data:`BASE_CERTAINTY`, :data:`ADJUSTMENTS`: the scoring
  tables (language-independent).

What stays in code is script, not language: two apostrophes (``'`` and ``’``), the
letters, apostrophe and hyphen that make a word, and the comma that closes an
opening adverbial. The lengths (longest opening adverbial, longest text around an
anaphoric attribution) are in the ``[claims]`` section of ``language.toml``.

Examples
--------
>>> INHERITANCE.names()
('continuation', 'reported_speech', 'pronoun')
>>> inherits("À l’heure actuelle, ils ne sont pas là.", lexicon("fr"))
'pronoun:ils'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import attrs
import regex

from osintparse import lexicons
from osintparse._cache import once
from osintparse._patterns import RuleTable, alternation, compiled
from osintparse._records import record_repr
from osintparse._regexcode import compile_pattern
from osintparse.model import Attribution, SourceKind, Stance

__all__ = [
    "ADJUSTMENTS",
    "ADJUSTMENT_RULES",
    "BASE_CERTAINTY",
    "INHERITANCE",
    "STANCE_ORDER",
    "Lexicon",
    "Sources",
    "inherits",
    "lexicon",
    "sources",
]

#: Stances from strongest to weakest evidence (``denied`` is handled apart).
STANCE_ORDER: tuple[Stance, ...] = (
    Stance.CONFIRMED,
    Stance.ASSERTED,
    Stance.REPORTED,
    Stance.ESTIMATED,
    Stance.ALLEGED,
    Stance.REQUESTED,
)

#: Certainty a claim starts from, by stance.
BASE_CERTAINTY: Mapping[Stance, float] = {
    Stance.CONFIRMED: 0.9,
    Stance.ASSERTED: 0.75,
    Stance.REPORTED: 0.65,
    Stance.ESTIMATED: 0.55,
    Stance.ALLEGED: 0.35,
    Stance.DENIED: 0.15,
    # A request ("calls for a ceasefire") vouches for nothing: as if unattributed.
    Stance.REQUESTED: 0.5,
    Stance.UNATTRIBUTED: 0.5,
}

#: Further adjustments to certainty, by rule of :data:`ADJUSTMENT_RULES`.
ADJUSTMENTS: Mapping[str, float] = {
    # every source of the claim is anonymous ("des sources locales", "officials")
    "anonymous_only": -0.1,
    # the sources are carried over from the previous sentence
    "inherited": -0.05,
    # two or more distinct sources agree (not counting inherited ones)
    "corroborated": 0.05,
}

# Letters, apostrophe and hyphen make a word ("qu'ils", "celui-ci").
_WORD = compile_pattern(r"[\p{L}'-]+")
# What may come before a sentence's first word (quotes, dashes, digits...).
_LEAD = r"[^\p{L}'-]{0,40}"
_WORD_END = r"(?![\p{L}'-])"


@attrs.frozen(eq=False, repr=False)
class Lexicon:
    """The claims data of one language, compiled once.

    Each pattern is matched at the start of a sentence's :func:`key`.

    Examples
    --------
    >>> lexicon("en").anaphora_max_rest
    12
    """

    continuation: regex.Pattern[str]
    reported_speech: regex.Pattern[str]
    pronoun: regex.Pattern[str]
    anaphora_max_rest: int


def key(text: str) -> str:
    """A sentence as the inheritance rules read it: case folded, one apostrophe.

    Examples
    --------
    >>> key("D’Autre part")
    "d'autre part"
    """
    return text.casefold().replace("\u2019", "'")


def _words(entries: Sequence[str]) -> list[str]:
    return [key(e) for e in entries]


@once
def lexicon(lang: str) -> Lexicon:
    """Return the claims data of ``lang`` as patterns (cached).

    Examples
    --------
    >>> bool(lexicon("fr").continuation.match("en outre, 20 chars"))
    True
    """
    data = lexicons.load(lang, "claims")["inheritance"]
    typology = lexicons.language(lang)["claims"]
    adverbial = rf"[^,]{{1,{typology['adverbial_max_chars']}}},"
    # Two-word pronouns ("ces derniers") may be split by any non-word characters.
    pronouns = alternation(_words(data["pronouns"]), gap=r"[^\p{L}'-]{1,24}")
    # \A: the patterns only match at the start of a sentence (and fail at once
    # anywhere else, so a scan of a long text stays cheap).
    return Lexicon(
        continuation=compiled(r"\A" + alternation(_words(data["continuation"]), boundary=True)),
        reported_speech=compiled(
            rf"\A{_LEAD}(" + alternation(_words(data["reported_speech"])) + ")" + _WORD_END
        ),
        # Without an opening adverbial first, as the lazy ?? tries.
        pronoun=compiled(rf"\A(?:{adverbial})??{_LEAD}({pronouns}){_WORD_END}"),
        anaphora_max_rest=typology["anaphora_max_rest_chars"],
    )


# -- inheritance -------------------------------------------------------------------------

#: ``(sentence key, lexicon)`` -> the lexicon entry that matched, or ``None``.
InheritanceRule = Callable[[str, Lexicon], "str | None"]
INHERITANCE: RuleTable[InheritanceRule] = RuleTable("claims inheritance")


def _entry(text: str) -> str:
    return " ".join(_WORD.findall(text))


@INHERITANCE.rule("continuation")
def _continuation(sentence: str, lex: Lexicon) -> str | None:
    """Opens with a continuation marker ("En outre", "In addition"): ``continuation``."""
    m = lex.continuation.match(sentence)
    return " ".join(m.group().split()) if m else None


@INHERITANCE.rule("reported_speech")
def _reported_speech(sentence: str, lex: Lexicon) -> str | None:
    """First word marks reported speech ("Aurait", "Reportedly"): ``reported_speech``."""
    m = lex.reported_speech.match(sentence)
    return _entry(m.group(1)) if m else None


@INHERITANCE.rule("pronoun")
def _pronoun(sentence: str, lex: Lexicon) -> str | None:
    """Subject is an anaphoric pronoun ("ils", "they"), maybe after "X, ": ``pronouns``.

    The opening adverbial ends in a comma and is at most
    ``language.toml [claims] adverbial_max_chars`` long.
    """
    m = lex.pronoun.match(sentence)
    return _entry(m.group(1)) if m else None


def inherits(text: str, lex: Lexicon) -> str | None:
    """Return ``rule:entry`` of the first inheritance rule matching ``text``, or ``None``.

    Examples
    --------
    >>> inherits("In addition, 20 tanks came.", lexicon("en"))
    'continuation:in addition'
    >>> inherits("The city is calm.", lexicon("en")) is None
    True
    """
    sentence = key(text)
    for rule in INHERITANCE:
        entry = rule.fn(sentence, lex)
        if entry is not None:
            return f"{rule.name}:{entry}"
    return None


# -- what the sources say, once per set of sources ----------------------------------------


@attrs.frozen
class Sources:
    """What a claim's sources give its stance and certainty, computed once per tuple.

    A claim that inherits its sources shares the previous claim's tuple and these
    facts, so inheriting costs the same whatever the number of sources. The facts
    are values (not the tuple they were read from): claims whose sources say the
    same share one record.

    Examples
    --------
    >>> sources(()).stance
    <Stance.UNATTRIBUTED: 'unattributed'>
    >>> sources(()) == sources(())
    True
    """

    __repr__ = record_repr

    stance: Stance
    anonymous_only: bool
    distinct: int


def _stance(attributions: Sequence[Attribution]) -> Stance:
    stances = {a.stance for a in attributions}
    if Stance.DENIED in stances:
        return Stance.DENIED
    return next((s for s in STANCE_ORDER if s in stances), Stance.UNATTRIBUTED)


def sources(attributions: tuple[Attribution, ...]) -> Sources:
    """Return the stance and certainty facts of a claim's (deduplicated) sources.

    ``stance`` is ``denied`` if any source denies, else the first of
    :data:`STANCE_ORDER` among the sources, else ``unattributed``.

    Examples
    --------
    >>> sources(()).anonymous_only
    False
    """
    return Sources(
        stance=_stance(attributions),
        anonymous_only=bool(attributions)
        and all(a.source_kind is SourceKind.ANONYMOUS for a in attributions),
        distinct=len({a.source.casefold() for a in attributions}),
    )


# -- certainty adjustments ------------------------------------------------------------------

#: ``(sources, inherited)`` -> whether the adjustment of the same name applies.
AdjustmentRule = Callable[[Sources, bool], bool]
ADJUSTMENT_RULES: RuleTable[AdjustmentRule] = RuleTable("claims certainty adjustments")


@ADJUSTMENT_RULES.rule("anonymous_only")
def _anonymous_only(found: Sources, inherited: bool) -> bool:
    """Every source is anonymous ("des sources locales", "officials"): -0.10."""
    return found.anonymous_only


@ADJUSTMENT_RULES.rule("inherited")
def _inherited(found: Sources, inherited: bool) -> bool:
    """The sources are carried over from the previous sentence: -0.05."""
    return inherited


@ADJUSTMENT_RULES.rule("corroborated")
def _corroborated(found: Sources, inherited: bool) -> bool:
    """Two or more distinct sources, not inherited: +0.05."""
    return not inherited and found.distinct >= 2
