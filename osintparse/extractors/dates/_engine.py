"""The engine of the ``dates`` extractor: a short loop over the rule table.

For each language the patterns of the rules (``_rules.PATTERNS``) are joined once
into one master pattern, each rule's pattern a named group of its own; the engine
finds anchors (a digit or a calendar, unit or relative-day word), tries the master
pattern at the word starts just before each anchor that may open a rule, and hands
each match to the resolver of the rule whose group matched (``_rules.RULES``),
after the vetoes and before the steps. No rule is named here.

Examples
--------
>>> import datetime
>>> [(m.text, m.value, m.precision.value) for m in find("Le 12 mars 2024.", "fr", None)]
[('Le 12 mars 2024', datetime.date(2024, 3, 12), 'day')]
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs
import regex

from osintparse._cache import once
from osintparse._patterns import alternation
from osintparse._records import record_repr
from osintparse._regexcode import compile_pattern
from osintparse.extractors.dates._calendar import DAY, SKIP, Res, Span
from osintparse.extractors.dates._context import Context, Found, Hit, Resolver
from osintparse.extractors.dates._rules import PATTERNS, RULES
from osintparse.extractors.dates._steps import STEPS, VETOES
from osintparse.extractors.dates._vocab import B0, FLAGS, Vocab, vocab
from osintparse.model import Anchor, DateKind, DateMention
from osintparse.text import Normalized, lower, normalize

__all__ = ["compiled", "find", "find_in"]

# Longest stretch of a match before its first anchor ("at the beginning of the year").
_LOOKBACK = 40
# Adversarial input guard: a pattern attempt that takes longer than this is "no match".
_TIMEOUT = 2.0
# The first word of a candidate: it must be able to open some rule.
_TOKEN = compile_pattern(r"\p{L}+['-]?")
_WORD_START = compile_pattern(r"(?<![^\W_])(?:[^\W_]|')")
_GROUP = compile_pattern(r"\(\?P([<=])(\w+)([>)])")
# Without a publication date, a day with its year this near the start of the text (the
# first lines) anchors the relative dates: a dateline ("PARIS, 12 mars 2024 (AFP) -"),
# a publication line ("Publié le 12/03/2024").
_HEAD_LINES = 3
_HEAD_CHARS = 400


@attrs.frozen(eq=False, repr=False)
class Compiled:
    """The master and anchor patterns of one language, and the rule of each group.

    Examples
    --------
    >>> c = compiled("en")
    >>> c.rules[c.master.match("in 2024", 3).lastgroup][0] is RULES["year"].fn
    True
    """

    vocab: Vocab
    master: regex.Pattern[str]
    anchors: regex.Pattern[str]
    master_source: str
    anchor_source: str
    starters: frozenset[str]
    rules: Mapping[str, tuple[Resolver, str]]


def _prefixed(source: str, prefix: str) -> str:
    """Give every named group of a rule's pattern the rule's prefix."""
    return _GROUP.sub(lambda m: f"(?P{m.group(1)}{prefix}{m.group(2)}{m.group(3)}", source)


def _with_lists(source: str, flags: int, lists: Mapping[str, list[str]]) -> regex.Pattern[str]:
    """Compile ``source`` with the calendar's named lists (``\\L<months>``...)."""
    return compile_pattern(
        source, flags, months=lists["months"], weekdays=lists["weekdays"], seasons=lists["seasons"]
    )


def _first_token(word: str) -> str | None:
    token = _TOKEN.match(word.lower())
    return None if token is None else token.group()


