"""The attribution lexicons of one language, compiled once (cached) for matching.

Reads ``attributions.toml`` (cues), ``sources.toml`` (source kinds and noun phrase
grammar) and the ``[noun_phrase]`` and ``[attributions]`` typology of
``language.toml``, and builds:

* one combined cue pattern, an alternative per rule of :data:`CUE_KINDS` (how a cue
  is written: passive, compound tense, finite form, preposition), each a trie;
* lookup tables from a matched form to its lexicon entry (:class:`CueEntry`);
* the source-kind term index and the noun phrase grammar (:class:`SourceLexicon`).

Examples
--------
>>> lex = cue_lexicon("fr")
>>> m = lex.cues.search("Pyongyang a officiellement confirmé l'envoi")
>>> m.group(), m.lastgroup, lex.kinds["compound"][key(m.group("compound"))].lemma
('a officiellement confirmé', 'compound', 'confirmer')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs
import regex

from osintparse import lexicons
from osintparse._cache import once
from osintparse._patterns import (
    GAP,
    GAP0,
    LazyPattern,
    Prefilter,
    RuleTable,
    Source,
    alternation,
    lazy,
    word_key,
)
from osintparse._records import record_repr
from osintparse._regexcode import compile_pattern
from osintparse.errors import LexiconError
from osintparse.model import DocumentKind, SourceKind, Stance

__all__ = [
    "COMPLEMENTS",
    "CUE_KINDS",
    "TOKEN",
    "CueEntry",
    "CueLexicon",
    "CueShape",
    "NounReadings",
    "SourceLexicon",
    "VerbForms",
    "compile_words",
    "cue_lexicon",
    "key",
    "rules_of",
    "tokens",
]

#: Apostrophes ending an elided word, glued to the next ("vient d'annoncer").
_ELISION = ("'", "\u2019")
#: Word boundaries used around every cue: a hyphen glues words ("selon-moi").
BEFORE = r"\m(?<!-)"
AFTER = r"(?!\w|-)"
#: A word token: a percentage ("42%", "3.5%": "42% say"), a number with digit groups
#: ("1,000", "2.000", "10\u202f000"), an abbreviation with dots ("U.S."), or letters and
#: digits with inner hyphens, the last part possibly an abbreviation ("D-N.Y.").
TOKEN = compile_pattern(
    r"\d+(?:[.,]\d+)?%"
    r"|\d{1,3}(?:[,.\u00a0\u202f]\d{3})+(?!\d)|(?:\w\.){2,}|\w+(?:-(?:(?:\w\.){2,}|\w+))*",
    flags=regex.V1,
)


_F = TypeVar("_F", bound=Callable[..., Any])


@once
def _snapshot(table: RuleTable[Any]) -> tuple[Any, ...]:
    return tuple(rule.fn for rule in table)


def rules_of(table: RuleTable[_F]) -> tuple[_F, ...]:
    """Return the functions of ``table`` in order, once (tables are filled at import).

    Examples
    --------
    >>> [f.__name__ for f in rules_of(CUE_KINDS)][-4:]
    ['_finite', '_gerund', '_view', '_noun']
    """
    fns: tuple[_F, ...] = _snapshot(table)
    return fns


def key(form: str) -> str:
    """Return the lookup key of a matched form: case-folded, single-spaced.

    Examples
    --------
    >>> key("A  Déclaré")
    'a déclaré'
    """
    return word_key(form)


def _pairs(
    phrases: Iterable[str],
    where: str = "postmodifiers",
    hint: str = "an adjective and the preposition after it, such as 'familiar with'",
) -> frozenset[tuple[str, str]]:
    """The (first word, second word) keys of two-word phrases (``postmodifiers``,
    ``origins``)."""
    out = set()
    for phrase in phrases:
        words = phrase.split()
        if len(words) != 2:
            raise LexiconError(
                f"sources.toml noun_phrase.{where}: {phrase!r} is not two words; write {hint}"
            )
        out.add((key(words[0]), key(words[1])))
    return frozenset(out)


def keys(words: Iterable[str]) -> frozenset[str]:
    """Return the set of lookup keys of ``words``.

    Examples
    --------
    >>> sorted(keys(["Selon", "selon ", "D'après"]))
    ["d'après", 'selon']
    """
    return frozenset(key(w) for w in words)


def tokens(text: str) -> list[str]:
    """Split a lexicon term into the words :func:`key` and the matcher use.

    Examples
    --------
    >>> tokens("U.S. Defense Ministry")
    ['U.S.', 'Defense', 'Ministry']
    """
    return TOKEN.findall(text)


def compile_words(words: Iterable[str]) -> LazyPattern:
    """Compile a case-insensitive pattern matching any of ``words`` as whole words.

    Examples
    --------
    >>> compile_words(["on condition of anonymity"]).search("x, on condition of  anonymity").group()
    'on condition of  anonymity'
    """
    return lazy(BEFORE + alternation(keys(words)) + AFTER, regex.IGNORECASE | regex.V1)


#: What may follow a verb cue: a clause (a complementizer, a quotation, or the verb after
#: its content), an infinitive, an object, or nothing.
COMPLEMENTS = frozenset({"clause", "infinitive", "object", "bare"})


@attrs.frozen(eq=False)
class CueEntry:
    """A cue entry of the lexicon: a reporting verb or a preposition, and how it reads.

    ``lemma`` is the entry's name in ``attributions.toml``, the part after the colon of
    an attribution's ``rule``.

    Examples
    --------
    >>> v = cue_lexicon("en").finite["said"]
    >>> v.lemma, v.stance.value, v.passive_stance.value
    ('say', 'asserted', 'reported')
    """

    __repr__ = record_repr

    lemma: str
    stance: Stance
    needs_clause: bool = False
    frame: str | None = None
    frame_gap: int = 0
    passive_stance: Stance | None = None
    recipient: bool = False
    #: With an object, the subject must name a source by itself (``object_source``).
    object_source: bool = False
    cue_class: str = ""
    open_subject: bool = False
    complements: frozenset[str] = COMPLEMENTS
    cites: str = ""
    people: bool = True
    speaker: bool = True
    frame_optional: bool = False
    labels: bool = False
    #: Any noun phrase is the subject when this word follows the object ("accuse X of").
    open_with: str = ""
    initial: bool = False
    document: str = ""

    def takes(self, complement: str) -> bool:
        """True when the verb may be read with ``complement`` (one of :data:`COMPLEMENTS`).

        Examples
        --------
        >>> cue_lexicon("en").finite["added"].takes("object")
        False
        """
        return complement in self.complements


@attrs.frozen(eq=False, repr=False)
class VerbForms:
    """What the cue kinds are written from: the lexicon's data and forms, auxiliaries.

    ``forms`` maps each form type (a key of the conjugation classes: ``finite``,
    ``participle``) to the forms of that type and their entries; ``data`` is
    ``attributions.toml`` as loaded, for a cue kind reading a table of its own.

    Examples
    --------
    >>> f = cue_lexicon("en").verb_forms
    >>> f.forms["finite"]["said"].lemma, f.prepositions["according to"].stance.value
    ('say', 'reported')
    """

    data: Mapping[str, Any]
    forms: Mapping[str, Mapping[str, CueEntry]]
    prepositions: Mapping[str, CueEntry]
    active: str
    passive: str
    between: str
    progressive: str = "(?!)"
    plural_endings: tuple[str, ...] = ()
    #: The optional inverted subject pronoun after a finite verb or an auxiliary
    #: (``inversion``: "dit-il", "a-t-il ajouté"); "" in a language without one.
    inversion: str = ""
    #: The infinitive of each verb (its lemma, frames aside) and what must stand before it for
    #: it to be a cue: a lookbehind of ``auxiliaries.infinitive_lead_ins`` ("(?!)" without).
    infinitives: Mapping[str, CueEntry] = attrs.field(factory=dict)
    lead_in: str = "(?!)"


@attrs.frozen(eq=False)
class CueShape:
    """How one kind of cue is written: a pattern and the forms it looks up.

    ``pattern`` is one alternative of the combined cue pattern; it holds one named
    group, named after the kind, around the text whose :func:`key` is looked up in
    ``forms``. A cue made of words (``word``) must start and end a word; the others
    (punctuation: a colon before a quotation) are tried after them. ``openers`` are
    the words a match opens with (only their first tokens count; None: the keys of
    ``forms``): the pattern is only tried where a token of the text opens one of them
    (:class:`~osintparse._patterns.Prefilter`).

    Examples
    --------
    >>> CueShape("(?P<prep>selon)", {}).pattern
    '(?P<prep>selon)'
    """

    __repr__ = record_repr

    pattern: str
    forms: Mapping[str, CueEntry]
    word: bool = True
    openers: tuple[str, ...] | None = None
    template: str | None = None

    @property
    def opening_words(self) -> tuple[str, ...]:
        """The words a match opens with: ``openers``, else the keys of ``forms``."""
        return tuple(self.forms) if self.openers is None else self.openers

    @classmethod
    def listed(cls, kind: str, forms: Mapping[str, CueEntry], suffix: str = "") -> CueShape:
        """A cue that is one of ``forms``, then ``suffix`` (a pattern): the scan compiles the
        forms of each token of a text as it meets them (``template``: the pattern, "{}" for
        the forms).

        Examples
        --------
        >>> shape = CueShape.listed("view", {"avis": CueEntry("avis", Stance.ESTIMATED)})
        >>> shape.pattern, shape.template
        ('(?P<view>(?:avis))', '(?P<view>{})')
        """
        braced = suffix.replace("{", "{{").replace("}", "}}")
        return cls(
            f"(?P<{kind}>{alternation(forms)}){suffix}",
            forms,
            template=f"(?P<{kind}>{{}}){braced}",
        )

    @property
    def alternative(self) -> str:
        """The pattern as an alternative of the combined cue pattern."""
        return self._alternative(self.pattern)

    def _alternative(self, pattern: str) -> str:
        return BEFORE + "(?:" + pattern + ")" + AFTER if self.word else pattern

    def source(self) -> Source:
        """The pattern source the scan compiles (:data:`~osintparse._patterns.Source`)."""
        template = self.template
        if template is None:
            return self.alternative
        return lambda words: self._alternative(template.format(alternation(words)))


#: The kinds of cue, in the order their alternatives are tried at one position.
CUE_KINDS: RuleTable[Callable[[VerbForms], CueShape]] = RuleTable("attribution cue kinds")


@CUE_KINDS.rule("prep")
def _prep(f: VerbForms) -> CueShape:
    """A preposition introducing the source: "selon", "d'après", "according to"."""
    return CueShape.listed("prep", f.prepositions)


@CUE_KINDS.rule("colon")
def _colon(f: VerbForms) -> CueShape:
    """A colon after a speaker's name opening the sentence: "PENCE: Well, ..."."""
    entry = CueEntry(lemma=":", stance=_stance(f.data["colon"]["stance"], "colon.stance"))
    return CueShape("(?P<colon>:)", {":": entry}, word=False)


