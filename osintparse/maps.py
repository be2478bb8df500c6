"""A map of the places articles name: an SVG drawing and GeoJSON, made offline.

:func:`place_map` gathers the resolved places of one or more articles into markers, one per
gazetteer entry and role (Russia as a location, Russia as an actor...), each with the
mentions it stands for, and the relational phrases that join them ("à la frontière entre la
Russie et l'Ukraine": a ``border`` line from Russia to Ukraine). The :class:`PlaceMap` it
returns draws itself in Jupyter as SVG (its ``_repr_html_``): markers coloured by
role (:data:`ROLE_COLORS`), labelled with the entry's name, on a grid of degrees (an
equirectangular projection, longitudes scaled at the map's middle latitude); hovering a
marker lists what the article wrote, with offsets. Nothing is fetched: no tiles, no
script, no font, so the map works offline and in a saved file (:meth:`PlaceMap.save`).
There are no coastlines or borders: the package ships no shapes, and a GIS tool (QGIS,
geojson.io) can lay :meth:`PlaceMap.geojson` over any base map.

Places left out of the drawing are listed under it: unresolved names (several gazetteer
entries and nothing to choose between them) and entries without coordinates.

Examples
--------
>>> import osintparse
>>> article = osintparse.parse(
...     "Titre\\n\\nSelon Séoul, des soldats nord-coréens sont arrivés en Russie.", lang="fr")
>>> m = place_map(article)
>>> [(x.name, x.role.value) for x in m.markers]
[('Seoul', 'actor'), ('North Korea', 'nationality'), ('Russia', 'location')]
>>> m.svg.startswith("<svg") and "Seoul" in m.svg
True
"""

from __future__ import annotations

import html
import json
import math
import os
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import regex

from osintparse.model import Article, Place, PlaceKind, PlaceRole

__all__ = ["ROLE_COLORS", "MapMarker", "MapRelation", "PlaceMap", "place_map"]

#: Marker colour of each role.
ROLE_COLORS = {
    PlaceRole.LOCATION: "#1f77b4",
    PlaceRole.ACTOR: "#d62728",
    PlaceRole.NATIONALITY: "#2ca02c",
}
#: Markers of one entry with several roles are drawn as rings, inside out in this order.
_RING_ORDER = (PlaceRole.LOCATION, PlaceRole.ACTOR, PlaceRole.NATIONALITY)
#: At most this many markers get a label on the map (the most mentioned); every marker
#: keeps its tooltip. Labels are placed one by one, each tested against those placed.
MAX_LABELS = 60
#: Smallest extent drawn, in degrees (a single city still shows its surroundings).
MIN_SPAN_DEG = 8.0
_HEIGHTS = (240, 560)
_MARGIN = 28
_FONT = "font-family: sans-serif; font-size: 11px"
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


@attrs.frozen
class MapMarker:
    """One gazetteer entry in one role, with the mentions it stands for.

    ``mentions`` pairs each place with the index of its article among those mapped.

    Examples
    --------
    >>> m = MapMarker(id="geonames:2017370", name="Russia", kind=PlaceKind.COUNTRY,
    ...               country="RU", lat=60.0, lon=100.0, role=PlaceRole.LOCATION)
    >>> m.role.value, len(m.mentions)
    ('location', 0)
    """

    id: str
    name: str
    kind: PlaceKind | None
    country: str | None
    lat: float
    lon: float
    role: PlaceRole
    mentions: tuple[tuple[int, Place], ...] = ()


@attrs.frozen
class MapRelation:
    """A relational phrase joining places ("border", "between"...), drawn as a line.

    ``ids`` are the gazetteer ids of its places, in text order; ``text`` the phrase as
    written; ``article`` the index of its article among those mapped.

    Examples
    --------
    >>> MapRelation(kind="border", text="à la frontière", ids=("a", "b"), article=0).kind
    'border'
    """

    kind: str
    text: str
    ids: tuple[str, ...]
    article: int


def _esc(text: str) -> str:
    return html.escape(_SURROGATE.sub("\ufffd", text), quote=True)


