"""The extractor protocol, the document extractors work on, and the registry.

An extractor is any object with

* ``name``: the name it is registered under,
* ``produces``: the layer names it adds to the document (``("quantities",)``),
* ``requires``: the layer names it reads and cannot work without (``("sentences",)``),
* optionally ``uses``: layers it reads when present (claims use ``quantities``),
* ``__call__(doc) -> Mapping[str, object]``: the new layers, by name.

The contract is enforced, as spaCy's ``analyze_pipes`` does: a
:class:`~osintparse.Pipeline` refuses an extractor whose ``requires`` no earlier
extractor produces, or one that ``uses`` a layer a later extractor produces; while
it runs, an extractor sees only the layers it declares (reading another raises
:class:`~osintparse.ExtractorError`), and must return exactly the layers it
``produces``, each of the type the layer holds (:mod:`osintparse.layers`).

Built-in layers are the fields of :class:`~osintparse.model.Article` (``title``,
``paragraphs``, ``sections``, ``sentences``, ``quantities``, ``dates``,
``attributions``, ``hedges``, ``places``, ``claims``); any other layer is stored in
``Article.extras`` and must be a tuple of :class:`~osintparse.model.Mention`.

Extractors are registered by name with a *factory* (a class or a function that
returns an extractor, called with the pipeline's config for that name). Third
party packages register theirs under the entry-point group
``osintparse.extractors``. Registering a second, different factory under a name
already taken is refused. An entry point that fails to load raises
:class:`~osintparse.errors.ExtractorLoadError` naming its distribution and target.

An extractor (registered or from an entry point) joins the default pipeline
(:meth:`Pipeline.default <osintparse.Pipeline.default>`, :func:`osintparse.parse`)
when its class (or instance) says so with ``default = True``; ``after = "quantities"``
puts it right after that extractor (else it runs after all the others).
:func:`describe_extractors` lists every extractor with what it declares and where it
comes from.

Examples
--------
>>> from osintparse.model import Mention
>>> class Weapons:
...     name = "weapons"
...     produces = ("weapons",)
...     requires = ("sentences",)
...     def __call__(self, doc):
...         i = doc.text.find("F-16")
...         found = () if i < 0 else (Mention(start=i, end=i + 4, text="F-16", label="weapon"),)
...         return {"weapons": found}
>>> register_extractor("weapons-doc", Weapons)
<class 'osintparse.extractors.base.Weapons'>
>>> import osintparse
>>> p = osintparse.Pipeline(["structure", "weapons-doc"])
>>> [m.text for m in p("Des F-16 livrés.", lang="fr").extras["weapons"]]
['F-16']
>>> unregister_extractor("weapons-doc")
"""

from __future__ import annotations

import datetime as _dt
import functools
import importlib
import warnings
from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar, overload, runtime_checkable

import attrs

from osintparse._records import record_repr
from osintparse.errors import (
    ExtractorConflictError,
    ExtractorError,
    ExtractorLoadError,
    ExtractorLoadWarning,
    ExtractorNotFoundError,
)
from osintparse.text import Normalized, normalize

__all__ = [
    "DEFAULT_EXTRACTORS",
    "ENTRY_POINT_GROUP",
    "Document",
    "Extractor",
    "ExtractorFactory",
    "ExtractorInfo",
    "available_extractors",
    "default_plugins",
    "describe_extractors",
    "get_factory",
    "register_extractor",
    "registry_key",
    "unregister_extractor",
]

#: Entry-point group third-party packages use to provide extractors.
ENTRY_POINT_GROUP = "osintparse.extractors"

#: The built-in extractors :meth:`Pipeline.default <osintparse.Pipeline.default>` runs,
#: in order, when they are available.
DEFAULT_EXTRACTORS = ("structure", "quantities", "dates", "attributions", "places", "claims")

#: Layers a document has before any extractor runs.
BASE_LAYERS = ("text", "lang", "published", "normalized")


