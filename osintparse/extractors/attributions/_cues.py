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

import attrs

from osintparse.extractors.attributions._constructions import read
from osintparse.extractors.attributions._context import Context, Found, trim
from osintparse.extractors.attributions._lexicon import CueLexicon, cue_lexicon
from osintparse.extractors.attributions._readings import CueMatch, in_phrase, not_a_cue
from osintparse.extractors.attributions._sources import (
    SentenceTokens,
    document_kind,
    is_adverb,
    issuing_verb,
    np_after,
    relative_head,
)

__all__ = ["Found", "match_sentence"]


#: Cue kinds that are no verb: the noun readings do not apply to them.
_NOT_VERBS = frozenset({"prep", "colon", "view", "noun"})
#: Cue kinds whose words are nouns: they end no noun phrase (a source may hold one).
_NOUNS = frozenset({"view", "noun"})


def _cues(found: list[CueMatch], tk: SentenceTokens, lex: CueLexicon) -> list[CueMatch]:
    """The cues left once the noun readings are dropped (and the prepositions read only
    opening the sentence that do not)."""
    verb_starts = frozenset(m.start for m in found if m.kind not in _NOT_VERBS)
    markers = [m.span() for m in lex.sources.anonymity.finditer(tk.text, tk.lo, tk.hi)]
    if lex.nouns.idioms is not None:
        markers += [m.span() for m in lex.nouns.idioms.finditer(tk.text, tk.lo, tk.hi)]
    first = tk.starts[0] if len(tk) else tk.lo
    nouns = lex.kinds["noun"]
    out: list[CueMatch] = []
    for m in found:
        if m.kind == "prep" and m.entry.initial and m.start != first:
            continue
        if m.kind == "prep" and m.entry.document and not _names_document(m, tk, lex):
            continue  # "in Kyiv", "in a statement": only "in a poll" is a cue
        if m.kind == "gerund" and not _participle_place(m, tk, lex):
            continue  # "a creative writing professor": inside a noun phrase, no cue
        if m.kind in ("colon", "view", "noun") or not not_a_cue(m, tk, lex, verb_starts, markers):
            if m.kind not in _NOUNS or not in_phrase(m.start, markers):
                out.append(m)  # not "staking its claim"
        elif m.form in nouns and not in_phrase(m.start, markers):
            # "his promise to", "the claim by X": a verb form read as a noun; "laid claim to" none
            out.append(CueMatch("noun", m.start, m.end, m.form, nouns[m.form]))
    return out


def _names_document(m: CueMatch, tk: SentenceTokens, lex: CueLexicon) -> bool:
    """True when the noun phrase after a preposition names a document of the kind its entry
    requires ("in | a CNN poll released Monday": a survey)."""
    k = tk.index_from(m.end)
    i, j = np_after(tk, k, lex.sources, frozenset())
    kind = document_kind(tk, i, j, lex.sources) if j > i else None
    return kind is not None and kind.value == m.entry.document


def _participle_place(m: CueMatch, tk: SentenceTokens, lex: CueLexicon) -> bool:
    """False when a gerund sits inside a noun phrase: right after a word that is no opener
    (`participles.openers`), no link and no stop of sources.toml, adverbs aside, nor a document
    an issuing verb takes (`participles.issuing`) ("a creative writing teacher"; not ",
    saying", "by saying", "as saying", "Saying ...", "issued a statement saying")."""
    k = tk.index_from(m.start)
    while (
        k > 0 and not tk.boundary(k) and is_adverb(tk.keys[k - 1], lex.adverbs, lex.adverb_endings)
    ):
        k -= 1
    if k == 0 or tk.boundary(k):
        return True
    before, src = tk.keys[k - 1], lex.sources
    if issuing_verb(tk, k, src, lex.issuing, lex.issuing_recipients) is not None:
        return True  # "issued a statement saying"
    if before in lex.participle_openers or before in src.links or before in src.stops:
        return True
    # "pastors supporting Mr. Cruz": a reduced relative (rule reduced_relative reads it)
    relative = m.entry.cue_class in lex.relative_classes and k == tk.index_from(m.start)
    return relative and relative_head(tk, k, src, lex.relative_heads, document=not m.entry.people)


