"""Flat tables of mentions, one schema for pandas, Dask and CSV.

One row per mention of one layer. Columns, in order:

* ``article_id``: the article's :attr:`~osintparse.model.Article.id`; when it is
  ``None``, the article's position in the input (``"0"``, ``"1"``...), or the file
  name from the command line;
* ``layer``: the layer the row comes from (``"claims"``, ``"quantities"``...);
* every scalar field of the layer's record class (:mod:`osintparse.layers`), under
  its attrs field name and in declaration order: enums as their string values,
  dates as ``datetime64[s]`` (``NaT`` for none), optional integers as the nullable
  ``Int64``, strings as ``string``;
* for a custom layer (:class:`~osintparse.model.Mention`), ``data`` as a JSON string;
* for claims, a summary of their nested records: ``n_attributions``, ``sources``,
  ``source_kinds``, ``n_quantities``, ``figures``, ``values``, ``n_dates``,
  ``dates``, ``first_date``, ``n_hedges``, ``hedges``, ``n_places``, ``places``
  (resolved places as "name (role)"; several values joined with ``"; "``).

:func:`rows` gives plain dicts (no pandas needed), :func:`frame` a typed pandas
DataFrame (``pip install 'osintparse[pandas]'``), :func:`osintparse.to_dataframe`
the same for the public API; :mod:`osintparse.dask` and the command line's
``--format csv`` use the same columns.

CSV files are opened by spreadsheets, which run a cell beginning with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return as a formula (CSV injection, OWASP). Article
text is written by whoever wrote the page, so :func:`csv_row` neutralises every such
text cell with a leading single quote (``'=HYPERLINK(...)``), in every column; numbers
stay numbers (``-0.2``), as a number cannot hold a formula.

Examples
--------
>>> import osintparse
>>> a = osintparse.parse("Titre\\n\\nUne phrase.", lang="fr")
>>> [(r["article_id"], r["layer"], r["text"], r["kind"]) for r in rows(a, "sentences")]
[('0', 'sentences', 'Titre', 'title'), ('0', 'sentences', 'Une phrase.', 'body')]
>>> list(columns("sentences"))[:5]
['article_id', 'layer', 'start', 'end', 'text']
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import json
import types
import typing
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from osintparse import layers, model
from osintparse.errors import MissingDependencyError, UnknownKindError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CLAIM_SUMMARY",
    "CSV_FORMULA_TRIGGERS",
    "QUANTITY_SUMMARY",
    "columns",
    "csv_cell",
    "csv_row",
    "frame",
    "kinds",
    "rows",
    "to_dataframe",
]

#: Summary columns of the claims table, with their dtypes. A claim that shares its
#: sources with an earlier claim of its article (it inherits them: "Il a ajouté que...")
#: names that claim's row in ``same_sources_as`` (its position among the article's claims,
#: from 0) and leaves ``sources``, ``provenance`` and ``source_kinds`` empty: written again
#: on every inheriting row, n sources inherited by n sentences made n² cells (issue 17).
CLAIM_SUMMARY: dict[str, str] = {
    "n_attributions": "int64",
    "same_sources_as": "Int64",
    "sources": "string",
    "provenance": "string",
    "source_kinds": "string",
    "n_quantities": "int64",
    "figures": "string",
    "values": "string",
    "n_dates": "int64",
    "dates": "string",
    "first_date": "datetime64[s]",
    "n_hedges": "int64",
    "hedges": "string",
    "n_places": "int64",
    "places": "string",
}

#: Derived columns of the quantities table, with their dtypes. ``figure`` is the figure
#: as written (``Quantity.figure``, "2 000–2 500", ">10 000", "~1 000"); ``value`` is the
#: model's number, for a range the midpoint of ``low`` and ``high``, which the article
#: never states.
QUANTITY_SUMMARY: dict[str, str] = {"figure": "string"}


#: First characters that make a spreadsheet read a CSV cell as a formula (OWASP).
CSV_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str | int | float:
    """Return ``value`` as a CSV cell a spreadsheet cannot run as a formula.

    ``None`` becomes an empty cell, dates ISO 8601, enums their value; text that
    begins with one of :data:`CSV_FORMULA_TRIGGERS` gets a leading single quote
    (the OWASP rule), which spreadsheets show as text. ``int`` and ``float`` values
    are kept as numbers: ``-0.2`` is a number to a spreadsheet, never a formula.

    Examples
    --------
    >>> print(csv_cell('=HYPERLINK("http://evil.example","x")'))
    '=HYPERLINK("http://evil.example","x")
    >>> csv_cell("-1+2"), csv_cell(-0.2), csv_cell(None), csv_cell("Kyiv")
    ("'-1+2", -0.2, '', 'Kyiv')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = str(value.value) if isinstance(value, enum.Enum) else str(value)
    return "'" + text if text.startswith(CSV_FORMULA_TRIGGERS) else text


