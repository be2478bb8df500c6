"""Text normalisation that keeps a map back to the original, and sentence splitting.

Extractors match their patterns on a normalised copy of the article (typographic
apostrophes to ``'``, no-break and thin spaces to plain spaces, ligatures expanded,
zero-width characters and soft hyphens dropped, combining marks composed) and map
every span back to the original text with :meth:`Normalized.span`. Offsets in
records always point into the original.

Examples
--------
>>> n = normalize("l\u2019Ukraine\u00a0: 10\u202f000 \ufb01ls")
>>> n.text
"l'Ukraine : 10 000 fils"
>>> start, end = n.span(n.text.index("fils"), len(n.text))
>>> "l\u2019Ukraine\u00a0: 10\u202f000 \ufb01ls"[start:end]
'\ufb01ls'
"""

from __future__ import annotations

import functools
import unicodedata
from array import array
from collections.abc import Callable, Iterable, Iterator

import attrs
import regex

from osintparse._records import record_repr

__all__ = ["Normalized", "lower", "normalize", "split_sentences", "token_before"]

# One-to-one replacements: the normalised text keeps every offset.
_ONE_TO_ONE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2004": " ",
        "\u2005": " ",
        "\u2006": " ",
        "\u2008": " ",
        "\u200a": " ",
        "\u3000": " ",
        "\t": " ",
        "\u2010": "-",
        "\u2011": "-",
        "\u2212": "-",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
    }
)

# Characters whose normalised form has another length.
_EXPAND = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u00ad": "",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
    "\u200e": "",
    "\u200f": "",
}
# A base character with its combining marks, composed with NFC. White space and
# control, format or unassigned characters are never a base: "\r" + a mark whose NFC
# form is longer made the group start at the line break.
_CHANGES_LENGTH = regex.compile("[" + "".join(_EXPAND) + r"]|[^\p{M}\s\p{C}]\p{M}+", flags=regex.V1)
# Every match of _CHANGES_LENGTH holds one of these: a text without any (almost
# every article) skips the scan above, which tries each position (about 0.4 us a
# character against 0.02 us for this one).
_MAY_CHANGE_LENGTH = regex.compile("[" + "".join(_EXPAND) + r"]|\p{M}", flags=regex.V1)
# The one-to-one replacements as (old, new) pairs: str.replace per character is a
# fast scan that copies nothing when the character is absent, where str.translate
# looks every character of a non-ASCII text up in a dict (0.3 us a character).
_ONE_TO_ONE_PAIRS = tuple((chr(old), new) for old, new in _ONE_TO_ONE.items())


def _one_to_one(text: str) -> str:
    """``text.translate(_ONE_TO_ONE)``, faster on text where few characters change."""
    for old, new in _ONE_TO_ONE_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


