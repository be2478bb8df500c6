"""The constructions: from a cue found in a sentence to an attribution.

Every cue the combined cue pattern finds (and no noun reading rejects) is read by
the rules of :data:`CONSTRUCTIONS`, in order. A rule returns a :class:`Found` (the
attribution: the cue is read), ``None`` (the rule does not apply: try the next) or
:data:`STOP` (the cue gives no attribution). The attribution's ``rule`` is
``"<pattern>:<lexicon entry>"``; the pattern is the rule's name, except that the
variants ``quote_after`` and ``quote_end`` report ``quote`` and ``inverted_end``
reports ``inverted`` (the pattern names the shape an analyst sees: a quotation, a
content before its source).

Each rule names the cue kinds (rules of :data:`~._lexicon.CUE_KINDS`) it reads; the
rules after ``subject`` read verbs whose subject is the noun phrase before them.
``docs/extractors/attributions.md`` lists them with examples.

Offsets here are into the normalised text; the package's ``__init__`` maps them back.

Examples
--------
>>> CONSTRUCTIONS.names()[:5]
('framed_passive', 'negated', 'anaphoric', 'passive', 'prep')
"""

from __future__ import annotations

import enum
from collections.abc import Callable

import attrs

from osintparse._patterns import RuleTable
from osintparse.extractors.attributions._lexicon import CueEntry, CueLexicon, rules_of
from osintparse.extractors.attributions._readings import CueMatch
from osintparse.extractors.attributions._sources import (
    SentenceTokens,
    np_after,
    np_before,
    skip_adverbs,
    source_span,
    valid_np,
)
from osintparse.model import SourceKind, Stance

__all__ = [
    "CONSTRUCTIONS",
    "STOP",
    "SUBJECTS",
    "Candidate",
    "Context",
    "Cue",
    "Found",
    "Stop",
    "Subject",
    "read",
]

_END_PUNCT = " \t\n.!?…;:,"
#: A span that may be missing (no content).
_Span = tuple[int | None, int | None]
_NO_SPAN: _Span = (None, None)
#: Gaps made of these only do not end a noun phrase: "L'Institut (ISW) estime".
_PARENS = frozenset(" ()")
#: How far back (in characters) to look for the opening quote of a quotation.
_QUOTE_WINDOW = 4000
#: Cue kinds read as verbs with a subject (rules of ``CUE_KINDS``).
_VERBS = frozenset({"compound", "finite"})
#: What may end a subject on its left for it to follow its content (``np_before``'s stops
#: other than punctuation).
_NOT_AFTER_CONTENT = frozenset({"start", "clause", "long", "none", "floor", "relative"})


class Stop(enum.Enum):
    """What a rule returns when the cue gives no attribution at all."""

    STOP = "stop"


#: The cue gives no attribution (no later rule is tried).
STOP = Stop.STOP


@attrs.frozen
class Found:
    """One attribution, offsets into the normalised text.

    Examples
    --------
    >>> Found(0, 5, 0, 5, 0, 5, Stance.REPORTED, SourceKind.OTHER, None, None, False, "x").rule
    'x'
    """

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


@attrs.frozen
class Subject:
    """The subject of a verb cue: tokens ``i:j``, what ended it on the left, its kind.

    ``src`` is the source span (leading article dropped), ``span`` the attribution
    span (subject to cue).

    Examples
    --------
    >>> Subject(0, 1, "start", SourceKind.OTHER, (0, 4), (0, 9)).src
    (0, 4)
    """

    i: int
    j: int
    stop: str
    kind: SourceKind
    src: tuple[int, int]
    span: tuple[int, int]


@attrs.define
class Cue:
    """A cue being read: kind, span (a frame's particle included), entry, tokens.

    ``c`` is the cue's first token, ``b`` the first token after the cue's own words
    (before a frame's particle). ``subject`` is set by the ``subject`` rule.

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> e = cue_lexicon("en").finite["said"]
    >>> Cue("finite", 9, 13, e, 1, 2).end
    13
    """

    kind: str
    start: int
    end: int
    entry: CueEntry
    c: int
    b: int
    subject: Subject | None = None


