"""The context around numbers, as data: the patterns and word sets of one language.

:func:`_rules` compiles, once per language, every pattern the phrase steps
(:mod:`._steps`) and the post-passes (:mod:`._merges`) read, from the ``quantities``,
``units``, ``calendar`` and ``stopwords`` lexicons, the language's typology
(``language.toml``: where the head of a noun phrase sits, plural, participle and adverb
endings, hour words) and the canonical unit names of ``lexicons/_common/units.toml``.
It also holds the look-ups the steps and passes share: the unit written at a position
(:func:`_unit_at`) and the counted noun phrase (:func:`_noun`, one shape per head
position in :data:`NOUN_PHRASES`). Everything works on normalised text offsets.

Examples
--------
>>> NOUN_PHRASES.names()
('head-last', 'head-first')
>>> _unit_at(_rules("fr"), "10 km de route", 2, 14)
('kilometre', 'km', 5)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs
import regex

from osintparse import lexicons
from osintparse._cache import once
from osintparse._patterns import GAP, WORD, RuleTable, alternation, compiled, lazy, match_at
from osintparse._records import record_repr
from osintparse.extractors.quantities._numbers import (
    NumberMatch,
    _Grammar,
    _grammar,
    _scan,
)
from osintparse.model import Qualifier

__all__ = ["NOUN_PHRASES"]

_LEFT = 48  # characters of left context looked at for qualifiers and cues
_I = regex.IGNORECASE
_BEFORE = r"(?<![\p{L}\p{N}])"
_NO_WORD = r"(?![\p{L}\p{N}])"
#: Brackets a unit may be written in ("20 (kg)").
_BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"), ("<", ">"))


@attrs.frozen(eq=False, repr=False)
class _Rules:
    """The compiled context patterns and word sets of one language."""

    g: _Grammar
    # qualifiers and signs
    qualifier_left: Any
    qualifier_of: Mapping[str, str]
    postfix: Any
    postfix_of: Mapping[str, str]
    noun_postfix: Any
    noun_postfix_of: Mapping[str, str]
    inclusive: Any
    negative_left: Any
    last_word_left: Any
    # ranges
    between_left: Any
    between_and: Any
    from_left: Any
    from_to: Any
    dash: Any
    joiner: Any
    ratio: Any
    bound_joiner: Any
    # units
    prefix_unit_left: Any
    prefix_units: Mapping[str, str]
    prefix_unit_at: Any
    suffix_unit: Any
    suffix_units: Mapping[str, str]
    unit_openers: frozenset[str]
    bracket_unit: Any
    final_unit: Any
    final_units: Mapping[str, str]
    part_units: Mapping[str, tuple[str, Any]]  # unit -> (unit of the next part, its signs)
    article_unit: Any
    article_duration: Any  # after "un an": a sentence ("un an de prison"), so a duration
    scaled_units: Mapping[str, float]
    scale_after: Any
    genitive: frozenset[str]
    unit_linker: Any
    # counted nouns
    head: str
    noun_linker: Any
    word: Any
    complement: Any
    coordinator: Any
    stop: frozenset[str]
    plural_endings: tuple[str, ...]
    closing_endings: tuple[str, ...]
    adverb_endings: tuple[str, ...]
    # what is not a quantity
    designator_left: Any
    strong_year_cue_left: Any
    time_cue_left: Any
    month_after: Any
    calendar_left: Any
    day_calendar_left: Any  # before a day: weekdays, and months where a month opens a date
    time_after: Any
    hour_marker: Any
    calendar_words: frozenset[str]
    blockers: Any
    pronoun_partitive: Any
    first_word: Any
    partitive: Any
    number_of_after: Any
    number_of_before: Any
    # canonical units (lexicons/_common/units.toml)
    dimensions: Mapping[str, tuple[str, float]]
    no_article_units: frozenset[str]
    clock_units: frozenset[str]
    subunit_separator: str
    any_currency: str


def _key_map(table: Mapping[str, Iterable[str]]) -> dict[str, str]:
    return {
        phrase.lower().replace("’", "'"): key for key, words in table.items() for phrase in words
    }


def _qualifier_patterns(q: Mapping[str, Any], g: _Grammar) -> dict[str, Any]:
    qualifier_of = _key_map(q["qualifiers"])
    postfix_of = _key_map(q["postfix_qualifiers"])
    noun_postfix_of = _key_map(q["noun_postfix_qualifiers"])
    return {
        "qualifier_left": lazy(
            rf"(?:{_BEFORE}(?=\p{{L}})|(?<![<>=~])(?=\P{{L}}))(?P<q>{alternation(qualifier_of)})"
            r"\s*(?P<qneg>[-−]\s?)?$",
            _I,
        ),
        "qualifier_of": qualifier_of,
        "postfix": lazy(rf"\s*(?:,\s*)?(?P<q>{alternation(postfix_of)})(?![\p{{L}}])", _I),
        "postfix_of": postfix_of,
        "noun_postfix": lazy(
            rf"\s*(?:,\s*)?(?P<q>{alternation(noun_postfix_of)})(?![\p{{L}}])", _I
        ),
        "noun_postfix_of": noun_postfix_of,
        "inclusive": lazy(
            rf"\s*(?:,\s*)?{alternation(q['small_words']['inclusive'])}(?![\p{{L}}])", _I
        ),
        "negative_left": lazy(
            rf"(?:(?:^|(?<=[\s(\[]))(?<![-–—:,.]\s)[-−]\s?|{_BEFORE}{alternation(g.negatives)}\s+)$",
            _I,
        ),
        "last_word_left": lazy(r"(?<![\p{L}'])([\p{L}']+)\s+$"),
    }


def _range_patterns(r: Mapping[str, Any], prefix_units: Iterable[str]) -> dict[str, Any]:
    return {
        "between_left": lazy(rf"{_BEFORE}{alternation(r['between'])}\s+$", _I),
        "between_and": lazy(rf"\s+{alternation(r['between_and'])}\s+", _I),
        "from_left": lazy(rf"{_BEFORE}{alternation(r['from'])}\s*$", _I),
        "from_to": lazy(rf"\s+{alternation(r['from_to'])}\s+", _I),
        "dash": lazy(
            rf"\s?{alternation(r['dashes'])}\s?(?=\d|{alternation(prefix_units)}\s?\d)", _I
        ),
        "joiner": lazy(rf"\s*{alternation(r['joiners'])}\s*(?=\S)", _I),
        "ratio": lazy(rf"\s+{alternation(r['ratios'])}\s+(?=\S)", _I),
        "bound_joiner": lazy(rf"\s*{alternation(r['bound_joiners'])}\s*", _I),
    }


def _final_patterns(units: Mapping[str, Any], common: Mapping[str, Any]) -> dict[str, Any]:
    """Signs that are units only at the end of a phrase ("2 in.", '5"'), and after parts."""
    final = units["final_suffix"]
    dimension = alternation(units["dimension_words"]["words"])
    signs_of: dict[str, list[str]] = {}
    for sign, unit in final.items():
        signs_of.setdefault(unit, []).append(sign)
    return {
        "final_unit": lazy(
            rf"\s?(?P<u>{alternation(final)})"
            rf"(?=\s*(?:$|[.,;:!?)\]]|{dimension}(?![\p{{L}}])))",
            _I,
        ),
        "final_units": {k.lower(): v for k, v in final.items()},
        # "5 ft 2 in more or less": after a measure in feet, a final sign of inches anywhere.
        "part_units": {
            first: (second, lazy(rf"\s?{alternation(signs_of.get(second, []))}{_NO_WORD}"))
            for first, second in common["parts"].items()
        },
    }


def _unit_patterns(
    units: Mapping[str, Any], q: Mapping[str, Any], g: _Grammar, common: Mapping[str, Any]
) -> dict[str, Any]:
    prefix_units = {k.lower(): v for k, v in units["prefix"].items()}
    single = [k for k in units["suffix"] if len(k) == 1 and k.isalpha()]
    multi = [k for k in units["suffix"] if k not in single]
    brackets = "|".join(
        rf"{regex.escape(o)}(?P<u>{alternation(multi + single)}){regex.escape(c)}"
        for o, c in _BRACKETS
    )
    openers = {o for o, _ in _BRACKETS} | {
        c for k in units["final_suffix"] for c in (k[:1].lower(), k[:1].upper())
    }
    return {
        "prefix_unit_left": lazy(
            rf"(?<![\p{{L}}])(?P<u>{alternation(prefix_units)})\s?(?P<sign>[-−])?$", _I
        ),
        "prefix_units": prefix_units,
        "prefix_unit_at": lazy(rf"{alternation(prefix_units)}\s?(?=\d)", _I),
        "suffix_unit": lazy(
            rf"(?:\s?|-)(?:(?P<u>(?i:{alternation(multi)}))|(?P<u1>{alternation(single)}))"
            r"(?![\p{L}\p{N}])"
        ),
        "suffix_units": {k.lower(): v for k, v in units["suffix"].items()},
        "unit_openers": frozenset(openers),
        "bracket_unit": lazy(rf"\s?(?:{brackets})", _I),
        **_final_patterns(units, common),
        "article_unit": lazy(
            rf"(?<![\p{{L}}\p{{N}}'])(?P<a>{alternation(q['small_words']['one'])})\s+"
            rf"(?P<u>{alternation(k for k in multi if k[:1].isalpha())})(?![\p{{L}}\p{{N}}])",
            _I,
        ),
        "article_duration": lazy(
            rf"\s+{alternation(q['small_words']['sentence_words'], boundary=True)}", _I
        ),
        "scaled_units": {k.lower(): float(v) for k, v in units["scaled_suffix"].items()},
        "scale_after": lazy(
            rf"\s+(?P<s>{alternation(k for k, v in g.scales.items() if v >= 1000)})"
            r"(?![\p{L}\p{N}])",
            _I,
        ),
        "genitive": frozenset(units["genitive"]["marks"]),
        "unit_linker": lazy(
            rf"\s+{alternation(q['nouns']['linkers'], boundary=True)}\s*(?=\S)", _I
        ),
    }


def _noun_patterns(
    nouns: Mapping[str, Any], typology: Mapping[str, Any], stop: Iterable[str]
) -> dict[str, Any]:
    np = typology["noun_phrase"]
    # Function words end a word: "de" is not the start of "defienden".
    linkers = alternation(nouns["linkers"], boundary=True)
    coordinators = alternation(nouns["coordinators"], boundary=True)
    return {
        "head": np["head"],
        "noun_linker": lazy(rf"\s+{linkers}\s*(?=\p{{L}})", _I),
        "word": lazy(rf"\s+(?P<w>{WORD})"),
        "complement": lazy(
            rf"\s+{alternation(nouns['complements'], boundary=True)}\s*(?P<w>{WORD})", _I
        ),
        "coordinator": lazy(rf"\s+{coordinators}(?:\s+{linkers})?\s*(?P<w>{WORD})", _I),
        # The first word of the noun: skip words and quote marks may come first.
        "first_word": lazy(
            rf"(?:\s{{0,3}}[»”\"’])?(?:\s+{alternation(nouns['skip'], boundary=True)})?"
            rf"\s+(?:[«“\"‘]\s{{0,2}})?(?P<w>{WORD})",
            _I,
        ),
        "partitive": lazy(rf"\s+{alternation(nouns['partitives'], boundary=True)}\s+", _I),
        "number_of_after": lazy(rf"\s+{alternation(nouns['number_of'])}\s*(?P<w>{WORD})", _I),
        "number_of_before": lazy(
            rf"{_BEFORE}{alternation(nouns['number_of'])}\s*(?P<np>[^\d,.;:!?()]{{1,60}}?)"
            rf"\s+{alternation(nouns['number_of_at'], boundary=True)}\s*$",
            _I,
        ),
        "stop": frozenset(w.lower().replace("’", "'") for w in stop),
        "plural_endings": tuple(np["plural_endings"]),
        "closing_endings": tuple(np["participle_endings"] + np["adverb_endings"]),
        "adverb_endings": tuple(np["adverb_endings"]),
    }


_BLOCKERS = (
    r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}"
    r"|\+\d{1,3}(?:[ .\-]?\(?\d{1,4}\)?){2,6}"
    r"|(?<!\d)0\d(?:[ .\-]\d{2}){4}(?!\d)"
    r"|\(\d{3}\)\s?\d{3}[ .\-]\d{4}|(?<!\d)\d{3}-\d{3}-\d{4}(?!\d)"
)


def _filter_patterns(
    neg: Mapping[str, Any],
    r: Mapping[str, Any],
    cal: Mapping[str, Any],
    hour_words: list[str],
    day_of: list[str],
    month_first: bool,
) -> dict[str, Any]:
    months = [k.lower() for k in cal["months"]]
    weekdays = [k.lower() for k in cal["weekdays"]]
    # A day follows its month only where a month may open a date ("June 12"); elsewhere a
    # number after a month is a year ("janvier 1990") or counts something ("en juin 12
    # pesticides").
    day_openers = [*months, *weekdays] if month_first else weekdays
    ordinal = alternation(neg["ordinal_suffixes"])
    clock = [m for m in neg["time_markers"] if m not in hour_words]
    return {
        "designator_left": lazy(
            rf"(?:^|(?<![\p{{L}}]))(?:{alternation(neg['designators'])})\s*$", _I
        ),
        "strong_year_cue_left": lazy(rf"{_BEFORE}(?:{alternation(neg['year_cues'])})\s*$", _I),
        "time_cue_left": lazy(rf"{_BEFORE}(?:{alternation(neg['time_cues'])})\s*$", _I),
        "month_after": lazy(
            rf"(?:\s*{alternation(r['bound_joiners'] + r['dashes'] + r['from_to'])}\s*"
            rf"\d{{1,2}}{ordinal}?)?(?:{GAP}{alternation(day_of)})?{GAP}{alternation(months)}"
            r"(?![\p{L}])",
            _I,
        ),
        "calendar_left": lazy(
            rf"{_BEFORE}(?:{alternation([*months, *weekdays])})\s*(?:,\s*)?"
            rf"(?:\d{{1,2}}{ordinal}?\s*{alternation(r['bound_joiners'] + r['dashes'])}\s*)?$",
            _I,
        ),
        "day_calendar_left": lazy(
            rf"{_BEFORE}(?:{alternation(day_openers)})\s*(?:,\s*)?"
            rf"(?:\d{{1,2}}{ordinal}?\s*{alternation(r['bound_joiners'] + r['dashes'])}\s*)?$",
            _I,
        ),
        "time_after": lazy(
            rf"(?:\s?[{_single_chars(hour_words)}:]\s?\d{{2}}(?!\d)"
            rf"|\s?{alternation(clock)}(?![\p{{L}}]))",
            _I,
        ),
        "hour_marker": lazy(rf"\s?{alternation(hour_words)}(?![\p{{L}}])", _I),
        "calendar_words": frozenset([*months, *weekdays]),
        "blockers": lazy(_BLOCKERS),
        "pronoun_partitive": lazy(
            rf"{GAP}{alternation(neg['pronoun_partitives'], boundary=True)}", _I
        ),
    }


def _single_chars(words: Iterable[str]) -> str:
    """The one-character words of ``words`` as the inside of a character class ("h")."""
    return regex.escape("".join(sorted({w for w in words if len(w) == 1})))


def _canonical_units() -> dict[str, Any]:
    common = lexicons.common("units")
    return {
        "dimensions": {
            unit: (dimension, float(size))
            for dimension, sizes in common["dimensions"].items()
            for unit, size in sizes.items()
        },
        "no_article_units": frozenset(common["article"]["excluded"]),
        "clock_units": frozenset(common["clock"]["units"]),
        "subunit_separator": common["subunits"]["separator"],
        "any_currency": common["subunits"]["any_currency"],
    }


@once
def _rules(lang: str) -> _Rules:
    g = _grammar(lang)
    q = lexicons.load(lang, "quantities")
    units = lexicons.load(lang, "units")
    cal = lexicons.load(lang, "calendar")
    typology = lexicons.language(lang)
    neg = q["not_quantities"]
    stop = [
        *q["nouns"]["stop"],
        *lexicons.load(lang, "stopwords")["words"],
        *neg["designators"],
        *(k.lower() for k in cal["months"]),
        *(k.lower() for k in cal["weekdays"]),
    ]
    return _Rules(
        g=g,
        **_qualifier_patterns(q, g),
        **_range_patterns(q["ranges"], (k.lower() for k in units["prefix"])),
        **_unit_patterns(units, q, g, lexicons.common("units")),
        **_noun_patterns(q["nouns"], typology, stop),
        # Between a day and its month ("12 de marzo"): the dates lexicon's word.
        **_filter_patterns(
            neg,
            q["ranges"],
            cal,
            typology["time"]["hour_words"],
            lexicons.load(lang, "dates")["prepositions"]["day_of"],
            typology["dates"]["order"] != "DMY",
        ),
        **_canonical_units(),
    )


@attrs.frozen(eq=False)
class _Raw:
    __repr__ = record_repr

    start: int
    end: int
    value: float
    low: float | None
    high: float | None
    qualifier: Qualifier
    unit: str | None
    number_start: int
    number_end: int
    noun_start: int | None
    noun_end: int | None
    rule: str
    part_of: float | None = None
    whole_start: int | None = None
    whole_end: int | None = None
    event: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    aspect: str | None = None
    rate_unit: str | None = None


_SPACES = r"\s+"


def _norm_phrase(phrase: str) -> str:
    return str(compiled(_SPACES).sub(" ", phrase.lower().replace("’", "'")))


def _left(text: str, start: int, floor: int) -> str:
    return text[max(floor, start - _LEFT) : start]


def _is_year(n: NumberMatch) -> bool:
    return (
        n.kind == "digits"
        and not n.scaled
        and n.text.isdigit()
        and len(n.text) == 4
        and (1000 <= n.value <= 2100)
    )


def _is_currency(unit: str | None) -> bool:
    """Currencies are ISO 4217 codes: three capital letters."""
    return unit is not None and len(unit) == 3 and unit.isupper()


def _starts_number(rules: _Rules, text: str, pos: int, endpos: int) -> bool:
    """Whether a number starts right after ``pos`` (past spaces)."""
    n = _scan(text, rules.g, pos, min(endpos, pos + 40))
    return n is not None and not text[pos : n.start].strip()


# -- units --------------------------------------------------------------------------------


def _ambiguous_unit(rules: _Rules, text: str, pos: int, endpos: int) -> tuple[str, str, int] | None:
    """A unit in brackets ("20 (kg)"), or a final sign ('5"', "2 in."), at ``pos``."""
    b = match_at(rules.bracket_unit, text, pos, endpos)
    if b is not None:
        return rules.suffix_units[_norm_phrase(b.group("u"))], b.group("u"), b.end()
    f = match_at(rules.final_unit, text, pos, endpos)
    if f is None or (f.group("u") == '"' and text.count('"', max(0, pos - 200), pos) % 2):
        return None
    return rules.final_units[f.group("u").lower()], f.group("u"), f.end()


def _unit_at(rules: _Rules, text: str, pos: int, endpos: int) -> tuple[str, str, int] | None:
    """The unit written at ``pos``: ``(canonical name, surface, end)``, or None."""
    m = match_at(rules.suffix_unit, text, pos, endpos)
    if m is None:
        nxt = text[pos : pos + 2].lstrip()[:1]
        return _ambiguous_unit(rules, text, pos, endpos) if nxt in rules.unit_openers else None
    surface = m.group("u") if m.group("u") is not None else m.group("u1")
    return rules.suffix_units[_norm_phrase(surface)], surface, m.end()


# -- counted nouns ------------------------------------------------------------------------


def _ok_word(rules: _Rules, w: str) -> bool:
    lw = w.lower()
    if lw in rules.stop or lw.rstrip("'’") in rules.stop:
        return False
    g = rules.g
    return not (lw in g.cardinals or lw in g.scales or lw in rules.suffix_units)


def _plural(rules: _Rules, word: str) -> bool:
    return word.lower().endswith(rules.plural_endings)


_Span = tuple[int, int]
#: The shapes of a counted noun phrase, by where its head sits (``language.toml``
#: ``[noun_phrase] head``): each extends the phrase from its first word.
NOUN_PHRASES: RuleTable[Callable[[_Rules, str, int, int, int, str], _Span | None]] = RuleTable(
    "noun phrases"
)


def _word_at(rules: _Rules, pattern: Any, text: str, pos: int, endpos: int) -> Any:
    """``pattern`` at ``pos`` if its word ``w`` may be part of a noun phrase."""
    m = match_at(pattern, text, pos, endpos)
    return m if m is not None and _ok_word(rules, m.group("w")) else None


@NOUN_PHRASES.rule("head-last")
def _head_last(
    rules: _Rules, text: str, start: int, end: int, endpos: int, head: str
) -> _Span | None:
    """Modifiers precede the head: the run of content words ("North Korean troops").

    Trailing participles and adverbs close it ("10,000 troops killed" gives "troops"),
    and a coordinated head of the same number joins it ("troops and engineers").
    """
    words = [(start, end, head)]
    while len(words) < 5:
        m = _word_at(rules, rules.word, text, words[-1][1], endpos)
        if m is None:
            break
        words.append((m.start("w"), m.end(), m.group("w")))
    while len(words) > 1 and words[-1][2].lower().endswith(rules.closing_endings):
        words.pop()
    last = words[-1][2]
    if last.lower().endswith(rules.adverb_endings):
        return None
    end = words[-1][1]
    m = _word_at(rules, rules.coordinator, text, end, endpos)
    if m is not None and _coordinated(rules, m.group("w"), last):
        end = m.end()
    return start, end


def _coordinated(rules: _Rules, w: str, last: str) -> bool:
    return (
        not w[0].isupper()
        and _plural(rules, w) == _plural(rules, last)
        and not w.lower().endswith(rules.closing_endings)
    )


@NOUN_PHRASES.rule("head-first")
def _head_first(
    rules: _Rules, text: str, start: int, end: int, endpos: int, head: str
) -> _Span | None:
    """The head comes first: agreeing adjectives, capitalised modifiers, complements.

    "militaires nord-coréens", "drones Shahed", "membres des unités militaires de
    construction" (two complements at most), "ingénieurs et de sapeurs" (a coordinated
    head agrees in number with the first; a verb after "et" usually does not).
    """
    plural = _plural(rules, head)
    complements = 0
    for _ in range(8):
        m = _word_at(rules, rules.coordinator, text, end, endpos)
        if m is not None and _plural(rules, m.group("w")) == plural:
            end = m.end()
            continue
        m = _word_at(rules, rules.complement, text, end, endpos)
        if m is not None and complements < 2:
            end, plural = m.end(), _plural(rules, m.group("w"))
            complements += 1
            continue
        m = _word_at(rules, rules.word, text, end, endpos)
        if m is None or not (
            (plural and _plural(rules, m.group("w"))) or m.group("w")[0].isupper()
        ):
            break
        end = m.end()
    return start, end


def _noun(rules: _Rules, text: str, pos: int, endpos: int, linked: bool) -> _Span | None:
    """The span of the counted noun phrase starting after ``pos``, or None.

    With ``linked``, a linker may come first ("un millier d'ingénieurs", "dozens of").
    """
    extend = NOUN_PHRASES[f"head-{rules.head}"].fn
    if linked:
        m = match_at(rules.noun_linker, text, pos, endpos)
        if m is not None:
            w = match_at(compiled(WORD), text, m.end(), endpos)
            if w is None or not _ok_word(rules, w.group()):
                return None
            return extend(rules, text, w.start(), w.end(), endpos, w.group())
    m = _word_at(rules, rules.first_word, text, pos, endpos)
    if m is None:
        return None
    return extend(rules, text, m.start("w"), m.end(), endpos, m.group("w"))
