"""What the dates engine knows about one language, read once from its data files.

:func:`vocab` reads ``calendar.toml`` (month, weekday and season names),
``dates.toml`` (everything else the rules match) and the ``[dates]`` and
``[parsers]`` sections of ``language.toml``, and returns a :class:`Vocab`: word
maps for the resolvers, and the pattern fragments the rules are built from (a
month, a day, a year, "day month year"...), so that every rule writes its pattern
in terms of the language's own words and no Python file names a word.

Examples
--------
>>> v = vocab("fr")
>>> v.months["mars"], v.units["semaines"], v.direction["dernière"], v.month_first
(3, 'week', 'past', False)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import regex

from osintparse import lexicons
from osintparse._cache import once
from osintparse._patterns import alternation, word_key
from osintparse._regexcode import compile_pattern

__all__ = [
    "B0",
    "B1",
    "FLAGS",
    "NEVER",
    "SP",
    "SP0",
    "YEAR",
    "Fragments",
    "Vocab",
    "key",
    "lead",
    "vocab",
    "words",
]

#: A bounded run of white space inside a line: dates never run across a newline.
SP = r"[^\S\n]{1,24}"
#: The same, possibly empty.
SP0 = r"[^\S\n]{0,24}"
#: Start and end of a word (digits count as word characters).
B0 = r"(?<![\p{L}\p{N}])"
B1 = r"(?![\p{L}\p{N}])"
#: A pattern that never matches (a shape the language does not have).
NEVER = "(?!)"
#: A year from 1000 to 2199, not followed by more digits or a decimal part.
YEAR = r"(?:1\d{3}|2[01]\d{2})(?![\p{L}\p{N}]|[.,]\d)"
FLAGS = regex.IGNORECASE | regex.V0
# The directions of relative words, by their key in ``dates.toml [relative]``; on a
# word listed twice the later one wins.
_DIRECTIONS = ("this", "next", "past")
_PLACES = ("before", "after", "between")


def key(word: str) -> str:
    """Return ``word`` lower-cased with single spaces: the key of every word map.

    Examples
    --------
    >>> key("  The   Day ")
    'the day'
    """
    return word_key(word)


def words(items: Iterable[str]) -> str:
    """Return an alternation of ``items``; a word ending in a letter or digit ends a word.

    Examples
    --------
    >>> regex.fullmatch(words(["mai", "mi-"]), "mai") is not None
    True
    >>> words([])
    '(?!)'
    """
    return alternation((key(w) for w in items), boundary=True, gap=SP)


def lead(items: Iterable[str]) -> str:
    """Return an alternation of ``items``, each followed by its separator.

    A word ending in a letter or digit needs white space after it ("fin avril"); one
    ending in an apostrophe or a hyphen does not ("mi-mars", "d'août").

    Examples
    --------
    >>> [bool(regex.fullmatch(lead(["fin", "mi-"]) + "x", s)) for s in ("fin x", "mi-x", "finx")]
    [True, True, False]
    """
    all_words = [key(w) for w in items if key(w)]
    closed = [w for w in all_words if w[-1].isalnum()]
    open_ = [w for w in all_words if not w[-1].isalnum()]
    parts = []
    if closed:
        parts.append(alternation(closed, boundary=True, gap=SP) + SP)
    if open_:
        parts.append(alternation(open_, gap=SP) + SP0)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _joiner(word: str) -> str:
    """A range dash or joining word with the white space it takes around it."""
    body = alternation([word], gap=SP)
    if word[0].isalnum() and word[-1].isalnum():
        return SP + body + B1 + SP
    return SP0 + body + (SP if word[-1].isalnum() else SP0)


def _keyed(table: Mapping[str, int]) -> dict[str, int]:
    return {key(k): v for k, v in table.items()}


@attrs.frozen(eq=False, repr=False)
class Fragments:
    """The pattern pieces every rule is written with (regular-expression sources).

    They are matched on lower-cased text; ``\\L<months>``, ``\\L<weekdays>`` and
    ``\\L<seasons>`` are the named lists of :attr:`Vocab.lists`.

    Examples
    --------
    >>> f = vocab("en").f
    >>> regex.fullmatch(f.a_md, "march 3rd, 2015", months=vocab("en").lists["months"]) is not None
    True
    """

    month: str
    weekday: str
    season: str
    day: str
    dets: str
    year_of: str
    mf_month: str
    dm: str
    md: str
    a_dm: str
    a_md: str
    a_my: str
    wd: str
    ep_left: str
    ep_right: str
    rel_before: str
    rel_after: str
    unit: str
    number: str


@attrs.frozen(eq=False, repr=False)
class Vocab:
    """The words and pattern fragments of one language (see :func:`vocab`).

    Word maps are keyed by :func:`key`; pattern fragments are regular-expression
    sources matched on lower-cased text, where ``\\L<months>``, ``\\L<weekdays>`` and
    ``\\L<seasons>`` are the named lists of :attr:`lists`; the fragments are :attr:`f`.
    """

    code: str
    lex: Mapping[str, Any] = attrs.field(repr=False)
    month_first: bool
    order: str
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    seasons: Mapping[str, int]
    numbers: Mapping[str, int]
    ordinals: Mapping[str, int]
    half_letters: frozenset[str]
    year_shifts: Mapping[str, int]
    units: Mapping[str, str]
    unit_forms: Mapping[str, tuple[str, ...]]
    rel_days: Mapping[str, int]
    direction: Mapping[str, str]
    relative: Mapping[str, Mapping[str, tuple[str, ...]]]
    relative_before: tuple[str, ...]
    day_of: tuple[str, ...]
    count_nouns: frozenset[str]
    capitalised: frozenset[str]
    range_rules: Mapping[tuple[str, str], str]
    night_pairs: frozenset[tuple[str, str]]
    decade_words: Mapping[str, int]
    parts: Mapping[str, str]
    lists: Mapping[str, list[str]]
    anchor_words: frozenset[str]
    f: Fragments
    # Patterns the resolvers use to read a matched phrase and its context.
    month_re: regex.Pattern[str]
    weekday_re: regex.Pattern[str]
    year_re: regex.Pattern[str]
    day_re: regex.Pattern[str]
    prep: Mapping[str, regex.Pattern[str]]
    next_word: regex.Pattern[str]
    #: Tense cues: group ``next`` (future) or ``past`` (see ``dates.toml [tense]``), or
    #: ``next_ending`` and ``past_ending`` for verb endings.
    tense: regex.Pattern[str]
    # What the vetoes and steps read (``dates.toml [spans]``, ``[negatives]``).
    lowercase_calendar: bool
    calendar_words: frozenset[str]
    lowercase_words: frozenset[str]
    first_word: regex.Pattern[str]
    generic: regex.Pattern[str]
    article_before: regex.Pattern[str]
    modifiers: Mapping[str, str]
    modifier_before: regex.Pattern[str]
    day_parts: Mapping[str, str]
    day_part_after: regex.Pattern[str]
    vague: Mapping[str, str]
    anchored: Mapping[str, tuple[str, int]]
    later_words: frozenset[str]
    lex_compounds: Mapping[str, int]
    number_range: regex.Pattern[str]
    article_ends: tuple[str, ...]
    year_words: Mapping[str, int]

    def unit_of(self, name: str) -> str:
        """Return an alternation of the forms of unit ``name`` ("week": week, weeks).

        Examples
        --------
        >>> regex.fullmatch(vocab("en").unit_of("week"), "weeks") is not None
        True
        """
        return words(self.unit_forms.get(name, ()))

    def words_of(self, direction: str, place: str) -> tuple[str, ...]:
        """Return the relative words of a direction at a place ("past", "after").

        Examples
        --------
        >>> vocab("fr").words_of("past", "after")[:2]
        ('dernier', 'dernière')
        """
        return self.relative[direction][place]

    def joiner(self, items: Iterable[str]) -> str:
        """Return an alternation of range dashes and joining words with their spaces.

        Examples
        --------
        >>> regex.fullmatch(vocab("en").joiner(["-", "to"]), " to ") is not None
        True
        """
        return "(?:" + "|".join(_joiner(w) for w in items) + ")" if items else "(?!)"


def _relative(lex: Mapping[str, Any]) -> dict[str, dict[str, tuple[str, ...]]]:
    rel = lex["relative"]
    return {d: {p: tuple(rel[d][p]) for p in _PLACES} for d in _DIRECTIONS}


def _fragments(
    lex: Mapping[str, Any], relative: Mapping[str, Mapping[str, tuple[str, ...]]], mf: bool
) -> Fragments:
    """The building blocks every rule pattern is written with."""
    num, preps, rel, units = lex["numbers"], lex["prepositions"], lex["relative"], lex["units"]
    month, weekday = rf"\L<months>{B1}", rf"\L<weekdays>{B1}"
    suffix = "(?:" + "|".join(regex.escape(s) for s in num["day_suffixes"]) + ")?"
    day = rf"(?:{words(num['first_day'])}|(?:0?[1-9]|[12]\d|3[01]){suffix}{B1})"
    day_of = rf"(?:{SP}{words(preps['day_of'])})?" if preps["day_of"] else ""
    dets = lead(rel["determiners"])
    year_of = rf"(?:{SP0},)?{SP}(?:{lead(preps['year_of'])})?{YEAR}"
    # A month that may open a date ("March 23") in month-first languages, else nothing.
    mf_month = month if mf else NEVER
    # Elsewhere "month day" never matches: written as such, it costs nothing to compile.
    dm, md = rf"{day}{day_of}{SP}{month}", rf"{mf_month}{SP}{day}" if mf else NEVER
    a_dm, a_md = rf"{dm}(?:{year_of})?", rf"{md}(?:{year_of})?" if mf else NEVER
    a_my = rf"{month}(?:{year_of}|/{YEAR})"
    wd = rf"(?:{weekday},?{SP}{dets}?)?"
    before = [w for d in _DIRECTIONS for w in relative[d]["before"]]
    after = [w for d in _DIRECTIONS for w in relative[d]["after"]]
    return Fragments(
        month=month,
        weekday=weekday,
        season=rf"\L<seasons>{B1}",
        day=day,
        dets=dets,
        year_of=year_of,
        mf_month=mf_month,
        dm=dm,
        md=md,
        a_dm=a_dm,
        a_md=a_md,
        a_my=a_my,
        wd=wd,
        ep_left=rf"{wd}{dets}?(?:{a_dm}|{a_md}|{a_my}|{month}|{YEAR}|{day})",
        ep_right=rf"{wd}{dets}?(?:{a_dm}|{a_md}|{a_my}|{month}|{YEAR})",
        rel_before=words(before),
        rel_after=words(after),
        unit=words(w for forms in units.values() for w in forms),
        number=rf"(?:\d{{1,3}}{B1}|{words(num['words'])})",
    )


def _day_re(lex: Mapping[str, Any]) -> regex.Pattern[str]:
    """A day in a matched phrase: ``first`` for a first-day word, else ``d`` its digits."""
    num = lex["numbers"]
    suffix = "(?:" + "|".join(regex.escape(s) for s in num["day_suffixes"]) + ")?"
    return compile_pattern(
        rf"{B0}(?:(?P<first>{words(num['first_day'])})|(?P<d>\d{{1,2}}){suffix}{B1})", FLAGS
    )


def _inverse(table: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Word -> the key of the list holding it (a unit's forms, a part's words)."""
    return {key(w): name for name, items in table.items() for w in items}


