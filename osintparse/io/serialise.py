"""Dict, JSON and JSON Lines forms of articles, with a schema version.

The dict form is plain JSON types: enums become their string values, dates ISO
8601 strings (a datetime keeps its ``T``), tuples lists. :func:`from_dict`
rebuilds an equal :class:`~osintparse.model.Article`.

Examples
--------
>>> import io, osintparse
>>> a = osintparse.parse("Un texte.", lang="fr")
>>> buf = io.StringIO()
>>> write_jsonl([a, a], buf)
2
>>> [b == a for b in read_jsonl(io.StringIO(buf.getvalue()))]
[True, True]
"""

from __future__ import annotations

import bisect
import datetime as _dt
import enum
import functools
import json
import math
import sys
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, Any, TypeVar

import attrs
import regex

from osintparse import model
from osintparse.errors import SchemaError

_T = TypeVar("_T")

__all__ = [
    "MAX_DATA_DEPTH",
    "from_dict",
    "json_chunks",
    "json_schema",
    "read_jsonl",
    "record_from_dict",
    "record_to_dict",
    "to_dict",
    "to_json",
    "write_json",
    "write_jsonl",
]


# Values written as they are (``bool`` is an ``int``, kept apart for clarity).
_PLAIN = frozenset({str, int, float, bool, type(None)})


def _unstructure(value: Any) -> Any:
    kind: type = type(value)
    return value if kind in _PLAIN else _unstructurer(kind)(value)


def _enum_value(value: enum.Enum) -> Any:
    return value._value_


def _iso(value: _dt.date) -> str:
    return value.isoformat()


def _list(value: Iterable[Any]) -> list[Any]:
    return [_unstructure(v) for v in value]


def _object(value: Mapping[Any, Any]) -> dict[str, Any]:
    return {str(k): _unstructure(v) for k, v in value.items()}


def _same(value: Any) -> Any:
    return value


@functools.cache
def _unstructurer(kind: type) -> Callable[[Any], Any]:
    """The function writing a value of type ``kind`` in plain JSON types (cached: looked
    up once per type, not once per value)."""
    if attrs.has(kind):
        return record_to_dict
    if issubclass(kind, enum.Enum):
        return _enum_value
    if issubclass(kind, _dt.date):
        return _iso
    if issubclass(kind, tuple | list):
        return _list
    if issubclass(kind, Mapping):
        return _object
    return _same


def record_to_dict(record: Any) -> dict[str, Any]:
    """Return the JSON-ready dict of any osintparse record.

    Examples
    --------
    >>> from osintparse.model import Quantity
    >>> record_to_dict(Quantity(start=0, end=1, text="3", value=3))["qualifier"]
    'exact'
    """
    names = _field_names(type(record))  # type: ignore[arg-type]
    return {name: _unstructure(getattr(record, name)) for name in names}


def to_dict(article: model.Article) -> dict[str, Any]:
    """Return the dict form of an article, with ``schema_version`` first.

    A claim's sources, figures, dates and hedges are written as their indexes in the
    article's layers of the same name, and sources a claim shares with an earlier one
    (inherited, see :mod:`osintparse.extractors.claims`) as ``{"claim": k}``, the index
    of the first claim holding them; so the output is linear in the input (a record
    that is in no layer, which only a hand-made claim can hold, is written in full).

    Examples
    --------
    >>> import osintparse
    >>> a = osintparse.parse("Selon X, 3 morts. Ils sont partis.", lang="fr")
    >>> d = to_dict(a)
    >>> sorted(d)[:3]
    ['attributions', 'author', 'claims']
    >>> [(c["attributions"], c["quantities"], c["inherited"]) for c in d["claims"]]
    [([0], [0], False), ({'claim': 0}, [], True)]
    """
    data: dict[str, Any] = {"schema_version": model.SCHEMA_VERSION}
    for name in _field_names(model.Article):
        value = getattr(article, name)
        data[name] = _claims_to_dicts(article) if name == "claims" else _unstructure(value)
    return data


# -- claims: their records by reference ---------------------------------------------------
#
# A claim holds records of the article's layers (its sources, figures, dates, hedges), and
# the claims of a chain of inheriting sentences share one tuple of sources. Written out in
# full, a chain of n sentences inheriting m sources took n * m copies (18 KB of text: 206
# MB of JSON, issue 17). So a claim's record is written as its index in the article's
# layer, and sources shared with an earlier claim as {"claim": k}: the output is linear.

#: Claim fields whose records are written as indexes into the same layer of the article.
_CLAIM_REFS = ("attributions", "quantities", "dates", "hedges", "places")
#: Claim fields that inheriting claims share with an earlier claim (one tuple, written
#: once, then as ``{"claim": k}``): the sources and their provenance chains.
_CLAIM_SHARED = ("attributions", "chains")
#: Claim fields :func:`_claims_from_dicts` reads itself (references, not records).
_CLAIM_READ = (*_CLAIM_REFS, "chains")
_CLAIM_GIVEN = frozenset(_CLAIM_READ)


def _claims_to_dicts(article: model.Article) -> list[dict[str, Any]]:
    """The claims of ``article``, their records written by reference (see above)."""
    write = _ClaimWriter(article)
    return [write(i, claim) for i, claim in enumerate(article.claims)]


#: Longest run of records with one start a layer may hold and be searched by bisection.
_MAX_SAME_START = 16


def _start(record: Any) -> int:
    start: int = record.start
    return start


