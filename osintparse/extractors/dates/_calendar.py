"""Calendar arithmetic of the dates engine: periods, units, partial dates; no words.

Everything here is language-independent: the rules (``_rules.py``) read words and
numbers out of a match and call these functions to turn them into periods. The
calendar units (day, week, weekend, month, quarter, year) are the keys of the
``[units]`` table of ``dates.toml``; what each one means is :data:`UNITS`.

Examples
--------
>>> import datetime
>>> UNITS["quarter"].shift(-1, datetime.date(2025, 5, 6))[:2]
(datetime.date(2025, 1, 1), datetime.date(2025, 3, 31))
>>> latest(Partial(None, 12, 25), datetime.date(2025, 5, 6))
Partial(year=2024, month=12, day=25)
"""

from __future__ import annotations

import datetime as _dt
import types
from collections.abc import Mapping

import attrs

from osintparse._records import record_repr
from osintparse.model import Anchor, DateKind, DayPart, Modifier, Precision

__all__ = [
    "FINENESS",
    "SKIP",
    "UNITS",
    "Partial",
    "Res",
    "Unit",
    "add_months",
    "fill",
    "latest",
    "make_date",
    "monday",
    "month_end",
    "nearest",
    "occurrence",
    "period",
    "resolve_partial",
    "three_months",
]

DAY = Precision.DAY
WEEK = Precision.WEEK
MONTH = Precision.MONTH
QUARTER = Precision.QUARTER
SEASON = Precision.SEASON
HALF = Precision.HALF
YEAR = Precision.YEAR
DECADE = Precision.DECADE

#: Finer precisions first: a range takes the finer precision of its two ends.
FINENESS: Mapping[Precision, int] = types.MappingProxyType(
    {DAY: 0, WEEK: 1, MONTH: 2, QUARTER: 3, SEASON: 4, HALF: 5, YEAR: 6, DECADE: 7}
)

#: Offsets are into the scanned (normalised) text: (start, end).
Span = tuple[int, int]


@attrs.frozen(eq=False)
class Res:
    """A resolved mention: first day, last day, precision, relative flag, rule.

    Examples
    --------
    >>> Res(None, None, Precision.DAY, True, "weekday:bare").relative
    True
    """

    __repr__ = record_repr

    value: _dt.date | None
    value_end: _dt.date | None
    precision: Precision
    relative: bool
    rule: str
    kind: DateKind = DateKind.DATE
    modifier: Modifier | None = None
    day_part: DayPart | None = None
    anchor: Anchor | None = None
    anchor_span: Span | None = None
    dateline: bool = False
    range_span: Span | None = None
    #: Named before its anchor ("a year earlier", "la veille"): a comparison, which
    #: does not become the anchor of what follows (the engine's bookkeeping only).
    backwards: bool = attrs.field(default=False, repr=False)


#: Returned for a phrase that reads as a date but is impossible ("30 février 2024",
#: "between 5 and 3 May"): the whole span is skipped, not re-read in parts.
SKIP = Res(None, None, DAY, False, "skip")


def month_end(y: int, m: int) -> _dt.date:
    """Return the last day of month ``m`` of year ``y``.

    Examples
    --------
    >>> month_end(2024, 2)
    datetime.date(2024, 2, 29)
    """
    if m == 12:
        return _dt.date(y, 12, 31)
    return _dt.date(y, m + 1, 1) - _dt.timedelta(days=1)


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    """Return (year, month) ``k`` months after month ``m`` of year ``y``.

    Examples
    --------
    >>> add_months(2024, 11, 3)
    (2025, 2)
    """
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def make_date(y: int, m: int, d: int) -> _dt.date | None:
    """Return the date, or ``None`` when it does not exist.

    Examples
    --------
    >>> make_date(2023, 2, 29) is None
    True
    """
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def monday(d: _dt.date) -> _dt.date:
    """Return the Monday of the week of ``d``.

    Examples
    --------
    >>> monday(_dt.date(2025, 5, 4))
    datetime.date(2025, 4, 28)
    """
    return d - _dt.timedelta(days=d.weekday())