def _keyset(items: Iterable[str]) -> frozenset[str]:
    return frozenset(key(w) for w in items)


def _anchor_words(cal: Mapping[str, Any], lex: Mapping[str, Any]) -> frozenset[str]:
    """Words every date holds one of, or a digit: calendar names, units, relative days,
    vague references and dates named from an earlier one."""
    units = [w for forms in lex["units"].values() for w in forms]
    names = [*cal["months"], *cal["weekdays"], *cal["seasons"]]
    vague = [w for ws in lex["vague"].values() for w in ws]
    anchored = [w for unit, table in lex["anchored"].items() if unit != "counted" for w in table]
    counted = lex["anchored"]["counted"]["year_compounds"]
    years = [*lex["year_words"]["centuries"], *lex["year_words"]["thousands"]]
    return _keyset(
        [
            *names,
            *units,
            *lex["relative"]["days"],
            *lex["decades"]["words"],
            *vague,
            *anchored,
            *counted,
            *years,
        ]
    )


def _context_patterns(preps: Mapping[str, list[str]]) -> dict[str, regex.Pattern[str]]:
    """Prepositions that make a bare year, month or season a date, and "since" words."""
    return {
        kind: compile_pattern(rf"{B0}{lead(preps[kind])}$", FLAGS)
        for kind in ("year", "month", "season", "since")
    }