class _Positions:
    """Where each record of one layer is, without a map of every record: a layer in
    order of ``start`` (every layer of a parsed article) is searched by bisection; any
    other layer (a hand-made article) gets a map of its records' ids. A map cost ~100
    bytes a record (3.4 bytes a character of news text) while an article was written."""

    def __init__(self, records: tuple[Any, ...]) -> None:
        self.records = records
        self.ids: dict[int, int] | None = (
            None if _searchable(records) else {id(r): i for i, r in enumerate(records)}
        )

    def get(self, record: Any) -> int | None:
        """The index of ``record`` (the last, if it is there twice), or None."""
        if self.ids is not None:
            return self.ids.get(id(record))
        start = getattr(record, "start", None)
        if type(start) is not int:
            return None
        records = self.records
        i = bisect.bisect_left(records, start, key=_start)
        found = None
        while i < len(records) and records[i].start == start:
            if records[i] is record:
                found = i
            i += 1
        return found


def _searchable(records: tuple[Any, ...]) -> bool:
    """Whether ``records`` are in order of an int ``start``, in short runs of one start."""
    prev, run = -1, 0
    for r in records:
        start = getattr(r, "start", None)
        if type(start) is not int or start < prev:
            return False
        run = run + 1 if start == prev else 1
        if run > _MAX_SAME_START:
            return False
        prev = start
    return True


class _ClaimWriter:
    """Writes the claims of one article in order, each as a dict whose records are
    references (see above): call it with each claim and its index, in order."""

    def __init__(self, article: model.Article) -> None:
        self.index = {name: _Positions(getattr(article, name)) for name in _CLAIM_REFS}
        # field -> id of a tuple -> the first claim holding it
        self.shared: dict[str, dict[int, int]] = {name: {} for name in _CLAIM_SHARED}

    def _ref(self, name: str, record: Any) -> Any:
        i = self.index[name].get(record)
        # a record of no layer (only a hand-made claim holds one): in full
        return i if i is not None else record_to_dict(record)

    def __call__(self, i: int, claim: model.Claim) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for name in _field_names(model.Claim):
            value = getattr(claim, name)
            if name not in _CLAIM_GIVEN:
                data[name] = _unstructure(value)
            elif not value:
                data[name] = []
            elif name in self.shared and id(value) in self.shared[name]:
                data[name] = {"claim": self.shared[name][id(value)]}
            else:
                if name == "chains":
                    data[name] = [[self._ref("attributions", a) for a in c] for c in value]
                else:
                    data[name] = [self._ref(name, r) for r in value]
                if name in self.shared:
                    self.shared[name][id(value)] = i
        return data


def _claims_from_dicts(raw: Any, article: model.Article) -> tuple[model.Claim, ...]:
    """Rebuild the claims of the dict form; references resolve to ``article``'s records."""
    if not isinstance(raw, list | tuple):
        raise SchemaError(f"Article.claims: expected a list, got {_what(raw)}")
    claims: list[model.Claim] = []
    for i, item in enumerate(raw):
        where = f"Article.claims[{i}]"
        if not isinstance(item, Mapping):
            raise SchemaError(f"{where}: expected an object (dict), got {_what(item)}")
        kwargs = _fields(model.Claim, item, where, _CLAIM_GIVEN)
        for name in _CLAIM_READ:
            kwargs[name] = _resolve(item[name], name, article, claims, f"{where}.{name}")
        claims.append(_build(model.Claim, kwargs, where))
    return tuple(claims)


def _resolve(
    value: Any, name: str, article: model.Article, claims: list[model.Claim], where: str
) -> tuple[Any, ...]:
    """The records a claim field refers to: indexes, whole records, or ``{"claim": k}``."""
    if name in _CLAIM_SHARED and isinstance(value, Mapping):
        k = value.get("claim")
        if set(value) != {"claim"} or type(k) is not int or not 0 <= k < len(claims):
            got = _what(k) if set(value) == {"claim"} else "other keys"
            raise SchemaError(
                f'{where}: {{"claim": k}} must name an earlier claim by its index '
                f"(0..{len(claims) - 1}), got {got}"
            )
        shared: tuple[Any, ...] = getattr(claims[k], name)
        return shared
    if not isinstance(value, list | tuple):
        raise SchemaError(f"{where}: expected a list, got {_what(value)}")
    if name == "chains":
        return tuple(
            _records(chain, "attributions", article, f"{where}[{j}]")
            for j, chain in enumerate(value)
        )
    return _records(value, name, article, where)


def _records(value: Any, name: str, article: model.Article, where: str) -> tuple[Any, ...]:
    """The records of a list of indexes into ``article``'s layer ``name`` or whole records."""
    if not isinstance(value, list | tuple):
        raise SchemaError(f"{where}: expected a list, got {_what(value)}")
    if not value:
        return ()
    layer = getattr(article, name)
    cls = typing.get_args(_hints(model.Claim)[name])[0]
    out = []
    for j, v in enumerate(value):
        if isinstance(v, Mapping):
            out.append(record_from_dict(cls, v, f"{where}[{j}]"))
        elif type(v) is int and 0 <= v < len(layer):
            out.append(layer[v])
        else:
            raise SchemaError(
                f"{where}[{j}]: {_what(v)} is not an index of Article.{name} "
                f"({len(layer)} records) nor a record"
            )
    return tuple(out)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


