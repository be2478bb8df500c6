"""The attribution engine: find the cues of a sentence, then read each one.

For each sentence:

1. the combined cue pattern of the language (one alternative per rule of
   :data:`~._lexicon.CUE_KINDS`) finds the cues;
2. the rules of :data:`~._readings.NOUN_READINGS` drop the forms that are nouns or
   parts of names ("state media", "the report", "United States");
3. each remaining cue, left to right and not inside an attribution already found,
   is read by the rules of :data:`~._constructions.CONSTRUCTIONS`.

Offsets here are into the normalised text; the package's ``__init__`` maps them back.

Examples
--------
>>> text = "Selon Séoul, les unités sont là."
>>> found = match_sentence(text, 0, len(text), "fr", previous=None)
>>> [(f.rule, text[f.source_start:f.source_end]) for f in found]
[('prep:selon', 'Séoul')]
"""

from __future__ import annotations

from osintparse.extractors.attributions._constructions import Context, Found, read
from osintparse.extractors.attributions._lexicon import CueLexicon, cue_lexicon
from osintparse.extractors.attributions._readings import CueMatch, not_a_cue
from osintparse.extractors.attributions._sources import SentenceTokens

__all__ = ["Found", "match_sentence"]


def _cues(found: list[CueMatch], tk: SentenceTokens, lex: CueLexicon) -> list[CueMatch]:
    """The cues left once the noun readings are dropped."""
    verb_starts = frozenset(m.start for m in found if m.kind != "prep")
    return [m for m in found if not not_a_cue(m, tk, lex, verb_starts)]


def match_sentence(
    text: str,
    lo: int,
    hi: int,
    lang: str,
    *,
    previous: tuple[int, int] | None,
    paragraph: tuple[int, int] | None = None,
) -> list[Found]:
    """Return the attributions of the sentence ``text[lo:hi]`` (normalised text).

    Parameters
    ----------
    previous
        Span of the previous sentence, the content of anaphoric attributions.
    paragraph
        Span of the paragraph, where quotations are looked for.

    Examples
    --------
    >>> t = "The strike killed 12 people, officials said."
    >>> [f.rule for f in match_sentence(t, 0, len(t), "en", previous=None)]
    ['inverted:say']
    """
    lex = cue_lexicon(lang)
    found = [CueMatch.of(m, lex) for m in lex.cues.finditer(text, lo, hi)]
    if not found:
        return []
    tk = SentenceTokens.of(text, lo, hi)
    cues = _cues(found, tk, lex)
    starts = frozenset(m.start for m in cues)
    ctx = Context.of(text, lo, hi, lex, starts, previous, paragraph or (lo, hi), tk)
    out: list[Found] = []
    taken_until = lo
    for m in cues:
        if m.start < taken_until:
            continue
        cue = ctx.cue(m)
        f = read(ctx, cue) if cue is not None else None
        if f is not None:
            out.append(f)
            taken_until = max(f.end, f.cue_end)
    return out
