"""The map of places (osintparse.maps): markers, relations, SVG, GeoJSON, offline."""

from __future__ import annotations

import json
import pathlib
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from typing import Any

import pytest

import osintparse
from osintparse import Article, Place, PlaceRole
from osintparse.maps import ROLE_COLORS, PlaceMap, place_map
from tests import bounds
from tests.browser import chromium

SVG = "{http://www.w3.org/2000/svg}"


def _svg(m: PlaceMap) -> ET.Element:
    return ET.fromstring(m.svg)  # well-formed XML, or this raises


def _circles(m: PlaceMap) -> list[dict[str, str]]:
    return [dict(c.attrib) for c in _svg(m).iter(f"{SVG}circle") if "data-id" in c.attrib]


def test_seed_map_draws_the_issues_places(seed: Article) -> None:
    m = place_map(seed)
    got = {(x.name, x.role.value) for x in m.markers}
    for expected in [
        ("Russia", "location"),
        ("Ukraine", "location"),
        ("Pyongyang", "actor"),
        ("Moscow", "actor"),
        ("Seoul", "actor"),
        ("South Korea", "actor"),
        ("North Korea", "nationality"),
        ("United States", "actor"),
        ("Japan", "actor"),
    ]:
        assert expected in got
    # The border relation of "à la frontière entre la Russie et l'Ukraine" is a line.
    border = [r for r in m.relations if r.kind == "border"]
    assert [(r.ids, r.text) for r in border] == [
        (("geonames:2017370", "geonames:690791"), "à la frontière entre la Russie et l’Ukraine")
    ]
    assert m.title == seed.title


def test_every_drawable_place_is_in_exactly_one_marker(seed: Article) -> None:
    m = place_map(seed)
    listed = [p for x in m.markers for _, p in x.mentions]
    drawable = [p for p in seed.places if p.lat is not None and p.id is not None]
    assert sorted(listed, key=lambda p: p.start) == sorted(drawable, key=lambda p: p.start)
    for x in m.markers:
        assert all((p.id, p.role, p.lat, p.lon) == (x.id, x.role, x.lat, x.lon)
                   for _, p in x.mentions)  # fmt: skip
        assert all(seed.text[p.start : p.end] == p.text for _, p in x.mentions)
    assert len(m.left_out) == len(seed.places) - len(drawable)


def test_markers_are_coloured_by_role_and_say_what_was_written(seed: Article) -> None:
    m = place_map(seed)
    circles = _circles(m)
    assert len(circles) == len(m.markers)
    for c in circles:
        role = PlaceRole(c["data-role"])
        assert c["stroke"] == ROLE_COLORS[role]
        assert c["fill"] in (ROLE_COLORS[role], "none")  # an inner ring is filled
    by_key = {(c["data-id"], c["data-role"]): c for c in circles}
    north = by_key["geonames:1873107", "nationality"]
    assert set(north["data-written"].split(" | ")) == {
        p.text for p in seed.places if p.country == "KP" and p.role is PlaceRole.NATIONALITY
    }
    labels = [t.text for t in _svg(m).iter(f"{SVG}text") if t.get("class") == "osp-label"]
    assert {"Russia", "Ukraine", "Pyongyang", "North Korea"} <= set(labels)
    assert len(labels) == len(set(labels))  # one label an entry, not one a role


def test_roles_filter_and_empty_map(seed: Article) -> None:
    actors = place_map(seed, roles=["actor"])
    assert actors.markers
    assert {x.role for x in actors.markers} == {PlaceRole.ACTOR}
    assert all(c["data-role"] == "actor" for c in _circles(actors))
    # Moscou and Pyongyang are actors of one "between" relation; the border's places are not.
    assert {r.kind for r in actors.relations} == {"between"}
    empty = place_map(osintparse.parse("Titre\n\nRien ici.", lang="fr"))
    assert empty.markers == ()
    assert empty.relations == ()
    assert "No place with coordinates" in empty.svg
    _svg(empty)
    with pytest.raises(ValueError, match="200 pixels"):
        place_map(seed, width=100)
    with pytest.raises(ValueError, match="use location, actor, nationality"):
        place_map(seed, roles=["capital"])


def test_unresolved_and_uncoordinated_places_are_listed_not_drawn() -> None:
    text = "Vu à Springfield et à Paris."
    places = (
        Place(start=5, end=16, text="Springfield", unresolved=True, candidates=("a", "b")),
        Place(start=22, end=27, text="Paris", id="geonames:2988507", name="Paris",
              kind="city", country="FR", lat=48.85, lon=2.35),
    )  # fmt: skip
    m = place_map(Article(text=text, places=places))
    assert [x.name for x in m.markers] == ["Paris"]
    assert [p.text for _, p in m.left_out] == ["Springfield"]
    assert "not drawn: 1 (Springfield)" in m.svg


