"""Noun readings: when a cue form the cue pattern found is a noun or part of a name.

Many cue forms are also nouns or adjectives ("state", "report", "claims",
"annonce", "estime"). Each rule of :data:`NOUN_READINGS` says, from the words
around the form and the ``[noun_readings]`` data of ``attributions.toml``, when a
form is *not* a cue; a form any rule rejects is dropped before the constructions
run, so it neither gives an attribution nor cuts a source short.

Examples
--------
>>> from osintparse.extractors.attributions._lexicon import cue_lexicon
>>> text = "North Korea's state media claimed that 3,000 left."
>>> lex = cue_lexicon("en")
>>> found = [CueMatch.of(m, lex) for m in lex.cues.finditer(text)]
>>> tk = SentenceTokens.of(text, 0, len(text))
>>> [(c.form, not_a_cue(c, tk, lex, frozenset(x.start for x in found))) for c in found]
[('state', True), ('claimed', False)]
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence, Set

import attrs
import regex

from osintparse._patterns import RuleTable
from osintparse._records import record_repr
from osintparse.extractors.attributions._lexicon import CueEntry, CueLexicon, key, rules_of
from osintparse.extractors.attributions._sources import SentenceTokens, document_words, is_adverb

__all__ = ["NOUN_READINGS", "CueMatch", "Reading", "in_phrase", "not_a_cue"]


@attrs.frozen(eq=False)
class CueMatch:
    """A cue the combined cue pattern found: its kind, span, matched form and entry.

    ``kind`` is the name of the :data:`~._lexicon.CUE_KINDS` rule whose alternative
    matched; ``form`` the :func:`~._lexicon.key` of the word looked up.

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> lex = cue_lexicon("fr")
    >>> c = CueMatch.of(lex.cues.search("Kiev a démenti"), lex)
    >>> c.kind, c.start, c.end, c.form, c.entry.lemma
    ('compound', 5, 14, 'démenti', 'démentir')
    """

    __repr__ = record_repr

    kind: str
    start: int
    end: int
    form: str
    entry: CueEntry

    @classmethod
    def of(cls, m: regex.Match[str], lex: CueLexicon) -> CueMatch:
        """Read a match of ``lex.cues``."""
        kind = m.lastgroup or ""
        form = key(m.group(kind))
        return cls(kind, m.start(), m.end(), form, lex.kinds[kind][form])


@attrs.frozen(eq=False)
class Reading:
    """What a noun-reading rule looks at: the cue, its first token ``c``, the sentence.

    ``after_word`` is true when a word, not punctuation or the sentence start, comes
    right before the cue; ``previous`` is that word's key ("" at the start);
    ``homograph`` is true for a finite form that is also a noun (``homographs``).

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> lex = cue_lexicon("en")
    >>> tk = SentenceTokens.of("the report", 0, 10)
    >>> r = Reading.of(CueMatch.of(lex.cues.search("the report"), lex), tk, lex, frozenset())
    >>> r.c, r.after_word, r.previous, r.homograph
    (1, True, 'the', True)
    """

    __repr__ = record_repr

    cue: CueMatch
    c: int
    tk: SentenceTokens
    lex: CueLexicon
    verb_starts: Set[int]
    after_word: bool
    previous: str
    homograph: bool
    markers: Sequence[tuple[int, int]] = ()

    @classmethod
    def of(
        cls,
        cue: CueMatch,
        tk: SentenceTokens,
        lex: CueLexicon,
        verb_starts: Set[int],
        markers: Sequence[tuple[int, int]] = (),
    ) -> Reading:
        """Read the words around ``cue`` (``markers``: the anonymity markers' spans)."""
        c = tk.index_from(cue.start)
        return cls(
            cue=cue,
            c=c,
            tk=tk,
            lex=lex,
            verb_starts=verb_starts,
            after_word=c > 0 and not tk.boundary(c),
            previous=tk.keys[c - 1] if c > 0 else "",
            homograph=cue.kind == "finite" and cue.form in lex.nouns.homographs,
            markers=markers,
        )


#: The noun-reading rules: each says when a cue form is not a cue.
NOUN_READINGS: RuleTable[Callable[[Reading], bool]] = RuleTable("noun readings")


@NOUN_READINGS.rule("name")
def _name(r: Reading) -> bool:
    """Capitalised after a word, or opening the sentence before another capitalised word, a
    verb form is part of a name: "United States", "Hope Hicks" (not in a title-case headline)."""
    tk, c = r.tk, r.c
    if r.cue.kind == "prep" or tk.titled or not tk.words[c][:1].isupper():
        return False
    if r.after_word:
        return True
    n = tk.index_from(r.cue.end)
    return c == 0 and n < len(tk) and not tk.boundary(n) and tk.words[n][:1].isupper()


@NOUN_READINGS.rule("determiner")
def _determiner(r: Reading) -> bool:
    """A finite form right after a determiner, adverbs aside, is a noun or an adjective:
    "l'annonce", "the report", "a highly anticipated treaty"."""
    if r.cue.kind not in ("finite", "gerund") or not r.after_word:
        return False
    tk, lex = r.tk, r.lex
    k = r.c
    # adverbs are crossed before a participle only ("a highly anticipated", not "the family said")
    participle = bool(lex.participle_endings) and r.cue.form.endswith(lex.participle_endings)
    while (
        participle
        and k > 1
        and not tk.boundary(k - 1)
        and is_adverb(tk.keys[k - 1], lex.adverbs, lex.adverb_endings)
    ):
        k -= 1
    if k == 0 or tk.boundary(k) or tk.keys[k - 1] not in lex.sources.determiners:
        return False
    if _quantifier_subject(r, k - 1):
        return False
    # "those supporting X": a pronoun heading a reduced relative (rule reduced_relative)
    return not (
        r.cue.kind == "gerund"
        and tk.keys[k - 1] in lex.relative_heads
        and r.cue.entry.cue_class in lex.relative_classes
    )


def _quantifier_subject(r: Reading, k: int) -> bool:
    """True when token ``k``, a determiner right before the cue, is a quantifier opening its
    clause (`quantifiers`) and the cue a finite form that is no noun: the quantifier is the
    subject ("Many said", "Some argue", "Certains affirment"; not "Some claims", "many reports")."""
    tk, src = r.tk, r.lex.sources
    opening = k == 0 or tk.boundary(k) or tk.keys[k - 1] in src.connectors
    return (
        opening
        and k + 1 == r.c
        and r.cue.kind == "finite"
        and not r.homograph
        and tk.keys[k] in src.quantifiers
    )


@NOUN_READINGS.rule("proper_modifier")
def _proper_modifier(r: Reading) -> bool:
    """A bare homograph right after a capitalised word inside the sentence is a noun: "the UN
    report", "his TV show", "British rule" (a single name before a verb takes its 3rd person)."""
    tk, c = r.tk, r.c
    return (
        r.homograph
        and r.cue.form in r.lex.nouns.bare
        and r.after_word
        and c > 1
        and tk.words[c - 1][:1].isupper()
        and not tk.titled
        and not _plural_head(r, c - 1)
    )


def _plural_head(r: Reading, k: int) -> bool:
    """True when the name ending at token ``k`` completes a document phrase whose head the
    verb agrees with: "Figures from the World Bank show", "Images released by Maxar show"
    ("Documents seen by the BBC show"; not "Tickets for the Madonna show")."""
    tk, src = r.tk, r.lex.sources
    while k > 0 and tk.words[k][:1].isupper() and not tk.boundary(k):
        k -= 1
    while k > 0 and tk.keys[k] in src.determiners and not tk.boundary(k):
        k -= 1
    if k < 1 or tk.keys[k] not in src.links or tk.boundary(k):
        return False
    k -= 1  # a participle before the link: "released by", "seen by"
    if k > 0 and tk.words[k].islower() and not tk.boundary(k) and tk.keys[k] not in src.links:
        k -= 1
    if not (tk.words[k].islower() or k == 0) or tk.keys[k] in src.links:
        return False
    return document_words(tk, k, k + 1, src) is not None


@NOUN_READINGS.rule("possessive")
def _possessive(r: Reading) -> bool:
    """A finite form after a possessive ending is a noun: "North Korea's state"."""
    if r.cue.kind not in ("finite", "gerund") or not r.after_word:
        return False
    if not r.lex.nouns.possessive_endings:
        return False
    tk, c = r.tk, r.c
    floor = max(tk.lo, tk.starts[c] - 8)
    before = tk.text[floor : tk.starts[c]].rstrip()
    for e in r.lex.nouns.possessive_endings:
        if not before.endswith(e) or len(before) <= len(e) or not before[-len(e) - 1].isalnum():
            continue
        apostrophe = floor + len(before) - len(e) + e.index("'")
        o = bisect.bisect_left(tk.ends, apostrophe)
        if o < len(tk) and tk.ends[o] == apostrophe:
            return True
    return False


@NOUN_READINGS.rule("modifier")
def _modifier(r: Reading) -> bool:
    """A homograph after a modifier is a noun: "the latest estimate", "la dernière annonce"."""
    return r.homograph and r.after_word and r.previous in r.lex.nouns.modifiers


@NOUN_READINGS.rule("number")
def _number(r: Reading) -> bool:
    """A homograph right after a number, in digits or a word (`numerals`), is a noun: "eight
    states", "in 48 states", "deux notes"."""
    return (
        r.homograph
        and r.after_word
        and (r.previous[:1].isdigit() or r.previous in r.lex.nouns.numerals)
    )


@NOUN_READINGS.rule("preposition")
def _preposition(r: Reading) -> bool:
    """A homograph right after a preposition (`prepositions`) is a noun: "amid reports that",
    "despite claims", "over fears of"."""
    return r.homograph and r.after_word and r.previous in r.lex.nouns.prepositions


@NOUN_READINGS.rule("compound")
def _compound(r: Reading) -> bool:
    """A homograph before a compound word or another cue verb is a noun: "state media"; a
    closing quotation mark between them aside ("cited \"intelligence reports\" of")."""
    n = r.c + 1
    if not r.homograph or n >= len(r.tk) or (r.tk.boundary(n) and not _closing_gap(r, n)):
        return False
    compounds = r.lex.nouns.compounds.get(r.cue.form, frozenset())
    if r.tk.keys[n] in compounds:
        return True
    while n < len(r.tk) - 1 and r.tk.keys[n] in r.lex.adverbs and not r.tk.boundary(n + 1):
        n += 1  # "refugee advocates also said"
    return r.tk.starts[n] in r.verb_starts


def _closing_gap(r: Reading, n: int) -> bool:
    """True when the gap before token ``n`` holds closing quotation marks and spaces only."""
    gap = r.tk.gap(n).strip()
    return bool(gap) and all(ch in r.lex.quotes for ch in gap)


#: The longest quoted phrase, in words, whose last word is read as a noun (rule quoted_phrase).
_QUOTED_WORDS = 3


@NOUN_READINGS.rule("quoted_phrase")
def _quoted_phrase(r: Reading) -> bool:
    """A homograph closing a short quoted phrase is a noun: 'cited "intelligence reports"',
    'the "state" she runs' (at most three words between the marks)."""
    tk, c = r.tk, r.c
    if not r.homograph:
        return False
    after = tk.gap(tk.index_from(r.cue.end)).lstrip()
    if not after or after[0] not in r.lex.quotes:
        return False
    openers = frozenset(r.lex.quotes.values())
    for k in range(c, max(-1, c - _QUOTED_WORDS), -1):
        if any(ch in openers for ch in tk.gap(k)):
            return True
        if k < c and tk.boundary(k):
            return False
    return False


@NOUN_READINGS.rule("singular")
def _singular(r: Reading) -> bool:
    """A bare homograph in a phrase opened by a singular determiner is a noun: "A UN report"."""
    if not r.homograph or r.cue.form not in r.lex.nouns.bare:
        return False
    tk, src = r.tk, r.lex.sources
    k = r.c - 1
    while k >= 0 and r.c - k <= src.max_words and not tk.boundary(k + 1):
        word = tk.keys[k]
        if word in r.lex.nouns.singular_determiners:
            return True
        if (
            word in src.determiners
            or word in src.links
            or word in src.clause_words
            or word in src.breakers
            or tk.starts[k] in r.verb_starts
        ):
            return False
        k -= 1
    return False


@NOUN_READINGS.rule("phrase")
def _phrase(r: Reading) -> bool:
    """A cue inside an anonymity marker or a set phrase is none: "who requested anonymity",
    "you know", "autrement dit"."""
    return in_phrase(r.cue.start, r.markers)


def in_phrase(start: int, markers: Sequence[tuple[int, int]]) -> bool:
    """True when offset ``start`` lies inside one of ``markers`` (anonymity markers and set
    phrases): a cue there, verb or noun, is none ("laid claim to", "staking its claim").

    Examples
    --------
    >>> in_phrase(5, [(0, 8)]), in_phrase(9, [(0, 8)])
    (True, False)
    """
    return any(a <= start < b for a, b in markers)


def not_a_cue(
    cue: CueMatch,
    tk: SentenceTokens,
    lex: CueLexicon,
    verb_starts: Set[int],
    markers: Sequence[tuple[int, int]] = (),
) -> bool:
    """True when a rule of :data:`NOUN_READINGS` reads ``cue`` as a noun or a name.

    ``verb_starts`` are the starts of every verb cue of the sentence.

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> lex = cue_lexicon("en")
    >>> tk = SentenceTokens.of("Officials report that", 0, 21)
    >>> not_a_cue(CueMatch.of(lex.cues.search(tk.text), lex), tk, lex, frozenset({10}))
    False
    """
    reading = Reading.of(cue, tk, lex, verb_starts, markers)
    return any(rule(reading) for rule in rules_of(NOUN_READINGS))
