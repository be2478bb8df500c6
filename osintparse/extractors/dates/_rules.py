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
from collections.abc import Callable

import attrs

from osintparse._patterns import RuleTable, alternation
from osintparse._regexcode import compile_pattern
from osintparse.extractors.dates._calendar import (
    DAY,
    DECADE,
    FINENESS,
    HALF,
    MONTH,
    QUARTER,
    SEASON,
    SKIP,
    UNITS,
    WEEK,
    YEAR,
    Partial,
    Res,
    Unit,
    add_months,
    fill,
    make_date,
    monday,
    month_end,
    nearest,
    occurrence,
    period,
    resolve_partial,
    three_months,
)
from osintparse.extractors.dates._context import Context, Found, Hit, Out, Pattern, Resolver
from osintparse.extractors.dates._vocab import B1, SP, SP0, Vocab, key, lead, words
from osintparse.extractors.dates._vocab import YEAR as YEAR_RE
from osintparse.extractors.dates._vocab import words as alt
from osintparse.model import Anchor, DateKind, Modifier, Precision

__all__ = [
    "PATTERNS",
    "RULES",
    "Context",
    "Found",
    "Hit",
    "Pattern",
    "Resolver",
]


PatternBuilder = Callable[[Vocab], Pattern]

#: The shapes, in the order they are tried at a position: their resolvers.
RULES: RuleTable[Resolver] = RuleTable("dates")
#: The shapes' pattern builders, under the same names and in the same order.
PATTERNS: RuleTable[PatternBuilder] = RuleTable("date patterns")


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


def _span(v: Vocab, g: Found, ctx: Context, rule: str) -> Out:
    """Resolve a range from its two ends (groups ``a`` and ``b``): the range, then each end.

    Each end is also its own mention, linked to the range (``range_span``), as TimeML
    annotates "entre [1990] et [1999]".
    """
    a, b = _partial(v, g.orig("a")), _partial(v, g.orig("b"))
    if a is None or b is None or not _range_shape_ok(a, b):
        return None
    if a.month is not None and b.month is None:
        b = Partial(b.year if b.year is not None else a.year, a.month, b.day)
    relative = b.year is None
    if relative:
        if ctx.published is None:
            ok = resolve_partial(b, None, rule) is not None
            return Res(None, None, MONTH if a.day is None else DAY, True, rule) if ok else None
        got = occurrence(b, ctx.published, ctx.direction(v, g.start, g.end), NEAR_DAYS)
        if got is None:
            return None
        b = got
    a = fill(a, b)
    pa, pb = period(a), period(b)
    if pa is None or pb is None or pa[0] > pb[1]:
        return SKIP
    if a.month is None and b.month is None and (b.year or 0) - (a.year or 0) > 300:
        return None
    precision = pa[2] if FINENESS[pa[2]] <= FINENESS[pb[2]] else pb[2]
    whole = (g.start, g.end)
    return [
        (g.start, g.end, Res(pa[0], pb[1], precision, relative, rule)),
        (*g.span("a"), Res(*pa, relative, f"{rule}:first", range_span=whole)),
        (*g.span("b"), Res(*pb, relative, f"{rule}:second", range_span=whole)),
    ]


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
        + (rf"|(?P<a>{f.md}){dashes}(?P<b>{f.day}(?:{f.year_of})?)" if v.month_first else ""),
        starts=tuple(p[0] for p in pairs),
    )


@RULES.rule("range")
def _range(v: Vocab, g: Found, ctx: Context) -> Out:
    """Two dates joined: "entre 2019 et 2023", "du 13 au 14 avril", "2019-2023"."""
    if g["opener"] is None:
        return _span(v, g, ctx, "range:dash")
    rule = v.range_rules.get((g.key("opener"), g.key("joiner")))
    return None if rule is None else _span(v, g, ctx, rule)


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
    lead_month = rf"|(?P<lead>{f.mf_month}){SP}{f.day}{more}{f.day}(?:{f.year_of})?"
    return Pattern(rf"{f.day}{more}{f.a_dm}" + (lead_month if v.month_first else ""))


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
    if g.get("lead") is not None:
        spans[0][0] = start  # "October 2": the month opens the first mention
    spans[-1][1] = end  # "3 octobre", "3, 2024": the last one carries the month or year
    out = []
    direction = ctx.direction(v, start, end)
    for s, e, day in spans:
        p = Partial(whole.year, whole.month, day)
        res = resolve_partial(p, ctx.published, "day_list", direction, NEAR_DAYS)
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
    """A period from a date to the publication date: "depuis février 2022", "since 2014".

    The "since" word is not part of the mention ("since [1990]", as TimeML has it).
    """
    p = _partial(v, g.orig("date"))
    res = None if p is None else _resolve(v, p, g, ctx, "since")
    if res is None:
        return None
    pub = ctx.published
    end = pub if res.value is not None and pub and pub >= res.value else None
    return [(*g.span("date"), attrs.evolve(res, value_end=end, rule=f"since:{g.key('word')}"))]