def _trim(text: str, s: int, e: int) -> _Span:
    while s < e and text[s] in " \t\n,:;":
        s += 1
    while e > s and text[e - 1] in _END_PUNCT:
        e -= 1
    return (s, e) if e > s else (None, None)


@attrs.define
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
        """Return the cue of a match, a frame's particle included; ``None`` without it."""
        tk = self.tk
        c, b = tk.index_from(m.start), tk.index_from(m.end)
        frame = m.entry.frame
        if frame is None:
            return Cue(m.kind, m.start, m.end, m.entry, c, b)
        for k in range(b, min(len(tk), b + m.entry.frame_gap + 1)):
            if k > b and tk.boundary(k):
                return None
            if tk.keys[k] == frame:
                return Cue(m.kind, m.start, tk.ends[k], m.entry, c, b)
        return None

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

    def quoted_before(self, close: int) -> _Span:
        """The quotation closed at ``close`` (from its opening mark in the paragraph)."""
        opening = self.lex.quotes[self.text[close]]
        floor = max(self.para[0], close - _QUOTE_WINDOW)
        o = self.text.rfind(opening, floor, close)
        if o < 0:
            return _trim(self.text, self.lo, close)
        return _trim(self.text, o + 1, close)

    def quoted_after(self, gap_start: int, gap: str) -> _Span | None:
        """The quotation opened (or the text introduced by a colon) in a gap after a verb."""
        openings = {v: k for k, v in self.lex.quotes.items()}
        if ":" not in gap and not any(ch in openings for ch in gap):
            return None
        for k, ch in enumerate(gap):
            if ch in openings:
                o = gap_start + k
                ceiling = min(self.para[1], o + _QUOTE_WINDOW)
                c = self.text.find(openings[ch], o + 1, ceiling)
                return _trim(self.text, o + 1, c if c >= 0 else self.hi)
        return None

    # -- sources -------------------------------------------------------------------
    def kind(self, i: int, j: int) -> SourceKind | None:
        """The kind of source ``tk.words[i:j]`` names, ``None`` if it names none."""
        kind = valid_np(self.tk, i, j, self.lex.sources, self.cue_starts)
        if kind is not None and self.anonymous:
            return SourceKind.ANONYMOUS
        return kind

    def source_span(self, i: int, j: int) -> tuple[int, int]:
        """The source span of tokens ``i:j`` (rules of ``SOURCE_SPANS``)."""
        return source_span(self.tk, i, j, self.lex.sources)

    def rest(self, k: int) -> _Span:
        """Content from token ``k`` to the end of the sentence."""
        if k >= len(self.tk):
            return _NO_SPAN
        return _trim(self.text, self.tk.starts[k], self.hi)

    def found(
        self,
        cue: Cue,
        pattern: str,
        span: tuple[int, int],
        src: tuple[int, int],
        kind: SourceKind,
        content: _Span,
        *,
        stance: Stance | None = None,
        anaphoric: bool = False,
    ) -> Found:
        """The attribution read by ``pattern`` (its ``rule`` is ``pattern:lemma``)."""
        return Found(
            span[0], span[1], src[0], src[1], cue.start, cue.end, stance or cue.entry.stance,
            kind, content[0], content[1], anaphoric, f"{pattern}:{cue.entry.lemma}",
        )  # fmt: skip

    def source_after(self, cue: Cue, pattern: str, content: _Span) -> Found | None:
        """The source follows the cue: "..., a indiqué la Finul", "C'est ce qu'indique X"."""
        i, j = np_after(self.tk, self.tk.index_from(cue.end), self.lex.sources, self.cue_starts)
        kind = self.kind(i, j)
        if kind is None:
            return None
        src = self.source_span(i, j)
        return self.found(cue, pattern, (cue.start, src[1]), src, kind, content)

    def agent(self, cue: Cue, pattern: str, content: _Span, anaphoric: bool) -> Found | None:
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
        if b >= n or tk.boundary(b) or tk.keys[b] in lex.passive_complement:
            return self.found(
                cue, pattern, (cue.start, cue.end), (cue.start, cue.start), SourceKind.ANONYMOUS,
                content, stance=stance, anaphoric=anaphoric,
            )  # fmt: skip
        return None

    def after_punctuation(self, cue: Cue) -> bool:
        """True when the verb follows punctuation (other than brackets) or opens the sentence
        after some."""
        tk, c = self.tk, cue.c
        if c == 0:
            return bool(tk.gap(0).strip())
        return tk.boundary(c) and not _PARENS.issuperset(tk.gap(c))

    def gap_before(self, k: int, end: int) -> tuple[int, int | None]:
        """The gap before token ``k``, ending at ``end``: its start and closing quotation mark."""
        gap = self.tk.gap(k)
        start = end - len(gap)
        return start, self.closing_quote(start, gap)

    def subject(self, cue: Cue) -> Subject | None:
        """The noun phrase before a verb that can be its source (rules of ``SUBJECTS``)."""
        phrase: Candidate | None = None
        for rule in rules_of(SUBJECTS):
            phrase = rule(self, cue, phrase)
            if phrase is None:
                return None
        assert phrase is not None
        kind = self.kind(phrase.i, phrase.j)
        if kind is None:
            return None
        i, j = phrase.i, phrase.j
        return Subject(
            i, j, phrase.stop, kind, self.source_span(i, j), (self.tk.starts[i], cue.end)
        )

    def at_end(self, cue: Cue, sub: Subject) -> bool:
        """True when subject and verb follow their content: "..., officials said."."""
        tk, b = self.tk, cue.b
        if sub.stop in _NOT_AFTER_CONTENT:
            return False
        return b >= len(tk) or tk.boundary(b) or tk.keys[b] in self.lex.sources.stops

    def content_start(self, sub: Subject) -> int:
        """The token opening the punctuation gap before a subject (brackets crossed)."""
        k = sub.i
        while k > 0 and not (self.tk.boundary(k) and not self.tk.paren(k)):
            k -= 1
        return k


