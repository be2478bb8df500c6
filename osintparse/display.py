"""HTML view of an article for Jupyter: highlighted spans per kind and a table of claims.

:func:`article_html` renders the article text the way displaCy renders entities:
every quantity, date, attribution source, attribution cue, hedge, place (and every
:class:`~osintparse.model.Mention` of a custom layer) becomes a coloured
``<mark>`` with its label. The text is sliced from the ORIGINAL article text at
the mentions' offsets and every fragment goes through :func:`html.escape`, so
the visible text is exactly :attr:`Article.text <osintparse.model.Article.text>`.
:meth:`Article._repr_html_ <osintparse.model.Article._repr_html_>` returns it, so
an article displays itself in a notebook; nothing here imports IPython.

Paragraphs are shown as a reader expects them: the title and the headings as
headings (``role="heading"``, larger and bold), datelines and bylines small and
grey, boilerplate lines ("Retour en haut") greyed and labelled ``boilerplate``;
the blank lines between paragraphs stay in the text, collapsed between the
blocks. A span that would cross a paragraph's edge is not drawn.

Overlapping spans: a span that lies wholly inside another is **nested** inside
it (for instance a date inside a quantity phrase); when two spans cross (each
has text outside the other), the one that starts first (or, at the same start,
the longer one, then the earlier kind in :data:`KINDS`) is kept and the other
is **not drawn**; the legend counts the spans left out.

Examples
--------
>>> from osintparse.model import Article, Quantity
>>> a = Article(text="Plus de 10 000 <soldats>.", lang="fr",
...             quantities=[Quantity(start=8, end=24, text="10 000 <soldats>", value=1e4)])
>>> html = article_html(a)
>>> '10 000 &lt;soldats&gt;' in html and 'data-kind="quantity"' in html
True
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs
import regex

from osintparse import layers
from osintparse.model import (
    Article,
    Attribution,
    Claim,
    DateMention,
    Hedge,
    Mention,
    ParagraphKind,
    Place,
    Quantity,
)

__all__ = ["COLORS", "KINDS", "article_html"]

#: Span kinds drawn by :func:`article_html`, in drawing priority order.
KINDS = ("quantity", "date", "source", "cue", "hedge", "place")

#: Background colour of each kind; custom layers use ``COLORS["other"]``.
COLORS = {
    "quantity": "#ffd166",
    "date": "#a0e7e5",
    "source": "#b5a8f5",
    "cue": "#f7a1c4",
    "hedge": "#c5e1a5",
    "place": "#f4b183",
    "other": "#dddddd",
}

_MARK_STYLE = (
    "padding: 0.15em 0.3em; margin: 0 0.1em; line-height: 2.1; "
    "border-radius: 0.3em; box-decoration-break: clone; -webkit-box-decoration-break: clone"
)
_LABEL_STYLE = (
    "font-size: 0.65em; font-weight: bold; line-height: 1; border-radius: 0.3em; "
    "text-transform: uppercase; vertical-align: middle; margin-left: 0.35em; "
    "font-family: sans-serif; user-select: none"
)
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
_TABLE_STYLE = "border-collapse: collapse; margin-top: 1em; font-size: 0.9em"
_CELL_STYLE = "border: 1px solid #ccc; padding: 0.2em 0.4em; text-align: left; vertical-align: top"


@attrs.frozen
class _Span:
    start: int
    end: int
    kind: str
    label: str
    title: str
    rank: int
    #: A paragraph (drawn as a block), not a highlighted mention.
    block: bool = False


_BLOCK = "display: block; white-space: pre-wrap"
#: How each kind of paragraph is drawn: ARIA attributes, style, and a label (or "").
_PARAGRAPHS: dict[ParagraphKind, tuple[str, str, str]] = {
    ParagraphKind.TITLE: (
        ' role="heading" aria-level="1"',
        "font-size: 1.5em; font-weight: bold; line-height: 1.3; margin: 0.1em 0 0.6em",
        "",
    ),
    ParagraphKind.HEADING: (
        ' role="heading" aria-level="2"',
        "font-size: 1.2em; font-weight: bold; line-height: 1.3; margin: 1.1em 0 0.5em",
        "",
    ),
    ParagraphKind.BODY: ("", "margin: 0 0 0.8em", ""),
    ParagraphKind.DATELINE: ("", "color: #666; font-size: 0.9em; margin: 0 0 0.3em", "dateline"),
    ParagraphKind.BYLINE: ("", "color: #666; font-size: 0.9em; margin: 0 0 0.8em", "byline"),
    ParagraphKind.BOILERPLATE: (
        "",
        "color: #9a9a9a; font-size: 0.85em; margin: 0 0 0.8em; border-left: 3px solid #ddd; "
        "padding-left: 0.5em",
        "boilerplate",
    ),
}
_BLOCK_LABEL_STYLE = (
    "font-size: 0.7em; font-family: sans-serif; text-transform: uppercase; "
    "color: #888; border: 1px solid #ccc; border-radius: 0.3em; padding: 0 0.3em; "
    "margin-left: 0.6em; vertical-align: middle; user-select: none"
)


_Piece = tuple[int | None, int | None, str, str, str]  # start, end, kind, label, title


def _quantity_spans(q: Quantity) -> Iterator[_Piece]:
    what = " ".join(x for x in (q.unit, q.noun) if x)
    event = f" [{q.event}]" if q.event else ""
    title = f"{q.figure} {what}".strip() + f"{event} ({q.rule or q.extractor})"
    yield q.start, q.end, "quantity", "quantity", title


def _date_spans(d: DateMention) -> Iterator[_Piece]:
    value = d.value.isoformat() if d.value else "?"
    if d.value_end and d.value_end != d.value:
        value += f" .. {d.value_end.isoformat()}"
    yield d.start, d.end, "date", "date", f"{value} ({d.precision.value})"


def _attribution_spans(a: Attribution) -> Iterator[_Piece]:
    yield (
        a.source_start,
        a.source_end,
        "source",
        "source",
        f"{a.source_kind.value}, {a.stance.value}",
    )
    yield a.cue_start, a.cue_end, "cue", "cue", f"{a.stance.value} ({a.rule or a.extractor})"


def _hedge_spans(h: Hedge) -> Iterator[_Piece]:
    yield h.start, h.end, "hedge", "hedge", f"effect {h.effect:+g} ({h.rule or h.extractor})"


def _place_spans(p: Place) -> Iterator[_Piece]:
    what = "unresolved" if p.unresolved else f"{p.name} ({p.kind or '?'}, {p.country or '?'})"
    label = f"{p.role.value} {p.country}" if p.country and not p.unresolved else p.role.value
    yield p.start, p.end, "place", label, f"{what}, {p.role.value} ({p.rule or p.extractor})"


# How the records of each kind are drawn; layers of other records (paragraphs,
# sentences, claims) are not highlighted. Custom layers draw their Mentions.
_DRAW: dict[type, Callable[[Any], Iterator[_Piece]]] = {
    Quantity: _quantity_spans,
    DateMention: _date_spans,
    Attribution: _attribution_spans,
    Hedge: _hedge_spans,
    Place: _place_spans,
}


def _mention_spans(m: Mention, layer: str) -> Iterator[_Piece]:
    yield m.start, m.end, layer, m.label or layer, m.rule or m.extractor or layer


def _spans(article: Article) -> list[_Span]:
    rank = {k: i for i, k in enumerate(KINDS)}
    out: list[_Span] = []
    pieces: list[_Piece] = []
    for layer in layers.builtin():
        draw = _DRAW.get(layer.record) if layer.record is not None else None
        if draw is not None:
            for record in layers.records(article, layer.name):
                pieces.extend(draw(record))
    for name in sorted(article.extras):
        for m in article.extras[name]:
            pieces.extend(_mention_spans(m, name))
    for start, end, kind, label, title in pieces:
        if start is None or end is None or not 0 <= start < end <= len(article.text):
            continue
        out.append(_Span(start, end, kind, label, title, rank.get(kind, len(KINDS))))
    out.sort(key=lambda s: (s.start, -s.end, s.rank))
    return out


def _paragraph_spans(article: Article) -> list[_Span]:
    """A block per paragraph, and a collapsed gap for the blank lines between them."""
    out: list[_Span] = []
    pos = 0
    n = len(article.text)
    for p in article.paragraphs:
        if not pos <= p.start < p.end <= n:
            return []  # records that do not tile the text: draw it plain
        if p.start > pos:
            out.append(_Span(pos, p.start, "gap", "", "", -1, True))
        out.append(_Span(p.start, p.end, p.kind.value, p.kind.value, p.rule, -1, True))
        pos = p.end
    if out and pos < n:
        out.append(_Span(pos, n, "gap", "", "", -1, True))
    return out


def _within_blocks(spans: list[_Span], blocks: list[_Span]) -> tuple[list[_Span], list[_Span]]:
    """The spans lying inside one block, and those crossing a block's edge."""
    if not blocks:
        return spans, []
    starts = [b.start for b in blocks]
    inside: list[_Span] = []
    crossing: list[_Span] = []
    for s in spans:
        i = bisect.bisect_right(starts, s.start) - 1
        (inside if i >= 0 and s.end <= blocks[i].end else crossing).append(s)
    return inside, crossing


