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
import os
import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from osintparse import layers, lexicons
from osintparse._records import record_repr
from osintparse.errors import (
    ExtractorError,
    InputTypeError,
    PathAsTextWarning,
    PipelineError,
    PipelineOrderError,
    WorkBudgetWarning,
)
from osintparse.extractors import base as _base
from osintparse.extractors.base import (
    BASE_LAYERS,
    Document,
    Extractor,
    ExtractorFactory,
    available_extractors,
    default_plugins,
    get_factory,
    registry_key,
)
from osintparse.lang import detect_language
from osintparse.model import Article, coerce_published

__all__ = ["DEFAULT_EXTRACTORS", "WORK_BUDGET", "WORK_PER_SENTENCE", "Pipeline", "parse", "work"]

#: The extractors :meth:`Pipeline.default` runs, in order, when they are available
#: (then any registered or installed extractor declaring ``default = True``).
DEFAULT_EXTRACTORS = _base.DEFAULT_EXTRACTORS

#: What one sentence adds to an article's work (:func:`work`), counted in characters. The
#: extractors that read sentences spend about as much on each sentence as on this many
#: characters of news text, so one-letter lines, each a sentence, cost far more than
#: their two characters.
WORK_PER_SENTENCE = 20

#: The default work budget of one article (:func:`parse`, ``Pipeline(...)(text)``):
#: an article whose :func:`work` exceeds it gets its structure only, with a
#: :class:`~osintparse.WorkBudgetWarning`. 25 000 000 is 20 MB of news text (about 60
#: seconds of CPU on one core), or 1 MB of one-letter lines (500 000 sentences).
WORK_BUDGET = 25_000_000

