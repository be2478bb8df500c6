"""Figures side by side across articles: who gives which number for the same thing.

Quantities are grouped when they count the same thing: the concept of the counted
noun's head ("militaires", "soldats", "troupes", "troops" are all ``soldier``), the
concepts of its modifiers ("nord-coréens", "North Korean" are ``north_korean``) and
the unit. Concepts and their surface forms are lexicon data
(``lexicons/<lang>/concepts.toml``); a head with no concept falls back to its
lower-cased form with a plural ``s``/``x`` removed.

Figures are grouped by event too (``Quantity.event``: "killed", "deployed"...): a
casualty count and a deployment count of the same forces are two groups, never compared.
A figure without an event is grouped with the others without one.

Within a group, each figure is an interval: ``exact`` is ``[v, v]``, ``approximate``
``[0.8 v, 1.2 v]`` unless the quantity gives bounds, ``more_than``/``at_least``
``[v, inf)``, ``less_than``/``at_most`` ``[0, v]``, ``range`` ``[low, high]``. Two
figures *conflict* when their intervals do not overlap; a group *agrees* when it has
two or more figures and no conflict.

Where: each figure lists the countries its claim names as locations (the ``places``
extractor); ``compare(..., place="KP")`` keeps the figures about a country (their
counted noun's nationality or a place their claim names), ``by_place=True`` also groups
by the first location.

Examples
--------
>>> import osintparse
>>> a = osintparse.parse("Titre\\n\\nPlus de 10 000 soldats nord-coréens.", lang="fr")
>>> b = osintparse.parse("Title\\n\\nAbout 12,000 North Korean troops.", lang="en")
>>> [(g.label, len(g.figures)) for g in compare([a, b]) if len(g.figures) > 1]
... # doctest: +SKIP
[('North Korean soldiers', 2)]
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import regex

from osintparse import lexicons
from osintparse.model import (
    Article,
    Aspect,
    Attribution,
    Claim,
    DateMention,
    PlaceRole,
    Qualifier,
    Quantity,
    Stance,
)

__all__ = ["Figure", "FigureGroup", "compare", "concept_key", "figures", "timeline_frame"]

_TOKEN = regex.compile(r"[\p{L}\p{N}.'’-]+", flags=regex.V1)
_APPROX = 0.2


@functools.cache
def _concepts(lang: str) -> tuple[dict[str, str], dict[str, str]]:
    data = lexicons.load(lang, "concepts")
    nouns = {form.casefold(): cid for cid, forms in data["nouns"].items() for form in forms}
    mods = {form.casefold(): cid for cid, forms in data["modifiers"].items() for form in forms}
    return nouns, mods


@functools.cache
def _labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for lang in lexicons.supported_languages():
        for cid, label in lexicons.load(lang, "concepts")["labels"].items():
            labels.setdefault(cid, label)
    return labels


def concept_key(noun: str | None, lang: str | None) -> tuple[str, tuple[str, ...]]:
    """Return ``(head concept, modifier concepts)`` for a counted noun phrase.

    Examples
    --------
    >>> concept_key("militaires nord-coréens", "fr")
    ('soldier', ('north_korean',))
    >>> concept_key("North Korean troops", "en")
    ('soldier', ('north_korean',))
    """
    if not noun:
        return "", ()
    tokens = [t.casefold().replace("’", "'") for t in _TOKEN.findall(noun)]
    if lang is None or lang not in lexicons.supported_languages():
        return (tokens[0] if tokens else ""), ()
    nouns, mods = _concepts(lang)
    head: str | None = None
    head_at = -1
    modifiers: set[str] = set()
    i = 0
    while i < len(tokens):
        matched = False
        for n in (3, 2, 1):
            gram = " ".join(tokens[i : i + n])
            if len(tokens) - i < n:
                continue
            if head is None and gram in nouns:
                head, head_at = nouns[gram], i
                i += n
                matched = True
                break
            if gram in mods:
                modifiers.add(mods[gram])
                i += n
                matched = True
                break
        if not matched:
            i += 1
    if head is None:
        word = next((t for t in tokens if len(t) > 2), tokens[0] if tokens else "")
        head = word[:-1] if len(word) > 3 and word[-1] in "sx" else word
    elif head in modifiers and head_at >= 0:
        modifiers.discard(head)
    return head, tuple(sorted(modifiers))


@attrs.frozen(kw_only=True)
class Figure:
    """One figure of a group: the quantity and who gives it, how sure, when, where.

    Examples
    --------
    >>> f = Figure(quantity=Quantity(start=0, end=2, text="12", value=12), article=0)
    >>> f.interval
    (12.0, 12.0)
    """

    quantity: Quantity
    article: int | str
    sources: tuple[str, ...] = ()
    stance: Stance = attrs.field(default=Stance.UNATTRIBUTED, converter=Stance)
    dates: tuple[DateMention, ...] = ()
    claim: str | None = None
    #: The ISO country codes of the resolved locations its claim names, in text order,
    #: each once (``("RU",)`` for a claim saying "en Russie").
    places: tuple[str, ...] = ()

    @property
    def interval(self) -> tuple[float, float]:
        """The interval of amounts this figure allows (see the module rules).

        Examples
        --------
        >>> q = Quantity(start=0, end=2, text="10", value=10, low=10, qualifier="more_than")
        >>> Figure(quantity=q, article=0).interval
        (10.0, inf)
        """
        q = self.quantity
        v = q.value
        if q.qualifier in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
            return (q.low if q.low is not None else v), math.inf
        if q.qualifier in (Qualifier.LESS_THAN, Qualifier.AT_MOST):
            return 0.0, (q.high if q.high is not None else v)
        if q.qualifier is Qualifier.RANGE or q.low is not None or q.high is not None:
            return (q.low if q.low is not None else v), (q.high if q.high is not None else v)
        if q.qualifier is Qualifier.APPROXIMATE:
            return v * (1 - _APPROX), v * (1 + _APPROX)
        return v, v

    def describe(self) -> str:
        """Return a short label such as ``>10 000 (NIS, reported)``.

        Examples
        --------
        >>> q = Quantity(start=0, end=2, text="10", value=10000, low=10000, qualifier="more_than")
        >>> Figure(quantity=q, article="seed", sources=("NIS",), stance="reported").describe()
        '>10 000 (NIS, reported, seed)'
        >>> q = Quantity(start=0, end=2, text="10", value=2250, low=2000, high=2500,
        ...              qualifier="range")
        >>> Figure(quantity=q, article="b").describe()
        '2 000–2 500 (no source, unattributed, b)'
        """
        q = self.quantity
        amount = q.figure
        if q.unit:
            amount += f" {q.unit}"
        who = ", ".join(self.sources) or "no source"
        when = f", {self.dates[0].text}" if self.dates else ""
        return f"{amount} ({who}, {self.stance.value}{when}, {self.article})"


def _date_of(f: Figure) -> _dt.date | None:
    """The first resolved date of the figure's claim, or None."""
    return next((d.value for d in f.dates if d.value is not None), None)