# Bounds on what a stored document may hold (see docs/guarantees.md): integers fit in
# 64 bits, floats are finite, a Mention's free ``data`` nests at most this deep.
_INT_MIN, _INT_MAX = -(2**63), 2**63 - 1
_FLOAT_MAX = sys.float_info.max
#: How deep a Mention's free ``data`` may nest in a stored document.
MAX_DATA_DEPTH = 64
#: Versions of the dict form :func:`from_dict` reads: 1 wrote a claim's records in full,
#: which version 2 still accepts beside its references; 3 added ``skipped`` (the
#: extractors a work budget skipped), which an older document lacks (none were).
_READABLE_VERSIONS = (1, 2, 3)
#: Article fields added by each version after the first, with their value in older ones.
_ADDED: dict[int, dict[str, Any]] = {3: {"skipped": []}}
#: Names of ``x_start``/``x_end`` spans that need not lie inside their record's span (the
#: attributed proposition lies beside its attribution phrase; a figure's event trigger
#: stands in its clause, "10 000 soldats ... ont été déployés"; a part points at its
#: whole, "42 des 58 drones"; an attribution's channel, role and resolved name may stand
#: after its phrase or in an earlier sentence, "..., he told Reuters", "his" resolved to
#: "John Kirby"; a place's relational phrase and a nationality's noun lie around or
#: beside the place's name; a date's anchor is an earlier date; the range of a range's
#: end holds the end).
_SPANS_OUTSIDE = frozenset(
    {"content", "trigger", "whole", "channel", "role", "resolved", "relation", "head"}
    | {"anchor", "range", "document"}
)
#: Names of spans whose same-named field is a label, not the text they cover (a place's
#: ``relation`` is ``"border"``, its span the phrase "à la frontière entre ..."; a date's
#: ``anchor`` says what kind of anchor it is; an attribution's ``document`` the kind of
#: document).
_SPANS_LABELLED = frozenset({"relation", "anchor", "document"})


def _what(value: Any) -> str:
    """A short description of ``value`` for a message (never a deep repr)."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, str):
        return _short(value)
    if isinstance(value, int):
        if value.bit_length() <= 64:
            return repr(value)
        return f"an integer of about {int(value.bit_length() * 0.30103) + 1} digits"
    if isinstance(value, float):
        return repr(value)
    return f"a {type(value).__name__}"


def _union(value: Any, hint: Any, where: str) -> Any:
    args = typing.get_args(hint)
    if value is None:
        if type(None) in args:
            return None
        raise SchemaError(f"{where}: null is not allowed")
    inner = [a for a in args if a is not type(None)]
    return _structure(value, inner[0], where)


def _sequence(value: Any, hint: Any, where: str) -> Any:
    if not isinstance(value, list | tuple):
        raise SchemaError(f"{where}: expected a list, got {_what(value)}")
    item = typing.get_args(hint)[0]
    convert = _converter(item)
    return tuple(convert(v, item, f"{where}[{i}]") for i, v in enumerate(value))


def _key(key: Any, where: str) -> str:
    if not isinstance(key, str):
        raise SchemaError(f"{where}: key {_what(key)} is not a string; JSON keys are strings")
    return key


def _mapping(value: Any, hint: Any, where: str) -> Any:
    if not isinstance(value, Mapping):
        raise SchemaError(f"{where}: expected an object, got {_what(value)}")
    item = typing.get_args(hint)[1]
    return {_key(k, where): _structure(v, item, f"{where}.{k}") for k, v in value.items()}


def _date(value: Any, hint: Any, where: str) -> Any:
    if not isinstance(value, str):
        raise SchemaError(f"{where}: expected an ISO 8601 date string, got {_what(value)}")
    try:
        if "T" in value:
            return _dt.datetime.fromisoformat(value)
        return _dt.date.fromisoformat(value)
    except ValueError as err:
        raise SchemaError(f"{where}: {_what(value)} is not an ISO 8601 date") from err


@functools.cache
def _members(hint: type[enum.Enum]) -> dict[str, Any]:
    """An enum's members by their string value."""
    return {str(m.value): m for m in hint}


def _enum(value: Any, hint: Any, where: str) -> Any:
    members = _members(hint)
    member = members.get(value) if isinstance(value, str) else None
    if member is None:
        raise SchemaError(f"{where}: {_what(value)} is not one of {', '.join(members)}")
    return member


def _float(value: Any, hint: Any, where: str) -> Any:
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise SchemaError(f"{where}: expected a number, got {_what(value)}")
    if not -_FLOAT_MAX <= value <= _FLOAT_MAX:  # NaN fails too
        raise SchemaError(
            f"{where}: {_what(value)} is not a finite number; JSON has no NaN/Infinity"
        )
    number = float(value)
    if not math.isfinite(number):
        raise SchemaError(
            f"{where}: {_what(value)} is not a finite number; JSON has no NaN/Infinity"
        )
    return number


def _int(value: Any, hint: Any, where: str) -> Any:
    if not isinstance(value, int) or isinstance(value, bool):
        raise SchemaError(f"{where}: expected int, got {_what(value)}")
    if not _INT_MIN <= value <= _INT_MAX:
        raise SchemaError(f"{where}: {_what(value)} is out of range (a 64-bit integer)")
    return value


def _plain(value: Any, hint: Any, where: str) -> Any:
    if isinstance(hint, type) and not isinstance(value, hint):
        raise SchemaError(f"{where}: expected {hint.__name__}, got {_what(value)}")
    return value