# A date without a year within this many days of P is the nearest occurrence, whatever
# the tense of its clause; a farther one follows the tense, else is the nearest.
NEAR_DAYS = 90


def _resolve(v: Vocab, p: Partial, g: Found, ctx: Context, rule: str) -> Res | None:
    """Resolve a partial date: the nearest occurrence near P, else the clause's tense."""
    direction = None if p.year is not None else ctx.direction(v, g.start, g.end)
    return resolve_partial(p, ctx.published, rule, direction, NEAR_DAYS)


@PATTERNS.rule("part")
def _part_pattern(v: Vocab) -> Pattern:
    f = v.f
    part_words = [w for ws in v.lex["parts"].values() for w in ws]
    return Pattern(
        rf"(?P<word>{lead(part_words)})"
        rf"(?:(?P<month_year>{f.a_my})|(?P<month>{f.month})|(?P<decade>{_decade_source(v)})"
        rf"|(?P<year>{YEAR_RE})"
        rf"|(?P<det>{f.dets})?(?:(?P<mod_b>{f.rel_before}){SP})?"
        rf"(?P<unit>{f.unit})(?:{SP0}(?P<mod_a>{f.rel_after}))?)",
        starts=tuple(part_words),
    )


# The part of a period each part word names: months of a year, days of a month, days
# of a week, years of a decade (0 is the first), by the key of the word's list in
# ``dates.toml [parts]``; and the TimeML modifier it gives.
_PART_MONTHS = {"begin": (1, 3), "middle": (5, 8), "end": (9, 12)}
_PART_DAYS = {"begin": (0, 9), "middle": (10, 19), "end": (20, 40)}
_PART_WEEKDAYS = {"begin": (0, 2), "middle": (1, 3), "end": (4, 6)}
_PART_YEARS = {"begin": (0, 3), "middle": (3, 6), "end": (6, 9)}
_PART_MODIFIERS = {"begin": Modifier.START, "middle": Modifier.MID, "end": Modifier.END}


@RULES.rule("part")
def _part(v: Vocab, g: Found, ctx: Context) -> Out:
    """A third of a month, year or week: "fin avril", "early 2024", "the end of the year".

    The value is the part (days 21 to 30 of "fin avril"), the precision the whole
    period's (``month``), the modifier the part's (``END``).
    """
    kind = v.parts[g.key("word")]
    rule = f"part:{kind}:{g.key('word')}"
    whole = _part_whole(v, g, ctx, rule)
    if whole is None:
        return None
    whole = attrs.evolve(whole, modifier=_PART_MODIFIERS[kind])
    if whole.value is None or whole.value_end is None:
        return whole
    s, e, prec = whole.value, whole.value_end, whole.precision
    if prec is YEAR:
        months = _PART_MONTHS[kind]
        first, last = _dt.date(s.year, months[0], 1), month_end(s.year, months[1])
    elif prec is DECADE:
        years = _PART_YEARS[kind]
        first, last = _dt.date(s.year + years[0], 1, 1), _dt.date(s.year + years[1], 12, 31)
    else:
        lo, hi = (_PART_WEEKDAYS if prec is WEEK else _PART_DAYS)[kind]
        first = s + _dt.timedelta(days=lo)
        last = min(s + _dt.timedelta(days=hi), e)
    return attrs.evolve(whole, value=first, value_end=last)


