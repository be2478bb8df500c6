"""Per-language data, kept as TOML files apart from the code that reads them.

Each supported language is a folder ``<lang>/`` holding the same set of TOML files:
``language.toml`` (the language's typology: noun-phrase head order, date order,
plural and inflection endings, decimal marks, which external parsers support it)
and one file per kind of word list (``structure.toml``, ``numbers.toml``,
``attributions.toml``...). A new language is a new folder with those files, plus
golden cases; no code changes (see ``docs/languages.md``).

Every file is checked against its schema, ``_schema/<name>.toml``, when it is
loaded: a missing or misspelt key, or a value of the wrong type, raises
:class:`~osintparse.LexiconError` naming the file and the key. Files are read on
first use and cached.

Language-independent data (country codes, GeoNames ids, coordinates) lives in
``_common/<name>.toml``, checked against ``_schema/_common/<name>.toml`` and read with
:func:`common`; a large generated file is JSON instead (``_common/countries.json``),
checked against the same kind of schema.

Besides the folders shipped here, osintparse reads language folders from the
directories listed in the environment variable ``OSINTPARSE_LEXICON_PATH``
(separated by :data:`os.pathsep`), read once per process: a language can be added
or tried without touching the installed package.

Schema types
------------
A schema file mirrors the lexicon's tables; each leaf is a type name:
``str``, ``int``, ``number`` (int or float), ``bool``, ``list[str]``,
``list[number]``, ``list[list[str]]``, ``map[T]`` (a table whose keys are data,
every value of type ``T``), ``any``, or a choice of strings such as ``first|last``.
A key ending in ``?`` is optional. A table with a ``"*"`` key accepts any other key,
each value checked against the ``"*"`` sub-schema. Keys starting with ``_`` are
comments and are never checked.

Examples
--------
>>> supported_languages()
('en', 'es', 'fr')
>>> "Retour en haut" in load("fr", "structure")["boilerplate"]["lines"]
True
>>> language("en")["noun_phrase"]["head"]
'last'
"""

from __future__ import annotations

import os
import pathlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from osintparse._cache import once
from osintparse.errors import LexiconError, UnsupportedLanguageError

__all__ = [
    "ENV_PATH",
    "all_strings",
    "check_lang",
    "common",
    "common_names",
    "language",
    "lexicon_names",
    "load",
    "parser_code",
    "schema_names",
    "supported_languages",
    "validate",
]

_ROOT = pathlib.Path(__file__).resolve().parent
_SCHEMA = _ROOT / "_schema"
_COMMON = _ROOT / "_common"

#: Environment variable listing extra directories of language folders.
ENV_PATH = "OSINTPARSE_LEXICON_PATH"


@once
def _folders() -> dict[str, pathlib.Path]:
    """Language code -> folder; the package's own folders win over extra ones."""
    found: dict[str, pathlib.Path] = {}
    extra = [p for p in os.environ.get(ENV_PATH, "").split(os.pathsep) if p.strip()]
    for root in [_ROOT, *map(pathlib.Path, extra)]:
        if not root.is_dir():
            continue
        for p in sorted(root.iterdir()):
            if (
                p.is_dir()
                and not p.name.startswith(("_", "."))
                and p.joinpath("language.toml").is_file()
            ):
                found.setdefault(p.name, p)
    return found


@once
def supported_languages() -> tuple[str, ...]:
    """Return the language codes that have a lexicon folder, sorted.

    Examples
    --------
    >>> "fr" in supported_languages()
    True
    """
    return tuple(sorted(_folders()))


def check_lang(lang: str) -> str:
    """Return ``lang`` normalised (``"FR"`` -> ``"fr"``) or raise if unsupported.

    Raises
    ------
    osintparse.UnsupportedLanguageError
        Listing the languages that exist.

    Examples
    --------
    >>> check_lang("FR")
    'fr'
    """
    code = lang.strip().lower().replace("_", "-").split("-")[0]
    if code not in _folders():
        raise UnsupportedLanguageError(lang, supported_languages())
    return code


@once
def schema_names() -> tuple[str, ...]:
    """Return the names of the lexicon files every language has (without ``.toml``).

    Examples
    --------
    >>> "language" in schema_names() and "numbers" in schema_names()
    True
    """
    return tuple(sorted(p.stem for p in _SCHEMA.glob("*.toml")))