def csv_row(row: Mapping[str, Any]) -> dict[str, str | int | float]:
    """Return ``row`` with every value made a safe CSV cell by :func:`csv_cell`.

    Examples
    --------
    >>> csv_row({"article_id": "@evil.txt", "text": "+33 1 23", "start": 0})
    {'article_id': "'@evil.txt", 'text': "'+33 1 23", 'start': 0}
    """
    return {key: csv_cell(value) for key, value in row.items()}


def kinds() -> tuple[str, ...]:
    """Return the built-in layers that make tables (any custom layer does too).

    Examples
    --------
    >>> "claims" in kinds() and "title" not in kinds()
    True
    """
    return layers.table_layers()


def _dtype(hint: Any) -> str | None:
    """The pandas dtype name for a field's type hint, or None for non-scalars."""
    optional = False
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        optional = len(args) < len(typing.get_args(hint))
        if len(args) != 1:
            return None
        hint = args[0]
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return "string"
    return _DTYPES.get((hint, optional))


_DTYPES: dict[tuple[Any, bool], str] = {
    (bool, False): "bool",
    (bool, True): "boolean",
    (int, False): "int64",
    (int, True): "Int64",
    (float, False): "float64",
    (float, True): "float64",
    (str, False): "string",
    (str, True): "string",
    (_dt.date, False): "datetime64[s]",
    (_dt.date, True): "datetime64[s]",
}


@functools.cache
def columns(layer: str) -> dict[str, str]:
    """Return the columns of ``layer``'s table and their pandas dtype names.

    Raises
    ------
    osintparse.UnknownKindError
        For ``title`` (a string, not a table of mentions).

    Examples
    --------
    >>> cols = columns("quantities")
    >>> cols["value"], cols["qualifier"], cols["number_start"], cols["figure"]
    ('float64', 'string', 'Int64', 'string')
    >>> list(columns("weapons"))[2:]
    ['start', 'end', 'text', 'label', 'extractor', 'rule', 'data']
    """
    found = layers.get(layer)
    if found.record is None:
        raise UnknownKindError(layer, kinds())
    hints = typing.get_type_hints(found.record, vars(model))
    out = {"article_id": "string", "layer": "string"}
    for name in layers.layer_fields(layer):
        dtype = _dtype(hints[name])
        if dtype is not None:
            out[name] = dtype
    if not found.builtin:
        out["data"] = "string"
    if found.record is model.Claim:
        out.update(CLAIM_SUMMARY)
    if found.record is model.Quantity:
        out.update(QUANTITY_SUMMARY)
    return out


def _num(x: float | None) -> str:
    if x is None:
        return "?"
    return str(int(x)) if x == int(x) else f"{x:g}"


def _amount(q: model.Quantity) -> str:
    """The amount without grouping: a range as its bounds ("2000-2500"), never its midpoint."""
    if q.qualifier is model.Qualifier.RANGE and q.low is not None and q.high is not None:
        return f"{_num(q.low)}-{_num(q.high)}"
    return _num(q.value)


def _claim_summary(
    claim: model.Claim, same_as: int | None, earlier: model.Claim | None
) -> dict[str, Any]:
    """The summary columns of ``claim``; ``same_as``: the index of the ``earlier`` claim
    whose sources it shares, whose row holds them."""
    dates = [d.value for d in claim.dates if d.value is not None]
    written = same_as is None
    chains_written = earlier is None or earlier.chains is not claim.chains or not claim.chains
    return {
        "n_attributions": len(claim.attributions),
        "same_sources_as": same_as,
        "sources": "; ".join(a.source for a in claim.attributions) if written else "",
        "provenance": claim.provenance if chains_written else "",
        "source_kinds": (
            "; ".join(a.source_kind.value for a in claim.attributions) if written else ""
        ),
        "n_quantities": len(claim.quantities),
        "figures": "; ".join(
            q.figure + "".join(f" {x}" for x in (q.unit, q.noun) if x) for q in claim.quantities
        ),
        "values": "; ".join(_amount(q) for q in claim.quantities),
        "n_dates": len(claim.dates),
        "dates": "; ".join(d.isoformat() for d in dates),
        "first_date": min(dates) if dates else None,
        "n_hedges": len(claim.hedges),
        "hedges": "; ".join(h.text for h in claim.hedges),
        "n_places": len(claim.places),
        "places": "; ".join(
            f"{p.name or p.text} ({p.role.value})" for p in claim.places if not p.unresolved
        ),
    }