def _layout(spans: Iterable[_Span]) -> tuple[list[_Span], list[_Span]]:
    """Split spans into those drawn (properly nested) and those left out (crossing)."""
    kept: list[_Span] = []
    dropped: list[_Span] = []
    stack: list[_Span] = []
    for s in spans:
        while stack and stack[-1].end <= s.start:
            stack.pop()
        if stack and s.end > stack[-1].end:
            dropped.append(s)
            continue
        kept.append(s)
        stack.append(s)
    return kept, dropped


def _open(s: _Span) -> str:
    if s.block and s.kind == "gap":
        return '<span class="osp-gap" style="white-space: normal">'
    if s.block:
        aria, style, _ = _PARAGRAPHS.get(ParagraphKind(s.kind), ("", "", ""))
        return (
            f'<span class="osp-para osp-{s.kind}" data-kind="{s.kind}" data-start="{s.start}" '
            f'data-end="{s.end}"{aria} style="{_BLOCK}; {style}">'
        )
    color = COLORS.get(s.kind, COLORS["other"])
    return (
        f'<mark class="osp-span osp-{html.escape(s.kind)}" data-kind="{html.escape(s.kind)}" '
        f'data-start="{s.start}" data-end="{s.end}" title="{html.escape(s.title)}" '
        f'style="background: {color}; {_MARK_STYLE}">'
    )


