"""The ``claims`` extractor: one record per asserted proposition.

A claim ties a sentence (or a few) to its sources, figures, dates, hedges and a
certainty score. Rules, in order:

1. Every title and body sentence is a claim (headings too when
   ``include_headings=True``). Boilerplate lines never are.
2. An attribution belongs to the claim holding its *content* (``content_start``)
   or, without content, the claim holding the attribution itself. So the anaphoric
   "C'est ce qu'indique The Chosun Daily." attributes the previous sentence.
3. A sentence that only carries an anaphoric attribution about another sentence
   ("C'est ce qu'indique X.", "That is according to X.") asserts nothing new: it
   joins that sentence's claim, which then spans both.
4. Inheritance, within a paragraph only: a sentence with no source of its own
   inherits the previous claim's sources (marked ``inherited=True``) when it opens
   with a continuation marker ("En outre", "In addition") or reported-speech word
   ("aurait", "reportedly"), or when its subject, after an optional opening
   adverbial ending in a comma, is an anaphoric pronoun ("ils", "they"). These
   words are in ``lexicons/<lang>/claims.toml``. Sentences of another paragraph
   never inherit.
5. ``stance`` is the strongest applicable: ``denied`` if any source denies,
   else the first of confirmed > asserted > reported > estimated > alleged, else
   ``unattributed``.
6. ``certainty`` starts from :data:`BASE_CERTAINTY` for the stance, adds each
   hedge's ``effect``, and the adjustments in :data:`ADJUSTMENTS`; it is clamped
   to [0, 1] and rounded to two decimals.

Examples
--------
>>> import osintparse
>>> a = osintparse.parse("Titre\\n\\nUne phrase sans source.", lang="fr")
>>> [(c.text, c.stance.value, c.certainty) for c in a.claims]
[('Titre', 'unattributed', 0.5), ('Une phrase sans source.', 'unattributed', 0.5)]
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import attrs
import regex

from osintparse import lexicons
from osintparse.extractors.base import Document
from osintparse.model import (
    Attribution,
    Claim,
    DateMention,
    Hedge,
    ParagraphKind,
    Quantity,
    Section,
    Sentence,
    SourceKind,
    Stance,
)

__all__ = ["ADJUSTMENTS", "BASE_CERTAINTY", "STANCE_ORDER", "ClaimsExtractor", "build_claims"]

#: Stances from strongest to weakest evidence (``denied`` is handled apart).
STANCE_ORDER: tuple[Stance, ...] = (
    Stance.CONFIRMED,
    Stance.ASSERTED,
    Stance.REPORTED,
    Stance.ESTIMATED,
    Stance.ALLEGED,
)

#: Certainty a claim starts from, by stance.
BASE_CERTAINTY: Mapping[Stance, float] = {
    Stance.CONFIRMED: 0.9,
    Stance.ASSERTED: 0.75,
    Stance.REPORTED: 0.65,
    Stance.ESTIMATED: 0.55,
    Stance.ALLEGED: 0.35,
    Stance.DENIED: 0.15,
    Stance.UNATTRIBUTED: 0.5,
}

#: Further adjustments to certainty.
ADJUSTMENTS: Mapping[str, float] = {
    # every source of the claim is anonymous ("des sources locales", "officials")
    "anonymous_only": -0.1,
    # the sources are carried over from the previous sentence
    "inherited": -0.05,
    # two or more distinct sources agree (not counting inherited ones)
    "corroborated": 0.05,
}

_CLAIM_KINDS = frozenset({ParagraphKind.TITLE, ParagraphKind.BODY})
_WORD = regex.compile(r"[\p{L}'-]+", flags=regex.V1)
_LEADING_ADVERBIAL = regex.compile(r"^[^,]{1,40},\s*", flags=regex.V1)


@functools.cache
def _inheritance(lang: str) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    data = lexicons.load(lang, "claims")["inheritance"]
    continuation = tuple(sorted((c.casefold() for c in data["continuation"]), key=len))
    return (
        continuation[::-1],
        frozenset(p.casefold() for p in data["pronouns"]),
        frozenset(w.casefold() for w in data["reported_speech"]),
    )


def _inherits(text: str, lang: str | None) -> str | None:
    if lang is None:
        return None
    continuation, pronouns, reported = _inheritance(lang)
    low = text.casefold().replace("\u2019", "'")
    for marker in continuation:
        if low.startswith(marker) and not low[len(marker) : len(marker) + 1].isalnum():
            return f"continuation:{marker}"
    words = _WORD.findall(low)
    if words and words[0] in reported:
        return f"reported_speech:{words[0]}"
    rest = _LEADING_ADVERBIAL.sub("", low, count=1)
    for candidate in (low, rest):
        cwords = _WORD.findall(candidate)
        if not cwords:
            continue
        if cwords[0] in pronouns:
            return f"pronoun:{cwords[0]}"
        if len(cwords) > 1 and f"{cwords[0]} {cwords[1]}" in pronouns:
            return f"pronoun:{cwords[0]} {cwords[1]}"
    return None


def _unique(items: Sequence[Attribution]) -> tuple[Attribution, ...]:
    seen: list[Attribution] = []
    for a in items:
        if a not in seen:
            seen.append(a)
    return tuple(seen)


def _stance(attributions: Sequence[Attribution]) -> Stance:
    stances = {a.stance for a in attributions}
    if Stance.DENIED in stances:
        return Stance.DENIED
    for s in STANCE_ORDER:
        if s in stances:
            return s
    return Stance.UNATTRIBUTED


def _certainty(
    stance: Stance, attributions: Sequence[Attribution], hedges: Sequence[Hedge], inherited: bool
) -> float:
    score = BASE_CERTAINTY[stance] + sum(h.effect for h in hedges)
    if attributions and all(a.source_kind is SourceKind.ANONYMOUS for a in attributions):
        score += ADJUSTMENTS["anonymous_only"]
    if inherited:
        score += ADJUSTMENTS["inherited"]
    elif len({a.source.casefold() for a in attributions}) >= 2:
        score += ADJUSTMENTS["corroborated"]
    return round(min(1.0, max(0.0, score)), 2)


def _within(items: Sequence[Any], starts: list[int], start: int, end: int) -> tuple[Any, ...]:
    i = bisect.bisect_left(starts, start)
    out = []
    while i < len(items) and items[i].start < end:
        if items[i].end <= end:
            out.append(items[i])
        i += 1
    return tuple(out)


def _anaphoric_only(sentence: Sentence, attrs_here: Sequence[Attribution], target: int) -> bool:
    if not attrs_here or not all(a.anaphoric for a in attrs_here):
        return False
    covered = sum(a.end - a.start for a in attrs_here)
    rest = len(sentence.text) - covered
    return target >= 0 and rest <= 12


def build_claims(
    text: str,
    *,
    lang: str | None,
    sentences: Sequence[Sentence],
    sections: Sequence[Section] = (),
    attributions: Sequence[Attribution] = (),
    quantities: Sequence[Quantity] = (),
    dates: Sequence[DateMention] = (),
    hedges: Sequence[Hedge] = (),
    include_headings: bool = False,
) -> tuple[Claim, ...]:
    """Group sentences and their mentions into claims (see the module rules).

    Examples
    --------
    >>> from osintparse.model import Sentence
    >>> s = [Sentence(start=0, end=6, text="Hello.")]
    >>> [c.text for c in build_claims("Hello.", lang="en", sentences=s)]
    ['Hello.']
    """
    kinds = _CLAIM_KINDS | ({ParagraphKind.HEADING} if include_headings else frozenset())
    chosen = [s for s in sentences if s.kind in kinds]
    if not chosen:
        return ()
    sent_starts = [s.start for s in chosen]

    def sentence_at(offset: int | None) -> int:
        if offset is None:
            return -1
        i = bisect.bisect_right(sent_starts, offset) - 1
        return i if i >= 0 and offset < chosen[i].end else -1

    hosted: dict[int, list[Attribution]] = {}
    targeted: dict[int, list[Attribution]] = {}
    for a in sorted(attributions, key=lambda a: (a.start, a.end)):
        host = sentence_at(a.start)
        target = sentence_at(a.content_start) if a.content_start is not None else host
        if target < 0:
            target = host
        if host >= 0:
            hosted.setdefault(host, []).append(a)
        if target >= 0:
            targeted.setdefault(target, []).append(a)

    # Group sentence indexes into claims.
    groups: list[list[int]] = []
    owner: dict[int, int] = {}
    for i, s in enumerate(chosen):
        here = hosted.get(i, [])
        targets = {sentence_at(a.content_start) for a in here}
        target = min(targets) if len(targets) == 1 else -1
        if target >= 0 and target != i and target in owner and _anaphoric_only(s, here, target):
            groups[owner[target]].append(i)
            owner[i] = owner[target]
            continue
        owner[i] = len(groups)
        groups.append([i])

    q_sorted = sorted(quantities, key=lambda m: (m.start, m.end))
    d_sorted = sorted(dates, key=lambda m: (m.start, m.end))
    h_sorted = sorted(hedges, key=lambda m: (m.start, m.end))
    q_starts = [m.start for m in q_sorted]
    d_starts = [m.start for m in d_sorted]
    h_starts = [m.start for m in h_sorted]

    claims: list[Claim] = []
    for group in groups:
        first, last = chosen[group[0]], chosen[group[-1]]
        start, end = first.start, last.end
        own = [a for i in group for a in targeted.get(i, [])]
        inherited = False
        rule = "sentence" if len(group) == 1 else "sentence+anaphora"
        if not own and claims and first.kind is ParagraphKind.BODY:
            prev = claims[-1]
            prev_sentence = chosen[groups[len(claims) - 1][-1]]
            why = _inherits(first.text, lang)
            if prev.attributions and prev_sentence.paragraph == first.paragraph and why:
                own = list(prev.attributions)
                inherited = True
                rule = f"inherited:{why}"
        found_hedges = _within(h_sorted, h_starts, start, end)
        stance = _stance(own)
        section = sections[first.section].heading if first.section < len(sections) else None
        claims.append(
            Claim(
                start=start,
                end=end,
                text=text[start:end],
                section=section,
                attributions=_unique(own),
                quantities=_within(q_sorted, q_starts, start, end),
                dates=_within(d_sorted, d_starts, start, end),
                hedges=found_hedges,
                stance=stance,
                certainty=_certainty(stance, own, found_hedges, inherited),
                inherited=inherited,
                rule=rule,
            )
        )
    return tuple(claims)


@attrs.frozen
class ClaimsExtractor:
    """Build :class:`~osintparse.model.Claim` records from the other layers.

    Parameters
    ----------
    include_headings
        Make headings claims too (default: only title and body sentences).

    Examples
    --------
    >>> import osintparse
    >>> p = osintparse.Pipeline(["structure", "claims"])
    >>> [c.text for c in p("Titre\\n\\nA b. C d.", lang="fr").claims]
    ['Titre', 'A b.', 'C d.']
    """

    name: ClassVar[str] = "claims"
    produces: ClassVar[tuple[str, ...]] = ("claims",)
    requires: ClassVar[tuple[str, ...]] = ("sentences", "sections")
    uses: ClassVar[tuple[str, ...]] = ("attributions", "hedges", "quantities", "dates")
    include_headings: bool = False

    def __call__(self, doc: Document) -> Mapping[str, Any]:
        """Return the ``claims`` layer of ``doc``."""
        return {
            "claims": build_claims(
                doc.text,
                lang=doc.lang,
                sentences=doc.get("sentences"),
                sections=doc.get("sections"),
                attributions=doc.get("attributions"),
                quantities=doc.get("quantities"),
                dates=doc.get("dates"),
                hedges=doc.get("hedges"),
                include_headings=self.include_headings,
            )
        }
