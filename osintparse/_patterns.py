"""Shared scanning: word lists as trie-shaped patterns, bounded gaps, rule tables, offsets.

Every engine builds its patterns from lexicon words with the helpers here, so that

* an alternation of hundreds of words is one trie (:func:`alternation`): at each
  position the regex engine follows one branch per character, never tries each word
  in turn, and matching stays linear in the text;
* every run of white space a pattern allows is bounded (:data:`GAP`,
  :func:`bounded`): no pattern can be quadratic over a run of 100 000 spaces;
* context patterns are matched in a bounded window (:func:`match_at`);
* every shape an engine recognises is a small named rule in a :class:`RuleTable`
  (the way ftfy keeps its fixers): the engine is a short loop over the table, and
  each mention's ``rule`` names the entries that produced it;
* offsets found on the normalised text are mapped back to the original once, here
  (:func:`to_normalized`, :func:`map_back`, :func:`sentence_spans`).

Examples
--------
>>> import regex
>>> p = alternation(["selon", "signalé", "signale", "a déclaré"])
>>> p
'(?:a\\\\s{1,24}déclaré|s(?:elon|ignal(?:e|é)))'
>>> regex.fullmatch(p, "a   déclaré") is not None
True
>>> regex.fullmatch(alternation(["d'après"]), "d’après") is not None
True
"""

from __future__ import annotations

import array
import bisect
import functools
import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Generic, TypeVar, overload

import attrs
import regex

from osintparse._cache import once
from osintparse._records import record_repr
from osintparse._regexcode import compile_pattern, shipped_source

__all__ = [
    "B0",
    "B1",
    "EXPANDING",
    "FULL_FOLDING",
    "GAP",
    "GAP0",
    "MAX_GAP",
    "WINDOW",
    "WORD",
    "LazyPattern",
    "Prefilter",
    "Rule",
    "RuleTable",
    "Source",
    "Spans",
    "alternation",
    "bounded",
    "compiled",
    "expands",
    "lazy",
    "map_back",
    "match_at",
    "opening_token",
    "sentence_spans",
    "simple_folding",
    "to_normalized",
    "trie_pattern",
    "word_key",
]

#: Most white-space characters any pattern accepts between two tokens.
MAX_GAP = 24
#: A bounded run of white space between two tokens.
GAP = rf"\s{{1,{MAX_GAP}}}"
#: A bounded, possibly empty, run of white space.
GAP0 = rf"\s{{0,{MAX_GAP}}}"
#: Start of a word: no letter, digit or underscore before.
B0 = r"(?<![\p{L}\p{N}_])"
#: End of a word: no letter, digit or underscore after.
B1 = r"(?![\p{L}\p{N}_])"
#: A word of a noun phrase: letters, inner hyphens ("nord-coréens"), not glued to digits.
WORD = r"[\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}][\p{L}\p{M}'’]*)*(?![\p{L}\p{M}\p{N}'’\-])"
#: Characters a context pattern may look at after its start (see :func:`match_at`).
WINDOW = 160

_APOSTROPHES = "'’"
_END = ""


@functools.lru_cache(maxsize=4096)
def _char(ch: str, gap: str, apostrophes: bool) -> str:
    if ch == " ":
        return gap
    if apostrophes and ch in _APOSTROPHES:
        return "['’]"
    return regex.escape(ch)


def alternation(
    words: Iterable[str],
    *,
    boundary: bool = False,
    apostrophes: bool = True,
    gap: str = GAP,
) -> str:
    """Return one non-capturing, trie-shaped pattern matching any of ``words``.

    Longer words win over their prefixes; a space in a word matches a bounded run of
    white space (``gap``); an apostrophe matches either apostrophe (``apostrophes``).
    With ``boundary=True`` a word ending in a letter or digit must end a word of the
    text ("mai" does not match in "maison"). Matching is case-sensitive unless the
    caller compiles with ``regex.IGNORECASE``. An empty list gives a pattern that
    never matches.

    Examples
    --------
    >>> alternation(["ab", "abc"])
    '(?:ab(?:c)?)'
    >>> alternation([])
    '(?!)'
    >>> import regex
    >>> [m.group() for m in regex.finditer(alternation(["mai"], boundary=True), "mai maison")]
    ['mai']
    """
    return _alternation(tuple(words), boundary, apostrophes, gap)


