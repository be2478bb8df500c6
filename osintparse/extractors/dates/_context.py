"""What a rule reads besides its match: groups, anchor date, direction, earlier mentions.

A rule's resolver gets the match (:class:`Found`) and the :class:`Context` of the
scan: the date relative mentions are resolved from (the publication date, or the
date of the article's dateline), the earlier dated mention of the paragraph (for
"le lendemain", "a year earlier"), and the direction of resolution read from the
words around the match (:meth:`Context.direction`): "will", "doit", a future or
conditional verb form point to the future, "said", "hier", a past form to the past.

Examples
--------
>>> import datetime
>>> from osintparse.extractors.dates._vocab import vocab
>>> text = "The vote will take place on Thursday."
>>> ctx = Context(datetime.date(2019, 5, 7), text=text.lower(), orig=text, hi=len(text))
>>> ctx.direction(vocab("en"), 28, 36)
'next'
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence

import attrs
import regex

from osintparse._records import record_repr
from osintparse._regexcode import compile_pattern
from osintparse.extractors.dates._calendar import Res, Span
from osintparse.extractors.dates._vocab import Vocab, key
from osintparse.model import Anchor, Precision

__all__ = ["Context", "Found", "Hit", "Out", "Pattern", "Resolver"]

# How far around a mention its tense cues are read (characters, within its clause).
_LEFT = 90
_RIGHT = 50
# A cue after the mention counts as this much farther than one before it.
_RIGHT_WEIGHT = 1.5
# The end of a clause: a cue beyond it does not speak of the mention.
_CLAUSE = compile_pattern(r"[;!?\n:«»\"“”]|\.(?=\s+\p{Lu})|\.$|,\s(?=\p{Ll}+\s)")
# After the mention, a comma does not end its clause ("Fin avril, les combats ont repris").
_CLAUSE_AFTER = compile_pattern(r"[;!?\n:«»\"“”]|\.(?=\s+\p{Lu})|\.$")
# A verb ending is a weaker cue than a word: it counts as this many characters farther
# ("will be named in December": "will", not the participle "named").
_ENDING_PENALTY = 20


@attrs.frozen(eq=False)
class Pattern:
    """A rule's pattern source and the words that may open it.

    ``starts`` lists the words (of the lexicons) a match of the pattern may begin
    with, besides digits and anchor words (calendar names, units, relative days),
    which may open any pattern: the engine tries the master pattern only at the
    start of such words.

    Examples
    --------
    >>> Pattern(r"\\d{4}").starts
    ()
    """

    __repr__ = record_repr

    source: str
    starts: tuple[str, ...] = ()


@attrs.frozen(eq=False)
class Found:
    """One rule's match: its groups by the names the rule's pattern gave them.

    Matching runs on a lower-cased copy of ``text``: ``self[name]`` is the group's
    lower-cased text, :meth:`orig` its text as written.

    Examples
    --------
    >>> import regex
    >>> m = regex.match(r"(?P<r0_d>\\d+)", "12 mars")
    >>> g = Found(m, "12 mars", "r0_", 0)
    >>> g["d"], g.orig(), g.before(), g.span("d")
    ('12', '12', '', (0, 2))
    """

    __repr__ = record_repr

    m: regex.Match[str]
    text: str
    prefix: str
    lo: int

    def __getitem__(self, name: str) -> str | None:
        got: str | None = self.m.group(self.prefix + name)
        return got

    def get(self, name: str) -> str | None:
        """Return group ``name``, or ``None`` when the rule's pattern has no such group."""
        full = self.prefix + name
        return self[name] if full in self.m.re.groupindex else None

    def key(self, name: str) -> str:
        """Return the :func:`~._vocab.key` of group ``name`` ("" when it did not match)."""
        return key(self[name] or "")

    def orig(self, name: str | None = None) -> str:
        """Return the text of group ``name`` (of the whole match by default) as written."""
        group = 0 if name is None else self.prefix + name
        return self.text[self.m.start(group) : self.m.end(group)]

    def span(self, name: str) -> Span:
        """Return the offsets of group ``name`` (``(-1, -1)`` when it did not match)."""
        got: Span = self.m.span(self.prefix + name)
        return got

    def before(self, n: int = 40) -> str:
        """Return up to ``n`` characters before the match, within the scanned span."""
        start = self.m.start()
        return self.text[max(self.lo, start - n) : start]

    @property
    def start(self) -> int:
        """Start of the match."""
        return self.m.start()

    @property
    def end(self) -> int:
        """End of the match."""
        return self.m.end()


