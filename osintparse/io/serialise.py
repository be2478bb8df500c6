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

import datetime as _dt
import enum
import functools
import json
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
    "from_dict",
    "read_jsonl",
    "record_from_dict",
    "record_to_dict",
    "to_dict",
    "to_json",
    "write_json",
    "write_jsonl",
]


def _unstructure(value: Any) -> Any:
    if attrs.has(type(value)):
        return record_to_dict(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_unstructure(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _unstructure(v) for k, v in value.items()}
    return value


def record_to_dict(record: Any) -> dict[str, Any]:
    """Return the JSON-ready dict of any osintparse record.

    Examples
    --------
    >>> from osintparse.model import Quantity
    >>> record_to_dict(Quantity(start=0, end=1, text="3", value=3))["qualifier"]
    'exact'
    """
    return {f.name: _unstructure(getattr(record, f.name)) for f in attrs.fields(type(record))}


def to_dict(article: model.Article) -> dict[str, Any]:
    """Return the dict form of an article, with ``schema_version`` first.

    Examples
    --------
    >>> import osintparse
    >>> sorted(to_dict(osintparse.parse("", lang="en")))[:3]
    ['attributions', 'author', 'claims']
    """
    return {"schema_version": model.SCHEMA_VERSION, **record_to_dict(article)}


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


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
        raise SchemaError(f"{where}: expected a list, got {type(value).__name__}")
    item = typing.get_args(hint)[0]
    return tuple(_structure(v, item, f"{where}[{i}]") for i, v in enumerate(value))


def _mapping(value: Any, hint: Any, where: str) -> Any:
    if not isinstance(value, Mapping):
        raise SchemaError(f"{where}: expected an object, got {type(value).__name__}")
    item = typing.get_args(hint)[1]
    return {str(k): _structure(v, item, f"{where}.{k}") for k, v in value.items()}


def _date(value: Any, hint: Any, where: str) -> Any:
    if not isinstance(value, str):
        raise SchemaError(f"{where}: expected an ISO 8601 date string")
    try:
        if "T" in value:
            return _dt.datetime.fromisoformat(value)
        return _dt.date.fromisoformat(value)
    except ValueError as err:
        raise SchemaError(f"{where}: {value!r} is not an ISO 8601 date") from err


def _enum(value: Any, hint: Any, where: str) -> Any:
    try:
        return hint(value)
    except ValueError as err:
        allowed = ", ".join(str(m.value) for m in hint)
        raise SchemaError(f"{where}: {value!r} is not one of {allowed}") from err


def _float(value: Any, hint: Any, where: str) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise SchemaError(f"{where}: expected a number, got {value!r}")


def _plain(value: Any, hint: Any, where: str) -> Any:
    if hint is int and isinstance(value, bool):
        raise SchemaError(f"{where}: expected int, got bool")
    if isinstance(hint, type) and not isinstance(value, hint):
        raise SchemaError(f"{where}: expected {hint.__name__}, got {type(value).__name__}")
    return value


def _record(value: Any, hint: Any, where: str) -> Any:
    return record_from_dict(hint, value, where)


def _converter(hint: Any) -> Callable[[Any, Any, str], Any]:
    """The function reading a JSON value into a field of type ``hint``."""
    origin = typing.get_origin(hint)
    if hint is Any:
        return lambda value, _hint, _where: value
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
    return _float if hint is float else _plain


def _structure(value: Any, hint: Any, where: str) -> Any:
    return _converter(hint)(value, hint, where)


def record_from_dict(cls: type[_T], data: Any, where: str = "") -> _T:
    """Rebuild a record of class ``cls`` from its dict form.

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
    """
    where = where or cls.__name__
    if not isinstance(data, Mapping):
        raise SchemaError(f"{where}: expected an object (dict), got {type(data).__name__}")
    hints = _hints(cls)  # type: ignore[arg-type]
    fields = {f.name: f for f in attrs.fields(cls)}  # type: ignore[arg-type]
    unknown = set(data) - set(fields) - {"schema_version"}
    if unknown:
        names = ", ".join(sorted(repr(k) if not isinstance(k, str) else k for k in unknown))
        raise SchemaError(f"{where}: unknown field(s) {names}")
    kwargs: dict[str, Any] = {}
    for name, field in fields.items():
        if name not in data:
            if field.default is attrs.NOTHING:
                raise SchemaError(f"{where}: missing required field {name!r}")
            continue
        kwargs[name] = _structure(data[name], hints[name], f"{where}.{name}")
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as err:
        if isinstance(err, SchemaError):
            raise
        raise SchemaError(f"{where}: {err}") from err


def from_dict(data: Mapping[str, Any]) -> model.Article:
    """Rebuild an :class:`~osintparse.model.Article` from :func:`to_dict`.

    Raises
    ------
    osintparse.SchemaError
        When ``data`` is not a dict of a known schema version or a field is wrong.

    Examples
    --------
    >>> import osintparse
    >>> a = osintparse.parse("Un texte.", lang="fr")
    >>> from_dict(to_dict(a)) == a
    True
    """
    if not isinstance(data, Mapping):
        raise SchemaError(
            f"expected a dict from osintparse.to_dict(Article), got {type(data).__name__}"
        )
    version = data.get("schema_version", model.SCHEMA_VERSION)
    if version != model.SCHEMA_VERSION:
        raise SchemaError(
            f"schema_version {version!r} is not supported (this osintparse reads "
            f"{model.SCHEMA_VERSION}); re-parse the text with this version"
        )
    article = record_from_dict(model.Article, data, "Article")
    _check_offsets(article.text, article, "Article")
    return article


def _check_offsets(text: str, value: Any, where: str) -> None:
    """Check every span of every nested record against the article text."""
    if isinstance(value, tuple | list):
        for i, item in enumerate(value):
            _check_offsets(text, item, f"{where}[{i}]")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            _check_offsets(text, item, f"{where}.{key}")
    elif attrs.has(type(value)):
        names = [f.name for f in attrs.fields(type(value))]
        if not isinstance(value, model.Article) and "text" in names:
            _check_text(text, value, where)
        _check_sub_spans(text, value, names, where)
        for name in names:
            if name != "text":
                _check_offsets(text, getattr(value, name), f"{where}.{name}")


def _check_text(text: str, record: Any, where: str) -> None:
    start, end = getattr(record, "start", None), getattr(record, "end", None)
    if not (isinstance(start, int) and isinstance(end, int)):
        return
    if end > len(text) or text[start:end] != record.text:
        raise SchemaError(
            f"{where}: text {_short(record.text)} is not article.text[{start}:{end}] "
            f"({_short(text[start:end])}); the dict was edited or belongs to another "
            "text: re-parse the article"
        )


def _check_sub_spans(text: str, record: Any, names: list[str], where: str) -> None:
    for name in names:
        if not (name.endswith("_start") and f"{name[:-6]}_end" in names):
            continue
        s, e = getattr(record, name), getattr(record, f"{name[:-6]}_end")
        if s is None and e is None:
            continue
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(text)):
            raise SchemaError(
                f"{where}: {name[:-6]} span {s!r}..{e!r} is not inside the article text "
                f"(0..{len(text)}); re-parse the article"
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
    """
    out = json.dumps(to_dict(article), ensure_ascii=False, indent=indent)
    if _SURROGATE.search(out) is not None:
        out = _SURROGATE.sub(_escape_surrogate, out)
    return out


def write_json(article: model.Article, fp: IO[str], *, indent: int | None = 2) -> None:
    """Write one article as a JSON document to a text stream.

    Examples
    --------
    >>> import io, osintparse
    >>> buf = io.StringIO()
    >>> write_json(osintparse.parse("Texte.", lang="fr"), buf)
    >>> buf.getvalue().startswith("{")
    True
    """
    fp.write(to_json(article, indent=indent))
    fp.write("\n")


def write_jsonl(articles: Iterable[model.Article], fp: IO[str]) -> int:
    """Write articles as JSON Lines (one object a line); return how many.

    Examples
    --------
    >>> import io, osintparse
    >>> write_jsonl([osintparse.parse("Texte.", lang="fr")], io.StringIO())
    1
    """
    n = 0
    for article in articles:
        fp.write(to_json(article))
        fp.write("\n")
        n += 1
    return n


def read_jsonl(fp: IO[str]) -> Iterator[model.Article]:
    """Read articles back from JSON Lines written by :func:`write_jsonl`.

    Raises
    ------
    osintparse.SchemaError
        On a line that is not valid JSON or not a serialised article.

    Examples
    --------
    >>> import io
    >>> list(read_jsonl(io.StringIO("")))
    []
    """
    for lineno, line in enumerate(fp, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            raise SchemaError(f"line {lineno}: not valid JSON ({err})") from err
        try:
            article = from_dict(data)
        except SchemaError as err:
            raise SchemaError(f"line {lineno}: {err}") from err
        yield article