def _auxiliaries(f: VerbForms, kind: str) -> tuple[str, ...]:
    """The auxiliaries of ``kind`` (``attributions.toml auxiliaries``), which open a cue."""
    return tuple(f.data["auxiliaries"][kind])


@CUE_KINDS.rule("passive")
def _passive(f: VerbForms) -> CueShape:
    """Passive auxiliary, up to two adverbs, past participle: "a été confirmé", "is believed"."""
    parts = f.forms["participle"]
    return CueShape(
        f"{f.passive}{f.between}(?P<passive>{alternation(parts)})",
        parts,
        openers=_auxiliaries(f, "passive"),
    )


@CUE_KINDS.rule("compound")
def _compound(f: VerbForms) -> CueShape:
    """Active auxiliary, its inverted pronoun ("a-t-il"), up to two adverbs, past participle:
    "a officiellement confirmé", "a-t-il ajouté"."""
    parts = f.forms["participle"]
    return CueShape(
        f"{f.active}{f.inversion}{f.between}(?P<compound>{alternation(parts)})",
        parts,
        openers=_auxiliaries(f, "active"),
    )


@CUE_KINDS.rule("progressive")
def _progressive(f: VerbForms) -> CueShape:
    """Progressive auxiliary, up to two adverbs, gerund: "is saying", "were calling for"."""
    parts = f.forms["gerund"]
    return CueShape(
        f"{f.progressive}{f.between}(?P<progressive>{alternation(parts)})",
        parts,
        openers=_auxiliaries(f, "progressive"),
    )


