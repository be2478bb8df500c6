"""The rules of the dates engine: one named entry per date shape, plus vetoes and steps.

Every shape the engine recognises is one entry of :data:`RULES` (its resolver) and
one of :data:`PATTERNS` (its pattern builder), under the same name and in the same
order: the engine joins the patterns into one master pattern, tried near anchors,
and gives each match to the resolver of the rule whose pattern matched. A pattern
builder reads the language's words from a :class:`~._vocab.Vocab` and returns a
:class:`Pattern`; its named groups are its own (the engine prefixes them per
rule), and a resolver reads them through a :class:`Found`. The mention's ``rule``
starts with the entry's name.

:data:`VETOES` run before a match is resolved (a number that counts something is
not a date); :data:`STEPS` run on every resolved mention (a date after "since" is a
period up to the publication date).

Adding a shape: write its pattern builder and its resolver, register both under one
new name at the place in the order where it must be tried, put its words in
``dates.toml`` (and the schema), and add golden cases (see ``docs/extractors/dates.md``).

Examples
--------
>>> RULES.names()[:3]
('range', 'weekday_night', 'day_list')
>>> RULES.names() == PATTERNS.names()
True
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable, Sequence
from typing import Any

import attrs
import regex

from osintparse._patterns import RuleTable, alternation
from osintparse.extractors.dates._calendar import (
    DAY,
    DECADE,
    FINENESS,
    MONTH,
    SEASON,
    SKIP,
    UNITS,
    WEEK,
    YEAR,
    Partial,
    Res,
    fill,
    latest,
    make_date,
    monday,
    month_end,
    period,
    resolve_partial,
    three_months,
)
from osintparse.extractors.dates._vocab import B1, SP, SP0, Vocab, key, lead
from osintparse.extractors.dates._vocab import YEAR as YEAR_RE
from osintparse.extractors.dates._vocab import words as alt

__all__ = [
    "PATTERNS",
    "RULES",
    "STEPS",
    "VETOES",
    "Context",
    "Found",
    "Pattern",
]


@attrs.frozen
class Pattern:
    """A rule's pattern source and the words that may open it.

    ``starts`` lists the words (of the lexicons) a match of the pattern may begin
    with, besides digits and anchor words (calendar names, units, relative days),
    which may open any pattern: the engine tries the master pattern only at the
    start of such words.

    Examples
    --------
    >>> Pattern(r"\\d{4}").starts
    ()
    """

    source: str
    starts: tuple[str, ...] = ()


@attrs.frozen
class Context:
    """What a resolution depends on besides the match: the publication date.

    Examples
    --------
    >>> Context(None).published is None
    True
    """

    published: _dt.date | None


@attrs.frozen
class Found:
    """One rule's match: its groups by the names the rule's pattern gave them.

    Matching runs on a lower-cased copy of ``text``: ``self[name]`` is the group's
    lower-cased text, :meth:`orig` its text as written.

    Examples
    --------
    >>> import regex
    >>> m = regex.match(r"(?P<r0_d>\\d+)", "12 mars")
    >>> g = Found(m, "12 mars", "r0_", 0)
    >>> g["d"], g.orig(), g.before()
    ('12', '12', '')
    """

    m: regex.Match[str]
    text: str
    prefix: str
    lo: int

    def __getitem__(self, name: str) -> str | None:
        got: str | None = self.m.group(self.prefix + name)
        return got

    def key(self, name: str) -> str:
        """Return the :func:`~._vocab.key` of group ``name`` ("" when it did not match)."""
        return key(self[name] or "")

    def orig(self, name: str | None = None) -> str:
        """Return the text of group ``name`` (of the whole match by default) as written."""
        group = 0 if name is None else self.prefix + name
        return self.text[self.m.start(group) : self.m.end(group)]

    def before(self, n: int = 40) -> str:
        """Return up to ``n`` characters before the match, within the scanned span."""
        start = self.m.start()
        return self.text[max(self.lo, start - n) : start]

    @property
    def start(self) -> int:
        """Start of the match."""
        return self.m.start()

    @property
    def end(self) -> int:
        """End of the match."""
        return self.m.end()


#: A mention found by a rule: start, end, resolution.
Hit = tuple[int, int, Res]
#: What a resolver returns: one resolution for the whole match, several mentions
#: (a list of days), :data:`~._calendar.SKIP` (an impossible date: skip the span) or
#: ``None`` (not a date: try further on).
Out = Res | Sequence[Hit] | None
Resolver = Callable[[Vocab, Found, Context], Out]
PatternBuilder = Callable[[Vocab], Pattern]
Veto = Callable[[Vocab, str, int, int], bool]
Step = Callable[[Vocab, str, int, Hit, Context], Hit]

#: The shapes, in the order they are tried at a position: their resolvers.
RULES: RuleTable[Resolver] = RuleTable("dates")
#: The shapes' pattern builders, under the same names and in the same order.
PATTERNS: RuleTable[PatternBuilder] = RuleTable("date patterns")
#: Checks run before resolving a match: ``True`` means "not a date".
VETOES: RuleTable[Veto] = RuleTable("date vetoes")
#: Steps run on each resolved mention, in order.
STEPS: RuleTable[Step] = RuleTable("date steps")


# ----------------------------------------------------------------- shared readers


def _partial(v: Vocab, s: str) -> Partial | None:
    """Read year, month and day out of a matched date phrase."""
    m = v.month_re.search(s)
    month = None if m is None else v.months.get(key(m.group()))
    y = v.year_re.search(s)
    if m is not None and y is None and _lower_case_ambiguous(v, m.group(), s[: m.start()]):
        return None  # "they march 20 miles", "you may 3 times"
    year = int(y.group()) if y is not None else None
    day = None
    for d in v.day_re.finditer(s):
        if y is not None and y.start() <= d.start() < y.end():
            continue
        day = 1 if d.group("first") else int(d.group("d"))
        break
    return Partial(year, month, day)


def _lower_case_ambiguous(v: Vocab, word: str, before: str) -> bool:
    """A month word that is a month only when capitalised, written lower case.

    It is still a month after a day-of word ("the 3rd of may").
    """
    if key(word) not in v.capitalised or word[0].isupper():
        return False
    head = key(before)
    return not any(head == w or head.endswith(" " + w) for w in map(key, v.day_of))


def _count(v: Vocab, text: str | None) -> int | None:
    t = key(text or "")
    if t.isdigit():
        return int(t)
    return v.numbers.get(t)


def _span(v: Vocab, a_text: str, b_text: str, published: _dt.date | None, rule: str) -> Out:
    """Resolve a range from the text of its two ends."""
    a, b = _partial(v, a_text), _partial(v, b_text)
    if a is None or b is None or not _range_shape_ok(a, b):
        return None
    if a.month is not None and b.month is None:
        b = Partial(b.year if b.year is not None else a.year, a.month, b.day)
    if b.year is not None:
        return _dated_span(a, b, False, rule)
    if published is None:
        ok = resolve_partial(b, None, rule) is not None
        return Res(None, None, MONTH if a.day is None else DAY, True, rule) if ok else None
    got = latest(b, published)
    return None if got is None else _dated_span(a, got, True, rule)


def _dated_span(a: Partial, b: Partial, relative: bool, rule: str) -> Out:
    """A range whose second end has a year; the first end borrows what it lacks."""
    a = fill(a, b)
    pa, pb = period(a), period(b)
    if pa is None or pb is None or pa[0] > pb[1]:
        return SKIP
    if a.month is None and b.month is None and (b.year or 0) - (a.year or 0) > 300:
        return None
    precision = pa[2] if FINENESS[pa[2]] <= FINENESS[pb[2]] else pb[2]
    return Res(pa[0], pb[1], precision, relative, rule)


def _range_shape_ok(a: Partial, b: Partial) -> bool:
    """Whether two ends are of one kind ("de 10 à 2000" is a day and a year)."""
    if (a.day is not None) != (b.day is not None) and a.month is None:
        return False
    if a.month is None and b.month is None and (a.day is not None or b.day is not None):
        return False
    # "septembre-2020": a month and a year are not a range.
    return not (a.month is not None and b.month is None and b.day is None)


def _kind(v: Vocab, word: str | None) -> str:
    """The direction of a relative word ("past", "next", "this"), "bare" without one."""
    return "bare" if word is None else v.direction.get(key(word), "this")


_SIGN = {"past": -1, "next": 1, "this": 0, "bare": 0}


# -------------------------------------------------------------------------- rules


@PATTERNS.rule("range")
def _range_pattern(v: Vocab) -> Pattern:
    f = v.f
    ranges = v.lex["ranges"]
    pairs = ranges["pairs"]
    dashes = v.joiner(ranges["dashes"])
    left = rf"(?:{f.a_dm}|{f.a_md}|{f.a_my}|{f.month}|{YEAR_RE}|{f.day})"
    right = rf"(?:{f.a_dm}|{f.a_md}|{f.a_my}|{f.month}|{YEAR_RE})"
    return Pattern(
        rf"(?P<opener>{alt(p[0] for p in pairs)}){SP0}(?P<a>{f.ep_left})"
        rf"{SP0}(?P<joiner>{alt(p[1] for p in pairs)}){SP0}(?P<b>{f.ep_right})"
        rf"|(?P<a>{left}){dashes}(?P<b>{right})"
        # "July 13 to 15", "August 27th - 29th": the second day takes the first's month.
        rf"|(?P<a>{f.md}){dashes}(?P<b>{f.day}(?:{f.year_of})?)",
        starts=tuple(p[0] for p in pairs),
    )


@RULES.rule("range")
def _range(v: Vocab, g: Found, ctx: Context) -> Out:
    """Two dates joined: "entre 2019 et 2023", "du 13 au 14 avril", "2019-2023"."""
    if g["opener"] is None:
        return _span(v, g.orig("a"), g.orig("b"), ctx.published, "range:dash")
    rule = v.range_rules.get((g.key("opener"), g.key("joiner")))
    return None if rule is None else _span(v, g.orig("a"), g.orig("b"), ctx.published, rule)


@PATTERNS.rule("weekday_night")
def _weekday_night_pattern(v: Vocab) -> Pattern:
    nights = v.lex["ranges"]["weekday_nights"]
    wd = v.f.weekday
    return Pattern(
        rf"(?P<opener>{alt(n[0] for n in nights)}){SP}(?P<wd1>{wd})"
        rf"{SP}(?P<joiner>{alt(n[1] for n in nights)}){SP}(?P<wd2>{wd})",
        starts=tuple(n[0] for n in nights),
    )


@RULES.rule("weekday_night")
def _weekday_night(v: Vocab, g: Found, ctx: Context) -> Out:
    """The night between two weekdays: "dans la nuit de samedi à dimanche"."""
    opener, joiner = g.key("opener"), g.key("joiner")
    if (opener, joiner) not in v.night_pairs:
        return None
    first, second = v.weekdays[g.key("wd1")], v.weekdays[g.key("wd2")]
    if (second - first) % 7 != 1:
        return None
    rule = f"weekday_night:{opener}…{joiner}"
    p = ctx.published
    if p is None:
        return Res(None, None, DAY, True, rule)
    end = p - _dt.timedelta(days=(p.weekday() - second) % 7)
    return Res(end - _dt.timedelta(days=1), end, DAY, True, rule)


# Days a list may name besides its first and last: a month has 31 days, so a longer
# list is no list of days. The bound keeps each attempt short: unbounded, the attempt at
# every item of "1, 1, 1, ..." read the rest of the list (quadratic, issue 17).
_LIST_MIDDLE_DAYS = 29


@PATTERNS.rule("day_list")
def _day_list_pattern(v: Vocab) -> Pattern:
    f = v.f
    joiners = alt(v.lex["ranges"]["list_joiners"])
    more = rf"(?:{SP0},{SP}{f.day}){{0,{_LIST_MIDDLE_DAYS}}}+,?{SP}{joiners}{SP}"
    return Pattern(
        rf"{f.day}{more}{f.a_dm}|(?P<lead>{f.mf_month}){SP}{f.day}{more}{f.day}(?:{f.year_of})?"
    )


@RULES.rule("day_list")
def _day_list(v: Vocab, g: Found, ctx: Context) -> Out:
    """Days sharing a month: "les 2 et 3 octobre", "October 2, 3 and 9" (one mention each)."""
    start, end, text = g.start, g.end, g.text
    whole = _partial(v, text[start:end])
    if whole is None or whole.month is None:
        return None
    y = v.year_re.search(text, start, end)
    spans = []
    for d in v.day_re.finditer(text, start, end):
        if (y is not None and y.start() <= d.start() < y.end()) or v.month_re.match(
            text, d.start()
        ):
            continue  # the year's digits; "mar." read as a day word
        spans.append([d.start(), d.end(), 1 if d.group("first") else int(d.group("d"))])
    if len(spans) < 2:
        return None
    if g["lead"] is not None:
        spans[0][0] = start  # "October 2": the month opens the first mention
    spans[-1][1] = end  # "3 octobre", "3, 2024": the last one carries the month or year
    out = []
    for s, e, day in spans:
        res = resolve_partial(Partial(whole.year, whole.month, day), ctx.published, "day_list")
        if res is None:
            return None
        out.append((s, e, res))
    return out


@PATTERNS.rule("since")
def _since_pattern(v: Vocab) -> Pattern:
    since = v.lex["prepositions"]["since"]
    return Pattern(rf"(?P<word>{alt(since)}){SP0}(?P<date>{v.f.ep_right})", starts=tuple(since))


@RULES.rule("since")
def _since(v: Vocab, g: Found, ctx: Context) -> Out:
    """A period from a date to the publication date: "depuis février 2022", "since 2014"."""
    p = _partial(v, g.orig("date"))
    res = None if p is None else resolve_partial(p, ctx.published, "since")
    if res is None:
        return None
    pub = ctx.published
    end = pub if res.value is not None and pub and pub >= res.value else None
    return attrs.evolve(res, value_end=end, rule=f"since:{g.key('word')}")


@PATTERNS.rule("part")
def _part_pattern(v: Vocab) -> Pattern:
    f = v.f
    part_words = [w for ws in v.lex["parts"].values() for w in ws]
    return Pattern(
        rf"(?P<word>{lead(part_words)})"
        rf"(?:(?P<month_year>{f.a_my})|(?P<month>{f.month})|(?P<year>{YEAR_RE})"
        rf"|{f.dets}?(?:(?P<mod_b>{f.rel_before}){SP})?(?P<unit>{f.unit})"
        rf"(?:{SP0}(?P<mod_a>{f.rel_after}))?)",
        starts=tuple(part_words),
    )


# The part of a period each part word names: months of a year, days of a month, days
# of a week (0 is the first), by the key of the word's list in ``dates.toml [parts]``.
_PART_MONTHS = {"begin": (1, 3), "middle": (5, 8), "end": (9, 12)}
_PART_DAYS = {"begin": (0, 9), "middle": (10, 19), "end": (20, 40)}
_PART_WEEKDAYS = {"begin": (0, 2), "middle": (1, 3), "end": (4, 6)}


@RULES.rule("part")
def _part(v: Vocab, g: Found, ctx: Context) -> Out:
    """A third of a month, year or week: "fin avril", "early 2024", "the end of the year"."""
    kind = v.parts[g.key("word")]
    rule = f"part:{kind}:{g.key('word')}"
    whole = _part_whole(v, g, ctx, rule)
    if whole is None:
        return None
    if whole.value is None or whole.value_end is None:
        return Res(None, None, DAY, True, rule)
    s, e = whole.value, whole.value_end
    if whole.precision is YEAR:
        months = _PART_MONTHS[kind]
        first, last = _dt.date(s.year, months[0], 1), month_end(s.year, months[1])
        return Res(first, last, MONTH, whole.relative, rule)
    lo, hi = (_PART_WEEKDAYS if whole.precision is WEEK else _PART_DAYS)[kind]
    first = s + _dt.timedelta(days=lo)
    last = min(s + _dt.timedelta(days=hi), e)
    return Res(first, last, DAY, whole.relative, rule)


def _part_whole(v: Vocab, g: Found, ctx: Context, rule: str) -> Res | None:
    """The period a part word divides: a month, a year, or a unit relative to P."""
    if g["unit"] is not None:
        unit = UNITS[v.units[g.key("unit")]]
        if not unit.parts:
            return None
        if ctx.published is None:
            return Res(None, None, MONTH, True, rule)
        k = _SIGN[_kind(v, g["mod_b"] or g["mod_a"])]
        start, last, prec = unit.shift(k, ctx.published)
        return Res(start, last, prec, True, rule)
    if g["year"] is not None:
        y = int(g["year"] or 0)
        return Res(_dt.date(y, 1, 1), _dt.date(y, 12, 31), YEAR, False, rule)
    p = _partial(v, g.orig("month_year") if g["month_year"] is not None else g.orig("month"))
    return None if p is None else resolve_partial(p, ctx.published, rule)


@PATTERNS.rule("decade")
def _decade_pattern(v: Vocab) -> Pattern:
    dec = v.lex["decades"]
    return Pattern(
        rf"{lead(dec['before'])}(?P<digits>(?:1\d|20)\d0|\d0){B1}"
        rf"|{lead(dec['word_before'])}(?P<name>{alt(dec['words'])})"
        rf"|(?P<digits>(?:1\d|20)\d0|'\d0){alternation(dec['after'], gap=SP)}{B1}",
        starts=(*dec["before"], *dec["word_before"]),
    )


@RULES.rule("decade")
def _decade(v: Vocab, g: Found, ctx: Context) -> Out:
    """Ten years: "les années 1990", "the '90s", "the nineties"."""
    if g["name"] is not None:
        y = v.decade_words[g.key("name")]
    else:
        digits = (g["digits"] or "").lstrip("'")
        y = int(digits)
        if len(digits) == 2:
            y += 2000 if y in (0, 10) else 1900
    return Res(_dt.date(y, 1, 1), _dt.date(y + 9, 12, 31), DECADE, False, "decade")


@PATTERNS.rule("week_of_month")
def _week_of_month_pattern(v: Vocab) -> Pattern:
    f = v.f
    ordinals = v.lex["numbers"]["ordinals"]
    return Pattern(
        rf"{f.dets}?(?P<ordinal>{alt(ordinals)}){SP}{v.unit_of('week')}{SP}"
        rf"{lead(v.lex['prepositions']['week_of'])}(?P<month>{f.month})"
        rf"(?:,?{SP}(?P<year>{YEAR_RE}))?",
        starts=(*v.lex["relative"]["determiners"], *ordinals),
    )


@RULES.rule("week_of_month")
def _week_of_month(v: Vocab, g: Found, ctx: Context) -> Out:
    """A week counted in a month: "la première semaine d'août", "the last week of May"."""
    k = v.ordinals.get(g.key("ordinal"))
    month = v.months.get(g.key("month"))
    if k is None or month is None:
        return None
    rule = "week_of_month"
    if g["year"]:
        year, relative = int(g["year"]), False
    else:
        if ctx.published is None:
            return Res(None, None, WEEK, True, rule)
        got = latest(Partial(None, month, None), ctx.published)
        if got is None or got.year is None:
            return None
        year, relative = got.year, True
    last = month_end(year, month)
    if k < 0:
        return Res(last - _dt.timedelta(days=6), last, WEEK, relative, rule)
    start = _dt.date(year, month, 1) + _dt.timedelta(weeks=k - 1)
    if start > last:
        return None
    return Res(start, min(start + _dt.timedelta(days=6), last), WEEK, relative, rule)


@PATTERNS.rule("quarter")
def _quarter_pattern(v: Vocab) -> Pattern:
    f = v.f
    num = v.lex["numbers"]
    unit = v.unit_of("quarter")
    letters = alternation(num["quarter_letters"], gap=SP)
    # "last quarter" is the one before P's; "the last quarter of 2023" is Q4.
    rel_words = {key(w) for d in v.relative.values() for ws in d.values() for w in ws}
    plain = alt(w for w in num["ordinals"] if key(w) not in rel_words)
    return Pattern(
        rf"{f.dets}?(?P<ordinal>{alt(num['ordinals'])}){SP}{unit}"
        rf"{SP}{lead(v.lex['prepositions']['year_of'])}?(?P<year>{YEAR_RE})"
        rf"|{f.dets}?(?P<ordinal>{plain}){SP}{unit}"
        rf"|{letters}(?P<n>[1-4])(?:[ -]|{SP})?(?P<year>{YEAR_RE})"
        rf"|(?P<year>{YEAR_RE})(?:[ -]|{SP})?{letters}(?P<n>[1-4]){B1}",
        starts=(*v.lex["relative"]["determiners"], *num["ordinals"], *num["quarter_letters"]),
    )


@RULES.rule("quarter")
def _quarter(v: Vocab, g: Found, ctx: Context) -> Out:
    """A quarter of a year: "Q1 2024", "le troisième trimestre", "the last quarter of 2023"."""
    months = UNITS["quarter"].months
    count = 12 // months
    digit = g["n"]
    n = int(digit) if digit else v.ordinals.get(g.key("ordinal"), 0)
    n = count if n == -1 else n
    if not 1 <= n <= count:
        return None
    rule, first = "quarter", months * (n - 1) + 1
    if g["year"]:
        y, relative = int(g["year"]), False
    elif ctx.published is None:
        return Res(None, None, MONTH, True, rule)
    else:
        y, relative = ctx.published.year, True
        if _dt.date(y, first, 1) > ctx.published:
            y -= 1
    return Res(_dt.date(y, first, 1), three_months(y, first)[1], MONTH, relative, rule)


@PATTERNS.rule("iso")
def _iso_pattern(v: Vocab) -> Pattern:
    return Pattern(
        r"(?P<y>1\d{3}|2[01]\d{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
        r"(?![\p{L}\p{N}]|[-/.]\d)"
    )


@RULES.rule("iso")
def _iso(v: Vocab, g: Found, ctx: Context) -> Out:
    """An ISO 8601 calendar date: "2024-03-12"."""
    d = make_date(int(g["y"] or 0), int(g["m"] or 0), int(g["d"] or 0))
    return None if d is None else Res(d, d, DAY, False, "iso")


@PATTERNS.rule("numeric")
def _numeric_pattern(v: Vocab) -> Pattern:
    return Pattern(
        r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)"
        r"(?P<y>\d{4}|\d{2})(?![\p{L}\p{N}/-]|\.\d)"
    )


# Two-digit years without dateparser: 69-99 are 1969-1999, 00-68 are 2000-2068 (the
# POSIX strptime rule, which dateparser also follows for years not after today).
_PIVOT = 69


@RULES.rule("numeric")
def _numeric(v: Vocab, g: Found, ctx: Context) -> Out:
    """All-numeric dates in the language's order: "12/03/2024", "3.4.2024", "12/03/24"."""
    a, b, y_text = int(g["a"] or 0), int(g["b"] or 0), g["y"] or ""
    two_digits = len(y_text) == 2
    if two_digits and v.dateparser is not None:
        got = _dateparser_day(v.dateparser, v.order, g.orig())
        return None if got is None else Res(got, got, DAY, False, "numeric:dateparser")
    year = int(y_text) + (_century(int(y_text)) if two_digits else 0)
    day_first = not v.month_first or a > 12
    day, month = (a, b) if day_first else (b, a)
    d = make_date(year, month, day) if 1000 <= year <= 2199 else None
    if d is None:
        return None
    shape = "two_digit_year" if two_digits else "day_first" if day_first else "month_first"
    return Res(d, d, DAY, False, f"numeric:{shape}")


