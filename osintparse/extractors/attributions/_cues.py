"""The attribution patterns: from a cue found in a sentence to an :class:`Attribution`.

Every cue the combined pattern of :mod:`._attr_lexicon` finds is tried against
the patterns below, in this order; the first that applies gives the attribution
and its ``rule`` (``"<pattern>:<lexicon entry>"``):

``anaphoric``
    The sentence opens with an anaphoric opener and the cue follows it: "C'est ce
    qu'indique X." / "That is according to X." / "That is what X said." The
    content is the previous sentence.
``passive``
    Passive auxiliary + participle, with an agent ("a été confirmé par X") or
    none ("is believed to", "il est dit que": anonymous, empty source).
``prep``
    A preposition then the source: "Selon X, ...", "..., according to X."
``frame``
    A verb with its particle: "X présente sa position comme ...".
``quote``
    A quotation and a verb: "« ... », a déclaré X", '"...," X said', "X a
    déclaré : « ... »". The content is the quoted text.
``inverted``
    The verb after the content: "..., a indiqué la Finul", "..., officials said".
``verb_clause``
    "X a déclaré que ...", "X said (on Monday) that ...".
``verb_inf``
    "X a déclaré agir ...", "X claimed to have ...".
``verb_obj``
    "X a officiellement confirmé l'envoi ...", "X told Reuters ...", "X accuse Y de ...".
``verb``
    "X said." with nothing after.

Offsets here are into the normalised text; :mod:`.attributions` maps them back.

Examples
--------
>>> from osintparse.text import normalize
>>> text = "Selon Séoul, les unités sont là."
>>> found = match_sentence(text, 0, len(text), "fr", previous=None)
>>> [(f.rule, text[f.source_start:f.source_end]) for f in found]
[('prep:selon', 'Séoul')]
"""

from __future__ import annotations

import bisect

import attrs
import regex

from osintparse.extractors.attributions._lexicon import CueLexicon, Verb, cue_lexicon, key
from osintparse.extractors.attributions._sources import (
    SentenceTokens,
    np_after,
    np_before,
    strip_article,
    valid_np,
)
from osintparse.model import SourceKind, Stance

__all__ = ["Found", "match_sentence"]

_END_PUNCT = " \t\n.!?…;:,"
#: A span that may be missing (no content).
_Span = tuple[int | None, int | None]
_NO_SPAN: _Span = (None, None)
#: Gaps made of these only do not end a noun phrase: "L'Institut (ISW) estime".
_PARENS = frozenset(" ()")
#: How far back (in characters) to look for the opening quote of a quotation.
_QUOTE_WINDOW = 4000


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


def _trim(text: str, s: int, e: int) -> _Span:
    while s < e and text[s] in " \t\n,:;":
        s += 1
    while e > s and text[e - 1] in _END_PUNCT:
        e -= 1
    return (s, e) if e > s else (None, None)


