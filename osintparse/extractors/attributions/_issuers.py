"""The body that issued a document named as a source: a table of small named rules.

"A report by Human Rights Watch found ..." is said by Human Rights Watch, through a report:
the attribution's ``source`` is the issuer, its ``document`` the kind of document, and
``document_start``/``document_end`` locate the document's words ("report"). A document
without a named issuer ("The report states", "Satellite images show") stays the source.

Each rule of :data:`ISSUERS` reads the source's noun phrase around its document words and
returns the issuer's tokens, or ``None``; the first that finds one wins:

``after``
    a link word right after the document's words opens the issuer ("report by Human
    Rights Watch", "chiffres de l'Insee", "figures from the statistics office");
``agent``
    the same after one participle ("survey conducted by Gallup", "images analysées par
    Maxar");
``before``
    a name, or a possessive, before the document's words ("A UN report", "the
    government's latest estimate");
``name_after``
    a name right after the document's words ("un sondage Ifop", "una encuesta Gallup").

A time word or a survey's client ends the issuer (:func:`client_end`); when the subject
phrase is the issuer itself, the document before it is read by :func:`document_before`
("Une enquête menée par l'IGF révèle"). The words are lexicon data (``sources.toml
[issuers]``). An issuer must name a source
(the source checks of :func:`~._sources.valid_np`) and have no document at its head ("the
findings of the inquiry" keeps its source; "the statistics office" issues).

Examples
--------
>>> ISSUERS.names()
('after', 'agent', 'before', 'name_after')
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import attrs

from osintparse._patterns import RuleTable
from osintparse._records import record_repr
from osintparse.extractors.attributions._lexicon import SourceLexicon
from osintparse.extractors.attributions._sources import SentenceTokens, document_words
from osintparse.extractors.attributions._times import time_after
from osintparse.model import DocumentKind, SourceKind

__all__ = [
    "ISSUERS",
    "DocumentReading",
    "Issued",
    "client_end",
    "dated_participle",
    "document_before",
    "issued",
    "read_document",
]

_APOSTROPHES = ("'", "\u2019")

#: The kind of source tokens ``i:j`` name, ``None`` if none (the context's ``kind``).
KindOf = Callable[[int, int], "SourceKind | None"]


@attrs.frozen(eq=False)
class Issued:
    """A document phrase split: the issuer's tokens ``i:j``, the document's ``a:b`` (its
    words and their modifiers: "new report" of "a new report by Politico").

    Examples
    --------
    >>> Issued(3, 6, 1, 2, SourceKind.NGO).issuer
    (3, 6)
    """

    __repr__ = record_repr

    i: int
    j: int
    a: int
    b: int
    kind: SourceKind

    @property
    def issuer(self) -> tuple[int, int]:
        """The issuer's tokens ``(i, j)``."""
        return self.i, self.j


@attrs.frozen(eq=False)
class _Phrase:
    """What the rules read: the phrase's tokens ``i:j``, the document's ``a:b``."""

    __repr__ = record_repr

    tk: SentenceTokens
    lex: SourceLexicon
    kind_of: KindOf
    i: int
    j: int
    a: int
    b: int
    document: DocumentKind | None = None

    def named(self, x: int, y: int) -> SourceKind | None:
        """The kind of source tokens ``x:y`` name when they name one and no document."""
        if not x < y or self.tk.keys[x] in self.lex.time_words:
            return None
        doc = document_words(self.tk, x, y, self.lex)
        if doc is not None and (doc[1] == x if self.lex.head_first else doc[2] == y):
            return None  # a document itself ("the inquiry"), not "the statistics office"
        return self.kind_of(x, y)

    def after_determiners(self, x: int) -> int:
        """The first token from ``x`` that is no determiner."""
        while x < self.j and self.tk.keys[x] in self.lex.determiners:
            x += 1
        return x


Rule = Callable[[_Phrase], "tuple[int, int] | None"]
ISSUERS: RuleTable[Rule] = RuleTable("document issuers")


@ISSUERS.rule("after")
def _after(p: _Phrase) -> tuple[int, int] | None:
    """A link word right after the document's words opens the issuer: "report by X"; after a
    survey, a link of its population does not ("a poll of South Carolina")."""
    tk, lex = p.tk, p.lex
    if p.b >= p.j or tk.boundary(p.b) or tk.keys[p.b] not in lex.issuer_links:
        return None
    if p.document is DocumentKind.SURVEY and tk.keys[p.b] in lex.issuer_populations:
        return None
    return p.after_determiners(p.b + 1), p.j


#: How many tokens after a document's words its agent word may stand, a time adjunct
#: aside ("released on Tuesday by", "to be released this week by").
_AGENT_REACH = 5