@once
def compiled(lang: str) -> Compiled:
    """Join the rules' patterns into the master pattern of ``lang`` (once per language).

    Examples
    --------
    >>> compiled("fr").master.match("avril 2025").group()
    'avril 2025'
    """
    v = vocab(lang)
    groups: list[str] = []
    rules: dict[str, tuple[Resolver, str]] = {}
    starts: set[str] = set(v.anchor_words)
    for i, (rule, builder) in enumerate(zip(RULES, PATTERNS, strict=True)):
        if rule.name != builder.name:  # pragma: no cover - checked by the tests
            raise ValueError(f"pattern {builder.name!r} is not rule {rule.name!r}")
        pattern = builder.fn(v)
        name = f"r{i}"
        groups.append(f"(?P<{name}>{_prefixed(pattern.source, name + '_')})")
        rules[name] = (rule.fn, name + "_")
        starts.update(pattern.starts)
    source = B0 + "(?:" + "|".join(groups) + ")"
    anchor_source = r"\d+|\b" + alternation(sorted(v.anchor_words), boundary=True)
    return Compiled(
        vocab=v,
        master=_with_lists(source, regex.V0, v.lists),
        anchors=compile_pattern(anchor_source),
        master_source=source,
        anchor_source=anchor_source,
        starters=frozenset(t for w in starts if (t := _first_token(w)) is not None),
        rules=rules,
    )


@once
def _ignorecase(lang: str) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The master and anchor patterns for texts whose lower-casing changes length."""
    c = compiled(lang)
    return (
        _with_lists(c.master_source, FLAGS, c.vocab.lists),
        compile_pattern(c.anchor_source, regex.IGNORECASE),
    )


@attrs.frozen(eq=False)
class _Scan:
    """One text being scanned: its patterns, lower-cased copy and anchor date."""

    __repr__ = record_repr

    c: Compiled
    text: str
    low: str
    master: regex.Pattern[str]
    anchors: regex.Pattern[str]
    ctx: Context
    #: What the patterns found in the first ``kept`` characters: the anchors of a span
    #: ``(lo, hi)`` and the master match at ``(x, hi)``. They depend on the text only, not
    #: on the context, so the scan of a text without a publication date for its dateline
    #: (:func:`_dateline_anchor`, the first lines) and the scan after it share them.
    kept: int = 0
    anchors_found: dict[tuple[int, int], list[int]] = attrs.field(factory=dict, repr=False)
    matches: dict[tuple[int, int], regex.Match[str] | None] = attrs.field(factory=dict, repr=False)

    def with_context(self, ctx: Context) -> _Scan:
        """The same scan (patterns, lower-cased text, what they found) in ``ctx``."""
        ctx.text, ctx.orig = self.ctx.text, self.ctx.orig
        return attrs.evolve(self, ctx=ctx)

    def _anchors(self, lo: int, hi: int) -> list[int]:
        """The starts of the anchors of ``low[lo:hi]``."""
        found = self.anchors_found.get((lo, hi))
        if found is None:
            found = [m.start() for m in self.anchors.finditer(self.low, lo, hi)]
            if hi <= self.kept:
                self.anchors_found[lo, hi] = found
        return found

    def _match(self, x: int, hi: int) -> regex.Match[str] | None:
        """The master pattern's match at ``x`` before ``hi`` (None: no match, or time out)."""
        if (x, hi) in self.matches:
            return self.matches[x, hi]
        try:
            m = self.master.match(self.low, x, hi, timeout=_TIMEOUT)
        except TimeoutError:
            m = None
        if hi <= self.kept:
            self.matches[x, hi] = m
        return m

    def resolve(self, m: regex.Match[str], lo: int) -> tuple[int, Sequence[Hit]] | None:
        """Resolve a match: (end of the match, its mentions), or None.

        None means "no date here, try the next word"; an impossible date
        (:data:`~._calendar.SKIP`) gives no mention but consumes its span.
        """
        v = self.c.vocab
        if m.lastgroup is None or any(veto.fn(v, self.text, m.start(), m.end()) for veto in VETOES):
            return None
        resolver, prefix = self.c.rules[m.lastgroup]
        try:
            out = resolver(v, Found(m, self.text, prefix, lo), self.ctx)
        except (ValueError, OverflowError):
            return None  # a period beyond the calendar (the year 9999 and after)
        if out is SKIP:
            return m.end(), ()
        if isinstance(out, Res):
            out = [(m.start(), m.end(), out)]
        if not out:
            return None
        hits = [self.step(lo, hit) for hit in out]
        end = max(m.end(), *(h[1] for h in hits))
        return end, hits

    def step(self, lo: int, hit: Hit) -> Hit:
        """Run the steps on one mention."""
        for s in STEPS:
            hit = s.fn(self.c.vocab, self.text, lo, hit, self.ctx)
        return hit

    def remember(self, hits: Sequence[Hit]) -> None:
        """Keep the last mention with a value as the anchor of what follows.

        A date named before its own anchor ("a year earlier", "la veille") is a
        comparison: the anchor stays (``Res.backwards``).
        """
        for hit in hits:
            res = hit[2]
            if res.value is None or res.kind is not DateKind.DATE or res.dateline:
                continue
            if not res.backwards:
                self.ctx.previous = hit
                self.ctx.focus[res.precision] = hit

    def forget_across_paragraphs(self, x: int) -> None:
        """Drop the earlier mention when a paragraph ends between it and ``x``."""
        prev = self.ctx.previous
        if prev is not None and self.low.find("\n", prev[1], x) != -1:
            self.ctx.previous = None

    def spans(self, lo: int, hi: int) -> Iterator[Hit]:
        """Yield the mentions of ``text[lo:hi]``, leftmost first, none overlapping."""
        low, starters = self.low, self.c.starters
        self.ctx.lo, self.ctx.hi = lo, hi
        pos = tried = lo
        for a in self._anchors(lo, hi):
            if a < pos:
                continue
            for w in _WORD_START.finditer(low, max(pos, tried, a - _LOOKBACK), a + 1):
                x = w.start()
                if x < pos or not _may_start(low, x, starters):
                    continue
                m = self._match(x, hi)
                if m is None:
                    continue
                self.forget_across_paragraphs(x)
                self.ctx.floor = pos
                got = self.resolve(m, lo)
                if got is not None:
                    self.remember(got[1])
                    yield from got[1]
                    pos = got[0]
            tried = max(tried, a + 1)


