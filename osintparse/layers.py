"""The one list of layers: what an :class:`~osintparse.model.Article` holds, by name.

A *layer* is what extractors produce and the pipeline stores: ``title``,
``paragraphs``, ``sections``, ``sentences``, ``quantities``, ``dates``,
``attributions``, ``hedges``, ``places``, ``claims``, and any custom layer (a tuple of
:class:`~osintparse.model.Mention`, kept in :attr:`Article.extras
<osintparse.model.Article.extras>`). The built-in list is read from the fields of
:class:`~osintparse.model.Article` marked as layers, never restated: the pipeline,
serialisation, the tables (DataFrame, Dask, CSV), the HTML view and the CLI all
derive their layer lists from here.

Examples
--------
>>> names()  # doctest: +NORMALIZE_WHITESPACE
('title', 'paragraphs', 'sections', 'sentences', 'quantities', 'dates', 'attributions',
 'hedges', 'places', 'claims')
>>> get("quantities").record.__name__, get("weapons").builtin
('Quantity', False)
>>> import osintparse
>>> a = osintparse.parse("Titre\\n\\nUne phrase.", lang="fr")
>>> [s.text for s in records(a, "sentences")]
['Titre', 'Une phrase.']
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Mapping
from typing import Any

import attrs

from osintparse import model
from osintparse._records import record_repr
from osintparse.errors import ExtractorError

__all__ = [
    "Layer",
    "builtin",
    "check_value",
    "get",
    "layer_fields",
    "names",
    "records",
    "structure_names",
    "table_layers",
]


@attrs.frozen
class Layer:
    """One layer: its name, the record class of its items, and whether it is built in.

    Parameters
    ----------
    name
        The layer's name (an Article field, or a custom layer's name).
    record
        The class of each item (``Quantity`` for ``quantities``); ``None`` for a
        scalar layer (``title``, a string).
    builtin
        True for the Article's own layers, False for custom ones (in ``extras``).
    structure
        True for the layers of the article's structure (title, paragraphs, sections,
        sentences), which the pipeline keeps when the work budget skips the rest.

    Examples
    --------
    >>> get("title").many, get("claims").many
    (False, True)
    """

    __repr__ = record_repr

    name: str
    record: type | None
    builtin: bool = True
    structure: bool = False

    @property
    def many(self) -> bool:
        """True when the layer is a tuple of records (every layer but ``title``).

        Examples
        --------
        >>> get("weapons").many
        True
        """
        return self.record is not None


@functools.cache
def builtin() -> tuple[Layer, ...]:
    """Return the built-in layers, in the order of the Article's fields.

    Examples
    --------
    >>> [layer.name for layer in builtin()][:3]
    ['title', 'paragraphs', 'sections']
    """
    hints = typing.get_type_hints(model.Article, vars(model))
    out = []
    for field in attrs.fields(model.Article):
        if not field.metadata.get(model.LAYER):
            continue
        hint = hints[field.name]
        record = None
        if typing.get_origin(hint) is tuple:
            record = typing.get_args(hint)[0]
        structure = field.metadata[model.LAYER] == model.STRUCTURE
        out.append(Layer(field.name, record, True, structure))
    return tuple(out)


@functools.cache
def _builtin_map() -> dict[str, Layer]:
    return {layer.name: layer for layer in builtin()}


def names() -> tuple[str, ...]:
    """Return the names of the built-in layers, in order.

    Examples
    --------
    >>> "claims" in names() and "extras" not in names()
    True
    """
    return tuple(_builtin_map())


def get(name: str) -> Layer:
    """Return the layer called ``name``: built in, or else a custom layer of Mentions.

    Examples
    --------
    >>> get("dates").record.__name__
    'DateMention'
    >>> get("weapons")
    Layer(name='weapons', record=<class 'osintparse.model.Mention'>, builtin=False, structure=False)
    """
    found = _builtin_map().get(name)
    return found if found is not None else Layer(name, model.Mention, False)


def structure_names() -> tuple[str, ...]:
    """Return the names of the structure layers, which survive a skipped parse.

    Examples
    --------
    >>> structure_names()
    ('title', 'paragraphs', 'sections', 'sentences')
    """
    return tuple(layer.name for layer in builtin() if layer.structure)


def table_layers() -> tuple[str, ...]:
    """Return the built-in layers that are tuples of records (those that make tables).

    Examples
    --------
    >>> table_layers()[:2]
    ('paragraphs', 'sections')
    """
    return tuple(layer.name for layer in builtin() if layer.many)


def records(article: model.Article, name: str) -> tuple[Any, ...]:
    """Return the items of layer ``name`` of ``article`` (custom layers from ``extras``).

    A scalar layer (``title``) gives a one-item tuple, or ``()`` when it is ``None``.

    Examples
    --------
    >>> import osintparse
    >>> records(osintparse.parse("", lang="fr"), "weapons")
    ()
    """
    layer = get(name)
    if not layer.builtin:
        return tuple(article.extras.get(name, ()))
    value = getattr(article, name)
    if layer.many:
        return tuple(value)
    return () if value is None else (value,)


def check_value(name: str, value: Any, extractor: str) -> None:
    """Check that ``value`` is a valid value of layer ``name``, produced by ``extractor``.

    Raises
    ------
    osintparse.ExtractorError
        Naming the extractor, the layer and what was expected.

    Examples
    --------
    >>> check_value("title", "Titre", "structure")
    >>> check_value("claims", ("not a claim",), "mine")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    osintparse.errors.ExtractorError: extractor 'mine' returned layer 'claims' holding a str; ...
    """
    layer = get(name)
    if layer.record is None:
        if value is None or isinstance(value, str):
            return
        raise ExtractorError(
            f"extractor {extractor!r} returned layer {name!r} as "
            f"{type(value).__name__}; layer {name!r} must be a str or None"
        )
    if not isinstance(value, tuple):
        raise ExtractorError(
            f"extractor {extractor!r} returned layer {name!r} as {type(value).__name__}; "
            f"layer {name!r} must be a tuple of {layer.record.__name__}"
        )
    for item in value:
        if not isinstance(item, layer.record):
            raise ExtractorError(
                f"extractor {extractor!r} returned layer {name!r} holding a "
                f"{type(item).__name__}; layer {name!r} must be a tuple of "
                f"{layer.record.__name__}"
            )


def layer_fields(name: str) -> Mapping[str, Any]:
    """Return the attrs fields of the records of layer ``name``, by field name.

    Examples
    --------
    >>> list(layer_fields("hedges"))[:3]
    ['start', 'end', 'text']
    """
    record = get(name).record
    if record is None:
        return {}
    return {f.name: f for f in attrs.fields(record)}
