"""The engine of the ``dates`` extractor: lexicon-driven patterns and their resolution.

Candidate spans are found by one pattern per language, compiled once from the
lexicons ``calendar.toml`` (month, weekday and season names) and ``dates.toml``
(relative words, prepositions, range connectors, number words). Every common shape
(day month year, month year, year, ISO, numeric, relative words) is resolved here
from the lexicon numbers; dateparser is imported lazily and only asked about the
shapes this module does not resolve itself (numeric dates with a two-digit year).

Examples
--------
>>> import datetime
>>> [(m.text, m.value, m.precision.value) for m in find("Le 12 mars 2024.", "fr", None)]
[('12 mars 2024', datetime.date(2024, 3, 12), 'day')]
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs
import regex

from osintparse import lexicons
from osintparse.model import DateMention, Precision
from osintparse.text import Normalized, normalize

__all__ = ["find"]

_SP = r"[^\S\n]{1,24}"  # bounded: linear even over a run of 100 000 spaces
_SP0 = r"[^\S\n]{0,24}"
_B0 = r"(?<![\p{L}\p{N}])"
_B1 = r"(?![\p{L}\p{N}])"
_YEAR = r"(?:1\d{3}|2[01]\d{2})(?![\p{L}\p{N}]|[.,]\d)"
_FLAGS = regex.IGNORECASE | regex.V0
_DAY = Precision.DAY
_WEEK = Precision.WEEK
_MONTH = Precision.MONTH
_SEASON = Precision.SEASON
_YEARP = Precision.YEAR
_UNIT_PRECISION = {
    "day": Precision.DAY,
    "week": Precision.WEEK,
    "month": Precision.MONTH,
    "quarter": Precision.MONTH,
    "weekend": Precision.DAY,
    "year": Precision.YEAR,
}
_FINENESS = {_DAY: 0, _WEEK: 1, _MONTH: 2, _SEASON: 3, _YEARP: 4, Precision.DECADE: 5}
# The first word of a candidate: it must start some pattern (``_Lang.starters``).
_TOKEN = regex.compile(r"\p{L}+['-]?")
# Adversarial input guard: a pattern attempt that takes longer than this is "no match".
_TIMEOUT = 2.0


def _escape(word: str) -> str:
    return _SP.join(regex.escape(p) for p in word.split())


def _alt(words: Iterable[str]) -> str:
    """Alternation of ``words``, longest first; word-final letters need a boundary."""
    parts = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        esc = _escape(w)
        if w[-1].isalnum():
            esc += _B1
        parts.append(esc)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _lead(words: Iterable[str]) -> str:
    """Alternation of ``words`` each followed by its separator (none after ' or -)."""
    parts = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        esc = _escape(w)
        esc += _B1 + _SP if w[-1].isalnum() else _SP0
        parts.append(esc)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _join(word: str) -> str:
    if word[0].isalnum() and word[-1].isalnum():
        return _SP + _escape(word) + _B1 + _SP
    return _SP0 + _escape(word) + (_SP if word[-1].isalnum() else _SP0)


@attrs.frozen
class _Res:
    """A resolved mention: value, last day, precision, relative flag, rule."""

    value: _dt.date | None
    value_end: _dt.date | None
    precision: Precision
    relative: bool
    rule: str


# Returned for a phrase that reads as a date but is impossible ("30 février 2024",
# "between 5 and 3 May"): the whole span is skipped, not re-read in parts.
_SKIP = _Res(None, None, _DAY, False, "skip")


@attrs.frozen(eq=False)
class _Lang:
    """Everything one language needs, compiled once from its lexicons."""

    code: str
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    seasons: Mapping[str, int]
    numbers: Mapping[str, int]
    ordinals: Mapping[str, int]
    first_day: frozenset[str]
    units: Mapping[str, str]
    rel_days: Mapping[str, int]
    past: frozenset[str]
    next: frozenset[str]
    this: frozenset[str]
    count_nouns: frozenset[str]
    capitalised: frozenset[str]
    range_rules: Mapping[tuple[str, str], str]
    lists: Mapping[str, list[str]]
    starters: frozenset[str]
    decade_words: Mapping[str, int]
    night_pairs: frozenset[tuple[str, str]]
    parts: Mapping[str, str]
    day_first_numeric: bool
    master: regex.Pattern[str]
    master_source: str
    anchors: regex.Pattern[str]
    anchor_source: str
    month_re: regex.Pattern[str]
    year_re: regex.Pattern[str]
    day_re: regex.Pattern[str]
    prep_year: regex.Pattern[str]
    prep_month: regex.Pattern[str]
    prep_season: regex.Pattern[str]
    prep_since: regex.Pattern[str]
    next_word: regex.Pattern[str]


def _key(word: str) -> str:
    return " ".join(word.lower().split())


def _with_lists(source: str, flags: int, lists: Mapping[str, list[str]]) -> regex.Pattern[str]:
    return regex.compile(
        source,
        flags,
        months=lists["months"],
        weekdays=lists["weekdays"],
        seasons=lists["seasons"],
    )


@functools.cache
def _compile(lang: str) -> _Lang:
    cal = lexicons.load(lang, "calendar")
    lex = lexicons.load(lang, "dates")
    months: dict[str, int] = cal["months"]
    weekdays: dict[str, int] = cal["weekdays"]
    seasons: dict[str, int] = cal["seasons"]
    num = lex["numbers"]
    preps = lex["prepositions"]
    rel = lex["relative"]
    words = rel["words"]
    units: dict[str, str] = rel["units"]

    # Calendar words are named lists (matched as sets): the pattern stays small.
    lists = {
        "months": sorted({_key(k) for k in months}),
        "weekdays": sorted({_key(k) for k in weekdays}),
        "seasons": sorted({_key(k) for k in seasons}),
    }
    month = rf"\L<months>{_B1}"
    weekday = rf"\L<weekdays>{_B1}"
    season = rf"\L<seasons>{_B1}"
    year = _YEAR
    suffix = "(?:" + "|".join(regex.escape(s) for s in num["day_suffixes"]) + ")?"
    day = rf"(?:{_alt(num['first_day'])}|(?:0?[1-9]|[12]\d|3[01]){suffix}{_B1})"
    day_of = rf"(?:{_SP}{_alt(preps['day_of'])})?" if preps["day_of"] else ""
    dets = _lead(words["determiners"])
    year_of = rf"(?:{_SP0},)?{_SP}(?:{_lead(preps['year_of'])})?{year}"
    a_dm = rf"{day}{day_of}{_SP}{month}(?:{year_of})?"
    a_md = rf"{month}{_SP}{day}(?:{year_of})?" if lex["ambiguous"]["month_first"] else "(?!)"
    a_my = rf"{month}(?:{year_of}|/{year})"
    wd = rf"(?:{weekday},?{_SP}{dets}?)?"
    ep_left = rf"{wd}{dets}?(?:{a_dm}|{a_md}|{a_my}|{month}|{year}|{day})"
    ep_right = rf"{wd}{dets}?(?:{a_dm}|{a_md}|{a_my}|{month}|{year})"
    before = list(words["past_before"]) + list(words["next_before"]) + list(words["this_before"])
    after = list(words["past_after"]) + list(words["next_after"]) + list(words["this_after"])
    rel_before = _alt(before)
    rel_after = _alt(after)
    unit = _alt(units)
    week_unit = _alt(k for k, v in units.items() if v == "week")
    number = rf"(?:\d{{1,3}}{_B1}|{_alt(num['words'])})"

    alts: list[str] = []
    pairs = lex["ranges"]["pairs"]
    rules = {(_key(o), _key(j)): f"range:{r}:{o}…{j}" for o, j, r in pairs}
    # One alternative for every pair; the code checks that opener and joiner belong together.
    alts.append(
        rf"(?P<range>(?P<ro>{_alt(p[0] for p in pairs)}){_SP0}(?P<ra>{ep_left})"
        rf"{_SP0}(?P<rj>{_alt(p[1] for p in pairs)}){_SP0}(?P<rb>{ep_right}))"
    )
    dashes = "(?:" + "|".join(_join(d) for d in lex["ranges"]["dashes"]) + ")"
    plain_left = rf"(?:{a_dm}|{a_md}|{a_my}|{month}|{year}|{day})"
    plain_right = rf"(?:{a_dm}|{a_md}|{a_my}|{month}|{year})"
    alts.append(rf"(?P<dash>(?P<ra>{plain_left}){dashes}(?P<rb>{plain_right}))")
    if lex["ambiguous"]["month_first"]:
        # "July 13 to 15", "August 27th - 29th": the second day takes the first's month.
        alts.append(rf"(?P<dash>(?P<ra>{month}{_SP}{day}){dashes}(?P<rb>{day}(?:{year_of})?))")
    nights = lex["ranges"]["weekday_nights"]
    alts.append(
        rf"(?P<wnight>(?P<wno>{_alt(n[0] for n in nights)}){_SP}(?P<wn1>{weekday})"
        rf"{_SP}(?P<wnj>{_alt(n[1] for n in nights)}){_SP}(?P<wn2>{weekday}))"
    )
    joiners = _alt(lex["ranges"]["list_joiners"])
    more_days = rf"(?:{_SP0},{_SP}{day})*,?{_SP}{joiners}{_SP}"
    alts.append(rf"(?P<dlist>{day}{more_days}{a_dm})")
    if lex["ambiguous"]["month_first"]:
        alts.append(rf"(?P<dlist>(?P<dlm>{month}){_SP}{day}{more_days}{day}(?:{year_of})?)")
    alts.append(rf"(?P<since>(?P<sw>{_alt(preps['since'])}){_SP0}(?P<sa>{ep_right}))")
    parts = lex["parts"]
    alts.append(
        rf"(?P<part>(?P<pw>{_lead([*parts['begin'], *parts['middle'], *parts['end']])})"
        rf"(?:(?P<pmy>{a_my})|(?P<pm>{month})|(?P<py>{year})"
        rf"|{dets}?(?:(?P<pub>{rel_before}){_SP})?(?P<pu>{unit})(?:{_SP0}(?P<pua>{rel_after}))?))"
    )
    dec = lex["decades"]
    if dec["before"]:
        alts.append(rf"(?P<decade>{_lead(dec['before'])}(?P<dy>(?:1\d|20)\d0|\d0){_B1})")
    alts.append(rf"(?P<decade>{_lead(dec['word_before'])}(?P<dw>{_alt(dec['words'])}))")
    if dec["after"]:
        suf = "(?:" + "|".join(regex.escape(s) for s in dec["after"]) + ")"
        alts.append(rf"(?P<decade>(?P<dy>(?:1\d|20)\d0|'\d0){suf}{_B1})")
    alts.append(
        rf"(?P<week>{dets}?(?P<wo>{_alt(num['ordinals'])}){_SP}{week_unit}{_SP}"
        rf"{_lead(preps['week_of'])}(?P<wm>{month})(?:,?{_SP}(?P<wy>{year}))?)"
    )
    quarter_unit = _alt(k for k, v in units.items() if v == "quarter")
    letters = "(?:" + "|".join(regex.escape(q) for q in num["quarter_letters"]) + ")"
    # "last quarter" is the one before P's; "the last quarter of 2023" is Q4.
    rel_words = {_key(w) for w in [*before, *after]}
    plain_ords = _alt(w for w in num["ordinals"] if _key(w) not in rel_words)
    alts.append(
        rf"(?P<quarter>{dets}?(?P<qo>{_alt(num['ordinals'])}){_SP}{quarter_unit}"
        rf"{_SP}{_lead(preps['year_of'])}?(?P<qy>{year})"
        rf"|{dets}?(?P<qo>{plain_ords}){_SP}{quarter_unit}"
        rf"|{letters}(?P<qn>[1-4])(?:[ -]|{_SP})?(?P<qy>{year})"
        rf"|(?P<qy>{year})(?:[ -]|{_SP})?{letters}(?P<qn>[1-4]){_B1})"
    )
    alts.append(
        r"(?P<iso>(?P<iy>1\d{3}|2[01]\d{2})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])"
        r"(?![\p{L}\p{N}]|[-/.]\d))"
    )
    alts.append(
        r"(?P<num>(?<![\d/.-])(?P<n1>\d{1,2})(?P<ns>[/.-])(?P<n2>\d{1,2})(?P=ns)"
        r"(?P<n3>\d{4}|\d{2})(?![\p{L}\p{N}/-]|\.\d))"
    )
    alts.append(rf"(?P<full>{wd}(?:{a_dm}|{a_md}|{a_my}))")
    alts.append(
        rf"(?P<season>(?:(?P<sb>{rel_before}){_SP})?(?P<sn>{season})"
        rf"(?:{_SP}{_lead(preps['season_of'])}?(?P<sy>{year})|{_SP0}(?P<sx>{rel_after}))?)"
    )
    alts.append(rf"(?P<rday>{_alt(rel['days'])})")
    if words["ago_before"]:
        alts.append(rf"(?P<ago>{_lead(words['ago_before'])}(?P<an>{number}){_SP}(?P<au>{unit}))")
    if words["ago_after"]:
        alts.append(rf"(?P<ago>(?P<an>{number}){_SP}(?P<au>{unit}){_SP}{_alt(words['ago_after'])})")
    in_number = rf"(?!{_alt(words['in_not_counts'])}){number}" if words["in_not_counts"] else number
    alts.append(
        rf"(?P<inn>{_lead(words['in_before'])}(?P<inn_n>{in_number}){_SP}(?P<inn_u>{unit}))"
    )
    between = [*words["past_between"], *words["next_between"]]
    alts.append(
        rf"(?P<nunit>{dets}?(?:(?P<nb>{rel_before}){_SP}(?P<nn>{number})"
        rf"|(?P<nn>{number}){_SP}(?P<nb>{_alt(between)})){_SP}(?P<nu>{unit}))"
    )
    alts.append(
        rf"(?P<runit>{dets}?(?P<ub>{rel_before}){_SP}(?P<uu>{unit})(?:{_SP0}(?P<ua>{rel_after}))?"
        rf"|{dets}?(?P<uu>{unit}){_SP0}(?P<ua>{rel_after}))"
    )
    alts.append(
        rf"(?P<rwd>(?:(?P<wb>{rel_before}){_SP})?(?P<wd>{weekday})(?:{_SP}(?P<wa>{rel_after}))?)"
    )
    weekend_unit = _alt(k for k, v in units.items() if v == "weekend")
    alts.append(rf"(?P<wkend>{dets}{weekend_unit})")
    alts.append(
        rf"(?P<rmonth>(?P<mb>{rel_before}){_SP}(?P<mm>{month})(?!{year_of})"
        rf"|(?P<mm>{month}){_SP}(?P<ma>{rel_after}))"
    )
    alts.append(rf"(?P<bmonth>{month})")
    alts.append(rf"(?P<byear>{year})")
    master_source = _B0 + "(?:" + "|".join(alts) + ")"
    # Every match holds an anchor: a digit or a calendar, unit or relative-day word.
    anchor_words = {*months, *weekdays, *seasons, *units, *rel["days"], *dec["words"]}
    anchor_alt = "|".join(
        regex.escape(w.lower()) + (r"\b" if w[-1].isalnum() else "")
        for w in sorted(anchor_words, key=lambda w: (-len(w), w))
    )

    def prep(words_: Iterable[str]) -> regex.Pattern[str]:
        return regex.compile(rf"{_B0}{_lead(words_)}$", _FLAGS)

    return _Lang(
        code=lang,
        months={_key(k): v for k, v in months.items()},
        weekdays={_key(k): v for k, v in weekdays.items()},
        seasons={_key(k): v for k, v in seasons.items()},
        numbers={_key(k): v for k, v in num["words"].items()},
        ordinals={_key(k): v for k, v in num["ordinals"].items()},
        first_day=frozenset(_key(w) for w in num["first_day"]),
        units={_key(k): v for k, v in units.items()},
        rel_days={_key(k): v for k, v in rel["days"].items()},
        past=frozenset(
            _key(w) for w in [*words["past_before"], *words["past_after"], *words["past_between"]]
        ),
        next=frozenset(
            _key(w) for w in [*words["next_before"], *words["next_after"], *words["next_between"]]
        ),
        this=frozenset(_key(w) for w in [*words["this_before"], *words["this_after"]]),
        count_nouns=frozenset(_key(w) for w in num["count_nouns"]),
        capitalised=frozenset(lex["ambiguous"]["capitalised_months"]),
        range_rules=rules,
        lists=lists,
        decade_words={_key(k): v for k, v in dec["words"].items()},
        night_pairs=frozenset((_key(o), _key(j)) for o, j in nights),
        starters=frozenset(
            t.group()
            for w in (
                *months,
                *weekdays,
                *seasons,
                *units,
                *rel["days"],
                *num["words"],
                *num["ordinals"],
                *num["first_day"],
                *num["quarter_letters"],
                *words["determiners"],
                *before,
                *after,
                *words["ago_before"],
                *words["in_before"],
                *preps["since"],
                *dec["word_before"],
                *(n[0] for n in nights),
                *dec["before"],
                *parts["begin"],
                *parts["middle"],
                *parts["end"],
                *(p[0] for p in pairs),
            )
            if (t := _TOKEN.match(w.lower())) is not None
        ),
        parts={_key(w): kind for kind in ("begin", "middle", "end") for w in parts[kind]},
        day_first_numeric=not lex["ambiguous"]["month_first"],
        master=_with_lists(master_source, regex.V0, lists),
        master_source=master_source,
        anchors=regex.compile(rf"\d+|\b(?:{anchor_alt})"),
        anchor_source=rf"\d+|\b(?:{anchor_alt})",
        month_re=regex.compile(_B0 + month, _FLAGS, months=lists["months"]),
        year_re=regex.compile(r"(?<!\d)(?:1\d{3}|2[01]\d{2})(?!\d)"),
        day_re=regex.compile(
            rf"{_B0}(?:(?P<first>{_alt(num['first_day'])})|(?P<d>\d{{1,2}}){suffix}{_B1})",
            _FLAGS,
        ),
        prep_year=prep(preps["year"]),
        prep_month=prep(preps["month"]),
        prep_season=prep(preps["season"]),
        prep_since=prep(preps["since"]),
        next_word=regex.compile(r"[^\S\n]{0,24}([%€$£]|[\p{L}]+)"),
    )


# --------------------------------------------------------------------------- dates


def _month_end(y: int, m: int) -> _dt.date:
    if m == 12:
        return _dt.date(y, 12, 31)
    return _dt.date(y, m + 1, 1) - _dt.timedelta(days=1)


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _monday(d: _dt.date) -> _dt.date:
    return d - _dt.timedelta(days=d.weekday())


@attrs.frozen
class _Partial:
    year: int | None
    month: int | None
    day: int | None


def _partial(lx: _Lang, s: str) -> _Partial | None:
    """Read year, month and day out of a matched date phrase."""
    m = lx.month_re.search(s)
    month = None
    if m is not None:
        word = m.group()
        month = lx.months.get(_key(word))
    y = lx.year_re.search(s)
    if (
        m is not None
        and _key(m.group()) in lx.capitalised
        and not m.group()[0].isupper()
        and y is None
        and not _key(s[: m.start()]).endswith(" of")
    ):
        return None  # "they march 20 miles", "you may 3 times"
    year = int(y.group()) if y is not None else None
    day = None
    for d in lx.day_re.finditer(s):
        if y is not None and y.start() <= d.start() < y.end():
            continue
        day = 1 if d.group("first") else int(d.group("d"))
        break
    return _Partial(year, month, day)


def _latest(p: _Partial, anchor: _dt.date) -> _Partial | None:
    """Give a year to a month (and day) without one: the latest one up to ``anchor``."""
    if p.month is None:
        return None
    for back in range(9):
        y = anchor.year - back
        first = _date(y, p.month, p.day or 1)
        if first is not None and first <= anchor:
            return _Partial(y, p.month, p.day)
    return None


def _period(p: _Partial) -> tuple[_dt.date, _dt.date, Precision] | None:
    if p.year is None:
        return None
    if p.month is None:
        if p.day is not None:
            return None
        return _dt.date(p.year, 1, 1), _dt.date(p.year, 12, 31), _YEARP
    if p.day is None:
        return _dt.date(p.year, p.month, 1), _month_end(p.year, p.month), _MONTH
    d = _date(p.year, p.month, p.day)
    return None if d is None else (d, d, _DAY)


def _resolve_partial(p: _Partial, published: _dt.date | None, rule: str) -> _Res | None:
    if p.year is not None:
        got = _period(p)
        return None if got is None else _Res(got[0], got[1], got[2], False, rule)
    if p.month is None:
        return None
    if p.day is not None and _date(2000, p.month, p.day) is None:
        return None  # 2000 is a leap year: any valid day-month exists in it
    precision = _MONTH if p.day is None else _DAY
    if published is None:
        return _Res(None, None, precision, True, rule)
    full = _latest(p, published)
    got = None if full is None else _period(full)
    return None if got is None else _Res(got[0], got[1], got[2], True, rule)


def _fill(a: _Partial, b: _Partial) -> _Partial:
    """Complete a range's first end from its second ("du 13 au 14 avril")."""
    month = a.month if a.month is not None else (b.month if a.day is not None else None)
    year = a.year
    if year is None and b.year is not None:
        year = b.year
        if month is not None and b.month is not None and month > b.month:
            year -= 1
    return _Partial(year, month, a.day)


def _range(
    lx: _Lang, a_text: str, b_text: str, published: _dt.date | None, rule: str
) -> _Res | None:
    a = _partial(lx, a_text)
    b = _partial(lx, b_text)
    if a is None or b is None:
        return None
    if (a.day is not None) != (b.day is not None) and a.month is None:
        return None  # "de 10 à 2000": a day and a year
    if a.month is None and b.month is None and (a.day is not None or b.day is not None):
        return None
    if a.month is not None and b.month is None:
        if b.day is None:
            return None  # "septembre-2020": a month and a year are not a range
        b = _Partial(b.year if b.year is not None else a.year, a.month, b.day)
    relative = False
    if b.year is None:
        if published is None:
            ok = _resolve_partial(b, None, rule) is not None
            precision = _MONTH if a.day is None else _DAY
            return _Res(None, None, precision, True, rule) if ok else None
        got_b = _latest(b, published)
        if got_b is None:
            return None
        b = got_b
        relative = True
    a = _fill(a, b)
    pa, pb = _period(a), _period(b)
    if pa is None or pb is None or pa[0] > pb[1]:
        return _SKIP
    if a.month is None and b.month is None and (b.year or 0) - (a.year or 0) > 300:
        return None
    precision = pa[2] if _FINENESS[pa[2]] <= _FINENESS[pb[2]] else pb[2]
    return _Res(pa[0], pb[1], precision, relative, rule)


def _season(lx: _Lang, m: regex.Match[str], published: _dt.date | None, before: str) -> _Res | None:
    start_month = lx.seasons[_key(m.group("sn"))]
    mod = m.group("sb") or m.group("sx")
    kind = "bare"
    if m.group("sy"):
        y = int(m.group("sy"))
        start = _dt.date(y, start_month, 1)
        ey, em = _add_months(y, start_month, 2)
        return _Res(start, _month_end(ey, em), _SEASON, False, "season_year")
    if mod is not None:
        k = _key(mod)
        kind = "past" if k in lx.past else "next" if k in lx.next else "this"
    elif lx.prep_season.search(before) is None:
        return None
    if published is None:
        return _Res(None, None, _SEASON, True, f"season:{kind}")

    def span(y: int) -> tuple[_dt.date, _dt.date]:
        ey, em = _add_months(y, start_month, 2)
        return _dt.date(y, start_month, 1), _month_end(ey, em)

    p = published
    years = range(p.year - 2, p.year + 2)
    if kind == "past":
        cands = [span(y) for y in years if span(y)[1] < p]
        chosen = cands[-1]
    elif kind == "next":
        chosen = next(span(y) for y in years if span(y)[0] > p)
    elif kind == "this":
        y = p.year - 1 if start_month == 12 and p.month <= 2 else p.year
        chosen = span(y)
    else:
        chosen = [span(y) for y in years if span(y)[0] <= p][-1]
    return _Res(chosen[0], chosen[1], _SEASON, True, f"season:{kind}")


def _shift(unit: str, k: int, p: _dt.date) -> tuple[_dt.date, _dt.date, Precision]:
    if unit == "day":
        d = p + _dt.timedelta(days=k)
        return d, d, _DAY
    if unit == "week":
        start = _monday(p) + _dt.timedelta(weeks=k)
        return start, start + _dt.timedelta(days=6), _WEEK
    if unit == "month":
        y, m = _add_months(p.year, p.month, k)
        return _dt.date(y, m, 1), _month_end(y, m), _MONTH
    if unit == "weekend":
        start = _monday(p) + _dt.timedelta(weeks=k, days=5)
        return start, start + _dt.timedelta(days=1), _DAY
    if unit == "quarter":
        y, m = _add_months(p.year, (p.month - 1) // 3 * 3 + 1, 3 * k)
        ey, em = _add_months(y, m, 2)
        return _dt.date(y, m, 1), _month_end(ey, em), _MONTH
    return _dt.date(p.year + k, 1, 1), _dt.date(p.year + k, 12, 31), _YEARP


def _count(lx: _Lang, text: str) -> int | None:
    t = _key(text)
    if t.isdigit():
        return int(t)
    return lx.numbers.get(t)


def _ago(
    lx: _Lang, n_text: str, u_text: str, sign: int, published: _dt.date | None, rule: str
) -> _Res | None:
    n = _count(lx, n_text)
    unit = lx.units.get(_key(u_text))
    if n is None or unit is None or n > 400:
        return None
    if unit == "weekend":
        return None
    if unit == "quarter":
        unit, n = "month", 3 * n
    # Days, weeks and months back give a day ("il y a trois semaines"), years a
    # month ("two years ago"), as Duckling does.
    precision = _MONTH if unit == "year" else _DAY
    if published is None:
        return _Res(None, None, precision, True, rule)
    p = published
    try:
        if unit in ("day", "week"):
            d = p + _dt.timedelta(days=sign * n * (7 if unit == "week" else 1))
            return _Res(d, d, _DAY, True, rule)
        y, mo = _add_months(p.year, p.month, sign * n * (12 if unit == "year" else 1))
        if unit == "year":
            return _Res(_dt.date(y, mo, 1), _month_end(y, mo), _MONTH, True, rule)
        d = _dt.date(y, mo, min(p.day, _month_end(y, mo).day))
    except (ValueError, OverflowError):
        return None
    return _Res(d, d, _DAY, True, rule)


def _weekday(lx: _Lang, m: regex.Match[str], published: _dt.date | None) -> _Res | None:
    wd = lx.weekdays[_key(m.group("wd"))]
    mod = m.group("wb") or m.group("wa")
    kind = "bare"
    if mod is not None:
        k = _key(mod)
        kind = "past" if k in lx.past else "next" if k in lx.next else "this"
    rule = f"weekday:{kind}"
    if published is None:
        return _Res(None, None, _DAY, True, rule)
    p = published
    back = (p.weekday() - wd) % 7
    if kind == "bare":
        d = p - _dt.timedelta(days=back)
    elif kind == "past":
        d = p - _dt.timedelta(days=back or 7)
    elif kind == "next":
        d = p + _dt.timedelta(days=(wd - p.weekday()) % 7 or 7)
    else:
        d = _monday(p) + _dt.timedelta(days=wd)
    return _Res(d, d, _DAY, True, rule)


def _weekday_night(lx: _Lang, m: regex.Match[str], published: _dt.date | None) -> _Res | None:
    """ "dans la nuit de samedi à dimanche": the latest such pair of days up to P."""
    if (_key(m.group("wno")), _key(m.group("wnj"))) not in lx.night_pairs:
        return None
    first, second = lx.weekdays[_key(m.group("wn1"))], lx.weekdays[_key(m.group("wn2"))]
    if (second - first) % 7 != 1:
        return None
    rule = f"night:{_key(m.group('wno'))}…{_key(m.group('wnj'))}"
    if published is None:
        return _Res(None, None, _DAY, True, rule)
    end = published - _dt.timedelta(days=(published.weekday() - second) % 7)
    return _Res(end - _dt.timedelta(days=1), end, _DAY, True, rule)


def _week_of_month(lx: _Lang, m: regex.Match[str], published: _dt.date | None) -> _Res | None:
    k = lx.ordinals.get(_key(m.group("wo")))
    month = lx.months.get(_key(m.group("wm")))
    if k is None or month is None:
        return None
    rule = "week_of_month"
    if m.group("wy"):
        year = int(m.group("wy"))
        relative = False
    else:
        if published is None:
            return _Res(None, None, _WEEK, True, rule)
        got = _latest(_Partial(None, month, None), published)
        if got is None or got.year is None:
            return None
        year, relative = got.year, True
    last = _month_end(year, month)
    if k < 0:
        return _Res(last - _dt.timedelta(days=6), last, _WEEK, relative, rule)
    start = _dt.date(year, month, 1) + _dt.timedelta(weeks=k - 1)
    if start > last:
        return None
    return _Res(start, min(start + _dt.timedelta(days=6), last), _WEEK, relative, rule)


def _part(
    lx: _Lang,
    m: regex.Match[str],
    orig: Callable[[str], str],
    published: _dt.date | None,
) -> _Res | None:
    """ "fin avril", "early 2024", "the end of the year": a third of a month, year or week."""
    kind = lx.parts[_key(m.group("pw"))]
    rule = f"part:{kind}:{_key(m.group('pw'))}"
    whole: _Res | None
    if m.group("pu") is not None:
        unit = lx.units[_key(m.group("pu"))]
        mod = m.group("pub") or m.group("pua")
        k = 0 if mod is None or _key(mod) in lx.this else -1 if _key(mod) in lx.past else 1
        if unit in ("day", "quarter", "weekend"):
            return None
        if published is None:
            whole = _Res(None, None, _MONTH, True, rule)
        else:
            start, last, prec = _shift(unit, k, published)
            whole = _Res(start, last, prec, True, rule)
    elif m.group("py") is not None:
        y = int(m.group("py"))
        whole = _Res(_dt.date(y, 1, 1), _dt.date(y, 12, 31), _YEARP, False, rule)
    else:
        p = _partial(lx, orig("pmy") if m.group("pmy") is not None else orig("pm"))
        whole = None if p is None else _resolve_partial(p, published, rule)
    if whole is None:
        return None
    if whole.value is None or whole.value_end is None:
        return _Res(None, None, _DAY, True, rule)
    s, e = whole.value, whole.value_end
    if whole.precision is _YEARP:
        months = {"begin": (1, 3), "middle": (5, 8), "end": (9, 12)}[kind]
        first, last = _dt.date(s.year, months[0], 1), _month_end(s.year, months[1])
        return _Res(first, last, _MONTH, whole.relative, rule)
    days = {"begin": (0, 9), "middle": (10, 19), "end": (20, 40)}
    if whole.precision is _WEEK:
        days = {"begin": (0, 2), "middle": (1, 3), "end": (4, 6)}
    lo, hi = days[kind]
    first = s + _dt.timedelta(days=lo)
    last = min(s + _dt.timedelta(days=hi), e)
    return _Res(first, last, _DAY, whole.relative, rule)


def _quarter(lx: _Lang, m: regex.Match[str], published: _dt.date | None) -> _Res | None:
    """ "Q1 2024", "le troisième trimestre", "the last quarter of 2023"."""
    n = int(m.group("qn")) if m.group("qn") else lx.ordinals.get(_key(m.group("qo")), 0)
    n = 4 if n == -1 else n
    if not 1 <= n <= 4:
        return None
    rule = "quarter"
    if m.group("qy"):
        y, relative = int(m.group("qy")), False
    elif published is None:
        return _Res(None, None, _MONTH, True, rule)
    else:
        y, relative = published.year, True
        if _dt.date(y, 3 * n - 2, 1) > published:
            y -= 1
    ey, em = _add_months(y, 3 * n - 2, 2)
    return _Res(_dt.date(y, 3 * n - 2, 1), _month_end(ey, em), _MONTH, relative, rule)


def _counted_units(lx: _Lang, m: regex.Match[str], published: _dt.date | None) -> _Res | None:
    """ "the past two weeks", "les trois derniers mois": whole units before or after."""
    n = _count(lx, m.group("nn"))
    unit = lx.units.get(_key(m.group("nu")))
    mod = _key(m.group("nb"))
    if n is None or unit in (None, "weekend") or not 0 < n <= 400 or mod in lx.this:
        return None
    sign = -1 if mod in lx.past else 1
    rule = f"{'past' if sign < 0 else 'next'}_{unit}s"
    precision = _UNIT_PRECISION[unit]
    if published is None:
        return _Res(None, None, precision, True, rule)
    try:
        first = _shift(unit, sign * n if sign < 0 else 1, published)
        last = _shift(unit, -1 if sign < 0 else n, published)
    except (ValueError, OverflowError):
        return None
    return _Res(first[0], last[1], precision, True, rule)


def _relative_month(
    lx: _Lang, m: regex.Match[str], word: str, published: _dt.date | None
) -> _Res | None:
    """ "cette décembre", "last March", "avril dernier": a month named with a modifier."""
    if _key(word) in lx.capitalised and not word[0].isupper():
        return None
    month = lx.months[_key(word)]
    mod = _key(m.group("mb") or m.group("ma"))
    kind = "past" if mod in lx.past else "next" if mod in lx.next else "this"
    rule = f"month:{kind}"
    if published is None:
        return _Res(None, None, _MONTH, True, rule)
    y = published.year
    if kind == "past" and month >= published.month:
        y -= 1
    elif kind == "next" and month <= published.month:
        y += 1
    return _Res(_dt.date(y, month, 1), _month_end(y, month), _MONTH, True, rule)


# ------------------------------------------------------------------ dateparser


@functools.cache
def _dateparser(lang: str) -> Any:
    from dateparser.date import DateDataParser

    order = "MDY" if lang == "en" else "DMY"
    return DateDataParser(
        languages=[lang],
        settings={"DATE_ORDER": order, "PREFER_DATES_FROM": "past", "STRICT_PARSING": True},
    )


@functools.lru_cache(maxsize=4096)
def _dateparser_day(lang: str, span: str) -> _dt.date | None:
    """Ask dateparser about one candidate span (absolute shapes only: no anchor)."""
    data = _dateparser(lang).get_date_data(span)
    if data.date_obj is None or data.period != "day":
        return None
    value: _dt.date = data.date_obj.date()
    return value


def _numeric(lx: _Lang, m: regex.Match[str]) -> _Res | None:
    a, b, y_text = int(m.group("n1")), int(m.group("n2")), m.group("n3")
    if len(y_text) == 2:
        got = _dateparser_day(lx.code, m.group("num"))
        return None if got is None else _Res(got, got, _DAY, False, "numeric:dateparser")
    year = int(y_text)
    if not 1000 <= year <= 2199:
        return None
    if lx.day_first_numeric or a > 12:
        day, month, rule = a, b, "numeric:day_first"
    else:
        day, month, rule = b, a, "numeric:month_first"
    d = _date(year, month, day)
    return None if d is None else _Res(d, d, _DAY, False, rule)


# ---------------------------------------------------------------------- matching


def _is_count(lx: _Lang, text: str, start: int, end: int) -> bool:
    """A number followed by a count noun or unit, or after a currency sign."""
    if not text[end - 1 : end].isdigit():
        return False
    nxt = lx.next_word.match(text, end)
    if nxt is not None and _key(nxt.group(1)) in lx.count_nouns:
        return True
    i = start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return i >= 0 and text[i] in "€$£"


def _resolve(lx: _Lang, m: regex.Match[str], text: str, published: _dt.date | None) -> _Res | None:
    g = m.groupdict()

    def orig(name: str | int = 0) -> str:
        # The group's text in ``text`` (matching may run on a lower-cased copy).
        return text[m.start(name) : m.end(name)]

    before = text[max(0, m.start() - 40) : m.start()]
    if g["range"] is not None:
        rule = lx.range_rules.get((_key(m.group("ro")), _key(m.group("rj"))))
        return None if rule is None else _range(lx, orig("ra"), orig("rb"), published, rule)
    if g["wnight"] is not None:
        return _weekday_night(lx, m, published)
    if g["dash"] is not None:
        return _range(lx, orig("ra"), orig("rb"), published, "range:dash")
    if g["since"] is not None:
        p = _partial(lx, orig("sa"))
        res = None if p is None else _resolve_partial(p, published, "since")
        if res is None:
            return None
        rule = f"since:{_key(m.group('sw'))}"
        end = published if res.value is not None and published and published >= res.value else None
        return attrs.evolve(res, value_end=end, rule=rule)
    if g["part"] is not None:
        return _part(lx, m, orig, published)
    if g["decade"] is not None and m.group("dw") is not None:
        y = lx.decade_words[_key(m.group("dw"))]
        return _Res(_dt.date(y, 1, 1), _dt.date(y + 9, 12, 31), Precision.DECADE, False, "decade")
    if g["decade"] is not None:
        digits = m.group("dy").lstrip("'")
        y = int(digits)
        if len(digits) == 2:
            y += 2000 if y in (0, 10) else 1900
        return _Res(_dt.date(y, 1, 1), _dt.date(y + 9, 12, 31), Precision.DECADE, False, "decade")
    if g["week"] is not None:
        return _week_of_month(lx, m, published)
    if g["quarter"] is not None:
        return _quarter(lx, m, published)
    if g["iso"] is not None:
        d = _date(int(g["iy"]), int(g["im"]), int(g["id"]))
        return None if d is None else _Res(d, d, _DAY, False, "iso")
    if g["num"] is not None:
        return _numeric(lx, m)
    if g["full"] is not None:
        p = _partial(lx, orig())
        if p is None:
            return None
        shape = "day_month" if p.day is not None else "month"
        res = _resolve_partial(p, published, shape + ("_year" if p.year else ""))
        return _SKIP if res is None else res
    if g["season"] is not None:
        return _season(lx, m, published, before)
    if g["rday"] is not None:
        k = lx.rel_days[_key(m.group())]
        rule = f"relative_day:{_key(m.group())}"
        if published is None:
            return _Res(None, None, _DAY, True, rule)
        d = published + _dt.timedelta(days=k)
        return _Res(d, d, _DAY, True, rule)
    if g["ago"] is not None:
        return _ago(lx, m.group("an"), m.group("au"), -1, published, "ago")
    if g["inn"] is not None:
        return _ago(lx, m.group("inn_n"), m.group("inn_u"), 1, published, "in")
    if g["nunit"] is not None:
        return _counted_units(lx, m, published)
    if g["runit"] is not None:
        unit = lx.units[_key(m.group("uu"))]
        mod = _key(m.group("ub") or m.group("ua"))
        k = -1 if mod in lx.past else 1 if mod in lx.next else 0
        if unit == "day" or (m.group("ub") and m.group("ua") and mod not in lx.this):
            return None
        rule = f"relative_{unit}:{mod}"
        if published is None:
            return _Res(None, None, _UNIT_PRECISION[unit], True, rule)
        start, end, prec = _shift(unit, k, published)
        return _Res(start, end, prec, True, rule)
    if g["rwd"] is not None:
        return _weekday(lx, m, published)
    if g["wkend"] is not None:
        # "over the weekend", "le week-end": the latest one begun by P.
        if published is None:
            return _Res(None, None, _DAY, True, "weekend")
        start, last, _ = _shift("weekend", 0 if published.weekday() >= 5 else -1, published)
        return _Res(start, last, _DAY, True, "weekend")
    if g["rmonth"] is not None:
        return _relative_month(lx, m, orig("mm"), published)
    if g["bmonth"] is not None:
        if lx.prep_month.search(before) is None:
            return None
        p = _partial(lx, orig())
        return None if p is None else _resolve_partial(p, published, "month")
    if g["byear"] is not None:
        if lx.prep_year.search(before) is None:
            return None
        y = int(m.group())
        return _Res(_dt.date(y, 1, 1), _dt.date(y, 12, 31), _YEARP, False, "year")
    return None  # pragma: no cover - every alternative is named above


def _with_since(
    lx: _Lang, text: str, start: int, res: _Res, published: _dt.date | None
) -> tuple[int, _Res]:
    """Widen a date after a "since" word into the period up to P ("depuis mardi")."""
    if res.rule.startswith(("since", "range", "past_", "next_")):
        return start, res
    since = lx.prep_since.search(text, max(0, start - 30), start)
    if since is None:
        return start, res
    end = published if res.value is not None and published and published >= res.value else None
    word = _key(since.group()).rstrip()
    return since.start(), attrs.evolve(res, value_end=end, rule=f"since:{word}:{res.rule}")


def _day_list(
    lx: _Lang, m: regex.Match[str], text: str, published: _dt.date | None
) -> list[tuple[int, int, _Res]] | None:
    """ "les 2 et 3 octobre", "October 2, 3 and 9": one mention per day, sharing the month."""
    start, end = m.start(), m.end()
    whole = _partial(lx, text[start:end])
    if whole is None or whole.month is None:
        return None
    y = lx.year_re.search(text, start, end)
    spans = []
    for d in lx.day_re.finditer(text, start, end):
        if y is not None and y.start() <= d.start() < y.end():
            continue
        if lx.month_re.match(text, d.start()):
            continue  # "mar." read as a day word
        day = 1 if d.group("first") else int(d.group("d"))
        spans.append([d.start(), d.end(), day])
    if len(spans) < 2:
        return None
    if m.groupdict().get("dlm") is not None:
        spans[0][0] = start  # "October 2": the month opens the first mention
    spans[-1][1] = end  # "3 octobre", "3, 2024": the last one carries the month or year
    out = []
    for s, e, day in spans:
        res = _resolve_partial(_Partial(whole.year, whole.month, day), published, "day_list")
        if res is None:
            return None
        out.append((s, e, res))
    return out


@functools.cache
def _ignorecase(lang: str) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The master and anchor patterns for texts whose lower-casing changes length."""
    lx = _compile(lang)
    return (
        _with_lists(lx.master_source, _FLAGS, lx.lists),
        regex.compile(lx.anchor_source, regex.IGNORECASE),
    )


# Longest stretch of a match before its first anchor ("at the beginning of the year").
_LOOKBACK = 40
_WORD_START = regex.compile(r"(?<![^\W_])(?:[^\W_]|')")


def _scan(lx: _Lang, text: str, published: _dt.date | None) -> Iterator[tuple[int, int, _Res]]:
    """Yield resolved matches, leftmost first, trying the master pattern only near anchors.

    Matching runs on the lower-cased text (same length as ``text`` for nearly every
    text; otherwise the case-insensitive pattern runs on ``text`` itself).
    """
    low = text.lower()
    master, anchors = lx.master, lx.anchors
    if len(low) != len(text):
        low, (master, anchors) = text, _ignorecase(lx.code)
    pos = 0
    tried = 0
    for anchor in anchors.finditer(low):
        a = anchor.start()
        if a < pos:
            continue
        for w in _WORD_START.finditer(low, max(pos, tried, a - _LOOKBACK), a + 1):
            x = w.start()
            if x < pos or (x >= 2 and low[x - 1] in "/.-,:" and low[x - 2].isdigit()):
                continue  # no date starts inside a number ("12/12/12", "3.14", "10,5")
            if not low[x].isdigit() and low[x] != "'":
                token = _TOKEN.match(low, x)
                word = "" if token is None else token.group().lower()
                if word not in lx.starters and word.rstrip("'-") not in lx.starters:
                    continue  # "Jan-Feb": "jan-" is not a starter, "jan" is
            try:
                m = master.match(low, x, timeout=_TIMEOUT)
            except TimeoutError:
                m = None
            if m is None:
                continue
            if m.group("dlist") is not None:
                days = None if _is_count(lx, low, x, m.end()) else _day_list(lx, m, text, published)
                if days:
                    yield from days
                    pos = m.end()
                continue
            res = None
            if not _is_count(lx, low, m.start(), m.end()):
                res = _resolve(lx, m, text, published)
            if res is _SKIP:
                pos = m.end()
            elif res is not None:
                start, res = _with_since(lx, text, m.start(), res, published)
                yield start, m.end(), res
                pos = m.end()
        tried = max(tried, a + 1)


def find_in(norm: Normalized, lang: str, published: _dt.date | None) -> tuple[DateMention, ...]:
    """Find the dates of a normalised text; offsets point into its original.

    Examples
    --------
    >>> from osintparse.text import normalize
    >>> [m.text for m in find_in(normalize("en\u00a0avril\u00a02025"), "fr", None)]
    ['avril\\xa02025']
    """
    lx = _compile(lexicons.check_lang(lang))
    if isinstance(published, _dt.datetime):
        published = published.date()
    out = []
    for s, e, r in _scan(lx, norm.text, published):
        start, end = norm.span(s, e)
        out.append(
            DateMention(
                start=start,
                end=end,
                text=norm.original[start:end],
                value=r.value,
                value_end=r.value_end,
                precision=r.precision,
                relative=r.relative,
                rule=r.rule,
            )
        )
    return tuple(out)


def find(text: str, lang: str, published: _dt.date | None) -> tuple[DateMention, ...]:
    """Normalise ``text`` and find its dates (see :func:`find_in`).

    Examples
    --------
    >>> [m.value.isoformat() for m in find("on 3 May 2024", "en", None)]
    ['2024-05-03']
    """
    return find_in(normalize(text), lang, published)
