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
from typing import Any, ClassVar, TypeVar

import attrs

from osintparse._records import record_repr
from osintparse.errors import InvalidPublishedError

__all__ = [
    "LAYER",
    "SCHEMA_VERSION",
    "STRUCTURE",
    "Anchor",
    "Article",
    "Aspect",
    "Attribution",
    "Claim",
    "DateKind",
    "DateMention",
    "DayPart",
    "DocumentKind",
    "Hedge",
    "Mention",
    "Modifier",
    "Paragraph",
    "ParagraphKind",
    "Place",
    "PlaceKind",
    "PlaceRole",
    "Precision",
    "Qualifier",
    "Quantity",
    "Section",
    "Sentence",
    "SourceKind",
    "Stance",
]

#: Version of the serialised form written by :func:`osintparse.to_dict` (3 added
#: :attr:`Article.skipped`).
SCHEMA_VERSION = 3


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


# How each bounding qualifier is written before an amount (Quantity.figure).
_SIGNS = {
    Qualifier.MORE_THAN: ">",
    Qualifier.AT_LEAST: "≥",
    Qualifier.LESS_THAN: "<",
    Qualifier.AT_MOST: "≤",
    Qualifier.APPROXIMATE: "~",
}


class Aspect(enum.StrEnum):
    """What a figure counts over time: a running total, an increment, or a rate.

    "le bilan s'alourdit à 120" is ``TOTAL``, "12 more" ``INCREMENT``, "40 drones a day"
    ``RATE`` (with :attr:`Quantity.rate_unit`).

    Examples
    --------
    >>> Aspect("rate") is Aspect.RATE
    True
    """

    TOTAL = "total"
    INCREMENT = "increment"
    RATE = "rate"


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
    #: The source asks, urges, demands or wants the content to happen, and vouches for
    #: nothing being true ("calls for a ceasefire", "appelle à la retenue").
    REQUESTED = "requested"
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


class DocumentKind(enum.StrEnum):
    """The kind of document or data an attribution's source is ("selon un rapport de l'ONU").

    Examples
    --------
    >>> DocumentKind("survey").value
    'survey'
    """

    REPORT = "report"
    STUDY = "study"
    SURVEY = "survey"
    DATA = "data"
    STATEMENT = "statement"
    FORECAST = "forecast"
    IMAGES = "images"
    DOCUMENT = "document"
    POST = "post"


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
    QUARTER = "quarter"
    SEASON = "season"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"


class DateKind(enum.StrEnum):
    """What a date mention refers to: a calendar period, or a vague reference.

    ``DATE`` mentions have a calendar value (once anchored); the three vague references
    ("now", "récemment", "soon") have none: they name the present, some past or some
    future as seen from the publication, as TimeML's ``PRESENT_REF``, ``PAST_REF`` and
    ``FUTURE_REF`` do.

    Examples
    --------
    >>> DateKind("present_ref").timex
    'PRESENT_REF'
    """

    DATE = "date"
    PRESENT_REF = "present_ref"
    PAST_REF = "past_ref"
    FUTURE_REF = "future_ref"

    @property
    def timex(self) -> str:
        """The TIMEX3 value of a vague reference (``""`` for ``DATE``)."""
        return "" if self is DateKind.DATE else self.value.upper()


class Modifier(enum.StrEnum):
    """A part of or an approximation to a period, as TimeML's ``mod`` attribute.

    "fin avril", "late November" and "the late 1970s" are ``END`` (the value is the
    part, the precision the whole period); "début 2024", "early next year" ``START``;
    "mi-août", "mid-1990s" ``MID``; "around Nov. 1", "vers 2010" ``APPROX``.

    Examples
    --------
    >>> Modifier("end").timeml
    'END'
    """

    START = "start"
    MID = "mid"
    END = "end"
    APPROX = "approx"

    @property
    def timeml(self) -> str:
        """The TimeML ``mod`` value."""
        return self.value.upper()