def _century(yy: int) -> int:
    """The century of a two-digit year without dateparser: 69-99 are the 1900s."""
    return 1900 if yy >= _PIVOT else 2000


@functools.cache
def _dateparser(code: str, order: str) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=[code],
        settings={"DATE_ORDER": order, "PREFER_DATES_FROM": "past", "STRICT_PARSING": True},
    )


@functools.lru_cache(maxsize=4096)
def _dateparser_day(code: str, order: str, span: str) -> _dt.date | None:
    """Ask dateparser about one candidate span (absolute shapes only: no anchor)."""
    data = _dateparser(code, order).get_date_data(span)
    if data.date_obj is None or data.period != "day":
        return None
    value: _dt.date = data.date_obj.date()
    return value


def _calendar_date(v: Vocab, g: Found, ctx: Context, rule: str) -> Out:
    p = _partial(v, g.orig())
    if p is None:
        return None
    res = resolve_partial(p, ctx.published, rule)
    return SKIP if res is None else res


@PATTERNS.rule("day_month_year")
def _day_month_year_pattern(v: Vocab) -> Pattern:
    f = v.f
    return Pattern(rf"{f.wd}(?:{f.dm}|{f.md}){f.year_of}", starts=v.lex["numbers"]["first_day"])


@RULES.rule("day_month_year")
def _day_month_year(v: Vocab, g: Found, ctx: Context) -> Out:
    """A day: "le 12 mars 2024", "mardi 12 mars 2024", "March 3rd, 2015", "3rd of May 2024"."""
    return _calendar_date(v, g, ctx, "day_month_year")