def _part_whole(v: Vocab, g: Found, ctx: Context, rule: str) -> Res | None:
    """The period a part word divides: a month, a year, a decade, or a unit relative to P."""
    if g["unit"] is not None:
        unit = UNITS[v.units[g.key("unit")]]
        named = g["det"] or g["mod_b"] or g["mod_a"] or g.key("word").endswith(v.article_ends)
        if not unit.parts or not named:
            return None  # "une fête de fin d'année": no year in particular
        if ctx.published is None:
            return Res(None, None, unit.precision, True, rule)
        k = _SIGN[_kind(v, g["mod_b"] or g["mod_a"])]
        start, last, prec = unit.shift(k, ctx.published)
        return Res(start, last, prec, True, rule)
    if g["decade"] is not None:
        y = _decade_year(v, g)
        return Res(_dt.date(y, 1, 1), _dt.date(y + 9, 12, 31), DECADE, False, rule)
    if g["year"] is not None:
        y = int(g["year"] or 0)
        return Res(_dt.date(y, 1, 1), _dt.date(y, 12, 31), YEAR, False, rule)
    p = _partial(v, g.orig("month_year") if g["month_year"] is not None else g.orig("month"))
    return None if p is None else _resolve(v, p, g, ctx, rule)


def _decade_source(v: Vocab) -> str:
    """A decade: "années 1990", "1990s", "'90s", "the nineties" (groups digits, name)."""
    dec = v.lex["decades"]
    return (
        rf"{lead(dec['before'])}(?P<digits>(?:1\d|20)\d0|\d0){B1}"
        rf"|{lead(dec['word_before'])}(?P<name>{alt(dec['words'])})"
        rf"|(?P<digits>(?:1\d|20)\d0|'\d0){alternation(dec['after'], gap=SP)}{B1}"
    )


def _decade_year(v: Vocab, g: Found) -> int:
    """The first year of the decade matched by :func:`_decade_source`."""
    if g["name"] is not None:
        return v.decade_words[g.key("name")]
    digits = (g["digits"] or "").lstrip("'")
    y = int(digits)
    if len(digits) == 2:
        y += 2000 if y in (0, 10) else 1900
    return y


@PATTERNS.rule("decade")
def _decade_pattern(v: Vocab) -> Pattern:
    dec = v.lex["decades"]
    return Pattern(_decade_source(v), starts=(*dec["before"], *dec["word_before"]))


@RULES.rule("decade")
def _decade(v: Vocab, g: Found, ctx: Context) -> Out:
    """Ten years: "les années 1990", "the '90s", "the nineties"."""
    y = _decade_year(v, g)
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
        direction = ctx.direction(v, g.start, g.end)
        got = occurrence(Partial(None, month, None), ctx.published, direction, NEAR_DAYS)
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
    num, years_of = v.lex["numbers"], v.lex["years_of"]
    unit = words([*v.unit_forms["quarter"], *v.unit_forms["half"]])
    letters = alternation([*num["quarter_letters"], *num["half_letters"]], gap=SP)
    # "last quarter" is the one before P's; "the last quarter of 2023" is Q4.
    rel_words = {key(w) for d in v.relative.values() for ws in d.values() for w in ws}
    plain = alt(w for w in num["ordinals"] if key(w) not in rel_words)
    year_of = rf"(?:{SP}|,{SP}){lead(v.lex['prepositions']['year_of'])}?(?P<year>{YEAR_RE})"
    before = (
        rf"{f.dets}?(?:(?P<year_b>{YEAR_RE}){SP}|(?P<shift>{lead(years_of['before'])}))?"
        rf"(?:{lead(years_of['fiscal'])})?"
    )
    gap = rf"(?:{SP}|-)"
    # "the 1988 quarter", "last year's quarter", "the year-earlier period": the period
    # under discussion, in that year.
    of_year = rf"{f.dets}?(?:(?P<year_b>{YEAR_RE}){SP}|(?P<shift>{lead(years_of['before'])}))"
    nouns = words([*v.unit_forms["quarter"], *v.unit_forms["half"], *years_of["period_nouns"]])
    return Pattern(
        rf"{before}(?P<ordinal>{alt(num['ordinals'])}){gap}(?P<unit>{unit}){year_of}"
        rf"|{before}(?P<ordinal>{plain}){gap}(?P<unit>{unit})"
        rf"(?:{SP}(?P<shift_a>{alt(years_of['after'])}))?"
        rf"|{of_year}(?:{lead(years_of['fiscal'])})?(?P<unit>{nouns})"
        rf"|(?P<letter>{letters})(?P<n>[1-4])(?:[ -]|{SP})?(?P<year>{YEAR_RE})"
        rf"|(?P<year>{YEAR_RE})(?:[ -]|{SP})?(?P<letter>{letters})(?P<n>[1-4]){B1}",
        starts=(
            *v.lex["relative"]["determiners"],
            *num["ordinals"],
            *num["quarter_letters"],
            *num["half_letters"],
            *years_of["before"],
            *years_of["fiscal"],
        ),
    )