@CUE_KINDS.rule("infinitive")
def _infinitive(f: VerbForms) -> CueShape:
    """An infinitive right after a lead-in before an infinitive, its pronoun inverted maybe:
    "ne cesse(-t-il) de répéter", "a tenu à préciser", "vient d'annoncer"."""
    if not f.infinitives:
        return CueShape("(?P<infinitive>(?!))", {})
    shape = CueShape.listed("infinitive", f.infinitives)
    template = shape.template or ""
    lead = f.lead_in.replace("{", "{{").replace("}", "}}")
    return attrs.evolve(shape, pattern=f.lead_in + shape.pattern, template=lead + template)


@CUE_KINDS.rule("finite")
def _finite(f: VerbForms) -> CueShape:
    """A finite form of a reporting verb, its inverted pronoun too: "estiment", "said", "fait
    savoir", "estime-t-elle"."""
    return CueShape.listed("finite", f.forms["finite"], f.inversion)


@CUE_KINDS.rule("gerund")
def _gerund(f: VerbForms) -> CueShape:
    """A gerund or present participle: "..., saying", "adding that", "ajoutant que"."""
    return CueShape.listed("gerund", f.forms["gerund"])


@CUE_KINDS.rule("view")
def _view(f: VerbForms) -> CueShape:
    """A word of view after a possessive: "In Moscow's view, ...", "in his view", "à ses yeux"."""
    views = {
        key(v): CueEntry(lemma=key(v), stance=Stance.ESTIMATED)
        for v in f.data["prepositions"]["views"]
    }
    return CueShape.listed("view", views)


@CUE_KINDS.rule("noun")
def _noun(f: VerbForms) -> CueShape:
    """A nominal cue: "his promise to", "Trump's claim that", "the announcement by X"."""
    where = "attributions.toml nouns.cues"
    nouns: dict[str, CueEntry] = {}
    for noun, stance in f.data["nouns"]["cues"].items():
        entry = CueEntry(lemma=key(noun), stance=_stance(stance, where))
        for form in [noun, *(noun + e for e in f.plural_endings)]:
            nouns.setdefault(key(form), entry)
    return CueShape.listed("noun", nouns)


@attrs.frozen(eq=False, repr=False)
class CueLexicon:
    """Everything the attribution matcher needs for one language.

    ``cues`` has one named group per rule of :data:`CUE_KINDS`; ``kinds`` maps each
    kind to the forms it looks up.

    Examples
    --------
    >>> lex = cue_lexicon("en")
    >>> lex.cues.search("officials said on Monday").lastgroup
    'finite'
    """

    lang: str
    cues: LazyPattern
    scan: Prefilter
    kinds: Mapping[str, Mapping[str, CueEntry]]
    finite: Mapping[str, CueEntry]
    verb_forms: VerbForms
    opener: LazyPattern
    prep_blocked: frozenset[str]
    passive_agent: frozenset[str]
    passive_complement: frozenset[str]
    adverbs: frozenset[str]
    adverb_endings: tuple[str, ...]
    before_verb_endings: tuple[str, ...]
    complementizers: frozenset[str]
    clause_gap: int
    infinitive_endings: tuple[str, ...]
    not_infinitives: frozenset[str]
    infinitive_markers: frozenset[str]
    quotes: Mapping[str, str]
    sources: SourceLexicon
    nouns: NounReadings
    #: A content cut by an incise mid-clause runs on past it (``clauses.incise_run_on``).
    incise_run_on: bool = False
    not_objects: frozenset[str] = frozenset()
    #: Past participles and their entries: a finite form among them before an agent is a
    #: reduced passive ("when asked by a reporter").
    participles: Mapping[str, CueEntry] = attrs.field(factory=dict)
    #: Words of ``not_objects`` opening an amount before a number (``clauses.approximators``,
    #: ``clauses.numerals``): "said about 40 people".
    approximators: frozenset[str] = frozenset()
    numerals: frozenset[str] = frozenset()
    #: Two-character quotation marks and the mark each stands for (``quotes.doubled``).
    doubled: Mapping[str, str] = attrs.field(factory=dict)
    #: Contrast connectors as word sequences ("while", "tandis que"), see ``clauses.contrasts``.
    contrasts: tuple[tuple[str, ...], ...] = ()
    #: Free relatives as word sequences ("what", "ce que"): ``clauses.free_relatives``.
    free_relatives: tuple[tuple[str, ...], ...] = ()
    #: Copulas after a free relative's verb ("what X said was"): ``clauses.copulas``.
    copulas: frozenset[str] = frozenset()
    participle_openers: frozenset[str] = frozenset()
    #: Cue classes whose gerund right after a noun phrase is a reduced relative clause.
    relative_classes: frozenset[str] = frozenset()
    #: Words heading such a phrase alone ("those supporting X"): ``participles.relative_heads``.
    relative_heads: frozenset[str] = frozenset()
    #: Source kinds whose reduced relative is no attribution (``participles.relative_not_kinds``).
    relative_not_kinds: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()
    colon_labels: frozenset[str] = frozenset()
    #: Words opening a headline's addressee or topic after the speaker (``colon.topics``).
    colon_topics: frozenset[str] = frozenset()
    #: Object words after which a verb is no cue, by lemma ("claimed victory"):
    #: ``objects.not_reported``.
    not_reported: Mapping[str, frozenset[str]] = attrs.field(factory=dict)
    #: A labelled object and its predicate ("called them rapists"): ``labels.objects``,
    #: ``labels.not_predicates``, ``labels.predicate_endings``.
    label_objects: frozenset[str] = frozenset()
    label_not_predicates: frozenset[str] = frozenset()
    label_endings: tuple[str, ...] = ()
    channel_prepositions: frozenset[str] = frozenset()
    channel_nouns: Mapping[str, tuple[tuple[str, ...], ...]] = attrs.field(factory=dict)
    channel_with: frozenset[str] = frozenset()
    view_openers: frozenset[str] = frozenset()
    possessives: frozenset[str] = frozenset()
    noun_agents: frozenset[str] = frozenset()
    noun_ends: frozenset[str] = frozenset()
    #: Endings of the main verb that ends a sentence-opening nominal cue's content.
    noun_end_endings: tuple[str, ...] = ()
    comparatives: frozenset[str] = frozenset()
    as_openers: frozenset[str] = frozenset()
    participle_endings: tuple[str, ...] = ()
    #: Endings of a participle opening a sentence before its subject ("Reached Tuesday, the
    #: spokesman said", "Interrogé, le porte-parole a indiqué").
    clause_participle_endings: tuple[str, ...] = ()
    #: Complements of an agentless passive that must open an infinitive ("is expected to
    #: win"; not "were added to the slate"): ``auxiliaries.passive_infinitive``.
    passive_infinitive: frozenset[str] = frozenset()
    #: Lemmas whose passive is no attribution ("is intended to", "was added"):
    #: ``auxiliaries.passive_none``.
    passive_none: frozenset[str] = frozenset()
    #: Negators, one token each: single-word ones and the last token of the others ("not",
    #: "t" of "can't", "longer" of "no longer").
    negators: frozenset[str] = frozenset()
    #: Determiners negating the source they open (``negation.subjects``: "No official
    #: said", "Aucun responsable n'a déclaré"): the attribution is negated.
    negative_determiners: frozenset[str] = frozenset()
    #: The tokens before a multi-token negator's last ("can" of "can't", "didn" of "didn't"):
    #: part of the negation only right before it ("We can say" holds none).
    negation_heads: frozenset[str] = frozenset()
    negation_after: frozenset[str] = frozenset()
    negation_auxiliaries: frozenset[str] = frozenset()
    bare_subjects: frozenset[str] = frozenset()
    bare_finite: frozenset[str] = frozenset()
    bare_gap: int = 0
    #: Verbs whose object, a document, a gerund cue may follow ("issued a statement saying").
    issuing: frozenset[str] = frozenset()
    #: Prepositions opening a recipient after such a document ("sent a letter to X urging").
    issuing_recipients: frozenset[str] = frozenset()
    #: Adverbs marking an imperative (``adverbs.imperative``): "please tell us".
    imperative: frozenset[str] = frozenset()
    #: Adverbs opening an imperative (``adverbs.imperative_openers``): "Just ask him".
    imperative_openers: frozenset[str] = frozenset()
    #: Modals joining the verb after them (``auxiliaries.modals``): "would support".
    modals: frozenset[str] = frozenset()
    #: The cue classes whose verbs a modal joins (``auxiliaries.modal_classes``).
    modal_classes: frozenset[str] = frozenset()
    #: The auxiliaries of compound tenses (``auxiliaries.active``), as token keys.
    active_auxiliaries: frozenset[str] = frozenset()
    #: Lead-in phrases joining the verb after them, as token keys, by their last key, the
    #: longest first ("went on to say": ``lead_ins``, ``infinitive_lead_ins``).
    lead_ins: Mapping[str, tuple[tuple[str, ...], ...]] = attrs.field(factory=dict)
    #: The adverbs of several words (``adverbs.words``: "of course", "no doubt"), as token
    #: keys, by their last key, the longest first: they join the cue after them as a one-word
    #: adverb does, and never end its source ("The army no doubt said").
    adverb_phrases: Mapping[str, tuple[tuple[str, ...], ...]] = attrs.field(factory=dict)
    #: The grammar words of a noun phrase read back from a cue (the sources' links,
    #: determiners and titles): "of", "the", "President"; precomputed, read on every subject.
    name_grammar: frozenset[str] = frozenset()
    #: The words a possessor read back from a nominal cue starts after (the sources' links
    #: and stops and :attr:`not_objects`): "of", "at", "over", "against"; precomputed.
    possessor_marks: frozenset[str] = frozenset()
    #: Subject pronouns written after their verb (``inversion.pronouns``: "dit-il").
    inverted_pronouns: frozenset[str] = frozenset()
    #: The euphonic letters before an inverted pronoun (``inversion.euphonic``: "a-t-il").
    euphonic: frozenset[str] = frozenset()
    #: Words reading the infinitive after them as a gerund (``participles.infinitive_openers``:
    #: "avant de", "avant d'"), as token keys.
    infinitive_openers: frozenset[tuple[str, ...]] = frozenset()