@attrs.define
class _Sentence:
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

    # -- helpers -----------------------------------------------------------------
    def closing_quote(self, gap_start: int, gap: str) -> int | None:
        """Offset of a closing quotation mark in a gap, if any."""
        for k in range(len(gap) - 1, -1, -1):
            ch = gap[k]
            if ch in self.lex.quotes:
                pos = gap_start + k
                if self.lex.quotes[ch] != ch or pos == 0 or not self.text[pos - 1].isspace():
                    return pos
        return None

    def quoted_before(self, close: int) -> tuple[int | None, int | None]:
        opening = self.lex.quotes[self.text[close]]
        floor = max(self.para[0], close - _QUOTE_WINDOW)
        o = self.text.rfind(opening, floor, close)
        if o < 0:
            return _trim(self.text, self.lo, close)
        return _trim(self.text, o + 1, close)

    def quoted_after(self, gap_start: int, gap: str) -> tuple[int | None, int | None] | None:
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

    def kind(self, i: int, j: int) -> SourceKind | None:
        kind = valid_np(self.tk, i, j, self.lex.sources, self.cue_starts)
        if kind is not None and self.anonymous:
            return SourceKind.ANONYMOUS
        return kind

    def found(
        self,
        span: tuple[int, int],
        src: tuple[int, int],
        cue: tuple[int, int],
        stance: Stance,
        kind: SourceKind,
        content: tuple[int | None, int | None],
        rule: str,
        *,
        anaphoric: bool = False,
    ) -> Found:
        return Found(
            span[0], span[1], src[0], src[1], cue[0], cue[1], stance, kind,
            content[0], content[1], anaphoric, rule,
        )  # fmt: skip

    def source_span(self, i: int, j: int) -> tuple[int, int]:
        s = strip_article(self.tk, i, j, self.lex.sources)
        start, end = self.tk.starts[s], self.tk.ends[j - 1]
        if self.text.startswith(")", end) and "(" in self.text[start:end]:
            end += 1  # "Institut pour l'étude de la guerre (ISW)"
        return start, end

    def rest(self, k: int) -> tuple[int | None, int | None]:
        """Content from token ``k`` to the end of the sentence."""
        if k >= len(self.tk):
            return None, None
        return _trim(self.text, self.tk.starts[k], self.hi)

    # -- patterns ----------------------------------------------------------------
    def source_after(
        self,
        cue: tuple[int, int],
        stance: Stance,
        rule: str,
        content: tuple[int | None, int | None],
    ) -> Found | None:
        """Inverted and anaphoric patterns: the source follows the cue."""
        b = self.tk.index_from(cue[1])
        i, j = np_after(self.tk, b, self.lex.sources, self.cue_starts)
        kind = self.kind(i, j)
        if kind is None:
            return None
        src = self.source_span(i, j)
        return self.found((cue[0], src[1]), src, cue, stance, kind, content, rule)

    def preposition(self, m_start: int, m_end: int, form: str) -> Found | None:
        lex = self.lex
        stance = lex.prepositions[form]
        b = self.tk.index_from(m_end)
        if b < len(self.tk) and self.tk.keys[b] in lex.prep_blocked:
            return None
        i, j = np_after(self.tk, b, lex.sources, self.cue_starts)
        kind = self.kind(i, j)
        if kind is None:
            return None
        src = self.source_span(i, j)
        cue = (m_start, m_end)
        span = (m_start, src[1])
        if self.opener_end is not None and m_start == self.opener_end:
            content: _Span = self.previous or _NO_SPAN
            return self.found(
                (self.lo, src[1]), src, cue, stance, kind, content, f"anaphoric:{form}",
                anaphoric=True,
            )  # fmt: skip
        c = self.tk.index_from(m_start)
        nothing_before = c == 0 and not self.tk.gap(0).strip()
        n = len(self.tk)
        nothing_after = j == n and not self.tk.gap(n).strip(_END_PUNCT)
        if nothing_before:
            content = _trim(self.text, self.tk.ends[j - 1], self.hi)
        elif nothing_after:
            content = _trim(self.text, self.lo, m_start)
        else:
            content = _trim(self.text, self.lo, self.hi)
        return self.found(span, src, cue, stance, kind, content, f"prep:{form}")

    def passive(self, m_start: int, m_end: int, verb: Verb) -> Found | None:
        lex = self.lex
        if verb.frame:
            return None
        stance = verb.passive_stance or verb.stance
        cue = (m_start, m_end)
        rule = f"passive:{verb.lemma}"
        content = _trim(self.text, self.lo, self.hi)
        anaphoric = self.opener_end is not None and m_start < self.opener_end
        if anaphoric:
            # "That was reported by Reuters.": the demonstrative is the previous sentence.
            rule = f"anaphoric:{verb.lemma}"
            content = self.previous or _NO_SPAN
        b = self.tk.index_from(m_end)
        n = len(self.tk)
        if b < n and not self.tk.boundary(b) and self.tk.keys[b] in lex.passive_agent:
            i, j = np_after(self.tk, b + 1, lex.sources, self.cue_starts)
            kind = self.kind(i, j)
            if kind is None:
                return None
            src = self.source_span(i, j)
            start = self.lo if anaphoric else m_start
            return self.found(
                (start, src[1]), src, cue, stance, kind, content, rule, anaphoric=anaphoric
            )
        if b >= n or self.tk.boundary(b) or self.tk.keys[b] in lex.passive_complement:
            src = (m_start, m_start)
            return self.found(
                cue, src, cue, stance, SourceKind.ANONYMOUS, content, rule, anaphoric=anaphoric
            )
        return None

    def verb(self, m_start: int, m_end: int, verb: Verb, compound: bool) -> Found | None:
        lex, tk = self.lex, self.tk
        c = tk.index_from(m_start)  # the cue's first token
        b = tk.index_from(m_end)  # the first token after the cue
        n = len(tk)
        if not compound and c > 0 and not tk.boundary(c) and tk.keys[c - 1] in lex.sources.breakers:
            return None
        cue = (m_start, m_end)
        rule_entry = verb.lemma
        if verb.frame:
            for k in range(b, min(n, b + verb.frame_gap + 1)):
                if k > b and tk.boundary(k):
                    return None
                if tk.keys[k] == verb.frame:
                    cue = (m_start, tk.ends[k])
                    break
            else:
                return None
        # Anaphoric: "C'est ce qu'indique X." / "That is what officials said."
        if self.opener_end is not None and m_start >= self.opener_end:
            content: _Span = self.previous or _NO_SPAN
            if m_start == self.opener_end:
                f = self.source_after(cue, verb.stance, f"anaphoric:{rule_entry}", content)
            else:
                floor = tk.index_from(self.opener_end)
                i, j, _ = np_before(tk, c, lex.sources, floor=floor)
                kind = self.kind(i, j) if i == floor else None
                f = None
                if kind is not None:
                    src = self.source_span(i, j)
                    f = self.found(
                        (self.lo, cue[1]), src, cue, verb.stance, kind, content,
                        f"anaphoric:{rule_entry}",
                    )  # fmt: skip
            if f is not None:
                return attrs.evolve(f, start=self.lo, anaphoric=True)
        # Verb first after punctuation: "..., a indiqué la Finul." / '"...," said X.'
        if (c > 0 and tk.boundary(c) and not _PARENS.issuperset(tk.gap(c))) or (
            c == 0 and tk.gap(0).strip()
        ):
            gap = tk.gap(c)
            gap_start = m_start - len(gap)
            close = self.closing_quote(gap_start, gap)
            if close is not None:
                content = self.quoted_before(close)
                f = self.source_after(cue, verb.stance, f"quote:{rule_entry}", content)
            elif c == 0:
                return None
            else:
                content = _trim(self.text, self.lo, gap_start)
                f = self.source_after(cue, verb.stance, f"inverted:{rule_entry}", content)
            if f is not None:
                return f
            # No source after the verb: the subject is before an apposition
            # ("..., the mayor, Vitali Klitschko, wrote on Telegram").
        # Subject before the verb.
        i, j, stop = np_before(
            tk,
            c,
            lex.sources,
            adverbs=lex.adverbs,
            adverb_suffix=lex.before_verb_suffix,
            cross=tk.gap(c).strip() == ",",
        )
        if (
            stop == "clause"
            and i > 0
            and tk.keys[i - 1] in lex.sources.relatives
            and self.kind(i, j) is None
        ):
            # "L'armée, qui a démenti, ..." / "An official who requested anonymity said ..."
            i, j, _ = np_before(tk, i - 1, lex.sources, cross=True)
            stop = "relative"
        if 0 < j < c and not compound and tk.keys[j - 1] in lex.sources.breakers:
            # adverbs were skipped: a breaker before them still negates ("did not even say")
            return None
        kind = self.kind(i, j)
        if kind is None:
            return None
        src = self.source_span(i, j)
        span = (tk.starts[i], cue[1])
        after_gap_start = cue[1]
        after_gap = self.text[cue[1] : tk.starts[b]] if b < n else self.text[cue[1] : self.hi]
        quoted = self.quoted_after(after_gap_start, after_gap)
        if quoted is not None:
            return self.found(span, src, cue, verb.stance, kind, quoted, f"quote:{rule_entry}")
        if verb.frame:
            content = _trim(self.text, tk.starts[b], self.hi) if b < n else (None, None)
            return self.found(span, src, cue, verb.stance, kind, content, f"frame:{rule_entry}")
        # "que"/"that", right after the verb or a few words later (commas allowed:
        # "a affirmé, sous couvert d'anonymat, que").
        for k in range(b, min(n, b + lex.clause_gap + 1)):
            if k > b and tk.boundary(k) and tk.gap(k).strip() != ",":
                break
            if tk.keys[k] in lex.complementizers:
                content = self.rest(k + 1)
                return self.found(
                    span, src, cue, verb.stance, kind, content, f"verb_clause:{rule_entry}"
                )
        nothing_after = b >= n
        adjunct_after = b < n and (tk.boundary(b) or tk.keys[b] in lex.sources.stops)
        if stop not in ("start", "clause", "long", "none", "floor", "relative") and (
            nothing_after or adjunct_after
        ):
            k = i
            while k > 0 and not (tk.boundary(k) and not tk.paren(k)):
                k -= 1
            gap = tk.gap(k)
            gap_start = tk.starts[k] - len(gap)
            close = self.closing_quote(gap_start, gap)
            if close is not None:
                content = self.quoted_before(close)
                return self.found(span, src, cue, verb.stance, kind, content, f"quote:{rule_entry}")
            content = _trim(self.text, self.lo, gap_start)
            return self.found(span, src, cue, verb.stance, kind, content, f"inverted:{rule_entry}")
        if verb.needs_clause:
            return None
        if nothing_after or tk.boundary(b):
            return self.found(span, src, cue, verb.stance, kind, (None, None), f"verb:{rule_entry}")
        word = tk.keys[b]
        if word in lex.infinitive_markers and b + 1 < n:
            return self.found(
                span, src, cue, verb.stance, kind, self.rest(b + 1), f"verb_inf:{rule_entry}"
            )
        if (
            lex.infinitive_endings
            and word.endswith(lex.infinitive_endings)
            and word not in lex.not_infinitives
            and tk.words[b].islower()
        ):
            return self.found(
                span, src, cue, verb.stance, kind, self.rest(b), f"verb_inf:{rule_entry}"
            )
        if verb.recipient:
            # "X told Reuters the attack failed": skip the one told.
            k = b
            if tk.keys[k] in lex.sources.pronouns:
                k += 1
            else:
                while k < min(n, b + 4) and tk.words[k][:1].isupper() and not tk.boundary(k):
                    k += 1
            b = k
        return self.found(span, src, cue, verb.stance, kind, self.rest(b), f"verb_obj:{rule_entry}")