def _tense(tense: Mapping[str, list[str]]) -> regex.Pattern[str]:
    """The tense cues: words, and verb endings (a word of at least three letters).

    A past form right after a word of ``participle_after`` ("will be held") is no cue.
    """
    not_verbs = words(tense["not_verbs"])
    aux = tense["participle_after"]
    participle = rf"(?<!{B0}{words(aux)}{SP})" if aux else ""
    not_cue = rf"(?!{words(tense['not_cues'])})" if tense["not_cues"] else ""

    def ending(items: list[str]) -> str:
        if not items:
            return "(?!)"
        ends = alternation(sorted(items, key=len, reverse=True))
        return rf"(?!{not_verbs}){B0}\p{{L}}{{2,}}{ends}{B1}"

    return compile_pattern(
        rf"(?P<next>{B0}{not_cue}{words(tense['future'])})"
        rf"|(?P<past>{participle}{B0}{not_cue}{words(tense['past'])})"
        rf"|(?P<next_ending>{ending(tense['future_endings'])})"
        rf"|(?P<past_ending>{participle}{ending(tense['past_endings'])})",
        regex.V0,
    )


def _joiners(ranges: Mapping[str, Any]) -> list[str]:
    """Every word joining the two ends of a range or a list ("et", "to", "au", "y")."""
    return [*(p[1] for p in ranges["pairs"]), *ranges["dashes"], *ranges["list_joiners"]]


