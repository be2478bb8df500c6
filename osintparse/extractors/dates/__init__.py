"""The ``dates`` extractor: every date and period, normalised, with its precision.

Candidates are found by a table of rules whose patterns are built from the data of
the document's language (``calendar.toml``, ``dates.toml`` and the ``[dates]``
section of ``language.toml``) and resolved from the lexicon numbers, never from the
machine clock. Each mention carries its TimeML reading (``timex``, ``kind``,
``modifier``, ``day_part``, ``anchor``). Relative mentions ("hier", "last winter",
"March 23") are anchored on the publication date, else on a dateline's date, and
"le lendemain" on the paragraph's earlier date; without an anchor they are still
found, with ``relative=True`` and ``value=None``. The extractor reads the sentences
of the ``sentences`` layer, boilerplate left out. See ``docs/extractors/dates.md`` for
every rule.

Examples
--------
>>> import datetime
>>> from osintparse.extractors.base import Document
>>> doc = Document.from_text("Hier, en avril 2025.", lang="fr",
...                          published=datetime.date(2025, 5, 6))
>>> [(d.text, d.value.isoformat(), d.precision.value) for d in DatesExtractor()(doc)["dates"]]
[('Hier', '2025-05-05', 'day'), ('avril 2025', '2025-04-01', 'month')]
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from osintparse._patterns import sentence_spans
from osintparse._records import record_repr
from osintparse.extractors.base import Document
from osintparse.model import DateMention, ParagraphKind

__all__ = ["DatesExtractor", "find_dates"]


def find_dates(
    text: str, *, lang: str, published: _dt.date | None = None
) -> tuple[DateMention, ...]:
    """Return the dates and periods mentioned in ``text``, in text order.

    Parameters
    ----------
    text
        Any text; offsets of the mentions point into it.
    lang
        A supported language code (``"fr"``, ``"en"``).
    published
        Publication date (or datetime) anchoring relative mentions ("hier",
        "last week", "March 23" without a year). Without it those are found
        with ``relative=True`` and ``value=None``.

    Returns
    -------
    tuple of DateMention
        ``value`` is the first day of the period, ``value_end`` its last day.

    Raises
    ------
    osintparse.UnsupportedLanguageError
        If ``lang`` has no lexicons.

    Examples
    --------
    >>> import datetime
    >>> [(d.text, str(d.value), str(d.value_end), d.precision.value, d.range_start)
    ...  for d in find_dates("entre 2019 et 2023", lang="fr")]  # the range, then each end
    ... # doctest: +NORMALIZE_WHITESPACE
    [('entre 2019 et 2023', '2019-01-01', '2023-12-31', 'year', None),
     ('2019', '2019-01-01', '2019-12-31', 'year', 0),
     ('2023', '2023-01-01', '2023-12-31', 'year', 0)]
    >>> d, = find_dates("on Tuesday", lang="en", published=datetime.date(2025, 5, 1))
    >>> d.value, d.relative
    (datetime.date(2025, 4, 29), True)
    >>> find_dates("on Tuesday", lang="en")[0].value is None
    True
    """
    from osintparse.extractors.dates._engine import find  # compiled on first use

    return find(text, lang, published)


@attrs.frozen
class DatesExtractor:
    """Find dates, periods and relative dates, anchored on ``doc.published``.

    Only the sentences of the ``sentences`` layer are read, boilerplate left out
    ("Lire aussi : l'offensive du 12 mars 2024"); no mention crosses the end of a
    sentence. A document without a ``sentences`` layer is read whole.

    Examples
    --------
    >>> DatesExtractor().produces, DatesExtractor().requires
    (('dates',), ('sentences',))
    """

    __repr__ = record_repr

    name: ClassVar[str] = "dates"
    produces: ClassVar[tuple[str, ...]] = ("dates",)
    requires: ClassVar[tuple[str, ...]] = ("sentences",)

    def __call__(self, doc: Document) -> Mapping[str, Any]:
        """Return the ``dates`` layer of ``doc`` (empty when its language is unknown)."""
        if doc.lang is None:
            return {"dates": ()}
        from osintparse.extractors.dates._engine import find_in  # compiled on first use

        spans = None
        if "sentences" in doc:
            skip = (ParagraphKind.BOILERPLATE,)
            sentences = sentence_spans(doc.normalized, doc["sentences"], skip=skip)
            spans = [(start, end) for _, start, end in sentences]
        return {"dates": find_in(doc.normalized, doc.lang, doc.published, spans)}