@ISSUERS.rule("agent")
def _agent(p: _Phrase) -> tuple[int, int] | None:
    """An agent word after a participle of issuing (and a word around it, or a time adjunct)
    opens the issuer: "survey carried out by X", "images satellites analysées par Maxar", "a
    poll released Tuesday by Gallup"; not "a memo obtained by Reuters" (the medium that
    obtained it)."""
    tk, k, reach = p.tk, p.b + 1, p.b + _AGENT_REACH
    if p.b >= p.j or not tk.words[p.b].islower():
        return None
    while k < min(p.j, reach):
        if tk.boundary(k - 1) or tk.boundary(k):
            return None
        timed = time_after(tk, k, p.lex)
        if timed > k:  # "released | on Tuesday | by", "publié | le 3 mars | par"
            k, reach = timed, reach + timed - k
            continue
        if tk.keys[k] in p.lex.issuer_agents:
            ok = any(tk.keys[t] in p.lex.issuer_participles for t in range(p.b, k))
            return (p.after_determiners(k + 1), p.j) if ok else None
        if not tk.words[k].islower():
            return None
        k += 1
    return None


@ISSUERS.rule("before")
def _before(p: _Phrase) -> tuple[int, int] | None:
    """A name or a possessive before the document's words: "A UN report", "the
    government's latest estimate" (a name opening the sentence must be a known source)."""
    tk, x = p.tk, p.after_determiners(p.i)
    if x >= p.a:
        return None
    for t in range(x + 1, p.a):
        if tk.keys[t] == "s" and tk.gap(t) in _APOSTROPHES:  # a possessive
            adjectives = all(tk.words[k].islower() for k in range(t + 1, p.a))
            return (x, t) if adjectives else None
    if not all(tk.words[t][:1].isupper() for t in range(x, p.a)):
        return None
    if x == 0 and p.kind_of(x, p.a) in (None, SourceKind.OTHER):
        return None  # "Western estimates", "New figures": capitalised by the sentence
    return x, p.a


@ISSUERS.rule("name_after")
def _name_after(p: _Phrase) -> tuple[int, int] | None:
    """A name right after the document's words: "un sondage Ifop" (its capitalised words:
    "un sondage Ifop réalisé pour Le Figaro" is Ifop's)."""
    tk, k = p.tk, p.b
    while k < p.j and tk.words[k][:1].isupper() and not tk.boundary(k):
        k += 1
    return (p.b, k) if k > p.b else None


def issued(
    tk: SentenceTokens, i: int, j: int, lex: SourceLexicon, kind_of: KindOf
) -> Issued | None:
    """Split the source phrase ``tk.words[i:j]`` into a document and its issuer, if it
    names both (see the module's rules).

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> tk = SentenceTokens.of("A report by Human Rights Watch", 0, 30)
    >>> lex = cue_lexicon("en").sources
    >>> got = issued(tk, 1, 6, lex, lambda x, y: SourceKind.NGO)
    >>> tk.words[got.i : got.j], tk.words[got.a : got.b], got.kind.value
    (['Human', 'Rights', 'Watch'], ['report'], 'ngo')
    >>> issued(tk, 1, 2, lex, lambda x, y: SourceKind.NGO) is None
    True
    """
    found = document_words(tk, i, j, lex)
    if found is None:
        return None
    document, a, b = found
    phrase = _Phrase(tk, lex, kind_of, i, j, a, b, document)
    for rule in ISSUERS:
        span = rule.fn(phrase)
        if span is None:
            continue
        x, y = span
        y = client_end(tk, x, y, lex, document)
        kind = phrase.named(x, y)
        if kind is None:
            return None
        if x >= b:  # the document's phrase: its modifiers, not its determiners or issuer
            a = phrase.after_determiners(i)
        else:  # "the government's latest estimate": after the possessive
            a = y + 1 if tk.keys[y] == "s" and tk.gap(y) in _APOSTROPHES else y
        return Issued(x, y, a, b, kind)
    return None


def client_end(
    tk: SentenceTokens, x: int, y: int, lex: SourceLexicon, document: DocumentKind
) -> int:
    """The end of an issuer at tokens ``x:y``: a time adjunct ends it ("an analysis released
    by the VA last month", "in March"), so does a lower-case participle of issuing ("un
    informe de la ONU publicado el martes") and a survey's client ("un sondage Ifop pour Le
    Figaro").

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> tk = SentenceTokens.of("Ifop pour Le Figaro", 0, 19)
    >>> client_end(tk, 0, 4, cue_lexicon("fr").sources, DocumentKind.SURVEY)
    1
    """
    clients = lex.issuer_clients if document is DocumentKind.SURVEY else frozenset()
    return next(
        (
            t
            for t in range(x + 1, y)
            if tk.keys[t] in clients
            or time_after(tk, t, lex) > t
            or (dated_participle(tk, t, lex) and tk.words[t].islower())
        ),
        y,
    )


def dated_participle(tk: SentenceTokens, t: int, lex: SourceLexicon) -> bool:
    """True when token ``t`` is a participle of issuing before a time word ("published
    Tuesday", "publié le 3 mars"; not "conducted by Edison Research").

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> tk = SentenceTokens.of("a report released on Monday", 0, 27)
    >>> dated_participle(tk, 2, cue_lexicon("en").sources)
    True
    """
    if tk.keys[t] not in lex.issuer_participles or t + 1 >= len(tk) or tk.boundary(t + 1):
        return False
    return time_after(tk, t + 1, lex) > t + 1