@PATTERNS.rule("month_year")
def _month_year_pattern(v: Vocab) -> Pattern:
    return Pattern(rf"{v.f.wd}{v.f.a_my}")


@RULES.rule("month_year")
def _month_year(v: Vocab, g: Found, ctx: Context) -> Out:
    """A month: "avril 2025", "May of 2020", "Dec/2018"."""
    return _calendar_date(v, g, ctx, "month_year")


@PATTERNS.rule("day_month")
def _day_month_pattern(v: Vocab) -> Pattern:
    f = v.f
    return Pattern(rf"{f.wd}(?:{f.dm}|{f.md})", starts=v.lex["numbers"]["first_day"])


@RULES.rule("day_month")
def _day_month(v: Vocab, g: Found, ctx: Context) -> Out:
    """A day without a year, the latest up to P: "le 1er mai", "March 23"."""
    return _calendar_date(v, g, ctx, "day_month")


@PATTERNS.rule("season_year")
def _season_year_pattern(v: Vocab) -> Pattern:
    f = v.f
    return Pattern(
        rf"(?:{f.rel_before}{SP})?(?P<season>{f.season})"
        rf"{SP}{lead(v.lex['prepositions']['season_of'])}?(?P<year>{YEAR_RE})",
        starts=_relative_starts(v),
    )


