"""The subjects: the noun phrase before a verb cue that can be its source.

The rules of :data:`SUBJECTS` refine a candidate subject in turn (the noun phrase
right before the verb, across a relative clause...); :func:`find_subject` runs them
and checks the result can name a source.

Examples
--------
>>> SUBJECTS.names()
('phrase', 'modified', 'fronted', 'zero_relative', 'incise', 'dash_incise', 'coordinated',
 'relative', 'relative_object', 'closed_relative', 'apposition', 'long_apposition')
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from osintparse._patterns import RuleTable
from osintparse._records import record_repr
from osintparse.extractors.attributions._context import Context, Cue, Subject
from osintparse.extractors.attributions._lexicon import SourceLexicon, rules_of
from osintparse.extractors.attributions._sources import (
    document_kind,
    is_adverb,
    np_after,
    np_before,
)
from osintparse.extractors.attributions._times import time_after, time_at
from osintparse.model import SourceKind

__all__ = ["SUBJECTS", "Candidate", "clause_subject", "find_clause_subject", "find_subject"]


@attrs.frozen(eq=False)
class Candidate:
    """A candidate subject: tokens ``i:j`` and what ended it on the left (see ``np_before``).

    ``first`` is the first token of the whole noun phrase (appositions included, ``i``
    when ``None``); ``role`` the tokens of an apposition or party tag; ``antecedent``
    the tokens a relative pronoun stands for.

    Examples
    --------
    >>> Candidate(0, 2, "start").stop
    'start'
    """

    __repr__ = record_repr

    i: int
    j: int
    stop: str
    first: int | None = None
    role: tuple[int, int] | None = None
    antecedent: tuple[int, int] | None = None
    relative: bool = False
    parts: int = 1
    #: The kind, when known already (a clause subject taken from an attribution).
    kind: SourceKind | None = None
    #: The source's offsets, when they are part of token ``i`` only (a pronoun inverted in
    #: its verb: "a-t-il affirmé, ajoutant que").
    src: tuple[int, int] | None = None

    @property
    def start(self) -> int:
        """The first token of the whole noun phrase."""
        return self.i if self.first is None else self.first


#: A subject rule: from the candidate so far (``None`` for the first rule), the next
#: candidate, or ``None`` when the verb has no subject.
SubjectRule = Callable[[Context, Cue, Candidate | None], Candidate | None]

#: The rules finding the subject of a verb, in order, each refining the candidate.
SUBJECTS: RuleTable[SubjectRule] = RuleTable("attribution subjects")

#: At most this many comma-separated parts make one subject ("Name, role, age,").
_MAX_PARTS = 4


def _comma(gap: str) -> bool:
    """True when a gap is a comma (after an abbreviation's full stop or a closing bracket,
    maybe: "Sen. Rob Portman (R-Ohio), another incumbent, said")."""
    return gap.strip().lstrip(".").lstrip(")").strip() == ","


@SUBJECTS.rule("phrase")
def _phrase(s: Context, cue: Cue, _: Candidate | None) -> Candidate | None:
    """The noun phrase right before the verb, adverbs and clitics skipped: "Les analystes";
    a document with a modifier after it is read without it ("Un sondage Ifop publié
    dimanche montre")."""
    tk, lex, c = s.tk, s.lex, cue.lead
    i, j, stop = np_before(
        tk, c, lex.sources, adverbs=lex.adverbs, adverb_endings=lex.before_verb_endings,
        cross=_comma(tk.gap(c)), time=True,
    )  # fmt: skip
    timed = j < c and time_at(tk, j, lex.sources)  # "Une étude parue | lundi révèle"
    if j - i > 1 and (timed or s.kind(i, j, open_subject=cue.entry.open_subject) is None):
        j = _document_head(s, i, j)
    return Candidate(i, j, stop)


@SUBJECTS.rule("modified")
def _modified(s: Context, cue: Cue, p: Candidate | None) -> Candidate | None:
    """A noun with a participle clause after it, cut at a determiner and holding no cue, is
    the subject with it: "Volunteers helping to rebuild the school said" (not "the
    school"), "Les bénévoles aidant à reconstruire l'école ont affirmé" (a lower-case word
    with an ending of ``language.toml [attributions] clause_participle_endings`` after a
    phrase naming a source, another word before the determiner: "The council received the
    report" is a verb and its object); the noun alone when the whole phrase names none
    ("Volunteers")."""
    tk, src, endings = s.tk, s.lex.sources, s.lex.clause_participle_endings
    if p is None or p.i == 0 or tk.boundary(p.i) or tk.keys[p.i] not in src.determiners:
        return p
    i, j, stop = np_before(tk, p.i, src)
    if j != p.i or j - i < 2 or any(tk.starts[t] in s.cue_starts for t in range(i, j)):
        return p  # "Moscow repeated a claim Kyiv denied": a verb, no participle
    for t in range(i + 1, j - 1):  # a word between the participle and the phrase
        key = tk.keys[t]
        grammar = key in src.determiners or key in src.links or key in src.stops
        if grammar or not tk.words[t].islower() or not key.endswith(endings):
            continue
        open_subject = cue.entry.open_subject
        if len(key) <= 4 or s.kind(i, t) is None:
            return p
        # the whole phrase when it can be a source, else the noun ("Volunteers")
        whole = s.kind(i, p.j, open_subject=open_subject) is not None
        return Candidate(i, p.j if whole else t, stop)
    return p


@SUBJECTS.rule("fronted")
def _fronted(s: Context, cue: Cue, p: Candidate | None) -> Candidate | None:
    """A time adjunct opening the clause with no comma before the subject is dropped: "On
    Tuesday night he said", "In March Clinton told" (the words after its last time word,
    when they open with a pronoun or a capitalised word and name a source)."""
    if p is None or p.j - p.i < 3:
        return p
    tk, src = s.tk, s.lex.sources
    if tk.keys[p.i] not in src.links and tk.keys[p.i] not in src.stops:
        return p
    for k in range(p.j - 2, p.i, -1):
        key = tk.keys[k]
        if key in src.time_words or key.isdigit():
            rest = tk.keys[k + 1]
            named = rest in src.pronouns or tk.words[k + 1][:1].isupper()
            if named and s.kind(k + 1, p.j, open_subject=cue.entry.open_subject) is not None:
                return attrs.evolve(p, i=k + 1, stop="floor")
            return p
    return p


@SUBJECTS.rule("zero_relative")
def _zero_relative(s: Context, cue: Cue, p: Candidate | None) -> Candidate | None:
    """A nominal cue then a name, with no relative pronoun: the name alone is the subject
    ("a claim Kyiv denied"; "l'accusation que Kyiv a rejetée" has its pronoun; a document
    word before a name is its issuer: "Un sondage Ifop publié dimanche montre"). So is a
    noun then a subject pronoun: the pronoun alone is the subject ("the $18 million he says
    he raised", "the target it pledged to reach"), or, when the noun is the verb's own
    object (the verb's complement is missing: nothing, or a preposition, follows it), there
    is none ("the two guides I wrote in 2014", "the things he said"); not after a nominal cue
    ("the claim he denied") nor in an adjunct opened by a preposition ("At the rally he said")."""
    if p is None or p.j - p.i < 2:
        return p
    tk, nouns = s.tk, s.lex.kinds["noun"]
    last = p.j - 1
    if _pronoun_after_noun(s, last):
        if tk.keys[last - 1] in nouns or _adjunct_opening(s, p.i) or not _object_gap(s, cue):
            return Candidate(last, p.j, p.stop)
        return None
    for t in range(p.j - 2, p.i - 1, -1):
        if not tk.words[t].islower() or not tk.words[t + 1][:1].isupper():
            continue
        if tk.keys[t] in nouns and s.kind(t + 1, p.j) is not None:
            return Candidate(t + 1, p.j, p.stop)
        return p
    return p


def _object_gap(s: Context, cue: Cue) -> bool:
    """True when a verb's complement is missing: the sentence or clause ends after it (no
    quotation opens), or a preposition follows it ("wrote in 2014", "asked for")."""
    tk, lex, b = s.tk, s.lex, cue.after
    if b >= len(tk):
        return True
    if tk.boundary(b):
        return not any(q in tk.gap(b) for q in (*lex.quotes, *lex.quotes.values()))
    key = tk.keys[b]
    if key in lex.infinitive_markers:
        return False
    return key in lex.sources.links or key in lex.sources.stops or key in lex.not_objects


def _adjunct_opening(s: Context, i: int) -> bool:
    """True when the phrase at token ``i`` is, or follows, a preposition opening the sentence
    or a clause after punctuation: "At the rally", "In a statement"."""
    tk, src = s.tk, s.lex.sources

    def mark(t: int) -> bool:
        return tk.keys[t] in src.links or tk.keys[t] in src.stops

    k = i if mark(i) else i - 1
    return k >= 0 and mark(k) and (k == 0 or tk.boundary(k)) and k <= i


def _pronoun_after_noun(s: Context, k: int) -> bool:
    """True when token ``k`` is a subject pronoun right after a lower-case word that may be a
    noun: no grammar word, time word, number nor adverb ("guides I", not "then he")."""
    tk, lex, src = s.tk, s.lex, s.lex.sources
    if k < 1 or tk.boundary(k) or (tk.keys[k] not in src.pronouns and tk.keys[k] not in src.people):
        return False
    key, word = tk.keys[k - 1], tk.words[k - 1]
    # membership in each set: no union of ten sets built on every call
    grammar = any(
        key in words
        for words in (
            src.determiners, src.links, src.stops, src.connectors, src.clause_words,
            src.breakers, src.time_words, src.calendar, src.relatives, lex.coordinators,
        )
    )  # fmt: skip
    return (
        word.islower()
        and not grammar
        and not word[:1].isdigit()
        and tk.starts[k - 1] not in s.cue_starts
        and key not in lex.adverbs
        # an adverb ending after a determiner is a noun's: "the rally he", "the family"
        and (
            not is_adverb(key, lex.adverbs, lex.adverb_endings)
            or (k > 1 and tk.keys[k - 2] in src.determiners)
        )
    )


def _document_head(s: Context, i: int, j: int) -> int:
    """The end of the document phrase opening ``i:j`` before a lower-case modifier and a
    time word ("sondage Ifop" in "sondage Ifop publié dimanche"), else ``j``; a modifier
    ending the phrase, before the time adjunct np_before skipped, must follow no link word
    ("étude" in "Une étude parue lundi", not in "analysis released by the ministry")."""
    tk, src = s.tk, s.lex.sources
    for t in range(i + 1, min(j, len(tk) - 1)):
        after = tk.keys[t + 1]  # past j: the time adjunct np_before skipped ("parue lundi")
        if (
            tk.words[t].islower()
            and (after in src.time_words or (t + 1 == j and after in src.determiners))
            and (t + 1 < j or not any(tk.keys[x] in src.links for x in range(i, t)))
            and tk.keys[t] not in src.links
            and document_kind(tk, i, t, src) is not None
            and s.kind(i, t) is not None
        ):
            return t
    return j


@SUBJECTS.rule("incise")
def _incise(s: Context, cue: Cue, p: Candidate | None) -> Candidate | None:
    """A provenance or anonymity incise between commas is crossed: its source is no
    subject ("Reuters, citing two officials, reported", "Le directeur, cité par Le
    Parisien, a assuré", "L'AFP, qui cite le ministère, affirme", "Des responsables,
    s'exprimant sous couvert d'anonymat, ont déclaré")."""
    tk, c = s.tk, cue.lead
    if (p is not None and p.i == 0) or c < 2 or not _comma(_unquoted(s, tk.gap(c))):
        return p
    # the incise opens the candidate ("citant des responsables") or comes before it
    first = p.i if p is not None and p.j > p.i else c - 1  # an adverb alone read as empty
    t = first
    while t > max(0, first - 10) and (not tk.boundary(t) or not _unquoted(s, tk.gap(t)).strip()):
        t -= 1  # quotation marks inside are crossed: 'X, citing "the magic of Trump," said'

    if t == 0 or not _comma(tk.gap(t)):
        return p
    anonymity = s.lex.sources.anonymity.search(s.text, tk.starts[t], tk.starts[c])
    if (
        anonymity is None
        and not _parenthetical(s, t, c)
        and (p is None or not _opens_incise(s, t, max(p.j, p.i + 1)))
    ):
        return p
    i, j, stop = np_before(tk, t, s.lex.sources, cross=True)
    return Candidate(i, j, stop) if j > i else p


@SUBJECTS.rule("dash_incise")
def _dash_incise(s: Context, cue: Cue, p: Candidate | None) -> Candidate | None:
    """An incise between dashes right before the verb is crossed when the phrase before it
    names a source: "Murphy — after a knock on wood — told", "Gingrich — mentioned by
    Newsmax as a choice — told", "Le ministre – cité par l'AFP – a affirmé"."""
    tk, c = s.tk, cue.lead
    if c < 3 or tk.gap(c).strip() not in _DASHES:
        return p
    for t in range(c - 1, max(0, c - _DASH_REACH), -1):
        gap = tk.gap(t).strip()
        if gap in _DASHES:
            i, j, stop = np_before(tk, t, s.lex.sources, cross=True)
            kind = s.kind(i, j, open_subject=cue.entry.open_subject) if j > i else None
            return Candidate(i, j, stop) if kind is not None else p
        if gap and gap != ",":
            return p
    return p


#: Dashes setting off an incise ("X — after a pause — said").
_DASHES = frozenset({"\u2013", "\u2014", "--", "-"})
#: How many tokens back from a verb the dash opening its incise is looked for.
_DASH_REACH = 20


def _unquoted(s: Context, gap: str) -> str:
    """A gap without its quotation marks."""
    return "".join(ch for ch in gap if ch not in s.lex.quotes and ch not in s.lex.quotes.values())


def _parenthetical(s: Context, t: int, c: int) -> bool:
    """True when tokens ``t:c`` are an adverb or adverbial phrase of ``adverbs.words`` set off
    by commas ("U.S. officials, however, said", "The ministry, for its part, said", "Le
    ministère, de son côté, a indiqué"), or lower-case adverbs only ("X, too, said")."""
    tk, lex = s.tk, s.lex
    if t >= c:
        return False
    if " ".join(tk.keys[t:c]) in lex.adverbs:
        return True
    return all(
        tk.words[k].islower() and is_adverb(tk.keys[k], lex.adverbs, lex.adverb_endings)
        for k in range(t, c)
    )


def _opens_incise(s: Context, t: int, end: int) -> bool:
    """True when token ``t`` opens a provenance incise: a citing or reporting preposition
    ("citant", "cited by") or a relative pronoun then a citing verb ("qui cite")."""
    tk = s.tk
    if tk.keys[t] in s.lex.sources.relatives and t + 1 < end:
        entry = s.lex.finite.get(tk.keys[t + 1])
        return entry is not None and entry.cites == "source" and tk.starts[t + 1] in s.cue_starts
    if tk.starts[t] not in s.cue_starts:
        return False
    preps = s.lex.kinds.get("prep", {})
    return any(
        (entry := preps.get(" ".join(tk.keys[t:u]))) is not None and bool(entry.cites)
        for u in range(t + 1, min(t + 4, end) + 1)
    )


@SUBJECTS.rule("coordinated")
def _coordinated_verb(s: Context, cue: Cue, p: Candidate | None) -> Candidate | None:
    """A verb right after a connector has the subject of the clause before: "Cruz exhorted
    Republicans to vote and said", "He endorsed Clinton, but told X", "X a critiqué Y et a
    déclaré"."""
    tk, k = s.tk, cue.lead
    if p is None or k == 0 or tk.boundary(k):
        return p
    if tk.keys[k - 1] in s.lex.coordinators:  # "and said", "but told"
        return clause_subject(s, cue)
    return p


@SUBJECTS.rule("relative")
def _relative(s: Context, cue: Cue, p: Candidate | None) -> Candidate | None:
    """A relative pronoun: the source when the verb is the relative clause's ("McConnell,
    who said", kept with its antecedent), else crossed ("An official who asked ... said")."""
    tk, src = s.tk, s.lex.sources
    if p is None or p.stop != "clause" or p.i == 0:
        return p
    if tk.keys[p.i - 1] not in src.relatives and not _noun_relative(s, p.i - 1):
        return p
    if p.kind is not None:
        return p
    rel = p.i - 1
    closed = _comma(tk.gap(cue.lead))
    adjunct = (
        p.i == p.j
        or tk.keys[p.i] in src.stops
        or is_adverb(tk.keys[p.i], s.lex.adverbs, s.lex.adverb_endings)
    )
    i, j, stop = np_before(tk, rel, src, cross=True)
    if cue.kind == "finite" and 0 < j < cue.lead and tk.keys[j - 1] in src.breakers:
        return None
    if adjunct and not closed:
        antecedent = _name_of(s, i, j, stop)
        if _comma(tk.gap(rel)):  # "attacked by X, who ...": the phrase before the comma
            antecedent = _antecedent_tail(s, i, j) or antecedent
        if antecedent is None and (
            i >= j or s.kind(i, j, open_subject=cue.entry.open_subject) is None
        ):
            return None  # "le panneau qui indique la sortie": no source before the pronoun
        return Candidate(rel, rel + 1, stop, first=rel, antecedent=antecedent, relative=True)
    verbs = s.lex.participle_endings
    clause = any(
        tk.words[t].islower() and tk.keys[t].endswith(verbs) for t in range(p.i, p.j) if verbs
    )
    if closed or clause or s.kind(p.i, p.j, open_subject=cue.entry.open_subject) is None:
        # ", who ..., said", "who requested anonymity said": the relative clause is crossed
        return _parts(s, Candidate(i, j, "relative" if stop == "start" else stop))
    return p  # "which advocates say": the phrase after the relative pronoun


#: How many words a relative clause's verb may take before its object (adverbs, particle).
_RELATIVE_VERB_WORDS = 3


@SUBJECTS.rule("relative_object")
def _relative_object(s: Context, cue: Cue, p: Candidate | None) -> Candidate | None:
    """The object of a relative clause right before the verb is crossed, its antecedent the
    subject: "Doctors who treated the wounded said" gives Doctors (not "the wounded"),
    "Residents who fled the town told AFP" Residents."""
    tk, src = s.tk, s.lex.sources
    if p is None or p.relative or p.i < 2 or tk.boundary(p.i):
        return p
    rel = _relative_before(s, p.i)
    if rel is None:
        return p
    i, j, stop = np_before(tk, rel, src, cross=True)
    if i >= j or s.kind(i, j, open_subject=cue.entry.open_subject) is None:
        return p
    return _parts(s, Candidate(i, j, "relative" if stop == "start" else stop))


def _relative_before(s: Context, k: int) -> int | None:
    """The lower-case relative pronoun a few lower-case words before token ``k`` (the verb
    of its clause between: "who treated | the wounded"), with no punctuation; else ``None``."""
    tk, src = s.tk, s.lex.sources
    for t in range(k - 2, max(0, k - 2 - _RELATIVE_VERB_WORDS), -1):
        if tk.boundary(t + 1) or not tk.words[t].islower():
            return None
        if tk.keys[t] in src.relatives:
            return t if not tk.boundary(t) else None
    return None


def _antecedent_tail(s: Context, i: int, j: int) -> tuple[int, int] | None:
    """The longest end of the phrase ``i:j`` before a relative pronoun after a comma that
    names a source, opens with no link and holds no verb, stop nor breaker: the object or
    prepositional object a relative clause hangs on ("attacked by Bernie Sanders, who cites
    ...", "alarm among Jewish leaders, who had hoped ..."); ``None`` without one."""
    tk, src = s.tk, s.lex.sources
    verbs = s.lex.participle_endings
    # the last cue read ends the phrase too ("a été critiqué par X, qui ...")
    cue_end = s.done[-1].cue_end if s.done else -1
    t = j
    while t > max(i, j - src.max_words):
        key = tk.keys[t - 1]
        if key in src.stops or key in src.breakers or (t < j and tk.boundary(t)):
            break
        if verbs and tk.words[t - 1].islower() and key.endswith(verbs):
            break
        if tk.starts[t - 1] < cue_end:
            break
        t -= 1
    for k in range(t, j):
        if tk.keys[k] not in src.links and s.kind(k, j) is not None:
            return k, j  # "by X", "among X": no link opens it
    return None


def _noun_relative(s: Context, rel: int) -> bool:
    """True when token ``rel`` is a relative pronoun of ``noun_relatives`` ("that") right
    after a noun phrase naming a document or a source, no cue before it: "A 2014 study that
    appeared in X found" (not "officials said that", "so large that")."""
    tk, src = s.tk, s.lex.sources
    if rel == 0 or tk.keys[rel] not in src.noun_relatives or tk.boundary(rel):
        return False
    i, j, _ = np_before(tk, rel, src)
    if j <= i or j != rel or any(tk.starts[t] in s.cue_starts for t in range(i, j)):
        return False
    return document_kind(tk, i, j, src) is not None or s.kind(i, j) is not None


#: How many tokens back from a verb a relative clause closed by a comma is looked for.
_RELATIVE_REACH = 30


@SUBJECTS.rule("closed_relative")
def _closed_relative(s: Context, cue: Cue, p: Candidate | None) -> Candidate | None:
    """A relative clause closed by a comma right before the verb is crossed, whatever it
    holds: "Dunwoody, who worked for X in the general election, said", "Mike Morrell, a
    veteran of the CIA who retired in 2013, said" (the noun phrase before the pronoun, with
    its apposition, is the subject; not "general election" nor "2013"). A quotation mark, a
    semicolon or a colon on the way back ends the search."""
    if p is None or p.relative or p.stop == "relative" or p.kind is not None:
        return p
    tk, src, c = s.tk, s.lex.sources, cue.lead
    if c == 0 or not _comma(tk.gap(c)):
        return p
    quotes = s.lex.quotes.values()
    for r in range(c - 1, max(0, c - _RELATIVE_REACH) - 1, -1):
        gap = tk.gap(r + 1)
        if any(ch in quotes or ch in ";:" for ch in gap):
            return p
        if tk.keys[r] not in src.relatives or r == 0 or not tk.words[r].islower():
            continue
        if r + 1 >= c:
            return p
        i, j, stop = np_before(tk, r, src, cross=True)
        if i >= j or stop == "long":
            return p
        found = _parts(s, Candidate(i, j, stop))
        if s.kind(found.i, found.j, open_subject=cue.entry.open_subject) is None:
            return p
        return attrs.evolve(found, stop="relative")
    return p


def _name_of(s: Context, i: int, j: int, stop: str) -> tuple[int, int] | None:
    """The name among the parts of the noun phrase ``i:j`` (see ``apposition``)."""
    if i >= j:
        return None
    c = _parts(s, Candidate(i, j, stop))
    return (c.i, c.j) if s.kind(c.i, c.j) is not None else None


@SUBJECTS.rule("apposition")
def _apposition(s: Context, cue: Cue, p: Candidate | None) -> Candidate | None:
    """A name with its apposition, age or party tag, in any order: "Mark Spivey, a
    spokesman for X, said", "Quina Jones, 25, said", "le porte-parole, Jean Dupont, a dit"."""
    if p is None or p.relative or p.stop == "relative" or p.kind is not None:
        return p
    # "X, he said, Y": a subject between commas after its content is read alone.
    gap = s.tk.gap(cue.b) if cue.b < len(s.tk) else ""
    quote = any(ch in s.lex.quotes.values() for ch in gap)
    interposed = gap.strip().startswith(",") and not quote
    return _parts(s, p, walk=not interposed)


#: How many tokens back from a verb after a comma a long apposition's opening comma is looked for.
_APPOSITION_REACH = 40


@SUBJECTS.rule("long_apposition")
def _long_apposition(s: Context, cue: Cue, p: Candidate | None) -> Candidate | None:
    """A name opening the sentence, then a long apposition or adjunct closed by the comma
    before the verb, whatever it holds ("and", a relative clause, "D.C.-based", inner
    commas): "Bob Smith, a talk show host and station manager in Alabama, said", "Jane Roe,
    wearing a red cape, said". Tried when the rules before found no name with its role;
    the apposition is the role (an adjunct or relative clause is none)."""
    if p is None or p.relative or p.kind is not None or p.role is not None or p.parts > 1:
        return p
    tk, src, c = s.tk, s.lex.sources, cue.lead
    if c < 3 or not _comma(tk.gap(c)) or p.i == 0:
        return p
    gap = tk.gap(cue.b) if cue.b < len(tk) else ""
    if gap.strip().startswith(",") and not any(ch in s.lex.quotes.values() for ch in gap):
        return p  # "X, he said, Y": the subject is read alone
    quotes = s.lex.quotes.values()
    for t in range(c - 1, max(0, c - _APPOSITION_REACH), -1):
        g = tk.gap(t)
        if any(ch in quotes or ch in ";:" for ch in g):
            return p
        if not _comma(g) or t + 1 >= c:
            continue
        i, j, stop = np_before(tk, t, src, cross=True)
        # "Still, Tad Devine, ...", "In Alexandria, Va., Lazar, in a jumpsuit, said"
        opening = stop == "start" or (_comma(stop) and _adjunct_first(s))
        if opening and j == t and _kind_of_part(s, i, j) == "name":
            return _name_then_body(s, Candidate(i, j, stop), c) or p
    return p


def _name_then_body(s: Context, name: Candidate, c: int) -> Candidate | None:
    """The name ``name`` with what stands between it and the verb at token ``c`` as its
    role (see ``long_apposition``), or ``None`` when that cannot be an apposition."""
    tk, src, t = s.tk, s.lex.sources, name.j
    if not _apposition_body(s, t, c):
        return None
    mid = _kind_of_part(s, t, c)
    if mid in ("age", "tag", "pronoun") or (mid == "name" and not _linked(s, t, c)):
        return None  # "Smith, Jones, said": a list, no apposition
    j, tag = _split_tag(s, name.i, name.j)
    # "wearing a red cape", "who runs X", "whose coalition ...": an adjunct or a clause
    clause = mid == "adjunct" or tk.keys[t] in src.relatives or tk.keys[t] in src.stops
    role = tag if clause else (t, c)
    return Candidate(name.i, j, name.stop, first=name.i, role=role, parts=2)


def _adjunct_first(s: Context) -> bool:
    """True when the sentence opens with an adjunct, a connector or a participle clause ("In
    August, ...", "Still, ...", "Speaking in Paris, ...")."""
    src, first = s.lex.sources, s.tk.keys[0]
    opening = first in src.links or first in src.stops or first in src.connectors
    return opening or s.opening_participle(0) is not None


def _apposition_body(s: Context, i: int, j: int) -> bool:
    """True when tokens ``i:j`` can stand between a name and its verb: no cue, no dash and,
    unless a clause word opens them ("who had served", "when asked"), no other verb
    (`breakers` but "to": "a rabbi helping to organize it"; not "her son had been
    traveling")."""
    tk, src = s.tk, s.lex.sources
    clause = tk.keys[i] in src.clause_words
    for t in range(i, j):
        if tk.starts[t] in s.cue_starts or any(ch in "\u2014\u2013" for ch in tk.gap(t)):
            return False
        key = tk.keys[t]
        if not clause and key in src.breakers and key not in src.links:
            return False
    return True


def _linked(s: Context, i: int, j: int) -> bool:
    """True when tokens ``i:j`` hold a link word ("Democrat of California")."""
    return any(s.tk.keys[t] in s.lex.sources.links for t in range(i, j))


def _kind_of_part(s: Context, i: int, j: int) -> str:
    """What a comma-separated part is: ``age``, ``tag``, ``pronoun``, ``adjunct``, ``name``,
    ``role`` or ``none``.

    A role is a noun phrase opened by a determiner or a lower-case word ("a spokesman for
    X", "director of Y"); a name has capitalised first and last words ("Senator Dianne
    Feinstein", "Democrat of California"); anything else ("Two million people have fled")
    ends the parts."""
    tk, src = s.tk, s.lex.sources
    if i >= j:
        return "none"
    first = tk.keys[i]
    if tk.words[i].isdigit() and all(tk.keys[t] in src.time_words for t in range(i + 1, j)):
        return "age"  # "Quina Jones, 25, said", "Anna, 34 ans, raconte"
    if j - i == 1 and _is_tag(src, tk.words[i]):
        return "tag"
    if j - i == 1 and first in src.pronouns:
        return "pronoun"
    if _adjunct(s, i, j):
        return "adjunct"
    if first in src.stops or first in src.links:
        return "none"
    if j - i == 1 and is_adverb(first, s.lex.adverbs, s.lex.adverb_endings):
        return "none"
    if first in src.determiners or _possessive(s, i, j):
        return "role" if s.kind(i, j, open_subject=True) is not None else "none"
    if tk.words[i][:1].islower():
        # "director of X", "former top diplomat": a lower-case role holds a source term
        return "role" if s.kind(i, j) is not None else "none"
    if (
        s.opening_participle(i) == j
        or time_after(s.tk, i, s.lex.sources, clause=s.lex.complementizers) >= j
    ):
        return "none"  # "Reached Tuesday, the spokesman said", "Early Tuesday, the ministry"
    last, _ = _split_tag(s, i, j)
    if (
        tk.words[last - 1][:1].isupper()
        and not any(_verb_like(s, t) for t in range(i, last))
        and s.kind(i, j) is not None
    ):
        return "name"  # "Russia attacked Kyiv", "Clinton won on Super Tuesday" are none
    return "none"


def _adjunct(s: Context, i: int, j: int) -> bool:
    """True when a part is an adjunct: opened by a preposition ("at a later press gaggle"),
    by a lower-case word with a participle ending ("dedicating the museum on Saturday"), or
    by a participle and its agent word ("interrogé par l'AFP": :meth:`Context.agent_participle`)."""
    tk, src = s.tk, s.lex.sources
    first, verbs = tk.keys[i], s.lex.participle_endings
    if (first in src.stops and first in src.links) or s.agent_participle(i, j):
        return True
    return (
        bool(verbs)
        and tk.words[i].islower()
        and first.endswith(verbs)
        and first not in src.determiners
    )


def _verb_like(s: Context, t: int) -> bool:
    """True when token ``t``, inside a capitalised part, reads as its verb: a lower-case word
    with a participle ending, or one that is no grammar word and no source term before a
    link, stop or determiner, with no plural ending ("won" in "Clinton won on Super
    Tuesday"; not "voters" in "Most Republican voters in Ohio", nor "delegate" in
    "Florida delegate John Archer", nor "columnist" in "Post columnist Jane Roe")."""
    tk, src = s.tk, s.lex.sources
    word, key = tk.words[t], tk.keys[t]
    if not word.islower():
        return False
    verbs = s.lex.participle_endings
    if verbs and key.endswith(verbs):
        return True
    grammar = key in src.links or key in src.determiners or key in src.stops
    if grammar or key in src.connectors or t + 1 >= len(tk) or tk.boundary(t + 1):
        return False
    if src.plural_endings and key.endswith(src.plural_endings):
        return False  # "Republican voters in Alabama": a plural noun, maybe
    after = tk.keys[t + 1]  # "won on", "lacks support from": a verb before its complement
    before = after in src.links or after in src.stops or after in src.determiners
    return before and s.kind(t, t + 1) is None


def _possessive(s: Context, i: int, j: int) -> bool:
    """True when a part opens with a possessive name and ends on a lower-case word: "Sanders'
    campaign manager", "Trump's lawyer"."""
    tk = s.tk
    if j - i < 2 or not tk.words[j - 1].islower():
        return False
    gap = tk.gap(i + 1).strip().replace("\u2019", "'")
    return gap == "'" or (tk.keys[i + 1] == "s" and gap == "'")


def _coordinated(s: Context, i: int, j: int) -> bool:
    """True when tokens ``i:j`` hold a coordinator (a word both link and connector: "and")."""
    src = s.lex.sources
    return any(s.tk.keys[t] in src.links and s.tk.keys[t] in src.connectors for t in range(i, j))


def _is_tag(src: SourceLexicon, word: str) -> bool:
    low = word.casefold()
    return low in src.party_tags or any(
        low.startswith(p) and len(low) > len(p) and word[len(p)].isupper()
        for p in src.party_prefixes
    )


def _split_tag(s: Context, i: int, j: int) -> tuple[int, tuple[int, int] | None]:
    """A party tag closing a part ("Rep. John Mica (R-Fla.)"): the part's end without it."""
    if j - i > 1 and _is_tag(s.lex.sources, s.tk.words[j - 1]) and s.tk.paren(j - 1):
        return j - 1, (j - 1, j)
    return j, None


_Part = tuple[int, int, str, str]


def _parts(s: Context, p: Candidate, *, walk: bool = True) -> Candidate:
    """The comma-separated parts ending with ``p``: the name is the source, the part next
    to it its role; ages, party tags and adjuncts ("at a later press gaggle") are skipped
    (a tag is the role when nothing else is). Without ``walk``, ``p`` alone is read."""
    tk, src = s.tk, s.lex.sources
    first = _kind_of_part(s, p.i, p.j)
    if first == "adjunct" and walk and p.i > 0 and _comma(tk.gap(p.i)):
        # "Hillary Clinton, at a later press gaggle, said": the phrase before the adjunct
        i, j, stop = np_before(tk, p.i, src, cross=True)
        if _whole(s, i):
            return _parts(s, Candidate(i, j, stop))
    parts = _walk_parts(s, [(p.i, p.j, p.stop, first)]) if walk else [(p.i, p.j, p.stop, first)]
    listed = len(parts) > 1 and all(x[3] != "adjunct" for x in parts)
    if listed and _coordinated(s, p.i, p.j) and not _named_role(s, parts):
        # "Clinton, Trump and Sanders said": one source, a list (of no adjunct: "In separate
        # interviews, three current and former employees said").
        return Candidate(parts[0][0], p.j, parts[0][2], parts=len(parts))
    people = [x for x in parts if x[3] in ("name", "role")]
    if len(people) == 2 and all(x[3] == "name" for x in people):
        link = any(tk.keys[t] in src.links for t in range(people[1][0], people[1][1]))
        if not link and s.kind(people[1][0], people[1][1]) is SourceKind.OTHER:
            parts = [parts[-1]]  # "Sorry, Sanders said": no apposition of two bare names
    if len(parts) == 1 or not any(x[3] == "name" for x in people):
        j, tag = _split_tag(s, p.i, p.j)
        return Candidate(p.i, j, p.stop, role=tag) if tag else p
    return _with_role(s, parts, people)


def _named_role(s: Context, parts: list[_Part]) -> bool:
    """True when the parts are a proper name then a role holding a coordinator: an
    apposition, no list ("Marie Dupont, directrice des prix et des salaires, a dit"; not
    "Officials, diplomats and analysts said", whose first part is a source term)."""
    first, last = parts[0], parts[-1]
    return (
        len(parts) == 2
        and first[3] == "name"
        and last[3] == "role"
        and s.kind(first[0], first[1]) is SourceKind.OTHER
    )


def _walk_parts(s: Context, parts: list[_Part]) -> list[_Part]:
    """The parts before the last one, back to a part that is none, a pronoun or cut out of
    a clause ("Giving a speech in Toledo, Clinton says"), in text order."""
    tk, src = s.tk, s.lex.sources
    while (
        len(parts) < _MAX_PARTS
        and parts[-1][3] not in ("none", "pronoun")
        and parts[-1][0] > 0
        and _comma(tk.gap(parts[-1][0]))
    ):
        i, j, stop = np_before(tk, parts[-1][0], src, cross=True)
        kind = _kind_of_part(s, i, j)
        if kind in ("none", "pronoun") or not _whole(s, i) or stop == "long":
            break
        if _coordinated(s, i, j):
            break
        parts.append((i, j, stop, kind))
    parts.reverse()
    return parts


def _with_role(s: Context, parts: list[_Part], people: list[_Part]) -> Candidate:
    """The first name among the parts as the source, the part after it (or before it, or a
    party tag) as its role."""
    names = [x for x in people if x[3] == "name"]
    head = names[0] if names else people[0]
    k = people.index(head)
    others = people[k + 1 : k + 2] or people[max(0, k - 1) : k]
    j, tag = _split_tag(s, head[0], head[1])
    role = (others[0][0], others[0][1]) if others else tag
    if role is None:
        role = next(((x[0], x[1]) for x in parts if x[3] == "tag"), None)
    return Candidate(head[0], j, parts[0][2], first=parts[0][0], role=role, parts=len(parts))


def _whole(s: Context, i: int) -> bool:
    """True when a part starting at token ``i`` opens the sentence or follows punctuation."""
    return i == 0 or s.tk.boundary(i)


def _tokens(s: Context, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The tokens ``i:j`` covering the offsets ``span``."""
    if span is None:
        return None
    return s.tk.index_from(span[0]), s.tk.index_from(span[1])


def clause_subject(s: Context, cue: Cue) -> Candidate | None:
    """The subject of the clause a gerund or coordinated verb hangs on: the source of the
    last attribution found before it in the sentence ("X said A, adding B"), else the
    sentence's first noun phrase, a leading adjunct and an apposition aside ("In August,
    several groups granted X an extension, saying ...")."""
    for f in reversed(s.done):
        if f.cue_end <= cue.first and f.source_end > f.source_start:
            i, j = s.tk.index_from(f.source_start), s.tk.index_from(f.source_end)
            inside = None  # "a-t-il affirmé, ajoutant que": the pronoun ends a token
            if j <= i or s.tk.starts[i] != f.source_start:
                i, j, inside = j - 1, j, (f.source_start, f.source_end)
            return Candidate(
                i, j, "clause", first=_determiner_before(s, i, f.start),
                role=_tokens(s, f.role), antecedent=_tokens(s, f.resolved), kind=f.source_kind,
                src=inside,
            )  # fmt: skip
    return _first_phrase(s, cue)


def _determiner_before(s: Context, i: int, start: int) -> int | None:
    """Token ``i - 1`` when it is a determiner inside the attribution starting at ``start``
    ("The senator praised X, saying": the gerund's phrase opens at "The", as the first
    verb's does), else ``None``."""
    tk = s.tk
    if i == 0 or tk.starts[i - 1] < start or tk.boundary(i):
        return None
    return i - 1 if tk.keys[i - 1] in s.lex.sources.determiners else None


def _first_phrase(s: Context, cue: Cue) -> Candidate | None:
    """The first noun phrase of the sentence before ``cue`` (see :func:`clause_subject`)."""
    start = _after_adjunct(s, cue)
    k = _name_end(s, cue, start)
    if k > start and s.kind(start, k) is None:
        k = _complement_end(s, cue, start, k)
    if k == start or s.kind(start, k) is None:
        return None
    tk, src = s.tk, s.lex.sources
    role = None
    if k < cue.c and tk.gap(k).strip() == ",":
        i, j = np_after(tk, k, src, s.cue_starts)
        if j > i and j < cue.c and tk.gap(j).strip() == "," and _kind_of_part(s, i, j) == "role":
            role = (i, j)
    return Candidate(start, k, "clause", role=role)


def _complement_end(s: Context, cue: Cue, start: int, k: int) -> int:
    """The end of a phrase whose name ended inside a prepositional complement ("A doctor in
    the | city resigned, saying"): the complement's nouns up to a lower-case word with a
    participle ending when one closes them ("A doctor in the city"), when the phrase before
    the last link word names a source; else ``k``."""
    tk, src = s.tk, s.lex.sources
    link = next((t for t in range(k - 1, start, -1) if tk.keys[t] in src.links), None)
    if link is None or s.kind(start, link) is None:
        return k
    verbs, grammar = s.lex.participle_endings, s.lex.name_grammar
    end = k
    while end < cue.c and end - k < src.max_words and not tk.boundary(end):
        word = tk.keys[end]
        if not tk.words[end].islower() or word in grammar or word in src.clause_words:
            break
        if verbs and word.endswith(verbs):
            return end if end > k else k  # "A spokesman at the city hospital resigned"
        end += 1
    return k


def _after_adjunct(s: Context, cue: Cue) -> int:
    """The first token after a leading adjunct ("In August, ...") or participle clause
    ("Walking to the next address, ...") and connectors."""
    tk, src = s.tk, s.lex.sources
    start = 0
    opening = s.opening_participle(0)
    if opening is not None and opening < cue.c:
        start = opening  # "Walking to the next address, Ebeling reminisced ... and said"
    elif tk.keys[0] in src.links or tk.keys[0] in src.stops or tk.keys[0] in src.connectors:
        # "In August, several groups ...": the adjunct runs to the first comma.
        k = 1
        while k < cue.c and k < src.max_words and "," not in tk.gap(k):
            k += 1
        start = k
    else:
        start = _opening_adjunct(s, cue)
    while start < cue.c and tk.keys[start] in src.connectors:
        start += 1
    return start


#: The longest time adjunct ending with a time word before a comma, in words.
_TIME_WORDS = 4


def _opening_adjunct(s: Context, cue: Cue) -> int:
    """The token after the comma closing a short adjunct that opens the sentence, else 0: one
    opening with a time opener or an adverb, within ``max_words`` ("Early in his campaign,
    Trump attacked X, calling ...", "Separately, the ministry ..."), or one of at most
    ``_TIME_WORDS`` words ending with a time word ("Three days later, the army ...")."""
    tk, src, lex = s.tk, s.lex.sources, s.lex
    first = tk.keys[0]
    opened = (
        first in src.time_openers
        or first in src.time_adverbs
        or is_adverb(first, lex.adverbs, lex.adverb_endings)
    )
    for k in range(1, min(cue.c, max(src.max_words, _TIME_WORDS + 1))):
        if not tk.boundary(k):
            continue
        gap = tk.gap(k)
        if opened and k < src.max_words and gap.strip() == ",":
            return k
        timed = k <= _TIME_WORDS and tk.keys[k - 1] in src.time_words
        return k if timed and "," in gap else 0
    return 0


def _name_end(s: Context, cue: Cue, start: int) -> int:
    """The end of the noun phrase opening at token ``start``: a clause word, a verb, a cue,
    or a lower-case word naming no source after a name or a source term ("Hillary Clinton
    went on offense", "The envoy left the talks")."""
    tk, src = s.tk, s.lex.sources
    verbs = s.lex.participle_endings
    grammar = s.lex.name_grammar
    k, named = start, False
    while k < cue.c and k - start < src.max_words and not (k > start and tk.boundary(k)):
        word, lower = tk.keys[k], tk.words[k].islower()
        if word in src.clause_words or word in src.breakers or tk.starts[k] in s.cue_starts:
            break
        if k > start and verbs and lower and word.endswith(verbs):
            break
        termed = lower and word not in grammar and s.kind(k, k + 1) is not None
        if named and lower and word not in grammar and not termed:
            break  # "Hillary Clinton went", "The envoy left", but "Le Premier ministre"
        named = named or (not lower and word not in grammar) or termed
        k += 1
    return k


def find_subject(s: Context, cue: Cue) -> Subject | None:
    """The noun phrase before a verb that can be its source (rules of :data:`SUBJECTS`)."""
    phrase: Candidate | None = None
    for rule in rules_of(SUBJECTS):
        phrase = rule(s, cue, phrase)
        if phrase is None:
            return None
    assert phrase is not None
    return _subject_of(s, cue, phrase)


def _subject_of(s: Context, cue: Cue, phrase: Candidate) -> Subject | None:
    """The subject a candidate gives, when it can name a source."""
    i, j, tk = phrase.i, phrase.j, s.tk
    kind = phrase.kind or s.kind(i, j, open_subject=cue.entry.open_subject)
    if phrase.relative:
        kind = s.kind(*phrase.antecedent) if phrase.antecedent else SourceKind.OTHER
    if kind is None:
        return None
    if not cue.entry.people and j - i == 1 and tk.keys[i] in s.lex.sources.people:
        return None  # "He shows no respect": an evidence verb takes no person pronoun
    role = resolved = None
    if phrase.role is not None:
        role = s.source_span(*phrase.role)
        if kind is SourceKind.OTHER:
            kind = s.kind(*phrase.role) or kind
    if phrase.antecedent is not None:
        resolved = s.source_span(*phrase.antecedent)
    if phrase.src is not None:
        src = phrase.src
    elif phrase.relative or phrase.kind is not None:
        src = (tk.starts[i], tk.ends[j - 1])
    else:
        src = s.source_span(i, j)
    start = tk.starts[phrase.start]
    talk = _own_talk(s, cue, i, j)
    return Subject(
        phrase.start, j, phrase.stop, kind, src, (start, cue.end), role=role,
        resolved=resolved, parts=phrase.parts, talk=talk,
    )  # fmt: skip


def _own_talk(s: Context, cue: Cue, i: int, j: int) -> bool:
    """True when tokens ``i:j`` are a speaker's own talk before a cue of a class without
    speakers ("you want", "I think" in a quotation): kept only inside another's content. A
    first-person pronoun (``pronouns.speaker``) outside any quotation is the writer's own
    view, or an interviewee's in a transcript ("But I think the plan is sound."): a source,
    unresolved; not as the subject of a coordinated verb."""
    if cue.entry.speaker:
        return False
    said = s.text[s.tk.starts[i] : s.tk.ends[j - 1]].casefold().replace("\u2019", "'")
    if said not in s.lex.sources.dialogue:
        return False
    src, k = s.lex.sources, cue.lead
    first = said in src.pronouns and said not in src.personal
    # a coordinated verb ("We must ensure ... training and support") is not the writer's
    coordinated = k > 0 and s.tk.keys[k - 1] in s.lex.coordinators
    return not first or coordinated or s.in_quotation(cue.start)


def find_clause_subject(s: Context, cue: Cue) -> Subject | None:
    """The subject of the clause a gerund hangs on (:func:`clause_subject`), if it can name
    a source."""
    phrase = clause_subject(s, cue)
    return None if phrase is None else _subject_of(s, cue, phrase)