@attrs.frozen
class _Frame:
    """The drawn extent (degrees) and its projection to pixels."""

    west: float
    east: float
    south: float
    north: float
    width: int
    height: int

    @property
    def _kx(self) -> float:
        return math.cos(math.radians((self.south + self.north) / 2))

    @property
    def scale(self) -> float:
        return (self.width - 2 * _MARGIN) / ((self.east - self.west) * self._kx)

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return (
            _MARGIN + (lon - self.west) * self._kx * self.scale,
            _MARGIN + (self.north - lat) * self.scale,
        )

    @classmethod
    def around(cls, points: Sequence[tuple[float, float]], width: int) -> _Frame:
        lats = [p[0] for p in points] or [0.0]
        lons = [p[1] for p in points] or [0.0]
        south, north, west, east = min(lats), max(lats), min(lons), max(lons)
        pad_lat = max((north - south) * 0.15, MIN_SPAN_DEG / 2 - (north - south) / 2, 1.0)
        pad_lon = max((east - west) * 0.15, MIN_SPAN_DEG / 2 - (east - west) / 2, 1.0)
        south, north = max(-85.0, south - pad_lat), min(85.0, north + pad_lat)
        west, east = max(-180.0, west - pad_lon), min(180.0, east + pad_lon)
        kx = math.cos(math.radians((south + north) / 2))
        inner = width - 2 * _MARGIN
        natural = inner * (north - south) / ((east - west) * kx) + 2 * _MARGIN
        height = int(min(max(natural, _HEIGHTS[0]), _HEIGHTS[1]))
        # Keep the aspect: widen the narrower extent to fill the drawing.
        inner_h = height - 2 * _MARGIN
        need_lon = inner * (north - south) / (inner_h * kx)
        if need_lon > east - west:
            grow = (need_lon - (east - west)) / 2
            west, east = west - grow, east + grow
        else:
            need_lat = inner_h * (east - west) * kx / inner
            grow = (need_lat - (north - south)) / 2
            south, north = south - grow, north + grow
        return cls(west, east, south, north, width, height)


_Box = tuple[float, float, float, float]


def _free_box(options: Sequence[_Box], placed: Sequence[_Box]) -> _Box | None:
    """The first of ``options`` (left, top, right, bottom) overlapping none of ``placed``."""
    for box in options:
        a, b, c, d = box
        if not any(a < r and x < c and b < t and y < d for x, y, r, t in placed):
            return box
    return None


def _step(span: float) -> float:
    """A round grid step giving three to eight lines over ``span`` degrees."""
    for step in (0.5, 1, 2, 5, 10, 15, 30, 45, 90):
        if span / step <= 8:
            return float(step)
    return 90.0


def _degrees(value: float, pos: str, neg: str) -> str:
    if pos == "E":  # a widened extent may pass the antimeridian
        value = (value + 180) % 360 - 180
    text = f"{abs(value):g}°"
    return text + (pos if value > 0 else neg if value < 0 else "")