@attrs.frozen
class NounReadings:
    """When a finite cue form is a noun (``[noun_readings]`` of ``attributions.toml``).

    Examples
    --------
    >>> n = cue_lexicon("en").nouns
    >>> "media" in n.compounds["state"], "report" in n.bare, n.possessive_endings
    (True, True, ("'s", "s'"))
    """

    __repr__ = record_repr

    possessive_endings: tuple[str, ...]
    homographs: frozenset[str]
    compounds: Mapping[str, frozenset[str]]
    modifiers: frozenset[str]
    bare: frozenset[str]
    singular_determiners: frozenset[str]
    #: Number words: a homograph after one is a noun (``noun_readings.numerals``).
    numerals: frozenset[str] = frozenset()
    #: Prepositions: a homograph right after one is a noun (``noun_readings.prepositions``).
    prepositions: frozenset[str] = frozenset()
    #: Adjective endings: a homograph ending a sentence after a lower-case phrase of no source
    #: kind whose last word has one is a noun (``noun_readings.adjective_endings``).
    adjective_endings: tuple[str, ...] = ()
    idioms: LazyPattern | None = None


@attrs.frozen(eq=False, repr=False)
class SourceLexicon:
    """Source kinds and the grammar words delimiting source noun phrases.

    ``terms`` maps a term's first word (case-folded) to ``(words, kind, case)``
    entries where ``case`` is ``"exact"``, ``"title"`` or ``"any"``. ``head_first``
    and ``plural_endings`` come from ``language.toml`` (``[noun_phrase]``).

    Examples
    --------
    >>> s = cue_lexicon("fr").sources
    >>> s.pronouns["on"].value, s.head_first, s.plural_endings
    ('anonymous', True, ('s', 'x'))
    """

    terms: Mapping[str, tuple[tuple[tuple[str, ...], SourceKind, str], ...]]
    head_first: bool
    plural_endings: tuple[str, ...]
    pronouns: Mapping[str, SourceKind]
    anonymity: LazyPattern
    articles: frozenset[str]
    indefinite: frozenset[str]
    determiners: frozenset[str]
    links: frozenset[str]
    #: (adjective, preposition) pairs that continue a source past a stop word.
    postmodifiers: frozenset[tuple[str, str]]
    #: (preposition, noun) pairs opening where a source learned what it reports, which end
    #: it ("a appris l'AFP | de source diplomatique": ``noun_phrase.origins``).
    origins: frozenset[tuple[str, str]]
    stops: frozenset[str]
    clause_words: frozenset[str]
    connectors: frozenset[str]
    breakers: frozenset[str]
    clitics: frozenset[str]
    relatives: frozenset[str]
    max_words: int
    #: Relative pronouns only after a document or a source (``noun_relatives``: "that").
    noun_relatives: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    #: Grammar words that name an organisation when written in capitals ("WHO").
    acronyms: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()
    #: The calendar's month and weekday names (among ``time_words``), and its weekday names.
    calendar: frozenset[str] = frozenset()
    weekdays: frozenset[str] = frozenset()
    #: Words opening a time adjunct before a verb ("on Tuesday", "late on Monday").
    time_openers: frozenset[str] = frozenset()
    #: Time words opening an adjunct with no preposition ("yesterday", "last week").
    time_adverbs: frozenset[str] = frozenset()
    party_tags: frozenset[str] = frozenset()
    party_prefixes: tuple[str, ...] = ()
    personal: frozenset[str] = frozenset()
    plural_pronouns: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    dialogue: frozenset[str] = frozenset()
    documents: Mapping[str, tuple[tuple[tuple[str, ...], DocumentKind, str], ...]] = attrs.field(
        factory=dict
    )
    #: Words opening a document's issuer right after its words ("report by"), and after one
    #: participle ("sondage réalisé par").
    issuer_links: frozenset[str] = frozenset()
    issuer_agents: frozenset[str] = frozenset()
    #: The participles an agent word follows for it to open the issuer ("conducted by").
    issuer_participles: frozenset[str] = frozenset()
    #: Words opening the client of a survey after its issuer ("Ifop pour Le Figaro").
    issuer_clients: frozenset[str] = frozenset()
    #: Links opening a survey's population, not its issuer ("a poll of South Carolina").
    issuer_populations: frozenset[str] = frozenset()
    #: Quantifiers naming a share of people ("many", "la plupart"), those of them that may
    #: follow an article ("majority"), and the links after one that open whom it counts
    #: ("a majority of voters").
    quantifiers: frozenset[str] = frozenset()
    quantifier_nouns: frozenset[str] = frozenset()
    quantifier_links: frozenset[str] = frozenset()