def _participles_before(
    tk: SentenceTokens, t: int, lex: SourceLexicon
) -> Iterator[tuple[int, bool]]:
    """For an agent word at token ``t``: where the participle phrase before it starts (one
    or two words: "menée par", "carried out by") and whether it is one of issuing."""
    for end in (t - 1, t - 2):
        if end < 1 or tk.boundary(end + 1) or not tk.words[end].islower():
            return
        yield end, any(tk.keys[k] in lex.issuer_participles for k in range(end, t))


def document_before(
    tk: SentenceTokens, i: int, lex: SourceLexicon
) -> tuple[DocumentKind, int, int, bool] | None:
    """The document named before a phrase at token ``i`` with a participle and an agent
    word: its kind, tokens ``a:b`` (modifiers included) and whether the participle is one
    of issuing ("Une enquête menée par l'IGF": the IGF issued it) or not ("une note
    consultée par l'AFP": the AFP obtained it); ``None`` without one.

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> tk = SentenceTokens.of("Une enquête menée par l'IGF", 0, 27)
    >>> kind, a, b, issuing = document_before(tk, 5, cue_lexicon("fr").sources)
    >>> kind.value, tk.words[a:b], issuing
    ('report', ['enquête'], True)
    """
    t = i - 1
    while t >= 0 and tk.keys[t] in lex.determiners:
        t -= 1
    if t < 1 or tk.keys[t] not in lex.issuer_agents or tk.boundary(t):
        return None
    for end, issuing in _participles_before(tk, t, lex):
        lo = end
        while lo > 0 and end - lo < 4 and not tk.boundary(lo):
            lo -= 1
        found = document_words(tk, lo, end, lex)
        if found is not None and found[2] == end:
            return (*found, issuing)
    return None


@attrs.frozen(eq=False)
class DocumentReading:
    """What a source phrase says of a document: its kind and words (tokens ``words``), and,
    when they differ from the phrase, the source (the issuer, or the document itself when
    the phrase names the medium that obtained it) and the medium.

    Examples
    --------
    >>> DocumentReading(DocumentKind.REPORT, (1, 2)).source is None
    True
    """

    __repr__ = record_repr

    kind: DocumentKind
    words: tuple[int, int]
    source: tuple[int, int] | None = None
    source_kind: SourceKind | None = None
    medium: tuple[int, int] | None = None


def read_document(
    tk: SentenceTokens, i: int, j: int, lex: SourceLexicon, kind_of: KindOf
) -> DocumentReading | None:
    """Read the document a source phrase at tokens ``i:j`` names or follows, if any.

    - "A report by Human Rights Watch": the issuer is the source (:func:`issued`);
    - "An internal memo obtained by Reuters": the document is the source, Reuters the
      medium that obtained it;
    - "Une enquête menée par l'IGF" before the phrase "IGF": the IGF's enquête, a survey's
      client cut off ("l'Ifop pour Le Figaro");
    - "une note consultée par l'AFP" before the phrase "AFP": the note is the source, the
      AFP the medium;
    - any other phrase holding a document's words: the document, the phrase its source.

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> tk = SentenceTokens.of("An internal memo obtained by Reuters", 0, 36)
    >>> got = read_document(tk, 1, 6, cue_lexicon("en").sources, lambda x, y: SourceKind.MEDIA)
    >>> tk.words[slice(*got.source)], tk.words[slice(*got.medium)]
    (['internal', 'memo'], ['Reuters'])
    """
    found = document_words(tk, i, j, lex) if j > i else None
    if found is None:
        return _read_before(tk, i, j, lex, kind_of)
    document, a, b = found
    split = issued(tk, i, j, lex, kind_of)
    if split is not None:
        return DocumentReading(document, (split.a, split.b), split.issuer, split.kind)
    for t in (b + 1, b + 2):  # "memo obtained by Reuters", "documents handed over to X"
        if t >= j or tk.keys[t] not in lex.issuer_agents or tk.boundary(t):
            continue
        for first, issuing in _participles_before(tk, t, lex):
            medium = t + 1, j
            if first == b and not issuing and kind_of(*medium) is not None:
                lo = _Phrase(tk, lex, kind_of, i, j, a, b).after_determiners(i)
                own = kind_of(lo, b) or SourceKind.OTHER
                return DocumentReading(document, (lo, b), (lo, b), own, medium)
    return DocumentReading(document, (a, b))


def _read_before(
    tk: SentenceTokens, i: int, j: int, lex: SourceLexicon, kind_of: KindOf
) -> DocumentReading | None:
    before = document_before(tk, i, lex)
    if before is None:
        return None
    document, a, b, issuing = before
    if not issuing:  # "une note consultée par l'AFP indique": the note says it
        return DocumentReading(document, (a, b), (a, b), kind_of(a, b) or SourceKind.OTHER, (i, j))
    end = client_end(tk, i, j, lex, document)
    if end < j and (client := kind_of(i, end)) is not None:  # "l'Ifop pour Le Figaro"
        return DocumentReading(document, (a, b), (i, end), client)
    return DocumentReading(document, (a, b))