@attrs.frozen(eq=False)
class Unit:
    """What a calendar unit of ``dates.toml [units]`` means.

    A unit counts either months (``months``: month, quarter, year, aligned on the
    year: the quarter of May is April to June) or days (``days`` per step, a
    ``length`` in days starting ``offset`` days after the start of a step, which is
    Monday when ``weekly``).

    Parameters
    ----------
    precision
        The precision of one unit.
    ago_precision
        The precision of "N units ago" / "in N units": the unit's own ("two years
        ago" is a year, "three weeks ago" a week, "11 days ago" a day).
    counts
        Whether a count of it is a date ("three weeks ago"; a weekend is not).
    parts
        Whether it splits into begin, middle and end ("the end of the week").
    named
        Whether "this/last/next <unit>" is a date of its own ("last week"; a day
        is not).

    Examples
    --------
    >>> UNITS["week"].shift(0, _dt.date(2025, 5, 7))[:2]
    (datetime.date(2025, 5, 5), datetime.date(2025, 5, 11))
    """

    __repr__ = record_repr

    precision: Precision
    months: int = 0
    days: int = 0
    offset: int = 0
    length: int = 1
    weekly: bool = False
    counts: bool = True
    parts: bool = True
    named: bool = True

    def shift(self, k: int, p: _dt.date) -> tuple[_dt.date, _dt.date, Precision]:
        """Return the first day, last day and precision of the unit ``k`` after P's.

        Examples
        --------
        >>> UNITS["year"].shift(-1, _dt.date(2025, 5, 7))
        (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31), <Precision.YEAR: 'year'>)
        """
        if self.months >= 12:
            years = self.months // 12
            y0 = p.year // years * years + k * years
            return _dt.date(y0, 1, 1), _dt.date(y0 + years - 1, 12, 31), self.precision
        if self.months:
            first = (p.month - 1) // self.months * self.months + 1
            y, m = add_months(p.year, first, k * self.months)
            ey, em = add_months(y, m, self.months - 1)
            return _dt.date(y, m, 1), month_end(ey, em), self.precision
        base = monday(p) if self.weekly else p
        start = base + _dt.timedelta(days=k * self.days + self.offset)
        return start, start + _dt.timedelta(days=self.length - 1), self.precision

    @property
    def ago_precision(self) -> Precision:
        """The precision of "N units ago": the unit's own (a weekend gives its days)."""
        return self.precision

    def moved(self, n: int, p: _dt.date) -> Res:
        """Return the unit ``n`` units away from P's (negative: back), at the unit's grain.

        "il y a trois semaines" is the week three weeks before P's week, "two years
        ago" the year two years before P's, "11 days ago" a day (as TimeML does).

        Examples
        --------
        >>> UNITS["month"].moved(-1, _dt.date(2025, 3, 31)).value
        datetime.date(2025, 2, 1)
        >>> UNITS["year"].moved(-2, _dt.date(2025, 3, 31)).precision.value
        'year'
        """
        if self.months > 12:  # "a decade ago": the year ten years before P's
            y = p.year + n * self.months // 12
            return Res(_dt.date(y, 1, 1), _dt.date(y, 12, 31), YEAR, True, "")
        start, last, prec = self.shift(n, p)
        return Res(start, last, prec, True, "")


#: The calendar units, by the key they have in ``dates.toml [units]``.
UNITS: Mapping[str, Unit] = types.MappingProxyType(
    {
        "day": Unit(DAY, days=1, parts=False, named=False),
        "week": Unit(WEEK, days=7, length=7, weekly=True),
        "weekend": Unit(DAY, days=7, offset=5, length=2, weekly=True, counts=False, parts=False),
        "month": Unit(MONTH, months=1),
        "quarter": Unit(QUARTER, months=3, parts=False),
        "half": Unit(HALF, months=6, parts=False),
        "year": Unit(YEAR, months=12),
        "decade": Unit(DECADE, months=120, parts=False, named=False),
    }
)


@attrs.frozen(eq=False)
class Partial:
    """A date with parts missing: "mars 2024" has no day, "12 mars" no year.

    Examples
    --------
    >>> Partial(2024, 3, None).month
    3
    """

    __repr__ = record_repr

    year: int | None
    month: int | None
    day: int | None


def latest(p: Partial, anchor: _dt.date) -> Partial | None:
    """Give a year to a month (and day) without one: the latest one up to ``anchor``.

    Examples
    --------
    >>> latest(Partial(None, 2, 29), _dt.date(2025, 5, 6))
    Partial(year=2024, month=2, day=29)
    """
    if p.month is None:
        return None
    for back in range(9):
        y = anchor.year - back
        first = make_date(y, p.month, p.day or 1)
        if first is not None and first <= anchor:
            return Partial(y, p.month, p.day)
    return None


def occurrence(
    p: Partial, anchor: _dt.date, direction: str | None, near: int = 0
) -> Partial | None:
    """Give a year to a month (and day) without one, in a direction from ``anchor``.

    ``"past"``: the latest one up to ``anchor``; ``"next"``: the first one from
    ``anchor`` on (the month of ``anchor`` itself for a month); ``None``: the nearer
    of the two (the past one on a tie), as news mostly speaks of the weeks around its
    publication ("jeudi 9 mai" in an article of 7 May is two days later). With
    ``near``, the nearer one wins whatever the direction when it lies within ``near``
    days of ``anchor`` (a direction read from the tense of the clause is a weaker
    cue than the calendar).

    Examples
    --------
    >>> d = _dt.date(2019, 5, 7)
    >>> occurrence(Partial(None, 5, 9), d, None), occurrence(Partial(None, 5, 9), d, "past")
    (Partial(year=2019, month=5, day=9), Partial(year=2018, month=5, day=9))
    >>> occurrence(Partial(None, 12, None), _dt.date(2019, 2, 1), None).year
    2018
    """
    if near:
        nearest_one = occurrence(p, anchor, None)
        if nearest_one is not None and _gap(nearest_one, anchor) <= near:
            return nearest_one
    before = latest(p, anchor)
    if direction == "past" or p.month is None:
        return before
    after = _first_from(p, anchor)
    if direction == "next" or before is None:
        return after
    if after is None:
        return before
    return after if _gap(after, anchor) < _gap(before, anchor) else before