def _may_start(low: str, x: int, starters: frozenset[str]) -> bool:
    """Whether a date may start at word start ``x`` of the lower-cased text."""
    if x >= 2 and low[x - 1] in "/.-,:" and low[x - 2].isdigit():
        return False  # no date starts inside a number ("12/12/12", "3.14", "10,5")
    if low[x].isdigit() or low[x] == "'":
        return True
    token = _TOKEN.match(low, x)
    word = "" if token is None else token.group().lower()
    # "Jan-Feb": "jan-" is not a starter, "jan" is
    return word in starters or word.rstrip("'-") in starters


def _scanner(lang: str, text: str, ctx: Context, *, kept: int = 0) -> _Scan:
    c = compiled(lang)
    low = lower(text)  # in blocks: text.lower() holds 12 bytes a character
    master, anchors = c.master, c.anchors
    if len(low) != len(text):
        low, (master, anchors) = text, _ignorecase(c.vocab.code)
    ctx.text, ctx.orig = low, text
    return _Scan(c, text, low, master, anchors, ctx, kept)


def _head_end(text: str) -> int:
    """The end of the first lines of ``text`` (``_HEAD_LINES`` non-empty lines)."""
    pos, lines = 0, 0
    limit = min(len(text), _HEAD_CHARS)
    while pos < limit and lines < _HEAD_LINES:
        nl = text.find("\n", pos, limit)
        if nl == -1:
            return limit
        lines += bool(text[pos:nl].strip())
        pos = nl + 1
    return min(pos, limit)


def _dateline_anchor(scan: _Scan, head: int, spans: Sequence[tuple[int, int]]) -> Context:
    """The context of a text without a publication date: its first lines' date, if any.

    The first day with its year in the first lines (before ``head``) of the scanned
    spans; ``scan`` is in a context without a date.
    """
    for lo, hi in spans:
        if lo >= head:
            break
        for s, e, r in scan.spans(lo, min(hi, head)):
            if r.value and not r.relative and r.precision is DAY and r.range_span is None:
                return Context(r.value, Anchor.DATELINE, (s, e))
    return Context(None)


