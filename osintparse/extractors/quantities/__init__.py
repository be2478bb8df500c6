"""The ``quantities`` extractor: figures with their qualifier, bounds, unit and counted noun.

Numbers are found by :func:`find_numbers`; the context rules of the engine add what
surrounds them, all from the ``quantities``, ``units`` and ``calendar`` lexicons of
the language:

* qualifiers before or after the figure ("plus de", "at least", "environ") set
  :class:`~osintparse.model.Qualifier` and the bounds ``low``/``high``;
* ranges ("entre X et Y", "from X to Y", "X-Y") give ``low`` and ``high``;
* units and currencies ("%", "km", "$", "roubles") give ``unit``;
* the counted noun phrase after the figure gives ``noun``;
* years, dates, clock times, ordinals, designations ("F-16", "résolution 2231"),
  phone numbers, URLs and identifiers are dropped.

Patterns run on the normalised text; offsets are mapped back to the original.

Examples
--------
>>> [(q.text, q.value, q.qualifier.value, q.noun)
...  for q in find_quantities("Plus de 10 000 soldats russes en 2024.", lang="fr")]
[('Plus de 10 000 soldats russes', 10000.0, 'more_than', 'soldats russes')]
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from osintparse import lexicons
from osintparse._patterns import sentence_spans
from osintparse._records import record_repr
from osintparse.extractors.base import Document
from osintparse.extractors.quantities._context import _Raw
from osintparse.extractors.quantities._engine import _find
from osintparse.extractors.quantities._numbers import (
    NumberMatch,
    find_numbers,
    parse_digits,
    words_to_number,
)
from osintparse.model import ParagraphKind, Quantity, _from_source
from osintparse.text import Normalized, normalize

__all__ = [
    "NumberMatch",
    "QuantitiesExtractor",
    "find_numbers",
    "find_quantities",
    "parse_digits",
    "words_to_number",
]


def _record(raw: _Raw, norm: Normalized, words: dict[str, str]) -> Quantity:
    """The record of ``raw``; its noun and trigger shared through ``words`` with the
    records of the same article that have the same ones ("soldats", "tués": a str each
    cost ~50 bytes a figure)."""
    s, e = norm.span(raw.start, raw.end)
    ns, ne = norm.span(raw.number_start, raw.number_end)
    noun = None
    nos = noe = None
    if raw.noun_start is not None and raw.noun_end is not None:
        nos, noe = norm.span(raw.noun_start, raw.noun_end)
        noun = norm.original[nos:noe]
        noun = words.setdefault(noun, noun)
    es = ee = ws = we = None
    trigger = None
    if raw.trigger_start is not None and raw.trigger_end is not None:
        es, ee = norm.span(raw.trigger_start, raw.trigger_end)
        trigger = norm.original[es:ee]
        trigger = words.setdefault(trigger, trigger)
    if raw.whole_start is not None and raw.whole_end is not None:
        ws, we = norm.span(raw.whole_start, raw.whole_end)
    return _from_source(
        Quantity(
            start=s,
            end=e,
            text=norm.original[s:e],
            value=raw.value,
            low=raw.low,
            high=raw.high,
            qualifier=raw.qualifier,
            unit=raw.unit,
            noun=noun,
            number_start=ns,
            number_end=ne,
            noun_start=nos,
            noun_end=noe,
            part_of=raw.part_of,
            whole_start=ws,
            whole_end=we,
            event=raw.event,
            trigger=trigger,
            trigger_start=es,
            trigger_end=ee,
            aspect=raw.aspect,
            rate_unit=raw.rate_unit,
            extractor="quantities",
            rule=sys.intern(raw.rule),  # a few names, repeated in long articles
        ),
        norm.original,
    )


def find_quantities(text: str, *, lang: str) -> tuple[Quantity, ...]:
    """Find the quantities of ``text``: value, bounds, qualifier, unit and counted noun.

    Offsets point into ``text`` as given.

    Parameters
    ----------
    text
        Any text (an article, a sentence).
    lang
        A supported language code (``"fr"``, ``"en"``).

    Raises
    ------
    osintparse.UnsupportedLanguageError
        If ``lang`` has no lexicons.

    Examples
    --------
    >>> q = find_quantities("Près d’un millier d’ingénieurs travaillent.", lang="fr")[0]
    >>> q.text, q.value, q.qualifier.value, q.noun
    ('Près d’un millier d’ingénieurs', 1000.0, 'approximate', 'ingénieurs')
    >>> [(q.value, q.unit) for q in find_quantities("$1.5 billion and 70% of F-16s", lang="en")]
    [(1500000000.0, 'USD'), (70.0, 'percent')]
    """
    code = lexicons.check_lang(lang)
    norm = normalize(text)
    words: dict[str, str] = {}
    return tuple(_record(r, norm, words) for r in _find(norm.text, code, 0, len(norm.text)))


@attrs.frozen
class QuantitiesExtractor:
    """Find the quantities of every title, heading and body sentence.

    Examples
    --------
    >>> import osintparse
    >>> a = osintparse.parse("Titre\\n\\nSelon Séoul, 10 000 soldats sont arrivés.", lang="fr")
    >>> [(q.text, q.noun) for q in a.quantities]
    [('10 000 soldats', 'soldats')]
    """

    __repr__ = record_repr

    name: ClassVar[str] = "quantities"
    produces: ClassVar[tuple[str, ...]] = ("quantities",)
    requires: ClassVar[tuple[str, ...]] = ("sentences",)

    def __call__(self, doc: Document) -> Mapping[str, Any]:
        """Return the ``quantities`` layer of ``doc``."""
        if doc.lang is None:
            return {"quantities": ()}
        norm = doc.normalized
        out: list[Quantity] = []
        words: dict[str, str] = {}
        spans = sentence_spans(norm, doc.get("sentences"), skip=(ParagraphKind.BOILERPLATE,))
        for _, s, e in spans:
            out.extend(_record(r, norm, words) for r in _find(norm.text, doc.lang, s, e))
        return {"quantities": tuple(out)}