@RULES.rule("quarter")
def _quarter(v: Vocab, g: Found, ctx: Context) -> Out:
    """A quarter or half of a year: "Q1 2024", "le troisième trimestre", "H2 2019".

    Without a year, the latest begun by P ("third-quarter earnings"), moved by a year
    word ("last year's third quarter", "the year-earlier quarter").
    """
    if g["letter"] is not None:
        name = "half" if g.key("letter") in v.half_letters else "quarter"
    else:
        name = v.units.get(g.key("unit"), "")
    if g["ordinal"] is None and g["n"] is None:
        return _period_of_year(v, g, ctx, name)
    unit = UNITS.get(name)
    if unit is None or not unit.months:
        return None
    count = 12 // unit.months
    digit = g["n"]
    n = int(digit) if digit else v.ordinals.get(g.key("ordinal"), 0)
    n = count if n == -1 else n
    if not 1 <= n <= count:
        return None
    rule = "quarter" if name == "quarter" else f"quarter:{name}"
    first = unit.months * (n - 1) + 1
    shift = v.year_shifts.get(g.key("shift") or g.key("shift_a"), 0)
    year = g["year"] or g["year_b"]
    if year:
        y, relative = int(year), False
    elif ctx.published is None:
        return Res(None, None, unit.precision, True, rule)
    else:
        y, relative = ctx.published.year, True
        if _dt.date(y, first, 1) > ctx.published:
            y -= 1
        y += shift
    start, last, prec = unit.shift(0, _dt.date(y, first, 1))
    return Res(start, last, prec, relative, rule)


def _period_of_year(v: Vocab, g: Found, ctx: Context, name: str) -> Out:
    """The period under discussion in another year: "the 1988 quarter", "the year-ago period".

    The quarter or half last named in the text (or P's latest quarter before P's
    own), in the year given or shifted by the year word; a "period" is the unit of
    the last quarter or half named.
    """
    focus = ctx.focus.get(QUARTER) or ctx.focus.get(HALF)
    if name not in ("quarter", "half"):
        name = "half" if focus is not None and focus[2].precision is HALF else "quarter"
    unit = UNITS[name]
    rule = f"quarter:{name}:period"
    if focus is not None and focus[2].value is not None and focus[2].precision is unit.precision:
        month = focus[2].value.month
    elif ctx.published is not None:
        month = unit.shift(-1, ctx.published)[0].month
    else:
        return Res(None, None, unit.precision, True, rule)
    if g["year_b"]:
        year, relative = int(g["year_b"]), False
    elif ctx.published is None:
        return Res(None, None, unit.precision, True, rule)
    else:
        base = focus[2].value.year if focus is not None and focus[2].value else ctx.published.year
        year, relative = base + v.year_shifts.get(g.key("shift"), 0), True
    start, last, prec = unit.shift(0, _dt.date(year, month, 1))
    earlier = focus is not None and focus[2].value is not None and start < focus[2].value
    return Res(start, last, prec, relative, rule, backwards=earlier)


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


# Two-digit years: with a publication date P, the year of the window from
# ``_WINDOW_BEFORE`` years before P's year to ``99 - _WINDOW_BEFORE`` after it ("12/03/26"
# in an article of 2025 is 2026, "13/03/70" is 1970); without one, the POSIX strptime
# rule: 69-99 are 1969-1999, 00-68 are 2000-2068. Never the clock.
_WINDOW_BEFORE = 80
_PIVOT = 69


@RULES.rule("numeric")
def _numeric(v: Vocab, g: Found, ctx: Context) -> Out:
    """All-numeric dates in the language's order: "12/03/2024", "3.4.2024", "12/03/24"."""
    a, b, y_text = int(g["a"] or 0), int(g["b"] or 0), g["y"] or ""
    two_digits = len(y_text) == 2
    year = two_digit_year(int(y_text), ctx.published) if two_digits else int(y_text)
    day_first = not v.month_first or a > 12
    day, month = (a, b) if day_first else (b, a)
    d = make_date(year, month, day) if 1000 <= year <= 2199 else None
    if d is None:
        return None
    shape = "two_digit_year" if two_digits else "day_first" if day_first else "month_first"
    return Res(d, d, DAY, False, f"numeric:{shape}")