#: The structure layers: extractors producing only these run whatever the budget (a
#: degraded article keeps its structure).
_STRUCTURE = frozenset(layers.structure_names())

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

    __repr__ = record_repr

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
    def default(
        cls,
        extra: Sequence[str | Extractor] = (),
        *,
        config: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> Pipeline:
        """Return the default pipeline, plus ``extra`` extractors: "the default and mine".

        The default pipeline runs the built-in extractors (``structure``,
        ``quantities``, ``dates``, ``attributions``, ``claims``), then every
        registered or installed extractor that declares ``default = True``. Each
        extractor of ``extra``, and each of those, runs right after the extractor
        named by its ``after`` attribute (``after = "quantities"``) when it has one,
        else after all the others.

        Parameters
        ----------
        extra
            Extractor names (registered or from entry points) or extractor
            instances to add; a name already in the pipeline is not added twice.
        config
            Per-name keyword arguments for the factories of the names in ``extra``.

        Raises
        ------
        osintparse.ExtractorNotFoundError, osintparse.ExtractorLoadError
            For a name nothing is registered under, or a plugin that fails to load.
        osintparse.PipelineOrderError, osintparse.PipelineError
            As for :class:`Pipeline`.

        Examples
        --------
        >>> Pipeline.default().names[0]
        'structure'
        >>> from osintparse.model import Mention
        >>> class Hashtags:
        ...     name, produces, requires = "hashtags", ("hashtags",), ("sentences",)
        ...     def __call__(self, doc):
        ...         i = doc.text.find("#")
        ...         end = i + 5
        ...         found = () if i < 0 else (Mention(start=i, end=end, text=doc.text[i:end]),)
        ...         return {"hashtags": found}
        >>> p = Pipeline.default(extra=[Hashtags()])
        >>> p.names
        ('structure', 'quantities', 'dates', 'attributions', 'places', 'claims', 'hashtags')
        >>> [m.text for m in p("Titre\\n\\nLe mot #Kyiv ici.", lang="fr").extras["hashtags"]]
        ['#Kyiv']
        """
        base = _default_pipeline(registry_key())
        if not extra and not config:
            return base
        if isinstance(extra, str):
            extra = [extra]
        return _extended(base, extra, config or {})

    def run(self, doc: Document, *, budget: int | None = None) -> Document:
        """Run every extractor over ``doc`` and return the document with all layers.

        Each extractor sees only the layers it declares (``requires`` and ``uses``) and
        must return exactly the layers it ``produces``. With a ``budget``, the
        extractors other than structure are skipped when the document's :func:`work`
        exceeds it (see :func:`parse`); calling the pipeline on a text says which were
        skipped (:attr:`Article.skipped <osintparse.model.Article.skipped>`).

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
        return self._run(doc, budget)[0]

    def _run(self, doc: Document, budget: int | None) -> tuple[Document, tuple[str, ...]]:
        """:meth:`run`, and the names of the extractors the budget skipped."""
        skipped: list[str] = []
        for ex in self.extractors:
            if (
                budget is not None
                and not _STRUCTURE.issuperset(ex.produces)
                and (skipped or work(doc.text, doc.layers.get("sentences", ())) > budget)
            ):
                skipped.append(ex.name)
                continue
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
        return doc, tuple(skipped)

    def __call__(
        self,
        text: str,
        *,
        lang: str | None = None,
        published: _dt.date | _dt.datetime | str | None = None,
        id: str | None = None,
        budget: int | None = WORK_BUDGET,
    ) -> Article:
        """Parse ``text`` into an :class:`~osintparse.model.Article`.

        See :func:`parse` for the parameters.

        Examples
        --------
        >>> Pipeline(["structure"])("", lang="fr").sentences
        ()
        """
        _warn_if_path(text, "Pipeline(...)")
        return self._parse(text, lang=lang, published=published, id=id, budget=budget)

    def _parse(
        self,
        text: str,
        *,
        lang: str | None,
        published: _dt.date | _dt.datetime | str | None,
        id: str | None,
        budget: int | None = WORK_BUDGET,
    ) -> Article:
        text = _check_text(text)
        budget = _check_budget(budget)
        when = coerce_published(published)
        code = _resolve_lang(text, lang)
        doc, skipped = self._run(Document.from_text(text, lang=code, published=when), budget)
        if skipped:
            _warn_budget(doc, skipped, budget)
        return _to_article(doc, id, skipped)


def work(text: str, sentences: Sequence[object] = ()) -> int:
    """Return the work of an article, the figure its budget bounds (see :func:`parse`).

    The work is the number of characters of the text plus :data:`WORK_PER_SENTENCE` for
    each sentence: what the extractors reading sentences spend grows with both. It
    depends on the text only, so a budget gives the same result on every machine, however
    loaded.

    Examples
    --------
    >>> import osintparse
    >>> a = osintparse.parse("Un.\\nDeux.", lang="fr")
    >>> work(a.text, a.sentences)
    49
    """
    return len(text) + WORK_PER_SENTENCE * len(sentences)


def _check_budget(budget: object) -> int | None:
    if budget is None or (type(budget) is int and budget >= 0):
        return budget
    raise InputTypeError(
        f"budget must be a whole number of work units (0 or more) or None for no budget, "
        f"got {budget!r}; the default is osintparse.WORK_BUDGET ({WORK_BUDGET:,})"
    )


def _warn_budget(doc: Document, skipped: Sequence[str], budget: int | None) -> None:
    n = len(doc.layers.get("sentences", ()))
    warnings.warn(
        f"this article's work ({work(doc.text, doc.layers.get('sentences', ())):,}: "
        f"{len(doc.text):,} characters and {n:,} sentences at {WORK_PER_SENTENCE} each) "
        f"exceeds the budget of {budget:,}, so only its structure was extracted; "
        f"skipped: {', '.join(skipped)} (Article.skipped). To parse it in full, pass "
        "budget=None or a larger budget (osintparse.parse(text, budget=None)), or split "
        "the text",
        WorkBudgetWarning,
        stacklevel=4,
    )


@functools.lru_cache(maxsize=4)
def _default_pipeline(key: object) -> Pipeline:
    """The default pipeline for one state of the registry (``key``)."""
    names = available_extractors()
    pipeline = Pipeline([n for n in DEFAULT_EXTRACTORS if n in names])
    plugins = default_plugins()
    return _extended(pipeline, [n for n, _ in plugins], {}) if plugins else pipeline


def _extended(
    base: Pipeline, extra: Sequence[str | Extractor], config: Mapping[str, Mapping[str, Any]]
) -> Pipeline:
    """``base`` plus ``extra``, each after the extractor its ``after`` names (else last)."""
    stray = sorted(set(config) - {n for n in extra if isinstance(n, str)})
    if stray:
        raise PipelineError(f"config given for {stray[0]!r}, which is not in extra")
    items = list(base.extractors)
    placed: dict[str, list[int]] = {}
    for item in extra:
        if isinstance(item, str):
            if item in (ex.name for ex in items):
                continue
            built = _build(item, get_factory(item), config.get(item, {}))
        elif isinstance(item, Extractor):
            built = item
        else:
            raise PipelineError(
                f"{item!r} is neither an extractor name nor an extractor (it needs "
                "name, produces, requires and __call__(doc))"
            )
        after = getattr(built, "after", None)
        names = [ex.name for ex in items]
        if isinstance(after, str) and after in names:
            pos = names.index(after) + 1
            while pos < len(items) and id(items[pos]) in placed.get(after, []):
                pos += 1
            placed.setdefault(after, []).append(id(built))
        else:
            pos = len(items)
        items.insert(pos, built)
    return Pipeline(items)


def _to_article(doc: Document, id: str | None, skipped: tuple[str, ...] = ()) -> Article:
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
        skipped=skipped,
        **fields,
    )


# A str with no white space ending so is far more likely a file name than an article.
_PATH_SUFFIXES = (".txt", ".text", ".html", ".htm", ".json", ".jsonl", ".md", ".xml", ".csv")


def _warn_if_path(text: object, caller: str) -> None:
    """Warn when ``text`` looks like a file name or address rather than an article."""
    if not isinstance(text, str) or not 0 < len(text) <= 1024:
        return
    if any(c.isspace() for c in text):
        return
    if text.lower().endswith(_PATH_SUFFIXES) or (
        ("/" in text or os.sep in text) and os.path.isfile(text)
    ):
        warnings.warn(
            f"{caller} was given {text[:80]!r}, which looks like a file name or address, not an "
            "article, and parses it as text; to parse the file, pass its contents: "
            f"osintparse.parse(pathlib.Path({text[:80]!r}).read_text(encoding='utf-8')) "
            "(a web page: osintparse.parse_html(data))",
            PathAsTextWarning,
            stacklevel=3,
        )


def parse(
    text: str,
    *,
    lang: str | None = None,
    published: _dt.date | _dt.datetime | str | None = None,
    extractors: Sequence[str | Extractor] = (),
    budget: int | None = WORK_BUDGET,
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
    extractors
        Your own extractors (names or instances), run **in addition to** the
        default pipeline: ``parse(text, extractors=["weapons"])`` is
        ``Pipeline.default(extra=["weapons"])(text)``. To parse many texts, build
        that pipeline once; to run only some extractors, build a :class:`Pipeline`.
    budget
        The most work (:func:`work`: characters, plus :data:`WORK_PER_SENTENCE` per
        sentence) the article may take, :data:`WORK_BUDGET` by default, ``None`` for no
        limit. Above it, only the structure is extracted (title, paragraphs,
        sections, sentences) and a :class:`~osintparse.WorkBudgetWarning` says so;
        :attr:`Article.skipped <osintparse.model.Article.skipped>` names the extractors
        that did not run. The work is counted from the text alone, so the result is
        the same on every machine.

    Raises
    ------
    osintparse.InputTypeError
        If ``text`` is not a ``str`` (also a ``TypeError``), or ``budget`` is neither
        a whole number (0 or more) nor ``None``.
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

    A string that looks like a file name is parsed as text, with a
    :class:`~osintparse.errors.PathAsTextWarning` (``parse`` never raises on text).

    An article over its budget keeps its structure only:

    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore", osintparse.WorkBudgetWarning)
    ...     b = osintparse.parse("Selon Séoul, 10 000 soldats sont là.", lang="fr", budget=50)
    >>> len(b.sentences), b.quantities, b.complete, b.skipped[0]
    (1, (), False, 'quantities')
    """
    _warn_if_path(text, "osintparse.parse()")
    pipeline = Pipeline.default(extra=extractors) if extractors else Pipeline.default()
    return pipeline._parse(text, lang=lang, published=published, id=None, budget=budget)
