"""pandas DataFrames of mentions: one row per claim, quantity, date or attribution.

pandas is an optional dependency (``pip install 'osintparse[pandas]'``),
imported only when :func:`to_dataframe` is called. Use :func:`to_records` for
the same rows as plain dicts, without pandas.

Examples
--------
>>> import osintparse
>>> from osintparse.model import Quantity
>>> a = osintparse.Article(text="10 000 soldats", id="a1",
...     quantities=[Quantity(start=0, end=14, text="10 000 soldats", value=1e4,
...                          qualifier="exact", noun="soldats")])
>>> df = to_dataframe([a], kind="quantities")
>>> df[["article", "start", "end", "value", "qualifier", "noun"]].values.tolist()
[['a1', 0, 14, 10000.0, 'exact', 'soldats']]
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from osintparse.errors import MissingDependencyError, UnknownKindError
from osintparse.model import Article, Attribution, Claim, DateMention, Hedge, Quantity, Sentence

if TYPE_CHECKING:
    import pandas

__all__ = ["KINDS", "to_dataframe", "to_records"]

#: The built-in kinds :func:`to_dataframe` accepts (any custom layer name works too).
KINDS = ("claims", "quantities", "dates", "attributions", "hedges", "sentences")

_RECORD: dict[str, type] = {
    "claims": Claim,
    "quantities": Quantity,
    "dates": DateMention,
    "attributions": Attribution,
    "hedges": Hedge,
    "sentences": Sentence,
}
_CLAIM_NESTED = ("attributions", "quantities", "dates", "hedges")
_CLAIM_SUMMARY = (
    "n_attributions",
    "sources",
    "source_kinds",
    "n_quantities",
    "figures",
    "values",
    "n_dates",
    "dates",
    "first_date",
    "n_hedges",
    "hedges",
)


def _flat(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _num(x: float | None) -> str:
    if x is None:
        return "?"
    return str(int(x)) if x == int(x) else f"{x:g}"


def _claim_summary(claim: Claim) -> dict[str, Any]:
    dates = [d.value for d in claim.dates if d.value is not None]
    return {
        "n_attributions": len(claim.attributions),
        "sources": "; ".join(a.source for a in claim.attributions),
        "source_kinds": "; ".join(a.source_kind.value for a in claim.attributions),
        "n_quantities": len(claim.quantities),
        "figures": "; ".join(
            f"{q.qualifier.value} {_num(q.value)}" + "".join(f" {x}" for x in (q.unit, q.noun) if x)
            for q in claim.quantities
        ),
        "values": "; ".join(_num(q.value) for q in claim.quantities),
        "n_dates": len(claim.dates),
        "dates": "; ".join(d.isoformat() for d in dates),
        "first_date": min(dates) if dates else None,
        "n_hedges": len(claim.hedges),
        "hedges": "; ".join(h.text for h in claim.hedges),
    }


def _columns(kind: str) -> list[str]:
    cls = _RECORD.get(kind)
    if cls is None:  # custom layer of Mentions
        names = ["start", "end", "text", "label", "extractor", "rule"]
    else:
        names = [
            f.name for f in attrs.fields(cls) if f.name not in _CLAIM_NESTED or kind != "claims"
        ]
    if kind == "claims":
        names += list(_CLAIM_SUMMARY)
    return ["article", *names]


def _layer(article: Article, kind: str) -> tuple[Any, ...]:
    if kind in _RECORD:
        layer: tuple[Any, ...] = getattr(article, kind)
        return layer
    return article.extras.get(kind, ())


def _as_articles(articles: Article | Iterable[Article]) -> list[Article]:
    if isinstance(articles, Article):
        return [articles]
    return list(articles)


def to_records(articles: Article | Iterable[Article], kind: str = "claims") -> list[dict[str, Any]]:
    """Return one flat dict per mention of ``kind``: the rows of :func:`to_dataframe`.

    Parameters
    ----------
    articles
        One article or an iterable of articles.
    kind
        ``"claims"``, ``"quantities"``, ``"dates"``, ``"attributions"``,
        ``"hedges"``, ``"sentences"``, or the name of a custom layer in
        :attr:`Article.extras <osintparse.model.Article.extras>`.

    Raises
    ------
    osintparse.UnknownKindError
        For a kind that is neither built in nor a layer of any of the articles.

    Examples
    --------
    >>> import osintparse
    >>> rows = to_records(osintparse.parse("Un. Deux.", lang="fr"), kind="sentences")
    >>> [(r["article"], r["text"], r["kind"]) for r in rows]
    [(0, 'Un.', 'body'), (0, 'Deux.', 'body')]
    """
    items = _as_articles(articles)
    if kind not in _RECORD and not any(kind in a.extras for a in items):
        raise UnknownKindError(kind, KINDS)
    columns = _columns(kind)
    rows: list[dict[str, Any]] = []
    for index, article in enumerate(items):
        ident = article.id if article.id is not None else index
        for record in _layer(article, kind):
            row: dict[str, Any] = {"article": ident}
            for name in columns[1:]:
                if hasattr(record, name):
                    row[name] = _flat(getattr(record, name))
            if kind == "claims":
                row.update(_claim_summary(record))
            elif kind not in _RECORD:
                data: Mapping[str, Any] = record.data
                row.update({f"data_{k}": _flat(v) for k, v in data.items()})
            rows.append(row)
    return rows


def to_dataframe(articles: Article | Iterable[Article], kind: str = "claims") -> pandas.DataFrame:
    """Return a pandas DataFrame with one row per mention of ``kind``.

    Columns: ``article`` (the article's :attr:`~osintparse.model.Article.id`, or
    its index in ``articles`` when the id is ``None``), then every field of the
    record (``start``, ``end``, ``text``, ...), enums as their string values and
    dates as ``datetime64`` columns. Claims summarise their nested records as
    columns (``sources``, ``source_kinds``, ``figures``, ``values``, ``dates``,
    ``first_date``, ``hedges`` and ``n_*`` counts). An article list with no
    mention of that kind gives an empty frame with the same columns.

    Parameters
    ----------
    articles
        One article or an iterable of articles.
    kind
        See :func:`to_records`.

    Raises
    ------
    osintparse.MissingDependencyError
        When pandas is not installed (``pip install 'osintparse[pandas]'``).
    osintparse.UnknownKindError
        For an unknown kind.

    Examples
    --------
    >>> import datetime, osintparse
    >>> from osintparse.model import DateMention
    >>> a = osintparse.Article(text="en avril 2025", dates=[DateMention(
    ...     start=3, end=13, text="avril 2025", value=datetime.date(2025, 4, 1),
    ...     value_end=datetime.date(2025, 4, 30), precision="month")])
    >>> df = to_dataframe(a, kind="dates")
    >>> df.loc[0, "precision"], str(df.loc[0, "value"].date())
    ('month', '2025-04-01')
    >>> list(to_dataframe([], kind="claims").columns[:4])
    ['article', 'start', 'end', 'text']
    """
    try:
        import pandas as pd
    except ImportError as err:
        raise MissingDependencyError("pandas", "pandas", "osintparse.to_dataframe") from err
    rows = to_records(articles, kind)
    columns = _columns(kind)
    extra = [c for row in rows for c in row if c not in columns]
    columns += list(dict.fromkeys(extra))
    frame = pd.DataFrame.from_records(rows, columns=columns)
    for name in ("value", "value_end", "first_date"):
        if name in frame.columns and (
            kind in ("dates", "claims") and all(_is_date(v) for v in frame[name])
        ):
            frame[name] = pd.to_datetime(frame[name])
    return frame


def _is_date(value: Any) -> bool:
    return value is None or isinstance(value, _dt.date)
