"""What the constructions share: the sentence being read, the cue, what a rule returns.

A :class:`Context` holds one sentence (its text, tokens and cues) and the helpers the
rules use (quotations, sources after a cue, agents of passives); a :class:`Cue` is the
cue being read; a :class:`Found` is an attribution; :data:`STOP` says a cue gives none.

Offsets here are into the normalised text; the package's ``__init__`` maps them back.

Examples
--------
>>> from osintparse.extractors.attributions._lexicon import cue_lexicon
>>> t = "Kyiv said so."
>>> Context.of(t, 0, len(t), cue_lexicon("en"), frozenset({5}), None, (0, 13)).tk.words
['Kyiv', 'said', 'so']
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs

from osintparse._records import record_repr
from osintparse.extractors.attributions._issuers import read_document
from osintparse.extractors.attributions._lexicon import CueEntry, CueLexicon
from osintparse.extractors.attributions._readings import CueMatch
from osintparse.extractors.attributions._sources import (
    SentenceTokens,
    document_words,
    is_adverb,
    np_after,
    source_span,
    valid_np,
)
from osintparse.extractors.attributions._times import time_after
from osintparse.model import DocumentKind, SourceKind, Stance

#: A document's kind and the offsets of its words ("in a statement": statement, "statement").
DocumentAt = tuple[DocumentKind, tuple[int, int]]

__all__ = [
    "END_PUNCT",
    "NO_SPAN",
    "STOP",
    "VERBS",
    "Context",
    "Cue",
    "Found",
    "Span",
    "Stop",
    "Subject",
    "trim",
    "typewriter_quotes",
    "whole_marks",
]

#: Punctuation and spaces trimmed from the end of a content.
END_PUNCT = " \t\n.!?…;:,"
#: A span that may be missing (no content).
Span = tuple[int | None, int | None]
NO_SPAN: Span = (None, None)
#: Gaps made of these only do not end a noun phrase: "L'Institut (ISW) estime".
_PARENS = frozenset(" ()")
#: How far back (in characters) to look for the opening quote of a quotation.
_QUOTE_WINDOW = 4000
#: How many tokens a participle clause opening a sentence may hold before its comma (a
#: longer one is rather an adjunct of the whole sentence: "Concerning the fate of X in a
#: transitional period, ...").
_OPENING_REACH = 10
#: The shortest stem of a participle standing alone before its comma ("Interrogé,"; not
#: "Mohammed," nor "René,", names).
_ALONE_STEM = 7
#: How many words an object may hold before the word that opens a verb's subject
#: (``verbs.*.open_with``: "accused the Republican candidate of").
_OPEN_WITH_GAP = 6
#: How many words after a verb its object's head is looked for (``objects.not_reported``).
_OBJECT_GAP = 4
#: How many words an apposition between commas after a labelled object may hold ("called
#: Clinton, his Democratic rival, an ...").
_APPOSITION_GAP = 6

#: Cue kinds read as verbs with a subject (rules of ``CUE_KINDS``).
VERBS = frozenset({"compound", "finite", "progressive", "infinitive"})
#: Gaps that join the words of a lead-in: an elision ("n'a cessé de", "vient d'annoncer").
_ELISIONS = frozenset({"'", "\u2019"})
#: What may end a subject on its left for it to follow its content (``np_before``'s stops
#: other than punctuation).
_NOT_AFTER_CONTENT = frozenset({"start", "clause", "long", "none", "floor", "relative"})


class Stop(enum.Enum):
    """What a rule returns when the cue gives no attribution at all."""

    STOP = "stop"


#: The cue gives no attribution (no later rule is tried).
STOP = Stop.STOP


@attrs.frozen(eq=False)
class Found:
    """One attribution, offsets into the normalised text.

    Examples
    --------
    >>> Found(0, 5, 0, 5, 0, 5, Stance.REPORTED, SourceKind.OTHER, None, None, False, "x").rule
    'x'
    """

    __repr__ = record_repr

    start: int
    end: int
    source_start: int
    source_end: int
    cue_start: int
    cue_end: int
    stance: Stance
    source_kind: SourceKind
    content_start: int | None
    content_end: int | None
    anaphoric: bool
    rule: str
    negated: bool = False
    channel: tuple[int, int] | None = None
    role: tuple[int, int] | None = None
    document: DocumentKind | None = None
    #: Where the document is named: its words ("report"), the issuer being the source.
    document_span: tuple[int, int] | None = None
    resolved: tuple[int, int] | None = None
    parent: int | None = None
    #: "source" when the source is one the reporter cites ("citing X"), "reporting" when it
    #: is the reporter ("cité par X"), else "".
    cites: str = ""
    #: For a citing verb, the span of its subject, the reporter ("l'AFP, qui cite ...").
    reporter: tuple[int, int] | None = None
    #: The source is a speaker's own pronoun before a cue of a class with ``speaker =
    #: false`` ("I think", "you want"): the attribution is kept only nested in another's.
    talk: bool = False


@attrs.frozen(eq=False)
class Subject:
    """The subject of a verb cue: tokens ``i:j``, what ended it on the left, its kind.

    ``i:j`` is the whole noun phrase (appositions included); ``src`` is the source span
    (leading article dropped), ``span`` the attribution span (subject to cue), ``role``
    the apposition's span and ``resolved`` the antecedent's (a relative pronoun's), if
    any.

    Examples
    --------
    >>> Subject(0, 1, "start", SourceKind.OTHER, (0, 4), (0, 9)).src
    (0, 4)
    """

    __repr__ = record_repr

    i: int
    j: int
    stop: str
    kind: SourceKind
    src: tuple[int, int]
    span: tuple[int, int]
    role: tuple[int, int] | None = None
    resolved: tuple[int, int] | None = None
    parts: int = 1
    #: A speaker's pronoun before a cue of a class without speakers ("I think").
    talk: bool = False


@attrs.define(eq=False)
class Cue:
    """A cue being read: kind, span (a frame's particle included), entry, tokens.

    ``c`` is the first token of the matched cue, ``b`` the first token after the cue's
    own words (before a frame's particle). ``lead`` is the cue's first token once the
    adverbs and negation before it are included ("also said", "did not say"), ``first``
    its offset; ``negated`` whether a negation is part of the cue. ``subject`` is set
    by the ``subject`` rule.

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> e = cue_lexicon("en").finite["said"]
    >>> Cue("finite", 9, 13, e, 1, 2).end
    13
    """

    __repr__ = record_repr

    kind: str
    start: int
    end: int
    entry: CueEntry
    c: int
    b: int
    subject: Subject | None = None
    lead: int = -1
    first: int = -1
    negated: bool = False
    framed: bool = False
    #: The first token after the cue's adjuncts (the one told, a time, a channel, a document):
    #: where its content or source starts. ``-1`` until the cue is read.
    after: int = -1
    channel: tuple[int, int] | None = None
    document: DocumentAt | None = None
    #: The subject pronoun written after the verb, inside the cue ("a-t-il ajouté",
    #: "estime-t-elle": ``inversion.pronouns``): its offsets, the source of an incise.
    pronoun: tuple[int, int] | None = None

    def __attrs_post_init__(self) -> None:
        if self.lead < 0:
            self.lead, self.first = self.c, self.start
        if self.after < 0:
            self.after = self.b


def trim(text: str, s: int, e: int) -> Span:
    """The span ``s:e`` without spaces and punctuation at its ends (``NO_SPAN`` if empty).

    Examples
    --------
    >>> trim(", oui.", 0, 6)
    (2, 5)
    """
    while s < e and text[s] in " \t\n,:;":
        s += 1
    while e > s and text[e - 1] in END_PUNCT:
        e -= 1
    return (s, e) if e > s else (None, None)


def typewriter_quotes(text: str, doubled: Mapping[str, str], quotes: Mapping[str, str]) -> str:
    """``text`` with every two-character quotation mark (``quotes.doubled``: ``''``,
    ``<<``) written as the one-character mark it stands for, at the same length.

    The mark goes beside the quoted words and a space takes the other character: an
    opening mark (one that only opens, or one that opens and closes alike with a space or
    the text's start before it and a word after it) becomes space + mark, a closing one
    mark + space (:func:`whole_marks` then widens a span that ends or starts inside one).
    Read once per article, before any rule: every rule reading quotations (contents,
    labels after "called", whether a word is quoted speech) then sees one kind of mark.
    Offsets are unchanged.

    Examples
    --------
    >>> t = "Not paying taxes ''makes me smart,'' he said."
    >>> typewriter_quotes(t, {"''": '"'}, {'"': '"'})
    'Not paying taxes  "makes me smart,"  he said.'
    """
    pending = {d: p for d in doubled if (p := text.find(d)) >= 0}  # next place of each mark
    if not pending:
        return text
    pieces: list[str] = []
    last = 0
    while pending:
        d = min(pending, key=pending.__getitem__)
        k = pending[d]
        mark, end = doubled[d], k + len(d)
        closes = mark in quotes  # ``quotes`` maps a closing mark to its opening one
        before = text[k - 1] if k else " "
        after = text[end] if end < len(text) else " "
        opening = (
            mark in quotes.values()
            and (not closes or before.isspace() or before in "([")
            and not after.isspace()
        )
        pad = " " * (len(d) - 1)
        pieces += [text[last:k], pad + mark if opening else mark + pad]
        last = end
        for other in list(pending):  # str.find jumps from mark to mark (no per-character loop)
            if pending[other] < end and (p := text.find(other, end)) >= 0:
                pending[other] = p
            elif pending[other] < end:
                del pending[other]
    pieces.append(text[last:])
    return "".join(pieces)


def whole_marks(text: str, doubled: Mapping[str, str], span: Span) -> Span:
    """``span`` widened so that it never splits a two-character quotation mark of
    ``text`` (the text before :func:`typewriter_quotes`): a content ending on a closing
    mark ends after both characters.

    Examples
    --------
    >>> t = "He called it ''a disgrace.''"
    >>> a, b = whole_marks(t, {"''": '"'}, (13, 27))
    >>> t[a:b]
    "''a disgrace.''"
    """
    a, b = span
    if a is not None and a > 0 and text[a - 1 : a + 1] in doubled:
        a -= 1
    if b is not None and 0 < b < len(text) and text[b - 1 : b + 1] in doubled:
        b += 1
    return a, b


@attrs.define(eq=False)
class Context:
    """One sentence being read: its text, tokens, cues, neighbours, and helpers.

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> t = "Kyiv said so."
    >>> ctx = Context.of(t, 0, len(t), cue_lexicon("en"), frozenset({5}), None, (0, 13))
    >>> ctx.tk.words, ctx.opener_end
    (['Kyiv', 'said', 'so'], None)
    """

    __repr__ = record_repr

    text: str
    lo: int
    hi: int
    lex: CueLexicon
    tk: SentenceTokens
    cue_starts: frozenset[int]
    previous: tuple[int, int] | None
    para: tuple[int, int]
    opener_end: int | None
    anonymous: bool
    #: The attributions found so far in the sentence, in order.
    done: list[Found] = attrs.field(factory=list)
    #: Offsets where a content ends: the comma or coordinator before a participial or
    #: coordinated cue ("X said A, adding B": A ends before ", adding").
    cuts: tuple[int, ...] = ()
    #: Where a cue naming the reporter starts ("quoted by Politico"): a source read after a
    #: preposition ends there ("according to a NATO official quoted by Politico").
    reporters: frozenset[int] = frozenset()

    @classmethod
    def of(
        cls,
        text: str,
        lo: int,
        hi: int,
        lex: CueLexicon,
        cue_starts: frozenset[int],
        previous: tuple[int, int] | None,
        para: tuple[int, int],
        tk: SentenceTokens | None = None,
    ) -> Context:
        """Read the sentence ``text[lo:hi]``."""
        opener = lex.opener.match(text, lo, hi)
        return cls(
            text=text,
            lo=lo,
            hi=hi,
            lex=lex,
            tk=tk or SentenceTokens.of(text, lo, hi),
            cue_starts=cue_starts,
            previous=previous,
            para=para,
            opener_end=opener.end() if opener else None,
            anonymous=lex.sources.anonymity.search(text, lo, hi) is not None,
        )

    def cue(self, m: CueMatch) -> Cue | None:
        """Return the cue of a match, a frame's particle included; ``None`` without it.

        The adverbs and negation right before the cue join it ("also said", "did not
        say", "ne l'a pas confirmé"); so do negators right after a finite verb when a
        negation opens it ("ne dément pas").
        """
        tk = self.tk
        c, b = tk.index_from(m.start), tk.index_from(m.end)
        lead, negated = self._lead(c, m.entry.cue_class in self.lex.modal_classes)
        negated = negated or any(tk.keys[t] in self.lex.negators for t in range(c, b))
        end = m.end
        if negated and m.kind == "finite":
            while b < len(tk) and not tk.boundary(b) and tk.keys[b] in self.lex.negation_after:
                end, b = tk.ends[b], b + 1
        first = tk.starts[lead] if lead < c else m.start
        entry = m.entry
        if entry.labels and not self._labelled(b, entry.frame_gap):
            return None  # "called the police" is no cue, "called him a liar" is
        if self._not_reported(b, entry.lemma):
            return None  # "claimed the lives of": taking, not saying
        if entry.open_with and not entry.open_subject and self._open_with(b, entry):
            entry = attrs.evolve(entry, open_subject=True)  # "Some accused X of ..."
        plain = Cue(m.kind, m.start, end, entry, c, b, None, lead, first, negated)
        plain.pronoun = self._inverted_pronoun(m, lead)
        if m.kind not in ("prep", "colon", "noun"):  # "appel à la retenue": no channel
            plain.after, plain.channel, plain.document = self.adjuncts(b, entry.recipient)
            if plain.channel is None and plain.document is None:
                plain.channel, plain.document = self._opening(c)
            plain.channel = plain.channel or self._apposed_channel(lead)
        if entry.frame is None:
            return plain
        for k in range(b, min(len(tk), b + entry.frame_gap + 1)):
            if k > b and tk.boundary(k):
                break
            if self._frame_word(k, entry.frame):
                # The cue is the verb; its particle is grammar ("described", not
                # "described the move as": PolNeAR's convention too).
                framed = Cue(m.kind, m.start, end, entry, c, b, None, lead, first, negated, True)
                framed.pronoun = plain.pronoun
                return framed
        return plain if entry.frame_optional else None

    def _inverted_pronoun(self, m: CueMatch, lead: int) -> tuple[int, int] | None:
        """The offsets of the subject pronoun inverted after a word of a verb cue whose words
        (lead-in, negation and adverbs included) open at token ``lead`` ("dit-il", "a-t-il
        ajouté", "s'indigne-t-il", "ne cesse-t-il de répéter": ``inversion.pronouns``),
        ``None`` without one."""
        tk = self.tk
        if m.kind not in VERBS or not self.lex.inverted_pronouns:
            return None
        t = lead
        while t < len(tk) and tk.ends[t] <= m.end:
            word = tk.words[t]
            h = word.rfind("-")
            if h >= 0 and word[h + 1 :].casefold() in self.lex.inverted_pronouns:
                return tk.starts[t] + h + 1, tk.ends[t]
            t += 1
        return None

    def adjuncts(
        self, b: int, recipient: bool = False
    ) -> tuple[int, tuple[int, int] | None, DocumentAt | None]:
        """Read the adjuncts opening at token ``b``: the one a `recipient` verb tells, times,
        channels and documents ("told Reuters on Tuesday", "said in a statement", "a déclaré à
        l'AFP"); return the token after them, the channel's span and the document's kind and
        words."""
        tk, lex, src = self.tk, self.lex, self.lex.sources
        n = len(tk)
        channel: tuple[int, int] | None = None
        document: DocumentAt | None = None
        k, channel = self._recipient(b) if recipient else (b, None)
        for _ in range(4):
            t = time_after(self.tk, k, self.lex.sources, clause=self.lex.complementizers)
            t = self._after_marker(k) if t == k else t
            if t != k:
                k = t
                continue
            if k >= n or tk.keys[k] not in lex.channel_prepositions or tk.boundary(k):
                break
            i, j = np_after(tk, k + 1, src, self.cue_starts)
            while i < j and (tk.keys[i] in src.links or tk.keys[i] in src.determiners):
                i += 1
            j = next((t for t in range(i + 1, j) if self._timed(t)), j)
            if i >= j:
                break
            j = self._channel_end(i, j)
            words = document_words(tk, i, j, src)
            doc = None if words is None else (words[0], self.span_of(words[1], words[2]))
            # "in an interview with CNN": a channel noun naming its channel is no document
            named = j < n and tk.keys[j] in lex.channel_with and not tk.boundary(j)
            if doc is not None and not (named and self._channel(i, j)):
                document, k = document or doc, j
            elif self._channel(i, j):
                channel, k = self._named_channel(j, channel or self.source_span(i, j))
            else:
                break
        return k, channel, document

    def _recipient(self, k: int) -> tuple[int, tuple[int, int] | None]:
        """The one a `recipient` verb tells, opening at token ``k``: the token after it and,
        when it names a source, its span as the channel ("told Reuters"); a pronoun is
        crossed ("told him")."""
        tk, src = self.tk, self.lex.sources
        if k >= len(tk) or tk.boundary(k):
            return k, None
        i, j = np_after(tk, k, src, self.cue_starts)
        if tk.keys[k] in src.pronouns and not self._possessed(k, i, j):
            return k + 1, None
        # A pronoun after the addressee opens the content ("told AFP they saw"); a time
        # adjunct ends the addressee ("told reporters late Tuesday").
        j = next(
            (t for t in range(i + 1, j) if tk.keys[t] in src.pronouns or self._timed(t)),
            j,
        )
        if 0 < j - i <= 5 and self.kind(i, j) is not None:
            return j, self.source_span(i, j)  # "told Reuters"
        return k, None

    def _possessed(self, k: int, i: int, j: int) -> bool:
        """True when the pronoun at token ``k`` is a possessive determiner opening the noun
        phrase ``i:j`` that names a source: "told her supporters" (not "told her the news")."""
        return (
            self.tk.keys[k] in self.lex.sources.determiners
            and i == k
            and j - i > 1
            and self.kind(k + 1, j) is not None
        )

    def _after_marker(self, k: int) -> int:
        """The token after an anonymity marker (``anonymity.markers``) opening at token ``k``
        with no punctuation before it, else ``k``: "a déclaré | sous couvert d'anonymat | un
        responsable" (the marker is crossed to the source)."""
        tk = self.tk
        if not self.anonymous or k >= len(tk) or tk.boundary(k):
            return k
        hit = self.lex.sources.anonymity.match(self.text, tk.starts[k], self.hi)
        return tk.index_from(hit.end()) if hit is not None else k

    def _channel_end(self, i: int, j: int) -> int:
        """Where a phrase read as tokens ``i:j`` after a cue's preposition ends: after a
        channel's name, before an indefinite article (a link word too: "des") opening a source
        ("ont indiqué à l'AFP | des sources concordantes"; not "à la radio des armées"), else
        ``j``."""
        tk, src = self.tk, self.lex.sources
        for t in range(i + 1, j - 1):
            if (
                tk.keys[t] in src.indefinite
                and tk.words[t - 1][:1].isupper()
                and self._channel(i, t)
                and self.kind(t, j)
            ):
                return t
        return j

    def _named_channel(self, k: int, channel: tuple[int, int]) -> tuple[tuple[int, int], int]:
        """The channel a channel noun ending before token ``k`` names after `with`, and the
        token after it: "an interview with CNN", "un entretien au Figaro"; else ``channel``."""
        tk, lex = self.tk, self.lex
        if k < len(tk) and tk.keys[k] in lex.channel_with and not tk.boundary(k):
            i, j = np_after(tk, k + 1, lex.sources, self.cue_starts)
            if j > i and self._channel(i, j):
                return self.source_span(i, j), j
        return channel, k

    def _opening(self, c: int) -> tuple[tuple[int, int] | None, DocumentAt | None]:
        """The channel or document opening the sentence before a comma, for a cue at token
        ``c`` after it: "Dans un communiqué, l'armée a affirmé", "In a statement, X said",
        "Contacté par l'AFP, le ministère a déclaré" (the agent of an opening participle)."""
        tk = self.tk
        if c > 0 and (end := self.opening_participle(0)) is not None and end <= c:
            return self._contacted(end), None
        if c == 0 or tk.keys[0] not in self.lex.channel_prepositions:
            return None, None
        k, channel, document = self.adjuncts(0)
        if k == 0 or k >= c or "," not in tk.gap(k):
            return None, None
        return channel, document

    def agent_participle(self, i: int, j: int) -> bool:
        """True when tokens ``i:j`` open with a lower-case participle (an ending of
        ``language.toml [attributions] clause_participle_endings``) and its agent word
        (``auxiliaries.passive_agent``): "interrogé par l'AFP", "contacté par Reuters"."""
        tk = self.tk
        word = tk.words[i]
        return (
            j - i > 2
            and word.islower()
            and word.endswith(self.lex.clause_participle_endings)
            and tk.keys[i + 1] in self.lex.passive_agent
        )

    def _apposed_channel(self, lead: int) -> tuple[int, int] | None:
        """The channel a participle and its agent between commas right before a cue at token
        ``lead`` name: "Le porte-parole, interrogé par l'AFP, a déclaré" (AFP)."""
        tk = self.tk
        if lead == 0 or tk.gap(lead).strip() != ",":
            return None
        t = lead - 1
        while t > 0 and not tk.boundary(t):
            t -= 1
        if t == 0 or tk.gap(t).strip() != "," or not self.agent_participle(t, lead):
            return None
        if tk.starts[t] in self.cue_starts:
            return None  # "Le ministre, cité par l'agence Tass, a affirmé": a reporter
        return self._contacted(lead, t)

    def _contacted(self, end: int, start: int = 0) -> tuple[int, int] | None:
        """The channel a participle clause opening at token ``start`` (the sentence's start by
        default) and ending before token ``end`` names after its agent word ("Contacted by
        Reuters", "Contacté par l'AFP", ", interrogé par l'AFP,"), ``None`` without one."""
        tk = self.tk
        for t in range(start + 1, end - 1):
            if tk.keys[t] in self.lex.passive_agent:
                i, j = np_after(tk, t + 1, self.lex.sources, self.cue_starts)
                return self.source_span(i, j) if j == end and self._channel(i, j) else None
        return None

    def opening_participle(self, i: int) -> int | None:
        """The token after the comma closing a participle clause that opens the sentence at
        token ``i``, ``None`` without one: "Reached Tuesday, | the spokesman said", "Speaking
        in Beijing, | the spokesman said", "Interrogé, | le porte-parole a indiqué", "Contacté
        par l'AFP, | le ministère a déclaré". The participle is capitalised, has an ending of
        ``language.toml [attributions] clause_participle_endings``, names no known source
        and is followed by a lower-case or time word, or alone by the comma with a long stem;
        a name ("Retired Army Col. Jane Roe", "Mohammed, a shopkeeper,") opens none."""
        tk, endings = self.tk, self.lex.clause_participle_endings
        key, n = tk.keys[i], len(tk)
        if not endings or not (i == 0 or tk.boundary(i)) or not tk.words[i][:1].isupper():
            return None
        stem = max((len(key) - len(e) for e in endings if key.endswith(e)), default=0)
        if stem < 3 or i + 1 >= n or self.kind(i, i + 1) not in (None, SourceKind.OTHER):
            return None
        alone = tk.gap(i + 1).strip() == ","
        following = tk.words[i + 1].islower() or tk.keys[i + 1] in self.lex.sources.time_words
        if not ((alone and stem >= _ALONE_STEM) or (following and not tk.boundary(i + 1))):
            return None
        for k in range(i + 1, min(n, i + _OPENING_REACH)):
            if tk.boundary(k):
                return k if tk.gap(k).strip() == "," else None
        return None

    def _channel(self, i: int, j: int) -> bool:
        """True when tokens ``i:j`` name a channel: a listed channel noun or a media term."""
        keys = self.tk.keys
        for t in range(i, j):
            for phrase in self.lex.channel_nouns.get(keys[t], ()):
                if tuple(keys[t : t + len(phrase)]) == phrase and t + len(phrase) <= j:
                    return True
        # the phrase's own kind: an anonymity marker in the sentence makes sources anonymous,
        # not media ("des responsables, sous couvert d'anonymat, ont déclaré à CNN")
        kind = valid_np(self.tk, i, j, self.lex.sources, self.cue_starts)
        return kind is SourceKind.MEDIA

    def _labelled(self, b: int, gap: int) -> bool:
        """True when the object opening at token ``b`` takes a label: right after it
        (:meth:`_labels`, :meth:`_predicate`), after a name (:meth:`_name_predicate`: "calls
        Clinton unqualified") or after an apposition or an incise between commas
        (:meth:`_past_apposition`: "called Clinton, his rival, an ISIS co-founder")."""
        if self._labels(b, gap) or self._predicate(b) or self._name_predicate(b):
            return True
        k = self._past_apposition(b)
        return k is not None and self._labels(k, gap)

    def _object_end(self, b: int) -> int | None:
        """The token after an object opening at token ``b``: an object pronoun (``labels.objects``)
        or a name of up to three capitalised words, not a known source opening the sentence;
        ``None`` otherwise."""
        tk = self.tk
        if b >= len(tk) or tk.boundary(b):
            return None
        if tk.keys[b] in self.lex.label_objects and tk.words[b].islower():
            return b + 1
        k = b
        while (
            k < min(len(tk), b + 3) and tk.words[k][:1].isupper() and (k == b or not tk.boundary(k))
        ):
            k += 1
        return k if k > b else None

    def _name_predicate(self, b: int) -> bool:
        """True when a name opens at token ``b`` and a lower-case word with a predicate ending
        (``labels.predicate_endings``) closes the clause right after it: "calls Clinton
        unqualified.", "call Pfizer unpatriotic" (not "called Smith yesterday")."""
        tk, lex = self.tk, self.lex
        k = self._object_end(b)
        if k is None or not tk.words[b][:1].isupper() or k >= len(tk) or tk.boundary(k):
            return False
        closed = k + 1 >= len(tk) or tk.boundary(k + 1) or tk.keys[k + 1] in lex.coordinators
        return closed and tk.words[k].islower() and tk.keys[k].endswith(lex.label_endings)

    def _past_apposition(self, b: int) -> int | None:
        """The token after an apposition or incise between commas that follows an object
        opening at token ``b`` ("called Clinton, his rival, an ...", "calling him, among other
        things, a ..."), within ``_APPOSITION_GAP`` words; ``None`` without one."""
        tk = self.tk
        k = self._object_end(b)
        if k is None or k >= len(tk) or tk.gap(k).strip() != ",":
            return None
        for t in range(k + 1, min(len(tk), k + _APPOSITION_GAP + 1)):
            if tk.boundary(t):
                return t if tk.gap(t).strip().startswith(",") else None  # ', "a ...
        return None

    def _labels(self, b: int, gap: int) -> bool:
        """True when a label follows token ``b`` soon: an indefinite article or a quotation
        ("called him a liar", 'called the plan "a disaster"', 'what X called "the model"')."""
        tk, src = self.tk, self.lex.sources
        for k in range(b, min(len(tk), b + gap + 1)):
            opening = tk.gap(k) if k > b else tk.gap(k).lstrip()  # not a closing mark
            if any(ch in self.lex.quotes.values() for ch in opening):
                return True
            if k > b and tk.boundary(k):
                return False
            if tk.keys[k] in src.indefinite:
                return True
        return False

    def _not_reported(self, b: int, lemma: str) -> bool:
        """True when a word of ``objects.not_reported`` for ``lemma`` heads the object opening
        at token ``b``, within ``_OBJECT_GAP`` words, no punctuation and no pronoun ("claims
        more territory", "claimed 30 lives")."""
        words = self.lex.not_reported.get(lemma)
        if not words:
            return False
        tk, pronouns = self.tk, self.lex.sources.pronouns
        for k in range(b, min(len(tk), b + _OBJECT_GAP)):
            if (tk.boundary(k) and (k > b or tk.gap(k).strip())) or tk.keys[k] in pronouns:
                return False  # "claims he exaggerated his life story": a clause
            if tk.keys[k] in words:
                return True
        return False

    def _open_with(self, b: int, entry: CueEntry) -> bool:
        """True when the word ``entry.open_with`` follows the object opening at token ``b``,
        within ``_OPEN_WITH_GAP`` words and no punctuation ("accused the army of", "a accusé
        l'armée d'avoir"), itself followed by a word."""
        tk = self.tk
        for k in range(b + 1, min(len(tk) - 1, b + _OPEN_WITH_GAP + 1)):
            if tk.boundary(k):
                return False
            if self._frame_word(k, entry.open_with):
                return not tk.boundary(k + 1)
        return False

    def _frame_word(self, k: int, frame: str) -> bool:
        """True when token ``k`` is the particle ``frame``, or it elided before an apostrophe
        (its last letter dropped: "qualifié les accusations d'infondées")."""
        key = self.tk.keys[k]
        if key == frame:
            return True
        elided = k + 1 < len(self.tk) and self.tk.gap(k + 1).strip() in ("'", "\u2019")
        return elided and key == frame[:-1]

    def _predicate(self, b: int) -> bool:
        """True when an object and its predicate open at token ``b`` (``labels``): an object
        pronoun and a lower-case word that is no preposition, adverb, time word nor excluded
        ("called them rapists", not "called him back"), or a determiner, one or two words and
        a word with a predicate ending closing the clause ("called the charges baseless.")."""
        tk, lex = self.tk, self.lex
        n = len(tk)
        if b + 1 >= n or tk.boundary(b + 1) or not tk.words[b + 1].islower():
            return False
        if tk.keys[b] in lex.label_objects:
            word = tk.keys[b + 1]
            return not (
                word in lex.not_objects
                or word in lex.label_not_predicates
                or word in lex.bare_finite  # "the roll call itself was"
                or word in lex.sources.time_words
                or word in lex.sources.indefinite
                or is_adverb(word, lex.adverbs, lex.adverb_endings)
            )
        if tk.keys[b] not in lex.sources.determiners:
            return False
        for k in range(b + 2, min(n, b + 4)):
            if tk.boundary(k):
                return False
            closed = k + 1 >= n or tk.boundary(k + 1) or tk.keys[k + 1] in lex.coordinators
            if closed and tk.words[k].islower() and tk.keys[k].endswith(lex.label_endings):
                return True
        return False

    def _lead(self, c: int, modal: bool = False) -> tuple[int, bool]:
        """The first token of a cue starting at token ``c`` once a lead-in ("went on to"),
        the adverbs, negators and a negation's auxiliary before it are included (with
        ``modal``, a modal too), clitics only inside a negation, and whether a negator was
        found."""
        tk, lex = self.tk, self.lex
        src = lex.sources
        k = accepted = self._lead_in(c)
        negated = tail = False
        while k > 0 and not tk.boundary(k):
            w = tk.keys[k - 1]
            head, tail = tail and w in lex.negation_heads, False
            if w in lex.negators:
                negated = tail = True
                k -= 1
                accepted = k
            elif head:  # "can" of "can't": no negator alone ("We can say")
                k -= 1
                accepted = k
            elif negated and w in lex.negation_auxiliaries:
                accepted = k - 1
                break
            elif modal and w in lex.modals and (tk.words[k - 1].islower() or tk.titled):
                accepted = k - 1  # "would support", "did support", "Would Support"
                break
            elif w in src.clitics and tk.words[k - 1].islower():
                k -= 1
            elif (phrase := self._adverb_phrase(k)) is not None:
                k = accepted = phrase  # "no doubt said", "for its part said"
            elif (
                (tk.words[k - 1][:1].islower() or tk.titled)  # "Trump Just Revealed"
                and is_adverb(w, lex.adverbs, lex.before_verb_endings)
                and not (k > 1 and tk.keys[k - 2] in src.determiners)
            ):
                k -= 1
                accepted = k
            else:
                break
        return accepted, negated

    def _adverb_phrase(self, k: int) -> int | None:
        """The first token of an adverb of several lower-case words ending right before
        token ``k`` ("of course", "no doubt": ``adverb_phrases``), else ``None``."""
        tk = self.tk
        for phrase in self.lex.adverb_phrases.get(tk.keys[k - 1], ()):
            i = k - len(phrase)
            if (
                i >= 0
                and self._keys_are(i, phrase)
                and all(tk.words[t][:1].islower() for t in range(i, k))
                and not any(tk.boundary(t) for t in range(i + 1, k))
            ):
                return i
        return None

    def _lead_in(self, c: int) -> int:
        """The first token of a lead-in phrase ending right before token ``c``
        (``auxiliaries.lead_ins``: "went on to say"; ``infinitive_lead_ins``: "ne cesse-t-il
        de répéter", its pronoun inverted maybe, "vient d'annoncer"), else ``c``."""
        tk = self.tk
        for phrase in self.lex.lead_ins.get(tk.keys[c - 1], ()) if c > 0 else ():
            i = c - len(phrase)
            if (
                i >= 0
                and self._keys_are(i, phrase)
                and not any(
                    tk.boundary(t) and tk.gap(t).strip() not in _ELISIONS
                    for t in range(i + 1, c + 1)
                )
            ):
                return i
        return c

    def _keys_are(self, i: int, phrase: tuple[str, ...]) -> bool:
        """True when the tokens from ``i`` are the keys of ``phrase``, a pronoun inverted after
        one of them aside ("cesse-t-il" is "cesse")."""
        keys = self.tk.keys[i : i + len(phrase)]
        return all(
            k == w or ("-" in k and self._uninverted(k) == w)
            for k, w in zip(keys, phrase, strict=True)
        )

    def _uninverted(self, word: str) -> str:
        """``word`` without the pronoun inverted after it ("cesse-t-il" gives "cesse")."""
        head, _, tail = word.rpartition("-")
        if not head or tail not in self.lex.inverted_pronouns:
            return word
        verb, _, letter = head.rpartition("-")
        return verb if verb and letter in self.lex.euphonic else head

    # -- quotations ----------------------------------------------------------------
    def closing_quote(self, gap_start: int, gap: str) -> int | None:
        """Offset of a closing quotation mark in a gap, if any."""
        for k in range(len(gap) - 1, -1, -1):
            ch = gap[k]
            if ch in self.lex.quotes:
                pos = gap_start + k
                if self.lex.quotes[ch] != ch or pos == 0 or not self.text[pos - 1].isspace():
                    return pos
        return None

    def quoted_before(self, close: int) -> Span:
        """The quotation closed at ``close`` (from its opening mark in the paragraph)."""
        opening = self.lex.quotes[self.text[close]]
        floor = max(self.para[0], close - _QUOTE_WINDOW)
        o = self.text.rfind(opening, floor, close)
        if o < 0:
            return trim(self.text, self.lo, close)
        return trim(self.text, o + 1, close)

    def quoted_after(self, gap_start: int, gap: str) -> Span | None:
        """The quotation opened (or the text introduced by a colon) in a gap after a verb."""
        openings = {v: k for k, v in self.lex.quotes.items()}
        if ":" not in gap and not any(ch in openings for ch in gap):
            return None
        for k, ch in enumerate(gap):
            if ch in openings:
                o = gap_start + k
                ceiling = min(self.para[1], o + _QUOTE_WINDOW)
                c = self.text.find(openings[ch], o + 1, ceiling)
                return trim(self.text, o + 1, c if c >= 0 else self.hi)
        return None

    # -- sources -------------------------------------------------------------------
    def kind(self, i: int, j: int, *, open_subject: bool = False) -> SourceKind | None:
        """The kind of source ``tk.words[i:j]`` names, ``None`` if it names none (any noun
        phrase names one with ``open_subject``: see the ``open`` source check)."""
        kind = valid_np(self.tk, i, j, self.lex.sources, self.cue_starts, open_subject=open_subject)
        if kind is not None and self.anonymous:
            return SourceKind.ANONYMOUS
        return kind

    def source_span(self, i: int, j: int) -> tuple[int, int]:
        """The source span of tokens ``i:j`` (rules of ``SOURCE_SPANS``)."""
        return source_span(self.tk, i, j, self.lex.sources)

    def span_of(self, i: int, j: int) -> tuple[int, int]:
        """The offsets of tokens ``i:j`` as they are (no article dropped)."""
        return self.tk.starts[i], self.tk.ends[j - 1]

    def rest(self, k: int) -> Span:
        """Content from token ``k`` to the end of the sentence, or of the quotation it is in."""
        if k >= len(self.tk):
            return NO_SPAN
        start = self.tk.starts[k]
        end = self.quotation_end(start) or self.hi
        cut = next((c for c in self.cuts if start < c < end), end)
        return trim(self.text, start, cut)

    def complementizer(self, cue: Cue) -> int | None:
        """The token of a complementizer soon after the cue (``clauses.max_gap`` words, commas
        crossed), before any other cue or content cut: "said on Monday that"."""
        tk, b = self.tk, cue.after
        for k in range(b, min(len(tk), b + self.lex.clause_gap + 1)):
            if k > b and tk.boundary(k) and tk.gap(k).strip() != ",":
                return None
            if tk.starts[k] in self.cue_starts or any(
                cue.end < c <= tk.starts[k] for c in self.cuts
            ):
                return None
            if tk.keys[k] in self.lex.complementizers:
                return k
        return None

    def quotation_end(self, pos: int) -> int | None:
        """Where the quotation holding ``pos`` closes in the sentence, if ``pos`` is in one.

        The paragraph is read from at most ``_QUOTE_WINDOW`` characters before ``pos``: a
        mark that opens and closes alike (``"``) toggles, the others count.
        """
        opening = {o: c for c, o in self.lex.quotes.items()}
        for o in self._open_quotes(pos):
            end = self.text.find(opening[o], pos, self.hi)
            if end >= 0:
                return end
        return None

    def in_quotation(self, pos: int) -> bool:
        """True when ``pos`` lies inside a quotation opened earlier in its paragraph (read
        as :meth:`quotation_end` reads it), wherever the quotation closes."""
        return bool(self._open_quotes(pos))

    def _open_quotes(self, pos: int) -> list[str]:
        """The opening marks of the quotations still open at ``pos`` in its paragraph (at
        most ``_QUOTE_WINDOW`` characters back): a mark that opens and closes alike toggles,
        the others count (two-character marks were rewritten: :func:`typewriter_quotes`)."""
        closers = self.lex.quotes
        opening = {o: c for c, o in closers.items()}
        depth: dict[str, int] = {}
        before = self.text[max(self.para[0], pos - _QUOTE_WINDOW) : pos]
        for ch in before:
            if ch in opening and opening[ch] == ch:
                depth[ch] = 1 - depth.get(ch, 0)
            elif ch in opening:
                depth[ch] = depth.get(ch, 0) + 1
            elif ch in closers:
                o = closers[ch]
                depth[o] = max(0, depth.get(o, 0) - 1)
        return [o for o, d in depth.items() if d > 0]

    def found(
        self,
        cue: Cue,
        pattern: str,
        span: tuple[int, int],
        src: tuple[int, int],
        kind: SourceKind,
        content: Span,
        *,
        stance: Stance | None = None,
        anaphoric: bool = False,
        role: tuple[int, int] | None = None,
        resolved: tuple[int, int] | None = None,
        reporter: tuple[int, int] | None = None,
        talk: bool = False,
    ) -> Found:
        """The attribution read by ``pattern`` (its ``rule`` is ``pattern:lemma``)."""
        start = min(span[0], cue.first) if span[0] == cue.start else span[0]
        document, channel = cue.document, cue.channel
        i, j = self.tk.index_from(src[0]), self.tk.index_from(src[1])
        read = read_document(self.tk, i, j, self.lex.sources, self.kind)
        if read is not None:  # "A report by Human Rights Watch found": the issuer says it
            document = read.kind, self.span_of(*read.words)
            if read.source is not None and read.source_kind is not None:
                src, kind = self.source_span(*read.source), read.source_kind
                start = min(start, src[0])
            if read.medium is not None:  # "An internal memo obtained by Reuters"
                channel = self.source_span(*read.medium)
        return Found(
            start, span[1], src[0], src[1], cue.first, cue.end, stance or cue.entry.stance,
            kind, content[0], content[1], anaphoric, f"{pattern}:{cue.entry.lemma}",
            negated=cue.negated or self._negative_source(i), role=role,
            resolved=resolved, document=document and document[0],
            document_span=document and document[1],
            channel=channel, cites=cue.entry.cites, reporter=reporter, talk=talk,
        )  # fmt: skip

    def _negative_source(self, i: int) -> bool:
        """True when the source opening at token ``i`` opens with, or right follows, a
        negative determiner ("No official said", "Aucun responsable n'a déclaré":
        ``negative_determiners``)."""
        tk, negative = self.tk, self.lex.negative_determiners
        if i < len(tk) and tk.keys[i] in negative:
            return True
        return 0 < i < len(tk) and not tk.boundary(i) and tk.keys[i - 1] in negative

    def by_subject(self, cue: Cue, pattern: str, content: Span) -> Found:
        """The attribution of a verb and its subject (``cue.subject``, set)."""
        sub = cue.subject
        assert sub is not None
        return self.found(
            cue, pattern, sub.span, sub.src, sub.kind, content, role=sub.role,
            resolved=sub.resolved, talk=sub.talk,
        )  # fmt: skip

    def source_after(self, cue: Cue, pattern: str, content: Span) -> Found | None:
        """The source follows the cue: "..., a indiqué la Finul", "C'est ce qu'indique X"; or
        it is the pronoun inverted inside it: "..., a-t-il ajouté"."""
        if cue.pronoun is not None:
            return self._inverted_source(cue, pattern, content, cue.pronoun)
        if cue.entry.recipient:
            return None  # "X, who ..., told her supporters": the one told, no source
        tk, words = self.tk, self.lex.sources
        start = cue.after if cue.after > cue.b else tk.index_from(cue.end)
        i, j = np_after(tk, start, words, self.cue_starts)
        if i < j < len(tk) and tk.keys[i] in words.links and not tk.boundary(j):
            # "a dit de RT le sénateur": the source follows the prepositional phrase
            i, j = np_after(tk, j, words, self.cue_starts)
        kind = self.kind(i, j)
        if kind is None or (j < len(tk) and not tk.boundary(j) and tk.starts[j] in self.cue_starts):
            return None  # "..., however, said they believed": "they" is the next verb's subject
        src = self.source_span(i, j)
        role = self.role_after(j)
        name = self._name_after(i, j) if role is None else None
        if name is not None:  # "..., a écrit le ministre iranien, Abbas Araghchi": his role
            src, role, kind = name, src, self.kind(*self._tokens(name)) or kind
        if role is not None and kind is SourceKind.OTHER:  # a name's kind is its role's
            kind = self.kind(*self._tokens(role)) or kind
        _, channel, document = self.adjuncts(j)  # "..., said the ministry in a statement"
        cue.channel, cue.document = cue.channel or channel, cue.document or document
        end = max(src[1], role[1]) if role is not None else src[1]
        return self.found(cue, pattern, (cue.start, end), src, kind, content, role=role)

    def _inverted_source(
        self, cue: Cue, pattern: str, content: Span, pronoun: tuple[int, int]
    ) -> Found | None:
        """The attribution whose source is the pronoun inverted in the cue ("..., estime-t-elle",
        "« ... », a-t-on appris"): a pronoun of its kind (``pronouns``: "on" anonymous),
        resolved later as any pronoun source."""
        kind = self.lex.sources.pronouns.get(self.text[pronoun[0] : pronoun[1]].casefold())
        if kind is None:
            return None
        if self.anonymous:
            kind = SourceKind.ANONYMOUS
        return self.found(cue, pattern, (cue.start, cue.end), pronoun, kind, content)

    def role_after(self, j: int) -> tuple[int, int] | None:
        """The apposition after a source read forward, between a comma and punctuation: "...,
        said Huma Abedin, vice chairwoman for the campaign." (opened by a determiner or a
        lower-case word, holding a source term or a noun phrase that could be one)."""
        tk, src = self.tk, self.lex.sources
        n = len(tk)
        if j >= n or tk.gap(j).strip() != "," or not tk.words[j][:1].islower():
            return None
        i2 = j  # np_after stops at the comma: read on from the word after it
        j2 = max(np_after(tk, j + 1, src, self.cue_starts)[1], j + 1)
        if tk.keys[i2] in src.links:
            return None
        if self.kind(i2, j2, open_subject=tk.keys[i2] in src.determiners) is None:
            return None
        end = self._attachments_after(j2)
        return None if end is None else self.source_span(i2, end)

    def _attachments_after(self, j: int) -> int | None:
        """The end of a role's prepositional attachments from token ``j`` to punctuation ("a
        demographer | at Emory University.", "chercheur | à l'Institut."): each a preposition
        (a link that is also a stop) and a noun phrase with no clause word or cue; ``None``
        when something else comes before the punctuation; a time adjunct closing it is left
        out ("on Monday"), and so is a relative clause ("a pollster | who worked for X.")."""
        tk, src = self.tk, self.lex.sources
        n = len(tk)
        while j < n and not tk.boundary(j):
            after = time_after(tk, j, src, clause=self.lex.complementizers)
            if after > j and (after >= n or tk.boundary(after)):
                return j  # "..., a spokesman for the group on Monday.": the time is no role
            key = tk.keys[j]
            if key in src.relatives and tk.words[j].islower():
                return j  # "a pollster who worked for X": the relative clause is no role
            if key not in src.links or key not in src.stops or key in src.clause_words:
                return None
            k = np_after(tk, j + 1, src, self.cue_starts)[1]
            if k <= j + 1 or self.kind(j + 1, k, open_subject=True) is None:
                return None
            j = k
        return j

    def _name_after(self, i: int, j: int) -> tuple[int, int] | None:
        """A person's name after a role read forward, between a comma and the sentence's end:
        '"...," said the Iranian foreign minister, Abbas Araghchi.' (the role a lower-case
        source term, the name capitalised words naming no other kind of source)."""
        tk = self.tk
        n = len(tk)
        if j >= n or tk.gap(j).strip() != "," or not tk.words[i][:1].islower():
            return None
        end = j
        while end < n and tk.words[end][:1].isupper() and (end == j or not tk.boundary(end)):
            end += 1
        if end - j < 2 or (end < n and not tk.boundary(end)):
            return None
        if self.kind(i, j) in (None, SourceKind.OTHER) or self.kind(j, end) is not SourceKind.OTHER:
            return None
        return self.source_span(j, end)

    def _tokens(self, span: tuple[int, int]) -> tuple[int, int]:
        """The tokens ``(i, j)`` of a span of offsets."""
        return self.tk.index_from(span[0]), self.tk.index_from(span[1])

    def agent(self, cue: Cue, pattern: str, content: Span, anaphoric: bool) -> Found | None:
        """A passive's source: the agent ("par X", "by X"), or anonymous with a complement."""
        tk, lex, b = self.tk, self.lex, cue.b
        stance = cue.entry.passive_stance or cue.entry.stance
        n = len(tk)
        if b < n and not tk.boundary(b) and tk.keys[b] in lex.passive_agent:
            i, j = np_after(tk, b + 1, lex.sources, self.cue_starts)
            kind = self.kind(i, j)
            if kind is None:
                return None
            src = self.source_span(i, j)
            start = self.lo if anaphoric else cue.start
            return self.found(
                cue, pattern, (start, src[1]), src, kind, content,
                stance=stance, anaphoric=anaphoric,
            )  # fmt: skip
        if b < n and not tk.boundary(b) and tk.keys[b] in lex.passive_complement:
            if tk.keys[b] in lex.passive_infinitive and not self.infinitive_at(b):
                return None  # "were added to the party's slate"
            return self.found(
                cue, pattern, (cue.start, cue.end), (cue.start, cue.start), SourceKind.ANONYMOUS,
                content, stance=stance, anaphoric=anaphoric,
            )  # fmt: skip
        return None

    def after_punctuation(self, cue: Cue) -> bool:
        """True when the verb follows punctuation (other than brackets) or opens the sentence
        after some."""
        tk, c = self.tk, cue.lead
        if c == 0:
            return bool(tk.gap(0).strip())
        return tk.boundary(c) and not _PARENS.issuperset(tk.gap(c))

    def gap_before(self, k: int, end: int) -> tuple[int, int | None]:
        """The gap before token ``k``, ending at ``end``: its start and closing quotation mark."""
        gap = self.tk.gap(k)
        start = end - len(gap)
        return start, self.closing_quote(start, gap)

    def at_end(self, cue: Cue, sub: Subject) -> bool:
        """True when subject and verb follow their content: "..., officials said."."""
        tk, b = self.tk, cue.after
        if sub.stop in _NOT_AFTER_CONTENT:
            return False
        b = time_after(self.tk, b, self.lex.sources, clause=self.lex.complementizers)
        src = self.lex.sources
        if b >= len(tk) or tk.boundary(b):
            return True
        if self.infinitive_at(b) and tk.starts[b + 1] not in self.cue_starts:
            return False  # "continues to trail" has no content before it ("continued to say" has)
        # "said of RT" ends a content; "assurent des missions" (an article) does not
        return tk.keys[b] in src.stops or (
            tk.keys[b] in src.links and tk.keys[b] not in src.determiners
        )

    def infinitive_at(self, b: int) -> bool:
        """True when an infinitive marker at token ``b`` opens an infinitive: a lower-case word
        follows it, with an infinitive ending where the language has them ("to trail",
        "de partir"; not "to Reuters", "to 3 percent")."""
        tk, lex = self.tk, self.lex
        if b + 1 >= len(tk) or tk.boundary(b + 1) or tk.keys[b] not in lex.infinitive_markers:
            return False
        word, src = tk.words[b + 1], self.lex.sources
        if not (word[:1].isalpha() and word.islower()) or tk.keys[b + 1] in src.determiners:
            return False  # "wrote to his supporters", "said to the crowd"
        if tk.keys[b + 1] in src.pronouns:
            return False
        nxt = tk.keys[b + 1]
        endings = lex.infinitive_endings
        return not endings or (nxt.endswith(endings) and nxt not in lex.not_infinitives)

    def _timed(self, t: int) -> bool:
        """True when a time adjunct opens at token ``t``, inside a phrase read after a cue: a
        time word, or words before one ("told reporters | late Tuesday", "in a statement | on
        Monday")."""
        return (
            self.tk.keys[t] in self.lex.sources.time_words
            or time_after(self.tk, t, self.lex.sources, clause=self.lex.complementizers) > t
        )

    def content_start(self, sub: Subject) -> int:
        """The token opening the punctuation gap before a subject (brackets crossed)."""
        k = sub.i
        while k > 0 and not (self.tk.boundary(k) and not self.tk.paren(k)):
            k -= 1
        return k