def two_digit_year(yy: int, published: _dt.date | None) -> int:
    """The year a two-digit year stands for, from ``published`` or the POSIX pivot.

    Examples
    --------
    >>> two_digit_year(26, _dt.date(2025, 5, 1)), two_digit_year(70, _dt.date(2025, 5, 1))
    (2026, 1970)
    >>> two_digit_year(98, _dt.date(1999, 7, 29)), two_digit_year(5, None)
    (1998, 2005)
    """
    if published is None:
        return yy + (1900 if yy >= _PIVOT else 2000)
    first = published.year - _WINDOW_BEFORE
    return first + (yy - first) % 100


def _calendar_date(v: Vocab, g: Found, ctx: Context, rule: str) -> Out:
    p = _partial(v, g.orig())
    if p is None:
        return None
    mod = g.get("mod_a")
    if mod is not None and p.year is None:
        kind = _kind(v, mod)
        direction = kind if kind in ("past", "next") else None
        res = resolve_partial(p, ctx.published, f"{rule}:{kind}", direction)
        return SKIP if res is None else res
    if p.year is None and p.day is not None and p.month is not None and ctx.published:
        agreed = _weekday_year(v, g.orig(), p, ctx.published)
        if agreed is not None:
            return Res(agreed, agreed, DAY, True, f"{rule}:weekday")
    res = _resolve(v, p, g, ctx, rule)
    return SKIP if res is None else res


def _weekday_year(v: Vocab, text: str, p: Partial, anchor: _dt.date) -> _dt.date | None:
    """A day and month given with a weekday: the year nearest to P in which they agree."""
    wd = v.weekday_re.search(text)
    if wd is None or p.month is None or p.day is None:
        return None
    weekday = v.weekdays[key(wd.group())]
    days = [make_date(y, p.month, p.day) for y in range(anchor.year - 6, anchor.year + 7)]
    agree = [d for d in days if d is not None and d.weekday() == weekday]
    return nearest(agree, anchor) if agree else None


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
    f = v.f
    # "Oct. '98"; "octobre 98" where a day never follows its month.
    short = r"['’]" if v.month_first else r"['’]?"
    return Pattern(
        rf"{f.wd}{f.a_my}|(?P<month>{f.month}){SP}{short}(?P<yy>\d\d)(?![\p{{L}}\p{{N}}])"
    )


@RULES.rule("month_year")
def _month_year(v: Vocab, g: Found, ctx: Context) -> Out:
    """A month: "avril 2025", "May of 2020", "Dec/2018", "octobre 98", "Oct. '98"."""
    if g["yy"] is None:
        return _calendar_date(v, g, ctx, "month_year")
    p = _partial(v, g.orig("month"))
    if p is None or p.month is None:
        return None
    y = two_digit_year(int(g["yy"] or 0), ctx.published)
    return Res(_dt.date(y, p.month, 1), month_end(y, p.month), MONTH, False, "month_year:two_digit")


@PATTERNS.rule("day_month")
def _day_month_pattern(v: Vocab) -> Pattern:
    f = v.f
    return Pattern(
        rf"{f.wd}(?:{f.dm}|{f.md})(?:{SP}(?P<mod_a>{f.rel_after}))?",
        starts=v.lex["numbers"]["first_day"],
    )


@RULES.rule("day_month")
def _day_month(v: Vocab, g: Found, ctx: Context) -> Out:
    """A day without a year, the latest up to P: "le 1er mai", "March 23"."""
    return _calendar_date(v, g, ctx, "day_month")


@PATTERNS.rule("year_words")
def _year_words_pattern(v: Vocab) -> Pattern:
    f, yw = v.f, v.lex["year_words"]
    units, tens = alt(yw["units"]), alt(yw["tens"])
    nouns = v.lex["spans"]["year_nouns"]
    return Pattern(
        rf"(?:(?P<month>{f.month}){SP}|(?P<season>{f.season}){SP}"
        rf"{lead(v.lex['prepositions']['season_of'])}?|{lead(nouns)})?"
        rf"(?:(?P<c>{alt(yw['centuries'])}){SP}(?P<t>{tens})(?:(?:-|{SP})(?P<u>{units}))?"
        rf"|(?P<k>{alt(yw['thousands'])})(?:{SP}(?P<u>{tens}|{units}))?)",
        starts=(*nouns, *yw["centuries"], *yw["thousands"]),
    )