@once
def lexicon_names(lang: str) -> tuple[str, ...]:
    """Return the names of the lexicon files of a language (without ``.toml``).

    Examples
    --------
    >>> "structure" in lexicon_names("en")
    True
    """
    folder = _folders()[check_lang(lang)]
    return tuple(sorted(p.stem for p in folder.glob("*.toml")))


@once
def _schema(name: str) -> dict[str, Any]:
    path = _SCHEMA / f"{name}.toml"
    if not path.is_file():
        raise LexiconError(
            f"no lexicon named {name!r}: lexicon files are {', '.join(schema_names())}"
        )
    return _read_toml(path, f"lexicons/_schema/{name}.toml")


def _read_toml(path: pathlib.Path, shown: str) -> dict[str, Any]:
    # tomllib is imported at the first lexicon read, not by ``import osintparse``.
    import tomllib

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise LexiconError(f"{shown} is not valid TOML: {err}") from err


def _read_json(path: pathlib.Path, shown: str) -> dict[str, Any]:
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as err:
        raise LexiconError(f"{shown} is not valid JSON: {err}") from err
    if not isinstance(data, dict):
        raise LexiconError(f"{shown}: expected an object at the top")
    return data


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_SCALARS: dict[str, Callable[[Any], bool]] = {
    "str": lambda v: isinstance(v, str),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": _is_number,
    "bool": lambda v: isinstance(v, bool),
    "any": lambda v: True,
}


def _type_ok(value: Any, type_name: str) -> bool:
    if type_name in _SCALARS:
        return _SCALARS[type_name](value)
    if "|" in type_name and "[" not in type_name:
        return value in type_name.split("|")
    if type_name.startswith("list[") and type_name.endswith("]"):
        inner = type_name[5:-1]
        return isinstance(value, list) and all(_type_ok(v, inner) for v in value)
    if type_name.startswith("map[") and type_name.endswith("]"):
        inner = type_name[4:-1]
        return isinstance(value, dict) and all(
            _type_ok(v, inner) for k, v in value.items() if not k.startswith("_")
        )
    raise LexiconError(f"unknown schema type {type_name!r}")


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"[:80]


def _check(data: Any, schema: Mapping[str, Any], where: str) -> Iterator[str]:
    """Yield one message per problem of ``data`` against ``schema``."""
    if not isinstance(data, dict):
        yield f"{where or 'the file'}: expected a table, got {_describe(data)}"
        return
    required = {k for k in schema if not k.endswith("?") and k != "*"}
    known = {k.rstrip("?"): v for k, v in schema.items() if k != "*"}
    for key in sorted(required - set(data)):
        yield f"missing key {where + key!r}"
    for key, value in data.items():
        if key.startswith("_"):
            continue
        spec = known.get(key, schema.get("*"))
        if spec is None:
            close = ", ".join(sorted(known)) or "(none)"
            yield f"unknown key {where + key!r}; keys allowed there: {close}"
        elif isinstance(spec, dict):
            yield from _check(value, spec, f"{where}{key}.")
        elif not _type_ok(value, spec):
            yield f"key {where + key!r} should be {spec}, got {_describe(value)}"


def validate(data: Mapping[str, Any], name: str, *, source: str = "") -> None:
    """Check lexicon ``data`` against the schema of lexicon file ``name``.

    Raises
    ------
    osintparse.LexiconError
        Naming the file and every missing, unknown or mistyped key.

    Examples
    --------
    >>> validate({"words": ["the"]}, "stopwords")
    >>> validate({"word": ["the"]}, "stopwords", source="xx/stopwords.toml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    osintparse.errors.LexiconError: xx/stopwords.toml: missing key 'words'; unknown key 'word'; ...
    """
    problems = list(_check(dict(data), _schema(name), ""))
    if problems:
        raise LexiconError(f"{source or name + '.toml'}: " + "; ".join(problems))