@attrs.frozen
class Candidate:
    """A candidate subject: tokens ``i:j`` and what ended it on the left (see ``np_before``).

    Examples
    --------
    >>> Candidate(0, 2, "start").stop
    'start'
    """

    i: int
    j: int
    stop: str


#: A subject rule: from the candidate so far (``None`` for the first rule), the next
#: candidate, or ``None`` when the verb has no subject.
SubjectRule = Callable[[Context, Cue, Candidate | None], Candidate | None]

#: The rules finding the subject of a verb, in order, each refining the candidate.
SUBJECTS: RuleTable[SubjectRule] = RuleTable("attribution subjects")


@SUBJECTS.rule("phrase")
def _phrase(s: Context, cue: Cue, _: Candidate | None) -> Candidate | None:
    """The noun phrase right before the verb, adverbs and clitics skipped: "Les analystes"."""
    tk, lex, c = s.tk, s.lex, cue.c
    i, j, stop = np_before(
        tk, c, lex.sources, adverbs=lex.adverbs, adverb_endings=lex.before_verb_endings,
        cross=tk.gap(c).strip() == ",",
    )  # fmt: skip
    return Candidate(i, j, stop)


@SUBJECTS.rule("relative")
def _relative(s: Context, cue: Cue, p: Candidate | None) -> Candidate | None:
    """Across a relative clause: "L'armée, qui a démenti", "An official who asked ... said"."""
    tk, src = s.tk, s.lex.sources
    if (
        p is None
        or p.stop != "clause"
        or p.i == 0
        or tk.keys[p.i - 1] not in src.relatives
        or s.kind(p.i, p.j) is not None
    ):
        return p
    i, j, _ = np_before(tk, p.i - 1, src, cross=True)
    if cue.kind == "finite" and 0 < j < cue.c and tk.keys[j - 1] in src.breakers:
        return None
    return Candidate(i, j, "relative")


#: A construction rule: the attribution, ``None`` (next rule) or ``STOP`` (none at all).
Construction = Callable[[Context, Cue], Found | Stop | None]

#: The constructions, in the order they are tried on each cue.
CONSTRUCTIONS: RuleTable[Construction] = RuleTable("attribution constructions")