@functools.lru_cache(maxsize=1024)
def _alternation(words: tuple[str, ...], boundary: bool, apostrophes: bool, gap: str) -> str:
    """:func:`alternation`, cached: engines build the same word lists' patterns more than
    once (units, prepositions), and building a trie of a thousand words takes milliseconds.
    A source the first parses of the seed and golden texts built is read from the shipped
    file (:func:`osintparse._regexcode.shipped_source`), the same string as :func:`_trie`
    builds. The source does not depend on the words' order (a word list may come from a
    set), so the file lists it under the sorted words."""
    shipped = shipped_source(("alternation", tuple(sorted(set(words))), boundary, apostrophes, gap))
    if shipped is not None:
        return shipped
    return _trie(words, boundary, apostrophes, gap)


def _trie(words: tuple[str, ...], boundary: bool, apostrophes: bool, gap: str) -> str:
    """The trie-shaped pattern of :func:`alternation`, built."""
    root: dict[str, Any] = {}
    for word in words:
        word = " ".join(word.split())
        if not word:
            continue
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    if not root:
        return "(?!)"
    if boundary and _closed(root, ""):
        return "(?:" + _branches(root, gap, apostrophes, False) + ")" + B1
    return "(?:" + _branches(root, gap, apostrophes, boundary) + ")"


def _closed(node: dict[str, Any], last: str) -> bool:
    """Whether every word ending in ``node``'s subtree ends in a letter or digit.

    The boundary of such a subtree is written once after it rather than after every
    word (the same matches, tried in the same order: a lookahead captures nothing),
    which keeps long alternations cheap to compile.
    """
    if _END in node and not last.isalnum():
        return False
    return all(_closed(sub, ch) for ch, sub in node.items() if ch != _END)


def _branches(node: dict[str, Any], gap: str, apostrophes: bool, boundary: bool) -> str:
    return "|".join(
        _char(ch, gap, apostrophes) + _emit(sub, ch, gap, apostrophes, boundary)
        for ch, sub in sorted(node.items())
        if ch != _END
    )


def _emit(node: dict[str, Any], last: str, gap: str, apostrophes: bool, boundary: bool) -> str:
    if boundary and _closed(node, last):
        return _emit(node, last, gap, apostrophes, False) + B1
    alts = [
        _char(ch, gap, apostrophes) + _emit(sub, ch, gap, apostrophes, boundary)
        for ch, sub in sorted(node.items())
        if ch != _END
    ]
    end = _END in node
    stop = B1 if boundary and last.isalnum() else ""
    if not alts:
        return stop
    if end and stop:
        return "(?:" + "|".join([*alts, stop]) + ")"
    if len(alts) == 1 and not end:
        return alts[0]
    body = "(?:" + "|".join(alts) + ")"
    return body + "?" if end else body


def word_key(text: str) -> str:
    """Return the lookup key of a listed or matched word: case folded, the typographic
    apostrophe as ``'``, single spaces. The one key of every word map (patterns accept
    either apostrophe, so a key must not tell them apart).

    Examples
    --------
    >>> word_key("  D\u2019après   l'AFP ")
    "d'après l'afp"
    """
    return " ".join(text.replace("\u2019", "'").casefold().split())


def trie_pattern(words: Iterable[str]) -> str:
    """Return :func:`alternation` of ``words`` with default options (kept for callers).

    Examples
    --------
    >>> trie_pattern(["de", "des"])
    '(?:de(?:s)?)'
    """
    return alternation(words)


_GAP_STAR = compile_pattern(r"(?<!\\)\\s\*")
_GAP_PLUS = compile_pattern(r"(?<!\\)\\s\+")