def _json_value(value: Any, hint: Any, where: str) -> Any:
    """Free JSON data (a Mention's ``data`` values): JSON types, bounded depth, no loop."""
    stack: list[tuple[Any, str, int]] = [(value, where, 1)]
    while stack:
        item, path, depth = stack.pop()
        if depth > MAX_DATA_DEPTH:
            raise SchemaError(f"{path}: nested deeper than {MAX_DATA_DEPTH} levels")
        if item is None or isinstance(item, str | bool):
            continue
        if isinstance(item, int):
            _int(item, int, path)
        elif isinstance(item, float):
            _float(item, float, path)
        elif isinstance(item, list | tuple):
            stack.extend((v, f"{path}[{i}]", depth + 1) for i, v in enumerate(item))
        elif isinstance(item, Mapping):
            stack.extend((v, f"{path}.{_key(k, path)}", depth + 1) for k, v in item.items())
        else:
            raise SchemaError(f"{path}: {_what(item)} is not a JSON value")
    return value


def _record(value: Any, hint: Any, where: str) -> Any:
    return record_from_dict(hint, value, where)


@functools.cache
def _converter(hint: Any) -> Callable[[Any, Any, str], Any]:
    """The function reading a JSON value into a field of type ``hint`` (cached: looked up
    once per type, not once per value)."""
    origin = typing.get_origin(hint)
    if hint is Any:
        return _json_value
    if origin in (typing.Union, types.UnionType):
        return _union
    if origin is tuple:
        return _sequence
    if origin is not None and issubclass(origin, Mapping):
        return _mapping
    if isinstance(hint, type) and attrs.has(hint):
        return _record
    if hint is _dt.date:
        return _date
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _enum
    return {float: _float, int: _int}.get(hint, _plain)


def _structure(value: Any, hint: Any, where: str) -> Any:
    return _converter(hint)(value, hint, where)


def record_from_dict(cls: type[_T], data: Any, where: str = "") -> _T:
    """Rebuild a record of class ``cls`` from its dict form (:func:`record_to_dict`).

    Every field :func:`record_to_dict` writes is required; numbers must be finite
    and fit in 64 bits, keys must be strings.

    Raises
    ------
    osintparse.SchemaError
        When a field is missing, unknown, or of the wrong type; the message names it.

    Examples
    --------
    >>> from osintparse.model import Quantity
    >>> q = Quantity(start=0, end=1, text="3", value=3)
    >>> record_from_dict(Quantity, record_to_dict(q)) == q
    True
    >>> record_from_dict(Quantity, {"start": 0})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    osintparse.errors.SchemaError: Quantity: missing required field 'end'; ...
    """
    where = where or cls.__name__
    return _build(cls, _fields(cls, data, where, frozenset()), where)


def _fields(cls: type, data: Any, where: str, given: frozenset[str]) -> dict[str, Any]:
    """The constructor arguments of a record of ``cls`` read from its dict form (the
    fields named in ``given`` are left out: the caller reads them)."""
    if not isinstance(data, Mapping):
        raise SchemaError(f"{where}: expected an object (dict), got {_what(data)}")
    plan, allowed = _plan(cls)
    if len(data) != len(allowed) or not data.keys() <= allowed:
        unknown = [k for k in data if k not in allowed]
        if unknown:
            names = ", ".join(sorted(repr(k) if not isinstance(k, str) else k for k in unknown))
            raise SchemaError(f"{where}: unknown field(s) {names}")
    kwargs: dict[str, Any] = {}
    for name, convert, hint in plan:
        if name not in data:
            raise SchemaError(
                f"{where}: missing required field {name!r}; a stored record has every "
                "field osintparse.to_dict writes"
            )
        if name not in given:
            kwargs[name] = convert(data[name], hint, f"{where}.{name}")
    return kwargs


def _build(cls: type[_T], kwargs: dict[str, Any], where: str) -> _T:
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as err:
        if isinstance(err, SchemaError):
            raise
        raise SchemaError(f"{where}: {err}") from err


@functools.cache
def _plan(cls: type) -> tuple[tuple[tuple[str, Any, Any], ...], frozenset[str]]:
    """How to read a record of ``cls``: ``(field, converter, type)`` for each field, and
    the keys its dict may hold."""
    hints = _hints(cls)
    fields = _field_names(cls)
    allowed = {*fields, "schema_version"} if cls is model.Article else set(fields)
    return tuple((name, _converter(hints[name]), hints[name]) for name in fields), frozenset(
        allowed
    )


