"""Flatten articles into tables: one row per mention of one layer (private).

Columns: ``article_id``, ``layer`` (the Article field the row comes from:
``"claims"``, ``"quantities"``...; not ``kind``, which is a field of
:class:`~osintparse.model.Sentence` and :class:`~osintparse.model.Paragraph`),
then every scalar field of the layer's record class under its attrs field name,
in declaration order. Nested records (a claim's attributions, quantities, dates
and hedges) and mappings are left out: flatten their own layer and join on
``article_id`` and the span. Enums become their string values; dates
``datetime64[s]`` (``NaT`` for none); optional ints the nullable ``Int64``;
strings the ``string`` dtype.

Used by :mod:`osintparse.dask`; pandas is imported only when a frame is built.

Examples
--------
>>> import osintparse
>>> a = osintparse.parse("Titre\\n\\nUne phrase.", lang="fr")
>>> rows = flatten_rows(a, "sentences", "a1")
>>> [(r["article_id"], r["layer"], r["text"], r["kind"]) for r in rows]
[('a1', 'sentences', 'Titre', 'title'), ('a1', 'sentences', 'Une phrase.', 'body')]
>>> list(columns("sentences"))[:5]
['article_id', 'layer', 'start', 'end', 'text']
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import types
import typing
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from osintparse import model

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["LAYERS", "columns", "flatten_frame", "flatten_rows"]

#: Flattenable layers of an Article and the record class of each.
LAYERS: dict[str, type] = {
    "claims": model.Claim,
    "quantities": model.Quantity,
    "dates": model.DateMention,
    "attributions": model.Attribution,
    "hedges": model.Hedge,
    "sentences": model.Sentence,
    "paragraphs": model.Paragraph,
    "sections": model.Section,
}


def check_layer(layer: str) -> type:
    """Return the record class of ``layer``, or raise a ValueError listing the layers.

    Examples
    --------
    >>> check_layer("claims").__name__
    'Claim'
    """
    try:
        return LAYERS[layer]
    except (KeyError, TypeError):
        raise ValueError(
            f"cannot flatten {layer!r}; use one of: {', '.join(sorted(LAYERS))}"
        ) from None


def _dtype(hint: Any) -> str | None:
    """The pandas dtype name for a field's type hint, or None for non-scalars."""
    optional = False
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        optional = len(args) < len(typing.get_args(hint))
        if len(args) != 1:
            return None
        hint = args[0]
    if hint is bool:
        return "boolean" if optional else "bool"
    if hint is int:
        return "Int64" if optional else "int64"
    if hint is float:
        return "float64"
    if hint is str or (isinstance(hint, type) and issubclass(hint, enum.Enum)):
        return "string"
    if hint is _dt.date:
        return "datetime64[s]"
    return None


@functools.cache
def columns(layer: str) -> dict[str, str]:
    """Return the columns of ``layer``'s flat table and their pandas dtype names.

    Examples
    --------
    >>> cols = columns("quantities")
    >>> cols["value"], cols["qualifier"], cols["number_start"]
    ('float64', 'string', 'Int64')
    """
    cls = check_layer(layer)
    hints = typing.get_type_hints(cls, vars(model))
    out = {"article_id": "string", "layer": "string"}
    for field in attrs.fields(cls):
        dtype = _dtype(hints[field.name])
        if dtype is not None:
            out[field.name] = dtype
    return out


def _scalar(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def flatten_rows(
    article: model.Article, layer: str, article_id: str | None = None
) -> list[dict[str, Any]]:
    """Return one dict per mention of ``layer`` in ``article``.

    ``article_id`` defaults to ``article.id``.

    Examples
    --------
    >>> import osintparse
    >>> flatten_rows(osintparse.parse("", lang="fr"), "claims")
    []
    """
    names = list(columns(layer))[2:]
    aid = article.id if article_id is None else article_id
    return [
        {"article_id": aid, "layer": layer, **{n: _scalar(getattr(m, n)) for n in names}}
        for m in getattr(article, layer)
    ]


def flatten_frame(
    articles: Iterable[model.Article | tuple[str | None, model.Article]], layer: str
) -> pd.DataFrame:
    """Return a pandas DataFrame of every mention of ``layer``, with exact dtypes.

    Items are articles, or ``(article_id, article)`` pairs overriding ``article.id``.
    With no articles the frame is empty but typed (Dask's ``meta``).

    Examples
    --------
    >>> import osintparse
    >>> df = flatten_frame([("x", osintparse.parse("Un. Deux.", lang="fr"))], "sentences")
    >>> df[["article_id", "text", "kind"]].values.tolist()
    [['x', 'Un.', 'body'], ['x', 'Deux.', 'body']]
    >>> str(flatten_frame([], "sentences").dtypes["start"])
    'int64'
    """
    import pandas as pd

    cols = columns(layer)
    rows: list[dict[str, Any]] = []
    for item in articles:
        aid, article = item if isinstance(item, tuple) else (None, item)
        rows.extend(flatten_rows(article, layer, aid))
    data = {name: [row[name] for row in rows] for name in cols}
    return pd.DataFrame({name: pd.Series(data[name], dtype=cols[name]) for name in cols})