def _close(s: _Span) -> str:
    if s.block and s.kind == "gap":
        return "</span>"
    if s.block:
        label = _PARAGRAPHS.get(ParagraphKind(s.kind), ("", "", ""))[2]
        if not label:
            return "</span>"
        return f'<span class="osp-label" style="{_BLOCK_LABEL_STYLE}">{label}</span></span>'
    return f'<span class="osp-label" style="{_LABEL_STYLE}">{html.escape(s.label)}</span></mark>'


def _render_text(text: str, kept: list[_Span]) -> Iterator[str]:
    pos = 0
    stack: list[_Span] = []
    for s in kept:
        while stack and stack[-1].end <= s.start:
            top = stack.pop()
            yield html.escape(text[pos : top.end])
            pos = top.end
            yield _close(top)
        yield html.escape(text[pos : s.start])
        pos = s.start
        yield _open(s)
        stack.append(s)
    while stack:
        top = stack.pop()
        yield html.escape(text[pos : top.end])
        pos = top.end
        yield _close(top)
    yield html.escape(text[pos:])


def _claim_row(claim: Claim) -> list[str]:
    sources = "; ".join(f"{a.source} ({a.source_kind.value})" for a in claim.attributions)
    figures = "; ".join(
        q.figure + "".join(f" {x}" for x in (q.unit, q.noun, q.event) if x)
        for q in claim.quantities
    )
    dates = "; ".join(f"{d.text} = {d.value.isoformat() if d.value else '?'}" for d in claim.dates)
    places = "; ".join(
        f"{p.name or p.text} ({p.role.value})" for p in claim.places if not p.unresolved
    )
    stance = "question (asserts nothing)" if claim.question else claim.stance.value
    certainty = f"{claim.certainty:.2f}"
    return [claim.text, sources, stance, figures, dates, places, certainty]