def _scalar(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def rows(article: model.Article, layer: str, article_id: str | None = None) -> list[dict[str, Any]]:
    """Return one dict per mention of ``layer`` in ``article``, with :func:`columns`.

    ``article_id`` defaults to ``article.id``, else ``"0"``.

    Examples
    --------
    >>> import osintparse
    >>> rows(osintparse.parse("", lang="fr"), "claims")
    []
    """
    cols = columns(layer)
    fields = [c for c in cols if c in layers.layer_fields(layer)]
    ident = article_id if article_id is not None else (article.id if article.id else "0")
    out = []
    first: dict[int, int] = {}  # id of a claim's tuple of sources -> first claim holding it
    records = layers.records(article, layer)
    for i, record in enumerate(records):
        row: dict[str, Any] = {"article_id": ident, "layer": layer}
        row.update((name, _scalar(getattr(record, name))) for name in fields)
        if "data" in cols:
            row["data"] = json.dumps(dict(record.data), sort_keys=True, default=str)
        if isinstance(record, model.Claim):
            shared = record.attributions
            k = first.setdefault(id(shared), i) if shared else i
            row.update(_claim_summary(record, *((k, records[k]) if k != i else (None, None))))
        if isinstance(record, model.Quantity):
            row["figure"] = record.figure
        out.append(row)
    return out


def _items(
    articles: model.Article | Iterable[model.Article | tuple[str | None, model.Article]],
) -> list[tuple[str, model.Article]]:
    if isinstance(articles, model.Article):
        articles = [articles]
    out = []
    for index, item in enumerate(articles):
        ident, article = item if isinstance(item, tuple) else (None, item)
        if ident is None:
            ident = article.id if article.id is not None else str(index)
        out.append((ident, article))
    return out


def frame(
    articles: model.Article | Iterable[model.Article | tuple[str | None, model.Article]],
    layer: str,
) -> pd.DataFrame:
    """Return a typed pandas DataFrame of every mention of ``layer`` in ``articles``.

    Items are articles, or ``(article_id, article)`` pairs overriding the id. With
    no articles the frame is empty but typed (Dask's ``meta``).

    Raises
    ------
    osintparse.MissingDependencyError
        When pandas is not installed.

    Examples
    --------
    >>> import osintparse
    >>> df = frame([("x", osintparse.parse("Un. Deux.", lang="fr"))], "sentences")
    >>> df[["article_id", "text", "kind"]].values.tolist()
    [['x', 'Un.', 'body'], ['x', 'Deux.', 'body']]
    >>> str(frame([], "sentences").dtypes["start"])
    'int64'
    """
    try:
        import pandas as pd
    except ImportError as err:
        raise MissingDependencyError("pandas", "pandas", "osintparse.tables.frame") from err
    cols = columns(layer)
    found: list[dict[str, Any]] = []
    for ident, article in _items(articles):
        found.extend(rows(article, layer, ident))
    data = {name: [row[name] for row in found] for name in cols}
    return pd.DataFrame({name: pd.Series(data[name], dtype=cols[name]) for name in cols})


def to_dataframe(
    articles: model.Article | Iterable[model.Article], kind: str = "claims"
) -> pd.DataFrame:
    """Return a pandas DataFrame with one row per mention of ``kind`` (see :mod:`tables
    <osintparse.tables>` for the columns, the same as Dask's and the CSV output's).

    Parameters
    ----------
    articles
        One article or an iterable of articles.
    kind
        A layer: ``"claims"``, ``"quantities"``, ``"dates"``, ``"attributions"``,
        ``"hedges"``, ``"sentences"``, ``"paragraphs"``, ``"sections"``, or the name of
        a custom layer present in the articles.

    Raises
    ------
    osintparse.MissingDependencyError
        When pandas is not installed (``pip install 'osintparse[pandas]'``).
    osintparse.UnknownKindError
        For a kind that is neither a built-in table layer nor a layer of the articles.

    Examples
    --------
    >>> import osintparse
    >>> a = osintparse.parse("Plus de 10 000 soldats.", lang="fr")
    >>> df = to_dataframe(a, kind="quantities")
    >>> df[["article_id", "value", "qualifier", "noun"]].values.tolist()
    [['0', 10000.0, 'more_than', 'soldats']]
    >>> list(to_dataframe([], kind="claims").columns[:4])
    ['article_id', 'layer', 'start', 'end']
    """
    items = _items(articles)
    if kind not in kinds() and not any(kind in a.extras for _, a in items):
        raise UnknownKindError(kind, kinds())
    return frame(items, kind)
