"""Exception classes raised by osintparse.

Every error osintparse raises on purpose derives from :class:`OsintparseError`,
so callers can catch the whole family at once. Each message says what to do.

Examples
--------
>>> import osintparse
>>> try:
...     osintparse.parse("Bonjour", lang="xx")
... except osintparse.UnsupportedLanguageError as err:
...     print(err.supported)
('en', 'es', 'fr')
"""

from __future__ import annotations

from collections.abc import Iterable


class OsintparseError(Exception):
    """Base class of every error raised by osintparse.

    Examples
    --------
    >>> issubclass(UnsupportedLanguageError, OsintparseError)
    True
    """


class InputTypeError(OsintparseError, TypeError):
    """The text given is not a ``str`` (it is ``None``, ``bytes``, a number, ...).

    Also a :class:`TypeError`, so generic handlers keep working.

    Examples
    --------
    >>> import osintparse
    >>> try:
    ...     osintparse.parse(None)  # type: ignore[arg-type]
    ... except TypeError as err:
    ...     print(type(err).__name__)
    InputTypeError
    """


class UnsupportedLanguageError(OsintparseError, ValueError):
    """A language was asked for that osintparse has no lexicons for.

    Parameters
    ----------
    lang
        The language code that was asked for.
    supported
        The language codes that exist.

    Examples
    --------
    >>> err = UnsupportedLanguageError("xx", ["fr", "en"])
    >>> print(err)
    language 'xx' is not supported; use one of: en, fr (or lang=None to detect)
    """

    def __init__(self, lang: str, supported: Iterable[str]) -> None:
        self.lang = lang
        self.supported = tuple(sorted(supported))
        super().__init__(
            f"language {lang!r} is not supported; use one of: "
            f"{', '.join(self.supported)} (or lang=None to detect)"
        )


class InvalidPublishedError(OsintparseError, ValueError):
    """``published`` is neither a date, a datetime, an ISO 8601 string nor ``None``.

    Examples
    --------
    >>> import osintparse
    >>> try:
    ...     osintparse.parse("Texte.", lang="fr", published="yesterday")
    ... except osintparse.InvalidPublishedError as err:
    ...     print("ISO 8601" in str(err))
    True
    """


class ExtractorNotFoundError(OsintparseError, KeyError):
    """A pipeline names an extractor that is not registered.

    Parameters
    ----------
    name
        The name that was looked up.
    available
        The names that are registered.

    Examples
    --------
    >>> print(ExtractorNotFoundError("nope", ["dates", "quantities"]))
    no extractor named 'nope'; registered extractors: dates, quantities
    """

    def __init__(self, name: str, available: Iterable[str]) -> None:
        self.name = name
        self.available = tuple(sorted(available))
        super().__init__(name)

    def __str__(self) -> str:
        return (
            f"no extractor named {self.name!r}; registered extractors: "
            f"{', '.join(self.available) or '(none)'}"
        )


class ExtractorConflictError(OsintparseError, ValueError):
    """A second, different extractor was registered under a name already taken.

    Examples
    --------
    >>> print(ExtractorConflictError("dates"))  # doctest: +ELLIPSIS
    an extractor named 'dates' is already registered; ... replace=True
    """

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(
            f"an extractor named {name!r} is already registered; choose another "
            "name or pass replace=True"
        )


class PipelineError(OsintparseError, ValueError):
    """A pipeline breaks the extractor contract: unmet requirement, bad config, bad layer.

    Raised when a :class:`~osintparse.Pipeline` is built, before any text is parsed;
    the message names the extractor and the layer or config key.

    Examples
    --------
    >>> import osintparse
    >>> try:
    ...     osintparse.Pipeline(["structure"], config={"structure": {"colour": "red"}})
    ... except osintparse.PipelineError as err:
    ...     print("colour" in str(err))
    True
    """


class PipelineOrderError(PipelineError):
    """An extractor in a pipeline requires a layer that no earlier extractor produces.

    Examples
    --------
    >>> import osintparse
    >>> class NeedsSentences:
    ...     name, produces, requires = "needs", (), ("sentences",)
    ...     def __call__(self, doc):
    ...         return {}
    >>> try:
    ...     osintparse.Pipeline([NeedsSentences()])
    ... except osintparse.PipelineOrderError as err:
    ...     print("sentences" in str(err))
    True
    """


class ExtractorError(PipelineError, RuntimeError):
    """An extractor broke its contract while running: it returned an undeclared layer or
    a value of the wrong type, or read a layer it did not declare.

    Examples
    --------
    >>> isinstance(ExtractorError("bad"), RuntimeError)
    True
    """


class SchemaError(OsintparseError, ValueError):
    """A dict passed to ``from_dict`` is not a serialised osintparse record.

    Examples
    --------
    >>> import osintparse
    >>> try:
    ...     osintparse.from_dict({"text": 3})
    ... except osintparse.SchemaError as err:
    ...     print(type(err).__name__)
    SchemaError
    """


class LexiconError(OsintparseError, ValueError):
    """A lexicon data file is missing or malformed.

    Examples
    --------
    >>> isinstance(LexiconError("x"), ValueError)
    True
    """


class DecodeError(OsintparseError, ValueError):
    """Bytes could not be decoded as text (used by the CLI and batch readers).

    Examples
    --------
    >>> isinstance(DecodeError("x"), ValueError)
    True
    """