@RULES.rule("year_words")
def _year_words(v: Vocab, g: Found, ctx: Context) -> Out:
    """A year in words: "nineteen ninety-six", "January nineteen ninety-seven", "deux mille"."""
    words_ = v.year_words
    if g["k"] is not None:
        y = words_[g.key("k")] + (words_[g.key("u")] if g["u"] else 0)
    else:
        y = words_[g.key("c")] * 100 + words_[g.key("t")] + (words_[g.key("u")] if g["u"] else 0)
    if g["month"] is not None:
        month = v.months[g.key("month")]
        return Res(_dt.date(y, month, 1), month_end(y, month), MONTH, False, "year_words:month")
    if g["season"] is not None:
        start, end = three_months(y, v.seasons[g.key("season")])
        return Res(start, end, SEASON, False, "year_words:season")
    if g["k"] is not None and not _cued_count_free(v, g):
        return None  # "deux mille manifestants", "two thousand protesters": a number
    return Res(_dt.date(y, 1, 1), _dt.date(y, 12, 31), YEAR, False, "year_words")


def _cued_count_free(v: Vocab, g: Found) -> bool:
    """Whether a year read as a number ("two thousand") follows a year preposition and
    counts nothing: "en deux mille dix", not "in two thousand cases"."""
    if v.prep["year"].search(g.before()) is None:
        return False
    nxt = v.next_word.match(g.text, g.end)
    return nxt is None or key(nxt.group(1)) not in v.count_nouns


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


@PATTERNS.rule("anchored")
def _anchored_pattern(v: Vocab) -> Pattern:
    phrases = list(v.anchored)
    return Pattern(alt(phrases), starts=tuple(phrases))


@RULES.rule("anchored")
def _anchored(v: Vocab, g: Found, ctx: Context) -> Out:
    """A date named from the paragraph's earlier date: "le lendemain", "the following year".

    Without an earlier date in the paragraph, it is named from P (``dates.toml
    [anchored]``).
    """
    unit, n = v.anchored[key(g.m.group())]
    return _from_anchor(ctx, unit, n, f"anchored:{unit}", keep_grain=False)


@PATTERNS.rule("later")
def _later_pattern(v: Vocab) -> Pattern:
    f = v.f
    counted = v.lex["anchored"]["counted"]
    return Pattern(
        rf"(?P<n>{f.number}){SP}(?P<unit>{f.unit}){SP}"
        rf"(?P<dir>{alt([*counted['later'], *counted['earlier']])})"
        rf"|(?P<compound>{alt(counted['year_compounds'])})",
        starts=(*v.lex["numbers"]["words"], *counted["year_compounds"]),
    )


@RULES.rule("later")
def _later(v: Vocab, g: Found, ctx: Context) -> Out:
    """Units after or before the paragraph's earlier date: "two days later", "a year earlier".

    "a year earlier" after "the third quarter" is the third quarter of the year
    before; without an earlier date, P moved by that many units.
    """
    if g["compound"] is not None:  # "year-earlier profit"
        years = v.lex_compounds[g.key("compound")]
        return _from_anchor(ctx, "year", years, "later:year", keep_grain=True)
    n = _count(v, g["n"])
    name = v.units.get(g.key("unit"), "")
    if n is None or name not in UNITS or n > 400 or not UNITS[name].counts:
        return None
    sign = 1 if g.key("dir") in v.later_words else -1
    return _from_anchor(ctx, name, sign * n, f"later:{name}", keep_grain=True)


def _in_focus(ctx: Context, name: str) -> Hit | None:
    """The period under discussion that a count of ``name`` units compares with.

    A count of years ("a year earlier", "a year ago") in a text that names a quarter
    compares with that quarter (TimeML's "1988-Q3" in a report on the third quarter).
    """
    if name != "year":
        return None
    return ctx.focus.get(QUARTER)


def _from_anchor(ctx: Context, name: str, n: int, rule: str, *, keep_grain: bool) -> Res:
    """The unit ``n`` units from the earlier mention of the paragraph, else from P.

    ``keep_grain``: a count moves the earlier period itself ("a year earlier" than a
    quarter is a quarter); a named unit ("the following year") is that unit.
    """
    unit = UNITS[name]
    prev = ctx.previous
    focus = _in_focus(ctx, name) if keep_grain else ctx.focus.get(unit.precision)
    if focus is not None and (prev is None or FINENESS[prev[2].precision] < FINENESS[QUARTER]):
        prev = focus
    base = None if prev is None else prev[2]
    if prev is not None and base is not None and base.value and base.value_end:
        if FINENESS[base.precision] > FINENESS[unit.precision]:
            return Res(None, None, unit.precision, True, rule)  # days after "in 1995"
        if keep_grain and n:
            first, last = _moved_period(base.value, base.value_end, base.precision, unit, n)
            prec = base.precision
        else:
            first, last, prec = unit.shift(n, base.value)
        anchor = Anchor.MENTION
        res = Res(first, last, prec, True, rule, anchor=anchor, anchor_span=prev[:2])
        return attrs.evolve(res, backwards=n < 0)
    if ctx.published is None:
        return Res(None, None, unit.precision, True, rule)
    first, last, prec = unit.shift(n, ctx.published)
    return Res(first, last, prec, True, rule)