def _cuts(cues: list[CueMatch], tk: SentenceTokens, lex: CueLexicon) -> tuple[int, ...]:
    """Where contents end: before a gerund or a citing preposition after a comma or an
    opener (", adding that", "by saying", ", citing"), before the connector of a verb right
    after one ("and said", "but told"), and before the comma of a verb right after one (the
    verb of a subject whose relative clause closes there: "The governor, who praised X, said
    ...")."""
    out: list[int] = []
    for m in cues:
        k = tk.index_from(m.start)
        if m.kind == "infinitive":
            k = _opener_start(tk, k, lex)  # ", avant d'ajouter": the cut is before "avant"
        citing = m.kind == "prep" and m.entry.cites == "source"  # "..., (often) citing its cost"
        while citing and k > 0 and not tk.boundary(k):
            if not is_adverb(tk.keys[k - 1], lex.adverbs, lex.adverb_endings):
                break
            k -= 1
        if k == 0:
            continue
        before = tk.keys[k - 1]
        opened = m.kind == "gerund" and before in lex.participle_openers
        coordinated = m.kind != "prep" and before in lex.coordinators
        # ", adding that": a gerund after a comma; ", said ...": a verb right after one
        gerund = m.kind == "gerund" or m.kind == "infinitive"
        after_comma = "," in tk.gap(k) if gerund else tk.gap(k).strip() == ","
        contrast = _contrast_before(tk, k, lex) if m.kind not in _NOT_VERBS else None
        if contrast is not None:  # "..., while Kyiv said": the clause is no content
            out.append(tk.ends[contrast - 1])
        if after_comma and (m.kind not in _NOT_VERBS or citing):
            out.append(tk.ends[k - 1])
        elif (opened or coordinated) and not tk.boundary(k):
            out.append(tk.ends[k - 2] if k > 1 else tk.starts[k - 1])
    return tuple(sorted(out))


def _opener_start(tk: SentenceTokens, k: int, lex: CueLexicon) -> int:
    """The token opening an infinitive opener (``participles.infinitive_openers``: "avant de",
    "avant d'") that ends right before token ``k``, else ``k``."""
    for phrase in lex.infinitive_openers:
        i = k - len(phrase)
        if i >= 0 and tuple(tk.keys[i:k]) == phrase:
            return i
    return k


#: How many words back from a verb a contrast connector is looked for.
_CONTRAST_GAP = 8


def _contrast_before(tk: SentenceTokens, k: int, lex: CueLexicon) -> int | None:
    """The token opening a contrast connector after a comma, a few words before the verb at
    token ``k`` with no other punctuation between (", while Kyiv said", ", tandis que Kyiv a
    assuré"); ``None`` without one."""
    for t in range(k - 1, max(0, k - _CONTRAST_GAP) - 1, -1):
        if t == 0:
            return None
        if tk.boundary(t):
            if "," not in tk.gap(t):
                return None
            words = tuple(tk.keys[t : t + 3])
            hit = any(words[: len(c)] == c for c in lex.contrasts)
            return t if hit else None
    return None


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
    found = [CueMatch.of(m, lex) for m in lex.scan.finditer(text, lo, hi)]
    if not found:
        return []
    tk = SentenceTokens.of(text, lo, hi, lex.sources.titles, lex.sources.acronyms)
    cues = _cues(found, tk, lex)
    starts = frozenset(m.start for m in cues if m.kind not in _NOUNS)
    ctx = Context.of(text, lo, hi, lex, starts, previous, paragraph or (lo, hi), tk)
    ctx.cuts = _cuts(cues, tk, lex)
    ctx.reporters = frozenset(m.start for m in cues if m.entry.cites == "reporting")
    out: list[Found] = ctx.done
    taken_until = lo
    for m in cues:
        if m.start < taken_until:
            continue
        cue = ctx.cue(m)
        f = read(ctx, cue) if cue is not None else None
        if f is not None:
            _end_contents_before(out, f, text)
            out.append(f)
            taken_until = max(f.end, f.cue_end)
    return out


#: How many attributions before one are checked for a content running into it (a bound
#: that keeps a sentence holding thousands of cues linear).
_LOOK_BACK = 24


def _end_contents_before(out: list[Found], f: Found, text: str) -> None:
    """The contents found so far that run into ``f``, an attribution whose content comes
    before it ("Germany supports X, the diplomat said."), end before it."""
    if f.content_start is None or f.content_end is None or f.content_end > f.start:
        return
    for k in range(max(0, len(out) - _LOOK_BACK), len(out)):
        g = out[k]
        if g.content_start is None or g.content_end is None or g.cue_start < f.content_start:
            continue
        if g.content_start < f.start < g.content_end:
            start, end = trim(text, g.content_start, f.start)
            out[k] = attrs.evolve(g, content_start=start, content_end=end)
