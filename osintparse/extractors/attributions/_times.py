"""Time adjuncts around cues and sources: one reader for every rule that steps over one.

A time adjunct is a run of time words (``sources.toml`` ``noun_phrase.time_words`` and the
months and weekdays of ``calendar.toml``), numbers, determiners and link words, opened by
up to two ``time_openers``: "on Tuesday", "late on Monday", "last week", "earlier this
month", "in March", "on March 3", "jeudi", "mardi soir", "lundi dernier", "le 3 mars", "en
début de semaine", "el 3 de marzo". It never crosses punctuation.

:func:`time_after` reads one forward from a token ("said | on Tuesday | that", "a déclaré |
jeudi | le ministre"); :func:`time_before` reads one backward from a token ("The ministry |
on Tuesday | said"); :func:`time_at` tells whether a token opens or continues one. No word
is listed here: all are lexicon data.

Examples
--------
>>> from osintparse.extractors.attributions._lexicon import cue_lexicon
>>> from osintparse.extractors.attributions._sources import SentenceTokens
>>> lex = cue_lexicon("en").sources
>>> tk = SentenceTokens.of("said earlier this month that", 0, 28)
>>> tk.words[1 : time_after(tk, 1, lex)]
['earlier', 'this', 'month']
"""

from __future__ import annotations

from collections.abc import Set
from typing import TYPE_CHECKING

from osintparse.extractors.attributions._lexicon import SourceLexicon

if TYPE_CHECKING:
    from osintparse.extractors.attributions._sources import SentenceTokens

__all__ = ["time_after", "time_at", "time_before"]

#: The longest time adjunct read forward, in tokens ("late on Tuesday night").
_REACH = 5


def time_after(
    tk: SentenceTokens, b: int, lex: SourceLexicon, *, clause: Set[str] = frozenset()
) -> int:
    """Return the token after a time adjunct opening at token ``b``, ``b`` if none.

    The adjunct ends after its last time word or number: a number counts after a time word
    ("on March 3") or, a year, after an opener ("in 2019"); openers, determiners, stop words
    and link words may stand before and between them ("on Tuesday", "earlier this month",
    "le 3 mars", "en début de semaine"), but no opener after a determiner ("in an early
    morning tweet" is a noun phrase). A word of ``clause`` opens a clause and ends the
    reading ("said that the next round": no adjunct).

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> from osintparse.extractors.attributions._sources import SentenceTokens
    >>> tk = SentenceTokens.of("a déclaré mardi soir le ministre", 0, 32)
    >>> tk.words[2 : time_after(tk, 2, cue_lexicon("fr").sources)]
    ['mardi', 'soir']
    """
    k, last = b, b
    while k < len(tk) and k - b < _REACH and not (k > b and tk.boundary(k)):
        key = tk.keys[k]
        if key in lex.time_words or _dated(tk, k, b, last, lex):
            last = k + 1
        elif key in clause or not _filler(key, lex):
            break
        elif k > b and key in lex.time_openers and tk.keys[k - 1] in lex.determiners:
            break  # "wrote in an early morning tweet": a noun phrase, its time a modifier
        k += 1
    return last


def _dated(tk: SentenceTokens, k: int, b: int, last: int, lex: SourceLexicon) -> bool:
    """True when token ``k``, in an adjunct read from token ``b`` (its time words ending
    before ``last``), is a number of it: after a time word ("on March 3"), or a year after
    an opener ("in 2019", "since 2014")."""
    if not tk.keys[k].isdigit():
        return False
    year = len(tk.keys[k]) == 4 and k > b and tk.keys[k - 1] in lex.time_openers
    return last > b or year


def _filler(key: str, lex: SourceLexicon) -> bool:
    """True when a word may stand in a time adjunct before its time word: an opener, a stop
    word, a determiner, a link or a number ("late on", "this", "le 3", "début de")."""
    return (
        key in lex.time_openers
        or key in lex.stops
        or key in lex.determiners
        or key in lex.links
        or key.isdigit()
    )


