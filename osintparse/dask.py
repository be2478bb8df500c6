"""Parse articles on a Dask cluster: :func:`parse_bag` and :func:`parse_dataframe`.

Needs the optional extra: ``pip install 'osintparse[dask]'`` (Dask with its
distributed scheduler, and pandas). Nothing here imports Dask or pandas until a
function is called; without them the call raises
:class:`~osintparse.MissingDependencyError` saying what to install.

The pipeline is resolved on the client (``Pipeline.default()`` unless one is
given) and shipped to the workers, so the workers run the same extractors as a
local :func:`osintparse.parse`, custom ones included.

:func:`parse_pandas` is the per-partition function; it needs pandas only, so
it also serves Spark's ``mapInPandas`` (see the batch documentation).

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"id": ["a", "b"], "text": ["Un. Deux.", "One."]})
>>> flat = parse_pandas(df, "text", kind="sentences", id_column="id", lang="fr")
>>> flat[["article_id", "text"]].values.tolist()
[['a', 'Un.'], ['a', 'Deux.'], ['b', 'One.']]
"""

from __future__ import annotations

import datetime as _dt
import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from osintparse import lexicons, tables
from osintparse.batch import parse_many
from osintparse.errors import MissingDependencyError, UnknownKindError
from osintparse.model import Article
from osintparse.pipeline import Pipeline

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd

__all__ = ["frame_meta", "parse_bag", "parse_dataframe", "parse_pandas"]