class DayPart(enum.StrEnum):
    """A part of a day named with it: "Thursday morning", "mardi soir", "la nuit de".

    Examples
    --------
    >>> DayPart("night").timex
    'NI'
    """

    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"
    NIGHT = "night"

    @property
    def timex(self) -> str:
        """The TIMEX3 code of the part of day (``MO``, ``AF``, ``EV``, ``NI``)."""
        return {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}[self.value]


class Anchor(enum.StrEnum):
    """What a relative date was resolved from.

    ``PUBLISHED``: the publication date; ``DATELINE``: a date of the article's first
    lines, used when no publication date is given; ``MENTION``: an earlier date of the
    same paragraph ("le lendemain", "a year earlier"), whose offsets are the mention's
    ``anchor_start`` and ``anchor_end``.

    Examples
    --------
    >>> Anchor("dateline").value
    'dateline'
    """

    PUBLISHED = "published"
    DATELINE = "dateline"
    MENTION = "mention"


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
    #: Where and when the article was filed ("Kiev, le 12 mars 2025."), metadata.
    DATELINE = "dateline"
    #: Who wrote the article ("Par Jean Dupont"), metadata.
    BYLINE = "byline"


class PlaceKind(enum.StrEnum):
    """What kind of feature a place is (GeoNames' feature classes, coarsened).

    ``REGION`` is a first-level administrative region (a US state, a French région,
    an oblast); ``AREA`` another named area (Donbas, the Gaza Strip).

    Examples
    --------
    >>> PlaceKind("country") is PlaceKind.COUNTRY
    True
    """

    COUNTRY = "country"
    REGION = "region"
    CITY = "city"
    AREA = "area"


class PlaceRole(enum.StrEnum):
    """What a place mention does in its sentence.

    ``LOCATION``: where something happens ("en Russie", "à Koursk"). ``ACTOR``: a
    country or capital standing for its government ("la Russie a déclaré", "Selon
    Séoul"). ``NATIONALITY``: a demonym or adjective ("militaires nord-coréens",
    "North Korean troops") naming the country of the noun it modifies.

    Examples
    --------
    >>> [r.value for r in PlaceRole]
    ['location', 'actor', 'nationality']
    """

    LOCATION = "location"
    ACTOR = "actor"
    NATIONALITY = "nationality"


