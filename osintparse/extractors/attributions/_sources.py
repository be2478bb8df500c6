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
from collections.abc import Callable, Sequence, Set
from typing import Literal

import attrs

from osintparse._patterns import RuleTable
from osintparse._records import record_repr
from osintparse.extractors.attributions._lexicon import TOKEN, SourceLexicon, rules_of
from osintparse.extractors.attributions._times import time_after, time_before
from osintparse.model import DocumentKind, SourceKind

__all__ = [
    "SOURCE_CHECKS",
    "SOURCE_SPANS",
    "Phrase",
    "SentenceTokens",
    "document_kind",
    "document_words",
    "has_name",
    "is_adverb",
    "issuing_verb",
    "np_after",
    "np_before",
    "skip_adverbs",
    "source_kind",
    "source_span",
    "strip_article",
    "valid_np",
]

_GROUPS = str.maketrans("", "", ",.\u00a0\u202f")
_SOFT_GAP = frozenset(" '\n\r\t\f\v/&$€£¥")
_PAREN_GAP = frozenset(" ().")


@attrs.frozen(eq=False)
class SentenceTokens:
    """The word tokens of ``text[lo:hi]`` with their offsets into ``text``.

    Examples
    --------
    >>> tk = SentenceTokens.of("« Oui », a dit l'AFP.", 0, 21)
    >>> tk.words, tk.gap(1)
    (['Oui', 'a', 'dit', 'l', 'AFP'], ' », ')
    """

    __repr__ = record_repr

    text: str
    lo: int
    hi: int
    starts: list[int]
    ends: list[int]
    words: list[str]
    keys: list[str]
    soft: frozenset[int] = frozenset()
    #: Whether the sentence is written in title case (a headline: "Former Doctor Says ...").
    titled: bool = False

    @classmethod
    def of(
        cls,
        text: str,
        lo: int,
        hi: int,
        titles: Set[str] = frozenset(),
        acronyms: Set[str] = frozenset(),
    ) -> SentenceTokens:
        """Tokenise ``text[lo:hi]``.

        The full stop after a title (``titles``: "Mr.", "Sen.") or an initial ("John
        F. Kerry") before a capitalised word is no boundary. A word of ``acronyms`` written
        in capitals in a sentence that is not ("The WHO said") keeps its capitals as its
        key, so no grammar word list holds it.

        Examples
        --------
        >>> SentenceTokens.of("The WHO said", 0, 12, acronyms={"who"}).keys
        ['the', 'WHO', 'said']
        """
        found = list(TOKEN.finditer(text, lo, hi))
        words = [m.group() for m in found]
        keys = _acronym_keys(words, acronyms)
        starts = [m.start() for m in found]
        ends = [m.end() for m in found]
        soft = frozenset(
            i
            for i in range(1, len(words))
            if text[ends[i - 1] : starts[i]].rstrip() == "."
            and words[i][:1].isupper()
            and (keys[i - 1] in titles or (len(words[i - 1]) == 1 and words[i - 1].isupper()))
        )
        capitals = sum(w[:1].isupper() for w in words if w[:1].isalpha())
        letters = sum(1 for w in words if w[:1].isalpha())
        titled = letters >= 4 and capitals >= 0.7 * letters
        return cls(text, lo, hi, starts, ends, words, keys, soft, titled)

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
        """True when the gap before token ``i`` holds punctuation (a title's stop aside)."""
        return not _SOFT_GAP.issuperset(self.gap(i)) and i not in self.soft

    def paren(self, i: int) -> bool:
        """True when the gap before token ``i`` is a bracket, with spaces or an abbreviation's
        full stop: "Institut (ISW)", "Rep. John Mica (R-Fla.) said"."""
        gap = self.gap(i)
        return ("(" in gap or ")" in gap) and _PAREN_GAP.issuperset(gap)

    def index_from(self, pos: int) -> int:
        """Return the index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)


def _acronym_keys(words: Sequence[str], acronyms: Set[str]) -> list[str]:
    """The keys of ``words``: casefolded, a word of ``acronyms`` in capitals kept as it is
    ("WHO", the World Health Organization, is no relative pronoun) unless half the words
    or more are in capitals (a shouted headline: "WHO WON?")."""
    keys = [w.casefold() for w in words]
    if not acronyms or acronyms.isdisjoint(keys):
        return keys
    shouted = sum(len(w) > 1 and w.isupper() for w in words)
    if 2 * shouted >= sum(w[:1].isalpha() for w in words):
        return keys
    return [
        w if k in acronyms and len(w) > 1 and w.isupper() else k
        for w, k in zip(words, keys, strict=True)
    ]


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
        and (
            (tk.keys[j - 1] in lex.clitics and not _speaker_subject(tk, j - 1, lex, floor))
            or (tk.words[j - 1].islower() and is_adverb(tk.keys[j - 1], adverbs, adverb_endings))
        )
        and not (j > 1 and tk.keys[j - 2] in lex.determiners)
    ):
        j -= 1
    return j


def _speaker_subject(tk: SentenceTokens, k: int, lex: SourceLexicon, floor: int) -> bool:
    """True when token ``k``, a clitic that is also a speaker's pronoun, opens its clause
    and so is the subject ("« Nous estimons que ... »"), not an object ("il nous a dit")."""
    key = tk.keys[k]
    speaker = lex.pronouns.get(key) is SourceKind.OTHER and key not in lex.personal
    return speaker and (k == floor or tk.boundary(k))


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
    """True when token ``k``, a determiner not joined by a link word, opens a new phrase;
    a capitalised one after a title is part of a name ("M. Le Maire"), and so is a
    capitalised definite article before a capitalised word ("le quotidien Le Parisien"), and
    so is one opening a time adjunct ("A report released earlier | this month | by the UN",
    "Un rapport publié | le 3 mars | par l'ONU")."""
    return (
        tk.keys[k] in lex.determiners
        and time_after(tk, k, lex) == k
        and tk.keys[k] not in lex.links
        and tk.keys[k - 1] not in lex.links
        and not (tk.keys[k - 1] in lex.titles and tk.words[k][:1].isupper())
        and not _name_article(tk, k, lex)
    )


def _name_article(tk: SentenceTokens, k: int, lex: SourceLexicon) -> bool:
    """True when token ``k`` is a capitalised definite article before a capitalised word."""
    return (
        tk.words[k][:1].isupper()
        and tk.keys[k] in lex.articles
        and tk.keys[k] not in lex.indefinite
        and k + 1 < len(tk)
        and tk.words[k + 1][:1].isupper()
        and not tk.boundary(k + 1)
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
    time: bool = False,
) -> tuple[int, int, str]:
    """Return ``(i, j, stop)``: the noun phrase ending before token ``end``.

    Adverbs and clitic pronouns right before the verb are skipped
    (:func:`skip_adverbs`), and with ``time`` a time adjunct before the verb too
    (:func:`~._times.time_before`: "The ministry on Tuesday said").
    ``stop`` tells what ended the phrase on the left:
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
    if time and (k := time_before(tk, j, lex, floor=floor)) < j:  # "Wells Fargo just this month"
        j = skip_adverbs(tk, k, lex, floor=floor, adverbs=adverbs, adverb_endings=adverb_endings)
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
    if (tk.keys[k - 1], tk.keys[k]) in lex.postmodifiers:  # "familiar with", "close to"
        return tk.boundary(k)
    if lex.origins and k + 1 < len(tk) and (tk.keys[k], tk.keys[k + 1]) in lex.origins:
        return True  # "a appris l'AFP | de source diplomatique"
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
    Daily", "Le Kremlin"), unless elided ("L'Élysée" gives "Élysée"); otherwise it is
    dropped ("Les analystes" gives "analystes", "le NIS" gives "NIS", "A Ukrainian
    official" gives "Ukrainian official").

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> tk = SentenceTokens.of("Les analystes", 0, 13)
    >>> strip_article(tk, 0, 2, cue_lexicon("fr").sources)
    1
    """
    if j - i > 1 and tk.keys[i] in lex.articles:
        elided = tk.gap(i + 1).strip() in ("'", "\u2019")  # "L'AFP", "L'Élysée": dropped
        if tk.words[i][:1].isupper() and tk.keys[i] not in lex.indefinite and not elided:
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
    if case == "title" and term[:1].isupper() and not word[:1].isupper():
        return False  # "Quai d'Orsay": only the term's capitalised words need a capital
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


def document_kind(tk: SentenceTokens, i: int, j: int, lex: SourceLexicon) -> DocumentKind | None:
    """The kind of document the phrase ``tk.words[i:j]`` names, in its first part (before a
    link word: "rapport de l'ONU" is a report, "the head of the study" none), nearest its head.

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> tk = SentenceTokens.of("A new UN report", 0, 15)
    >>> document_kind(tk, 0, 4, cue_lexicon("en").sources).value
    'report'
    """
    found = document_words(tk, i, j, lex)
    return None if found is None else found[0]


#: At most this many words between an issuing verb and its document ("released a new
#: 40-page statement").
_ISSUED_GAP = 4


def issuing_verb(
    tk: SentenceTokens,
    k: int,
    lex: SourceLexicon,
    verbs: frozenset[str],
    recipients: frozenset[str] = frozenset(),
) -> int | None:
    """The token of the verb issuing the document right before token ``k`` (time words, or a
    recipient opened by one of ``recipients``, aside), ``None`` without one: "issued a
    statement (Wednesday) saying" and "sent a letter to Senate leaders urging" give the verb.

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> lex = cue_lexicon("en")
    >>> tk = SentenceTokens.of("It issued a statement Monday saying", 0, 35)
    >>> issuing_verb(tk, 5, lex.sources, lex.issuing)
    1
    """
    t = _before_recipient(tk, time_before(tk, k, lex) - 1, lex, recipients)
    if t <= 0 or tk.boundary(t + 1) or document_kind(tk, t, t + 1, lex) is None:
        return None
    for v in range(t - 1, max(-1, t - 1 - _ISSUED_GAP), -1):
        if tk.boundary(v + 1):
            return None
        if tk.keys[v] in verbs and tk.words[v].islower():
            return v
    return None


#: At most this many tokens of a recipient between a document and its gerund.
_RECIPIENT_WORDS = 5


def _before_recipient(
    tk: SentenceTokens, t: int, lex: SourceLexicon, recipients: frozenset[str]
) -> int:
    """The token before a recipient phrase ending at token ``t`` ("to Senate leaders") when a
    document comes right before it, else ``t``."""
    for r in range(t, max(0, t - _RECIPIENT_WORDS), -1):
        if tk.boundary(r + 1):
            return t
        if tk.keys[r] in recipients:
            return r - 1 if r > 0 and document_kind(tk, r - 1, r, lex) is not None else t
    return t


def document_words(
    tk: SentenceTokens, i: int, j: int, lex: SourceLexicon
) -> tuple[DocumentKind, int, int] | None:
    """:func:`document_kind` with the tokens ``a:b`` of the document's words.

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> tk = SentenceTokens.of("Un sondage Ifop", 0, 15)
    >>> kind, a, b = document_words(tk, 0, 3, cue_lexicon("fr").sources)
    >>> kind.value, tk.words[a:b]
    ('survey', ['sondage'])
    """
    lo, hi = _parts(tk, i, j, lex)[0]
    ends = lex.plural_endings
    found: list[tuple[int, int, DocumentKind]] = []
    for t in range(lo, hi):
        word = tk.keys[t]
        options = list(lex.documents.get(word, ()))
        for e in ends:
            if len(word) > 3 and word.endswith(e):
                options += lex.documents.get(word[: -len(e)], ())
        for words, kind, case in options:
            n = len(words)
            if case == "any" and t > 0 and tk.words[t][:1].isupper():
                continue  # "The Washington Post" is no post
            if t + n <= hi and all(_same(tk.words[t + k], words[k], case, ends) for k in range(n)):
                found.append((t, t + n, kind))
    if not found:
        return None
    # Nearest the head; of the terms there, the longest ("note interne" over "note").
    if lex.head_first:
        a, b, kind = min(found, key=lambda f: (f[0], -f[1]))
    else:
        a, b, kind = max(found, key=lambda f: (f[1], -f[0]))
    return kind, a, b


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


@attrs.frozen(eq=False)
class Phrase:
    """A candidate source: tokens ``i:j`` of a sentence, with the sentence's cues.

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> tk = SentenceTokens.of("Des sources locales", 0, 19)
    >>> Phrase(tk, 0, 3, cue_lexicon("fr").sources, frozenset()).keys
    ['des', 'sources', 'locales']
    """

    __repr__ = record_repr

    tk: SentenceTokens
    i: int
    j: int
    lex: SourceLexicon
    cue_starts: Set[int]
    open: bool = False

    @property
    def keys(self) -> list[str]:
        """The keys of the phrase's words."""
        return self.tk.keys[self.i : self.j]


#: A source check: the phrase's kind (a source), ``False`` (no source) or ``None`` (next).
SourceCheck = Callable[[Phrase], SourceKind | Literal[False] | None]

#: The checks deciding whether a noun phrase can name a source, in order.
SOURCE_CHECKS: RuleTable[SourceCheck] = RuleTable("source checks")


@SOURCE_CHECKS.rule("length")
def _length(p: Phrase) -> SourceKind | Literal[False] | None:
    """A source has one to `max_words` words."""
    return None if 0 < p.j - p.i <= p.lex.max_words else False


@SOURCE_CHECKS.rule("pronoun")
def _pronoun(p: Phrase) -> SourceKind | Literal[False] | None:
    """A lone pronoun (`pronouns`) is a source of its kind: "il", "they", "on"."""
    if p.j - p.i == 1 and p.keys[0] in p.lex.pronouns:
        return p.lex.pronouns[p.keys[0]]
    return None


@SOURCE_CHECKS.rule("quantifier")
def _quantifier(p: Phrase) -> SourceKind | Literal[False] | None:
    """A quantifier (`quantifiers`), after an article or a number maybe, is a source of kind
    anonymous: "Many", "the public", "42 percent", "la plupart"; followed by a quantifier link,
    only when the rest names a source, of its kind: "a majority of voters", "12 of the
    senators"; "most of the money" is none (after a number alone, the next checks decide)."""
    tk, lex = p.tk, p.lex
    t = _after_quantifier(p)
    if t == p.i:
        return None
    if t == p.j:
        return SourceKind.ANONYMOUS if tk.keys[t - 1] in lex.quantifiers else None
    if tk.keys[t] not in lex.quantifier_links or t + 1 == p.j:
        return None
    kind, matched = _classify(tk, t + 1, p.j, lex)
    if matched:
        return kind
    if has_name(tk, t + 1, p.j, lex):
        return SourceKind.OTHER
    # a number alone is left to the next checks ("42% des personnes interrogées")
    return False if tk.keys[t - 1] in lex.quantifiers else None


def _after_quantifier(p: Phrase) -> int:
    """The token after a phrase's opening quantifier words (an article before a quantifier
    noun, a number, then quantifiers: "a majority", "42 percent", "la plupart"), or ``p.i``
    when none opens it."""
    tk, lex, t = p.tk, p.lex, p.i
    if tk.keys[t] in lex.articles and t + 1 < p.j:
        if tk.keys[t + 1] not in lex.quantifier_nouns:
            return p.i  # "the most detailed", "a few minutes": no quantifier
        t += 1
    number = _number(tk.keys[t].rstrip("%"))
    if number:
        t += 1
    quantified = t
    while t < p.j and tk.keys[t] in lex.quantifiers:
        t += 1
    if t == quantified and not number:
        return p.i
    return t


@SOURCE_CHECKS.rule("time")
def _time(p: Phrase) -> SourceKind | Literal[False] | None:
    """No source is only time words, numbers and determiners: "Tuesday", "last week", "her
    1,280"; nor one time adjunct ("Later on Sunday", :func:`~._times.time_after`)."""
    lex = p.lex
    if time_after(p.tk, p.i, lex) >= p.j:
        return False
    for t in range(p.i, p.j):
        word = p.tk.keys[t]
        if word not in lex.time_words and word not in lex.determiners and not _number(word):
            return None
    return False


def _number(key: str) -> bool:
    """True when a token is a number, with digit groups or not: "2024", "1,280"."""
    return key[:1].isdigit() and key.translate(_GROUPS).isdigit()


@SOURCE_CHECKS.rule("preposition")
def _preposition(p: Phrase) -> SourceKind | Literal[False] | None:
    """No source opens with a preposition or a link word: "in Washington", "of Pagliano";
    one that is also a determiner is a preposition before a name ("de RT", not "des experts")."""
    first, lex = p.keys[0], p.lex
    if first not in lex.links:
        return None
    name = p.j - p.i > 1 and p.tk.words[p.i + 1][:1].isupper()
    return False if first not in lex.determiners or name else None


@SOURCE_CHECKS.rule("grammar_end")
def _grammar_end(p: Phrase) -> SourceKind | Literal[False] | None:
    """No source ends on a determiner, a link or a stop word: "le rapport de"; a capitalised
    stop word ending a name is no stop ("USA Today", "Le Journal du Dimanche")."""
    last = p.keys[-1]
    lex = p.lex
    if last in lex.determiners or last in lex.links:
        return False
    return False if last in lex.stops and not _name_end(p) else None


def _name_end(p: Phrase) -> bool:
    """True when the phrase's last word is capitalised inside a name: after a capitalised
    word, or after a link word itself after one ("Journal du Dimanche")."""
    tk, j = p.tk, p.j
    if j - p.i < 2 or not tk.words[j - 1][:1].isupper():
        return False
    before = j - 2
    if tk.keys[before] in p.lex.links and before > p.i:
        before -= 1
    return tk.words[before][:1].isupper()


@SOURCE_CHECKS.rule("clause")
def _clause(p: Phrase) -> SourceKind | Literal[False] | None:
    """No source holds a negation, another verb (`breakers`), a clause word or a cue."""
    lex = p.lex
    for t in range(p.i, p.j):
        word = p.tk.keys[t]
        if t > p.i and (p.tk.keys[t - 1], word) in lex.postmodifiers:
            continue  # "sources close to the president": no infinitive
        breaker = word in lex.breakers and (t == 0 or not p.tk.words[t][:1].isupper())
        if breaker and word in lex.links and _preposition_before(p, t):
            continue  # "adviser to Mr. Sanders", "Paths to Peace": no infinitive
        if breaker or word in lex.clause_words or p.tk.starts[t] in p.cue_starts:
            return False  # a capitalised "May" (Theresa May) is a name, not a modal
    return None


def _preposition_before(p: Phrase, t: int) -> bool:
    """True when token ``t``, a breaker that is also a link ("to"), is a preposition: after
    a capitalised word or a source term right before it, and before a name, a title, a
    determiner or a number ("adviser to Mr. Sanders", "aides to the governor", "Paths to
    Peace"; not "helping to organize", "access to the people")."""
    if t + 1 >= p.j or t == p.i:
        return False
    tk, lex = p.tk, p.lex
    key, word = tk.keys[t + 1], tk.words[t + 1]
    after = word[:1].isupper() or key in lex.determiners or key in lex.titles or word[:1].isdigit()
    return after and (tk.words[t - 1][:1].isupper() or _classify(tk, t - 1, t, lex)[1])


@SOURCE_CHECKS.rule("term")
def _term(p: Phrase) -> SourceKind | Literal[False] | None:
    """A phrase holding a source term (`kinds`, `places`) is a source of the term's kind."""
    kind, matched = _classify(p.tk, p.i, p.j, p.lex)
    return kind if matched else None


@SOURCE_CHECKS.rule("name")
def _name(p: Phrase) -> SourceKind | Literal[False] | None:
    """A phrase holding a name (a capitalised word that is no grammar word) is a source."""
    return SourceKind.OTHER if has_name(p.tk, p.i, p.j, p.lex) else None


@SOURCE_CHECKS.rule("open")
def _open(p: Phrase) -> SourceKind | Literal[False] | None:
    """Before a verb of an open cue class (`open_subject`), any noun phrase not opened by a
    preposition is a source: "His lawyer said", "The clip says"."""
    lex = p.lex
    if not p.open or p.keys[0] in lex.stops or p.keys[0] in lex.links:
        return None
    grammar = lex.determiners | lex.connectors
    return SourceKind.OTHER if any(k not in grammar for k in p.keys) else None


def relative_head(
    tk: SentenceTokens, k: int, lex: SourceLexicon, heads: Set[str], *, document: bool
) -> bool:
    """True when the word before token ``k`` can head the noun phrase a reduced relative
    gerund at ``k`` modifies and name a source on its own: one of ``heads`` ("those"), a
    source term ("pastors"), a name inside the sentence ("Democrats", "super PAC"; a word
    capitalised only because it opens the sentence is none, and a title-case headline has
    none), no document ("a letter urging"); with ``document`` (an evidence verb) only a
    document ("a new poll showing").

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> lex = cue_lexicon("en").sources
    >>> tk = SentenceTokens.of("pastors supporting", 0, 18)
    >>> relative_head(tk, 1, lex, frozenset(), document=False)
    True
    >>> tk = SentenceTokens.of("forces supporting", 0, 17)
    >>> relative_head(tk, 1, lex, frozenset(), document=False)
    False
    """
    if k == 0 or tk.boundary(k) or tk.titled:
        return False
    h = k - 1
    if tk.keys[h] in heads:
        return True
    if document or document_kind(tk, h, k, lex) is not None:
        # an evidence verb's source is a document; another's is none ("a letter urging")
        return document and document_kind(tk, h, k, lex) is not None
    kind = valid_np(tk, h, k, lex, frozenset())
    opening = h == 0 or tk.boundary(h)
    return kind is not None and not (opening and kind is SourceKind.OTHER)


def valid_np(
    tk: SentenceTokens,
    i: int,
    j: int,
    lex: SourceLexicon,
    cue_starts: Set[int],
    *,
    open_subject: bool = False,
) -> SourceKind | None:
    """Return the kind of ``tk.words[i:j]`` if it can name a source, else ``None``.

    The first rule of :data:`SOURCE_CHECKS` that decides gives the answer; a phrase
    none of them accepts is no source. In short: a source is at most ``max_words``
    long, holds no negation or other verb (the ``breakers``), no other cue, does not
    end on a grammar word, and is a pronoun, holds a source term (of any kind,
    ``other`` included), or a name.

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
    phrase = Phrase(tk, i, j, lex, cue_starts, open_subject)
    for rule in rules_of(SOURCE_CHECKS):
        verdict = rule(phrase)
        if verdict is not None:
            return verdict or None
    return None


#: A span rule: from the tokens ``i:j`` of a source and its span so far, the new span.
SpanRule = Callable[[SentenceTokens, int, int, SourceLexicon, tuple[int, int]], tuple[int, int]]

#: The rules shaping a source's span from its noun phrase, in order.
SOURCE_SPANS: RuleTable[SpanRule] = RuleTable("source spans")


@SOURCE_SPANS.rule("article")
def _article(
    tk: SentenceTokens, i: int, j: int, lex: SourceLexicon, span: tuple[int, int]
) -> tuple[int, int]:
    """A leading article is dropped unless it starts a name: "analystes", "La Corée du Nord"."""
    return tk.starts[strip_article(tk, i, j, lex)], span[1]


@SOURCE_SPANS.rule("participle")
def _participle(
    tk: SentenceTokens, i: int, j: int, lex: SourceLexicon, span: tuple[int, int]
) -> tuple[int, int]:
    """A participle of `issuers.participles` ending the phrase is dropped: "selon un rapport
    de la Banque mondiale publié lundi" gives "Banque mondiale" (the time ended the phrase)."""
    if j - i > 1 and tk.keys[j - 1] in lex.issuer_participles and tk.words[j - 1].islower():
        return span[0], max(span[0], tk.ends[j - 2])
    return span


@SOURCE_SPANS.rule("bracket")
def _bracket(
    tk: SentenceTokens, i: int, j: int, lex: SourceLexicon, span: tuple[int, int]
) -> tuple[int, int]:
    """A bracket opened in the source is closed: "Institut pour l'étude de la guerre (ISW)"."""
    start, end = span
    if tk.text.startswith(")", end) and "(" in tk.text[start:end]:
        return start, end + 1
    return span


def source_span(tk: SentenceTokens, i: int, j: int, lex: SourceLexicon) -> tuple[int, int]:
    """Return the span of the source named by tokens ``i:j`` (:data:`SOURCE_SPANS` applied).

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> text = "selon l'Institut (ISW) hier"
    >>> tk = SentenceTokens.of(text, 0, len(text))
    >>> s, e = source_span(tk, 1, 4, cue_lexicon("fr").sources)
    >>> text[s:e]
    'Institut (ISW)'
    """
    span = tk.starts[i], tk.ends[j - 1]
    for rule in rules_of(SOURCE_SPANS):
        span = rule(tk, i, j, lex, span)
    return span