def from_dict(data: Mapping[str, Any]) -> model.Article:
    """Rebuild an :class:`~osintparse.model.Article` from :func:`to_dict`.

    Accepts only what :func:`to_dict` could have written: ``schema_version`` the
    integer 3 (or 2, without ``skipped``; or 1, whose claims held their records in
    full; a claim's record may still be given in full instead of its index) and every
    field present, of its type; numbers finite and within 64 bits; a Mention's free
    ``data`` plain JSON nested at most :data:`MAX_DATA_DEPTH` levels; every record's
    ``text`` its slice of the article text, every sub-span (source, cue, noun,
    number...) inside its record and equal to its text field; ``low <= value <=
    high``; paragraphs, sections and sentences in order, not overlapping, their
    indexes in range; each claim made of whole sentences. :func:`json_schema` states
    the same rules as a JSON Schema (the offset rules excepted).

    Raises
    ------
    osintparse.SchemaError
        Naming the path of the first wrong value in the document
        (``Article.quantities[2].low``) and what is wrong with it.

    Examples
    --------
    >>> import osintparse
    >>> a = osintparse.parse("Un texte.", lang="fr")
    >>> from_dict(to_dict(a)) == a
    True
    >>> from_dict({"schema_version": 1, "text": "x"})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    osintparse.errors.SchemaError: Article: missing required field 'lang'; ...
    """
    if not isinstance(data, Mapping):
        raise SchemaError(f"expected a dict from osintparse.to_dict(Article), got {_what(data)}")
    if "schema_version" not in data:
        raise SchemaError(
            "Article: missing required field 'schema_version'; a document written by "
            f"osintparse.to_dict has schema_version {model.SCHEMA_VERSION}"
        )
    version = data["schema_version"]
    if type(version) is not int or version not in _READABLE_VERSIONS:
        raise SchemaError(
            f"Article.schema_version: {_what(version)} is not supported (this osintparse "
            f"reads the integer {model.SCHEMA_VERSION}); re-parse the text with this version"
        )
    for added, fields in _ADDED.items():
        if version < added:
            present = sorted(set(fields) & set(data))
            if present:
                raise SchemaError(
                    f"Article: unknown field(s) {', '.join(present)} (added in schema "
                    f"version {added}, but the document says {version})"
                )
            data = {**data, **fields}
    if "claims" not in data:
        article = record_from_dict(model.Article, data, "Article")
    else:
        article = record_from_dict(model.Article, {**data, "claims": []}, "Article")
        article = attrs.evolve(article, claims=_claims_from_dicts(data["claims"], article))
    _check_article(article)
    return article


# A path in the document, rendered only for a message: ("Article", "sentences", 3, ...)
_Path = tuple[str | int, ...]


def _render(path: _Path) -> str:
    """``("Article", "claims", 2, "places")`` as ``Article.claims[2].places``."""
    return "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in path)[1:]


@functools.cache
def _shape(cls: type) -> tuple[bool, tuple[tuple[str, str, str, bool], ...], tuple[str, ...]]:
    """What :func:`_check_article` checks on a record of ``cls``: whether it is a span
    (``start``, ``end``, ``text``), its sub-spans ``(name, start field, end field, named)``
    (``named``: a field of that name holds the span's text), and the fields that may hold
    records (tuples or mappings, a Mention's free ``data`` excepted)."""
    names = _field_names(cls)
    spanned = cls is not model.Article and {"start", "end", "text"} <= set(names)
    whats = [n[:-6] for n in names if n.endswith("_start") and f"{n[:-6]}_end" in names]
    subs = tuple(
        (what, f"{what}_start", f"{what}_end", what in names and what not in _SPANS_LABELLED)
        for what in whats
    )
    hints = _hints(cls)
    nested = tuple(name for name in names if name != "data" and _may_nest(hints[name]))
    return spanned, subs, nested


def _may_nest(hint: Any) -> bool:
    """Whether a field of type ``hint`` may hold a tuple or a mapping."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_may_nest(a) for a in typing.get_args(hint))
    return hint is Any or origin is tuple or (origin is not None and issubclass(origin, Mapping))


def _check_article(article: model.Article) -> None:
    """The rules a dict's types cannot state: offsets, bounds, order, indexes."""
    text = article.text
    stack: list[tuple[Any, _Path]] = [(article, ("", "Article"))]
    seen: set[int] = set()  # tuples checked: claims share their sources' tuple and records
    while stack:
        value, path = stack.pop()
        if isinstance(value, tuple):
            if id(value) in seen:
                continue
            seen.add(id(value))
            stack.extend((item, (*path, i)) for i, item in enumerate(value))
            continue
        if isinstance(value, Mapping):  # Article.extras: layer name -> Mentions
            stack.extend((item, (*path, key)) for key, item in value.items())
            continue
        cls: type = type(value)
        if not attrs.has(cls):
            continue
        spanned, subs, nested = _shape(cls)
        if spanned:
            _check_text(text, value, path)
            if subs:
                _check_sub_spans(text, value, subs, path)
            if cls is model.Quantity:
                _check_bounds(value, _render(path))
        for name in nested:
            item = getattr(value, name)
            if item:
                stack.append((item, (*path, name)))
    _check_structure(article)


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in attrs.fields(cls))


def _check_text(text: str, record: Any, path: _Path) -> None:
    start, end = record.start, record.end
    if end > len(text) or text[start:end] != record.text:
        raise SchemaError(
            f"{_render(path)}: text {_short(record.text)} is not article.text[{start}:{end}] "
            f"({_short(text[start:end])}); the dict was edited or belongs to another "
            "text: re-parse the article"
        )


def _check_sub_spans(
    text: str, record: Any, subs: tuple[tuple[str, str, str, bool], ...], path: _Path
) -> None:
    for what, start, end, named in subs:
        s, e = getattr(record, start), getattr(record, end)
        surface = getattr(record, what, None) if named else None
        if s is None and e is None:
            if surface is not None and surface != "":  # an empty channel or role: no span
                raise SchemaError(
                    f"{_render(path)}: {what} {_short(surface)} has no span ({what}_start)"
                )
            continue
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(text)):
            raise SchemaError(
                f"{_render(path)}: {what} span {s!r}..{e!r} is not inside the article text "
                f"(0..{len(text)}); re-parse the article"
            )
        if what not in _SPANS_OUTSIDE and not record.start <= s <= e <= record.end:
            raise SchemaError(
                f"{_render(path)}: {what} span {s}..{e} is not inside the record's span "
                f"{record.start}..{record.end}; re-parse the article"
            )
        if named and surface != text[s:e]:
            raise SchemaError(
                f"{_render(path)}: {what} {_what(surface)} is not article.text[{s}:{e}] "
                f"({_short(text[s:e])}); re-parse the article"
            )