def _check_span(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    """``start``, ``end`` and ``text`` of a span: their types and that they agree (one
    validator, not one per field: building records is most of a parse of short lines)."""
    start, end = instance.start, instance.end
    if type(start) is not int or type(end) is not int or type(value) is not str:
        for name, field, kind in (("start", start, int), ("end", end, int), ("text", value, str)):
            if not isinstance(field, kind):
                raise TypeError(
                    f"'{name}' must be {kind!r} (got {field!r} that is a {type(field)!r})."
                )
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


def _grouped(x: float) -> str:
    """``10000`` as ``"10 000"``; a fraction as written by ``%g``."""
    return f"{int(x):,}".replace(",", " ") if x == int(x) else f"{x:g}"


def _opt_float(value: Any) -> float | None:
    return None if value is None else float(value)


def _chains(value: Iterable[Iterable[Any]]) -> tuple[tuple[Any, ...], ...]:
    # Shared as it is when it already is a tuple of tuples: claims that inherit their
    # sources share one tuple of chains (copying it for each would be quadratic).
    if isinstance(value, tuple) and all(isinstance(c, tuple) for c in value[:1]):
        return value
    return tuple(tuple(chain) for chain in value)


def _optional_document(value: Any) -> DocumentKind | None:
    return None if value is None else DocumentKind(value)


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
#: one list of layers (:mod:`osintparse.layers`) is read from these fields. Its value is
#: :data:`STRUCTURE` for the layers of the article's structure, True for the others.
LAYER = "osintparse.layer"
#: The :data:`LAYER` value of a structure layer (title, paragraphs, sections, sentences):
#: the pipeline keeps these when the work budget skips the other extractors.
STRUCTURE = "structure"


def _layer(kind: bool | str = True) -> Any:
    """An Article field holding a layer: a tuple of records."""
    return attrs.field(default=(), converter=_tup, repr=_count, metadata={LAYER: kind})


# Converters that pass a member through: ``Cls(member)`` is an enum lookup costing a tenth
# of the time of building a record.
# One named function per enum, not a factory: mypy's attrs plugin accepts only named
# functions, types and lambdas as converters (a factory's result fails ``mypy --strict``).


def _to_paragraph_kind(value: ParagraphKind | str) -> ParagraphKind:
    return value if type(value) is ParagraphKind else ParagraphKind(value)


def _to_qualifier(value: Qualifier | str) -> Qualifier:
    return value if type(value) is Qualifier else Qualifier(value)


def _to_precision(value: Precision | str) -> Precision:
    return value if type(value) is Precision else Precision(value)


def _to_date_kind(value: DateKind | str) -> DateKind:
    return value if type(value) is DateKind else DateKind(value)


def _to_place_role(value: PlaceRole | str) -> PlaceRole:
    return value if type(value) is PlaceRole else PlaceRole(value)


def _to_stance(value: Stance | str) -> Stance:
    return value if type(value) is Stance else Stance(value)


def _to_source_kind(value: SourceKind | str) -> SourceKind:
    return value if type(value) is SourceKind else SourceKind(value)


_R = TypeVar("_R")
_C = TypeVar("_C", bound=type)


def _text_from_source(cls: _C) -> _C:
    """Make ``cls.text`` read its span of the article text when the record holds the article.

    A record of the structure (paragraph, section, sentence), a claim, a figure or an
    attribution made by the pipeline stores the article's text, shared, in its ``text``
    slot instead of a copy of its own span: a 10 MB article's structure alone would
    otherwise hold its text three times over (about 50 MB). ``text`` is then
    ``source[start:end]``, sliced when read; a record built by hand
    (``Sentence(start=0, end=4, text="Oui.")``) stores its own text, checked as before.
    Equality, hashing, pickling, :func:`attrs.evolve` and serialisation read the
    attribute, so they see the span either way. A record kept alone keeps the article's
    text alive.
    """
    slot = cls.__dict__["text"]

    def get(self: Any) -> str:
        value: str = slot.__get__(self, cls)
        start, end = self.start, self.end
        return value if len(value) == end - start else value[start:end]

    cls.text = property(get, slot.__set__, doc="``article.text[start:end]``.")  # type: ignore[attr-defined]
    cls._stored_text = slot  # type: ignore[attr-defined]
    return cls


def _check_stored_span(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    """:func:`_check_span` of the ``text`` a record of :func:`_text_from_source` stores (not
    of the span its property reads: a longer text given by hand is an error, not sliced)."""
    _check_span(instance, attribute, type(instance)._stored_text.__get__(instance))


def _from_source(record: _R, source: str) -> _R:
    """``record`` (of a class decorated with :func:`_text_from_source`, built and checked
    with its own text) made to store ``source``, the article's text it is a span of,
    shared, in place of its own copy; returned.

    Private to the engines, which call it on the record they have just built, before
    anything else sees it: a record is never changed once it is out.

    Examples
    --------
    >>> text = "Un. Deux."
    >>> s = _from_source(Sentence(start=4, end=9, text=text[4:9]), text)
    >>> s.text, s == Sentence(start=4, end=9, text="Deux.")
    ('Deux.', True)
    """
    object.__setattr__(record, "text", source)
    return record


def _evolved(record: _R, **changes: Any) -> _R:
    """:func:`attrs.evolve` of ``record`` (of a class decorated with
    :func:`_text_from_source`) with its offsets unchanged, sharing the text it stores.

    Examples
    --------
    >>> text = "10 morts"
    >>> q = _from_source(Quantity(start=0, end=2, text="10", value=10), text)
    >>> r = _evolved(q, nationality="FR")
    >>> r.text, r.nationality, type(r)._stored_text.__get__(r) is text
    ('10', 'FR', True)
    """
    shared: str = type(record)._stored_text.__get__(record)  # type: ignore[attr-defined]
    new: _R = attrs.evolve(record, **changes)  # type: ignore[misc]
    return _from_source(new, shared)


_STR = attrs.validators.instance_of(str)


def _to_modifier(value: Any) -> Modifier | None:
    """``value`` as a :class:`Modifier`, ``None`` let through."""
    return None if value is None else Modifier(value)


def _to_day_part(value: Any) -> DayPart | None:
    """``value`` as a :class:`DayPart`, ``None`` let through."""
    return None if value is None else DayPart(value)


def _to_anchor(value: Any) -> Anchor | None:
    """``value`` as an :class:`Anchor`, ``None`` let through."""
    return None if value is None else Anchor(value)


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

    __repr__ = record_repr

    start: int
    end: int
    text: str = attrs.field(validator=_check_span)
    label: str = ""
    data: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
    extractor: str = ""
    rule: str = ""


@_text_from_source
@attrs.frozen(kw_only=True)
class Paragraph:
    """A block of the article: the title, a heading, a body paragraph or boilerplate.

    Examples
    --------
    >>> Paragraph(start=0, end=5, text="Titre", kind="title").kind
    <ParagraphKind.TITLE: 'title'>
    """

    __repr__ = record_repr

    start: int
    end: int
    text: str = attrs.field(validator=_check_stored_span)
    kind: ParagraphKind = attrs.field(converter=_to_paragraph_kind)
    section: int = 0
    rule: str = ""


@_text_from_source
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

    __repr__ = record_repr

    start: int
    end: int
    text: str = attrs.field(validator=_check_stored_span)
    heading: str | None = None
    heading_start: int | None = None
    heading_end: int | None = None


@_text_from_source
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

    __repr__ = record_repr

    start: int
    end: int
    text: str = attrs.field(validator=_check_stored_span)
    kind: ParagraphKind = attrs.field(converter=_to_paragraph_kind, default=ParagraphKind.BODY)
    paragraph: int = 0
    section: int = 0


@_text_from_source
@attrs.frozen(kw_only=True, repr=False)
class Quantity:
    """A figure: its value, bounds, qualifier, unit and the noun it counts.

    ``start``/``end``/``text`` cover the whole phrase ("plus de 10 000 militaires
    nord-coréens"); ``number_start``/``number_end`` the figure alone and
    ``noun_start``/``noun_end`` the counted noun phrase.

    ``event`` is the class of what happened to what is counted (``"killed"``,
    ``"deployed"``...; the classes are listed in ``lexicons/_common/events.toml``), found
    from a trigger word in the clause around the figure (``trigger``, whose span
    ``trigger_start``/``trigger_end`` may lie outside the phrase); ``None`` when no
    trigger is found (never a guess). ``part_of`` is the whole a part is taken from ("42
    des 58 drones": 58, whose figure is at ``whole_start``/``whole_end``; the part counts
    the whole's noun). ``aspect`` says whether the figure is a running total, an
    increment or a rate (per ``rate_unit``).

    Examples
    --------
    >>> q = Quantity(start=0, end=6, text="10 000", value=10000)
    >>> q.value, q.qualifier.value
    (10000.0, 'exact')
    >>> q
    <Quantity exact 10000 '10 000' @0:6>
    """

    start: int
    end: int
    text: str = attrs.field(validator=_check_stored_span)
    value: float = attrs.field(converter=float)
    low: float | None = attrs.field(default=None, converter=_opt_float)
    high: float | None = attrs.field(default=None, converter=_opt_float)
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, converter=_to_qualifier)
    unit: str | None = None
    noun: str | None = None
    number_start: int | None = None
    number_end: int | None = None
    noun_start: int | None = None
    noun_end: int | None = None
    part_of: float | None = attrs.field(default=None, converter=_opt_float)
    whole_start: int | None = None
    whole_end: int | None = None
    event: str | None = None
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    aspect: Aspect | None = attrs.field(default=None, converter=attrs.converters.optional(Aspect))
    rate_unit: str | None = None
    #: ISO 3166-1 alpha-2 code of the nationality the counted noun carries
    #: ("militaires nord-coréens" -> ``"KP"``), set by the places extractor.
    nationality: str | None = None
    extractor: str = "quantities"
    rule: str = ""

    @property
    def figure(self) -> str:
        """The amount as written, a range as its bounds and a bound with its sign, never a midpoint.

        ``"2 000–2 500"`` for "entre 2 000 et 2 500" (whose ``value`` is the midpoint
        2 250, a number the text does not give), ``">10 000"``, ``"≥5"``, ``"<3"``,
        ``"≤40"``, ``"~1 000"``, ``"12"``.

        Examples
        --------
        >>> Quantity(start=0, end=2, text="xx", value=2250, low=2000, high=2500,
        ...          qualifier="range").figure
        '2 000–2 500'
        >>> Quantity(start=0, end=2, text="xx", value=10000, qualifier="more_than").figure
        '>10 000'
        >>> Quantity(start=0, end=2, text="xx", value=1000, low=800, high=1200,
        ...          qualifier="approximate").figure
        '~1 000'
        """
        q = self.qualifier
        if q is Qualifier.RANGE and self.low is not None and self.high is not None:
            return f"{_grouped(self.low)}–{_grouped(self.high)}"
        return _SIGNS.get(q, "") + _grouped(self.value)

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
    mentions found without a publication date (or dateline) have ``relative=True,
    value=None``. Every field after ``rule`` is optional, so that records stored by
    earlier versions stay readable.

    Parameters
    ----------
    kind
        ``DATE``, or a vague reference with no value ("now": ``PRESENT_REF``).
    modifier
        The part of the period named ("fin avril": ``END``, the value the days from
        the 21st, the precision ``month``), or ``APPROX``.
    day_part
        The part of the day named with the date ("Thursday morning").
    anchor
        What a relative date was resolved from (``None`` for absolute dates and
        unresolved ones); ``anchor_start`` and ``anchor_end`` are the offsets of the
        mention that anchored it (the earlier date, or the dateline's date).
    dateline
        The date of a dateline ("WASHINGTON, March 12 (Xinhua) --"): the date the
        article was filed, not an event of its text.
    range_start, range_end
        For each end of a range ("2019" and "2023" of "entre 2019 et 2023"), the
        offsets of the range mention, which is also in the layer.

    Examples
    --------
    >>> import datetime
    >>> d = DateMention(start=0, end=10, text="avril 2025",
    ...                 value=datetime.date(2025, 4, 1), precision="month")
    >>> d.precision.value, d.timex
    ('month', '2025-04')
    """

    __repr__ = record_repr

    start: int
    end: int
    text: str = attrs.field(validator=_check_span)
    value: _dt.date | None = None
    value_end: _dt.date | None = None
    precision: Precision = attrs.field(default=Precision.DAY, converter=_to_precision)
    relative: bool = False
    extractor: str = "dates"
    rule: str = ""
    kind: DateKind = attrs.field(default=DateKind.DATE, converter=_to_date_kind)
    modifier: Modifier | None = attrs.field(default=None, converter=_to_modifier)
    day_part: DayPart | None = attrs.field(default=None, converter=_to_day_part)
    anchor: Anchor | None = attrs.field(default=None, converter=_to_anchor)
    anchor_start: int | None = None
    anchor_end: int | None = None
    dateline: bool = False
    range_start: int | None = None
    range_end: int | None = None

    @property
    def timex(self) -> str | None:
        """The TIMEX3 ``value`` string of the mention (``None`` without a value).

        The period of ``value`` at ``precision``: ``2025-04-03`` (with a part of day
        ``2025-04-03TNI``; a Saturday-Sunday period ``2025-W14-WE``), ``2025-W14``
        (ISO week), ``2025-04``, ``2025-Q2``, ``2025-SU`` (season), ``2025-H1``,
        ``2025``, ``202`` (decade); ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF`` for
        vague references. A range renders as its first end (each end is also its own
        mention); a modifier is not part of the value (TimeML's ``mod``).

        Examples
        --------
        >>> import datetime
        >>> q = DateMention(start=0, end=2, text="Q3", precision="quarter",
        ...                 value=datetime.date(2024, 7, 1))
        >>> q.timex
        '2024-Q3'
        >>> DateMention(start=0, end=3, text="now", kind="present_ref").timex
        'PRESENT_REF'
        """
        if self.kind is not DateKind.DATE:
            return self.kind.timex
        if self.value is None:
            return None
        return _timex(self.value, self.value_end, self.precision, self.day_part)


def _timex(
    value: _dt.date, value_end: _dt.date | None, precision: Precision, part: DayPart | None
) -> str:
    """The TIMEX3 value of the period of ``value`` at ``precision``."""
    y = f"{value.year:04d}"
    if precision is Precision.DAY:
        weekend = value.weekday() == 5 and value_end == value + _dt.timedelta(days=1)
        if weekend:
            iso_year, week, _ = value.isocalendar()
            return f"{iso_year:04d}-W{week:02d}-WE"
        day = f"{y}-{value.month:02d}-{value.day:02d}"
        return day if part is None else f"{day}T{part.timex}"
    if precision is Precision.WEEK:
        iso_year, week, _ = value.isocalendar()
        return f"{iso_year:04d}-W{week:02d}"
    by_month = {
        Precision.MONTH: f"-{value.month:02d}",
        Precision.QUARTER: f"-Q{(value.month + 2) // 3}",
        Precision.SEASON: f"-{_SEASON_CODES[(value.month % 12) // 3]}",
        Precision.HALF: f"-H{1 if value.month <= 6 else 2}",
    }
    if precision is Precision.DECADE:
        return y[:3]
    return y + by_month.get(precision, "")


# TimeML season codes by (month % 12) // 3: winter from December, spring from March...
_SEASON_CODES = ("WI", "SP", "SU", "FA")


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

    __repr__ = record_repr

    start: int
    end: int
    text: str = attrs.field(validator=_check_span)
    effect: float = attrs.field(default=0.0, converter=float)
    extractor: str = "attributions"
    rule: str = ""


def _opt_kind(value: Any) -> PlaceKind | None:
    return None if value is None else PlaceKind(value)


@attrs.frozen(kw_only=True, repr=False)
class Place:
    """A place or nationality named in the text, resolved to a gazetteer entry.

    ``start``/``end``/``text`` are the name as written ("Corée du Nord",
    "nord-coréens"). When the name is ambiguous and nothing in the article decides,
    the place is ``unresolved``: ``candidates`` lists the gazetteer ids it may be and
    the resolved fields (``id``, ``name``, ``country``...) stay ``None``.

    Parameters
    ----------
    id
        Gazetteer id: ``"geonames:<id>"`` for a GeoNames feature, ``"iso3166-2:<code>"``
        for a first-level region without one, ``"area:<key>"`` for a named area of the
        lexicon data without one.
    name
        Canonical name (GeoNames' English name).
    kind
        Country, first-level region, city or other named area.
    country
        ISO 3166-1 alpha-2 code of the country it is in (or is).
    lat, lon
        A representative point (WGS 84 degrees), ``None`` when the source has none.
    role
        ``location``, ``actor`` or ``nationality`` (see :class:`PlaceRole`).
    capital
        True for a country's capital city.
    relation, relation_start, relation_end
        A relational phrase the place is part of, kept as text: its kind
        (``"border"``, ``"between"``, ``"north"``...) and its span ("à la frontière
        entre la Russie et l'Ukraine", "à 30 km au nord de Kharkiv").
    head_start, head_end
        For a nationality, the noun it modifies ("militaires" in "militaires
        nord-coréens").
    rule
        The rules that found, resolved and placed it, joined with ``+``
        (``"name+one-entry+locative:en"``).

    Examples
    --------
    >>> p = Place(start=3, end=9, text="Russie", id="geonames:2017370", name="Russia",
    ...           kind="country", country="RU", lat=61.5, lon=105.3, role="location")
    >>> p.role.value, p.geonames_id
    ('location', 2017370)
    >>> p
    <Place location country RU 'Russie' @3:9>
    """

    start: int
    end: int
    text: str = attrs.field(validator=_check_span)
    id: str | None = None
    name: str | None = None
    kind: PlaceKind | None = attrs.field(default=None, converter=_opt_kind)
    country: str | None = None
    lat: float | None = attrs.field(default=None, converter=_opt_float)
    lon: float | None = attrs.field(default=None, converter=_opt_float)
    role: PlaceRole = attrs.field(default=PlaceRole.LOCATION, converter=_to_place_role)
    capital: bool = False
    unresolved: bool = False
    candidates: tuple[str, ...] = attrs.field(default=(), converter=_tup)
    relation: str | None = None
    relation_start: int | None = None
    relation_end: int | None = None
    head_start: int | None = None
    head_end: int | None = None
    extractor: str = "places"
    rule: str = ""

    @property
    def geonames_id(self) -> int | None:
        """The GeoNames id, when the gazetteer id is one.

        Examples
        --------
        >>> Place(start=0, end=6, text="Donbas", id="area:donbas").geonames_id is None
        True
        """
        if self.id is None or not self.id.startswith("geonames:"):
            return None
        return int(self.id.partition(":")[2])

    def __repr__(self) -> str:
        """Short form: role, kind, country (or ``unresolved``), text and offsets.

        Examples
        --------
        >>> Place(start=0, end=5, text="Paris", unresolved=True)
        <Place location unresolved 'Paris' @0:5>
        """
        what = "unresolved" if self.unresolved else f"{self.kind or '?'} {self.country or '?'}"
        return f"<Place {self.role.value} {what} {_short_text(self.text)} @{self.start}:{self.end}>"


@_text_from_source
@attrs.frozen(kw_only=True)
class Attribution:
    """Who says something, with which cue, and how sure.

    ``start``/``end``/``text`` cover the attribution phrase (the source's whole noun
    phrase and the cue); ``source_*``, ``cue_*`` and ``content_*`` locate the source as
    an analyst names it, the cue and the attributed proposition. ``negated`` marks a
    negated cue ("has not said"); ``channel_*`` where it was said ("told Reuters", "in
    an interview with CNN"), never the source; ``role_*`` the source's apposition ("a
    spokesman for the ministry"); ``resolved_*`` the named source a pronoun source
    stands for; ``document`` the kind of document the source is or issued ("a report
    by the UN") and ``document_start``/``document_end`` its words ("report" in "A
    report by Human Rights Watch found", whose source is the issuer; "statement" in "said
    in a statement"); ``parent`` the index (in the article's ``attributions``) of the
    attribution this one is reported through ("selon l'AFP, qui cite le ministère").

    Examples
    --------
    >>> a = Attribution(start=0, end=12, text="Selon Séoul,", source="Séoul",
    ...                 source_start=6, source_end=11, cue="Selon", cue_start=0,
    ...                 cue_end=5, stance="reported", source_kind="government")
    >>> a.stance.value, a.source_kind.value
    ('reported', 'government')
    """

    __repr__ = record_repr

    start: int
    end: int
    text: str = attrs.field(validator=_check_stored_span)
    source: str
    source_start: int
    source_end: int
    cue: str
    cue_start: int
    cue_end: int
    stance: Stance = attrs.field(converter=_to_stance)
    source_kind: SourceKind = attrs.field(default=SourceKind.OTHER, converter=_to_source_kind)
    content_start: int | None = None
    content_end: int | None = None
    anaphoric: bool = False
    extractor: str = "attributions"
    rule: str = ""
    negated: bool = False
    channel: str = ""
    channel_start: int | None = None
    channel_end: int | None = None
    role: str = ""
    role_start: int | None = None
    role_end: int | None = None
    resolved: str | None = None
    resolved_start: int | None = None
    resolved_end: int | None = None
    document: DocumentKind | None = attrs.field(default=None, converter=_optional_document)
    document_start: int | None = None
    document_end: int | None = None
    parent: int | None = None

    @property
    def nested(self) -> bool:
        """True when the attribution is reported through another one (``parent``).

        Examples
        --------
        >>> a = Attribution(start=0, end=9, text="X a dit :", source="X", source_start=0,
        ...                 source_end=1, cue="a dit", cue_start=2, cue_end=7,
        ...                 stance="asserted", parent=0)
        >>> a.nested
        True
        """
        return self.parent is not None


@_text_from_source
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

    start: int
    end: int
    text: str = attrs.field(validator=_check_stored_span)
    section: str | None = None
    attributions: tuple[Attribution, ...] = attrs.field(default=(), converter=_tup, repr=_count)
    quantities: tuple[Quantity, ...] = attrs.field(default=(), converter=_tup, repr=_count)
    dates: tuple[DateMention, ...] = attrs.field(default=(), converter=_tup, repr=_count)
    hedges: tuple[Hedge, ...] = attrs.field(default=(), converter=_tup, repr=_count)
    #: The places named in the claim (from the ``places`` layer), in text order.
    places: tuple[Place, ...] = attrs.field(default=(), converter=_tup, repr=_count)
    stance: Stance = attrs.field(default=Stance.UNATTRIBUTED, converter=_to_stance)
    certainty: float = attrs.field(default=0.0, converter=float)
    inherited: bool = False
    #: True for a title or heading that asks a question, which asserts nothing (no
    #: stance of its own, certainty 0).
    question: bool = False
    extractor: str = "claims"
    rule: str = ""
    #: The provenance chains of the claim. For each of its sources that reports no other,
    #: the attributions from the one nearest the journalist down to it ("selon l'AFP, qui
    #: cite le ministère" gives one chain, AFP then ministère).
    chains: tuple[tuple[Attribution, ...], ...] = attrs.field(
        default=(), converter=_chains, repr=_count
    )

    @property
    def provenance(self) -> str:
        """The chains as text, from the article down ("article > AFP > ministère").

        Examples
        --------
        >>> a = Attribution(start=0, end=12, text="Selon Séoul,", source="Séoul",
        ...                 source_start=6, source_end=11, cue="Selon", cue_start=0,
        ...                 cue_end=5, stance="reported")
        >>> Claim(start=0, end=15, text="Selon Séoul, X.", chains=[[a]]).provenance
        'article > Séoul'
        """
        return "; ".join(
            " > ".join(["article", *(a.resolved or a.source or "?" for a in chain)])
            for chain in self.chains
        )

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

    __repr__ = record_repr

    #: Version of the dict form; see :data:`SCHEMA_VERSION`.
    schema_version: ClassVar[int] = SCHEMA_VERSION

    text: str = attrs.field(validator=_STR, repr=_short_text)
    lang: str | None = None
    published: _dt.date | None = attrs.field(default=None, converter=coerce_published)
    title: str | None = attrs.field(default=None, metadata={LAYER: STRUCTURE})
    paragraphs: tuple[Paragraph, ...] = _layer(STRUCTURE)
    sections: tuple[Section, ...] = _layer(STRUCTURE)
    sentences: tuple[Sentence, ...] = _layer(STRUCTURE)
    quantities: tuple[Quantity, ...] = _layer()
    dates: tuple[DateMention, ...] = _layer()
    attributions: tuple[Attribution, ...] = _layer()
    hedges: tuple[Hedge, ...] = _layer()
    places: tuple[Place, ...] = _layer()
    claims: tuple[Claim, ...] = _layer()
    extras: Mapping[str, tuple[Mention, ...]] = attrs.field(factory=dict, hash=False, repr=_count)
    id: str | None = None
    url: str | None = None
    author: str | None = None
    #: The extractors the pipeline did not run on this article because its work exceeded
    #: the budget (``parse(..., budget=...)``, :data:`osintparse.pipeline.WORK_BUDGET`): their
    #: layers are empty because they were not searched, not because nothing was found.
    #: Empty for a complete parse.
    skipped: tuple[str, ...] = attrs.field(default=(), converter=_tup)

    @property
    def complete(self) -> bool:
        """Whether every extractor of the pipeline ran (:attr:`skipped` is empty).

        Examples
        --------
        >>> import osintparse
        >>> osintparse.parse("Une phrase.", lang="fr").complete
        True
        >>> Article(text="x", skipped=["claims"]).complete
        False
        """
        return not self.skipped

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