def _not_a_cue(
    m: regex.Match[str], tk: SentenceTokens, lex: CueLexicon, verb_starts: frozenset[int]
) -> bool:
    """A verb form that is a noun or part of a name, not a cue.

    Capitalised after the first word of the sentence it is part of a name ("United
    States"). A finite form is a noun after a determiner ("l'annonce", "the report")
    or a possessive ending ("North Korea's state"). A form that is also a noun (a
    homograph of ``[noun_readings]``: "state", "report", "estime") is a noun in a
    compound ("state media"), right before another cue verb ("a new report says"),
    after a modifier ("the latest estimate", "la dernière annonce") and, for an
    English bare form, in a phrase opened by a singular determiner ("a UN report
    found": "it report" cannot be a verb). ``verb_starts`` are the starts of every
    verb cue of the sentence.
    """
    if m.group("prep") is not None:
        return False
    c = tk.index_from(m.start())
    if c > 0 and tk.words[c][:1].isupper() and not tk.boundary(c):
        return True
    if m.group("fin") is None:
        return False
    nouns = lex.nouns
    after_word = c > 0 and not tk.boundary(c)
    if after_word and (tk.keys[c - 1] in lex.sources.determiners or _after_possessive(tk, c, lex)):
        return True
    form = key(m.group("fin"))
    if form not in nouns.homographs:
        return False
    if after_word and tk.keys[c - 1] in nouns.modifiers:
        return True
    n = c + 1
    if (
        n < len(tk)
        and not tk.boundary(n)
        and (tk.keys[n] in nouns.compounds.get(form, ()) or tk.starts[n] in verb_starts)
    ):
        return True
    return form in nouns.bare and _in_singular_phrase(tk, c, lex, verb_starts)