@CONSTRUCTIONS.rule("framed_passive")
def _framed_passive(s: Context, cue: Cue) -> Found | Stop | None:
    """The passive of a frame verb gives nothing: "is described as", "est présenté comme"."""
    return STOP if cue.kind == "passive" and cue.entry.frame is not None else None


@CONSTRUCTIONS.rule("negated")
def _negated(s: Context, cue: Cue) -> Found | Stop | None:
    """A finite verb after a negation or another verb (`breakers`), adverbs skipped: none."""
    if cue.kind != "finite":
        return None
    tk, c, src = s.tk, cue.c, s.lex.sources
    if c > 0 and not tk.boundary(c) and tk.keys[c - 1] in src.breakers:
        return STOP  # "did not say", "ne dit"
    j = skip_adverbs(tk, c, src, adverbs=s.lex.adverbs, adverb_endings=s.lex.before_verb_endings)
    if 0 < j < c and tk.keys[j - 1] in src.breakers:
        return STOP  # "did not even say"
    return None


@CONSTRUCTIONS.rule("anaphoric")
def _anaphoric(s: Context, cue: Cue) -> Found | Stop | None:
    """After an opener, the cue attributes the previous sentence: "C'est ce qu'indique X"."""
    if s.opener_end is None:
        return None
    if cue.kind == "passive":
        return _anaphoric_passive(s, cue, s.opener_end)
    if cue.kind == "prep":
        return _anaphoric_prep(s, cue, s.opener_end)
    if cue.kind in _VERBS:
        return _anaphoric_verb(s, cue, s.opener_end)
    return None


def _anaphoric_passive(s: Context, cue: Cue, opener_end: int) -> Found | Stop | None:
    """The opener holds the auxiliary: "That was reported by Reuters."."""
    if cue.start >= opener_end:
        return None
    return s.agent(cue, "anaphoric", s.previous or _NO_SPAN, anaphoric=True) or STOP


def _anaphoric_prep(s: Context, cue: Cue, opener_end: int) -> Found | Stop | None:
    """The preposition right after the opener: "That is according to Reuters."."""
    if cue.start != opener_end:
        return None
    np = _prep_source(s, cue)
    if np is None:
        return STOP
    _, src, kind = np
    content = s.previous or _NO_SPAN
    return s.found(cue, "anaphoric", (s.lo, src[1]), src, kind, content, anaphoric=True)


def _anaphoric_verb(s: Context, cue: Cue, opener_end: int) -> Found | Stop | None:
    """The source after the verb ("C'est ce qu'indique X") or before it ("That is what
    officials said")."""
    if cue.start < opener_end:
        return None
    content = s.previous or _NO_SPAN
    if cue.start == opener_end:
        f = s.source_after(cue, "anaphoric", content)
    else:
        floor = s.tk.index_from(opener_end)
        i, j, _ = np_before(s.tk, cue.c, s.lex.sources, floor=floor)
        kind = s.kind(i, j) if i == floor else None
        f = None
        if kind is not None:
            src = s.source_span(i, j)
            f = s.found(cue, "anaphoric", (s.lo, cue.end), src, kind, content)
    return attrs.evolve(f, start=s.lo, anaphoric=True) if f is not None else None


def _prep_source(s: Context, cue: Cue) -> tuple[int, tuple[int, int], SourceKind] | None:
    """The source after a preposition: its last token + 1, span and kind."""
    tk, lex, b = s.tk, s.lex, cue.b
    if b < len(tk) and tk.keys[b] in lex.prep_blocked:
        return None
    i, j = np_after(tk, b, lex.sources, s.cue_starts)
    kind = s.kind(i, j)
    if kind is None:
        return None
    return j, s.source_span(i, j), kind


def _prep_content(s: Context, cue: Cue, j: int) -> _Span:
    """ "Selon X, <content>" / "<content>, selon X." / the whole sentence otherwise."""
    tk = s.tk
    n = len(tk)
    if cue.c == 0 and not tk.gap(0).strip():
        return _trim(s.text, tk.ends[j - 1], s.hi)
    if j == n and not tk.gap(n).strip(_END_PUNCT):
        return _trim(s.text, s.lo, cue.start)
    return _trim(s.text, s.lo, s.hi)