@RULES.rule("season_year")
def _season_year(v: Vocab, g: Found, ctx: Context) -> Out:
    """A season of a year: "l'été 2023", "the winter of 2022" (December to February)."""
    start, end = three_months(int(g["year"] or 0), v.seasons[g.key("season")])
    return Res(start, end, SEASON, False, "season_year")


@PATTERNS.rule("season")
def _season_pattern(v: Vocab) -> Pattern:
    f = v.f
    return Pattern(
        rf"(?:(?P<mod_b>{f.rel_before}){SP})?(?P<season>{f.season})"
        rf"(?:{SP0}(?P<mod_a>{f.rel_after}))?",
        starts=_relative_starts(v),
    )


@RULES.rule("season")
def _season(v: Vocab, g: Found, ctx: Context) -> Out:
    """A season without a year: "l'hiver dernier", "this summer", "au printemps"."""
    start_month = v.seasons[g.key("season")]
    mod = g["mod_b"] or g["mod_a"]
    kind = _kind(v, mod)
    if mod is None and v.prep["season"].search(g.before()) is None:
        return None
    rule = f"season:{kind}"
    p = ctx.published
    if p is None:
        return Res(None, None, SEASON, True, rule)
    start, end = _SEASON_PICK[kind](p, start_month)
    return Res(start, end, SEASON, True, rule)