@attrs.frozen
class Normalized:
    """A normalised copy of a text with the map back to the original's offsets.

    Parameters
    ----------
    original
        The text as given.
    text
        Its normalised form.
    starts, ends
        For normalised character ``j``, the original offsets it came from; empty
        when normalisation kept every offset (the usual case).

    Examples
    --------
    >>> n = normalize("a\u00a0b")
    >>> n.text, n.span(0, 3), n.identity, normalize("\ufb01n").identity
    ('a b', (0, 3), True, False)
    """

    __repr__ = record_repr

    original: str = attrs.field(repr=False)
    text: str = attrs.field(repr=False)
    starts: array[int] = attrs.field(factory=lambda: array("q"), repr=False, eq=False)
    ends: array[int] = attrs.field(factory=lambda: array("q"), repr=False, eq=False)
    #: True when normalised offsets equal original offsets (read by every span mapped
    #: back, hundreds of times a parse: worked out once).
    identity: bool = attrs.field(init=False, repr=False, eq=False)

    @identity.default
    def _identity(self) -> bool:
        # No map and the same length: a text that normalises to "" (only soft
        # hyphens or zero-width characters) has no map either, but is not identity.
        return not self.starts and len(self.text) == len(self.original)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of the normalised text to the original.

        Examples
        --------
        >>> n = normalize("\ufb01n")
        >>> n.text, n.span(0, 3)
        ('fin', (0, 2))
        >>> normalize("\u00ad").span(0, 0)
        (0, 0)
        """
        if self.identity:
            return start, end
        n = len(self.text)
        if n == 0:  # every span of an empty text is empty
            return 0, 0
        start = min(max(start, 0), n)
        end = min(max(end, start), n)
        if end == start:
            pos = self.starts[start] if start < n else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def slice(self, start: int, end: int) -> str:
        """Return the original text under a normalised span.

        Examples
        --------
        >>> normalize("\u00ab\u00a0Oui\u00a0\u00bb").slice(2, 5)
        'Oui'
        """
        s, e = self.span(start, end)
        return self.original[s:e]


def _pieces(flat: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, replacement)`` for each span normalisation may change."""
    for m in _CHANGES_LENGTH.finditer(flat):
        piece = m.group()
        repl = _EXPAND[piece] if piece in _EXPAND else unicodedata.normalize("NFC", piece)
        yield m.start(), m.end(), repl


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching, keeping the map to original offsets.

    Examples
    --------
    >>> normalize("Cafe\u0301\u00a0!").text
    'Café !'
    """
    flat = _one_to_one(text)
    if _MAY_CHANGE_LENGTH.search(flat) is None:
        return Normalized(text, flat)
    # Two passes over the pieces rather than a list of them (~170 bytes a piece):
    # the first stops at the first piece that changes length, if any.
    resized = any(len(repl) != end - start for start, end, repl in _pieces(flat))
    out: list[str] = []
    pos = 0
    if not resized:
        # Every piece kept its length (marks NFC can't compose, after a space or a
        # line break...): offsets stay one to one, no map needed.
        for start, end, repl in _pieces(flat):
            out += (flat[pos:start], repl)
            pos = end
        out.append(flat[pos:])
        return Normalized(text, "".join(out))
    # 4-byte offsets when they fit (every realistic text): half the memory of "q".
    code = "i" if len(text) < 2**31 else "q"
    starts = array(code)
    ends = array(code)
    for start, end, repl in _pieces(flat):
        if len(repl) == end - start:
            # Same length: map one to one rather than smear the group over each
            # of its characters (" \u0301" must not start at the space).
            out.append(flat[pos:start] + repl)
            starts.extend(range(pos, end))
            ends.extend(range(pos + 1, end + 1))
            pos = end
            continue
        if start > pos:
            out.append(flat[pos:start])
            starts.extend(range(pos, start))
            ends.extend(range(pos + 1, start + 1))
        out.append(repl)
        starts.extend([start] * len(repl))
        ends.extend([end] * len(repl))
        pos = end
    if pos < len(flat):
        out.append(flat[pos:])
        starts.extend(range(pos, len(flat)))
        ends.extend(range(pos + 1, len(flat) + 1))
    return Normalized(text, "".join(out), starts, ends)


# A sentence ends at . ! ? or an ellipsis, optionally followed by closing quotes or
# brackets, when whitespace and then an upper-case letter or a digit follow, an opening
# quote or bracket maybe before it, and a space after a French opening quote ("... l'AFP.
# « C'est la panique », a raconté un témoin."). Linear: no nested quantifiers, and the
# repeats are bounded ({0,8}): unbounded, each start in a long run scanned the rest of it,
# which was quadratic on " » » » ..." (4 s for 200 000 characters) and on "......" with no
# space after.
_BOUNDARY = regex.compile(
    r"(?:\.{3}|[.!?\u2026])[.!?]{0,8}(?:\s?[\u00bb\"')\]]){0,8}"
    r"(?=\s+(?:\u00ab\s?|[\"'(\[])?[\p{Lu}\p{N}\u00bf\u00a1-])",
    flags=regex.V1,
)
# Searched backwards ((?r)): forwards, every start in a long run of non-space ended
# by a space scanned the rest of the run, which was quadratic.
_TOKEN_BEFORE = regex.compile(r"(?r)(\S+)$")
_WS = frozenset(" \n\r\t\f\v\u2028\u2029\x85")


#: The block size of :func:`lower` (characters).
_LOWER_BLOCK = 1 << 16


def lower(text: str) -> str:
    """Return ``text.lower()``, lower-cased in blocks of about 64 K characters.

    ``str.lower`` holds 12 bytes a character while it works (room for three UCS-4
    characters each): 12 MB for a 1 MB article, the largest transient of a parse. Blocks
    end after a space or a line break, where no character's lower case depends on its
    neighbours (the Greek final sigma looks no further than the next space), so the
    result is the same string; a block with no break runs on to the next one.

    Examples
    --------
    >>> lower("ΟΔΥΣΣΕΥΣ ΚΑΙ Paris") == "ΟΔΥΣΣΕΥΣ ΚΑΙ Paris".lower()
    True
    >>> text = "ΣΑΣ Σ. " * 20000
    >>> lower(text) == text.lower()
    True
    """
    n = len(text)
    if n <= _LOWER_BLOCK:
        return text.lower()
    parts = []
    pos = 0
    while pos < n:
        end = min(pos + _LOWER_BLOCK, n)
        if end < n:
            cut = max(text.rfind(" ", pos, end), text.rfind("\n", pos, end))
            if cut < pos:  # no break in the block: the next one, or the end of the text
                found = [i for i in (text.find(" ", end), text.find("\n", end)) if i != -1]
                cut = min(found, default=n - 1)
            end = cut + 1
        parts.append(text[pos:end].lower())
        pos = end
    return "".join(parts)


def token_before(text: str, pos: int) -> str:
    """Return the run of non-space characters ending at ``pos``, opening marks stripped.

    At most the 20 characters before ``pos`` are looked at (a token is a word or an
    abbreviation); opening brackets and quotes before it are left out.

    Examples
    --------
    >>> token_before("(M. Dupont", 2), token_before("a  ", 3)
    ('M', '')
    """
    m = _TOKEN_BEFORE.search(text[max(0, pos - 20) : pos])
    return m.group(1).lstrip("(\u00ab\"'[") if m is not None else ""


def _is_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    token = token_before(text, dot)
    if not token:
        return False
    if token in abbreviations:
        return True
    # Initials: "J." in "J. Smith", "U.S." handled by the lexicon.
    return len(token) == 1 and token.isupper()


def split_sentences(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    abbreviations: Iterable[str] = (),
    no_break: Callable[[str, int], object] | None = None,
) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` offsets of the sentences in ``text[start:end]``.

    ``text`` should be normalised (see :func:`normalize`); offsets are into it.
    Leading and trailing white space is left out of every sentence.

    Parameters
    ----------
    abbreviations
        Tokens (without their final period) after which a period is not a boundary.
    no_break
        Called with ``text`` and the offset of a period that could end a sentence;
        a true result means the sentence goes on. It replaces ``abbreviations``
        and the initials rule ("J. Smith"), so a caller can keep its own rules
        (the structure extractor's rule table does).

    Examples
    --------
    >>> t = "M. Dupont a vu 10 000 soldats. Il l'a dit ? Oui, 6,8 %."
    >>> [t[s:e] for s, e in split_sentences(t, abbreviations={"M"})]
    ['M. Dupont a vu 10 000 soldats.', "Il l'a dit ?", 'Oui, 6,8 %.']
    >>> u = "A b. C d. E f."
    >>> [u[s:e] for s, e in split_sentences(u, no_break=lambda text, dot: dot == 8)]
    ['A b.', 'C d. E f.']
    >>> v = "Les civils fuient. « C'est la panique », dit-il."
    >>> [v[s:e] for s, e in split_sentences(v)]
    ['Les civils fuient.', "« C'est la panique », dit-il."]
    """
    stop = len(text) if end is None else end
    if no_break is None:
        no_break = functools.partial(_is_abbreviation, abbreviations=frozenset(abbreviations))
    cursor = start
    for m in _BOUNDARY.finditer(text, start, stop):
        dot = m.start()
        if text[dot] == "." and not text.startswith("..", dot) and no_break(text, dot):
            continue
        span = _trim(text, cursor, m.end())
        if span is not None:
            yield span
        cursor = m.end()
    span = _trim(text, cursor, stop)
    if span is not None:
        yield span


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (text[start] in _WS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _WS or text[end - 1].isspace()):
        end -= 1
    return (start, end) if end > start else None