def _year_word_values(table: Mapping[str, Mapping[str, int]]) -> dict[str, int]:
    """The value of every year word by its key (a century word counts hundreds)."""
    return {key(w): n for part in table.values() for w, n in part.items()}


def _span_patterns(lex: Mapping[str, Any]) -> dict[str, Any]:
    """The fields the vetoes and steps read: articles, modifiers, parts of day, phrases."""
    spans = lex["spans"]
    return {
        "generic": compile_pattern(rf"{B0}{words(lex['negatives']['generic'])}", FLAGS),
        "article_before": compile_pattern(rf"{B0}{lead(spans['articles'])}$", FLAGS),
        "modifiers": _inverse(spans["modifiers"]),
        "modifier_before": compile_pattern(
            rf"{B0}(?P<word>{words(w for ws in spans['modifiers'].values() for w in ws)}){SP}$",
            FLAGS,
        ),
        "vague": _inverse(lex["vague"]),
        "anchored": {
            key(w): (unit, n)
            for unit, table in lex["anchored"].items()
            if unit != "counted"
            for w, n in table.items()
        },
        "later_words": _keyset(lex["anchored"]["counted"]["later"]),
        "lex_compounds": _keyed(lex["anchored"]["counted"]["year_compounds"]),
        "number_range": compile_pattern(
            rf"{SP0}(?:{words(_joiners(lex['ranges']))}|[-–—~]){SP0}\d", FLAGS
        ),
        "article_ends": tuple(
            f" {key(a)}"
            for a in [
                *lex["spans"]["articles"],
                *lex["spans"]["contracted_articles"],
                *lex["relative"]["determiners"],
            ]
        ),
        "year_words": _year_word_values(lex["year_words"]),
        "day_parts": _inverse(spans["day_parts"]),
        "day_part_after": compile_pattern(
            rf"{SP}(?P<word>{words(w for ws in spans['day_parts'].values() for w in ws)})", FLAGS
        ),
    }