@once
def load(lang: str, name: str) -> dict[str, Any]:
    """Return the parsed, schema-checked lexicon ``name`` of language ``lang`` (cached).

    Treat the result as read-only: it is shared by every caller.

    Raises
    ------
    osintparse.UnsupportedLanguageError
        If the language has no lexicons.
    osintparse.LexiconError
        If the file is missing, is not valid TOML or does not match its schema.

    Examples
    --------
    >>> load("en", "structure")["boilerplate"]["lines"][:2]
    ['Back to top', 'Read more']
    """
    code = check_lang(lang)
    _schema(name)  # an unknown lexicon name is an error even if a file exists
    path = _folders()[code].joinpath(f"{name}.toml")
    shown = f"lexicons/{code}/{name}.toml"
    if not path.is_file():
        raise LexiconError(
            f"{shown} is missing: every language needs the files "
            f"{', '.join(n + '.toml' for n in schema_names())}"
        )
    data = _read_toml(path, shown)
    validate(data, name, source=shown)
    return data


def common_names() -> tuple[str, ...]:
    """Return the names of the language-independent data files (without ``.toml``).

    Examples
    --------
    >>> "countries" in common_names()
    True
    """
    return tuple(sorted(p.stem for p in (_SCHEMA / "_common").glob("*.toml")))


@once
def common(name: str) -> dict[str, Any]:
    """Return the language-independent data file ``_common/<name>.toml`` (cached).

    Identifiers shared by the code and every language's data (canonical unit names and
    what the engines do with them, countries, areas and cities of the places extractor)
    live there rather than in code. A generated file may be ``_common/<name>.json``
    instead (read first when present). The file is checked against
    ``_schema/_common/<name>.toml``. Treat the result as read-only.

    Raises
    ------
    osintparse.LexiconError
        For an unknown name, a missing or invalid file, or data not matching its schema.

    Examples
    --------
    >>> common("units")["parts"]["foot"]
    'inch'
    >>> common("countries")["countries"]["KP"]["iso3"]
    'PRK'
    """
    if not (_SCHEMA / "_common" / f"{name}.toml").is_file():
        raise LexiconError(
            f"no common data file named {name!r}: they are {', '.join(common_names())}"
        )
    generated = _COMMON / f"{name}.json"
    if generated.is_file():
        # Generated data too large to parse as TOML at every first use (countries: 68 KB
        # took the first parse about 10 ms as TOML, under 1 ms as JSON).
        shown = f"lexicons/_common/{name}.json"
        data = _read_json(generated, shown)
    else:
        shown = f"lexicons/_common/{name}.toml"
        path = _COMMON / f"{name}.toml"
        if not path.is_file():
            raise LexiconError(f"{shown} is missing: reinstall osintparse")
        data = _read_toml(path, shown)
    validate(data, f"_common/{name}", source=shown)
    return data


def language(lang: str) -> dict[str, Any]:
    """Return the typology of ``lang`` (its ``language.toml``).

    Examples
    --------
    >>> language("fr")["dates"]["order"]
    'DMY'
    """
    return load(lang, "language")


def parser_code(lang: str, parser: str) -> str | None:
    """Return the code an external parser knows ``lang`` by, or ``None`` if it does not.

    ``parser`` is a key of the ``[parsers]`` table of ``language.toml``
    (``"text2num"``, ``"dateparser"``); an empty string there means the parser does
    not support the language, and the engines fall back to their own rules.

    Examples
    --------
    >>> parser_code("fr", "text2num")
    'fr'
    """
    code = language(lang)["parsers"].get(parser, "")
    return code or None


def all_strings(*, numbers: bool = True) -> tuple[str, ...]:
    """Return every key, string (and number) of every lexicon of every language, sorted.

    Used to build adversarial and fuzzing inputs from the lexicons' own words, so a
    new lexicon word is exercised without any test change. Keys starting with ``_``
    and blank strings are left out.

    Examples
    --------
    >>> words = all_strings()
    >>> "selon" in words and "Retour en haut" in words
    True
    >>> "1" in all_strings(numbers=False)
    False
    """
    out: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if not key.startswith("_"):
                    out.add(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            out.add(value)
        elif numbers and isinstance(value, int | float) and not isinstance(value, bool):
            out.add(str(value))

    for lang in supported_languages():
        for name in lexicon_names(lang):
            walk(load(lang, name))
    return tuple(sorted(w for w in out if w.strip()))