def _moved_period(
    first: _dt.date, last: _dt.date, precision: Precision, unit: Unit, n: int
) -> tuple[_dt.date, _dt.date]:
    """A period moved by ``n`` units, kept at its own grain."""
    if unit.days:
        step = _dt.timedelta(days=n * unit.days)
        return first + step, last + step
    y, m = add_months(first.year, first.month, n * unit.months)
    moved = _dt.date(y, m, min(first.day, month_end(y, m).day))
    if precision is DAY:
        return moved, moved
    if precision is WEEK:
        return moved, moved + _dt.timedelta(days=6)
    ey, em = add_months(last.year, last.month, n * unit.months)
    return moved, month_end(ey, em)


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
    """P moved back: "il y a trois jours", "two years ago" (at the unit's grain)."""
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
    name = v.units.get(g.key("unit"), "")
    unit = UNITS.get(name)
    if n is None or unit is None or n > 400 or not unit.counts:
        return None
    if sign < 0 and _in_focus(ctx, name) is not None:
        return attrs.evolve(_from_anchor(ctx, name, -n, rule, keep_grain=True), rule=rule)
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


@PATTERNS.rule("the_unit")
def _the_unit_pattern(v: Vocab) -> Pattern:
    f = v.f
    units = [w for name in _THE_UNITS for w in v.unit_forms.get(name, ())]
    return Pattern(
        rf"{f.dets}(?P<unit>{words(units)})(?!-|{SP}\d)",  # "l'année 2001" is the year
        starts=tuple(v.lex["relative"]["determiners"]),
    )


# Units "the <unit>" names ("for the quarter", "the year's best").
_THE_UNITS = ("week", "month", "quarter", "year")


@RULES.rule("the_unit")
def _the_unit(v: Vocab, g: Found, ctx: Context) -> Out:
    """A unit with an article only: "the quarter", "for the year" (P's, or the earlier date's)."""
    name = v.units[g.key("unit")]
    return _from_anchor(ctx, name, 0, f"the_unit:{name}", keep_grain=False)


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
    """A weekday: "mardi dernier", "next Tuesday"; alone, in the direction of its clause.

    "said Tuesday" is the latest Tuesday up to P, "will meet Tuesday" the first from
    P on; without a cue, the nearer of the two.
    """
    wd = v.weekdays[g.key("weekday")]
    kind = _kind(v, g["mod_b"] or g["mod_a"])
    rule = f"weekday:{kind}"
    p = ctx.published
    if p is None:
        return Res(None, None, DAY, True, rule)
    back = p - _dt.timedelta(days=(p.weekday() - wd) % 7)
    ahead = p + _dt.timedelta(days=(wd - p.weekday()) % 7)
    if kind == "bare":
        picks = {"past": back, "next": ahead}
        d = picks.get(ctx.direction(v, g.start, g.end) or "", nearest([back, ahead], p))
    elif kind == "past":
        d = p - _dt.timedelta(days=(p.weekday() - wd) % 7 or 7)
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
        rf"(?P<month>{f.month}){SP}(?P<mod_y>{f.rel_before}){SP}{v.unit_of('year')}"
        rf"|(?P<mod_b>{f.rel_before}){SP}(?P<month>{f.month})(?!{f.year_of})"
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
    if g["mod_y"] is not None:  # "January this year", "June last year"
        kind = _kind(v, g["mod_y"])
        rule = f"relative_month:{kind}:year"
        if ctx.published is None:
            return Res(None, None, MONTH, True, rule)
        y = ctx.published.year + _SIGN[kind]
        return Res(_dt.date(y, month, 1), month_end(y, month), MONTH, True, rule)
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
    nouns = v.lex["spans"]["month_nouns"]
    return Pattern(rf"(?P<noun>{lead(nouns)})?{v.f.month}", starts=tuple(nouns))