def bounded(source: str) -> str:
    r"""Rewrite every ``\s*`` and ``\s+`` of a pattern source into a bounded run.

    Examples
    --------
    >>> bounded(r"plus\s+de\s*")
    'plus\\s{1,24}de\\s{0,24}'
    """
    source = _GAP_STAR.sub(lambda _: GAP0, source)
    return _GAP_PLUS.sub(lambda _: GAP, source)


@once
def compiled(source: str, flags: int = 0) -> regex.Pattern[str]:
    r"""Compile ``source`` once (cached), with its white-space runs :func:`bounded`.

    Examples
    --------
    >>> compiled(r"a\s+b").pattern
    'a\\s{1,24}b'
    """
    if not flags & regex.V1:
        flags |= regex.V0
    return compile_pattern(bounded(source), flags)


#: The characters whose full case folding is longer than one character ("ß" and "ẞ" to
#: "ss", "İ" to "i" and a combining dot, "ŉ" to "ʼn", Greek letters with an iota
#: subscript...), as the regex module lists them (the list its compiler uses); a regex
#: release without that private function gets the characters whose ``str.casefold`` is
#: longer than one character (the same list less, in regex 2024-2026, one character).
_REGEX_C: Any = importlib.import_module("regex._regex")  # its C module: no stub lists this


def _expanding() -> str:
    listed = getattr(_REGEX_C, "get_expand_on_folding", None)
    if listed is not None:
        return "".join(sorted(listed()))
    return "".join(chr(i) for i in range(0x110000) if len(chr(i).casefold()) > 1)


EXPANDING = _expanding()
#: The characters a case-insensitive pattern may match otherwise with full case folding
#: than with simple folding: :data:`EXPANDING`, and the dotless "ı" that full folding
#: matches to the "i" of a folded sequence ("fi" matches "fı").
FULL_FOLDING = EXPANDING + "\u0131"
_FULL_FOLDING = compile_pattern("[" + "".join(f"\\U{ord(c):08x}" for c in FULL_FOLDING) + "]")
_FULL_FOLDING_SET = frozenset(FULL_FOLDING)
#: Escapes that may write a character, a named list or a back reference without the
#: character itself: ``\xdf``, ``\N{...}``, ``\L<name>``, ``\g<1>``, ``\1``.
_HIDDEN = frozenset("xuUNLg0123456789")
#: An inline flag group that could turn full case folding on again: ``(?f)``, ``(?fi:``.
_FLAG_F = compile_pattern(r"\(\?[\^a-zA-Z0-9-]*f[\^a-zA-Z0-9-]*[:)]")
#: Prefixed to a source, the regex module's scoped flag turning full case folding off.
_SIMPLE = "(?-f)"
_last_text: tuple[str, bool] = ("", False)


def expands(text: str) -> bool:
    """Whether ``text`` holds a character of :data:`FULL_FOLDING` ("ß", "ﬁ", "İ", "ı"...).

    The answer for the last text asked about is kept: the patterns of one text ask once.

    Examples
    --------
    >>> expands("Strasse, conﬁrmed"), expands("Straße"), expands("İzmir")
    (True, True, True)
    >>> expands("Strasse, confirmed")
    False
    """
    global _last_text
    last = _last_text
    if last[0] is text:
        return last[1]
    found = _FULL_FOLDING.search(text) is not None
    _last_text = (text, found)
    return found


def _classes(source: str) -> list[str] | None:
    """The character classes (``[...]``) of a pattern source, or None when the source
    writes a character by a :data:`_HIDDEN` escape outside them."""
    out: list[str] = []
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\\":
            if source[i + 1 : i + 2] in _HIDDEN:
                return None
            i += 2
        elif ch == "[":
            depth, j = 0, i
            while j < n:
                if source[j] == "\\":
                    j += 1
                elif source[j] == "[":
                    depth += 1
                elif source[j] == "]":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            out.append(source[i : j + 1])
            i = j + 1
        else:
            i += 1
    return out


@functools.lru_cache(maxsize=256)
def _class_expands(cls: str) -> bool:
    """Whether the character class ``cls`` may match a character of :data:`FULL_FOLDING`,
    case-insensitively (True when it does not compile on its own)."""
    try:
        return compile_pattern(cls, regex.IGNORECASE | regex.V1).search(FULL_FOLDING) is not None
    except regex.error:
        return True