def _conflict(a: Figure, b: Figure, window_days: int | None) -> str | None:
    """Why figures ``a`` and ``b`` of one group conflict, or None.

    Dated figures further apart than ``window_days`` are not compared. Two running totals
    (``Aspect.TOTAL``) of different dates conflict only when the later is below the earlier
    (a toll that rises is no conflict); other figures when their intervals are disjoint.
    """
    da, db = _date_of(a), _date_of(b)
    if window_days is not None and da and db and abs((da - db).days) > window_days:
        return None
    totals = a.quantity.aspect is b.quantity.aspect is Aspect.TOTAL
    if totals and da and db and da != db:
        early, late = (a, b) if da < db else (b, a)
        if late.interval[1] < early.interval[0]:
            return (
                f"a total below an earlier total ({late.quantity.figure} on {_date_of(late)} "
                f"< {early.quantity.figure} on {_date_of(early)})"
            )
        return None
    (alo, ahi), (blo, bhi) = a.interval, b.interval
    if ahi < blo or bhi < alo:
        return f"bounds disjoint ({a.quantity.figure} vs {b.quantity.figure})"
    return None


@attrs.frozen(kw_only=True)
class FigureGroup:
    """Figures that count the same thing, set side by side.

    Examples
    --------
    >>> g = FigureGroup(key=("soldier", ("north_korean",), None), label="North Korean soldiers")
    >>> g.agreement, g.conflicts
    (False, ())
    """

    key: tuple[str, tuple[str, ...], str | None]
    label: str
    figures: tuple[Figure, ...] = ()
    event: str | None = None
    window_days: int | None = None

    def timeline(self) -> list[dict[str, Any]]:
        """The group's figures over time: date, bounds as written, source, stance, article.

        One row per figure, dated by the first resolved date of its claim (``None``
        first when undated), for a plot of value with bounds over date by source
        (:func:`timeline_frame` gives a DataFrame).

        Examples
        --------
        >>> q = Quantity(start=0, end=2, text="12", value=12)
        >>> f = Figure(quantity=q, article="a")
        >>> g = FigureGroup(key=("x", (), None), label="x", figures=(f,))
        >>> [(r["figure"], r["low"], r["high"], r["date"]) for r in g.timeline()]
        [('12', 12.0, 12.0, None)]
        """
        rows = []
        for f in self.figures:
            lo, hi = f.interval
            rows.append(
                {
                    "date": _date_of(f),
                    "figure": f.quantity.figure,
                    "low": lo,
                    "high": None if math.isinf(hi) else hi,
                    "midpoint": f.quantity.value,
                    "aspect": f.quantity.aspect.value if f.quantity.aspect else None,
                    "sources": "; ".join(f.sources),
                    "stance": f.stance.value,
                    "article": f.article,
                }
            )
        rows.sort(key=lambda r: (r["date"] is not None, r["date"] or _dt.date.min))
        return rows

    #: The country code of the first location the group's figures' claims name, when
    #: grouped with ``compare(..., by_place=True)`` (else, or when they name none, None).
    place: str | None = None

    @property
    def conflicts(self) -> tuple[tuple[int, int], ...]:
        """Pairs of figure indexes that conflict (the rules are in :attr:`conflict_reasons`).

        Examples
        --------
        >>> FigureGroup(key=("x", (), None), label="x").conflicts
        ()
        """
        return tuple(pair for pair, _ in self._judged())

    def _judged(self) -> list[tuple[tuple[int, int], str]]:
        out = []
        for i, a in enumerate(self.figures):
            for j in range(i + 1, len(self.figures)):
                why = _conflict(a, self.figures[j], self.window_days)
                if why is not None:
                    out.append(((i, j), why))
        return out

    @property
    def conflict_reasons(self) -> tuple[str, ...]:
        """Why each pair of :attr:`conflicts` conflicts, one line per pair.

        "bounds disjoint" names both intervals; a figure whose source denies it is said so.

        Examples
        --------
        >>> a = Figure(quantity=Quantity(start=0, end=2, text="12", value=12), article="a")
        >>> b = Figure(quantity=Quantity(start=0, end=2, text="40", value=40), article="b")
        >>> FigureGroup(key=("x", (), None), label="x", figures=(a, b)).conflict_reasons
        ('[1] vs [2]: bounds disjoint (12 vs 40)',)
        """
        out = []
        for (i, j), why in self._judged():
            denied = [str(k + 1) for k in (i, j) if self.figures[k].stance is Stance.DENIED]
            if denied:
                why += f"; denied by the source of [{'], ['.join(denied)}]"
            out.append(f"[{i + 1}] vs [{j + 1}]: {why}")
        return tuple(out)

    @property
    def agreement(self) -> bool:
        """True when two or more figures all overlap.

        Examples
        --------
        >>> FigureGroup(key=("x", (), None), label="x").agreement
        False
        """
        return len(self.figures) > 1 and not self.conflicts

    def describe(self) -> str:
        """One line: the label, then each figure, then the verdict.

        Examples
        --------
        >>> FigureGroup(key=("x", (), None), label="things").describe()
        'things: (no figures)'
        """
        body = " vs ".join(f.describe() for f in self.figures) or "(no figures)"
        verdict = ""
        if self.conflicts:
            verdict = f"  [CONFLICT x{len(self.conflicts)}]"
        elif self.agreement:
            verdict = "  [agree]"
        return f"{self.label}: {body}{verdict}"