def _claims_table(claims: Iterable[Claim]) -> str:
    head = ["claim", "source(s)", "stance", "figures", "dates", "places", "certainty"]
    rows = ["<tr>" + "".join(f'<th style="{_CELL_STYLE}">{h}</th>' for h in head) + "</tr>"]
    for claim in claims:
        cells = "".join(
            f'<td style="{_CELL_STYLE}">{html.escape(c)}</td>' for c in _claim_row(claim)
        )
        rows.append(f'<tr class="osp-claim" data-start="{claim.start}">{cells}</tr>')
    return f'<table class="osp-claims" style="{_TABLE_STYLE}">{"".join(rows)}</table>'


def _legend(kept: list[_Span], dropped: list[_Span]) -> str:
    counts: dict[str, int] = {}
    for s in kept:
        counts[s.kind] = counts.get(s.kind, 0) + 1
    kinds = [*KINDS, *sorted(k for k in counts if k not in KINDS)]
    items = [
        f'<span style="background: {COLORS.get(k, COLORS["other"])}; {_MARK_STYLE}">'
        f"{html.escape(k)} {counts.get(k, 0)}</span>"
        for k in kinds
    ]
    if dropped:
        items.append(f"<span>({len(dropped)} crossing span(s) not drawn)</span>")
    style = "font-size: 0.8em; margin-bottom: 0.5em"
    return f'<div class="osp-legend" style="{style}">{" ".join(items)}</div>'


def article_html(article: Article, *, claims: bool = True) -> str:
    """Return the article as HTML: highlighted text, then a table of its claims.

    Each span is a ``<mark>`` with ``data-kind``, ``data-start`` and
    ``data-end`` attributes, a ``title`` tooltip (value, stance, rule...) and a
    label. Each paragraph is a block (``class="osp-para osp-<kind>"``): title
    and headings as headings, datelines, bylines and boilerplate greyed and
    labelled. Whitespace inside a paragraph is kept (``white-space: pre-wrap``).
    See the module docstring for how overlapping spans are handled.

    Parameters
    ----------
    article
        Any article; its layers may be empty.
    claims
        Add the table of claims (text, sources, stance, figures, dates,
        places, certainty) when the article has claims.

    Returns
    -------
    str
        A self-contained HTML fragment (inline styles, no script).

    Examples
    --------
    >>> from osintparse.model import Article, Hedge
    >>> a = Article(text="Il aurait dit <b>non</b> & oui.", hedges=[
    ...     Hedge(start=3, end=9, text="aurait", effect=-0.3)])
    >>> html = article_html(a)
    >>> "&lt;b&gt;non&lt;/b&gt; &amp; oui." in html
    True
    >>> html.count('data-kind="hedge"')
    1
    >>> "\\ufffd" in article_html(Article(text="a\\ud800b"))  # always encodable
    True
    """
    blocks = _paragraph_spans(article)
    inside, crossing = _within_blocks(_spans(article), blocks)
    kept, dropped = _layout(inside)
    drawn = sorted([*blocks, *kept], key=lambda s: (s.start, -s.end, s.rank))
    body = "".join(_render_text(article.text, drawn))
    lang = html.escape(article.lang or "und")
    parts = [
        f'<div class="osintparse-article" lang="{lang}" '
        'style="font-family: Georgia, serif; max-width: 60em">',
        _legend(kept, [*crossing, *dropped]),
        f'<div class="osp-text" style="white-space: pre-wrap; line-height: 1.6">{body}</div>',
    ]
    if claims and article.claims:
        parts.append(_claims_table(article.claims))
    parts.append("</div>")
    out = "".join(parts)
    # A lone surrogate (text decoded with errors="surrogateescape", or made in code)
    # cannot be encoded: show it as U+FFFD, the replacement character, so the HTML
    # can always be written and displayed.
    return _SURROGATE.sub("\ufffd", out) if _SURROGATE.search(out) else out
