"""The Pipeline, which runs extractors in order over a document, and :func:`parse`.

Examples
--------
>>> import osintparse
>>> p = osintparse.Pipeline(["structure"])
>>> p.names
('structure',)
>>> p("Titre\\n\\nUne phrase.", lang="fr").title
'Titre'
"""

from __future__ import annotations

import datetime as _dt
import functools
import inspect
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from osintparse import layers, lexicons
from osintparse.errors import (
    ExtractorError,
    InputTypeError,
    PipelineError,
    PipelineOrderError,
)
from osintparse.extractors.base import (
    BASE_LAYERS,
    Document,
    Extractor,
    ExtractorFactory,
    get_factory,
)
from osintparse.lang import detect_language
from osintparse.model import Article, coerce_published

__all__ = ["DEFAULT_EXTRACTORS", "Pipeline", "parse"]

#: The extractors :meth:`Pipeline.default` runs, in order, when they are available.
DEFAULT_EXTRACTORS = ("structure", "quantities", "dates", "attributions", "places", "claims")

# Article fields no extractor may produce: they are set by the pipeline itself.
_RESERVED = frozenset(f.name for f in attrs.fields(Article)) - set(layers.names())


def _parameters(factory: ExtractorFactory) -> frozenset[str] | None:
    """The keyword parameters ``factory`` takes, or None when it takes any (``**kw``)."""
    try:
        signature = inspect.signature(factory)
    except (TypeError, ValueError):
        return None
    params = signature.parameters.values()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params):
        return None
    return frozenset(
        p.name
        for p in params
        if p.kind in (inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    )


def _build(name: str, factory: ExtractorFactory, config: Mapping[str, Any]) -> Extractor:
    """Call ``factory`` with its validated config (and ``name=`` when it takes one)."""
    accepted = _parameters(factory)
    if accepted is not None:
        unknown = sorted(set(config) - (accepted - {"name"}))
        if unknown:
            keys = ", ".join(sorted(accepted - {"name"})) or "none"
            raise PipelineError(
                f"extractor {name!r} has no config key {unknown[0]!r}; the keys it takes: {keys}"
            )
    kwargs = dict(config)
    if accepted is None or "name" in accepted:
        kwargs["name"] = name
    try:
        built = factory(**kwargs)
    except TypeError as err:
        raise PipelineError(f"extractor {name!r} could not be built with {kwargs}: {err}") from err
    if not isinstance(built, Extractor):
        raise PipelineError(
            f"the factory of {name!r} returned {type(built).__name__}, which is not an "
            "extractor: it needs name, produces, requires and __call__(doc)"
        )
    return built


def _check_contract(built: Sequence[Extractor]) -> None:
    """Refuse a pipeline whose declared requirements and uses are not met in order."""
    available = set(BASE_LAYERS)
    for i, ex in enumerate(built):
        for layer in ex.produces:
            if layer in _RESERVED or layer in BASE_LAYERS:
                raise PipelineError(
                    f"extractor {ex.name!r} declares it produces {layer!r}, which is not a "
                    f"layer but a field the pipeline sets; choose another layer name"
                )
        missing = [r for r in ex.requires if r not in available]
        if missing:
            raise PipelineOrderError(
                f"extractor {ex.name!r} requires {', '.join(missing)}, which no "
                f"earlier extractor produces; put the one producing it before "
                f"{ex.name!r} (e.g. 'structure' first)"
            )
        later = {layer: e.name for e in built[i + 1 :] for layer in e.produces}
        for used in getattr(ex, "uses", ()):
            if used not in available and used in later:
                raise PipelineOrderError(
                    f"extractor {ex.name!r} uses {used!r}, which {later[used]!r} produces "
                    f"after it; put {later[used]!r} before {ex.name!r}"
                )
        available.update(ex.produces)


def _check_text(text: object) -> str:
    if isinstance(text, str):
        return text
    hint = "; pass the article's text as a str"
    if isinstance(text, bytes | bytearray):
        hint = " (decode bytes first, e.g. data.decode('utf-8'))"
    elif text is None:
        hint = "; pass the article's text as a str ('' for an empty article)"
    raise InputTypeError(f"text must be str, got {type(text).__name__}{hint}")


def _resolve_lang(text: str, lang: str | None) -> str | None:
    if lang is not None:
        if not isinstance(lang, str):
            raise InputTypeError(
                f"lang must be a str or None, got {type(lang).__name__}: pass a language "
                f"code such as {', '.join(map(repr, lexicons.supported_languages()))}, "
                "or None to detect it"
            )
        return lexicons.check_lang(lang)
    return detect_language(text)


@attrs.frozen(init=False)
class Pipeline:
    """Extractors composed by name, run in order over a document.

    Each extractor's ``requires`` must be produced by an earlier one; unknown
    names raise an error listing the registered ones. A factory that takes a
    ``name`` parameter receives the name it is built under; ``config`` keys the
    factory does not take are an error, not ignored.

    Parameters
    ----------
    names
        Extractor names (or extractor instances) in the order they run.
    config
        Per-name keyword arguments passed to each extractor's factory.

    Raises
    ------
    osintparse.ExtractorNotFoundError
        For a name nothing is registered under.
    osintparse.PipelineOrderError
        When an extractor requires a layer no earlier one produces, or uses a layer a
        later one produces.
    osintparse.PipelineError
        For a config key an extractor does not take, config for an extractor not in
        the pipeline, or an extractor producing a field that is not a layer.

    Examples
    --------
    >>> Pipeline(["structure"]).extractors[0].name
    'structure'
    >>> Pipeline(["nope"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    osintparse.errors.ExtractorNotFoundError: no extractor named 'nope'; registered extractors: ...
    """

    names: tuple[str, ...]
    extractors: tuple[Extractor, ...] = attrs.field(repr=False)

    def __init__(
        self,
        names: Sequence[str | Extractor],
        *,
        config: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        if isinstance(names, str):
            names = [names]
        config = dict(config or {})
        stray = sorted(set(config) - {n for n in names if isinstance(n, str)})
        if stray:
            raise PipelineError(
                f"config given for {stray[0]!r}, which is not in the pipeline "
                f"({', '.join(n if isinstance(n, str) else n.name for n in names)})"
            )
        built: list[Extractor] = []
        for item in names:
            if isinstance(item, str):
                built.append(_build(item, get_factory(item), config.get(item, {})))
            elif isinstance(item, Extractor):
                built.append(item)
            else:
                raise PipelineError(
                    f"{item!r} is neither an extractor name nor an extractor (it needs "
                    "name, produces, requires and __call__(doc))"
                )
        _check_contract(built)
        self.__attrs_init__(tuple(ex.name for ex in built), tuple(built))

    @classmethod
    def default(cls) -> Pipeline:
        """Return the default pipeline (every built-in extractor available, in order).

        Examples
        --------
        >>> Pipeline.default().names[0]
        'structure'
        """
        return _default_pipeline()

    def run(self, doc: Document) -> Document:
        """Run every extractor over ``doc`` and return the document with all layers.

        Each extractor sees only the layers it declares (``requires`` and ``uses``) and
        must return exactly the layers it ``produces``.

        Raises
        ------
        osintparse.ExtractorError
            If an extractor returns something other than a mapping of exactly its
            declared layers, a layer of the wrong type, or reads an undeclared layer.

        Examples
        --------
        >>> d = Pipeline(["structure"]).run(Document.from_text("Un texte.", lang="fr"))
        >>> len(d["sentences"])
        1
        """
        for ex in self.extractors:
            readable = frozenset((*ex.requires, *getattr(ex, "uses", ())))
            new = ex(doc.for_extractor(ex.name, readable))
            if not isinstance(new, Mapping):
                raise ExtractorError(
                    f"extractor {ex.name!r} returned {type(new).__name__}; it must "
                    "return a mapping of layer name to value"
                )
            if set(new) != set(ex.produces):
                extra = sorted(set(new) - set(ex.produces))
                what = (
                    f"layer {extra[0]!r}, which it does not declare in produces"
                    if extra
                    else f"no {sorted(set(ex.produces) - set(new))[0]!r}, which it declares"
                )
                raise ExtractorError(
                    f"extractor {ex.name!r} returned {what}; it declares produces="
                    f"{tuple(ex.produces)!r}"
                )
            for name, value in new.items():
                layers.check_value(name, value, ex.name)
            doc = doc.with_layers(new)
        return doc

    def __call__(
        self,
        text: str,
        *,
        lang: str | None = None,
        published: _dt.date | _dt.datetime | str | None = None,
        id: str | None = None,
    ) -> Article:
        """Parse ``text`` into an :class:`~osintparse.model.Article`.

        See :func:`parse` for the parameters.

        Examples
        --------
        >>> Pipeline(["structure"])("", lang="fr").sentences
        ()
        """
        text = _check_text(text)
        when = coerce_published(published)
        code = _resolve_lang(text, lang)
        doc = self.run(Document.from_text(text, lang=code, published=when))
        return _to_article(doc, id)


@functools.cache
def _default_pipeline() -> Pipeline:
    from osintparse.extractors.base import available_extractors

    names = available_extractors()
    return Pipeline([n for n in DEFAULT_EXTRACTORS if n in names])


def _to_article(doc: Document, id: str | None) -> Article:
    fields: dict[str, Any] = {}
    extras: dict[str, Any] = {}
    for name, value in doc.layers.items():
        (fields if layers.get(name).builtin else extras)[name] = value
    return Article(
        text=doc.text,
        lang=doc.lang,
        published=doc.published,
        extras=extras,
        id=id,
        **fields,
    )


def parse(
    text: str,
    *,
    lang: str | None = None,
    published: _dt.date | _dt.datetime | str | None = None,
) -> Article:
    """Parse an article's text into an :class:`~osintparse.model.Article`.

    Parameters
    ----------
    text
        The article, as ``str`` (decode bytes first).
    lang
        ``"fr"``, ``"en"``..., or ``None`` to detect it (deterministically). An
        undetectable or unsupported detected language gives ``lang=None`` and a
        structure-only parse.
    published
        Publication date (date, datetime or ISO 8601 string) anchoring relative
        dates ("hier", "last week").

    Raises
    ------
    osintparse.InputTypeError
        If ``text`` is not a ``str`` (also a ``TypeError``).
    osintparse.UnsupportedLanguageError
        If ``lang`` names a language without lexicons.
    osintparse.InvalidPublishedError
        If ``published`` is not a date.

    Examples
    --------
    >>> import osintparse
    >>> a = osintparse.parse("Titre\\n\\nSelon Séoul, 10 000 soldats sont là.")
    >>> a.lang, a.title, a.sentences[1].text
    ('fr', 'Titre', 'Selon Séoul, 10 000 soldats sont là.')
    >>> osintparse.parse("   ").sentences
    ()
    """
    return Pipeline.default()(text, lang=lang, published=published)
