"""Source noun phrases: the words of a sentence, where a source starts and ends, its kind.

A sentence is read as a list of word tokens with their offsets in the normalised
text; what lies between two tokens (spaces, an apostrophe, punctuation) is a *gap*.
A gap holding anything but white space and an apostrophe is a boundary: noun
phrases never cross one.

Examples
--------
>>> from osintparse.extractors.attributions._lexicon import cue_lexicon
>>> text = "Selon le NIS, Moscou fournit du pétrole."
>>> tk = SentenceTokens.of(text, 0, len(text))
>>> lex = cue_lexicon("fr").sources
>>> i, j = np_after(tk, 1, lex, frozenset())
>>> tk.words[i:j], source_kind(tk, i, j, lex).value
(['le', 'NIS'], 'intelligence')
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence, Set

import attrs

from osintparse.extractors.attributions._lexicon import TOKEN, SourceLexicon
from osintparse.model import SourceKind

__all__ = [
    "SentenceTokens",
    "has_name",
    "is_adverb",
    "np_after",
    "np_before",
    "skip_adverbs",
    "source_kind",
    "strip_article",
    "valid_np",
]

_SOFT_GAP = frozenset(" '\n\r\t\f\v")
_PAREN_GAP = frozenset(" ()")


@attrs.frozen
class SentenceTokens:
    """The word tokens of ``text[lo:hi]`` with their offsets into ``text``.

    Examples
    --------
    >>> tk = SentenceTokens.of("« Oui », a dit l'AFP.", 0, 21)
    >>> tk.words, tk.gap(1)
    (['Oui', 'a', 'dit', 'l', 'AFP'], ' », ')
    """

    text: str
    lo: int
    hi: int
    starts: list[int]
    ends: list[int]
    words: list[str]
    keys: list[str]

    @classmethod
    def of(cls, text: str, lo: int, hi: int) -> SentenceTokens:
        """Tokenise ``text[lo:hi]``."""
        starts: list[int] = []
        ends: list[int] = []
        words: list[str] = []
        for m in TOKEN.finditer(text, lo, hi):
            starts.append(m.start())
            ends.append(m.end())
            words.append(m.group())
        return cls(text, lo, hi, starts, ends, words, [w.casefold() for w in words])

    def __len__(self) -> int:
        return len(self.words)

    def gap(self, i: int) -> str:
        """Return the text between token ``i - 1`` (or the sentence start) and token ``i``.

        ``i == len(self)`` gives the text after the last token.
        """
        left = self.ends[i - 1] if i > 0 else self.lo
        right = self.starts[i] if i < len(self.words) else self.hi
        return self.text[left:right]

    def boundary(self, i: int) -> bool:
        """True when the gap before token ``i`` holds punctuation."""
        return not _SOFT_GAP.issuperset(self.gap(i))

    def paren(self, i: int) -> bool:
        """True when the gap before token ``i`` is only brackets and spaces: "Institut (ISW)"."""
        gap = self.gap(i)
        return bool(gap.strip()) and _PAREN_GAP.issuperset(gap)

    def index_from(self, pos: int) -> int:
        """Return the index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)


def is_adverb(word: str, adverbs: Set[str], endings: Sequence[str]) -> bool:
    """True when the key ``word`` is a listed adverb or has one of the adverb ``endings``.

    Examples
    --------
    >>> is_adverb("publicly", frozenset(), ("ly",)), is_adverb("ly", frozenset(), ("ly",))
    (True, False)
    """
    return word in adverbs or any(len(word) > len(e) + 2 and word.endswith(e) for e in endings)


def skip_adverbs(
    tk: SentenceTokens,
    end: int,
    lex: SourceLexicon,
    *,
    floor: int = 0,
    adverbs: Set[str] = frozenset(),
    adverb_endings: Sequence[str] = (),
) -> int:
    """Return the token where the words before token ``end`` stop being adverbs or clitics.

    Adverbs and clitic pronouns right before a verb ("officials also said", "il l'a
    dit") are skipped, back to punctuation or ``floor``; a word after a determiner is
    a noun, not an adverb.

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> tk = SentenceTokens.of("officials also said", 0, 19)
    >>> skip_adverbs(tk, 2, cue_lexicon("en").sources, adverbs={"also"})
    1
    """
    j = end
    while (
        j > floor
        and not tk.boundary(j)
        and (tk.keys[j - 1] in lex.clitics or is_adverb(tk.keys[j - 1], adverbs, adverb_endings))
        and not (j > 1 and tk.keys[j - 2] in lex.determiners)
    ):
        j -= 1
    return j