def find_in(
    norm: Normalized,
    lang: str,
    published: _dt.date | None,
    spans: Iterable[tuple[int, int]] | None = None,
) -> tuple[DateMention, ...]:
    """Find the dates of a normalised text; offsets point into its original.

    ``spans`` are the parts of ``norm.text`` to scan (sentences), by default all of
    it; no mention crosses the end of a span, and context words are read within it.
    Without ``published``, a day with its year in the first lines of the text (a
    dateline) anchors the relative dates (``anchor=Anchor.DATELINE``).

    Examples
    --------
    >>> from osintparse.text import normalize
    >>> [m.text for m in find_in(normalize("en\u00a0avril\u00a02025"), "fr", None)]
    ['avril\\xa02025']
    >>> m = find_in(normalize("PARIS, 12 mars 2024 (AFP) -\\nHier, rien."), "fr", None)
    >>> [(d.text, str(d.value), d.dateline, d.anchor and d.anchor.value) for d in m]
    [('12 mars 2024', '2024-03-12', True, None), ('Hier', '2024-03-11', False, 'dateline')]
    """
    if isinstance(published, _dt.datetime):
        published = published.date()
    parts = [(0, len(norm.text))] if spans is None else list(spans)
    if published is not None:
        scan = _scanner(lang, norm.text, Context(published, Anchor.PUBLISHED))
    else:
        head = _head_end(norm.text)
        scan = _scanner(lang, norm.text, Context(None), kept=head)
        scan = scan.with_context(_dateline_anchor(scan, head, parts))
    out: list[DateMention] = []
    pool = _Pool()
    for lo, hi in parts:
        out.extend(_mention(norm, s, e, r, pool) for s, e, r in scan.spans(lo, hi))
    return tuple(out)


@attrs.define(slots=True, eq=False)
class _Pool:
    """One object per distinct text, rule and day among the mentions of one text: an
    article names the same days ("mardi", "2024") and rules again and again, and a copy
    each cost ~130 bytes a mention."""

    __repr__ = record_repr

    strs: dict[str, str] = attrs.field(factory=dict)
    days: dict[_dt.date, _dt.date] = attrs.field(factory=dict)

    def text(self, value: str) -> str:
        return self.strs.setdefault(value, value)

    def day(self, value: _dt.date | None) -> _dt.date | None:
        # A date only: a datetime is never equal to one, but keep the types apart.
        if type(value) is not _dt.date:
            return value
        return self.days.setdefault(value, value)


def _mention(norm: Normalized, s: int, e: int, r: Res, pool: _Pool) -> DateMention:
    """The record of one resolved mention, offsets mapped back to the original text."""
    start, end = norm.span(s, e)
    anchor, in_range = _orig(norm, r.anchor_span), _orig(norm, r.range_span)
    return DateMention(
        start=start,
        end=end,
        text=pool.text(norm.original[start:end]),
        value=pool.day(r.value),
        value_end=pool.day(r.value_end),
        precision=r.precision,
        relative=r.relative,
        rule=pool.text(r.rule),
        kind=r.kind,
        modifier=r.modifier,
        day_part=r.day_part,
        anchor=r.anchor,
        anchor_start=None if anchor is None else anchor[0],
        anchor_end=None if anchor is None else anchor[1],
        dateline=r.dateline,
        range_start=None if in_range is None else in_range[0],
        range_end=None if in_range is None else in_range[1],
    )


def _orig(norm: Normalized, span: Span | None) -> Span | None:
    return None if span is None else norm.span(*span)


def find(text: str, lang: str, published: _dt.date | None) -> tuple[DateMention, ...]:
    """Normalise ``text`` and find its dates (see :func:`find_in`).

    Examples
    --------
    >>> [m.value.isoformat() for m in find("on 3 May 2024", "en", None)]
    ['2024-05-03']
    """
    return find_in(normalize(text), lang, published)