def _seasons_around(p: _dt.date, start_month: int) -> list[tuple[_dt.date, _dt.date]]:
    return [three_months(y, start_month) for y in range(p.year - 2, p.year + 2)]


def _this_season(p: _dt.date, start_month: int) -> tuple[_dt.date, _dt.date]:
    """The season of P's year; in January and February, the winter begun in December."""
    return three_months(p.year - 1 if start_month == 12 and p.month <= 2 else p.year, start_month)


# Which season a direction picks: the latest over by P, the first begun after it, the
# one of P's year, or (no relative word) the latest begun by P.
_SEASON_PICK: dict[str, Callable[[_dt.date, int], tuple[_dt.date, _dt.date]]] = {
    "past": lambda p, m: [s for s in _seasons_around(p, m) if s[1] < p][-1],
    "next": lambda p, m: next(s for s in _seasons_around(p, m) if s[0] > p),
    "this": _this_season,
    "bare": lambda p, m: [s for s in _seasons_around(p, m) if s[0] <= p][-1],
}


def _relative_starts(v: Vocab) -> tuple[str, ...]:
    return v.relative_before


@PATTERNS.rule("relative_day")
def _relative_day_pattern(v: Vocab) -> Pattern:
    return Pattern(alt(v.lex["relative"]["days"]))