@once
def vocab(lang: str) -> Vocab:
    """Return the :class:`Vocab` of a supported language (read once, cached).

    Raises
    ------
    osintparse.UnsupportedLanguageError
        If ``lang`` has no lexicons.
    osintparse.LexiconError
        If one of its data files does not match its schema.

    Examples
    --------
    >>> vocab("en").month_first, vocab("en").order
    (True, 'MDY')
    """
    code = lexicons.check_lang(lang)
    cal = lexicons.load(code, "calendar")
    lex = lexicons.load(code, "dates")
    typology = lexicons.language(code)
    order: str = typology["dates"]["order"]
    month_first = order.index("M") < order.index("D")
    relative = _relative(lex)
    lists = {name: sorted(_keyset(cal[name])) for name in ("months", "weekdays", "seasons")}
    num, rel, preps, ranges = lex["numbers"], lex["relative"], lex["prepositions"], lex["ranges"]
    return Vocab(
        code=code,
        lex=lex,
        month_first=month_first,
        order=order,
        months=_keyed(cal["months"]),
        weekdays=_keyed(cal["weekdays"]),
        seasons=_keyed(cal["seasons"]),
        numbers=_keyed(num["words"]),
        ordinals=_keyed(num["ordinals"]),
        half_letters=_keyset(num["half_letters"]),
        year_shifts=_keyed({**lex["years_of"]["before"], **lex["years_of"]["after"]}),
        units=_inverse(lex["units"]),
        unit_forms={name: tuple(forms) for name, forms in lex["units"].items()},
        rel_days=_keyed(rel["days"]),
        direction=_inverse({d: [w for p in _PLACES for w in relative[d][p]] for d in _DIRECTIONS}),
        relative=relative,
        relative_before=tuple(w for d in _DIRECTIONS for w in relative[d]["before"]),
        day_of=tuple(preps["day_of"]),
        count_nouns=_keyset(num["count_nouns"]),
        capitalised=_keyset(lex["ambiguous"]["capitalised_months"]),
        range_rules={(key(o), key(j)): f"range:{r}:{o}…{j}" for o, j, r in ranges["pairs"]},
        night_pairs=frozenset((key(o), key(j)) for o, j in ranges["weekday_nights"]),
        decade_words=_keyed(lex["decades"]["words"]),
        parts=_inverse(lex["parts"]),
        lists=lists,
        anchor_words=_anchor_words(cal, lex),
        f=_fragments(lex, relative, month_first),
        month_re=compile_pattern(rf"{B0}\L<months>{B1}", FLAGS, months=lists["months"]),
        weekday_re=compile_pattern(rf"{B0}\L<weekdays>{B1}", FLAGS, weekdays=lists["weekdays"]),
        year_re=compile_pattern(r"(?<!\d)(?:1\d{3}|2[01]\d{2})(?!\d)"),
        day_re=_day_re(lex),
        prep=_context_patterns(preps),
        next_word=compile_pattern(r"[^\S\n]{0,24}([%€$£]|[\p{L}]+)"),
        tense=_tense(lex["tense"]),
        lowercase_calendar=typology["dates"]["lowercase_calendar"],
        calendar_words=_keyset([*cal["months"], *cal["weekdays"]]),
        lowercase_words=_keyset([*rel["days"], *relative["this"]["before"]]),
        first_word=compile_pattern(r"\p{L}[\p{L}'’-]*"),
        **_span_patterns(lex),
    )