@attrs.frozen
class Document:
    """The text being parsed, its language, and the layers extracted so far.

    Extractors read layers with :meth:`get` (or ``doc[name]``) and return new ones;
    the pipeline builds the next document with :meth:`with_layers`.

    Parameters
    ----------
    text
        The original text; every offset points into it.
    lang
        The supported language code used for lexicons, or ``None``.
    published
        Publication date anchoring relative dates, or ``None``.
    normalized
        :func:`osintparse.text.normalize` of ``text``, with its offset map.
    layers
        Layers by name.

    Examples
    --------
    >>> d = Document.from_text("Un texte.", lang="fr")
    >>> d.with_layers({"title": None}).get("title", "none") is None
    True
    """

    __repr__ = record_repr

    text: str = attrs.field(repr=False)
    lang: str | None
    published: _dt.date | None
    normalized: Normalized = attrs.field(repr=False, eq=False)
    layers: Mapping[str, Any] = attrs.field(factory=dict, repr=lambda v: repr(sorted(v)))
    reader: str | None = attrs.field(default=None, repr=False, eq=False)
    visible: frozenset[str] | None = attrs.field(default=None, repr=False, eq=False)

    @classmethod
    def from_text(
        cls, text: str, *, lang: str | None = None, published: _dt.date | None = None
    ) -> Document:
        """Make a document with no layers yet.

        Examples
        --------
        >>> Document.from_text("Texte", lang="fr").normalized.text
        'Texte'
        """
        return cls(text, lang, published, normalize(text), {})

    def _check(self, name: object) -> None:
        if self.visible is not None and name not in self.visible:
            declared = ", ".join(sorted(self.visible)) or "none"
            raise ExtractorError(
                f"extractor {self.reader!r} read layer {name!r}, which it does not declare; "
                f"add {name!r} to its requires (or uses, if optional); it declares: {declared}"
            )

    def get(self, name: str, default: Any = ()) -> Any:
        """Return layer ``name``, or ``default`` when it is absent.

        Raises
        ------
        osintparse.ExtractorError
            Inside a pipeline, for a layer the running extractor did not declare.

        Examples
        --------
        >>> Document.from_text("x").get("sentences")
        ()
        """
        self._check(name)
        return self.layers.get(name, default)

    def __getitem__(self, name: str) -> Any:
        self._check(name)
        return self.layers[name]

    def __contains__(self, name: object) -> bool:
        self._check(name)
        return name in self.layers

    def for_extractor(self, name: str, layers: frozenset[str]) -> Document:
        """Return the view extractor ``name`` runs on: only ``layers`` are readable.

        Examples
        --------
        >>> d = Document.from_text("x").with_layers({"a": (1,), "b": (2,)})
        >>> v = d.for_extractor("mine", frozenset({"a"}))
        >>> v["a"]
        (1,)
        >>> v.get("b")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        osintparse.errors.ExtractorError: extractor 'mine' read layer 'b', which ...
        """
        # The constructor, not attrs.evolve (which reads the fields each call): the
        # pipeline makes two documents per extractor per article.
        return Document(
            self.text, self.lang, self.published, self.normalized, self.layers, name, layers
        )

    def with_layers(self, new: Mapping[str, Any]) -> Document:
        """Return a copy with ``new`` layers added (or replaced).

        Examples
        --------
        >>> Document.from_text("x").with_layers({"a": (1,)})["a"]
        (1,)
        """
        layers = {**self.layers, **new}
        return Document(self.text, self.lang, self.published, self.normalized, layers)


@runtime_checkable
class Extractor(Protocol):
    """What every extractor provides (a structural protocol: no base class needed).

    Examples
    --------
    >>> from osintparse.extractors.structure import StructureExtractor
    >>> isinstance(StructureExtractor(), Extractor)
    True
    """

    @property
    def name(self) -> str:
        """The name the extractor is registered under."""
        ...

    @property
    def produces(self) -> tuple[str, ...]:
        """The layers it adds."""
        ...

    @property
    def requires(self) -> tuple[str, ...]:
        """The layers it reads and cannot work without (an optional ``uses`` lists the
        layers it reads when they are present)."""
        ...

    def __call__(self, doc: Document) -> Mapping[str, Any]:
        """Return the layers this extractor adds to ``doc``."""
        ...


