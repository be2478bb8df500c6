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
from collections.abc import Callable, Set

import attrs
import regex

from osintparse._patterns import RuleTable
from osintparse.extractors.attributions._lexicon import CueEntry, CueLexicon, key, rules_of
from osintparse.extractors.attributions._sources import SentenceTokens

__all__ = ["NOUN_READINGS", "CueMatch", "Reading", "not_a_cue"]


@attrs.frozen
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


@attrs.frozen
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

    cue: CueMatch
    c: int
    tk: SentenceTokens
    lex: CueLexicon
    verb_starts: Set[int]
    after_word: bool
    previous: str
    homograph: bool

    @classmethod
    def of(
        cls, cue: CueMatch, tk: SentenceTokens, lex: CueLexicon, verb_starts: Set[int]
    ) -> Reading:
        """Read the words around ``cue``."""
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
        )


#: The noun-reading rules: each says when a cue form is not a cue.
NOUN_READINGS: RuleTable[Callable[[Reading], bool]] = RuleTable("noun readings")


@NOUN_READINGS.rule("name")
def _name(r: Reading) -> bool:
    """Capitalised after a word, a verb form is part of a name: "United States"."""
    return r.cue.kind != "prep" and r.after_word and r.tk.words[r.c][:1].isupper()


@NOUN_READINGS.rule("determiner")
def _determiner(r: Reading) -> bool:
    """A finite form right after a determiner is a noun: "l'annonce", "the report"."""
    return r.cue.kind == "finite" and r.after_word and r.previous in r.lex.sources.determiners


@NOUN_READINGS.rule("possessive")
def _possessive(r: Reading) -> bool:
    """A finite form after a possessive ending is a noun: "North Korea's state"."""
    if r.cue.kind != "finite" or not r.after_word or not r.lex.nouns.possessive_endings:
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


@NOUN_READINGS.rule("compound")
def _compound(r: Reading) -> bool:
    """A homograph before a compound word or another cue verb is a noun: "state media"."""
    n = r.c + 1
    if not r.homograph or n >= len(r.tk) or r.tk.boundary(n):
        return False
    compounds = r.lex.nouns.compounds.get(r.cue.form, frozenset())
    return r.tk.keys[n] in compounds or r.tk.starts[n] in r.verb_starts


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


def not_a_cue(cue: CueMatch, tk: SentenceTokens, lex: CueLexicon, verb_starts: Set[int]) -> bool:
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
    reading = Reading.of(cue, tk, lex, verb_starts)
    return any(rule(reading) for rule in rules_of(NOUN_READINGS))