@RULES.rule("relative_day")
def _relative_day(v: Vocab, g: Found, ctx: Context) -> Out:
    """A day named from P: "hier", "avant-hier", "today", "last night"."""
    word = key(g.m.group())
    rule = f"relative_day:{word}"
    if ctx.published is None:
        return Res(None, None, DAY, True, rule)
    d = ctx.published + _dt.timedelta(days=v.rel_days[word])
    return Res(d, d, DAY, True, rule)


@PATTERNS.rule("ago")
def _ago_pattern(v: Vocab) -> Pattern:
    f = v.f
    ago = v.lex["relative"]["ago"]
    return Pattern(
        rf"{lead(ago['before'])}(?P<n>{f.number}){SP}(?P<unit>{f.unit})"
        rf"|(?P<n>{f.number}){SP}(?P<unit>{f.unit}){SP}{alt(ago['after'])}",
        starts=(*ago["before"], *v.lex["numbers"]["words"]),
    )


@RULES.rule("ago")
def _ago(v: Vocab, g: Found, ctx: Context) -> Out:
    """P moved back: "il y a trois jours", "two years ago" (years to the month)."""
    return _moved(v, g, ctx, -1, "ago")


@PATTERNS.rule("in")
def _in_pattern(v: Vocab) -> Pattern:
    f = v.f
    in_ = v.lex["relative"]["in"]
    return Pattern(
        rf"{lead(in_['before'])}(?P<n>(?!{alt(in_['not_counts'])}){f.number}){SP}(?P<unit>{f.unit})",
        starts=tuple(in_["before"]),
    )