def simple_folding(source: str, flags: int) -> bool:
    """Whether ``source`` compiled with ``flags`` may use simple case folding on a text that
    does not :func:`expand <expands>`, with the same matches as full case folding.

    Full case folding (``regex.IGNORECASE`` with ``regex.V1``) makes compilation about three
    times slower than simple case folding, and the two differ only where a character of
    :data:`FULL_FOLDING` takes part: with full folding a literal "ss" or "fi" of the
    pattern matches "ß", "ﬁ" or "fı" of the text, a literal "ß" of the pattern matches "ss"
    of the text, and a character class that holds such a character ("[\\w-]" holds "ß")
    also matches the two characters of its folding ("ss"). So simple folding gives the
    same matches on a text without those characters when the pattern holds none of them:
    no such character in the source, no character class that may match one, no escape
    that may write one (:data:`_HIDDEN`) and no flag turning full folding on again.
    Properties (``\\w``, ``\\p{L}``), zero-width assertions and every other character fold
    alike both ways (``tests/test_folding.py`` checks every cased character).

    Examples
    --------
    >>> f = regex.IGNORECASE | regex.V1
    >>> simple_folding(r"\\m(?:said|stressed)(?!\\w|-)", f), simple_folding("stra(?:ss|ß)e", f)
    (True, False)
    >>> simple_folding(r"said(?![\\w-])", f), simple_folding("said", regex.IGNORECASE)
    (False, False)
    """
    if flags & (regex.IGNORECASE | regex.V1) != regex.IGNORECASE | regex.V1:
        return False
    if not _FULL_FOLDING_SET.isdisjoint(source) or _FLAG_F.search(source) is not None:
        return False
    classes = _classes(source)
    return classes is not None and not any(_class_expands(c) for c in classes)


#: The methods of a compiled pattern a :class:`LazyPattern` offers.
_LAZY_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "split")


class LazyPattern:
    r"""A pattern compiled (with :func:`compiled`) the first time it is used.

    An engine that builds many patterns per language pays for the compilation of
    only those a text needs: a pattern for units in brackets is not compiled until a
    number is followed by a bracket. After the first call every method is the
    compiled pattern's own (bound to the instance), so a lazy pattern costs nothing
    more per call than a compiled one.

    A case-insensitive pattern of full case folding (``regex.IGNORECASE | regex.V1``)
    that may use :func:`simple_folding` is compiled with simple case folding, and with
    full folding only for a text that :func:`expands` ("Straße", "ﬁn", "İzmir"): the
    same matches on every text, about three times faster to compile. Its methods then
    pick the pattern by the text they are given.

    Examples
    --------
    >>> p = lazy(r"b\s+c")
    >>> p.is_compiled
    False
    >>> p.search("a b  c").span(), p.is_compiled
    ((2, 6), True)
    >>> match_at(p, "b c", 0, 3).group()
    'b c'
    >>> q = lazy("discussed", regex.IGNORECASE | regex.V1)
    >>> q.search("DISCUSSED").group(), q.search("discußed").group()
    ('DISCUSSED', 'discußed')
    """

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._simple: regex.Pattern[str] | None = None

    @property
    def is_compiled(self) -> bool:
        """Whether the pattern has been compiled."""
        return "match" in self.__dict__

    @property
    def compiled_pattern(self) -> regex.Pattern[str]:
        """The compiled pattern, with the flags as given (compiled now if it was not yet)."""
        self._bind()
        return compiled(self.source, self.flags)

    def pattern_for(self, text: str) -> regex.Pattern[str]:
        """The compiled pattern that matches ``text``: with simple case folding when it
        gives the same matches (see the class), else as given."""
        p = self._simple
        if p is None or expands(text):
            return compiled(self.source, self.flags)
        return p

    def _bind(self) -> None:
        """Store the methods on the instance: the compiled pattern's own, or methods
        choosing the pattern by the text when simple folding may be used."""
        if self.is_compiled:
            return
        if not simple_folding(self.source, self.flags):
            p = compiled(self.source, self.flags)
            for name in _LAZY_METHODS:
                self.__dict__[name] = getattr(p, name)
            return
        self._simple = compiled(_SIMPLE + self.source, self.flags)
        for name in _LAZY_METHODS:
            self.__dict__[name] = self._method(name)

    def _method(self, name: str) -> Callable[..., Any]:
        # What pattern_for does, with the simple pattern's method bound once: this runs on
        # every call of the method (a parse makes hundreds).
        simple = getattr(self._simple, name)
        source, flags = self.source, self.flags

        def method(string: str, *args: Any, **kwargs: Any) -> Any:
            last = _last_text
            if last[1] if last[0] is string else expands(string):
                return getattr(compiled(source, flags), name)(string, *args, **kwargs)
            return simple(string, *args, **kwargs)

        method.__name__ = name
        return method

    def __getattr__(self, name: str) -> Any:
        """The compiled pattern's method ``name`` (``match``, ``search``, ``finditer``...):
        only called before the first compilation, which stores them on the instance."""
        if name not in _LAZY_METHODS:
            raise AttributeError(name)
        self._bind()
        return self.__dict__[name]

    def __eq__(self, other: object) -> bool:
        """Lazy patterns of the same source and flags are equal (as compiled ones are)."""
        if not isinstance(other, LazyPattern):
            return NotImplemented
        return (self.source, self.flags) == (other.source, other.flags)

    def __hash__(self) -> int:
        return hash((self.source, self.flags))

    def __repr__(self) -> str:
        return f"lazy({self.source!r})"