def _label(key: tuple[str, tuple[str, ...], str | None], event: str | None = None) -> str:
    head, mods, unit = key
    labels = _labels()
    words = [labels.get(m, m.replace("_", " ")) for m in mods]
    words.append(labels.get(head, head))
    text = " ".join(w for w in words if w)
    text = f"{text} ({unit})" if unit else text
    return f"{text} [{event}]" if event else text


def _claim_of(article: Article, q: Quantity) -> Claim | None:
    for c in article.claims:
        if c.start <= q.start < c.end:
            return c
    return None


def _sources(claim: Claim | None) -> tuple[tuple[str, ...], Stance]:
    if claim is None:
        return (), Stance.UNATTRIBUTED
    atts: Sequence[Attribution] = claim.attributions
    return tuple(dict.fromkeys(a.source for a in atts)), claim.stance


def _locations(claim: Claim | None) -> tuple[str, ...]:
    if claim is None:
        return ()
    codes = (
        p.country
        for p in claim.places
        if p.role is PlaceRole.LOCATION and not p.unresolved and p.country
    )
    return tuple(dict.fromkeys(c for c in codes if c))


def _names_place(claim: Claim | None, q: Quantity, code: str) -> bool:
    """The figure's counted noun or its claim names the country ``code`` (any role)."""
    if q.nationality == code:
        return True
    return claim is not None and any(p.country == code and not p.unresolved for p in claim.places)