def test_text_is_escaped_and_nothing_is_fetched() -> None:
    text = '<script>alert(1)</script> à Paris & "Lyon".'
    lo = text.index("Paris")
    place = Place(start=lo, end=lo + 5, text="Paris", id="x:1", name='Paris<img src="http://x">',
                  country="FR", lat=48.85, lon=2.35)  # fmt: skip
    m = place_map(Article(text=text, title="<b>T</b>", places=(place,)))
    for out in (m.svg, m.to_html(), m._repr_html_()):
        assert "<script" not in out
        assert "<img" not in out
        assert "<b>" not in out
        assert "&lt;img src=&quot;http://x&quot;&gt;" in out
        # No tile, font, image or script is linked: the only URL is the SVG namespace.
        assert out.count("http") == out.count("http://www.w3.org/2000/svg") + out.count("http://x")
    _svg(m)


def test_several_articles_share_one_map() -> None:
    a = osintparse.parse("Un\n\nLes troupes sont en Ukraine.", lang="fr")
    b = osintparse.parse("Deux\n\nTroops are in Ukraine, Kyiv says.", lang="en")
    m = place_map([a, b])
    ukraine = [x for x in m.markers if x.name == "Ukraine" and x.role is PlaceRole.LOCATION]
    assert len(ukraine) == 1
    assert [i for i, _ in ukraine[0].mentions] == [0, 1]
    assert m.title == "Places of 2 article(s)"


def test_geojson_has_points_and_relation_lines(seed: Article) -> None:
    m = place_map(seed)
    data = json.loads(json.dumps(m.geojson()))  # plain JSON types
    assert data["type"] == "FeatureCollection"
    points = [f for f in data["features"] if f["geometry"]["type"] == "Point"]
    lines = [f for f in data["features"] if f["geometry"]["type"] == "LineString"]
    assert len(points) == len(m.markers)
    for f, x in zip(points, m.markers, strict=True):
        assert f["geometry"]["coordinates"] == [x.lon, x.lat]  # RFC 7946: lon, lat
        assert f["properties"]["role"] == x.role.value
        for mention in f["properties"]["mentions"]:
            assert seed.text[mention["start"] : mention["end"]] == mention["text"]
    border = [f for f in lines if f["properties"]["relation"] == "border"]
    assert len(border) == 1
    assert len(border[0]["geometry"]["coordinates"]) == 2


@pytest.mark.parametrize("suffix", ["svg", "geojson", "html"])
def test_save_writes_by_suffix(seed: Article, tmp_path: pathlib.Path, suffix: str) -> None:
    m = place_map(seed)
    path = tmp_path / f"map.{suffix}"
    m.save(path)
    written = path.read_text(encoding="utf-8")
    if suffix == "svg":
        assert ET.fromstring(written.split("\n", 1)[1]).tag == f"{SVG}svg"
    elif suffix == "geojson":
        assert json.loads(written) == json.loads(json.dumps(m.geojson()))
    else:
        assert written.startswith("<!DOCTYPE html>")
        assert m.svg in written
        assert written.count("<tr>") == len(m.markers) + 1


def test_map_is_deterministic_and_grows_with_entries_not_mentions() -> None:
    sentence = "Selon Séoul, des militaires nord-coréens sont en Russie, près de l'Ukraine. "
    small = osintparse.parse("Titre\n\n" + sentence * 20, lang="fr")
    large = osintparse.parse("Titre\n\n" + sentence * 2_000, lang="fr")
    assert place_map(small).svg == place_map(small).svg
    m_small, m_large = place_map(small), place_map(large)
    assert [x.id for x in m_small.markers] == [x.id for x in m_large.markers]
    assert len(m_large.svg) < 2 * len(m_small.svg)  # tooltips list at most 20 mentions
    _, spent = bounds.cpu_seconds(lambda: place_map(large).svg)
    assert spent < 10, "hang guard, not a benchmark"


def test_seed_map_in_headless_chromium(seed: Article, tmp_path: pathlib.Path) -> None:
    """A browser draws the saved page: every marker in its DOM, a picture that is not blank."""
    exe = chromium()
    if exe is None:
        pytest.skip("no chromium on PATH (Debian: apt-get install -y chromium)")
    m = place_map(seed)
    page = tmp_path / "map.html"
    m.save(page)

    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        with tempfile.TemporaryDirectory() as profile:
            return subprocess.run(
                [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--hide-scrollbars",
                 f"--user-data-dir={profile}", *args, page.as_uri()],
                capture_output=True, timeout=180, check=False,
            )  # fmt: skip

    dom = run("--dump-dom")
    assert dom.returncode == 0, dom.stderr.decode(errors="replace")[-2000:]
    markup: Any = dom.stdout.decode("utf-8")
    assert markup.count('class="osp-marker"') == len(m.markers)
    shot = tmp_path / "map.png"
    r = run(f"--screenshot={shot}", "--window-size=800,700")
    assert r.returncode == 0, r.stderr.decode(errors="replace")[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few kB