def _first_from(p: Partial, anchor: _dt.date) -> Partial | None:
    """The first occurrence of a month (and day) from ``anchor`` on."""
    if p.month is None:
        return None
    for ahead in range(9):
        y = anchor.year + ahead
        if p.day is None:
            if (y, p.month) >= (anchor.year, anchor.month):
                return Partial(y, p.month, None)
            continue
        d = make_date(y, p.month, p.day)
        if d is not None and d >= anchor:
            return Partial(y, p.month, p.day)
    return None


def _gap(p: Partial, anchor: _dt.date) -> int:
    """Days between ``anchor`` and a full partial date (its first day for a month)."""
    got = period(p)
    if got is None:  # pragma: no cover - callers pass valid dates
        return 1 << 30
    first, last, _ = got
    if first <= anchor <= last:
        return 0
    return min(abs((first - anchor).days), abs((last - anchor).days))


def nearest(candidates: list[_dt.date], anchor: _dt.date) -> _dt.date:
    """The candidate nearest to ``anchor`` (the earlier one on a tie).

    Examples
    --------
    >>> nearest([_dt.date(2019, 5, 4), _dt.date(2019, 5, 11)], _dt.date(2019, 5, 8))
    datetime.date(2019, 5, 11)
    """
    return min(candidates, key=lambda d: (abs((d - anchor).days), d))


def period(p: Partial) -> tuple[_dt.date, _dt.date, Precision] | None:
    """Return the first day, last day and precision of a partial date with a year.

    Examples
    --------
    >>> period(Partial(2024, 2, None))[1]
    datetime.date(2024, 2, 29)
    """
    if p.year is None:
        return None
    if p.month is None:
        if p.day is not None:
            return None
        return _dt.date(p.year, 1, 1), _dt.date(p.year, 12, 31), YEAR
    if p.day is None:
        return _dt.date(p.year, p.month, 1), month_end(p.year, p.month), MONTH
    d = make_date(p.year, p.month, p.day)
    return None if d is None else (d, d, DAY)


def resolve_partial(
    p: Partial,
    published: _dt.date | None,
    rule: str,
    direction: str | None = "past",
    near: int = 0,
) -> Res | None:
    """Resolve a partial date; one without a year takes its occurrence from ``published``.

    ``direction`` and ``near`` are those of :func:`occurrence`: ``"past"`` (the latest
    up to ``published``), ``"next"`` or ``None`` (the nearest).

    Examples
    --------
    >>> resolve_partial(Partial(None, 4, None), _dt.date(2025, 3, 1), "month").value
    datetime.date(2024, 4, 1)
    >>> resolve_partial(Partial(None, 4, None), _dt.date(2025, 3, 1), "month", None).value
    datetime.date(2025, 4, 1)
    >>> resolve_partial(Partial(None, 4, 31), None, "day_month") is None
    True
    """
    if p.year is not None:
        got = period(p)
        return None if got is None else Res(got[0], got[1], got[2], False, rule)
    if p.month is None:
        return None
    if p.day is not None and make_date(2000, p.month, p.day) is None:
        return None  # 2000 is a leap year: any valid day-month exists in it
    precision = MONTH if p.day is None else DAY
    if published is None:
        return Res(None, None, precision, True, rule)
    full = occurrence(p, published, direction, near)
    got = None if full is None else period(full)
    return None if got is None else Res(got[0], got[1], got[2], True, rule)


def fill(a: Partial, b: Partial) -> Partial:
    """Complete a range's first end from its second ("du 13 au 14 avril").

    Examples
    --------
    >>> fill(Partial(None, None, 13), Partial(2024, 4, 14))
    Partial(year=2024, month=4, day=13)
    """
    month = a.month if a.month is not None else (b.month if a.day is not None else None)
    year = a.year
    if year is None and b.year is not None:
        year = b.year
        if month is not None and b.month is not None and month > b.month:
            year -= 1
    return Partial(year, month, a.day)


def three_months(y: int, first_month: int) -> tuple[_dt.date, _dt.date]:
    """Return the first and last day of the three months from ``first_month`` of ``y``.

    Examples
    --------
    >>> three_months(2023, 12)
    (datetime.date(2023, 12, 1), datetime.date(2024, 2, 29))
    """
    ey, em = add_months(y, first_month, 2)
    return _dt.date(y, first_month, 1), month_end(ey, em)
