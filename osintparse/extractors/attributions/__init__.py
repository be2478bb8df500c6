"""The ``attributions`` extractor: who says something, with which cue, how sure.

It produces two layers: ``attributions`` (:class:`~osintparse.model.Attribution`:
source noun phrase, cue, stance, source kind, attributed content, and the
``rule`` that matched, ``"<pattern>:<lexicon entry>"``) and ``hedges``
(:class:`~osintparse.model.Hedge`: "aurait", "reportedly", with their effect on
certainty). Cues, source kinds and hedges are lexicon data
(``attributions.toml``, ``sources.toml``, ``hedges.toml``, the ``[attributions]``
and ``[noun_phrase]`` typology of ``language.toml``); the engine is a few rule
tables (cue kinds, noun readings, constructions, hedges), described in
``docs/extractors/attributions.md``.

Examples
--------
>>> [(a.source, a.cue, a.stance.value, a.source_kind.value)
...  for a in find_attributions("Selon Séoul, 10 000 soldats sont là.", lang="fr")]
[('Séoul', 'Selon', 'reported', 'government')]
>>> [(h.text, h.effect) for h in find_hedges("Ils auraient perdu 200 hommes.", lang="fr")]
[('auraient', -0.2)]
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import attrs

from osintparse import lexicons
from osintparse._patterns import map_back, to_normalized
from osintparse._records import record_repr
from osintparse.extractors.attributions._context import typewriter_quotes, whole_marks
from osintparse.extractors.attributions._cues import Found, match_sentence
from osintparse.extractors.attributions._hedges import hedges_in
from osintparse.extractors.attributions._lexicon import cue_lexicon
from osintparse.extractors.attributions._links import Placed, link
from osintparse.extractors.base import Document
from osintparse.model import Attribution, Hedge, ParagraphKind, Sentence, _from_source
from osintparse.text import Normalized

__all__ = ["AttributionsExtractor", "find_attributions", "find_hedges"]


@attrs.frozen
class AttributionsExtractor:
    """Find attributions and hedges in every sentence (title and headings included).

    Examples
    --------
    >>> import osintparse
    >>> a = osintparse.parse("Titre\\n\\nLes analystes estiment que la guerre va durer.", lang="fr")
    >>> [(x.source, x.stance.value, x.rule) for x in a.attributions]
    [('analystes', 'estimated', 'verb_clause:estimer')]
    """

    __repr__ = record_repr

    name: ClassVar[str] = "attributions"
    produces: ClassVar[tuple[str, ...]] = ("attributions", "hedges")
    requires: ClassVar[tuple[str, ...]] = ("sentences",)

    def __call__(self, doc: Document) -> Mapping[str, Any]:
        """Return the ``attributions`` and ``hedges`` layers of ``doc``."""
        if doc.lang is None:
            return {"attributions": (), "hedges": ()}
        attributions, hedges = _extract(doc.text, doc.normalized, doc.get("sentences"), doc.lang)
        return {"attributions": attributions, "hedges": hedges}


def _sentences_of(text: str, lang: str) -> tuple[Normalized, tuple[Sentence, ...]]:
    from osintparse.extractors.structure import analyse
    from osintparse.text import normalize

    norm = normalize(text)
    return norm, analyse(text, lang, norm).sentences


def find_attributions(text: str, *, lang: str) -> tuple[Attribution, ...]:
    """Return the attributions of ``text`` (split into sentences first).

    Parameters
    ----------
    text
        An article or any text.
    lang
        A supported language code (``"fr"``, ``"en"``).

    Raises
    ------
    osintparse.UnsupportedLanguageError
        If ``lang`` has no lexicons.

    Examples
    --------
    >>> t = "Kyiv says it shot down 30 drones. That is according to the Kyiv Independent."
    >>> [(a.source, a.rule, a.anaphoric) for a in find_attributions(t, lang="en")]
    [('Kyiv', 'verb_obj:say', False), ('Kyiv Independent', 'anaphoric:according to', True)]
    """
    code = lexicons.check_lang(lang)
    norm, sentences = _sentences_of(text, code)
    return _extract(text, norm, sentences, code)[0]


def find_hedges(text: str, *, lang: str) -> tuple[Hedge, ...]:
    """Return the hedges of ``text``: cues lowering (or raising) certainty.

    Raises
    ------
    osintparse.UnsupportedLanguageError
        If ``lang`` has no lexicons.

    Examples
    --------
    >>> t = "The drone was reportedly shot down; this could not be verified."
    >>> [(h.text, h.effect, h.rule) for h in find_hedges(t, lang="en")]
    [('reportedly', -0.2, 'hedge:reportedly'),
     ('could not be verified', -0.3, 'hedge:could not be verified')]
    """
    code = lexicons.check_lang(lang)
    norm, sentences = _sentences_of(text, code)
    return _extract(text, norm, sentences, code)[1]


def _extract(
    text: str, norm: Normalized, sentences: Sequence[Sentence], lang: str
) -> tuple[tuple[Attribution, ...], tuple[Hedge, ...]]:
    spans = [(to_normalized(norm, s.start), to_normalized(norm, s.end)) for s in sentences]
    paragraphs: dict[int, tuple[int, int]] = {}
    for s, (lo, hi) in zip(sentences, spans, strict=True):
        p_lo, p_hi = paragraphs.get(s.paragraph, (lo, hi))
        paragraphs[s.paragraph] = (min(p_lo, lo), max(p_hi, hi))
    placed: list[Placed] = []
    hedges: list[Hedge] = []
    # One str per distinct source, cue and hedge text and hedge rule: a long article
    # repeats a few hundred of them thousands of times.
    shared: dict[str, str] = {}
    lex = cue_lexicon(lang)
    nt = typewriter_quotes(norm.text, lex.doubled, lex.quotes)
    last_body: tuple[int, int] | None = None
    previous: tuple[int, int] | None = None
    for k, (s, (lo, hi)) in enumerate(zip(sentences, spans, strict=True)):
        # Anaphoric cues in the body point back to the body, not to a heading.
        prev = last_body if s.kind is ParagraphKind.BODY else previous
        para = paragraphs[s.paragraph]
        for f in match_sentence(nt, lo, hi, lang, previous=prev, paragraph=para):
            placed.append(Placed(f, k, s.paragraph))
        for start, end, effect, rule in hedges_in(nt, lo, hi, lang):
            hs, he, ht = map_back(norm, start, end)
            ht, rule = shared.setdefault(ht, ht), shared.setdefault(rule, rule)
            hedges.append(Hedge(start=hs, end=he, text=ht, effect=effect, rule=rule))
        previous = (lo, hi)
        if s.kind is ParagraphKind.BODY:
            last_body = (lo, hi)
    linked = link(placed, nt, lex) if placed else []
    if nt is not norm.text:  # typewriter marks were rewritten: no content splits one
        linked = [_whole_marks(f, norm.text, lex.doubled) for f in linked]
    return tuple(_attribution(text, norm, f, shared) for f in linked), tuple(hedges)


def _whole_marks(f: Found, text: str, doubled: Mapping[str, str]) -> Found:
    """``f`` with a content widened over the two-character quotation mark it splits."""
    a, b = whole_marks(text, doubled, (f.content_start, f.content_end))
    if (a, b) == (f.content_start, f.content_end):
        return f
    start = min(f.start, a) if a is not None else f.start
    end = max(f.end, b) if b is not None else f.end
    return attrs.evolve(f, content_start=a, content_end=b, start=start, end=end)


def _attribution(text: str, norm: Normalized, f: Found, shared: dict[str, str]) -> Attribution:
    s, e = norm.span(f.start, f.end)
    ss, se = norm.span(f.source_start, f.source_end)
    cs, ce = norm.span(f.cue_start, f.cue_end)
    source, cue = text[ss:se], text[cs:ce]
    content_start = content_end = None
    if f.content_start is not None and f.content_end is not None:
        content_start, content_end = norm.span(f.content_start, f.content_end)
    channel, channel_start, channel_end = _sub_span(text, norm, f.channel)
    role, role_start, role_end = _sub_span(text, norm, f.role)
    resolved, resolved_start, resolved_end = _sub_span(text, norm, f.resolved)
    _, document_start, document_end = _sub_span(text, norm, f.document_span)
    return _from_source(
        Attribution(
            start=s,
            end=e,
            text=text[s:e],
            source=shared.setdefault(source, source),
            source_start=ss,
            source_end=se,
            cue=shared.setdefault(cue, cue),
            cue_start=cs,
            cue_end=ce,
            stance=f.stance,
            source_kind=f.source_kind,
            content_start=content_start,
            content_end=content_end,
            anaphoric=f.anaphoric,
            rule=sys.intern(f.rule),  # a few names, repeated in long articles
            negated=f.negated,
            channel=channel,
            channel_start=channel_start,
            channel_end=channel_end,
            role=role,
            role_start=role_start,
            role_end=role_end,
            document=f.document,
            document_start=document_start,
            document_end=document_end,
            resolved=resolved or None,
            resolved_start=resolved_start,
            resolved_end=resolved_end,
            parent=f.parent,
        ),
        text,
    )


def _sub_span(
    text: str, norm: Normalized, span: tuple[int, int] | None
) -> tuple[str, int | None, int | None]:
    """The text and original offsets of a sub-span in the normalised text, if any."""
    if span is None:
        return "", None, None
    s, e = norm.span(*span)
    return text[s:e], s, e