def _check_bounds(q: model.Quantity, where: str) -> None:
    if q.low is not None and q.low > q.value:
        raise SchemaError(f"{where}: low {q.low:g} is above value {q.value:g}; need low <= value")
    if q.high is not None and q.high < q.value:
        raise SchemaError(
            f"{where}: high {q.high:g} is below value {q.value:g}; need value <= high"
        )


def _check_order(records: tuple[Any, ...], where: str) -> None:
    for i in range(1, len(records)):
        before, after = records[i - 1], records[i]
        if before.end > after.start or (before.start, before.end) == (after.start, after.end):
            raise SchemaError(
                f"{where}[{i}]: span {after.start}..{after.end} is not after "
                f"{where}[{i - 1}] ({before.start}..{before.end}); records of this layer "
                "are in text order and do not overlap"
            )


def _check_index(value: int, target: tuple[Any, ...], where: str, layer: str) -> None:
    if not (0 <= value < len(target) or (value == 0 and not target)):
        raise SchemaError(
            f"{where}: {value} is not an index of Article.{layer} ({len(target)} records)"
        )


def _check_structure(article: model.Article) -> None:
    _check_order(article.paragraphs, "Article.paragraphs")
    _check_order(article.sections, "Article.sections")
    _check_order(article.sentences, "Article.sentences")
    for i, p in enumerate(article.paragraphs):
        _check_index(p.section, article.sections, f"Article.paragraphs[{i}].section", "sections")
    for i, s in enumerate(article.sentences):
        where = f"Article.sentences[{i}]"
        _check_index(s.paragraph, article.paragraphs, f"{where}.paragraph", "paragraphs")
        _check_index(s.section, article.sections, f"{where}.section", "sections")
    _check_claims(article)


def _check_claims(article: model.Article) -> None:
    """Each claim covers whole sentences: at least one, and cuts none."""
    sentences = article.sentences
    if not sentences:
        return
    ends = [s.end for s in sentences]
    for i, claim in enumerate(article.claims):
        j = bisect.bisect_right(ends, claim.start)
        covered = 0
        while j < len(sentences) and sentences[j].start < claim.end:
            s = sentences[j]
            if s.start < claim.start or s.end > claim.end:
                raise SchemaError(
                    f"Article.claims[{i}]: span {claim.start}..{claim.end} cuts sentence "
                    f"{j} ({s.start}..{s.end}); a claim is made of whole sentences"
                )
            covered += 1
            j += 1
        if not covered:
            raise SchemaError(
                f"Article.claims[{i}]: span {claim.start}..{claim.end} holds no sentence; "
                "a claim is made of whole sentences"
            )


def _short(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:37] + "...")


# Lone surrogates (from text decoded with errors="surrogateescape", or made in code) can't
# be encoded as UTF-8: written raw they made the JSON unwritable to any file or pipe.
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def _escape_surrogate(m: regex.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def to_json(article: model.Article, *, indent: int | None = None) -> str:
    """Return an article as a JSON string, always encodable as UTF-8.

    Non-ASCII characters are written as they are, except lone surrogates, which
    are escaped (``\\ud800``) so the output can be written to any UTF-8 stream and
    ``json.loads`` gives the same text back. (A high surrogate directly followed by
    a low one is read back by every JSON reader as the one astral character the
    pair encodes: JSON has no way to keep them apart.)

    Examples
    --------
    >>> import json, osintparse
    >>> json.loads(to_json(osintparse.parse("Texte.", lang="fr")))["lang"]
    'fr'
    >>> out = to_json(osintparse.parse("a\\ud800b", lang="fr"))
    >>> "\\\\ud800" in out, json.loads(out)["text"] == "a\\ud800b"
    (True, True)

    The output is strict JSON (RFC 8259): an article holding a NaN or an infinity
    (only a hand-made one can) is refused.

    >>> from osintparse.model import Article, Quantity
    >>> to_json(Article(text="1", quantities=[Quantity(start=0, end=1, text="1",
    ...                                              value=float("nan"))]))
    Traceback (most recent call last):
    ...
    osintparse.errors.SchemaError: Article.quantities[0].value: nan is not a finite number; ...
    """
    return "".join(json_chunks(article, indent=indent))


#: About how many characters :func:`json_chunks` gathers before it yields them.
_CHUNK = 1 << 16


def json_chunks(article: model.Article, *, indent: int | None = None) -> Iterator[str]:
    """Yield the JSON of an article in pieces, written one record at a time.

    ``"".join(json_chunks(a))`` is :func:`to_json`'s string (the same bytes as
    ``json.dumps(to_dict(a), ensure_ascii=False, indent=indent)``, lone surrogates
    escaped), but neither the dict form of the whole article nor its whole JSON is ever
    held in memory: each record is turned into JSON on its own and the pieces are
    yielded about every 64 000 characters. :func:`write_json`, :func:`write_jsonl`
    and the command line write this way, so their memory is the article's, not the
    article's plus its JSON's (a 10 MB news article writes over 100 MB of JSON).

    Raises
    ------
    osintparse.SchemaError
        Before the piece holding a number that is not finite (only a hand-made
        article holds one), naming its field.

    Examples
    --------
    >>> import osintparse
    >>> a = osintparse.parse("Titre\\n\\nUne phrase.", lang="fr")
    >>> "".join(json_chunks(a, indent=2)) == to_json(a, indent=2)
    True
    """
    pending: list[str] = []
    size = 0
    for piece in _pieces(article, indent):
        pending.append(piece)
        size += len(piece)
        if size >= _CHUNK:
            yield _escaped("".join(pending))
            pending, size = [], 0
    if pending:
        yield _escaped("".join(pending))


def _escaped(out: str) -> str:
    """``out`` with its lone surrogates escaped (``\\ud800``): encodable as UTF-8."""
    if _SURROGATE.search(out) is not None:
        return _SURROGATE.sub(_escape_surrogate, out)
    return out


def _dumps(value: Any, indent: int | None, where: str) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, indent=indent, allow_nan=False)
    except ValueError:
        raise SchemaError(_non_finite(value, where)) from None