def time_at(tk: SentenceTokens, k: int, lex: SourceLexicon) -> bool:
    """True when token ``k`` can stand at the edge of a time adjunct next to a phrase: a
    time word, an opener or a determiner ("Une étude parue | lundi révèle", "released | on
    Tuesday", "publié | le 3 mars").

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> from osintparse.extractors.attributions._sources import SentenceTokens
    >>> tk = SentenceTokens.of("parue lundi", 0, 11)
    >>> time_at(tk, 1, cue_lexicon("fr").sources), time_at(tk, 0, cue_lexicon("fr").sources)
    (True, False)
    """
    key = tk.keys[k]
    return key in lex.time_words or key in lex.time_openers or key in lex.determiners


def time_before(tk: SentenceTokens, end: int, lex: SourceLexicon, *, floor: int = 0) -> int:
    """Return where a time adjunct ending before token ``end`` starts, ``end`` if none.

    The adjunct is a run of time words (``time_words`` and the calendar's), numbers and
    determiners, opened by up to two ``time_openers`` ("on Tuesday", "late on Monday", "le 3
    mars", "el 3 de marzo"), between a source and its verb: "The ministry on Tuesday said".
    A capitalised word in it must be a calendar word ("USA Today" is a name). A run without
    an opener (:func:`_bare_run`) must start with a determiner, a number, a calendar word or
    a ``time_adverbs`` word ("yesterday", "last week"; not "of recent years"), follow no link
    word ("Le Journal du Dimanche") and, when it holds a capitalised month, no capitalised
    word ("Theresa May said"; but "The Pentagon Tuesday announced"). Something must stand
    before the adjunct. A participle of issuing right before it goes with it ("Un informe
    de la ONU publicado el martes indica": the report says it).

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> from osintparse.extractors.attributions._sources import SentenceTokens
    >>> tk = SentenceTokens.of("The ministry late on Tuesday said", 0, 33)
    >>> time_before(tk, 5, cue_lexicon("en").sources)
    2
    """
    k, timed = end, False
    while k > floor + 1 and not tk.boundary(k):
        key, word = tk.keys[k - 1], tk.words[k - 1]
        if word[:1].isupper() and key not in lex.calendar:
            break
        if key in lex.time_words:
            timed = True
        elif not (key.isdigit() or (timed and _time_inner(tk, k - 1, lex))):
            break
        k -= 1
    if not timed:
        return end
    opened = k
    while opened > floor + 1 and not tk.boundary(opened):
        if tk.keys[opened - 1] not in lex.time_openers:
            break
        opened -= 1
    if opened == k and not _bare_run(tk, k, end, lex):
        return end
    k = opened
    if k <= floor or tk.boundary(k) or tk.keys[k - 1] in lex.determiners:
        return end
    if k - 1 > floor and tk.words[k - 1].islower() and tk.keys[k - 1] in lex.issuer_participles:
        k -= 1
    return k


def _bare_run(tk: SentenceTokens, k: int, end: int, lex: SourceLexicon) -> bool:
    """True when the run ``k:end``, with no opener, is a time adjunct (see
    :func:`time_before`)."""
    first = tk.keys[k]
    starts = first in lex.time_adverbs or first in lex.calendar or first in lex.determiners
    if not (starts or first.isdigit()) or tk.keys[k - 1] in lex.links:
        return False
    if k > 1 and tk.words[k - 1][:1].isupper() and tk.keys[k - 2] in lex.time_openers:
        return False  # "on Super Tuesday": a capitalised word after an opener names the day
    return not _name_run(tk, k, end, lex)


def _name_run(tk: SentenceTokens, k: int, end: int, lex: SourceLexicon) -> bool:
    """True when a capitalised month of the run ``k:end`` follows a capitalised word: a
    name ("Theresa May said"), not a date ("The Pentagon Tuesday announced")."""
    return tk.words[k - 1][:1].isupper() and any(
        tk.words[t][:1].isupper() and tk.keys[t] not in lex.weekdays for t in range(k, end)
    )


def _time_inner(tk: SentenceTokens, k: int, lex: SourceLexicon) -> bool:
    """True when token ``k`` can stand inside a time adjunct before a time word: a
    determiner ("le 3 mars", "this week"), or a link after a number or a time word ("3 de
    marzo")."""
    key = tk.keys[k]
    if key in lex.determiners and key not in lex.links:
        return True
    if key not in lex.links or k == 0:
        return False
    before = tk.keys[k - 1]
    return before.isdigit() or before in lex.time_words or before in lex.time_openers
