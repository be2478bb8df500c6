"""The quantities engine: numbers, the phrase steps around each, then the post-passes.

:func:`_find` scans a span of normalised text for numbers (:mod:`._numbers`), skips
those inside blocked spans (URLs, e-mail addresses, phone numbers), builds the phrase
around each with the steps of :data:`~._steps.STEPS`, then runs the post-passes of
:data:`~._merges.PASSES`. Offsets are into the normalised text; the extractor maps them
back.

Examples
--------
>>> [(r.value, r.qualifier.value, r.unit, r.rule) for r in _find("plus de 10 km", "fr", 0, 13)]
[(10.0, 'more_than', 'kilometre', 'qualifier:plus de|digits|unit:km')]
"""

from __future__ import annotations

from osintparse._patterns import compiled
from osintparse.extractors.quantities._context import _Raw, _rules
from osintparse.extractors.quantities._events import _with_events
from osintparse.extractors.quantities._merges import PASSES, _Span
from osintparse.extractors.quantities._numbers import _scan
from osintparse.extractors.quantities._steps import _phrase

__all__: list[str] = []

# A cheap test before the blocker patterns: a sign, a scheme, or phone-like digits.
_BLOCK_HINT = r"[+@(]|://|www\.|\d[ .\-]\d\d[ .\-]\d\d[ .\-]\d\d|\d-\d{4}"


def _blocked(span: _Span) -> tuple[tuple[int, int], ...]:
    if compiled(_BLOCK_HINT).search(span.text, span.pos, span.endpos) is None:
        return ()
    return tuple(
        (m.start(), m.end()) for m in span.rules.blockers.finditer(span.text, span.pos, span.endpos)
    )


def _phrases(span: _Span) -> list[_Raw]:
    """One quantity per number of the span that the phrase steps keep."""
    rules, text, pos, endpos = span.rules, span.text, span.pos, span.endpos
    out: list[_Raw] = []
    cursor = pos
    while cursor < endpos:
        # The rest of the span after a number passes the prefilter too (as the span did,
        # in _find) before the atom pattern scans it: the prefilter reads a character
        # about three times faster, and the rest of a sentence often holds no number.
        if cursor > pos and rules.g.prefilter.search(text, cursor, endpos) is None:
            break
        n = _scan(text, rules.g, cursor, endpos)
        if n is None:
            break
        hit = next((b for b in span.blocked if b[0] <= n.start < b[1]), None)
        if hit is not None:
            cursor = max(hit[1], n.end)
            continue
        # Left context never reaches into the previous quantity.
        floor = max(pos, out[-1].end) if out else pos
        raw, nxt = _phrase(rules, text, n, floor, endpos)
        if raw is not None:
            out.append(raw)
        cursor = max(nxt, n.end, cursor + 1)
    return out


def _find(text: str, lang: str, pos: int, endpos: int) -> list[_Raw]:
    """The quantities of ``text[pos:endpos]`` (normalised text) in language ``lang``."""
    rules = _rules(lang)
    span = _Span(rules, text, pos, endpos, ())
    found: list[_Raw] = []
    if rules.g.prefilter.search(text, pos, endpos) is not None:
        span = _Span(rules, text, pos, endpos, _blocked(span))
        found = _phrases(span)
    for post in PASSES:
        found = post.fn(span, found)
    return _with_events(span, found, lang)