def _stance(value: str, where: str) -> Stance:
    try:
        return Stance(value)
    except ValueError:
        raise LexiconError(f"{where}: unknown stance {value!r}") from None


def _document(value: str, where: str) -> str:
    """A document kind's name, checked (a preposition's ``documents`` value)."""
    try:
        return DocumentKind(value).value
    except ValueError:
        raise LexiconError(f"{where}: unknown document kind {value!r}") from None


def _entry(
    lemma: str, entry: Mapping[str, Any], where: str, classes: Mapping[str, Any]
) -> CueEntry:
    passive = entry.get("passive_stance")
    name = entry["cue_class"]
    if name not in classes:
        raise LexiconError(f"{where}: no cue class {name!r} in [cue_classes]")
    cls = classes[name]
    complements = frozenset(entry.get("complements", COMPLEMENTS))
    if entry.get("needs_clause", False):
        complements = frozenset({"clause"})
    if not complements or not complements <= COMPLEMENTS:
        raise LexiconError(f"{where}: complements must be among {sorted(COMPLEMENTS)}")
    return CueEntry(
        lemma=lemma,
        stance=_stance(entry.get("stance", cls["stance"]), where),
        needs_clause=complements == {"clause"},
        frame=entry.get("frame"),
        frame_gap=int(entry.get("frame_gap", 0)),
        passive_stance=_stance(passive, where) if passive else None,
        recipient=bool(entry.get("recipient", False)),
        object_source=bool(entry.get("object_source", False)),
        cue_class=name,
        open_subject=bool(cls["open_subject"]),
        complements=complements,
        cites="source" if entry.get("cites", False) else "",
        people=bool(cls.get("people", True)),
        speaker=bool(cls.get("speaker", True)),
        frame_optional=bool(entry.get("frame_optional", False)),
        labels=bool(entry.get("labels", False)),
        open_with=str(entry.get("open_with", "")),
    )


def _conjugated(
    entry: Mapping[str, Any], conj: Mapping[str, Any], types: Iterable[str], where: str
) -> dict[str, list[str]]:
    """Return the forms of a verb entry by form type (explicit and by conjugation class)."""
    forms = {t: list(entry.get(t, [])) for t in types}
    if "class" in entry:
        cls = conj.get(entry["class"])
        if not isinstance(cls, dict):
            raise LexiconError(f"{where}: no conjugation class {entry['class']!r}")
        for t, endings in cls.items():
            forms[t] += [e.replace("~", entry["stem"]) for e in endings]
    if "particle" in entry:
        forms = {t: [f"{f} {entry['particle']}" for f in fs] for t, fs in forms.items()}
    return forms


def _verbs(lang: str, data: Mapping[str, Any]) -> dict[str, dict[str, CueEntry]]:
    """Return form type -> form -> entry; participles take every agreement."""
    conj = data["conjugations"]
    agreement = conj.get("agreement", ["~"])
    classes = [v for v in conj.values() if isinstance(v, dict)]
    types = sorted({"finite", "participle", "gerund"}.union(*classes))
    out: dict[str, dict[str, CueEntry]] = {t: {} for t in types}
    for lemma, entry in data["verbs"].items():
        where = f"{lang}/attributions.toml verbs.{lemma}"
        verb = _entry(lemma, entry, where, data["cue_classes"])
        for t, forms in _conjugated(entry, conj, types, where).items():
            agreed = agreement if t == "participle" else ["~"]
            for form in forms:
                for a in agreed:
                    out[t].setdefault(key(a.replace("~", form)), verb)
    return out