def _string_pieces(value: str) -> Iterator[str]:
    """The JSON of a long string in pieces of :data:`_CHUNK` characters: the same
    characters as ``json.dumps(value)`` (it escapes each character on its own), but
    neither the escaped text nor its join is ever whole in memory (an article's text
    is the longest string written: three copies of it were the peak of writing it)."""
    yield '"'
    for i in range(0, len(value), _CHUNK):
        yield json.dumps(value[i : i + _CHUNK], ensure_ascii=False)[1:-1]
    yield '"'


def _pieces(article: model.Article, indent: int | None) -> Iterator[str]:
    """The JSON of ``article`` in pieces: each field, and each record of each layer, on
    its own; joined, exactly what ``json.dumps(to_dict(article), indent=indent)`` writes."""
    if indent is None:
        opening, between, closing = "{", ", ", "}"
        item_open, item_between, item_close, nested = "[", ", ", "]", None
    else:
        pad = " " * indent
        opening, between, closing = "{\n" + pad, ",\n" + pad, "\n}"
        item_open, item_between = "[\n" + pad * 2, ",\n" + pad * 2
        item_close, nested = "\n" + pad + "]", "\n" + pad * 2
    yield opening + f'"schema_version": {model.SCHEMA_VERSION}'
    claims = _ClaimWriter(article) if article.claims else None
    for name in _field_names(model.Article):
        where = f"Article.{name}"
        yield between + json.dumps(name, ensure_ascii=False) + ": "
        value = getattr(article, name)
        if type(value) is str and len(value) > _CHUNK:
            yield from _string_pieces(value)
            continue
        if not (isinstance(value, tuple) and value):
            yield _dumps(_unstructure(value), indent, where)
            continue
        yield item_open
        for i, record in enumerate(value):
            data = (
                claims(i, record)
                if name == "claims" and claims is not None
                else _unstructure(record)
            )
            text = _dumps(data, indent, f"{where}[{i}]")
            if nested is not None:
                text = text.replace("\n", nested)
            yield text if i == 0 else item_between + text
        yield item_close
    yield closing


def _non_finite(value: Any, where: str) -> str:
    """The message naming the first non-finite float in a dict form."""
    stack: list[tuple[Any, str]] = [(value, where)]
    while stack:
        item, path = stack.pop()
        if isinstance(item, float) and not math.isfinite(item):
            return f"{path}: {item!r} is not a finite number; JSON has no NaN/Infinity"
        if isinstance(item, list):
            stack.extend((v, f"{path}[{i}]") for i, v in reversed(list(enumerate(item))))
        elif isinstance(item, dict):
            stack.extend((v, f"{path}.{k}") for k, v in reversed(list(item.items())))
    return f"{where}: holds a number JSON cannot write"


def write_json(article: model.Article, fp: IO[str], *, indent: int | None = 2) -> None:
    """Write one article as a JSON document to a text stream, as it is serialised
    (:func:`json_chunks`: never the whole JSON in memory).

    Examples
    --------
    >>> import io, osintparse
    >>> buf = io.StringIO()
    >>> write_json(osintparse.parse("Texte.", lang="fr"), buf)
    >>> buf.getvalue().startswith("{")
    True
    """
    for chunk in json_chunks(article, indent=indent):
        fp.write(chunk)
    fp.write("\n")


def write_jsonl(articles: Iterable[model.Article], fp: IO[str]) -> int:
    """Write articles as JSON Lines (one object a line), each as it is serialised
    (:func:`json_chunks`); return how many.

    Examples
    --------
    >>> import io, osintparse
    >>> write_jsonl([osintparse.parse("Texte.", lang="fr")], io.StringIO())
    1
    """
    n = 0
    for article in articles:
        for chunk in json_chunks(article):
            fp.write(chunk)
        fp.write("\n")
        n += 1
    return n


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def read_jsonl(fp: IO[str]) -> Iterator[model.Article]:
    """Read articles back from JSON Lines written by :func:`write_jsonl`.

    Each line is checked as :func:`from_dict` does; JSON that is not strict (``NaN``,
    ``Infinity``), integers of more than 4300 digits and nesting too deep for the JSON
    reader are refused too.

    Raises
    ------
    osintparse.SchemaError
        On a line that is not valid JSON or not a serialised article, naming the
        line and the path in the document (``line 3: Article.dates[0].value: ...``).

    Examples
    --------
    >>> import io
    >>> list(read_jsonl(io.StringIO("")))
    []
    >>> list(read_jsonl(io.StringIO('\\n{"schema_version": NaN}\\n')))
    Traceback (most recent call last):
    ...
    osintparse.errors.SchemaError: line 2: not strict JSON: NaN is not a JSON value
    """
    for lineno, line in enumerate(fp, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line, parse_constant=_refuse_constant)
        except json.JSONDecodeError as err:
            raise SchemaError(f"line {lineno}: not valid JSON ({err})") from err
        except RecursionError:
            raise SchemaError(f"line {lineno}: JSON nested too deeply to read") from None
        except ValueError as err:  # NaN/Infinity, or an integer of over 4300 digits
            why = "an integer of over 4300 digits" if "digits" in str(err) else str(err)
            raise SchemaError(f"line {lineno}: not strict JSON: {why}") from None
        try:
            article = from_dict(data)
        except SchemaError as err:
            raise SchemaError(f"line {lineno}: {err}") from err
        yield article