def figures(article: Article, *, name: int | str | None = None) -> tuple[FigureGroup, ...]:
    """Group one article's quantities by what they count (see :func:`compare`).

    Examples
    --------
    >>> import osintparse
    >>> figures(osintparse.parse("", lang="fr"))
    ()
    """
    return compare([article], names=None if name is None else [name])


#: A figure group's key in :func:`compare`: (concept key, event, place).
_GroupKey = tuple[tuple[str, tuple[str, ...], str | None], str | None, str | None]


def compare(
    articles: Iterable[Article],
    *,
    names: Sequence[int | str] | None = None,
    window_days: int | None = None,
    place: str | None = None,
    by_place: bool = False,
) -> tuple[FigureGroup, ...]:
    """Set the figures of several articles side by side, grouped by what they count.

    Parameters
    ----------
    articles
        Parsed articles.
    names
        How to name each article in the output (default: ``Article.id`` or its index).
    window_days
        Judge conflicts only between figures dated at most this many days apart
        (undated figures are always judged); default: no window.
    place
        Keep only the figures about this country (ISO 3166-1 alpha-2 code, any case):
        their counted noun carries its nationality ("militaires nord-coréens": ``KP``)
        or their claim names it (as a location, an actor or a nationality).
    by_place
        Also group by where: the first resolved location the figure's claim names
        (:attr:`FigureGroup.place`; figures whose claim names none form their own
        group). The label ends with ``in <code>``.

    Returns
    -------
    tuple of FigureGroup
        Groups with the most figures first, then by label.

    Examples
    --------
    >>> import osintparse
    >>> compare([osintparse.parse("Rien.", lang="fr")])
    ()
    >>> a = osintparse.parse("Selon Kiev, 300 soldats russes sont morts en Ukraine.", lang="fr")
    >>> [(g.label, g.place) for g in compare([a], place="ru", by_place=True)]
    [('Russian soldiers [killed] in UA', 'UA')]
    >>> compare([a], place="KP")
    ()
    """
    code = place.upper() if place is not None else None
    groups: dict[_GroupKey, list[Figure]] = {}
    for index, article in enumerate(articles):
        name: int | str = (
            names[index] if names is not None else (article.id if article.id else index)
        )
        nouns = {q.number_start: q.noun for q in article.quantities}
        for q in article.quantities:
            # A part counts its whole's noun ("42 des 58 drones").
            noun = q.noun if q.noun or q.whole_start is None else nouns.get(q.whole_start)
            head, mods = concept_key(noun, article.lang)
            if not head and not q.unit:
                continue
            claim = _claim_of(article, q)
            if code is not None and not _names_place(claim, q, code):
                continue
            sources, stance = _sources(claim)
            where = _locations(claim)
            fig = Figure(
                quantity=q,
                article=name,
                sources=sources,
                stance=stance,
                dates=claim.dates if claim else (),
                claim=claim.text if claim else None,
                places=where,
            )
            at = (where[0] if where else None) if by_place else None
            groups.setdefault(((head, mods, q.unit), q.event, at), []).append(fig)
    out = [
        FigureGroup(
            key=k,
            label=_label(k, event) + (f" in {at}" if at else ""),
            figures=tuple(v),
            event=event,
            window_days=window_days,
            place=at,
        )
        for (k, event, at), v in groups.items()
    ]
    out.sort(key=lambda g: (-len(g.figures), g.label))
    return tuple(out)