def lazy(source: str, flags: int = 0) -> LazyPattern:
    r"""Return ``source`` as a :class:`LazyPattern`: :func:`compiled` on first use.

    Examples
    --------
    >>> lazy(r"\d+").findall("1 22")
    ['1', '22']
    """
    return LazyPattern(source, flags)


#: A token as :class:`Prefilter` reads a text: a run of word characters (as ``\\w`` of the
#: regex module's version 1 reads them) or one other character that is no white space.
_TOKEN = compile_pattern(r"\w+|[^\w\s]", flags=regex.V1)


def opening_token(word: str) -> str:
    """Return the first token of ``word``, case folded ("" when it has none).

    Examples
    --------
    >>> opening_token("D'après"), opening_token("according to"), opening_token(":")
    ('d', 'according', ':')
    """
    m = _TOKEN.search(word)
    return m.group().casefold() if m is not None else ""


#: The pattern source of a :class:`Prefilter` alternative: one source for all its openers,
#: or a function giving the source that matches the words it is given (the openers of one
#: token).
Source = str | Callable[[Sequence[str]], str]


class Prefilter:
    r"""Alternatives of one scan, each tried only where a token opens one of its words.

    It finds what ``finditer`` of the alternation of the alternatives' patterns, in
    order, would find, when each alternative only matches from the start of a
    :data:`_TOKEN` (a word-start assertion ``\m`` or a punctuation mark opening it)
    whose case-folded text is the first token of one of its ``openers``: one pass over
    the text's tokens, a set lookup each, and a pattern is only tried at the tokens that
    open it. Patterns are compiled on first use (:func:`lazy`); an alternative whose
    source is a function has a pattern per token, made of the openers of that token
    only, so that a text compiles the few words it holds rather than thousands.

    Parameters
    ----------
    alternatives
        ``(source, openers)`` pairs in the order the alternation tries them.
    flags
        The flags every pattern is compiled with.

    Examples
    --------
    >>> words = lambda ws: r"\m" + alternation(ws) + r"\M"
    >>> scan = Prefilter([(words, ["a b", "c", "dd"]), (":", [":"])])
    >>> [m.group() for m in scan.finditer("x a b: c d")]
    ['a b', ':', 'c']
    >>> sorted(scan.compiled())
    [(0, 'a'), (0, 'c'), (1, '')]
    """

    def __init__(
        self, alternatives: Sequence[tuple[Source, Iterable[str]]], flags: int = 0
    ) -> None:
        self.flags = flags
        self._sources = tuple(source for source, _ in alternatives)
        self._words: list[dict[str, tuple[str, ...]]] = []
        by_token: dict[str, list[int]] = {}
        for i, (_, openers) in enumerate(alternatives):
            words: dict[str, list[str]] = {}
            for word in openers:
                token = opening_token(word)
                if token:
                    words.setdefault(token, []).append(word)
            self._words.append({k: tuple(v) for k, v in words.items()})
            for token in sorted(words):
                by_token.setdefault(token, []).append(i)
        self._by_token = {k: tuple(v) for k, v in by_token.items()}
        self._patterns: dict[tuple[int, str], LazyPattern] = {}

    def _pattern(self, i: int, token: str) -> LazyPattern:
        """The pattern of alternative ``i`` at a token ``token`` (made on first use)."""
        source = self._sources[i]
        k = (i, token) if callable(source) else (i, "")
        p = self._patterns.get(k)
        if p is None:
            text = source(self._words[i][token]) if callable(source) else source
            p = self._patterns.setdefault(k, lazy(text, self.flags))
        return p

    def compiled(self) -> list[tuple[int, str]]:
        """The ``(alternative, token)`` pairs whose pattern has been compiled (the token is
        "" for an alternative with one pattern)."""
        return [k for k, p in self._patterns.items() if p.is_compiled]

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[regex.Match[str]]:
        """Yield the matches from ``pos`` to ``endpos``, left to right, not overlapping."""
        end = len(text) if endpos is None else endpos
        by_token = self._by_token
        after = pos
        for tok in _TOKEN.finditer(text, pos, end):
            start = tok.start()
            if start < after:
                continue
            token = tok.group().casefold()
            for i in by_token.get(token, ()):
                hit = self._pattern(i, token).match(text, start, end)
                if hit is not None:
                    yield hit
                    after = max(hit.end(), start + 1)
                    break