def _require(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as err:
        raise MissingDependencyError(module.split(".")[0], "dask", "osintparse.dask") from err


def parse_bag(bag: dask.bag.Bag, **parse_kwargs: Any) -> dask.bag.Bag:
    """Parse a Dask bag of articles into a bag of :class:`~osintparse.model.Article`.

    Items are what :func:`osintparse.parse_many` accepts: texts, paths readable
    by the workers, or ``(id, text)`` pairs. The result is a bag of Articles
    (they pickle cleanly); map it with :func:`osintparse.to_dict` for plain dicts, or
    use :func:`parse_dataframe` for flat tables.

    Parameters
    ----------
    bag
        A ``dask.bag.Bag``.
    **parse_kwargs
        ``lang``, ``published``, ``pipeline`` and ``on_error``, as for
        :func:`osintparse.parse_many`; each partition is parsed in its worker
        (no pool within a worker).

    Raises
    ------
    osintparse.MissingDependencyError
        If Dask is not installed.
    TypeError, ValueError
        At once, for an unknown or bad keyword.

    Examples
    --------
    >>> import dask.bag as db
    >>> texts = ["Les soldats sont arrivés dans la ville.",
    ...          ("b", "The soldiers arrived in the city.")]
    >>> bag = parse_bag(db.from_sequence(texts, npartitions=2))
    >>> [(a.id, a.lang) for a in bag.compute(scheduler="sync")]
    [(None, 'fr'), ('b', 'en')]
    """
    _require("dask.bag")
    for bad in ("processes", "chunksize", "progress", "mp_context"):
        if bad in parse_kwargs:
            raise TypeError(f"parse_bag() does not take {bad!r}: Dask schedules the work")
    kwargs = dict(parse_kwargs)
    kwargs["pipeline"] = kwargs.get("pipeline") or Pipeline.default()
    parse_many([], processes=1, **kwargs)  # validates the options now, on the client
    map_partitions: Any = bag.map_partitions  # Dask's own hints are incomplete
    result: dask.bag.Bag = map_partitions(_parse_partition, **kwargs)
    return result


def _parse_partition(items: Iterable[Any], **kwargs: Any) -> list[Article]:
    return list(parse_many(items, processes=1, **kwargs))


def frame_meta(kind: str = "claims") -> pd.DataFrame:
    """Return the empty, typed pandas frame :func:`parse_dataframe` produces.

    The columns of :mod:`osintparse.tables`, the same as
    :func:`osintparse.to_dataframe`'s and the command line's ``--format csv``.

    Examples
    --------
    >>> list(frame_meta("dates").columns)  # doctest: +NORMALIZE_WHITESPACE
    ['article_id', 'layer', 'start', 'end', 'text', 'value', 'value_end', 'precision',
     'relative', 'extractor', 'rule', 'kind', 'modifier', 'day_part', 'anchor',
     'anchor_start', 'anchor_end', 'dateline', 'range_start', 'range_end']
    """
    _require("pandas")
    return tables.frame([], kind)


def parse_pandas(
    df: pd.DataFrame,
    text_column: str,
    *,
    kind: str = "claims",
    id_column: str | None = None,
    lang: str | None = None,
    published_column: str | None = None,
    pipeline: Pipeline | None = None,
) -> pd.DataFrame:
    """Parse the texts of a pandas frame; return one row per mention of ``kind``.

    The per-partition function of :func:`parse_dataframe` (see there for the
    parameters). A missing text (``None``/``NaN``) counts as an empty article.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"text": ["Un. Deux."]}, index=[7])
    >>> parse_pandas(df, "text", kind="sentences")["article_id"].tolist()
    ['7', '7']
    """
    import pandas as pd

    pipe = pipeline if pipeline is not None else Pipeline.default()
    ids = df[id_column] if id_column is not None else df.index.to_series()
    texts = df[text_column]
    dates = df[published_column] if published_column is not None else None
    parsed: list[tuple[str | None, Article]] = []
    for i in range(len(df)):
        text = texts.iloc[i]
        raw_id = ids.iloc[i]
        when = None if dates is None else _published(dates.iloc[i])
        aid = str(df.index[i]) if pd.isna(raw_id) else str(raw_id)
        article = pipe("" if _missing(text) else text, lang=lang, published=when, id=aid)
        parsed.append((aid, article))
    return tables.frame(parsed, kind)


def _missing(value: Any) -> bool:
    import pandas as pd

    return value is None or (
        not isinstance(value, str) and bool(pd.api.types.is_scalar(value)) and bool(pd.isna(value))
    )


def _published(value: Any) -> _dt.date | str | None:
    import pandas as pd

    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        stamp: _dt.datetime = value.to_pydatetime()
        return stamp.date() if stamp.time() == _dt.time() and stamp.tzinfo is None else stamp
    if isinstance(value, _dt.date | str):
        return value
    return str(value)


def parse_dataframe(
    ddf: dask.dataframe.DataFrame,
    text_column: str,
    *,
    kind: str = "claims",
    id_column: str | None = None,
    lang: str | None = None,
    published_column: str | None = None,
    pipeline: Pipeline | None = None,
) -> dask.dataframe.DataFrame:
    """Parse a Dask DataFrame's text column into a flat Dask DataFrame of mentions.

    One row per mention of ``kind`` (claims, quantities, dates, attributions,
    hedges, sentences, paragraphs, sections, or a custom layer the pipeline
    produces), with a declared ``meta`` (:func:`frame_meta`). Rows keep the input
    order, and each partition's index runs from 0: call ``reset_index(drop=True)``
    on the result if you need a unique one.

    Parameters
    ----------
    ddf
        A ``dask.dataframe.DataFrame``.
    text_column
        The column holding the article texts.
    kind
        Which layer to flatten.
    id_column
        A column whose values (as strings) become ``article_id``; by default the
        input index, as a string.
    lang
        As for :func:`osintparse.parse`, for every row.
    published_column
        A column of publication dates (dates, datetimes, timestamps or ISO 8601
        strings; a naive timestamp at midnight counts as a date), anchoring
        relative dates.
    pipeline
        The :class:`~osintparse.Pipeline` to run (default
        :meth:`Pipeline.default() <osintparse.Pipeline.default>`).

    Raises
    ------
    osintparse.MissingDependencyError
        If Dask or pandas is not installed.
    KeyError
        If a named column does not exist.
    osintparse.UnknownKindError
        For a ``kind`` that is neither a table layer nor a layer the pipeline produces.

    Examples
    --------
    >>> import dask.dataframe as dd, pandas as pd
    >>> pdf = pd.DataFrame({"text": ["Un. Deux.", "Trois."]})
    >>> out = parse_dataframe(dd.from_pandas(pdf, npartitions=2), "text", kind="sentences")
    >>> out.compute(scheduler="sync")[["article_id", "text"]].values.tolist()
    [['0', 'Un.'], ['0', 'Deux.'], ['1', 'Trois.']]
    """
    _require("dask.dataframe")
    pipe = pipeline if pipeline is not None else Pipeline.default()
    produced = {layer for ex in pipe.extractors for layer in ex.produces}
    if kind not in tables.kinds() and kind not in produced:
        raise UnknownKindError(kind, tables.kinds())
    for column in (text_column, id_column, published_column):
        if column is not None and column not in ddf.columns:
            raise KeyError(f"no column {column!r}; the columns are {list(ddf.columns)}")
    code = lexicons.check_lang(lang) if lang is not None else None
    map_partitions: Any = ddf.map_partitions  # Dask's own hints are incomplete
    result: dask.dataframe.DataFrame = map_partitions(
        parse_pandas,
        text_column,
        kind=kind,
        id_column=id_column,
        lang=code,
        published_column=published_column,
        pipeline=pipe,
        meta=frame_meta(kind),
        enforce_metadata=False,
    )
    return result