def _forms(
    lang: str,
    data: Mapping[str, Any],
    adverb_endings: tuple[str, ...],
    plural_endings: tuple[str, ...] = (),
) -> VerbForms:
    where = f"{lang}/attributions.toml prepositions"
    prep = data["prepositions"]
    open_preps, citing, reporting = (
        keys(prep["open"]),
        keys(prep["citing"]),
        keys(prep["reporting"]),
    )
    initial = keys(prep["initial"])
    documents = {key(k): _document(v, where) for k, v in prep["documents"].items()}
    preps = {
        key(k): CueEntry(
            lemma=key(k),
            stance=_stance(v, where),
            open_subject=key(k) in open_preps,
            cites="source" if key(k) in citing else "reporting" if key(k) in reporting else "",
            initial=key(k) in initial,
            document=documents.get(key(k), ""),
        )
        for k, v in prep["cues"].items()
    }
    aux = data["auxiliaries"]
    negation = data["negation"]
    words = [*data["adverbs"]["words"], *negation["before"], *negation["after"]]
    adverb = "(?:" + alternation(keys(w for w in words if not w.endswith("'")))
    if adverb_endings:
        adverb += r"|\w{2,30}?" + alternation(adverb_endings)
    adverb += ")"
    verbs = _verbs(lang, data)
    return VerbForms(
        data=data,
        forms=verbs,
        prepositions=preps,
        active=alternation(aux["active"]),
        passive=alternation(aux["passive"]),
        between=f"(?:{GAP}{adverb}{AFTER}){{0,3}}{GAP}",
        progressive=alternation(aux["progressive"]),
        plural_endings=plural_endings,
        inversion=_inversion(data["inversion"]),
        infinitives=_infinitives(data, verbs),
        lead_in=_lead_in(_infinitive_lead_ins(data), data),
    )


def _infinitives(
    data: Mapping[str, Any], verbs: Mapping[str, Mapping[str, CueEntry]]
) -> dict[str, CueEntry]:
    """The infinitive of every verb (its lemma; no frame "qualifier ... de"), read only after
    an infinitive lead-in; none without lead-ins."""
    if not _infinitive_lead_ins(data):
        return {}
    out: dict[str, CueEntry] = {}
    for forms in verbs.values():
        for entry in forms.values():
            if "..." not in entry.lemma:
                out.setdefault(key(entry.lemma), entry)
    return out


def _lead_in(phrases: Iterable[str], data: Mapping[str, Any]) -> str:
    """A lookbehind: one of the infinitive lead-ins ending right before, its verb's pronoun
    inverted maybe ("ne cesse-t-il de", "a-t-il tenu à"; the first word that is no negator
    takes it), glued to the infinitive after an elision ("vient d'annoncer"); "(?!)" without
    lead-ins."""
    negators = keys(data["negation"]["before"])
    inversion = _inversion(data["inversion"])
    alts: list[str] = []
    for phrase in phrases:
        words = phrase.split()
        at = 1 if len(words) > 1 and key(words[0]) in negators else 0
        parts = [alternation([key(w)]) for w in words]
        parts[at] += inversion
        alts.append(GAP.join(parts) + ("" if phrase.endswith(_ELISION) else GAP))
    if not alts:
        return "(?!)"
    return "(?<=" + BEFORE + "(?:" + "|".join(alts) + "))"


def _inversion(data: Mapping[str, Any]) -> str:
    """The optional inverted subject pronoun after a verb (``inversion``): a hyphen, the
    euphonic letter and a hyphen maybe, a pronoun ("-il", "-t-elle"); "" without pronouns."""
    if not data["pronouns"]:
        return ""
    euphonic = f"(?:{alternation(keys(data['euphonic']))}-)?" if data["euphonic"] else ""
    return f"(?:-{euphonic}{alternation(keys(data['pronouns']))})?"


def _noun_readings(
    lang: str, data: Mapping[str, Any], finite: Mapping[str, CueEntry]
) -> NounReadings:
    where = f"{lang}/attributions.toml noun_readings"
    homographs = keys(data["homographs"])
    for form in homographs - set(finite):
        raise LexiconError(f"{where}: homograph {form!r} is no finite form of a verb")
    compounds = {key(k): keys(v) for k, v in data["compounds"].items()}
    bare = keys(data["bare"])
    for form in (set(compounds) | bare) - homographs:
        raise LexiconError(f"{where}: {form!r} is not listed in homographs")
    endings = tuple(e.replace("\u2019", "'") for e in data["possessive_endings"])
    for e in endings:
        if e.count("'") != 1 or not e.strip("'").isalpha():
            raise LexiconError(f"{where}: possessive ending {e!r} is not an apostrophe and letters")
    return NounReadings(
        possessive_endings=endings,
        homographs=homographs,
        compounds=compounds,
        modifiers=keys(data["modifiers"]),
        bare=bare,
        singular_determiners=keys(data["singular_determiners"]),
        numerals=keys(data["numerals"]),
        prepositions=keys(data.get("prepositions", ())),
        adjective_endings=tuple(data.get("adjective_endings", ())),
        idioms=compile_words(data["idioms"]),
    )