# -- JSON Schema ------------------------------------------------------------------------

#: ``$id`` of the schema :func:`json_schema` returns.
_SCHEMA_ID = "https://osintparse.invalid/schema/article-{version}.json"
# Integer fields holding an offset or an index: never negative.
_NON_NEGATIVE = ("start", "end", "paragraph", "section")
_ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9:.+\-Z]*)?$"


def _int_schema(name: str) -> dict[str, Any]:
    low = 0 if name in _NON_NEGATIVE or name.endswith(("_start", "_end")) else _INT_MIN
    return {"type": "integer", "minimum": low, "maximum": _INT_MAX}


def _type_schema(hint: Any, name: str, defs: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of a field of type ``hint`` (records go to ``defs``)."""
    origin = typing.get_origin(hint)
    if hint is Any:
        return {}
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return {"anyOf": [_type_schema(inner[0], name, defs), {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(typing.get_args(hint)[0], name, defs)}
    if origin is not None and issubclass(origin, Mapping):
        item = _type_schema(typing.get_args(hint)[1], name, defs)
        return {"type": "object", "additionalProperties": item}
    if isinstance(hint, type) and attrs.has(hint):
        if hint.__name__ not in defs:
            defs[hint.__name__] = {}  # placeholder: a record may refer to itself
            defs[hint.__name__] = _record_schema(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if hint is _dt.date:
        return {"type": "string", "pattern": _ISO_DATE}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"type": "string", "enum": [str(m.value) for m in hint]}
    if hint is int:
        return _int_schema(name)
    if hint is float:
        return {"type": "number", "minimum": -_FLOAT_MAX, "maximum": _FLOAT_MAX}
    return {"type": {str: "string", bool: "boolean"}[hint]}


def _record_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = _hints(cls)
    names = _field_names(cls)
    doc = (cls.__doc__ or "").strip().splitlines()
    return {
        "type": "object",
        "description": doc[0] if doc else cls.__name__,
        "properties": {name: _type_schema(hints[name], name, defs) for name in names},
        "required": list(names),
        "additionalProperties": False,
    }


def _claim_refs_schema(defs: dict[str, Any]) -> None:
    """A claim's records: indexes into the article's layers or whole records (see
    :func:`to_dict`), and its sources may be ``{"claim": k}``, those of claim ``k``."""
    index = {"type": "integer", "minimum": 0, "maximum": _INT_MAX}
    properties = defs["Claim"]["properties"]
    for name in _CLAIM_REFS:
        record = properties[name]["items"]
        properties[name] = {"type": "array", "items": {"anyOf": [index, record]}}
    same_as = {
        "type": "object",
        "properties": {"claim": index},
        "required": ["claim"],
        "additionalProperties": False,
    }
    properties["attributions"] = {"anyOf": [properties["attributions"], same_as]}
    attribution = properties["attributions"]["anyOf"][0]
    properties["chains"] = {
        "anyOf": [{"type": "array", "items": attribution}, same_as],
    }


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the document :func:`to_dict` writes.

    Generated from the data model (the attrs fields and type hints of
    :class:`~osintparse.model.Article` and its records), so it follows every
    change of the model. Every field is required and no other is allowed;
    integers fit in 64 bits, offsets and indexes are not negative, enums list
    their values, dates are ISO 8601 strings. :func:`from_dict` enforces the same
    rules and more that a schema cannot state (each record's ``text`` is its
    slice of the article text, sub-spans lie inside their record, ``low <= value
    <= high``, layers in text order, claims made of whole sentences, a Mention's
    ``data`` nested at most :data:`MAX_DATA_DEPTH` levels). One difference: JSON
    Schema counts ``1.0`` as an integer, :func:`from_dict` wants an ``int``.

    Returns
    -------
    dict
        A new dict each call (``json.dumps`` it to save it).

    Examples
    --------
    >>> schema = json_schema()
    >>> schema["properties"]["schema_version"], schema["required"][:3]
    ({'enum': [1, 2, 3]}, ['schema_version', 'text', 'lang'])
    >>> schema["$defs"]["Quantity"]["properties"]["qualifier"]["enum"][:2]
    ['exact', 'approximate']
    """
    defs: dict[str, Any] = {}
    root = _record_schema(model.Article, defs)
    _claim_refs_schema(defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": _SCHEMA_ID.format(version=model.SCHEMA_VERSION),
        "title": "osintparse Article",
        "description": (
            f"An article parsed by osintparse, as osintparse.to_dict writes it "
            f"(schema_version {model.SCHEMA_VERSION})."
        ),
        "type": "object",
        "properties": {"schema_version": {"enum": list(_READABLE_VERSIONS)}, **root["properties"]},
        "required": ["schema_version", *root["required"]],
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }
