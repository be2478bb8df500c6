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
from collections.abc import Set

import attrs
import regex

from osintparse.extractors.attributions._lexicon import SourceLexicon
from osintparse.model import SourceKind

__all__ = [
    "SentenceTokens",
    "has_name",
    "np_after",
    "np_before",
    "source_kind",
    "strip_article",
    "valid_np",
]

_TOKEN = regex.compile(r"(?:\w\.){2,}|\w+(?:-\w+)*", flags=regex.V1)
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
        for m in _TOKEN.finditer(text, lo, hi):
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


def _is_adverb(key: str, adverbs: Set[str], suffix: str) -> bool:
    return key in adverbs or (len(key) > len(suffix) + 2 and key.endswith(suffix))


def np_before(
    tk: SentenceTokens,
    end: int,
    lex: SourceLexicon,
    *,
    floor: int = 0,
    adverbs: Set[str] = frozenset(),
    adverb_suffix: str = "\0",
    cross: bool = False,
) -> tuple[int, int, str]:
    """Return ``(i, j, stop)``: the noun phrase ending before token ``end``.

    Adverbs and clitic pronouns right before the verb are skipped ("officials
    also said", "il l'a dit"). ``stop`` tells what ended the phrase on the left:
    ``"start"`` (the sentence start), ``"clause"`` (a clause word), ``"long"``,
    ``"floor"``, or the punctuation gap itself (", " or ' », '). With ``cross``,
    punctuation right before token ``end`` is crossed ("l'armée, qui").

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> text = "Malgré cela, les experts soulignent que"
    >>> tk = SentenceTokens.of(text, 0, len(text))
    >>> i, j, stop = np_before(tk, 4, cue_lexicon("fr").sources)
    >>> tk.words[i:j], stop
    (['les', 'experts'], ', ')
    """
    j = end
    while (
        j > floor
        and not tk.boundary(j)
        and (tk.keys[j - 1] in lex.clitics or _is_adverb(tk.keys[j - 1], adverbs, adverb_suffix))
        and not (j > 1 and tk.keys[j - 2] in lex.determiners)
    ):
        j -= 1
    if j <= floor or (tk.boundary(j) and not cross and not tk.paren(j)):
        return j, j, "none"
    i = j - 1
    stop = "start"
    while True:
        if tk.keys[i] in lex.clause_words:
            i += 1
            stop = "clause"
            break
        if tk.boundary(i) and not (i > 0 and tk.paren(i)):
            stop = tk.gap(i) if i > 0 or tk.gap(i).strip() else "start"
            break
        if i == floor:
            stop = "floor" if floor else "start"
            break
        if j - i >= lex.max_words:
            stop = "long"
            break
        i -= 1
    # A determiner not joined by a link word starts a new phrase ("Lundi le ministère").
    for k in range(j - 1, i, -1):
        if (
            tk.keys[k] in lex.determiners
            and tk.keys[k] not in lex.links
            and tk.keys[k - 1] not in lex.links
        ):
            i = k
            break
    while i < j and tk.keys[i] in lex.connectors:
        i += 1
    return i, j, stop


def np_after(
    tk: SentenceTokens, begin: int, lex: SourceLexicon, cue_starts: Set[int]
) -> tuple[int, int]:
    """Return ``(i, j)``: the noun phrase starting at token ``begin``.

    It ends at punctuation, a stop word ("dans", "in"), a clause word, another cue
    or a determiner not joined by a link word ("Selon Séoul ces unités").

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
    while k < n and k - begin < lex.max_words:
        if k > begin and tk.boundary(k):
            break
        key = tk.keys[k]
        if (
            key in lex.stops
            or key in lex.clause_words
            or (k > begin and tk.starts[k] in cue_starts)
        ):
            break
        if (
            k > begin
            and key in lex.determiners
            and key not in lex.links
            and tk.keys[k - 1] not in lex.links
        ):
            break
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


def _same(word: str, term: str, case: str) -> bool:
    if case == "exact":
        return word == term or word == term + "s"
    if case == "title" and not word[:1].isupper():
        return False
    w, t = word.casefold(), term.casefold()
    return w == t or (len(w) > 3 and w[-1] in "sx" and w[:-1] == t)


def _matches(
    tk: SentenceTokens, i: int, j: int, lex: SourceLexicon
) -> list[tuple[int, int, SourceKind]]:
    found: list[tuple[int, int, SourceKind]] = []
    for t in range(i, j):
        key = tk.keys[t]
        candidates = lex.terms.get(key, ())
        if len(key) > 3 and key[-1] in "sx":
            candidates = candidates + lex.terms.get(key[:-1], ())
        for words, kind, case in candidates:
            n = len(words)
            if t + n <= j and all(_same(tk.words[t + k], words[k], case) for k in range(n)):
                found.append((t, t + n, kind))
    return found


def source_kind(tk: SentenceTokens, i: int, j: int, lex: SourceLexicon) -> SourceKind:
    """Return the kind of the source noun phrase ``tk.words[i:j]``.

    An anonymous term anywhere wins; otherwise the phrase is cut into parts at
    link words and, part by part, the term nearest the head wins (the first in
    French, the last in English); a lone pronoun has its own kind; else ``other``.
    Terms of the kind ``other`` ("rapport", "report") make a phrase a source of
    kind ``other`` when no other kind is found ("un rapport de l'ONU" is
    ``international_org``).

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> s = "Les services nationaux de renseignement de la Corée du Sud"
    >>> tk = SentenceTokens.of(s, 0, len(s))
    >>> source_kind(tk, 0, len(tk), cue_lexicon("fr").sources).value
    'intelligence'
    """
    return _classify(tk, i, j, lex)[0]


def _classify(tk: SentenceTokens, i: int, j: int, lex: SourceLexicon) -> tuple[SourceKind, bool]:
    """Return the kind and whether a lexicon term matched."""
    found = _matches(tk, i, j, lex)
    if any(kind is SourceKind.ANONYMOUS for _, _, kind in found):
        return SourceKind.ANONYMOUS, True
    actors = [f for f in found if f[2] is not SourceKind.OTHER]
    part_start = i
    for t in range(i, j + 1) if actors else ():
        if t < j and not (t > i and tk.keys[t] in lex.links):
            continue
        in_part = [f for f in actors if f[0] < t and f[1] > part_start]
        if in_part:
            if lex.head_first:
                best = min(in_part, key=lambda f: (f[0], f[0] - f[1]))
            else:
                best = max(in_part, key=lambda f: (f[1], f[1] - f[0]))
            return best[2], True
        part_start = t + 1
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