@RULES.rule("in")
def _in(v: Vocab, g: Found, ctx: Context) -> Out:
    """P moved forward: "dans deux semaines", "in two weeks"."""
    return _moved(v, g, ctx, 1, "in")


def _moved(v: Vocab, g: Found, ctx: Context, sign: int, rule: str) -> Out:
    n = _count(v, g["n"])
    unit = UNITS.get(v.units.get(g.key("unit"), ""))
    if n is None or unit is None or n > 400 or not unit.counts:
        return None
    if ctx.published is None:
        return Res(None, None, unit.ago_precision, True, rule)
    return attrs.evolve(unit.moved(sign * n, ctx.published), rule=rule)


@PATTERNS.rule("counted_units")
def _counted_units_pattern(v: Vocab) -> Pattern:
    f = v.f
    between = [w for d in ("past", "next") for w in v.words_of(d, "between")]
    return Pattern(
        rf"{f.dets}?(?:(?P<mod>{f.rel_before}){SP}(?P<n>{f.number})"
        rf"|(?P<n>{f.number}){SP}(?P<mod>{alt(between)})){SP}(?P<unit>{f.unit})",
        starts=(
            *_relative_starts(v),
            *v.lex["relative"]["determiners"],
            *v.lex["numbers"]["words"],
        ),
    )


@RULES.rule("counted_units")
def _counted_units(v: Vocab, g: Found, ctx: Context) -> Out:
    """Whole units before or after P's: "les trois derniers mois", "the next two weeks"."""
    n = _count(v, g["n"])
    name = v.units.get(g.key("unit"))
    kind = _kind(v, g["mod"])
    if n is None or name is None or not UNITS[name].counts or not 0 < n <= 400 or kind == "this":
        return None
    unit, sign = UNITS[name], _SIGN[kind]
    rule = f"counted_units:{kind}:{name}"
    if ctx.published is None:
        return Res(None, None, unit.precision, True, rule)
    first = unit.shift(sign * n if sign < 0 else 1, ctx.published)
    last = unit.shift(-1 if sign < 0 else n, ctx.published)
    return Res(first[0], last[1], unit.precision, True, rule)


@PATTERNS.rule("relative_unit")
def _relative_unit_pattern(v: Vocab) -> Pattern:
    f = v.f
    return Pattern(
        rf"{f.dets}?(?P<mod_b>{f.rel_before}){SP}(?P<unit>{f.unit})(?:{SP0}(?P<mod_a>{f.rel_after}))?"
        rf"|{f.dets}?(?P<unit>{f.unit}){SP0}(?P<mod_a>{f.rel_after})",
        starts=(*_relative_starts(v), *v.lex["relative"]["determiners"]),
    )


@RULES.rule("relative_unit")
def _relative_unit(v: Vocab, g: Found, ctx: Context) -> Out:
    """A unit named from P's: "la semaine dernière", "last month", "cette année"."""
    name = v.units[g.key("unit")]
    mod = g["mod_b"] or g["mod_a"]
    kind = _kind(v, mod)
    if not UNITS[name].named or (g["mod_b"] and g["mod_a"] and kind != "this"):
        return None
    rule = f"relative_unit:{name}:{key(mod or '')}"
    if ctx.published is None:
        return Res(None, None, UNITS[name].precision, True, rule)
    start, end, prec = UNITS[name].shift(_SIGN[kind], ctx.published)
    return Res(start, end, prec, True, rule)


@PATTERNS.rule("weekday")
def _weekday_pattern(v: Vocab) -> Pattern:
    f = v.f
    return Pattern(
        rf"(?:(?P<mod_b>{f.rel_before}){SP})?(?P<weekday>{f.weekday})"
        rf"(?:{SP}(?P<mod_a>{f.rel_after}))?",
        starts=_relative_starts(v),
    )