ExtractorFactory = Callable[..., Extractor]
_F = TypeVar("_F", bound=Callable[..., Any])

# Built-in extractors by name, as "module:attribute": imported on first use only.
_BUILTINS: dict[str, str] = {
    "structure": "osintparse.extractors.structure:StructureExtractor",
    "claims": "osintparse.extractors.claims:ClaimsExtractor",
    "attributions": "osintparse.extractors.attributions:AttributionsExtractor",
    "dates": "osintparse.extractors.dates:DatesExtractor",
    "quantities": "osintparse.extractors.quantities:QuantitiesExtractor",
    "places": "osintparse.extractors.places:PlacesExtractor",
}

# The registry: the one piece of global mutable state osintparse keeps.
_REGISTRY: dict[str, ExtractorFactory] = {}


def _load(target: str) -> ExtractorFactory:
    module, _, attr = target.partition(":")
    factory: ExtractorFactory = getattr(importlib.import_module(module), attr)
    return factory


@functools.cache
def _entry_points() -> dict[str, Any]:
    if not _group_may_be_declared(ENTRY_POINT_GROUP):
        return {}
    from importlib.metadata import entry_points

    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


#: The finders whose distributions :func:`_group_may_be_declared` reads itself: the
#: standard library's, and the ``importlib_metadata`` backport's (which dask, among others,
#: installs), which reads the same folders of ``sys.path``. Any other finder of
#: ``sys.meta_path`` may find distributions it cannot see.
_STANDARD_FINDERS = frozenset(
    {"BuiltinImporter", "FrozenImporter", "PathFinder", "MetadataPathFinder"}
)


def _group_may_be_declared(group: str) -> bool:
    """False only when no distribution on ``sys.path`` can declare an entry point of
    ``group``: no ``entry_points.txt`` of a ``.dist-info`` or ``.egg-info`` folder names it.

    Importing :mod:`importlib.metadata` (and the email, zipfile and csv modules it needs)
    and reading every distribution cost the first ``parse`` of a process about 25 ms; with
    no plugin installed, this reads the few entry-point files there are instead. Anything
    it cannot read as cheaply (a zip or egg on ``sys.path``, a finder of distributions other
    than the standard library's) counts as a possible declaration, and the entry points are
    then read through :mod:`importlib.metadata` as before.

    Examples
    --------
    >>> _group_may_be_declared("console_scripts") or _group_may_be_declared("no.such-group")
    True
    """
    import os
    import sys

    for finder in sys.meta_path:
        name = finder.__name__ if isinstance(finder, type) else type(finder).__name__
        if name not in _STANDARD_FINDERS and hasattr(finder, "find_distributions"):
            return True
    for entry in sys.path:
        root = entry or "."
        if root.lower().endswith(".egg") or os.path.isfile(root):
            return True
        try:
            names = os.listdir(root)
        except OSError:
            continue  # no such folder: no distribution there either
        for name in names:
            if not name.lower().endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(root, name, "entry_points.txt"), encoding="utf-8") as fp:
                    if group in fp.read():
                        return True
            except (OSError, UnicodeDecodeError):
                continue
    return False


def _as_factory(obj: Any) -> ExtractorFactory:
    if isinstance(obj, type):
        return obj
    if isinstance(obj, Extractor):
        instance = obj

        def _same(**_config: Any) -> Extractor:
            return instance

        _same.extractor = instance  # type: ignore[attr-defined]
        return _same
    if callable(obj):
        factory: ExtractorFactory = obj
        return factory
    raise TypeError(f"cannot register {obj!r}: expected an extractor class, factory or instance")


def _identity(factory: Any) -> Any:
    return getattr(factory, "extractor", factory)