@RULES.rule("month")
def _month(v: Vocab, g: Found, ctx: Context) -> Out:
    """A month alone: "en avril", "in April", "the March accession", "mois de juin".

    After a month preposition or noun, or anywhere written as the language writes a
    month (capitalised in English, whose lower-case "may" and "march" are words).
    """
    word = g.orig()[g.span("noun")[1] - g.start if g["noun"] else 0 :]
    cued = g["noun"] is not None or v.prep["month"].search(g.before()) is not None
    if not cued:
        written = word[:1].isupper() != v.lowercase_calendar
        after_number = _NUMBER_BEFORE.search(g.before(8)) is not None  # "le 32 mars"
        if not written or after_number or _before_name(v, g):
            return None
    p = _partial(v, word)
    return None if p is None else _resolve(v, p, g, ctx, "month")


_NUMBER_BEFORE = compile_pattern(r"\d[^\S\n]*$")


# One or two short lower-case words, then a capitalised one: "March for Life".
_SHORT_THEN_NAME = compile_pattern(r"(?:[^\S\n]{1,3}\p{Ll}{2,3}){1,2}[^\S\n]{1,3}\p{Lu}\p{Ll}")


def _before_name(v: Vocab, g: Found) -> bool:
    """Whether a name follows: "Jan Kavan", "June Carter", "the March for Life".

    A capitalised word that is no date word, right after the month or after one or two
    short lower-case words.
    """
    if _SHORT_THEN_NAME.match(g.text, g.end):
        return True
    nxt = v.next_word.match(g.text, g.end)
    if nxt is None or not nxt.group(1).istitle():
        return False
    return key(nxt.group(1)) not in v.anchor_words


@PATTERNS.rule("year")
def _year_pattern(v: Vocab) -> Pattern:
    nouns, fiscal = v.lex["spans"]["year_nouns"], v.lex["years_of"]["fiscal"]
    return Pattern(
        rf"(?:(?P<noun>{lead(nouns)})|(?P<fiscal>{lead(fiscal)}))?(?P<year>{YEAR_RE})(?![-/]\d)",
        starts=(*nouns, *fiscal),
    )


# Years read as dates without a preposition before them ("a 2010 raid", "pour 2019"):
# the years of modern news; older or later ones need a preposition ("en 1515").
_BARE_YEARS = (1900, 2099)


@RULES.rule("year")
def _year(v: Vocab, g: Found, ctx: Context) -> Out:
    """A year: "en 2024", "by 2030", "the 1987 level", "fiscal 1989", "l'année 2001"."""
    y = int(g["year"] or 0)
    cued = g["noun"] or g["fiscal"] or v.prep["year"].search(g.before())
    if not cued and not _BARE_YEARS[0] <= y <= _BARE_YEARS[1]:
        return None
    if not cued and not _listed_year(v, g.text, g.end):
        return None  # "entre 2000 et 3000 soldats": the range rule said it is no date
    rule = "year:fiscal" if g["fiscal"] else "year"
    return Res(_dt.date(y, 1, 1), _dt.date(y, 12, 31), YEAR, False, rule)


_NEXT_NUMBER = compile_pattern(r"\d+")


def _listed_year(v: Vocab, text: str, end: int) -> bool:
    """Whether a bare year ending at ``end`` may be a date given what follows it.

    Followed by a joiner and a number ("2000 et 3000 soldats"), it is one only when that
    number is a year of news too and counts nothing ("in both 2018 and 2019").
    """
    joined = v.number_range.match(text, end)
    if joined is None:
        return True
    nxt = _NEXT_NUMBER.match(text, joined.end() - 1)
    if nxt is None or len(nxt.group()) != 4:
        return False
    if not _BARE_YEARS[0] <= int(nxt.group()) <= _BARE_YEARS[1]:
        return False
    word = v.next_word.match(text, nxt.end())
    return word is None or key(word.group(1)) not in v.count_nouns


@PATTERNS.rule("vague")
def _vague_pattern(v: Vocab) -> Pattern:
    phrases = list(v.vague)
    return Pattern(alt(phrases), starts=tuple(phrases))


_VAGUE_KINDS = {
    "present": DateKind.PRESENT_REF,
    "past": DateKind.PAST_REF,
    "future": DateKind.FUTURE_REF,
}


@RULES.rule("vague")
def _vague(v: Vocab, g: Found, ctx: Context) -> Out:
    """A vague reference, with no value: "now", "récemment", "bientôt", "the future"."""
    kind = v.vague[key(g.m.group())]
    tense = ctx.direction(v, g.start, g.end)
    if (kind, tense) in (("future", "past"), ("past", "next")):
        return None  # "he was soon released": no future seen from P
    return Res(None, None, DAY, True, f"vague:{kind}", kind=_VAGUE_KINDS[kind])
