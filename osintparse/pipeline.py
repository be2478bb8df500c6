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
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from osintparse import lexicons
from osintparse.errors import (
    ExtractorError,
    InputTypeError,
    PipelineOrderError,
)
from osintparse.extractors.base import BASE_LAYERS, Document, Extractor, get_factory
from osintparse.lang import detect_language
from osintparse.model import Article, Mention, coerce_published

__all__ = ["DEFAULT_EXTRACTORS", "Pipeline", "parse"]

#: The extractors :meth:`Pipeline.default` runs, in order, when they are available.
DEFAULT_EXTRACTORS = ("structure", "quantities", "dates", "attributions", "claims")

_ARTICLE_LAYERS = frozenset(
    {"title", "paragraphs", "sections", "sentences", "quantities", "dates"}
    | {"attributions", "hedges", "claims"}
)


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
    names raise an error listing the registered ones.

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
        When an extractor requires a layer no earlier one produces.

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
        config = config or {}
        built: list[Extractor] = []
        for item in names:
            if isinstance(item, str):
                built.append(get_factory(item)(**config.get(item, {})))
            else:
                built.append(item)
        available = set(BASE_LAYERS)
        for ex in built:
            missing = [r for r in ex.requires if r not in available]
            if missing:
                raise PipelineOrderError(
                    f"extractor {ex.name!r} requires {', '.join(missing)}, which no "
                    f"earlier extractor produces; put the one producing it before "
                    f"{ex.name!r} (e.g. 'structure' first)"
                )
            available.update(ex.produces)
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

        Raises
        ------
        osintparse.ExtractorError
            If an extractor returns something other than a mapping of its layers.

        Examples
        --------
        >>> d = Pipeline(["structure"]).run(Document.from_text("Un texte.", lang="fr"))
        >>> len(d["sentences"])
        1
        """
        for ex in self.extractors:
            new = ex(doc)
            if not isinstance(new, Mapping):
                raise ExtractorError(
                    f"extractor {ex.name!r} returned {type(new).__name__}; it must "
                    "return a mapping of layer name to value"
                )
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
    extras: dict[str, tuple[Mention, ...]] = {}
    for name, value in doc.layers.items():
        if name in _ARTICLE_LAYERS:
            fields[name] = value
        elif isinstance(value, tuple) and all(isinstance(v, Mention) for v in value):
            extras[name] = value
        else:
            raise ExtractorError(
                f"layer {name!r} is not an Article field; custom layers must be "
                "tuples of osintparse.Mention"
            )
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