@overload
def register_extractor(
    name: str, factory: None = None, *, replace: bool = ...
) -> Callable[[_F], _F]: ...
@overload
def register_extractor(name: str, factory: _F, *, replace: bool = ...) -> _F: ...
def register_extractor(name: str, factory: Any = None, *, replace: bool = False) -> Any:
    """Register an extractor class, factory function or instance under ``name``.

    Use it directly or as a class decorator. Registering the same object twice is
    harmless; a different one under a taken name raises unless ``replace=True``.

    Raises
    ------
    osintparse.ExtractorConflictError
        If ``name`` is taken by another factory.

    Examples
    --------
    >>> @register_extractor("noop-doc")
    ... class Noop:
    ...     name = "noop-doc"
    ...     produces = ()
    ...     requires = ()
    ...     def __call__(self, doc):
    ...         return {}
    >>> "noop-doc" in available_extractors()
    True
    >>> unregister_extractor("noop-doc")
    """
    if factory is None:

        def decorate(obj: _F) -> _F:
            register_extractor(name, obj, replace=replace)
            return obj

        return decorate
    wrapped = _as_factory(factory)
    existing = _REGISTRY.get(name)
    if existing is None and name in _BUILTINS:
        existing = _load(_BUILTINS[name])
    if existing is not None and not replace and _identity(existing) is not _identity(wrapped):
        raise ExtractorConflictError(name)
    _REGISTRY[name] = wrapped
    return factory


def unregister_extractor(name: str) -> None:
    """Remove ``name`` from the registry (built-ins come back on next lookup).

    Raises
    ------
    osintparse.ExtractorNotFoundError
        If nothing is registered under ``name``.

    Examples
    --------
    >>> unregister_extractor("never-registered")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    osintparse.errors.ExtractorNotFoundError: no extractor named 'never-registered'; ...
    """
    if name not in _REGISTRY:
        raise ExtractorNotFoundError(name, available_extractors())
    del _REGISTRY[name]


def available_extractors() -> tuple[str, ...]:
    """Return every registered name: built-in, registered and from entry points.

    Examples
    --------
    >>> "structure" in available_extractors()
    True
    """
    return tuple(sorted({*_BUILTINS, *_REGISTRY, *_entry_points()}))


def get_factory(name: str) -> ExtractorFactory:
    """Return the factory registered under ``name``.

    Lookup order: explicit registrations, built-ins, then entry points of the
    group ``osintparse.extractors``.

    Raises
    ------
    osintparse.ExtractorNotFoundError
        Listing the names that exist.

    Examples
    --------
    >>> get_factory("structure").__name__
    'StructureExtractor'
    """
    if name in _REGISTRY:
        return _REGISTRY[name]
    if name in _BUILTINS:
        return _load(_BUILTINS[name])
    ep = _entry_points().get(name)
    if ep is not None:
        try:
            factory = _as_factory(ep.load())
        except Exception as err:
            raise ExtractorLoadError(
                name, _distribution(ep), ep.value, f"{type(err).__name__}: {err}"
            ) from err
        _REGISTRY.setdefault(name, factory)
        return _REGISTRY[name]
    raise ExtractorNotFoundError(name, available_extractors())


def _distribution(ep: Any) -> str:
    dist = getattr(ep, "dist", None)
    if dist is None:
        return "(unknown distribution)"
    return f"{dist.name} {dist.version}"


def _declared(factory: ExtractorFactory, attribute: str) -> Any:
    """What a factory declares (class attribute, or the registered instance's)."""
    return getattr(_identity(factory), attribute, None)


def default_plugins() -> tuple[tuple[str, str | None], ...]:
    """Return ``(name, after)`` of every non-built-in extractor declaring ``default = True``.

    Registered extractors and entry points are looked at (entry points are loaded
    for it, once); an entry point that fails to load is left out with an
    :class:`~osintparse.errors.ExtractorLoadWarning`. Sorted by name.

    Examples
    --------
    >>> class Tagger:
    ...     name, produces, requires = "tagger-doc", ("tags",), ("sentences",)
    ...     default, after = True, "quantities"
    ...     def __call__(self, doc):
    ...         return {"tags": ()}
    >>> _ = register_extractor("tagger-doc", Tagger)
    >>> default_plugins()
    (('tagger-doc', 'quantities'),)
    >>> unregister_extractor("tagger-doc")
    """
    found = []
    for name in available_extractors():
        if name in _BUILTINS and name not in _REGISTRY:
            continue
        try:
            factory = get_factory(name)
        except ExtractorLoadError as err:
            warnings.warn(str(err), ExtractorLoadWarning, stacklevel=2)
            continue
        if _declared(factory, "default") is True:
            after = _declared(factory, "after")
            found.append((name, after if isinstance(after, str) else None))
    return tuple(found)