def _after_possessive(tk: SentenceTokens, c: int, lex: CueLexicon) -> bool:
    """True when token ``c`` follows a possessive ending ("Korea's", "rebels'")."""
    endings = lex.nouns.possessive_endings
    if not endings:
        return False
    floor = max(tk.lo, tk.starts[c] - 8)
    before = tk.text[floor : tk.starts[c]].rstrip()
    for e in endings:
        if not before.endswith(e) or len(before) <= len(e) or not before[-len(e) - 1].isalnum():
            continue
        apostrophe = floor + len(before) - len(e) + e.index("'")
        o = bisect.bisect_left(tk.ends, apostrophe)
        if o < len(tk) and tk.ends[o] == apostrophe:
            return True
    return False


def _in_singular_phrase(
    tk: SentenceTokens, c: int, lex: CueLexicon, verb_starts: frozenset[int]
) -> bool:
    """True when a singular determiner opens the phrase ending before token ``c``."""
    src = lex.sources
    k = c - 1
    while k >= 0 and c - k <= src.max_words and not tk.boundary(k + 1):
        word = tk.keys[k]
        if word in lex.nouns.singular_determiners:
            return True
        if (
            word in src.determiners
            or word in src.links
            or word in src.clause_words
            or word in src.breakers
            or tk.starts[k] in verb_starts
        ):
            return False
        k -= 1
    return False