def _case(term: str) -> str:
    letters = [c for c in term if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "exact"
    return "title" if term[:1].isupper() else "any"


def _terms(
    lang: str, data: Mapping[str, Any]
) -> dict[str, tuple[tuple[tuple[str, ...], SourceKind, str], ...]]:
    index: dict[str, list[tuple[tuple[str, ...], SourceKind, str]]] = {}

    def add(term: str, kind: SourceKind) -> None:
        words = tuple(tokens(term))
        if words:
            index.setdefault(words[0].casefold(), []).append((words, kind, _case(term)))

    for name, terms in data["kinds"].items():
        try:
            kind = SourceKind(name)
        except ValueError:
            raise LexiconError(f"{lang}/sources.toml: unknown source kind {name!r}") from None
        for term in terms:
            add(term, kind)
    for terms in data["documents"].values():
        for term in terms:
            add(term, SourceKind.OTHER)
    for group in ("capitals", "countries"):
        for term in data["places"][group]:
            add(term, SourceKind.GOVERNMENT)
    return {k: tuple(v) for k, v in index.items()}


def _documents(
    lang: str, data: Mapping[str, Any]
) -> dict[str, tuple[tuple[tuple[str, ...], DocumentKind, str], ...]]:
    """The document terms by first word (case-folded): ``(words, kind, case)``."""
    index: dict[str, list[tuple[tuple[str, ...], DocumentKind, str]]] = {}
    for name, terms in data["documents"].items():
        try:
            kind = DocumentKind(name)
        except ValueError:
            raise LexiconError(f"{lang}/sources.toml: unknown document kind {name!r}") from None
        for term in terms:
            words = tuple(tokens(term))
            if words:
                index.setdefault(words[0].casefold(), []).append((words, kind, _case(term)))
    return {k: tuple(v) for k, v in index.items()}


def _sources(lang: str) -> SourceLexicon:
    data = lexicons.load(lang, "sources")
    pronouns = {key(w): SourceKind.ANONYMOUS for w in data["pronouns"]["anonymous"]}
    pronouns.update({key(w): SourceKind.OTHER for w in data["pronouns"]["other"]})
    np = data["noun_phrase"]
    typology = lexicons.language(lang)["noun_phrase"]
    return SourceLexicon(
        terms=_terms(lang, data),
        head_first=typology["head"] == "first",
        plural_endings=tuple(typology["plural_endings"]),
        pronouns=pronouns,
        anonymity=compile_words(data["anonymity"]["markers"]),
        articles=keys(np["articles"]),
        indefinite=keys(np["indefinite"]),
        determiners=keys(np["determiners"]),
        links=keys(np["links"]),
        postmodifiers=_pairs(np["postmodifiers"]),
        origins=_pairs(
            np.get("origins", ()), "origins", "a preposition and a noun, such as 'de source'"
        ),
        stops=keys(np["stops"]),
        clause_words=keys(np["clause_words"]),
        connectors=keys(np["connectors"]),
        breakers=keys(np["breakers"]),
        clitics=keys(np["clitics"]),
        relatives=keys(np["relatives"]),
        noun_relatives=keys(np.get("noun_relatives", ())),
        max_words=int(np["max_words"]),
        titles=keys(np["titles"]),
        acronyms=keys(np.get("acronyms", ())),
        time_words=_time_words(lang, np["time_words"]),
        calendar=_time_words(lang, ()),
        weekdays=_time_words(lang, (), tables=("weekdays",)),
        time_openers=keys(np["time_openers"]),
        time_adverbs=keys(np["time_adverbs"]),
        party_tags=keys(t for t in np["party_tags"] if not t.endswith("-")),
        party_prefixes=tuple(key(t) for t in np["party_tags"] if t.endswith("-")),
        personal=keys(data["pronouns"]["other"]) - keys(data["pronouns"]["speaker"]),
        plural_pronouns=keys(data["pronouns"]["plural"]),
        people=keys(data["pronouns"]["people"]),
        dialogue=keys(data["pronouns"].get("dialogue", ())),
        documents=_documents(lang, data),
        issuer_links=keys(data["issuers"]["links"]),
        issuer_agents=keys(data["issuers"]["agents"]),
        issuer_participles=keys(data["issuers"]["participles"]),
        issuer_clients=keys(data["issuers"]["clients"]),
        issuer_populations=keys(data["issuers"].get("populations", ())),
        quantifiers=keys(data["quantifiers"]["words"]) | keys(data["quantifiers"]["nouns"]),
        quantifier_nouns=keys(data["quantifiers"]["nouns"]),
        quantifier_links=keys(data["quantifiers"]["links"]),
    )


def _time_words(
    lang: str, words: Iterable[str], tables: tuple[str, ...] = ("months", "weekdays")
) -> frozenset[str]:
    """The words of time a source never consists of: ``time_words`` and the calendar's."""
    calendar = lexicons.load(lang, "calendar")
    found = set(keys(words))
    for table in tables:
        found.update(key(w).rstrip(".") for w in calendar.get(table, {}))
    return frozenset(found)


def _quotes(lang: str, pairs: Iterable[str]) -> dict[str, str]:
    """Return closing mark -> opening mark."""
    quotes = {}
    for pair in pairs:
        if len(pair) != 2:
            raise LexiconError(f"{lang}/attributions.toml quotes: {pair!r} is not two characters")
        quotes[pair[1]] = pair[0]
    return quotes


@once
def cue_lexicon(lang: str) -> CueLexicon:
    """Return the compiled attribution lexicon of ``lang`` (built once, cached).

    Raises
    ------
    osintparse.UnsupportedLanguageError
        If ``lang`` has no lexicons.
    osintparse.LexiconError
        If a lexicon entry names an unknown stance, kind or conjugation class.

    Examples
    --------
    >>> cue_lexicon("fr").kinds["prep"]["selon"].stance.value
    'reported'
    """
    lang = lexicons.check_lang(lang)
    data = lexicons.load(lang, "attributions")
    typology = lexicons.language(lang)
    adverb_endings = tuple(typology["noun_phrase"]["adverb_endings"])
    plural = tuple(typology["noun_phrase"]["plural_endings"])
    forms = _forms(lang, data, adverb_endings, plural)
    shapes = {rule.name: rule.fn(forms) for rule in CUE_KINDS}
    words = [s.pattern for s in shapes.values() if s.word]
    others = [s.pattern for s in shapes.values() if not s.word]
    flags = regex.IGNORECASE | regex.V1
    cues = lazy("|".join([BEFORE + "(?:" + "|".join(words) + ")" + AFTER, *others]), flags)
    # The same alternatives in the same order, each tried where a token opens it.
    ordered = [s for s in shapes.values() if s.word] + [s for s in shapes.values() if not s.word]
    scan = Prefilter([(s.source(), s.opening_words) for s in ordered], flags)
    opener = lazy(
        alternation(keys(data["anaphoric"]["openers"])) + rf"(?:(?<=')|(?!\w|-)){GAP0}", flags
    )
    clauses = data["clauses"]
    own = typology["attributions"]
    sources = _sources(lang)
    not_objects = keys(clauses["not_objects"])
    return CueLexicon(
        lang=lang,
        cues=cues,
        scan=scan,
        kinds={name: s.forms for name, s in shapes.items()},
        finite=forms.forms["finite"],
        participles=forms.forms["participle"],
        verb_forms=forms,
        opener=opener,
        prep_blocked=keys(data["prepositions"]["blocked_next"]),
        passive_agent=keys(data["auxiliaries"]["passive_agent"]),
        passive_complement=keys(data["auxiliaries"]["passive_complement"]),
        passive_infinitive=keys(data["auxiliaries"].get("passive_infinitive", ())),
        passive_none=frozenset(data["auxiliaries"].get("passive_none", ())),
        adverbs=keys(data["adverbs"]["words"]),
        adverb_endings=adverb_endings,
        before_verb_endings=adverb_endings if own["adverbs_before_verb"] else (),
        complementizers=keys(clauses["complementizers"]),
        comparatives=keys(clauses["comparatives"]),
        as_openers=keys(clauses["as_openers"]),
        clause_gap=int(clauses["max_gap"]),
        incise_run_on=bool(clauses.get("incise_run_on", False)),
        infinitive_endings=tuple(own["infinitive_endings"]),
        not_infinitives=keys(clauses["not_infinitives"]),
        infinitive_markers=keys(clauses["infinitive_markers"]),
        quotes=_quotes(lang, data["quotes"]["pairs"]),
        doubled=dict(data["quotes"].get("doubled", {})),
        sources=sources,
        nouns=_noun_readings(lang, data["noun_readings"], forms.forms["finite"]),
        not_objects=not_objects,
        approximators=keys(clauses.get("approximators", ())),
        numerals=keys(clauses.get("numerals", ())),
        contrasts=tuple(
            tuple(key(w) for w in c.replace("'", "' ").split()) for c in clauses["contrasts"]
        ),
        free_relatives=tuple(
            tuple(key(w) for w in c.replace("'", "' ").split())
            for c in clauses.get("free_relatives", ())
        ),
        copulas=keys(clauses.get("copulas", ())),
        participle_openers=keys(data["participles"]["openers"]),
        relative_classes=frozenset(data["participles"].get("relatives", ())),
        relative_heads=keys(data["participles"].get("relative_heads", ())),
        relative_not_kinds=frozenset(data["participles"].get("relative_not_kinds", ())),
        coordinators=keys(data["participles"]["coordinators"]),
        colon_labels=keys(data["colon"]["labels"]),
        colon_topics=keys(data["colon"]["topics"]),
        not_reported={
            lemma: keys(words)
            for lemma, words in data.get("objects", {}).get("not_reported", {}).items()
        },
        label_objects=keys(data["labels"]["objects"]),
        label_not_predicates=keys(data["labels"]["not_predicates"]),
        label_endings=tuple(data["labels"]["predicate_endings"]),
        channel_prepositions=keys(data["channels"]["prepositions"]),
        channel_nouns=_phrases(data["channels"]["nouns"]),
        channel_with=keys(data["channels"]["with"]),
        view_openers=keys(data["prepositions"]["view_openers"]),
        possessives=keys(data["prepositions"]["possessives"]),
        noun_agents=keys(data["nouns"]["agents"]),
        noun_ends=keys(data["nouns"]["ends"]),
        noun_end_endings=tuple(data["nouns"].get("end_endings", ())),
        participle_endings=tuple(typology["noun_phrase"]["participle_endings"]),
        clause_participle_endings=tuple(own["clause_participle_endings"]),
        negators=_tails(data["negation"]["before"]),
        negation_heads=_heads(data["negation"]["before"]),
        negation_after=_token_keys(data["negation"]["after"]),
        negative_determiners=_token_keys(data["negation"]["subjects"]),
        negation_auxiliaries=_token_keys(data["negation"]["auxiliaries"]),
        bare_subjects=keys(clauses["bare_subjects"]),
        bare_finite=_first_keys(clauses["bare_finite"]),
        bare_gap=int(clauses["bare_gap"]),
        issuing=keys(data["participles"]["issuing"]),
        issuing_recipients=keys(data["participles"]["issuing_recipients"]),
        active_auxiliaries=_token_keys(data["auxiliaries"]["active"]),
        imperative=keys(data["adverbs"]["imperative"]),
        imperative_openers=keys(data["adverbs"]["imperative_openers"]),
        modals=keys(data["auxiliaries"].get("modals", ())),
        modal_classes=frozenset(data["auxiliaries"].get("modal_classes", ())),
        inverted_pronouns=keys(data["inversion"]["pronouns"]),
        euphonic=keys(data["inversion"]["euphonic"]),
        infinitive_openers=frozenset(
            tuple(t.casefold() for t in tokens(w))
            for w in data["participles"].get("infinitive_openers", ())
        ),
        name_grammar=sources.links | sources.determiners | sources.titles,
        possessor_marks=sources.links | sources.stops | not_objects,
        lead_ins=_by_last(_lead_in_phrases(data)),
        adverb_phrases=_by_last(w for w in data["adverbs"]["words"] if len(tokens(w)) > 1),
    )


def _by_last(phrases: Iterable[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases as token keys, by their last key, the longest first."""
    index: dict[str, set[tuple[str, ...]]] = {}
    for phrase in phrases:
        toks = tuple(t.casefold() for t in tokens(phrase))
        if toks:
            index.setdefault(toks[-1], set()).add(toks)
    return {k: tuple(sorted(v, key=lambda t: (-len(t), t))) for k, v in index.items()}


def _infinitive_lead_ins(data: Mapping[str, Any]) -> list[str]:
    """The words an infinitive cue follows: ``auxiliaries.infinitive_lead_ins`` and
    ``participles.infinitive_openers``."""
    return [
        *data["auxiliaries"].get("infinitive_lead_ins", ()),
        *data["participles"].get("infinitive_openers", ()),
    ]


def _lead_in_phrases(data: Mapping[str, Any]) -> list[str]:
    """Every lead-in (``lead_ins``, ``infinitive_lead_ins``, ``infinitive_openers``)."""
    return [*data["auxiliaries"]["lead_ins"], *_infinitive_lead_ins(data)]


def _phrases(words: Iterable[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases by their first token's key, each as the keys of its tokens."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for w in words:
        toks = tuple(t.casefold() for t in tokens(w))
        if toks:
            index.setdefault(toks[0], []).append(toks)
    return {k: tuple(v) for k, v in index.items()}


def _first_keys(words: Iterable[str]) -> frozenset[str]:
    """The key of the first token of each of ``words`` ("didn't" gives "didn")."""
    return frozenset(toks[0].casefold() for w in words if (toks := tokens(w)))


def _tails(words: Iterable[str]) -> frozenset[str]:
    """The key of the last token of each of ``words`` ("can't" gives "t").

    Examples
    --------
    >>> sorted(_tails(["not", "can't", "no longer"]))
    ['longer', 'not', 't']
    """
    return frozenset(tokens(w)[-1].casefold() for w in words if tokens(w))


def _heads(words: Iterable[str]) -> frozenset[str]:
    """The keys of the tokens before the last of each of ``words`` ("can't" gives "can").

    Examples
    --------
    >>> sorted(_heads(["not", "can't", "no longer"]))
    ['can', 'no']
    """
    return frozenset(t.casefold() for w in words for t in tokens(w)[:-1])


def _token_keys(words: Iterable[str]) -> frozenset[str]:
    """The keys of every token of ``words`` ("didn't" gives "didn" and "t")."""
    return frozenset(t.casefold() for w in words for t in tokens(w))