class MissingDependencyError(OsintparseError, ImportError):
    """An optional dependency is not installed; the message names the extra to install.

    Parameters
    ----------
    package
        The module that could not be imported (``"pandas"``).
    extra
        The osintparse extra that provides it (``"pandas"``).
    feature
        What needs it, for the message.

    Examples
    --------
    >>> print(MissingDependencyError("pandas", "pandas", "to_dataframe"))
    to_dataframe needs pandas, which is not installed; run: pip install 'osintparse[pandas]'
    >>> isinstance(MissingDependencyError("x", "y", "z"), ImportError)
    True
    """

    def __init__(self, package: str, extra: str, feature: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"{feature} needs {package}, which is not installed; "
            f"run: pip install 'osintparse[{extra}]'"
        )


class UnknownKindError(OsintparseError, ValueError):
    """A kind of mention was asked for (e.g. in ``to_dataframe``) that no article has.

    Parameters
    ----------
    kind
        The kind that was asked for.
    known
        The built-in kinds.

    Examples
    --------
    >>> print(UnknownKindError("claim", ["claims", "dates"]))
    unknown kind 'claim'; use one of: claims, dates (or the name of a custom layer)
    """

    def __init__(self, kind: str, known: Iterable[str]) -> None:
        self.kind = kind
        self.known = tuple(known)
        super().__init__(
            f"unknown kind {kind!r}; use one of: {', '.join(self.known)} "
            "(or the name of a custom layer)"
        )


class ReadError(OsintparseError, OSError):
    """A file given to :func:`osintparse.parse_many` could not be read.

    The message starts with the path and says why (missing, a directory, no
    permission...).

    Examples
    --------
    >>> import pathlib, osintparse
    >>> try:
    ...     list(osintparse.parse_many([pathlib.Path("no/such/file.txt")], processes=1))
    ... except osintparse.ReadError as err:
    ...     print(str(err).startswith("no/such/file.txt: cannot read"))
    True
    """


class SkippedItemWarning(UserWarning):
    """An item of :func:`osintparse.parse_many` was skipped (``on_error="skip"``).

    The message names the item (its position and its path or id) and the error.

    Examples
    --------
    >>> issubclass(SkippedItemWarning, UserWarning)
    True
    """


class ExtractorLoadError(ExtractorError):
    """An extractor provided by another package (an entry point) failed to load.

    The message names the extractor, the distribution that provides it, the entry
    point and the underlying error, and says what to do.

    Parameters
    ----------
    name
        The extractor's name (the entry point's name).
    distribution
        The distribution that declares the entry point (``"osintparse-weapons 0.1.0"``).
    target
        The entry point's target (``"osintparse_weapons:WeaponsExtractor"``).
    cause
        What went wrong while loading, e.g. ``"AttributeError: ..."``.

    Examples
    --------
    >>> print(ExtractorLoadError("weapons", "osintparse-weapons 0.1.0",
    ...                          "osintparse_weapons:Weapons", "AttributeError: no Weapons"))
    ... # doctest: +NORMALIZE_WHITESPACE
    extractor 'weapons' could not be loaded from distribution osintparse-weapons 0.1.0
    (entry point weapons = osintparse_weapons:Weapons in group osintparse.extractors):
    AttributeError: no Weapons; fix or upgrade that package, or uninstall it
    """

    def __init__(self, name: str, distribution: str, target: str, cause: str) -> None:
        self.name = name
        self.distribution = distribution
        self.target = target
        super().__init__(
            f"extractor {name!r} could not be loaded from distribution {distribution} "
            f"(entry point {name} = {target} in group osintparse.extractors): {cause}; "
            "fix or upgrade that package, or uninstall it"
        )


class ExtractorLoadWarning(UserWarning):
    """An installed extractor (an entry point) could not be loaded, so it was left out
    of the default pipeline; the message is that of :class:`ExtractorLoadError`.

    Examples
    --------
    >>> issubclass(ExtractorLoadWarning, UserWarning)
    True
    """


class InputTooLargeError(OsintparseError, ValueError):
    """An input is larger than the limit set for it (the command line's ``--max-bytes``,
    :func:`osintparse.parse_html`'s ``max_size``); the message gives both sizes and the
    option that raises the limit.

    Examples
    --------
    >>> isinstance(InputTooLargeError("x"), ValueError)
    True
    """


class PathAsTextWarning(UserWarning):
    """:func:`osintparse.parse` was given what looks like a file name (``"a.txt"``), which
    it parses as text; the message shows how to parse the file instead.

    Examples
    --------
    >>> import warnings, osintparse
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     _ = osintparse.parse("article.txt", lang="fr")
    >>> caught[0].category.__name__
    'PathAsTextWarning'
    """


class HtmlFallbackWarning(UserWarning):
    """:func:`osintparse.parse_html` found no main text with trafilatura in a page that
    has visible text (tags nested too deep for its HTML parser, or no article body), and
    used the page's visible text instead.

    Examples
    --------
    >>> issubclass(HtmlFallbackWarning, UserWarning)
    True
    """


class WorkBudgetWarning(UserWarning):
    """An article's work exceeded the pipeline's budget, so only its structure (title,
    paragraphs, sections, sentences) was extracted: the other extractors were skipped and
    are named in :attr:`Article.skipped <osintparse.model.Article.skipped>`.

    The work of an article is counted before the extractors that read its sentences run,
    from its length and its number of sentences (see :data:`osintparse.pipeline.WORK_BUDGET`),
    so the same text gives the same result on every machine. The message gives the
    figures and says how to parse the article in full (``budget=None`` or a larger
    budget, or split the text).

    Examples
    --------
    >>> import warnings, osintparse
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     a = osintparse.parse("Un.\\nDeux.\\nTrois.", lang="fr", budget=10)
    >>> caught[0].category.__name__, a.skipped[:2], len(a.sentences)
    ('WorkBudgetWarning', ('quantities', 'dates'), 3)
    """