def match_at(
    pattern: regex.Pattern[str] | LazyPattern,
    text: str,
    pos: int,
    endpos: int,
    window: int = WINDOW,
) -> regex.Match[str] | None:
    """``pattern.match`` at ``pos`` within a bounded window of ``text``.

    Without the window the regex module may scan the whole rest of the text for a
    required literal, which is quadratic over many candidates.

    Examples
    --------
    >>> match_at(compiled("b"), "ab", 1, 2).group()
    'b'
    """
    return pattern.match(text, pos, min(endpos, pos + window))


def to_normalized(norm: Any, pos: int) -> int:
    """Map an offset of the original text to the normalised text of ``norm``.

    ``norm`` is a :class:`osintparse.text.Normalized`.

    Examples
    --------
    >>> from osintparse.text import normalize
    >>> n = normalize("\ufb01n de")
    >>> to_normalized(n, 2), n.text[to_normalized(n, 2):]
    (3, ' de')
    """
    if norm.identity:
        return pos
    return bisect.bisect_left(norm.starts, pos)


def map_back(norm: Any, start: int, end: int) -> tuple[int, int, str]:
    """Map a span of the normalised text back: ``(start, end, original text)``.

    Examples
    --------
    >>> from osintparse.text import normalize
    >>> map_back(normalize("\ufb01n"), 0, 3)
    (0, 2, 'ﬁn')
    """
    s, e = norm.span(start, end)
    return s, e, norm.original[s:e]


def sentence_spans(
    norm: Any, sentences: Sequence[Any], *, skip: Iterable[Any] = ()
) -> Iterator[tuple[Any, int, int]]:
    """Yield ``(sentence, start, end)`` with offsets into the normalised text.

    Sentences whose ``kind`` is in ``skip`` (e.g. boilerplate) are left out.

    Examples
    --------
    >>> from osintparse.model import Sentence
    >>> from osintparse.text import normalize
    >>> s = Sentence(start=2, end=4, text="ok")
    >>> [(lo, hi) for _, lo, hi in sentence_spans(normalize("\ufb01 ok"), [s])]
    [(3, 5)]
    """
    skipped = frozenset(skip)
    for sent in sentences:
        if sent.kind in skipped:
            continue
        yield sent, to_normalized(norm, sent.start), to_normalized(norm, sent.end)