def registry_key() -> tuple[object, ...]:
    """A key that changes whenever the registry or the entry points do.

    The default pipeline is cached under it.

    Examples
    --------
    >>> registry_key() == registry_key()
    True
    """
    registered = tuple((name, id(factory)) for name, factory in sorted(_REGISTRY.items()))
    installed = tuple((name, ep.value) for name, ep in sorted(_entry_points().items()))
    return (registered, installed)


@attrs.frozen(kw_only=True)
class ExtractorInfo:
    """What an installed extractor declares, and where it comes from.

    Parameters
    ----------
    name
        The name it is registered under.
    produces, requires, uses
        Its declared layers (empty when they could not be read).
    default
        True when it runs in the default pipeline.
    after
        The extractor it declares it runs after, if any.
    origin
        ``"osintparse <version> (built in)"``, ``"<distribution> <version> (entry point
        <target>)"`` or ``"registered at run time"``.
    error
        Why it could not be loaded, or ``None``.

    Examples
    --------
    >>> info = {i.name: i for i in describe_extractors()}["dates"]
    >>> info.produces, info.requires, info.default, info.origin.endswith("(built in)")
    (('dates',), ('sentences',), True, True)
    """

    __repr__ = record_repr

    name: str
    produces: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()
    default: bool = False
    after: str | None = None
    origin: str = ""
    error: str | None = None


def _layers_of(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    try:
        return tuple(str(v) for v in value) if value is not None else ()
    except TypeError:
        return ()


def _loaded_from(ep: Any, factory: ExtractorFactory) -> bool:
    """True when ``factory`` is what entry point ``ep`` loads."""
    if ep is None:
        return False
    try:
        return _identity(_as_factory(ep.load())) is _identity(factory)
    except Exception:
        return False


def _origin(name: str) -> str:
    ep = _entry_points().get(name)
    if name in _REGISTRY and not _loaded_from(ep, _REGISTRY[name]):
        return "registered at run time"
    if name in _BUILTINS:
        from importlib.metadata import PackageNotFoundError, version

        try:
            return f"osintparse {version('osintparse')} (built in)"
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            return "osintparse (built in)"
    return f"{_distribution(ep)} (entry point {getattr(ep, 'value', '?')})"


def _info(name: str) -> ExtractorInfo:
    try:
        factory = get_factory(name)
    except ExtractorLoadError as err:
        return ExtractorInfo(name=name, origin=_origin(name), error=str(err))
    origin = _origin(name)
    source: Any = _identity(factory)
    if getattr(source, "produces", None) is None:
        try:
            source = factory()
        except Exception:  # a factory that needs config: its layers are known when built
            source = None
    if name in _BUILTINS and origin.endswith("(built in)"):
        default = name in DEFAULT_EXTRACTORS
    else:
        default = _declared(factory, "default") is True
    after = _declared(factory, "after")
    return ExtractorInfo(
        name=name,
        produces=_layers_of(getattr(source, "produces", None)),
        requires=_layers_of(getattr(source, "requires", None)),
        uses=_layers_of(getattr(source, "uses", None)),
        default=default,
        after=after if isinstance(after, str) else None,
        origin=origin,
    )


def describe_extractors() -> tuple[ExtractorInfo, ...]:
    """Describe every available extractor: its layers, whether it is a default, its origin.

    Never raises for a broken plugin: its ``error`` says what failed.

    Examples
    --------
    >>> [(i.name, i.produces) for i in describe_extractors()][:1]
    [('attributions', ('attributions', 'hedges'))]
    """
    return tuple(_info(name) for name in available_extractors())