@RULES.rule("weekday")
def _weekday(v: Vocab, g: Found, ctx: Context) -> Out:
    """A weekday: "mardi" (the latest up to P), "mardi dernier", "next Tuesday"."""
    wd = v.weekdays[g.key("weekday")]
    kind = _kind(v, g["mod_b"] or g["mod_a"])
    rule = f"weekday:{kind}"
    p = ctx.published
    if p is None:
        return Res(None, None, DAY, True, rule)
    back = (p.weekday() - wd) % 7
    if kind == "bare":
        d = p - _dt.timedelta(days=back)
    elif kind == "past":
        d = p - _dt.timedelta(days=back or 7)
    elif kind == "next":
        d = p + _dt.timedelta(days=(wd - p.weekday()) % 7 or 7)
    else:
        d = monday(p) + _dt.timedelta(days=wd)
    return Res(d, d, DAY, True, rule)


@PATTERNS.rule("weekend")
def _weekend_pattern(v: Vocab) -> Pattern:
    return Pattern(
        rf"{v.f.dets}{v.unit_of('weekend')}", starts=tuple(v.lex["relative"]["determiners"])
    )


@RULES.rule("weekend")
def _weekend(v: Vocab, g: Found, ctx: Context) -> Out:
    """ "Over the weekend", "le week-end": the latest weekend begun by P."""
    p = ctx.published
    if p is None:
        return Res(None, None, DAY, True, "weekend")
    start, last, _ = UNITS["weekend"].shift(0 if p.weekday() >= 5 else -1, p)
    return Res(start, last, DAY, True, "weekend")


@PATTERNS.rule("relative_month")
def _relative_month_pattern(v: Vocab) -> Pattern:
    f = v.f
    return Pattern(
        rf"(?P<mod_b>{f.rel_before}){SP}(?P<month>{f.month})(?!{f.year_of})"
        rf"|(?P<month>{f.month}){SP}(?P<mod_a>{f.rel_after})",
        starts=_relative_starts(v),
    )


@RULES.rule("relative_month")
def _relative_month(v: Vocab, g: Found, ctx: Context) -> Out:
    """A month with a relative word: "avril dernier", "last March", "cette décembre"."""
    word = g.orig("month")
    if key(word) in v.capitalised and not word[0].isupper():
        return None
    month = v.months[key(word)]
    kind = _kind(v, g["mod_b"] or g["mod_a"])
    rule = f"relative_month:{kind}"
    p = ctx.published
    if p is None:
        return Res(None, None, MONTH, True, rule)
    y = p.year
    if kind == "past" and month >= p.month:
        y -= 1
    elif kind == "next" and month <= p.month:
        y += 1
    return Res(_dt.date(y, month, 1), month_end(y, month), MONTH, True, rule)


@PATTERNS.rule("month")
def _month_pattern(v: Vocab) -> Pattern:
    return Pattern(v.f.month)


@RULES.rule("month")
def _month(v: Vocab, g: Found, ctx: Context) -> Out:
    """A month alone after a month preposition: "en avril", "in April", "début mars"."""
    if v.prep["month"].search(g.before()) is None:
        return None
    p = _partial(v, g.orig())
    return None if p is None else resolve_partial(p, ctx.published, "month")


@PATTERNS.rule("year")
def _year_pattern(v: Vocab) -> Pattern:
    return Pattern(YEAR_RE)


@RULES.rule("year")
def _year(v: Vocab, g: Found, ctx: Context) -> Out:
    """A year alone after a year preposition: "en 2024", "by 2030"."""
    if v.prep["year"].search(g.before()) is None:
        return None
    y = int(g.m.group())
    return Res(_dt.date(y, 1, 1), _dt.date(y, 12, 31), YEAR, False, "year")


# ------------------------------------------------------------------ vetoes, steps


@VETOES.rule("count")
def _is_count(v: Vocab, text: str, start: int, end: int) -> bool:
    """A number followed by a count noun or unit, or after a currency sign: "2024 soldats"."""
    if not text[end - 1 : end].isdigit():
        return False
    nxt = v.next_word.match(text, end)
    if nxt is not None and key(nxt.group(1)) in v.count_nouns:
        return True
    i = start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return i >= 0 and text[i] in "€$£"


# Rules whose mentions are already periods of their own: a "since" word before them is
# part of them or does not apply.
_NOT_WIDENED = ("since", "range", "counted_units", "day_list")


@STEPS.rule("since")
def _with_since(v: Vocab, text: str, lo: int, hit: Hit, ctx: Context) -> Hit:
    """A date after a "since" word is a period up to P: "depuis mardi", "since last week"."""
    start, end, res = hit
    if res.rule.startswith(_NOT_WIDENED):
        return hit
    since = v.prep["since"].search(text, max(lo, start - 30), start)
    if since is None:
        return hit
    pub = ctx.published
    value_end = pub if res.value is not None and pub and pub >= res.value else None
    rule = f"since:{key(since.group())}:{res.rule}"
    return since.start(), end, attrs.evolve(res, value_end=value_end, rule=rule)
