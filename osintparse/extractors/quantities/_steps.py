"""The phrase around one number, built by a sequence of named steps.

Given a number found by :mod:`._numbers`, :func:`_phrase` runs the steps of
:data:`STEPS` in order over a small state (:class:`_Phrase`): first the filters that
make the number something else (an identifier, a clock time, a day of a month...), then
the steps that widen the phrase (a unit or currency before, a qualifier or a sign, a
range of one of the shapes of :data:`RANGES`, a ratio, a unit after, a postfix
qualifier, the counted noun), then the filters that need the whole phrase (years, model
numbers) and the bounds. A filter answers with the position where scanning goes on; a
step that widens the phrase records what it found in the mention's ``rule``
(``qualifier:plus de``, ``unit:km``, ``range:between``, ``noun``...).

Examples
--------
>>> STEPS.names()[:3]
('glued-before', 'digit-run', 'list-marker')
>>> RANGES.names()
('between', 'from', 'dash', 'joiner')
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from osintparse._patterns import WINDOW, RuleTable, compiled
from osintparse._records import record_repr
from osintparse.extractors.quantities._context import (
    NOUN_PHRASES,
    _is_currency,
    _is_year,
    _left,
    _norm_phrase,
    _noun,
    _ok_word,
    _Raw,
    _Rules,
    _starts_number,
    _unit_at,
)
from osintparse.extractors.quantities._numbers import _FRACTION_ALONE, NumberMatch, _scan
from osintparse.model import Qualifier

__all__ = ["RANGES", "STEPS"]

_PREFIX_REACH = 24  # characters a unit written before the number may span ("malaysian ringgit ")
_REACH = 80  # characters the second figure of a range or ratio may span
_QUALIFIER_REACH = 32  # characters from a postfix to the figure it may qualify instead
_LINE_REACH = 8  # white space a list marker may stand after the start of its line
_RUN = r"[\p{L}\p{N}]*(?:[\-./:_][\p{L}\p{N}]+)*"
_GLUED_PARTS = r"(?P<u>\p{L}{1,2})(?P<d>\d{2})(?![\p{L}\p{N}])"
_ACRONYM_BEFORE = r"(?<![\p{L}\p{N}'’.-])\p{Lu}{2,6}[ ]$"
_PROPER_BEFORE = r"(?<![\p{L}\p{N}'’-])\p{Lu}[\p{Ll}\p{M}]+[ ]$"
_GLUE_MARKS = "-/.:#°§_"  # a letter and one of these right before digits: "F-16", "n°5"
_GLUE_SIGNS = frozenset("#°§_@")  # one of these right before digits: "#5"
_RUN_MARKS = "/:._"  # one of these then a digit right after: "192.168", "10:30"
_SENTENCE_START = frozenset({"", ".", "!", "?", ":"})

_BOUNDS = frozenset({"more_than", "at_least", "less_than", "at_most"})
_STRICT = {Qualifier.MORE_THAN: Qualifier.AT_LEAST, Qualifier.LESS_THAN: Qualifier.AT_MOST}
_LOWER = frozenset({Qualifier.MORE_THAN, Qualifier.AT_LEAST})
_UPPER = frozenset({Qualifier.LESS_THAN, Qualifier.AT_MOST})
_Unit = tuple[str, str, int]


@attrs.define(eq=False)
class _Phrase:
    """What is known of the phrase around number ``n`` while the steps run."""

    __repr__ = record_repr

    rules: _Rules
    text: str
    n: NumberMatch
    floor: int  # left context never reaches before (the previous quantity's end)
    endpos: int
    start: int
    end: int
    value: float
    low: float | None
    high: float | None
    qualifier: Qualifier
    rule: list[str]
    unit: str | None = None
    prefix: Any = None  # the unit or currency written before ("$", "US$")
    left: str = ""  # the text left of the phrase, and where it starts
    base: int = 0
    qm: Any = None  # the qualifier before, if any
    neg1: Any = None  # a sign before (no qualifier)
    n2: NumberMatch | None = None  # the second figure of a range
    neg2: bool = False
    ratio: NumberMatch | None = None
    after: _Unit | None = None  # the unit written after
    postfixed: bool = False
    noun: tuple[int, int] | None = None
    part_of: NumberMatch | None = None  # the whole a partitive figure is part of ("42 des 58")
    left0: str = ""  # the text left of the number
    is_digits: bool = False  # the number is written with digits
    plain: bool = False  # with digits and no scale
    unit_after_number: _Unit | None = None  # the unit right after the number...
    looked_up: bool = False  # ...once looked up

    @classmethod
    def of(cls, rules: _Rules, text: str, n: NumberMatch, floor: int, endpos: int) -> _Phrase:
        return cls(
            rules=rules,
            text=text,
            n=n,
            floor=floor,
            endpos=endpos,
            start=n.start,
            end=n.end,
            value=n.value,
            low=n.low,
            high=n.high,
            qualifier=Qualifier.APPROXIMATE if n.approximate else Qualifier.EXACT,
            rule=[n.rule],
            left0=_left(text, n.start, floor),
            is_digits=n.kind == "digits",
            plain=n.kind == "digits" and not n.scaled,
        )

    def at(self, pattern: Any, pos: int) -> Any:
        """``pattern`` matched at ``pos`` in a bounded window (see ``match_at``)."""
        return pattern.match(self.text, pos, min(self.endpos, pos + WINDOW))

    def unit_at(self, pos: int) -> _Unit | None:
        return _unit_at(self.rules, self.text, pos, self.endpos)

    def after_number(self) -> _Unit | None:
        """The unit written right after the number (looked up once)."""
        if not self.looked_up:
            self.unit_after_number = self.unit_at(self.n.end)
            self.looked_up = True
        return self.unit_after_number

    def qualifier_key(self) -> str | None:
        return None if self.qm is None else self.rules.qualifier_of[_norm_phrase(self.qm["q"])]

    def run_end(self) -> int:
        """The end of the run of letters, digits and marks the number is part of."""
        run = self.at(compiled(_RUN), self.n.start)
        return max(self.n.end, run.end() if run else self.n.end)

    def raw(self) -> _Raw:
        n, n2, ratio, noun = self.n, self.n2, self.ratio, self.noun
        return _Raw(
            start=self.start,
            end=self.end,
            value=self.value,
            low=self.low,
            high=self.high,
            qualifier=self.qualifier,
            unit=self.unit,
            number_start=n.start,
            number_end=n2.end if n2 is not None else ratio.end if ratio is not None else n.end,
            noun_start=noun[0] if noun else None,
            noun_end=noun[1] if noun else None,
            rule="|".join(self.rule),
            part_of=self.part_of.value if self.part_of is not None else None,
            whole_start=self.part_of.start if self.part_of is not None else None,
            whole_end=self.part_of.end if self.part_of is not None else None,
        )


#: A step: ``None`` to go on, or the position where scanning resumes (not a quantity).
_Step = Callable[[_Phrase], int | None]
#: The steps, in order.
STEPS: RuleTable[_Step] = RuleTable("quantity steps")


def _phrase(
    rules: _Rules, text: str, n: NumberMatch, floor: int, endpos: int
) -> tuple[_Raw | None, int]:
    """Build the quantity around number ``n``; return it (or None) and where to go on."""
    st = _Phrase.of(rules, text, n, floor, endpos)
    for step in _STEPS:
        resume = step(st)
        if resume is not None:
            return None, resume
    return st.raw(), max(st.end, n.end)


# -- what the number is part of -----------------------------------------------------------


@STEPS.rule("glued-before")
def _glued_before(st: _Phrase) -> int | None:
    """Not a quantity: digits after a letter and a mark, or a sign ("F-16", "n°5", "#5")."""
    if not st.is_digits:
        return None
    before = st.text[max(st.floor, st.n.start - 2) : st.n.start]
    glued = len(before) == 2 and before[1] in _GLUE_MARKS
    if (glued and (before[0].isalnum() or before[0] in "°#")) or before[-1:] in _GLUE_SIGNS:
        return st.run_end()
    return None


@STEPS.rule("digit-run")
def _digit_run(st: _Phrase) -> int | None:
    """Not a quantity: digits joined to more digits ("192.168.1.2", "10:30", "5/17")."""
    nxt = st.text[st.n.end : st.n.end + 2]
    if st.plain and len(nxt) == 2 and nxt[0] in _RUN_MARKS and nxt[1].isdigit():
        return st.run_end()
    return None


@STEPS.rule("list-marker")
def _list_marker(st: _Phrase) -> int | None:
    """Not a quantity: a list marker opening a line ("4- Les drones", "2) The army")."""
    if not st.plain or len(st.n.text) > 2:
        return None
    line = st.text[max(0, st.n.start - _LINE_REACH) : st.n.start]
    if line.rpartition("\n")[2].strip() or (st.n.start > _LINE_REACH and "\n" not in line):
        return None
    marker = compiled(r"[\-–—).][ \t]{1,4}\p{L}").match(st.text, st.n.end)
    return None if marker is None else st.n.end + 1


@STEPS.rule("glued-parts")
def _glued_parts(st: _Phrase) -> int | None:
    """A measure written with its unit between whole and hundredths: "1m80" is 1.80 m.

    Only a unit of ``_common/units.toml`` ``[dimensions]`` (not "14h30", a clock time).
    """
    if not st.plain or len(st.n.text) > 2:
        return None
    m = compiled(_GLUED_PARTS).match(st.text, st.n.end, min(st.endpos, st.n.end + 6))
    unit = st.rules.suffix_units.get(m["u"].lower()) if m is not None else None
    if m is None or unit is None or unit not in st.rules.dimensions:
        return None
    st.unit, st.value, st.end = unit, st.value + int(m["d"]) / 100, m.end()
    st.after = (unit, m["u"], m.end())
    st.rule.append(f"glued-parts:{m['u']}")
    return None


@STEPS.rule("glued-letters")
def _glued_letters(st: _Phrase) -> int | None:
    """Not a quantity: letters glued after the digits that are no unit ("5G", "14h30")."""
    if st.end > st.n.end or not st.plain or not st.text[st.n.end : st.n.end + 1].isalpha():
        return None
    attached = st.after_number()
    if attached is None or (
        attached[0] in st.rules.clock_units and st.at(st.rules.time_after, st.n.end)
    ):
        return st.run_end()
    return None


@STEPS.rule("clock-time")
def _clock_time(st: _Phrase) -> int | None:
    """Not a quantity: a clock time ("4 h 30", "10:30", "10 am"; not "2.1 pm", picometres)."""
    if not st.plain:
        return None
    decimals = compiled(r"[.,](\d+)$").search(st.n.text)
    if decimals is not None and len(decimals.group(1)) != 2:
        return None  # minutes take two digits
    clock = st.at(st.rules.time_after, st.n.end)
    return None if clock is None else int(clock.end())


@STEPS.rule("designator")
def _designator(st: _Phrase) -> int | None:
    """Not a quantity: a number after a designator word ("résolution 2231", "article 5")."""
    if st.is_digits and st.rules.designator_left.search(st.left0):
        return st.n.end
    return None


@STEPS.rule("day-of-month")
def _day_of_month(st: _Phrase) -> int | None:
    """Not a quantity: a day before a month ("le 5 avril", "les 15 et 16 novembre")."""
    if not st.plain or st.n.value > 31:
        return None
    month = st.at(st.rules.month_after, st.n.end)
    return None if month is None else int(month.end())


@STEPS.rule("after-calendar")
def _after_calendar(st: _Phrase) -> int | None:
    """Not a quantity: a day after a month or weekday ("April 5", "November 15 and 16").

    A year after any month ("janvier 1990"); a day after a month only where a month opens a
    date (``language.toml`` ``[dates] order`` not ``DMY``: "en juin 12 pesticides" counts).
    """
    if not st.is_digits:
        return None
    left = st.rules.day_calendar_left if st.n.value <= 31 else st.rules.calendar_left
    return st.n.end if left.search(st.left0) else None


@STEPS.rule("hour-after-cue")
def _hour_after_cue(st: _Phrase) -> int | None:
    """Not a quantity: hours after a time cue ("à 14 h", "vers 10 heures", "at 10 h")."""
    if (
        st.plain
        and st.at(st.rules.hour_marker, st.n.end)
        and st.rules.time_cue_left.search(st.left0)
    ):
        return st.n.end
    return None


@STEPS.rule("pronoun-one")
def _pronoun_one(st: _Phrase) -> int | None:
    """Not a quantity: "one" as a pronoun ("which one", "l'un"), unless a unit follows."""
    g = st.rules.g
    if st.n.kind != "words" or st.n.text.lower() not in g.pronoun_ones:
        return None
    lw = st.rules.last_word_left.search(st.left0)
    if lw is not None and lw.group(1).lower() in g.pronoun_determiners:
        return st.n.end if st.after_number() is None else None
    apposition = st.left0.rstrip().endswith(",")
    if apposition and st.at(st.rules.pronoun_partitive, st.n.end) is not None:
        return st.n.end  # "Eric Reeves, one of the leading experts" (not "One of the 12 died")
    return None


@STEPS.rule("name-word")
def _name_word(st: _Phrase) -> int | None:
    """Not a quantity: a capitalised number word in a name ("Air Force One", "Semper Five")."""
    if st.n.kind != "words" or not st.n.text[:1].isupper():
        return None
    return st.n.end if _after_proper_name(st) else None


# -- before the number --------------------------------------------------------------------


@STEPS.rule("prefix-unit")
def _prefix_unit(st: _Phrase) -> int | None:
    """A currency or unit written before the number ("$", "US$", "€", "USD3.14")."""
    reach = max(st.floor, st.n.start - _PREFIX_REACH)
    pm = st.rules.prefix_unit_left.search(st.text[reach : st.n.start])
    if pm is not None:
        st.prefix = pm
        st.unit = st.rules.prefix_units[_norm_phrase(pm["u"])]
        st.start = reach + pm.start()
        st.rule.append(f"prefix-unit:{pm['u']}")
    return None


@STEPS.rule("left-context")
def _left_context(st: _Phrase) -> int | None:
    """What stands left of the phrase: a qualifier ("plus de", "<"), else a sign ("-", "minus")."""
    st.left = _left(st.text, st.start, st.floor)
    st.base = st.start - len(st.left)
    st.qm = st.rules.qualifier_left.search(st.left)
    if st.qm is None:
        st.neg1 = st.rules.negative_left.search(st.left)
    return None


@STEPS.rule("lone-fraction")
def _lone_fraction(st: _Phrase) -> int | None:
    """Not a quantity: a fraction word alone ("the first half"), unless after a bound."""
    if st.n.rule == _FRACTION_ALONE and st.qualifier_key() not in _BOUNDS:
        return st.n.end
    return None


# -- ranges -------------------------------------------------------------------------------


@attrs.frozen(eq=False)
class _Opener:
    """How a range shape goes on after its first figure."""

    __repr__ = record_repr

    joiner: str  # the pattern between the two figures (a field of the language's rules)
    start: int | None = None  # where the opener word starts ("entre"), if any
    bare: bool = False  # no opener word: the range must ascend, one unit on both sides
    dash: bool = False  # digits only, no sign on the second figure, "2013-14" is years
    exclusive: bool = False  # no qualifier before, no vague amount on either side


_DASH = _Opener("dash", bare=True, dash=True)
_JOINER = _Opener("joiner", bare=True, exclusive=True)

#: Range shapes, tried in order after the first figure; the first that finds a second
#: figure wins. Each returns how the range goes on, or ``None`` if it cannot open here.
RANGES: RuleTable[Callable[[_Phrase, str], _Opener | None]] = RuleTable("ranges")


@RANGES.rule("between")
def _between(st: _Phrase, left: str) -> _Opener | None:
    """ "entre 10 et 20", "between 5 and 10" (``ranges.between``, ``between_and``)."""
    m = st.rules.between_left.search(left)
    return None if m is None else _Opener("between_and", st.base + m.start())


@RANGES.rule("from")
def _from(st: _Phrase, left: str) -> _Opener | None:
    """ "de 10 à 20", "from 5 to 10" (``ranges.from``, ``from_to``)."""
    m = st.rules.from_left.search(left)
    return None if m is None else _Opener("from_to", st.base + m.start())


@RANGES.rule("dash")
def _dash(st: _Phrase, left: str) -> _Opener | None:
    """ "3-5 km", "$10-$20", "-78-0" (``ranges.dashes``)."""
    return _DASH


@RANGES.rule("joiner")
def _joiner(st: _Phrase, left: str) -> _Opener | None:
    """ "10 to 20", "20 through 100", "10 à 20" (``ranges.joiners``)."""
    return _JOINER


def _second_figure(st: _Phrase, o: _Opener) -> tuple[_Unit | None, NumberMatch, bool] | None:
    """The unit after the first figure, the second figure and its sign, if ``o`` joins."""
    u1 = st.after_number()
    j = st.at(getattr(st.rules, o.joiner), u1[2] if u1 is not None else st.n.end)
    if j is None:
        return None
    q = j.end()
    m2 = st.at(st.rules.prefix_unit_at, q)
    if m2 is not None:
        first = st.unit or (u1[0] if u1 is not None else None)
        if first is not None and st.rules.prefix_units[_norm_phrase(m2.group().strip())] != first:
            return None  # "de 18 % a $ 1,17": two figures in different units
        q = m2.end()
    cand = _scan(st.text, st.rules.g, q, min(st.endpos, q + _REACH))
    if cand is None or cand.rule == _FRACTION_ALONE:
        return None
    neg2 = cand.start == q + 1 and st.text[q] in "-−" and not o.dash
    return None if cand.start != q and not neg2 else (u1, cand, neg2)


def _years(st: _Phrase, o: _Opener, cand: NumberMatch) -> bool:
    """ "2019-2023", "2013-14", "1995-01": years (and months), not a range."""
    return _is_year(st.n) and (_is_year(cand) or (o.dash and len(cand.text) == 2))


def _other_units(st: _Phrase, o: _Opener, u1: _Unit | None, cand: NumberMatch) -> bool:
    """Whether the two figures are in different units ("6,2 % à 1,45 milliard $")."""
    u2 = st.unit_at(cand.end)
    if u1 is not None and (u2 is None or u1[0] != u2[0]) and (o.bare or u2):
        return True
    # "$1 to 40 hryvnias" is an exchange rate, not a range
    return st.unit is not None and u2 is not None and u2[0] != st.unit


def _refused(st: _Phrase, o: _Opener, u1: _Unit | None, cand: NumberMatch, neg2: bool) -> bool:
    """Whether the two figures do not make a range of shape ``o``."""
    if o.dash and (st.n.kind != "digits" or cand.kind != "digits"):
        return True
    if o.exclusive and (st.qm is not None or "vague" in {st.n.kind, cand.kind}):
        return True
    if _other_units(st, o, u1, cand):
        return True
    first = -st.n.value if st.neg1 else st.n.value
    second = -cand.value if neg2 else cand.value
    return o.bare and not first < second and not cand.scaled  # "311 to 112", "3-1": scores


def _set_range(st: _Phrase, o: _Opener, u1: _Unit | None, n2: NumberMatch, neg2: bool) -> None:
    n = st.n
    st.n2, st.neg2 = n2, neg2
    if u1 is not None and st.unit is None:
        st.unit = u1[0]
    if o.start is not None:
        st.start = o.start
    elif st.qm is not None and st.qualifier_key() == Qualifier.APPROXIMATE.value:
        st.start = st.base + st.qm.start()  # "around 3-5 km": the hedge belongs to the range
    elif st.neg1 is not None:
        st.start = st.base + st.neg1.start()
    v1 = n.value
    if (
        n2.scaled
        and not n.scaled
        and n.kind == n2.kind == "digits"
        and v1 < n2.value / n2.scale * 1000
    ):
        v1 *= n2.scale  # "entre 1 et 2 millions"
    v1 = -v1 if st.neg1 is not None else v1
    v2 = -n2.value if neg2 else n2.value
    st.low, st.high = min(v1, v2), max(v1, v2)
    st.value = (st.low + st.high) / 2
    st.qualifier = Qualifier.RANGE
    st.end = n2.end


@STEPS.rule("range")
def _range(st: _Phrase) -> int | None:
    """A range of one of the shapes of :data:`RANGES`: ``range:<shape>``."""
    left = st.left[: st.neg1.start()] if st.neg1 is not None else st.left
    for name, shape in _RANGES:
        opener = shape(st, left)
        found = _second_figure(st, opener) if opener is not None else None
        if opener is None or found is None:
            continue
        u1, cand, neg2 = found
        if _years(st, opener, cand):
            return cand.end
        if not _refused(st, opener, u1, cand, neg2):
            _set_range(st, opener, u1, cand, neg2)
            st.rule.append(f"range:{name}")
            return None
    return None


@STEPS.rule("ratio")
def _ratio(st: _Phrase) -> int | None:
    """A ratio: "one in three", "2 out of 5", "1 sur 3" (value X / Y, ``ranges.ratios``)."""
    if st.n2 is not None or st.after_number() is not None:
        return None
    rm = st.at(st.rules.ratio, st.n.end)
    if rm is None:
        return None
    cand = _scan(st.text, st.rules.g, rm.end(), min(st.endpos, rm.end() + _REACH))
    if (
        cand is not None
        and cand.rule != _FRACTION_ALONE
        and cand.start == rm.end()
        and cand.value > 0
        and not _is_year(cand)
        and st.n.value <= cand.value
        and st.unit_at(cand.end) is None
    ):
        st.ratio = cand
        st.value = st.n.value / cand.value
        st.end = cand.end
        st.rule.append("ratio")
    return None


# -- qualifiers and signs -----------------------------------------------------------------


@STEPS.rule("sign")
def _sign(st: _Phrase) -> int | None:
    """A negative number: "-5", "minus 5", "moins 5" (``numbers.words.negatives``)."""
    if st.n2 is None and st.qm is None and st.neg1 is not None:
        st.value, st.start = -st.value, st.base + st.neg1.start()
        st.rule.insert(0, "sign")
    return None


@STEPS.rule("qualifier")
def _qualifier(st: _Phrase) -> int | None:
    """A qualifier before the figure: "plus de", "at least", "environ", "< -30" (with a sign)."""
    if st.n2 is not None or st.qm is None:
        return None
    if st.qm["qneg"]:
        st.value = -st.value  # "< -30"
        st.rule.insert(0, "sign")
    phrase = _norm_phrase(st.qm["q"])
    st.qualifier = Qualifier(st.rules.qualifier_of[phrase])
    st.start = st.base + st.qm.start()
    st.rule.insert(0, f"qualifier:{phrase}")
    return None


@STEPS.rule("currency-sign")
def _currency_sign(st: _Phrase) -> int | None:
    """A sign between the currency and the figure: "$-99.99"."""
    if st.n2 is None and st.prefix is not None and st.prefix["sign"]:
        st.value = -st.value
        st.rule.insert(0, "currency-sign")
    return None


# -- after the number ---------------------------------------------------------------------


def _linked_unit(st: _Phrase) -> _Unit | None:
    """ "2 millions de dollars", "millions of dollars", "1/4 de milla": a unit after the linker."""
    if not (st.n.scaled or st.n.kind == "vague" or 0 < st.n.value < 1):
        return None
    lk = st.at(st.rules.unit_linker, st.end)
    u = st.unit_at(lk.end()) if lk is not None else None
    letter = u is not None and len(u[1].strip()) == 1 and u[1].strip().isalpha()
    return None if u is None or letter else u  # "2 millions de $", not "2 millions de m..."


@STEPS.rule("unit")
def _unit(st: _Phrase) -> int | None:
    """A unit after the figure ("%", "km", "dollars"), or after a linker ("millions de $")."""
    u = st.unit_at(st.end)
    if (
        u is not None
        and st.prefix is not None
        and _is_currency(u[0])
        and (u[0] != st.unit or _starts_number(st.rules, st.text, u[2], st.endpos))
    ):
        u = None  # "$ 20,000.00 $ 37,305.97": the second sign opens the next amount
    if u is None:
        u = _linked_unit(st)
    if u is None:
        return None
    st.after = u
    if st.unit is None:
        st.unit = u[0]
    end = u[2]
    text = st.text
    if (
        text.endswith(st.rules.plural_endings, 0, end)
        and text[end : end + 1] in st.rules.genitive
        and not text[end + 1 : end + 2].isalnum()
    ):
        end += 1  # "six weeks' time": the genitive mark belongs to the unit
    st.end = end
    st.rule.append(f"unit:{u[1].strip()}")
    return None


@STEPS.rule("unit-scale")
def _unit_scale(st: _Phrase) -> int | None:
    """A scale carried by the unit ("30 MUSD") or after a currency ("75 USD million")."""
    if st.after is None:
        return None
    mult = st.rules.scaled_units.get(_norm_phrase(st.after[1]))
    if mult is not None:
        st.rule.append("unit-scale")
    elif _is_currency(st.after[0]) and not st.n.scaled and st.n2 is None:
        sm = st.at(st.rules.scale_after, st.end)
        if sm is not None:
            mult = st.rules.g.scales[sm["s"].lower()]
            st.end = sm.end()
            st.rule.append(f"unit-scale:{sm['s']}")
    if mult is not None:
        st.value *= mult
        st.low = st.low * mult if st.low is not None else None
        st.high = st.high * mult if st.high is not None else None
    return None


def _qualifies_next(st: _Phrase, pf: Any) -> bool:
    """Whether the words after the figure qualify the next figure instead.

    "5000 or less than 6000": a figure follows; "200 o más de 190": the words begin a
    qualifier of the figure after them.
    """
    rules, text = st.rules, st.text
    if _starts_number(rules, text, pf.end(), st.endpos):
        return True
    n = _scan(text, rules.g, pf.end(), min(st.endpos, pf.end() + _QUALIFIER_REACH))
    if n is None:
        return False
    qm = rules.qualifier_left.search(text, pf.start("q"), n.start)
    return qm is not None and qm.start() < pf.end("q")


def _set_postfix(st: _Phrase, pf: Any, of: Any, name: str) -> None:
    phrase = _norm_phrase(pf["q"])
    st.qualifier = Qualifier(of[phrase])
    st.end = pf.end()
    st.postfixed = True
    st.rule.append(f"{name}:{phrase}")


@STEPS.rule("postfix")
def _postfix(st: _Phrase) -> int | None:
    """A qualifier after the figure: "ou plus", "or so", "environ" (not before a figure)."""
    pf = st.at(st.rules.postfix, st.end)
    if pf is None or st.qualifier not in {Qualifier.EXACT, Qualifier.APPROXIMATE}:
        return None
    if not _qualifies_next(st, pf):
        _set_postfix(st, pf, st.rules.postfix_of, "postfix")
    return None


@STEPS.rule("inclusive")
def _inclusive(st: _Phrase) -> int | None:
    """A strict bound made inclusive: "less than 5000 or equal" is at most 5000."""
    if st.postfixed or st.qualifier not in _STRICT:
        return None
    inc = st.at(st.rules.inclusive, st.end)
    if inc is not None and not _starts_number(st.rules, st.text, inc.end(), st.endpos):
        st.qualifier = _STRICT[st.qualifier]
        st.end = inc.end()
        st.rule.append("inclusive")
    return None


def _find_noun(st: _Phrase) -> tuple[int, int] | None:
    rules, text = st.rules, st.text
    if st.after is None or st.unit is None:
        return _noun(rules, text, st.end, st.endpos, st.n.scaled or st.n.kind == "vague")
    if st.at(rules.noun_linker, st.end) is None:
        return None
    noun = _noun(rules, text, st.end, st.endpos, True)  # "3 tonnes de munitions"
    if noun is not None and (text[noun[0]].isupper() or "'" in text[noun[0] : noun[0] + 3]):
        return None  # "15 km de Kharkiv", "50 milliards d'euros de l'UE": places, not goods
    return noun


@STEPS.rule("noun")
def _counted_noun(st: _Phrase) -> int | None:
    """The counted noun phrase: "10 000 soldats", "dozens of drones" (not a month)."""
    noun = _find_noun(st)
    if noun is None or st.text[noun[0] : noun[1]].split()[0].lower() in st.rules.calendar_words:
        return None
    st.noun = noun
    st.end = max(st.end, noun[1])
    st.rule.append("noun")
    return None


@STEPS.rule("number-of")
def _number_of(st: _Phrase) -> int | None:
    """The noun of "the number of X" after or before the figure.

    "estime à 11 000 le nombre de soldats", "estimates the number of soldiers at 11,000"
    (``nouns.number_of``, ``number_of_at``).
    """
    if st.noun is not None or st.unit is not None:
        return None
    rules, text = st.rules, st.text
    m = st.at(rules.number_of_after, st.end)
    if m is not None and _ok_word(rules, m.group("w")):
        extend = NOUN_PHRASES[f"head-{rules.head}"].fn
        noun = extend(rules, text, m.start("w"), m.end(), st.endpos, m.group("w"))
        if noun is not None:
            st.noun, st.end = noun, max(st.end, noun[1])
            st.rule.append("number-of")
        return None
    b = rules.number_of_before.search(text, max(st.floor, st.start - _REACH), st.start)
    if b is not None and b.group("np").strip():
        np_start = b.start("np")
        st.noun = (np_start, np_start + len(b.group("np").rstrip()))
        st.start = min(st.start, b.start())  # the phrase names its noun first
        st.rule.append("number-of-before")
    return None


@STEPS.rule("partitive")
def _partitive(st: _Phrase) -> int | None:
    """A part of a whole: "42 des 58 drones", "42 of the 58 drones".

    The whole stays its own quantity with its noun; the part's ``part_of`` is the whole's
    value and ``whole_start``/``whole_end`` its figure (the comparison counts the part in
    the whole's noun).
    """
    if st.noun is not None or st.unit is not None or st.n2 is not None:
        return None
    m = st.at(st.rules.partitive, st.end)
    reach = min(st.endpos, m.end() + _REACH) if m is not None else 0
    whole = _scan(st.text, st.rules.g, m.end(), reach) if m is not None else None
    if whole is None or whole.start != m.end() or whole.value <= st.value:
        return None
    st.part_of = whole
    st.rule.append("partitive")
    return None


@STEPS.rule("noun-postfix")
def _noun_postfix(st: _Phrase) -> int | None:
    """A qualifier after the counted noun: "40 muertos como mínimo", "40 morts au moins"."""
    if st.noun is None or st.postfixed:
        return None
    if st.qualifier not in {Qualifier.EXACT, Qualifier.APPROXIMATE}:
        return None
    pf = st.at(st.rules.noun_postfix, st.end)
    if pf is not None and not _qualifies_next(st, pf):
        _set_postfix(st, pf, st.rules.noun_postfix_of, "noun-postfix")
    return None


# -- what the whole phrase says -----------------------------------------------------------


@STEPS.rule("year")
def _year(st: _Phrase) -> int | None:
    """Not a quantity: a year ("en 2024", "in 2022", "the 2022 invasion").

    A bare four-digit figure from 1000 to 2100 is a year unless it has a qualifier, a
    unit, a range or a counted noun ("plus de 2000 soldats"); after a year cue
    (``year_cues``: "en", "since", "the"...) or before a capitalised word it is a year anyway.
    """
    if st.n2 is not None or st.unit is not None or not _is_year(st.n):
        return None
    if st.qm is not None:
        # "dès 2020", "since 2014": a qualifier that is also a year cue, and nothing counted.
        cue = st.rules.strong_year_cue_left.search(st.text, st.start, st.n.start)
        return st.n.end if cue is not None and st.noun is None else None
    if st.noun is None or st.rules.strong_year_cue_left.search(st.left0):
        return st.n.end
    return st.n.end if st.text[st.noun[0]].isupper() else None


def _after_proper_name(st: _Phrase) -> bool:
    """Right after a capitalised word that does not start the sentence ("le Boeing 737")."""
    left = st.left0
    proper = compiled(_PROPER_BEFORE).search(left)
    return proper is not None and left[: proper.start()].strip()[-1:] not in _SENTENCE_START


@STEPS.rule("acronym")
def _acronym(st: _Phrase) -> int | None:
    """Not a quantity: a bare figure after an acronym, a designation ("LBD 40", "CORG 81")."""
    bare = st.n2 is None and st.ratio is None and st.unit is None and st.noun is None
    if not (bare and st.plain and st.qm is None and st.prefix is None):
        return None
    return st.n.end if compiled(_ACRONYM_BEFORE).search(st.left0) is not None else None


@STEPS.rule("model-number")
def _model_number(st: _Phrase) -> int | None:
    """Not a quantity: a bare figure after a proper name that counts nothing ("Windows 10")."""
    bare = st.n2 is None and st.ratio is None and st.unit is None and st.noun is None
    if bare and st.plain and st.qualifier is Qualifier.EXACT and _after_proper_name(st):
        return st.n.end
    return None


@STEPS.rule("bounds")
def _bounds(st: _Phrase) -> int | None:
    """The bounds a qualifier sets ("plus de 10": low 10), never past the value."""
    if st.qualifier in _LOWER:
        st.low, st.high = st.value, None
    elif st.qualifier in _UPPER:
        st.low, st.high = None, st.value
    if st.low is not None and st.low > st.value:
        st.low = st.value
    if st.high is not None and st.high < st.value:
        st.high = st.value
    return None


# The tables are complete once the module is imported: the engine loops over snapshots.
_STEPS = tuple(rule.fn for rule in STEPS)
_RANGES = tuple((rule.name, rule.fn) for rule in RANGES)