@CONSTRUCTIONS.rule("passive")
def _passive(s: Context, cue: Cue) -> Found | Stop | None:
    """Passive with an agent, or none: "a été confirmé par l'armée", "is believed to"."""
    if cue.kind != "passive":
        return None
    return s.agent(cue, "passive", _trim(s.text, s.lo, s.hi), anaphoric=False) or STOP


@CONSTRUCTIONS.rule("prep")
def _prep(s: Context, cue: Cue) -> Found | Stop | None:
    """A preposition then the source: "Selon X, ...", "..., according to X."."""
    if cue.kind != "prep":
        return None
    np = _prep_source(s, cue)
    if np is None:
        return STOP
    j, src, kind = np
    return s.found(cue, "prep", (cue.start, src[1]), src, kind, _prep_content(s, cue, j))


@CONSTRUCTIONS.rule("quote")
def _quote(s: Context, cue: Cue) -> Found | Stop | None:
    """A verb right after a closing quotation mark, its source after it: '"...," said X'."""
    if cue.kind not in _VERBS or not s.after_punctuation(cue):
        return None
    _, close = s.gap_before(cue.c, cue.start)
    if close is None:
        return None
    return s.source_after(cue, "quote", s.quoted_before(close))


@CONSTRUCTIONS.rule("inverted")
def _inverted(s: Context, cue: Cue) -> Found | Stop | None:
    """A verb right after other punctuation, its source after it: "..., a indiqué la Finul"."""
    if cue.kind not in _VERBS or not s.after_punctuation(cue):
        return None
    start, close = s.gap_before(cue.c, cue.start)
    if close is not None:
        return None
    if cue.c == 0:
        return STOP
    return s.source_after(cue, "inverted", _trim(s.text, s.lo, start))


@CONSTRUCTIONS.rule("subject")
def _subject(s: Context, cue: Cue) -> Found | Stop | None:
    """Any other verb needs a subject before it that can name a source: none without."""
    if cue.kind not in _VERBS:
        return None
    cue.subject = s.subject(cue)
    return STOP if cue.subject is None else None


@CONSTRUCTIONS.rule("quote_after")
def _quote_after(s: Context, cue: Cue) -> Found | Stop | None:
    """Subject, verb, then a quotation or a colon: "X a déclaré : « ... »" (``quote``)."""
    sub = cue.subject
    if sub is None:
        return None
    tk, b = s.tk, cue.b
    gap = s.text[cue.end : tk.starts[b]] if b < len(tk) else s.text[cue.end : s.hi]
    quoted = s.quoted_after(cue.end, gap)
    if quoted is None:
        return None
    return s.found(cue, "quote", sub.span, sub.src, sub.kind, quoted)


@CONSTRUCTIONS.rule("frame")
def _frame(s: Context, cue: Cue) -> Found | Stop | None:
    """A verb with its particle: "X présente sa position comme ...", "describes ... as"."""
    sub = cue.subject
    if sub is None or cue.entry.frame is None:
        return None
    b = cue.b
    content = _trim(s.text, s.tk.starts[b], s.hi) if b < len(s.tk) else _NO_SPAN
    return s.found(cue, "frame", sub.span, sub.src, sub.kind, content)


@CONSTRUCTIONS.rule("verb_clause")
def _verb_clause(s: Context, cue: Cue) -> Found | Stop | None:
    """A complementizer soon after the verb: "X a déclaré (lundi) que ...", "X said that"."""
    sub = cue.subject
    if sub is None:
        return None
    tk, b = s.tk, cue.b
    for k in range(b, min(len(tk), b + s.lex.clause_gap + 1)):
        if k > b and tk.boundary(k) and tk.gap(k).strip() != ",":
            break
        if tk.keys[k] in s.lex.complementizers:
            return s.found(cue, "verb_clause", sub.span, sub.src, sub.kind, s.rest(k + 1))
    return None