@attrs.frozen
class PlaceMap:
    """Markers and relations of the places of one or more articles; see :func:`place_map`.

    In Jupyter a ``PlaceMap`` displays itself (``_repr_html_``); :attr:`svg` is the
    drawing alone, :meth:`to_html` a page with the drawing and a table of the markers,
    :meth:`geojson` the same data for a GIS tool.

    Examples
    --------
    >>> import osintparse
    >>> m = place_map(osintparse.parse("Titre\\n\\nLes troupes sont en Ukraine.", lang="fr"))
    >>> [x.name for x in m.markers], m.left_out
    (['Ukraine'], ())
    """

    markers: tuple[MapMarker, ...]
    relations: tuple[MapRelation, ...] = ()
    left_out: tuple[tuple[int, Place], ...] = ()
    width: int = 720
    title: str = "Places"

    def _frame(self) -> _Frame:
        return _Frame.around([(m.lat, m.lon) for m in self.markers], self.width)

    @property
    def svg(self) -> str:
        """The map as a self-contained SVG element (inline styles, no script, no link).

        Examples
        --------
        >>> m = PlaceMap(markers=())
        >>> m.svg.startswith("<svg") and "No place" in m.svg
        True
        """
        frame = self._frame()
        out = [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="osintparse-map" '
            f'width="{frame.width}" height="{frame.height + 22}" '
            f'viewBox="0 0 {frame.width} {frame.height + 22}" role="img" '
            f'aria-label="{_esc(self.title)}" style="{_FONT}; background: #fbfbf8">',
            f"<title>{_esc(self.title)}</title>",
            *self._grid(frame),
        ]
        if not self.markers:
            out.append(
                f'<text x="{frame.width / 2:.0f}" y="{frame.height / 2:.0f}" '
                'text-anchor="middle" fill="#777">No place with coordinates to draw</text>'
            )
        out += self._relations(frame)
        out += self._markers(frame)
        out += self._labels(frame)
        out.append(self._legend(frame))
        out.append("</svg>")
        return "".join(out)

    def _grid(self, frame: _Frame) -> list[str]:
        out = [
            f'<rect x="{_MARGIN}" y="{_MARGIN}" width="{frame.width - 2 * _MARGIN}" '
            f'height="{frame.height - 2 * _MARGIN}" fill="#ffffff" stroke="#bbb"/>'
        ]
        grid = 'stroke="#e3e3e3" stroke-width="1"'
        label = 'fill="#999" font-size="9px"'
        step = _step(frame.north - frame.south)
        lat = math.ceil(max(frame.south, -90) / step) * step
        while lat <= min(frame.north, 90):
            _, y = frame.xy(lat, frame.west)
            out.append(
                f'<line x1="{_MARGIN}" y1="{y:.1f}" x2="{frame.width - _MARGIN}" '
                f'y2="{y:.1f}" {grid}/><text x="{_MARGIN - 3}" y="{y + 3:.1f}" '
                f'text-anchor="end" {label}>{_degrees(lat, "N", "S")}</text>'
            )
            lat += step
        step = _step(frame.east - frame.west)
        lon = math.ceil(frame.west / step) * step
        while lon <= frame.east:
            x, _ = frame.xy(frame.south, lon)
            out.append(
                f'<line x1="{x:.1f}" y1="{_MARGIN}" x2="{x:.1f}" '
                f'y2="{frame.height - _MARGIN}" {grid}/><text x="{x:.1f}" '
                f'y="{frame.height - _MARGIN + 11}" text-anchor="middle" {label}>'
                f"{_degrees(lon, 'E', 'W')}</text>"
            )
            lon += step
        return out

    def _relations(self, frame: _Frame) -> list[str]:
        where = {m.id: frame.xy(m.lat, m.lon) for m in self.markers}
        out = []
        for r in self.relations:
            points = [where[i] for i in r.ids if i in where]
            if len(points) < 2:
                continue
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            dash = "6 4" if r.kind == "border" else "2 3"
            out.append(
                f'<polyline class="osp-relation" data-kind="{_esc(r.kind)}" points="{path}" '
                f'fill="none" stroke="#555" stroke-width="1.5" stroke-dasharray="{dash}">'
                f"<title>{_esc(r.kind)}: {_esc(r.text)}</title></polyline>"
            )
        return out

    def _markers(self, frame: _Frame) -> list[str]:
        out = []
        # A marker's first role is a disc, each further role a ring around the last.
        outer: dict[str, float] = {}
        several = any(a for m in self.markers for a, _ in m.mentions)
        ordered = sorted(self.markers, key=lambda m: (m.id, _RING_ORDER.index(m.role)))
        for m in ordered:
            ring = m.id in outer
            x, y = frame.xy(m.lat, m.lon)
            radius = outer[m.id] + 3.5 if ring else 4.5 + 1.2 * math.log2(len(m.mentions) or 1)
            outer[m.id] = radius
            written = list(dict.fromkeys(p.text for _, p in m.mentions))
            tip = (
                f"{m.name} ({m.country or '-'}, {m.kind.value if m.kind else '-'}): "
                f"{m.role.value}, {len(m.mentions)} mention(s): "
                + "; ".join(
                    f"{p.text!r} @{p.start}:{p.end}" + (f" article {a}" if several else "")
                    for a, p in m.mentions[:20]
                )
            )
            fill = ROLE_COLORS[m.role] if ring == 0 else "none"
            out.append(
                f'<circle class="osp-marker" data-id="{_esc(m.id)}" '
                f'data-role="{m.role.value}" data-mentions="{len(m.mentions)}" '
                f'data-written="{_esc(" | ".join(written))}" cx="{x:.1f}" cy="{y:.1f}" '
                f'r="{radius:.1f}" fill="{fill}" fill-opacity="0.85" '
                f'stroke="{ROLE_COLORS[m.role]}" stroke-width="{2.5 if ring else 1}">'
                f"<title>{_esc(tip)}</title></circle>"
            )
        return out

    def _labels(self, frame: _Frame) -> list[str]:
        by_id: dict[str, list[MapMarker]] = {}
        for m in self.markers:
            by_id.setdefault(m.id, []).append(m)
        ranked = sorted(by_id.values(), key=lambda ms: -sum(len(m.mentions) for m in ms))
        placed: list[_Box] = []
        out = []
        for ms in ranked[:MAX_LABELS]:
            m = ms[0]
            x, y = frame.xy(m.lat, m.lon)
            w, h = 6.2 * len(m.name) + 4, 13.0
            gap = 7 + 3.5 * len(ms)
            # Right of the marker, else left, above, below, then the diagonals, then as much
            # farther: the first place that is free.
            corners = [
                corner
                for g in (gap, 2.5 * gap)
                for corner in ((x + g, y - h / 2), (x - g - w, y - h / 2), (x - w / 2, y - g - h),
                               (x - w / 2, y + g), (x + g, y - g - h / 2), (x + g, y + g / 2),
                               (x - g - w, y - g - h / 2), (x - g - w, y + g / 2))
            ]  # fmt: skip
            box = _free_box([(bx, by, bx + w, by + h) for bx, by in corners], placed)
            if box is None:
                continue
            placed.append(box)
            out.append(
                f'<text class="osp-label" x="{box[0] + 2:.1f}" y="{box[3] - 3:.1f}" '
                'fill="#222" stroke="#fff" stroke-width="3" paint-order="stroke">'
                f"{_esc(m.name)}</text>"
            )
        return out

    def _legend(self, frame: _Frame) -> str:
        counts = dict.fromkeys(ROLE_COLORS, 0)
        for m in self.markers:
            counts[m.role] += len(m.mentions)
        y = frame.height + 8
        parts = []
        x = float(_MARGIN)
        for role, color in ROLE_COLORS.items():
            text = f"{role.value} {counts[role]}"
            parts.append(
                f'<circle cx="{x + 5:.1f}" cy="{y:.1f}" r="5" fill="{color}"/>'
                f'<text x="{x + 14:.1f}" y="{y + 4:.1f}">{text}</text>'
            )
            x += 24 + 6.2 * len(text)
        if self.left_out:
            names = sorted({p.text for _, p in self.left_out})
            note = f"not drawn: {len(self.left_out)} ({', '.join(names[:6])}"
            note += ", ...)" if len(names) > 6 else ")"
            parts.append(f'<text x="{x:.1f}" y="{y + 4:.1f}" fill="#777">{_esc(note)}</text>')
        return '<g class="osp-map-legend">' + "".join(parts) + "</g>"

    def _repr_html_(self) -> str:
        """Return the HTML Jupyter shows: the SVG drawing in a ``div``.

        Examples
        --------
        >>> PlaceMap(markers=())._repr_html_().startswith('<div class="osintparse-map-view"')
        True
        """
        return f'<div class="osintparse-map-view">{self.svg}</div>'

    def to_html(self) -> str:
        """Return a standalone HTML page: the drawing, then a table of the markers.

        Examples
        --------
        >>> page = PlaceMap(markers=(), title="<Seed>").to_html()
        >>> page.startswith("<!DOCTYPE html>") and "&lt;Seed&gt;" in page
        True
        """
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td>{_esc(str(v))}</td>"
                for v in (
                    m.name,
                    m.country or "",
                    m.kind.value if m.kind else "",
                    m.role.value,
                    len(m.mentions),
                    ", ".join(sorted({p.text for _, p in m.mentions})),
                    f"{m.lat:.4f}, {m.lon:.4f}",
                    m.id,
                )
            )
            + "</tr>"
            for m in self.markers
        )
        head = "".join(
            f"<th>{h}</th>"
            for h in ("name", "country", "kind", "role", "mentions", "as written", "lat, lon", "id")
        )
        return (
            '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
            f"<title>{_esc(self.title)}</title></head>"
            '<body style="font-family: sans-serif">'
            f"<h1 style='font-size: 1.2em'>{_esc(self.title)}</h1>{self.svg}"
            '<table border="1" cellpadding="3" style="border-collapse: collapse; '
            f'font-size: 0.85em; margin-top: 1em"><tr>{head}</tr>{rows}</table>'
            "</body></html>\n"
        )

    def geojson(self) -> dict[str, Any]:
        """Return the markers (points) and relations (lines) as a GeoJSON FeatureCollection.

        Coordinates are ``[lon, lat]`` (WGS 84, RFC 7946); each marker's properties hold
        its entry, its role and its mentions (text as written and offsets).

        Examples
        --------
        >>> import osintparse
        >>> m = place_map(osintparse.parse("Titre\\n\\nLes troupes sont en Ukraine.", lang="fr"))
        >>> f = m.geojson()["features"][0]
        >>> f["geometry"], f["properties"]["role"], f["properties"]["mentions"][0]["text"]
        ({'type': 'Point', 'coordinates': [32.8025, 48.993]}, 'location', 'Ukraine')
        """
        where = {m.id: [m.lon, m.lat] for m in self.markers}
        features: list[dict[str, Any]] = [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [m.lon, m.lat]},
                "properties": {
                    "id": m.id,
                    "name": m.name,
                    "kind": m.kind.value if m.kind else None,
                    "country": m.country,
                    "role": m.role.value,
                    "color": ROLE_COLORS[m.role],
                    "mentions": [
                        {
                            "article": a,
                            "start": p.start,
                            "end": p.end,
                            "text": p.text,
                            "rule": p.rule,
                            "relation": p.relation,
                        }
                        for a, p in m.mentions
                    ],
                },
            }
            for m in self.markers
        ]
        for r in self.relations:
            line = [where[i] for i in r.ids if i in where]
            if len(line) >= 2:
                features.append(
                    {
                        "type": "Feature",
                        "geometry": {"type": "LineString", "coordinates": line},
                        "properties": {"relation": r.kind, "text": r.text, "article": r.article},
                    }
                )
        return {"type": "FeatureCollection", "features": features}

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the map to ``path``: ``.svg`` the drawing, ``.geojson`` or ``.json`` the
        data, any other suffix (``.html``) the page of :meth:`to_html`.

        Examples
        --------
        >>> import json, pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     out = pathlib.Path(tmp, "places.geojson")
        ...     PlaceMap(markers=()).save(out)
        ...     json.loads(out.read_text(encoding="utf-8"))
        {'type': 'FeatureCollection', 'features': []}
        """
        suffix = os.fspath(path).rsplit(".", 1)[-1].lower()
        if suffix == "svg":
            text = '<?xml version="1.0" encoding="utf-8"?>\n' + self.svg + "\n"
        elif suffix in ("geojson", "json"):
            text = json.dumps(self.geojson(), ensure_ascii=False, indent=1) + "\n"
        else:
            text = self.to_html()
        with open(path, "w", encoding="utf-8", errors="replace") as f:
            f.write(text)


def _relations(index: int, places: Iterable[Place], article: Article) -> list[MapRelation]:
    """The relational phrases of ``places``: places sharing a relation and its span."""
    groups: dict[tuple[str, int, int], dict[str, None]] = {}
    for p in places:
        if p.relation is not None and p.relation_start is not None and p.relation_end is not None:
            key = (p.relation, p.relation_start, p.relation_end)
            groups.setdefault(key, {})[p.id or ""] = None
    return [
        MapRelation(kind=kind, text=article.text[lo:hi], ids=tuple(ids), article=index)
        for (kind, lo, hi), ids in groups.items()
        if len(ids) >= 2
    ]


def _role(role: PlaceRole | str) -> PlaceRole:
    try:
        return PlaceRole(role)
    except ValueError:
        names = ", ".join(r.value for r in PlaceRole)
        raise ValueError(f"roles: {role!r} is not a place role; use {names}") from None


def place_map(
    articles: Article | Iterable[Article],
    *,
    roles: Iterable[PlaceRole | str] | None = None,
    width: int = 720,
    title: str | None = None,
) -> PlaceMap:
    """Return a map of the resolved places of ``articles``, labelled and coloured by role.

    One marker per gazetteer entry and role, with every mention it stands for (an entry
    named as a location and as an actor gets two markers, drawn as rings of one point);
    relational phrases joining places ("la frontière entre la Russie et l'Ukraine") become
    lines. Unresolved places and entries without coordinates are left out, and listed.

    Parameters
    ----------
    articles
        An article or several (their places share one map; a mention keeps the index of
        its article).
    roles
        Draw only these roles (``"location"``, ``"actor"``, ``"nationality"``); all by
        default.
    width
        Width of the drawing in pixels (its height follows the places' extent).
    title
        The map's title (its accessible name); by default the article's title.

    Returns
    -------
    PlaceMap
        Displays itself in Jupyter; :meth:`PlaceMap.save` writes SVG, HTML or GeoJSON.

    Raises
    ------
    ValueError
        If ``width`` is under 200 pixels or a role is not a
        :class:`~osintparse.model.PlaceRole` value.

    Examples
    --------
    >>> import osintparse
    >>> a = osintparse.parse("Titre\\n\\nLa frontière entre la Russie et l'Ukraine est fermée, "
    ...                      "selon Kiev.", lang="fr")
    >>> m = place_map(a, roles=["location"])
    >>> [x.name for x in m.markers], [(r.kind, r.text) for r in m.relations]
    (['Russia', 'Ukraine'], [('border', "La frontière entre la Russie et l'Ukraine")])
    >>> m.svg.count('class="osp-marker"'), m.svg.count('class="osp-relation"')
    (2, 1)
    """
    if width < 200:
        raise ValueError(f"width={width}: draw the map at least 200 pixels wide")
    batch = [articles] if isinstance(articles, Article) else list(articles)
    wanted = set(PlaceRole) if roles is None else {_role(r) for r in roles}
    markers: dict[tuple[str, PlaceRole], MapMarker] = {}
    mentions: dict[tuple[str, PlaceRole], list[tuple[int, Place]]] = {}
    left_out: list[tuple[int, Place]] = []
    relations: list[MapRelation] = []
    for index, article in enumerate(batch):
        drawn = []
        for p in article.places:
            if p.role not in wanted:
                continue
            if p.id is None or p.lat is None or p.lon is None:
                left_out.append((index, p))
                continue
            drawn.append(p)
            key = (p.id, p.role)
            if key not in markers:
                markers[key] = MapMarker(
                    id=p.id, name=p.name or p.text, kind=p.kind, country=p.country,
                    lat=p.lat, lon=p.lon, role=p.role,
                )  # fmt: skip
            mentions.setdefault(key, []).append((index, p))
        relations += _relations(index, drawn, article)
    if title is None:
        titles = [a.title for a in batch if a.title]
        title = titles[0] if len(batch) == 1 and titles else f"Places of {len(batch)} article(s)"
    return PlaceMap(
        markers=tuple(attrs.evolve(m, mentions=tuple(mentions[k])) for k, m in markers.items()),
        relations=tuple(relations),
        left_out=tuple(left_out),
        width=width,
        title=title,
    )