def _walk_back(tk: SentenceTokens, j: int, lex: SourceLexicon, floor: int) -> tuple[int, str]:
    """Return where the phrase ending before token ``j`` starts, and what stopped it."""
    i = j - 1
    while True:
        if tk.keys[i] in lex.clause_words:
            return i + 1, "clause"
        if tk.boundary(i) and not (i > 0 and tk.paren(i)):
            return i, tk.gap(i) if i > 0 or tk.gap(i).strip() else "start"
        if i == floor:
            return i, "floor" if floor else "start"
        if j - i >= lex.max_words:
            return i, "long"
        i -= 1


def _new_phrase(tk: SentenceTokens, k: int, lex: SourceLexicon) -> bool:
    """True when token ``k``, a determiner not joined by a link word, opens a new phrase."""
    return (
        tk.keys[k] in lex.determiners
        and tk.keys[k] not in lex.links
        and tk.keys[k - 1] not in lex.links
    )


def np_before(
    tk: SentenceTokens,
    end: int,
    lex: SourceLexicon,
    *,
    floor: int = 0,
    adverbs: Set[str] = frozenset(),
    adverb_endings: Sequence[str] = (),
    cross: bool = False,
) -> tuple[int, int, str]:
    """Return ``(i, j, stop)``: the noun phrase ending before token ``end``.

    Adverbs and clitic pronouns right before the verb are skipped
    (:func:`skip_adverbs`). ``stop`` tells what ended the phrase on the left:
    ``"start"`` (the sentence start), ``"clause"`` (a clause word), ``"long"``,
    ``"floor"``, ``"none"`` (no phrase), or the punctuation gap itself (", " or
    ' », '). With ``cross``, punctuation right before token ``end`` is crossed
    ("l'armée, qui"). A determiner not joined by a link word starts a new phrase
    ("Lundi le ministère"); connectors are dropped from the front ("Mais", "But").

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> text = "Malgré cela, les experts soulignent que"
    >>> tk = SentenceTokens.of(text, 0, len(text))
    >>> i, j, stop = np_before(tk, 4, cue_lexicon("fr").sources)
    >>> tk.words[i:j], stop
    (['les', 'experts'], ', ')
    """
    j = skip_adverbs(tk, end, lex, floor=floor, adverbs=adverbs, adverb_endings=adverb_endings)
    if j <= floor or (tk.boundary(j) and not cross and not tk.paren(j)):
        return j, j, "none"
    i, stop = _walk_back(tk, j, lex, floor)
    for k in range(j - 1, i, -1):
        if _new_phrase(tk, k, lex):
            i = k
            break
    while i < j and tk.keys[i] in lex.connectors:
        i += 1
    return i, j, stop


def _ends_phrase(
    tk: SentenceTokens, k: int, begin: int, lex: SourceLexicon, cue_starts: Set[int]
) -> bool:
    """True when token ``k`` is past the end of the phrase starting at token ``begin``."""
    if k == begin:
        return tk.keys[k] in lex.stops or tk.keys[k] in lex.clause_words
    return (
        tk.boundary(k)
        or tk.keys[k] in lex.stops
        or tk.keys[k] in lex.clause_words
        or tk.starts[k] in cue_starts
        or _new_phrase(tk, k, lex)
    )