def match_sentence(
    text: str,
    lo: int,
    hi: int,
    lang: str,
    *,
    previous: tuple[int, int] | None,
    paragraph: tuple[int, int] | None = None,
) -> list[Found]:
    """Return the attributions of the sentence ``text[lo:hi]`` (normalised text).

    Parameters
    ----------
    previous
        Span of the previous sentence, the content of anaphoric attributions.
    paragraph
        Span of the paragraph, where quotations are looked for.

    Examples
    --------
    >>> t = "The strike killed 12 people, officials said."
    >>> [f.rule for f in match_sentence(t, 0, len(t), "en", previous=None)]
    ['inverted:say']
    """
    lex = cue_lexicon(lang)
    matches = list(lex.cues.finditer(text, lo, hi))
    if not matches:
        return []
    tk = SentenceTokens.of(text, lo, hi)
    verb_starts = frozenset(m.start() for m in matches if m.group("prep") is None)
    matches = [m for m in matches if not _not_a_cue(m, tk, lex, verb_starts)]
    opener = lex.opener.match(text, lo, hi)
    sent = _Sentence(
        text=text,
        lo=lo,
        hi=hi,
        lex=lex,
        tk=tk,
        cue_starts=frozenset(m.start() for m in matches),
        previous=previous,
        para=paragraph or (lo, hi),
        opener_end=opener.end() if opener else None,
        anonymous=lex.sources.anonymity.search(text, lo, hi) is not None,
    )
    out: list[Found] = []
    taken_until = lo
    for m in matches:
        if m.start() < taken_until:
            continue
        f: Found | None
        if m.group("prep") is not None:
            f = sent.preposition(m.start(), m.end(), key(m.group("prep")))
        elif m.group("ppart") is not None:
            f = sent.passive(m.start(), m.end(), lex.participles[key(m.group("ppart"))])
        elif m.group("part") is not None:
            f = sent.verb(m.start(), m.end(), lex.participles[key(m.group("part"))], True)
        else:
            f = sent.verb(m.start(), m.end(), lex.finite[key(m.group("fin"))], False)
        if f is not None:
            out.append(f)
            taken_until = max(f.end, f.cue_end)
    return out