#: A mention found by a rule: start, end, resolution.
Hit = tuple[int, int, Res]


@attrs.define(eq=False)
class Context:
    """The scan a rule resolves in: anchor date, scanned span, earlier mention.

    Parameters
    ----------
    published
        The date relative mentions are resolved from (``None``: they get no value).
    source
        Where that date comes from: ``Anchor.PUBLISHED``, or ``Anchor.DATELINE``
        (a date of the article's first lines, used without a publication date).
    source_span
        The offsets of the dateline's date.
    text
        The scanned text, lower-cased (what the patterns match).
    orig
        The scanned text as written (where sentences and clauses end).
    lo, hi
        The span (sentence) being scanned.
    previous
        The last mention with a value in the current paragraph (an anchor for "le
        lendemain", "two days later", "a year earlier").
    floor
        The end of the last mention: a step does not move a mention's start before it.
    focus
        The last mention of each precision in the whole text: the period under
        discussion ("the quarter", "a year earlier" in a report on the third quarter).

    Examples
    --------
    >>> Context(None).published is None
    True
    """

    __repr__ = record_repr

    published: _dt.date | None
    source: Anchor | None = None
    source_span: Span | None = None
    text: str = ""
    orig: str = ""
    lo: int = 0
    hi: int = 0
    previous: Hit | None = None
    floor: int = 0
    focus: dict[Precision, Hit] = attrs.Factory(dict)

    def direction(self, v: Vocab, start: int, end: int) -> str | None:
        """Read the direction of the mention at ``start:end`` from the cues around it.

        The nearest tense cue of the clause (``dates.toml [tense]``: words, and verb
        endings such as the French future and conditional) gives ``"next"`` or
        ``"past"``; ``None`` when the clause has none.
        """
        return _direction(v, self.text, self.orig or self.text, (start, end), (self.lo, self.hi))


def _clause_left(text: str, lo: int, start: int) -> int:
    """The start of the clause holding ``start``, at most ``_LEFT`` characters back."""
    left = max(lo, start - _LEFT)
    last = left
    for m in _CLAUSE.finditer(text, left, start):
        last = m.end()
    return last


def _clause_right(text: str, end: int, hi: int) -> int:
    """The end of the clause holding ``end``, at most ``_RIGHT`` characters on."""
    right = min(hi, end + _RIGHT)
    m = _CLAUSE_AFTER.search(text, end, right)
    return right if m is None else m.start()


def _direction(v: Vocab, text: str, orig: str, span: Span, bounds: Span) -> str | None:
    (start, end), (lo, hi) = span, bounds
    best: tuple[float, str] | None = None
    for m in v.tense.finditer(text, _clause_left(orig, lo, start), start):
        far: float = start - m.end() + _penalty(m)
        if best is None or far <= best[0]:
            best = (far, m.lastgroup or "")
    for m in v.tense.finditer(text, end, _clause_right(orig, end, hi)):
        far = (m.start() - end) * _RIGHT_WEIGHT + _penalty(m)
        if best is None or far < best[0]:
            best = (far, m.lastgroup or "")
    return None if best is None else best[1].removesuffix("_ending")


def _penalty(m: regex.Match[str]) -> int:
    return _ENDING_PENALTY if (m.lastgroup or "").endswith("_ending") else 0


#: What a resolver returns: one resolution for the whole match, several mentions
#: (a list of days, a range and its ends), :data:`~._calendar.SKIP` (an impossible
#: date: skip the span) or ``None`` (not a date: try further on).
Out = Res | Sequence[Hit] | None
Resolver = Callable[[Vocab, Found, Context], Out]