def np_after(
    tk: SentenceTokens, begin: int, lex: SourceLexicon, cue_starts: Set[int]
) -> tuple[int, int]:
    """Return ``(i, j)``: the noun phrase starting at token ``begin``.

    It ends at punctuation, a stop word ("dans", "in"), a clause word, another cue
    or a determiner not joined by a link word ("Selon Séoul ces unités"); link words
    and determiners are dropped from its end.

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> text = "indique le HCR dans un communiqué"
    >>> tk = SentenceTokens.of(text, 0, len(text))
    >>> i, j = np_after(tk, 1, cue_lexicon("fr").sources, frozenset())
    >>> tk.words[i:j]
    ['le', 'HCR']
    """
    n = len(tk)
    if begin >= n or tk.boundary(begin):
        return begin, begin
    k = begin
    while k < n and k - begin < lex.max_words and not _ends_phrase(tk, k, begin, lex, cue_starts):
        k += 1
    if k == begin + 1 and tk.keys[begin] in lex.pronouns:
        return begin, k
    while k > begin and (tk.keys[k - 1] in lex.links or tk.keys[k - 1] in lex.determiners):
        k -= 1
    return begin, k


def strip_article(tk: SentenceTokens, i: int, j: int, lex: SourceLexicon) -> int:
    """Return the first token of the source once a leading article is dropped.

    A capitalised definite article followed by capitalised words only (link words
    and articles aside) starts a name and is kept ("La Corée du Nord", "The Chosun
    Daily", "Le Kremlin"); otherwise it is dropped ("Les analystes" gives
    "analystes", "le NIS" gives "NIS", "A Ukrainian official" gives "Ukrainian
    official").

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> tk = SentenceTokens.of("Les analystes", 0, 13)
    >>> strip_article(tk, 0, 2, cue_lexicon("fr").sources)
    1
    """
    if j - i > 1 and tk.keys[i] in lex.articles:
        if tk.words[i][:1].isupper() and tk.keys[i] not in lex.indefinite:
            rest = range(i + 1, j)
            if all(
                tk.words[t][:1].isupper() or tk.keys[t] in lex.links or tk.keys[t] in lex.articles
                for t in rest
            ):
                return i
        return i + 1
    return i


def _plural_of(word: str, term: str, endings: Sequence[str]) -> bool:
    """True when ``word`` is ``term`` with a plural ending (both case-folded)."""
    return len(word) > 3 and any(word == term + e for e in endings)


def _same(word: str, term: str, case: str, endings: Sequence[str]) -> bool:
    if case == "exact":
        return word == term or any(word == term + e for e in endings)
    if case == "title" and not word[:1].isupper():
        return False
    w, t = word.casefold(), term.casefold()
    return w == t or _plural_of(w, t, endings)


def _candidates(
    word: str, lex: SourceLexicon
) -> tuple[tuple[tuple[str, ...], SourceKind, str], ...]:
    """The terms whose first word is the key ``word`` or its singular."""
    found = lex.terms.get(word, ())
    for e in lex.plural_endings:
        if len(word) > 3 and word.endswith(e):
            found = found + lex.terms.get(word[: -len(e)], ())
    return found


def _matches(
    tk: SentenceTokens, i: int, j: int, lex: SourceLexicon
) -> list[tuple[int, int, SourceKind]]:
    found: list[tuple[int, int, SourceKind]] = []
    ends = lex.plural_endings
    for t in range(i, j):
        for words, kind, case in _candidates(tk.keys[t], lex):
            n = len(words)
            if t + n <= j and all(_same(tk.words[t + k], words[k], case, ends) for k in range(n)):
                found.append((t, t + n, kind))
    return found


def source_kind(tk: SentenceTokens, i: int, j: int, lex: SourceLexicon) -> SourceKind:
    """Return the kind of the source noun phrase ``tk.words[i:j]``.

    An anonymous term anywhere wins; otherwise the phrase is cut into parts at
    link words and, part by part, the term nearest the head wins (``language.toml``
    ``noun_phrase.head``: the first in French, the last in English); a lone pronoun
    has its own kind; else ``other``. Terms of the kind ``other`` ("rapport",
    "report") make a phrase a source of kind ``other`` when no other kind is found
    ("un rapport de l'ONU" is ``international_org``).

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> s = "Les services nationaux de renseignement de la Corée du Sud"
    >>> tk = SentenceTokens.of(s, 0, len(s))
    >>> source_kind(tk, 0, len(tk), cue_lexicon("fr").sources).value
    'intelligence'
    """
    return _classify(tk, i, j, lex)[0]


def _parts(tk: SentenceTokens, i: int, j: int, lex: SourceLexicon) -> list[tuple[int, int]]:
    """Cut ``tk.words[i:j]`` into parts at link words (the links left out)."""
    parts: list[tuple[int, int]] = []
    start = i
    for t in range(i + 1, j):
        if tk.keys[t] in lex.links:
            parts.append((start, t))
            start = t + 1
    parts.append((start, j))
    return parts


def _head_kind(
    tk: SentenceTokens,
    i: int,
    j: int,
    lex: SourceLexicon,
    actors: list[tuple[int, int, SourceKind]],
) -> SourceKind | None:
    """The kind of the actor term nearest the head, in the first part holding one."""
    for lo, hi in _parts(tk, i, j, lex):
        in_part = [f for f in actors if f[0] < hi and f[1] > lo]
        if not in_part:
            continue
        if lex.head_first:
            return min(in_part, key=lambda f: (f[0], f[0] - f[1]))[2]
        return max(in_part, key=lambda f: (f[1], f[1] - f[0]))[2]
    return None


def _classify(tk: SentenceTokens, i: int, j: int, lex: SourceLexicon) -> tuple[SourceKind, bool]:
    """Return the kind and whether a lexicon term matched."""
    found = _matches(tk, i, j, lex)
    if any(kind is SourceKind.ANONYMOUS for _, _, kind in found):
        return SourceKind.ANONYMOUS, True
    actors = [f for f in found if f[2] is not SourceKind.OTHER]
    head = _head_kind(tk, i, j, lex, actors) if actors else None
    if head is not None:
        return head, True
    if found:
        return SourceKind.OTHER, True
    if j - i == 1 and tk.keys[i] in lex.pronouns:
        return lex.pronouns[tk.keys[i]], False
    return SourceKind.OTHER, False


def has_name(tk: SentenceTokens, i: int, j: int, lex: SourceLexicon) -> bool:
    """True when a capitalised word of ``tk.words[i:j]`` is not a grammar word.

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> tk = SentenceTokens.of("Ces unités", 0, 10)
    >>> has_name(tk, 0, 2, cue_lexicon("fr").sources)
    False
    """
    grammar = lex.determiners | lex.links | lex.connectors | lex.clause_words | lex.stops
    return any(
        tk.words[t][:1].isupper() and tk.keys[t] not in grammar and tk.keys[t] not in lex.pronouns
        for t in range(i, j)
    )


def valid_np(
    tk: SentenceTokens, i: int, j: int, lex: SourceLexicon, cue_starts: Set[int]
) -> SourceKind | None:
    """Return the kind of ``tk.words[i:j]`` if it can name a source, else ``None``.

    A source is at most ``max_words`` long, holds no negation or other verb (the
    ``breakers``), no other cue, does not end on a grammar word, and is a pronoun,
    holds a source term (of any kind, ``other`` included), or a name.

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> lex = cue_lexicon("fr").sources
    >>> tk = SentenceTokens.of("Ces unités", 0, 10)
    >>> valid_np(tk, 0, 2, lex, frozenset()) is None
    True
    >>> tk = SentenceTokens.of("Des sources locales", 0, 19)
    >>> valid_np(tk, 0, 3, lex, frozenset()).value
    'anonymous'
    """
    if not 0 < j - i <= lex.max_words:
        return None
    if j - i == 1 and tk.keys[i] in lex.pronouns:
        return lex.pronouns[tk.keys[i]]
    last = tk.keys[j - 1]
    if last in lex.determiners or last in lex.links or last in lex.stops:
        return None
    for t in range(i, j):
        if tk.keys[t] in lex.breakers or tk.keys[t] in lex.clause_words:
            return None
        if tk.starts[t] in cue_starts:
            return None
    kind, matched = _classify(tk, i, j, lex)
    if not matched and not has_name(tk, i, j, lex):
        return None
    return kind