def comparison_records(groups: Iterable[FigureGroup]) -> list[dict[str, Any]]:
    """Flatten groups into one dict per figure (the rows of a DataFrame).

    Examples
    --------
    >>> comparison_records([])
    []
    """
    rows: list[dict[str, Any]] = []
    for g in groups:
        conflicted = {i for pair in g.conflicts for i in pair}
        for i, f in enumerate(g.figures):
            lo, hi = f.interval
            rows.append(
                {
                    "group": g.label,
                    "event": g.event,
                    "article": f.article,
                    "text": f.quantity.text,
                    "figure": f.quantity.figure,
                    "midpoint": f.quantity.value,
                    "qualifier": f.quantity.qualifier.value,
                    "low": lo,
                    "high": hi,
                    "unit": f.quantity.unit,
                    "sources": "; ".join(f.sources),
                    "stance": f.stance.value,
                    "dates": "; ".join(d.text for d in f.dates),
                    "nationality": f.quantity.nationality,
                    "places": "; ".join(f.places),
                    "conflict": i in conflicted,
                    "conflict_reasons": "; ".join(
                        r
                        for (a, b), r in zip(g.conflicts, g.conflict_reasons, strict=True)
                        if i in (a, b)
                    ),
                    "agreement": g.agreement,
                }
            )
    return rows


def timeline_frame(group: FigureGroup) -> Any:
    """Return :meth:`FigureGroup.timeline` as a pandas DataFrame (pandas extra).

    Examples
    --------
    >>> timeline_frame(FigureGroup(key=("x", (), None), label="x")).shape[0]
    0
    """
    from osintparse.errors import MissingDependencyError

    try:
        import pandas as pd
    except ImportError as err:
        raise MissingDependencyError("pandas", "pandas", "timeline_frame") from err
    return pd.DataFrame(group.timeline())


def comparison_frame(groups: Iterable[FigureGroup]) -> Any:
    """Return :func:`comparison_records` as a pandas DataFrame (pandas extra).

    Examples
    --------
    >>> comparison_frame([]).shape[0]
    0
    """
    from osintparse.errors import MissingDependencyError

    try:
        import pandas as pd
    except ImportError as err:
        raise MissingDependencyError("pandas", "pandas", "comparison_frame") from err
    return pd.DataFrame(comparison_records(groups))