class Spans(Sequence[tuple[int, int]]):
    """A sequence of ``(start, end)`` spans kept in two machine-integer arrays.

    What an engine reads for the whole text while it runs (one span a sentence): a list
    of tuples costs about 60 bytes a span (the tuple and its list slot) where this costs
    16; each span read is a new tuple.

    Examples
    --------
    >>> s = Spans([(0, 4), (5, 9)])
    >>> len(s), s[1], s[-1], list(s)
    (2, (5, 9), (5, 9), [(0, 4), (5, 9)])
    """

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts = array.array("q")
        self._ends = array.array("q")
        for start, end in spans:
            self._starts.append(start)
            self._ends.append(end)

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, i: int) -> tuple[int, int]: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[tuple[int, int]]: ...

    def __getitem__(self, i: int | slice) -> tuple[int, int] | Sequence[tuple[int, int]]:
        if isinstance(i, slice):
            return list(zip(self._starts[i], self._ends[i], strict=True))
        return self._starts[i], self._ends[i]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self._starts, self._ends, strict=True)


_F = TypeVar("_F", bound=Callable[..., Any])


@attrs.frozen
class Rule(Generic[_F]):
    """One named rule of a :class:`RuleTable`: its name, function and one-line summary.

    Examples
    --------
    >>> Rule("between", len, "entre X et Y").name
    'between'
    """

    __repr__ = record_repr

    name: str
    fn: _F = attrs.field(repr=False)
    summary: str = ""


class RuleTable(Generic[_F]):
    """An ordered table of small named rules, filled once at import by a decorator.

    Engines are short loops over their tables; each mention records the names of the
    rules that produced it, so an analyst can see why it was found. A second rule
    under a name already taken is refused. Tables are filled when their module is
    imported and never changed afterwards.

    Parameters
    ----------
    name
        What the table is for ("dates", "quantity steps"...), used in messages.

    Examples
    --------
    >>> steps: RuleTable[Callable[[int], int]] = RuleTable("demo")
    >>> @steps.rule("double")
    ... def _double(x: int) -> int:
    ...     '''Twice the value.'''
    ...     return 2 * x
    >>> @steps.rule("inc")
    ... def _inc(x: int) -> int:
    ...     return x + 1
    >>> steps.names()
    ('double', 'inc')
    >>> [r.fn(3) for r in steps]
    [6, 4]
    >>> steps["double"].summary
    'Twice the value.'
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._rules: dict[str, Rule[_F]] = {}

    def rule(self, name: str) -> Callable[[_F], _F]:
        """Register the decorated function as rule ``name`` (in definition order).

        Raises
        ------
        ValueError
            If ``name`` is taken.

        Examples
        --------
        >>> t: RuleTable[Callable[[], int]] = RuleTable("demo")
        >>> _ = t.rule("one")(lambda: 1)
        >>> t.rule("one")(lambda: 2)
        Traceback (most recent call last):
        ...
        ValueError: rule 'one' is already in the demo table
        """

        def register(fn: _F) -> _F:
            if name in self._rules:
                raise ValueError(f"rule {name!r} is already in the {self.name} table")
            doc = (fn.__doc__ or "").strip().splitlines()
            self._rules[name] = Rule(name, fn, doc[0] if doc else "")
            return fn

        return register

    def __iter__(self) -> Iterator[Rule[_F]]:
        return iter(tuple(self._rules.values()))

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, name: object) -> bool:
        return name in self._rules

    def __getitem__(self, name: str) -> Rule[_F]:
        try:
            return self._rules[name]
        except KeyError:
            raise KeyError(
                f"no rule {name!r} in the {self.name} table; rules: {', '.join(self._rules)}"
            ) from None

    def names(self) -> tuple[str, ...]:
        """Return the rule names in order.

        Examples
        --------
        >>> RuleTable("empty").names()
        ()
        """
        return tuple(self._rules)

    def __repr__(self) -> str:
        return f"<RuleTable {self.name!r}: {len(self._rules)} rules>"
