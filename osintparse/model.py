"""The data model: frozen attrs records, every mention an offset span into one text.

Every record that stands for a piece of the article (a paragraph, a sentence, a
quantity, a date, an attribution, a claim...) has ``start``, ``end`` and
``text`` with ``article.text[start:end] == text``: offsets always point into the
original article text, never into a normalised copy.

Records are immutable; change one with :func:`attrs.evolve`. The only logic here
is derived properties; extraction lives in :mod:`osintparse.extractors`.

Examples
--------
>>> from osintparse.model import Quantity, Qualifier
>>> q = Quantity(start=8, end=21, text="plus de 10 000", value=10000.0,
...              low=10000.0, qualifier=Qualifier.MORE_THAN)
Traceback (most recent call last):
...
ValueError: text has 14 characters but start..end spans 13: 'plus de 10 000'
>>> q = Quantity(start=8, end=22, text="plus de 10 000", value=10000.0,
...              low=10000.0, qualifier="more_than")
>>> q.qualifier.value, q.low, q.high
('more_than', 10000.0, None)
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

import attrs

from osintparse.errors import InvalidPublishedError

__all__ = [
    "LAYER",
    "SCHEMA_VERSION",
    "Article",
    "Attribution",
    "Claim",
    "DateMention",
    "Hedge",
    "Mention",
    "Paragraph",
    "ParagraphKind",
    "Precision",
    "Qualifier",
    "Quantity",
    "Section",
    "Sentence",
    "SourceKind",
    "Stance",
]

#: Version of the serialised form written by :func:`osintparse.to_dict`.
SCHEMA_VERSION = 2


class Qualifier(enum.StrEnum):
    """How a figure bounds the real amount ("plus de 10 000" is ``MORE_THAN``).

    Examples
    --------
    >>> Qualifier("at_least") is Qualifier.AT_LEAST
    True
    """

    EXACT = "exact"
    APPROXIMATE = "approximate"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    RANGE = "range"


class Stance(enum.StrEnum):
    """Evidential stance of a source towards what it says, strongest first.

    Examples
    --------
    >>> [s.value for s in Stance][:3]
    ['confirmed', 'asserted', 'reported']
    """

    CONFIRMED = "confirmed"
    ASSERTED = "asserted"
    REPORTED = "reported"
    ESTIMATED = "estimated"
    ALLEGED = "alleged"
    DENIED = "denied"
    UNATTRIBUTED = "unattributed"


class SourceKind(enum.StrEnum):
    """What kind of source an attribution names.

    Examples
    --------
    >>> SourceKind("intelligence").value
    'intelligence'
    """

    GOVERNMENT = "government"
    MILITARY = "military"
    INTELLIGENCE = "intelligence"
    MEDIA = "media"
    INTERNATIONAL_ORG = "international_org"
    EXPERT = "expert"
    NGO = "ngo"
    OFFICIAL = "official"
    ANONYMOUS = "anonymous"
    OTHER = "other"


class Precision(enum.StrEnum):
    """How precise a date mention is ("avril 2025" is ``MONTH``).

    Examples
    --------
    >>> Precision.MONTH.value
    'month'
    """

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"


class ParagraphKind(enum.StrEnum):
    """The role of a paragraph (a block of text between blank lines) in the article.

    Examples
    --------
    >>> ParagraphKind.BOILERPLATE.value
    'boilerplate'
    """

    TITLE = "title"
    HEADING = "heading"
    BODY = "body"
    BOILERPLATE = "boilerplate"


def _check_span(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    start, end = instance.start, instance.end
    if start < 0 or end < start:
        raise ValueError(f"bad offsets start={start} end={end}: need 0 <= start <= end")
    if len(value) != end - start:
        raise ValueError(
            f"text has {len(value)} characters but start..end spans {end - start}: {value!r}"
        )


def _short_text(value: str) -> str:
    return repr(value if len(value) <= 60 else value[:57] + "...")


def _count(value: Any) -> str:
    return f"<{len(value)}>"


def _tup(value: Iterable[Any]) -> tuple[Any, ...]:
    return value if isinstance(value, tuple) else tuple(value)


def _fmt(x: float) -> str:
    return str(int(x)) if x == int(x) else f"{x:g}"


def _opt_float(value: Any) -> float | None:
    return None if value is None else float(value)


def coerce_published(value: Any) -> _dt.date | None:
    """Return ``value`` as a date or datetime (ISO 8601 strings accepted), or None.

    Raises
    ------
    osintparse.InvalidPublishedError
        For anything else.

    Examples
    --------
    >>> coerce_published("2025-05-01")
    datetime.date(2025, 5, 1)
    """
    if value is None or isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            if "T" in value or " " in value.strip() or len(value.strip()) > 10:
                return _dt.datetime.fromisoformat(value.strip())
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    shown = repr(value)
    shown = shown if len(shown) <= 80 else shown[:77] + "..."
    raise InvalidPublishedError(
        f"published must be a datetime.date, a datetime.datetime, an ISO 8601 string "
        f"such as '2025-05-01', or None; got {shown}"
    )


#: Metadata key marking a field of :class:`Article` as a layer extractors produce; the
#: one list of layers (:mod:`osintparse.layers`) is read from these fields.
LAYER = "osintparse.layer"


def _layer() -> Any:
    """An Article field holding a layer: a tuple of records."""
    return attrs.field(default=(), converter=_tup, repr=_count, metadata={LAYER: True})


_INT = attrs.validators.instance_of(int)
_STR = attrs.validators.instance_of(str)


@attrs.frozen(kw_only=True)
class Mention:
    """A generic labelled span, the record custom extractors produce.

    Parameters
    ----------
    start, end
        Character offsets into the article text.
    text
        ``article.text[start:end]``.
    label
        What the span is (for a weapons extractor, ``"weapon"``).
    data
        Extra JSON-serialisable fields.
    extractor
        Name of the extractor that produced the mention.
    rule
        The pattern or lexicon entry that matched.

    Examples
    --------
    >>> Mention(start=0, end=4, text="F-16", label="weapon").label
    'weapon'
    """

    start: int = attrs.field(validator=_INT)
    end: int = attrs.field(validator=_INT)
    text: str = attrs.field(validator=[_STR, _check_span])
    label: str = ""
    data: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
    extractor: str = ""
    rule: str = ""


@attrs.frozen(kw_only=True)
class Paragraph:
    """A block of the article: the title, a heading, a body paragraph or boilerplate.

    Examples
    --------
    >>> Paragraph(start=0, end=5, text="Titre", kind="title").kind
    <ParagraphKind.TITLE: 'title'>
    """

    start: int = attrs.field(validator=_INT)
    end: int = attrs.field(validator=_INT)
    text: str = attrs.field(validator=[_STR, _check_span])
    kind: ParagraphKind = attrs.field(converter=ParagraphKind)
    section: int = 0
    rule: str = ""


@attrs.frozen(kw_only=True)
class Section:
    """A run of paragraphs under one heading (the lead section has no heading).

    Parameters
    ----------
    heading
        The heading's text, or ``None`` for the lead section.
    heading_start, heading_end
        Offsets of the heading, or ``None``.

    Examples
    --------
    >>> Section(start=0, end=3, text="abc").heading is None
    True
    """

    start: int = attrs.field(validator=_INT)
    end: int = attrs.field(validator=_INT)
    text: str = attrs.field(validator=[_STR, _check_span])
    heading: str | None = None
    heading_start: int | None = None
    heading_end: int | None = None


@attrs.frozen(kw_only=True)
class Sentence:
    """A sentence, with the paragraph and section it belongs to.

    Parameters
    ----------
    kind
        The kind of its paragraph: title and heading lines are sentences too.
    paragraph, section
        Indexes into :attr:`Article.paragraphs` and :attr:`Article.sections`.

    Examples
    --------
    >>> Sentence(start=0, end=4, text="Oui.", kind="body").kind.value
    'body'
    """

    start: int = attrs.field(validator=_INT)
    end: int = attrs.field(validator=_INT)
    text: str = attrs.field(validator=[_STR, _check_span])
    kind: ParagraphKind = attrs.field(converter=ParagraphKind, default=ParagraphKind.BODY)
    paragraph: int = 0
    section: int = 0


@attrs.frozen(kw_only=True, repr=False)
class Quantity:
    """A figure: its value, bounds, qualifier, unit and the noun it counts.

    ``start``/``end``/``text`` cover the whole phrase ("plus de 10 000 militaires
    nord-coréens"); ``number_start``/``number_end`` the figure alone and
    ``noun_start``/``noun_end`` the counted noun phrase.

    Examples
    --------
    >>> q = Quantity(start=0, end=6, text="10 000", value=10000)
    >>> q.value, q.qualifier.value
    (10000.0, 'exact')
    >>> q
    <Quantity exact 10000 '10 000' @0:6>
    """

    start: int = attrs.field(validator=_INT)
    end: int = attrs.field(validator=_INT)
    text: str = attrs.field(validator=[_STR, _check_span])
    value: float = attrs.field(converter=float)
    low: float | None = attrs.field(default=None, converter=_opt_float)
    high: float | None = attrs.field(default=None, converter=_opt_float)
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, converter=Qualifier)
    unit: str | None = None
    noun: str | None = None
    number_start: int | None = None
    number_end: int | None = None
    noun_start: int | None = None
    noun_end: int | None = None
    extractor: str = "quantities"
    rule: str = ""

    def __repr__(self) -> str:
        """Short form: qualifier, figure, unit, counted noun (or text) and offsets.

        Examples
        --------
        >>> Quantity(start=0, end=12, text="5 à 7 000 km", value=6000, low=5000,
        ...          high=7000, qualifier="range", unit="km")
        <Quantity range 5000-7000 km '5 à 7 000 km' @0:12>
        """
        if self.low is not None and self.high is not None and self.low != self.high:
            figure = f"{_fmt(self.low)}-{_fmt(self.high)}"
        else:
            figure = _fmt(self.value)
        unit = f" {self.unit}" if self.unit else ""
        what = _short_text(self.noun if self.noun else self.text)
        return f"<Quantity {self.qualifier.value} {figure}{unit} {what} @{self.start}:{self.end}>"


@attrs.frozen(kw_only=True)
class DateMention:
    """A date or period, normalised, with its precision.

    ``value`` is the first day of the period; ``value_end`` the last day for periods
    and ranges (named so to keep ``end`` for the character offset). Relative
    mentions found without a publication date have ``relative=True, value=None``.

    Examples
    --------
    >>> import datetime
    >>> d = DateMention(start=0, end=10, text="avril 2025",
    ...                 value=datetime.date(2025, 4, 1), precision="month")
    >>> d.precision.value
    'month'
    """

    start: int = attrs.field(validator=_INT)
    end: int = attrs.field(validator=_INT)
    text: str = attrs.field(validator=[_STR, _check_span])
    value: _dt.date | None = None
    value_end: _dt.date | None = None
    precision: Precision = attrs.field(default=Precision.DAY, converter=Precision)
    relative: bool = False
    extractor: str = "dates"
    rule: str = ""


@attrs.frozen(kw_only=True)
class Hedge:
    """A cue that lowers (or raises) certainty: "aurait", "reportedly", "probablement".

    Parameters
    ----------
    effect
        Signed change to certainty (negative lowers it).

    Examples
    --------
    >>> Hedge(start=0, end=10, text="reportedly", effect=-0.2).effect
    -0.2
    """

    start: int = attrs.field(validator=_INT)
    end: int = attrs.field(validator=_INT)
    text: str = attrs.field(validator=[_STR, _check_span])
    effect: float = attrs.field(default=0.0, converter=float)
    extractor: str = "attributions"
    rule: str = ""


@attrs.frozen(kw_only=True)
class Attribution:
    """Who says something, with which cue, and how sure.

    ``start``/``end``/``text`` cover the attribution phrase; ``source_*``, ``cue_*``
    and ``content_*`` locate the source noun phrase, the cue and the attributed
    proposition.

    Examples
    --------
    >>> a = Attribution(start=0, end=12, text="Selon Séoul,", source="Séoul",
    ...                 source_start=6, source_end=11, cue="Selon", cue_start=0,
    ...                 cue_end=5, stance="reported", source_kind="government")
    >>> a.stance.value, a.source_kind.value
    ('reported', 'government')
    """

    start: int = attrs.field(validator=_INT)
    end: int = attrs.field(validator=_INT)
    text: str = attrs.field(validator=[_STR, _check_span])
    source: str
    source_start: int
    source_end: int
    cue: str
    cue_start: int
    cue_end: int
    stance: Stance = attrs.field(converter=Stance)
    source_kind: SourceKind = attrs.field(default=SourceKind.OTHER, converter=SourceKind)
    content_start: int | None = None
    content_end: int | None = None
    anaphoric: bool = False
    extractor: str = "attributions"
    rule: str = ""


@attrs.frozen(kw_only=True, repr=False)
class Claim:
    """One asserted proposition with its sources, figures, dates and certainty.

    Examples
    --------
    >>> c = Claim(start=0, end=4, text="Oui.")
    >>> c.stance.value, c.certainty
    ('unattributed', 0.0)
    >>> c
    <Claim unattributed certainty=0.00 'Oui.' @0:4>
    """

    start: int = attrs.field(validator=_INT)
    end: int = attrs.field(validator=_INT)
    text: str = attrs.field(validator=[_STR, _check_span])
    section: str | None = None
    attributions: tuple[Attribution, ...] = attrs.field(default=(), converter=_tup, repr=_count)
    quantities: tuple[Quantity, ...] = attrs.field(default=(), converter=_tup, repr=_count)
    dates: tuple[DateMention, ...] = attrs.field(default=(), converter=_tup, repr=_count)
    hedges: tuple[Hedge, ...] = attrs.field(default=(), converter=_tup, repr=_count)
    stance: Stance = attrs.field(default=Stance.UNATTRIBUTED, converter=Stance)
    certainty: float = attrs.field(default=0.0, converter=float)
    inherited: bool = False
    extractor: str = "claims"
    rule: str = ""

    def __repr__(self) -> str:
        """Short form: stance, sources, certainty, figure and date counts, text, offsets.

        Examples
        --------
        >>> a = Attribution(start=0, end=12, text="Selon Séoul,", source="Séoul",
        ...                 source_start=6, source_end=11, cue="Selon", cue_start=0,
        ...                 cue_end=5, stance="reported")
        >>> Claim(start=0, end=15, text="Selon Séoul, X.", attributions=[a],
        ...       stance="reported", certainty=0.6)
        <Claim reported by 'Séoul' certainty=0.60 'Selon Séoul, X.' @0:15>
        """
        parts = [f"<Claim {self.stance.value}"]
        if self.attributions:
            parts.append("by " + ", ".join(repr(a.source) for a in self.attributions))
        parts.append(f"certainty={self.certainty:.2f}")
        if self.quantities:
            parts.append(f"figures={len(self.quantities)}")
        if self.dates:
            parts.append(f"dates={len(self.dates)}")
        parts.append(f"{_short_text(self.text)} @{self.start}:{self.end}>")
        return " ".join(parts)


@attrs.frozen(kw_only=True)
class Article:
    """A parsed article: its text and every layer the pipeline extracted from it.

    Build one with :func:`osintparse.parse` (or :func:`osintparse.parse_html`, which
    also fills ``url`` and ``author``). All mentions' offsets point into :attr:`text`.
    In Jupyter an article displays as highlighted text (see
    :func:`osintparse.display.article_html`).

    Examples
    --------
    >>> import osintparse
    >>> a = osintparse.parse("Titre\\n\\nLe texte dit 3 choses.", lang="fr")
    >>> a.title, len(a.sentences)
    ('Titre', 2)
    >>> osintparse.from_dict(osintparse.to_dict(a)) == a
    True
    """

    #: Version of the dict form; see :data:`SCHEMA_VERSION`.
    schema_version: ClassVar[int] = SCHEMA_VERSION

    text: str = attrs.field(validator=_STR, repr=_short_text)
    lang: str | None = None
    published: _dt.date | None = attrs.field(default=None, converter=coerce_published)
    title: str | None = attrs.field(default=None, metadata={LAYER: True})
    paragraphs: tuple[Paragraph, ...] = _layer()
    sections: tuple[Section, ...] = _layer()
    sentences: tuple[Sentence, ...] = _layer()
    quantities: tuple[Quantity, ...] = _layer()
    dates: tuple[DateMention, ...] = _layer()
    attributions: tuple[Attribution, ...] = _layer()
    hedges: tuple[Hedge, ...] = _layer()
    claims: tuple[Claim, ...] = _layer()
    extras: Mapping[str, tuple[Mention, ...]] = attrs.field(factory=dict, hash=False, repr=_count)
    id: str | None = None
    url: str | None = None
    author: str | None = None

    @property
    def body_sentences(self) -> tuple[Sentence, ...]:
        """The sentences of body paragraphs (no title, headings or boilerplate).

        Examples
        --------
        >>> import osintparse
        >>> a = osintparse.parse("Titre\\n\\nUne phrase. Deux.", lang="fr")
        >>> [s.text for s in a.body_sentences]
        ['Une phrase.', 'Deux.']
        """
        return tuple(s for s in self.sentences if s.kind is ParagraphKind.BODY)

    def mentions(self) -> tuple[Any, ...]:
        """Every span-like record of the article, in layer order, custom layers last.

        Examples
        --------
        >>> import osintparse
        >>> a = osintparse.parse("Titre\\n\\nUne phrase.", lang="fr")
        >>> all(a.text[m.start:m.end] == m.text for m in a.mentions())
        True
        """
        out: list[Any] = []
        for field in attrs.fields(Article):
            value = getattr(self, field.name)
            if field.metadata.get(LAYER) and isinstance(value, tuple):
                out.extend(value)
        for layer in self.extras.values():
            out.extend(layer)
        return tuple(out)

    def _repr_html_(self) -> str:
        """Return the HTML view Jupyter shows: see :func:`osintparse.display.article_html`.

        Examples
        --------
        >>> import osintparse
        >>> osintparse.parse("Titre", lang="fr")._repr_html_().startswith("<div")
        True
        """
        from osintparse.display import article_html

        return article_html(self)