@CONSTRUCTIONS.rule("quote_end")
def _quote_end(s: Context, cue: Cue) -> Found | Stop | None:
    """Subject and verb after a quotation: '"...," officials said.' (``quote``)."""
    sub = cue.subject
    if sub is None or not s.at_end(cue, sub):
        return None
    k = s.content_start(sub)
    _, close = s.gap_before(k, s.tk.starts[k])
    if close is None:
        return None
    return s.found(cue, "quote", sub.span, sub.src, sub.kind, s.quoted_before(close))


@CONSTRUCTIONS.rule("inverted_end")
def _inverted_end(s: Context, cue: Cue) -> Found | Stop | None:
    """Subject and verb after their content: "..., officials said." (``inverted``)."""
    sub = cue.subject
    if sub is None or not s.at_end(cue, sub):
        return None
    k = s.content_start(sub)
    start, _ = s.gap_before(k, s.tk.starts[k])
    return s.found(cue, "inverted", sub.span, sub.src, sub.kind, _trim(s.text, s.lo, start))


@CONSTRUCTIONS.rule("needs_clause")
def _needs_clause(s: Context, cue: Cue) -> Found | Stop | None:
    """A verb marked `needs_clause` gives nothing without a clause or quotation."""
    return STOP if cue.subject is not None and cue.entry.needs_clause else None


@CONSTRUCTIONS.rule("verb")
def _verb(s: Context, cue: Cue) -> Found | Stop | None:
    """Subject and verb, nothing after: "The spokesman confirmed.", "L'armée, qui a démenti,"."""
    sub = cue.subject
    if sub is None or not (cue.b >= len(s.tk) or s.tk.boundary(cue.b)):
        return None
    return s.found(cue, "verb", sub.span, sub.src, sub.kind, _NO_SPAN)


@CONSTRUCTIONS.rule("verb_inf")
def _verb_inf(s: Context, cue: Cue) -> Found | Stop | None:
    """An infinitive after the verb: "X a déclaré agir ...", "X claimed to have ..."."""
    sub = cue.subject
    tk, lex, b = s.tk, s.lex, cue.b
    if sub is None or b >= len(tk) or tk.boundary(b):
        return None
    word = tk.keys[b]
    if word in lex.infinitive_markers and b + 1 < len(tk):
        return s.found(cue, "verb_inf", sub.span, sub.src, sub.kind, s.rest(b + 1))
    if (
        lex.infinitive_endings
        and word.endswith(lex.infinitive_endings)
        and word not in lex.not_infinitives
        and tk.words[b].islower()
    ):
        return s.found(cue, "verb_inf", sub.span, sub.src, sub.kind, s.rest(b))
    return None


@CONSTRUCTIONS.rule("verb_obj")
def _verb_obj(s: Context, cue: Cue) -> Found | Stop | None:
    """An object after the verb: "X a confirmé l'envoi ...", "X told Reuters the attack ..."."""
    sub = cue.subject
    tk, b = s.tk, cue.b
    if sub is None or b >= len(tk):
        return None
    if cue.entry.recipient:
        # "X told Reuters the attack failed": skip the one told.
        if tk.keys[b] in s.lex.sources.pronouns:
            b += 1
        else:
            limit = min(len(tk), b + 4)
            while b < limit and tk.words[b][:1].isupper() and not tk.boundary(b):
                b += 1
    return s.found(cue, "verb_obj", sub.span, sub.src, sub.kind, s.rest(b))


def read(s: Context, cue: Cue) -> Found | None:
    """Return the attribution the first applying rule of :data:`CONSTRUCTIONS` reads.

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> lex = cue_lexicon("en")
    >>> t = "Officials said the bridge fell."
    >>> m = CueMatch.of(lex.cues.search(t), lex)
    >>> ctx = Context.of(t, 0, len(t), lex, frozenset({m.start}), None, (0, len(t)))
    >>> read(ctx, ctx.cue(m)).rule
    'verb_obj:say'
    """
    for rule in rules_of(CONSTRUCTIONS):
        result = rule(s, cue)
        if result is STOP:
            return None
        if result is not None:
            return result
    return None
