"""The constructions: from a cue found in a sentence to an attribution.

Every cue the combined cue pattern finds (and no noun reading rejects) is read by
the rules of :data:`CONSTRUCTIONS`, in order. A rule returns a :class:`~._context.Found`
(the attribution: the cue is read), ``None`` (the rule does not apply: try the next)
or :data:`~._context.STOP` (the cue gives no attribution). The attribution's ``rule``
is ``"<pattern>:<lexicon entry>"``; the pattern is the rule's name, except that the
variants ``quote_after`` and ``quote_end`` report ``quote``, ``inverted_end``
reports ``inverted``, ``verb_bare_clause`` and ``as_clause`` report ``verb_clause``, and
``document_obj`` and ``quoted_object`` report ``verb_obj``, ``free_relative`` reports
``verb_clause`` (the pattern names the shape an analyst sees: a quotation, a content
before its source, a clause).

Each rule names the cue kinds (rules of :data:`~._lexicon.CUE_KINDS`) it reads; the
rules after ``subject`` read verbs whose subject is the noun phrase before them
(:mod:`._subjects`). ``docs/extractors/attributions.md`` lists them with examples.

Offsets here are into the normalised text; the package's ``__init__`` maps them back.

Examples
--------
>>> CONSTRUCTIONS.names()[:6]
('framed_passive', 'not_a_verb', 'imperative', 'anaphoric', 'passive', 'reduced_passive')
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from osintparse._patterns import RuleTable
from osintparse.extractors.attributions._context import (
    END_PUNCT,
    NO_SPAN,
    STOP,
    VERBS,
    Context,
    Cue,
    Found,
    Span,
    Stop,
    Subject,
    trim,
)
from osintparse.extractors.attributions._lexicon import key, rules_of
from osintparse.extractors.attributions._sources import (
    document_kind,
    document_words,
    is_adverb,
    issuing_verb,
    np_after,
    np_before,
    relative_head,
    valid_np,
)
from osintparse.extractors.attributions._subjects import find_clause_subject, find_subject
from osintparse.extractors.attributions._times import time_after
from osintparse.model import DocumentKind, SourceKind

__all__ = ["CONSTRUCTIONS", "read"]

#: A construction rule: the attribution, ``None`` (next rule) or ``STOP`` (none at all).
Construction = Callable[[Context, Cue], Found | Stop | None]

#: The constructions, in the order they are tried on each cue.
CONSTRUCTIONS: RuleTable[Construction] = RuleTable("attribution constructions")


@CONSTRUCTIONS.rule("framed_passive")
def _framed_passive(s: Context, cue: Cue) -> Found | Stop | None:
    """The passive of a frame verb gives nothing: "is described as", "est présenté comme"."""
    return STOP if cue.kind == "passive" and cue.framed else None


@CONSTRUCTIONS.rule("not_a_verb")
def _not_a_verb(s: Context, cue: Cue) -> Found | Stop | None:
    """A finite verb after another verb or an infinitive marker (`breakers`), its own
    adverbs and negation aside, gives nothing: "to say", "is said"; nor one after an
    imperative adverb (`adverbs.imperative`): "please tell us"."""
    if cue.kind != "finite":
        return None
    tk, k, src = s.tk, cue.lead, s.lex.sources
    # "please" in the cue's adverbs, or capitalised just before it ("Please tell us")
    first = k - 1 if k > 0 and not tk.boundary(k) else k
    if any(tk.keys[t] in s.lex.imperative for t in range(first, cue.c)):
        return STOP
    if k > 0 and not tk.boundary(k) and tk.keys[k - 1] in src.breakers:
        return None if tk.words[k - 1][:1].isupper() and k > 1 else STOP
    return None


@CONSTRUCTIONS.rule("imperative")
def _imperative(s: Context, cue: Cue) -> Found | Stop | None:
    """A bare form (the verb's lemma) with no subject is an imperative and gives nothing:
    after an opening bracket, a colon or a semicolon ("(think Jimmy Carter in 1976)"),
    between commas ("oh, say, five years ago"), after an imperative opener opening the
    sentence (`adverbs.imperative_openers`: "Just ask him") or after a vocative, a name of
    one person and a comma opening the sentence or a quotation ("Melania, tell your story";
    a third person would take "tells")."""
    tk, k = s.tk, cue.c
    if cue.kind != "finite" or " ".join(tk.keys[k : cue.b]) != cue.entry.lemma:
        return None
    if k > 0 and tk.boundary(k) and any(ch in tk.gap(k) for ch in "(:;"):
        return STOP
    if k > 0 and "," in tk.gap(k) and cue.b < len(tk) and tk.gap(cue.b).strip() == ",":
        return STOP  # "oh, say, five years": a bare form between commas marks an example
    if k == 1 and tk.keys[0] in s.lex.imperative_openers:
        return STOP
    return STOP if _vocative(s, k) else None


def _vocative(s: Context, k: int) -> bool:
    """True when the tokens before token ``k`` are a vocative: up to three capitalised words
    naming one person (no grammar word, no plural ending), opening the sentence or a
    quotation, then a comma ("Melania, ...", '"Minister, ...')."""
    tk, src = s.tk, s.lex.sources
    if k == 0 or tk.gap(k).strip() != ",":
        return False
    m = next((t for t in range(k - 1, max(-1, k - 4), -1) if t == 0 or tk.boundary(t)), None)
    if m is None or (m > 0 and not any(q in tk.gap(m) for q in s.lex.quotes.values())):
        return False
    if any(not tk.words[t][:1].isupper() or tk.keys[t] in src.determiners for t in range(m, k)):
        return False
    last = tk.keys[k - 1]
    return last not in src.pronouns and not last.endswith(src.plural_endings)


@CONSTRUCTIONS.rule("anaphoric")
def _anaphoric(s: Context, cue: Cue) -> Found | Stop | None:
    """After an opener, the cue attributes the previous sentence: "C'est ce qu'indique X"."""
    if s.opener_end is None:
        return None
    if cue.kind == "passive":
        return _anaphoric_passive(s, cue, s.opener_end)
    if cue.kind == "prep":
        return _anaphoric_prep(s, cue, s.opener_end)
    if cue.kind in VERBS:
        return _anaphoric_verb(s, cue, s.opener_end)
    return None


def _anaphoric_passive(s: Context, cue: Cue, opener_end: int) -> Found | Stop | None:
    """The opener holds the auxiliary: "That was reported by Reuters."."""
    if cue.start >= opener_end:
        return None
    return s.agent(cue, "anaphoric", s.previous or NO_SPAN, anaphoric=True) or STOP


def _anaphoric_prep(s: Context, cue: Cue, opener_end: int) -> Found | Stop | None:
    """The preposition right after the opener: "That is according to Reuters."."""
    if cue.start != opener_end:
        return None
    np = _prep_source(s, cue)
    if np is None:
        return STOP
    _, src, kind = np
    content = s.previous or NO_SPAN
    return s.found(cue, "anaphoric", (s.lo, src[1]), src, kind, content, anaphoric=True)


def _anaphoric_verb(s: Context, cue: Cue, opener_end: int) -> Found | Stop | None:
    """The source after the verb ("C'est ce qu'indique X") or before it ("That is what
    officials said")."""
    if cue.start < opener_end:
        return None
    content = s.previous or NO_SPAN
    if cue.start == opener_end:
        f = s.source_after(cue, "anaphoric", content)
    else:
        floor = s.tk.index_from(opener_end)
        i, j, _ = np_before(s.tk, cue.lead, s.lex.sources, floor=floor)
        kind = s.kind(i, j) if i == floor else None
        f = None
        if kind is not None:
            src = s.source_span(i, j)
            f = s.found(cue, "anaphoric", (s.lo, cue.end), src, kind, content)
    return attrs.evolve(f, start=s.lo, anaphoric=True) if f is not None else None


def _prep_source(s: Context, cue: Cue) -> tuple[int, tuple[int, int], SourceKind] | None:
    """The source after a preposition: its last token + 1, span and kind."""
    tk, lex, b = s.tk, s.lex, cue.b
    if b < len(tk) and tk.keys[b] in lex.prep_blocked:
        return None
    # After "according to" any noun phrase is a source ("according to a new poll"), and a
    # cue form in it is a noun ("according to its FEC reports"); a cue naming the reporter
    # ends it ("according to an official quoted by Politico": Politico reports).
    i, j = np_after(tk, b, lex.sources, s.reporters)
    kind = s.kind(i, j, open_subject=cue.entry.open_subject)
    if kind is None:
        return None
    return j, s.source_span(i, j), kind  # its span drops a closing participle ("released")


def _prep_content(s: Context, cue: Cue, j: int) -> Span:
    """ "Selon X, <content>" / "<content>, selon X." / the whole sentence otherwise; a
    reporter after the source ("selon un diplomate cité par l'AFP") is read past, and a
    reporter's content is that of the source it quotes."""
    tk = s.tk
    n = len(tk)
    if cue.entry.cites == "reporting" and s.done:
        last = s.done[-1]  # "..., according to an official quoted by Politico"
        if last.source_end <= cue.start and last.content_start is not None:
            assert last.content_end is not None
            return last.content_start, last.content_end
    if j < n and tk.starts[j] in s.reporters:
        j = next((t for t in range(j + 1, n) if "," in tk.gap(t)), n)
    if cue.c == 0 and not tk.gap(0).strip():
        after = time_after(s.tk, j, s.lex.sources, clause=s.lex.complementizers) if j < n else j
        if j < after and (after == n or tk.gap(after).strip() == ","):
            j = after  # "Selon un rapport publié lundi, ...": the time is no content
        if j < n and tk.keys[j] in s.lex.sources.relatives:
            # "Selon l'AFP, qui cite le ministère, ...": the content follows the relative
            k = next((t for t in range(j + 1, n) if tk.gap(t).strip() == ","), n)
            return trim(s.text, tk.starts[k] if k < n else s.hi, s.hi)
        return trim(s.text, tk.ends[j - 1], s.hi)
    if cue.entry.cites == "source" and j < n:
        return NO_SPAN  # "Reuters, citing two officials, reported ...": the reporter's content
    timed = j < n and time_after(tk, j, s.lex.sources, clause=s.lex.complementizers) == n
    if j < n and (timed or _origin_to_end(s, j)):
        j = n  # "..., according to a report released on Monday.", "selon l'AFP de source sûre."
    if j == n and not tk.gap(n).strip(END_PUNCT):
        return trim(s.text, s.lo, cue.start)
    return trim(s.text, s.lo, s.hi)


@CONSTRUCTIONS.rule("passive")
def _passive(s: Context, cue: Cue) -> Found | Stop | None:
    """Passive with an agent, or none: "a été confirmé par l'armée", "is believed to"; not of
    a lemma of ``auxiliaries.passive_none`` ("is intended to limit")."""
    if cue.kind != "passive":
        return None
    if cue.entry.lemma in s.lex.passive_none:
        return STOP
    return s.agent(cue, "passive", trim(s.text, s.lo, s.hi), anaphoric=False) or STOP


@CONSTRUCTIONS.rule("reduced_passive")
def _reduced_passive(s: Context, cue: Cue) -> Found | Stop | None:
    """A past participle with no auxiliary right before its agent naming a source, opening
    the sentence, a clause or an incise: "he said when asked by a reporter", "Asked by the
    BBC, the minister ...", "The bill, backed by Republicans, ..." (reports ``passive``);
    "said by email" (a document) and "responded by sidestepping X" (a gerund) name no
    agent, "decisions opposed by Israel" is a noun phrase."""
    tk, b, lex = s.tk, cue.b, s.lex
    if cue.kind != "finite" or b + 1 >= len(tk) or tk.boundary(b) or tk.boundary(b + 1):
        return None
    if (
        tk.keys[b] not in lex.passive_agent
        or key(s.text[cue.start : cue.end]) not in lex.participles
    ):
        return None
    k = cue.lead  # no noun before it: "decisions opposed by Israel" is a noun phrase
    if not (k == 0 or "," in tk.gap(k) or tk.keys[k - 1] in lex.sources.clause_words):
        return None
    word = tk.words[b + 1]
    if word.islower() and lex.participle_endings and word.endswith(lex.participle_endings):
        return None
    i, j = np_after(tk, b + 1, lex.sources, s.cue_starts)
    if document_kind(tk, i, j, lex.sources) is not None:
        return None
    # the content follows the agent ("asked by reporters whether ..."), if anything does,
    # up to the comma closing an opening participle clause ("Asked by X whether ..., Y")
    content = s.rest(j) if j < len(tk) and not tk.boundary(j) else NO_SPAN
    comma = next((t for t in range(j + 1, len(tk)) if "," in tk.gap(t)), None) if k == 0 else None
    if comma is not None and content != NO_SPAN:
        content = trim(s.text, tk.starts[j], tk.ends[comma - 1])
    return s.agent(cue, "passive", content, anaphoric=False)


@CONSTRUCTIONS.rule("citing")
def _citing(s: Context, cue: Cue) -> Found | Stop | None:
    """A citing preposition after a comma or an opener, its object naming no source: the
    subject of the clause cites it as its grounds ("X rejected the plan, citing its cost",
    "..., often citing trust", "by citing his record";
    "en invoquant des raisons de sécurité"); "Reuters, citing two officials" is ``prep``."""
    if cue.kind != "prep" or cue.entry.cites != "source":
        return None
    tk, k, lex = s.tk, cue.c, s.lex
    while (
        k > 0 and not tk.boundary(k) and is_adverb(tk.keys[k - 1], lex.adverbs, lex.adverb_endings)
    ):
        k -= 1  # ", often citing"
    opened = k > 0 and not tk.boundary(k) and tk.keys[k - 1] in lex.participle_openers
    if k == 0 or not (opened or "," in tk.gap(k)):
        return None
    i, j = np_after(tk, cue.b, lex.sources, s.reporters)
    # "citing his record": a possessive opens a thing, not a source; so does a lower-case
    # phrase of kind other naming no document ("citing a more progressive platform")
    if j <= i or (tk.keys[i] not in lex.possessives and not _grounds(s, i, j)):
        return None
    sub = find_clause_subject(s, cue)
    if sub is None:
        return STOP
    cue.subject = sub
    return s.by_subject(cue, "citing", s.rest(cue.b))


def _origin_to_end(s: Context, j: int) -> bool:
    """True when an origin phrase (``noun_phrase.origins``: "de source sûre") opens at token
    ``j`` and runs to the end of the sentence with no punctuation."""
    tk = s.tk
    n = len(tk)
    if j + 1 >= n or (tk.keys[j], tk.keys[j + 1]) not in s.lex.sources.origins:
        return False
    return not any(tk.boundary(t) for t in range(j + 1, n))


@CONSTRUCTIONS.rule("prep")
def _prep(s: Context, cue: Cue) -> Found | Stop | None:
    """A preposition then the source: "Selon X, ...", "..., according to X."."""
    if cue.kind != "prep":
        return None
    np = _prep_source(s, cue)
    if np is None:
        return STOP
    j, src, kind = np
    if j < len(s.tk):  # "Pour le Kremlin lundi, ..."
        j = time_after(s.tk, j, s.lex.sources, clause=s.lex.complementizers)
    if cue.entry.initial and (j >= len(s.tk) or not s.tk.gap(j).strip().startswith(",")):
        return STOP  # "Pour le Kremlin, ...", not "pour la paix"
    return s.found(cue, "prep", (cue.start, src[1]), src, kind, _prep_content(s, cue, j))


@CONSTRUCTIONS.rule("view")
def _view(s: Context, cue: Cue) -> Found | Stop | None:
    """A word of view after a possessive, opened by a preposition: "In Moscow's view, ...",
    "in his view", "à ses yeux" (the possessor is the source)."""
    if cue.kind != "view":
        return None
    tk, c, lex = s.tk, cue.c, s.lex
    owner = _possessor(s, c)
    if owner is None:
        return STOP
    i, j = owner
    if i == 0 or tk.keys[i - 1] not in lex.view_openers or tk.boundary(i):
        return STOP
    opener = i - 1
    if opener > 0 and not tk.boundary(opener):
        return STOP
    kind = SourceKind.OTHER if j - i == 1 and tk.keys[i] in lex.possessives else s.kind(i, j)
    if kind is None:
        return STOP
    b = cue.b
    if b < len(tk) and tk.gap(b).strip().startswith(","):
        content = trim(s.text, tk.starts[b], s.hi)
    else:
        content = trim(s.text, s.lo, tk.starts[opener])
    src = s.source_span(i, j) if kind is not SourceKind.OTHER or j - i > 1 else s.span_of(i, j)
    return s.found(cue, "view", (tk.starts[opener], cue.end), src, kind, content)


def _possessor(s: Context, c: int) -> tuple[int, int] | None:
    """The tokens owning the noun at token ``c``: a possessive determiner ("his", "sa") or a
    noun phrase with a possessive ending ("Moscow's", "the rebels'")."""
    tk, lex = s.tk, s.lex
    if c > 0 and tk.keys[c - 1] in lex.possessives and not tk.boundary(c):
        return c - 1, c
    if c > 1 and tk.keys[c - 1] == "s" and tk.gap(c - 1).strip() in ("'", "\u2019"):
        i, j, _ = np_before(tk, c - 1, lex.sources)
    elif c > 0 and tk.gap(c).strip() in ("'", "\u2019") and tk.keys[c - 1].endswith("s"):
        i, j, _ = np_before(tk, c, lex.sources, cross=True)
    else:
        return None
    while i < j and tk.keys[i] in lex.sources.links:
        i += 1  # "In Moscow's view": the opener is no part of the possessor
    return (i, j) if j > i else None


@CONSTRUCTIONS.rule("nominal")
def _nominal(s: Context, cue: Cue) -> Found | Stop | None:
    """A nominal cue, its source the possessor before it ("his promise to", "Trump's claim
    that", "sa promesse de") or the agent after it ("the announcement by the ministry")."""
    if cue.kind != "noun":
        return None
    tk, c, b, lex = s.tk, cue.c, cue.b, s.lex
    owner = _possessor(s, c)
    if owner is not None:
        i, j = _after_verb(s, *_after_preposition(s, *owner))
        pronoun = j - i == 1 and tk.keys[i] in lex.possessives
        kind = SourceKind.OTHER if pronoun else s.kind(i, j)
        content = _subject_end(s, i, _noun_complement(s, b))
        if kind is None or content is None:
            return STOP
        src = s.span_of(i, j) if pronoun else s.source_span(i, j)
        return s.found(cue, "nominal", (tk.starts[i], cue.end), src, kind, content)
    if b < len(tk) and tk.keys[b] in lex.noun_agents and not tk.boundary(b):
        i, j = _agent(s, b + 1)
        kind = s.kind(i, j)
        if kind is None:
            return STOP
        src = s.source_span(i, j)
        content = _subject_end(s, c - 1, _noun_complement(s, j, agent=True))
        if content is None:
            return STOP  # "the announcement by the ministry that ..."
        return s.found(cue, "nominal", (cue.start, src[1]), src, kind, content)
    return STOP


def _after_preposition(s: Context, i: int, j: int) -> tuple[int, int]:
    """A possessor read back from a nominal cue starts after its last preposition (a link,
    stop or `clauses.not_objects` word that is no connector such as "and"): "as a result of
    Turkey's refusal" gives "Turkey", "over Hungary's opposition" "Hungary"; not after a link
    following a role term ("the head of the agency's refusal": the head's)."""
    tk, src = s.tk, s.lex.sources
    marks = s.lex.possessor_marks  # "of", "at", "over", "against"...
    cut = next((t for t in range(j - 2, i - 1, -1) if tk.keys[t] in marks), None)
    if cut is None or tk.keys[cut] in src.connectors or cut == i:
        return i, j
    if tk.keys[cut] in src.links and s.kind(i, cut) not in (None, SourceKind.OTHER):
        return i, j
    return cut + 1, j


def _after_verb(s: Context, i: int, j: int) -> tuple[int, int]:
    """A possessor read back from a nominal cue starts at its name when a lower-case word
    naming no source, no name grammar, comes right before the name (the verb of the clause:
    "The talks reflected Scholz's refusal" gives "Scholz"; "the foreign minister Annalena
    Baerbock's", "Russia's foreign ministry's" are kept whole)."""
    tk, grammar = s.tk, s.lex.name_grammar
    for t in range(j - 1, i, -1):
        word = tk.words[t - 1]
        if (
            tk.words[t][:1].isupper()
            and word.islower()
            and tk.keys[t - 1] not in grammar
            and s.kind(t - 1, t) is None
        ):
            return t, j
    return i, j


def _agent(s: Context, b: int) -> tuple[int, int]:
    """The agent of a nominal cue from token ``b``, without the complement it swallowed:
    "l'annonce par Washington de nouvelles sanctions" gives "Washington"."""
    tk, lex = s.tk, s.lex
    i, j = np_after(tk, b, lex.sources, s.cue_starts)
    if _noun_complement(s, j, agent=True) is not None:
        return i, j
    for t in range(j - 2, i, -1):
        if tk.keys[t] in lex.infinitive_markers and tk.words[t + 1].islower() and s.kind(i, t):
            return i, t
    return i, j


def _subject_end(s: Context, first: int, content: Span | None) -> Span | None:
    """The content of a nominal cue whose phrase opens the sentence at token ``first``: it
    ends before the main verb (:func:`_ends_content`: "Sa promesse de baisser les impôts n'a
    pas été tenue" gives "baisser les impôts"); a clause ("that ...") keeps its own verb."""
    tk = s.tk
    if content is None or content[0] is None or first > 0:
        return content
    c = tk.index_from(content[0])
    if c > 0 and tk.keys[c - 1] in s.lex.complementizers:
        return content
    k = next((t for t in range(c + 1, len(tk)) if _ends_content(s, t)), None)
    return content if k is None else trim(s.text, content[0], tk.starts[k])


def _ends_content(s: Context, t: int) -> bool:
    """True when token ``t`` is the main verb after a sentence-opening nominal cue: one of
    ``nouns.ends``, or a lower-case word with an ending of ``nouns.end_endings``, no
    determiner before it nor preposition after it ("angered Kyiv", not "a detailed plan",
    "built in Germany")."""
    tk, lex = s.tk, s.lex
    if tk.boundary(t):
        return False
    word = tk.keys[t]
    if word in lex.noun_ends:
        return True
    return (
        tk.words[t].islower()
        and any(len(word) > len(e) + 2 and word.endswith(e) for e in lex.noun_end_endings)
        and tk.keys[t - 1] not in lex.sources.determiners
        and (t + 1 >= len(tk) or tk.keys[t + 1] not in lex.not_objects)
    )


def _noun_complement(s: Context, b: int, *, agent: bool = False) -> Span | None:
    """The clause or infinitive after a nominal cue ("that ...", "to ...", "de ..."), or
    what a preposition opens ("call for a ceasefire"); after an ``agent`` a marker opens a
    noun phrase too ("l'annonce par Washington de nouvelles sanctions"); ``None`` without
    one."""
    tk, lex = s.tk, s.lex
    if b >= len(tk) or tk.boundary(b):
        return None
    word = tk.keys[b]
    if word in lex.complementizers or word in lex.not_objects:
        return s.rest(b + 1)
    marked = word in lex.infinitive_markers and b + 1 < len(tk)
    if marked and (agent or not lex.infinitive_endings or _infinitive(s, b + 1)):
        return s.rest(b + 1)
    return None


@CONSTRUCTIONS.rule("colon")
def _colon(s: Context, cue: Cue) -> Found | Stop | None:
    """A speaker opening the sentence (or a dash-led part of it, before a quotation), then
    a colon: the speaker of what follows ("PENCE: Well, ...", "Zelensky : « Nous
    tiendrons »", "Clinton camp: ...", "Report: ...", "Clinton to Planned Parenthood: ...",
    "TURNOUT UP - Michael McDonald: “...”"). Without a quotation after the colon the phrase
    must read as a speaker (:func:`_speaker`); a label of `colon.labels` never does."""
    if cue.kind != "colon":
        return None
    tk = s.tk
    c = tk.index_from(cue.start)
    gap = s.text[cue.end : tk.starts[c]] if c < len(tk) else ""
    quoted = s.quoted_after(cue.end, gap)
    first = _dash_start(s, c) if quoted is not None else 0
    longest = s.lex.sources.max_words // (1 if quoted is not None else 2)
    if c <= first or c - first > longest:
        return STOP
    found = _colon_speaker(s, first, c)
    if found is None:
        return STOP
    i, j = found
    if quoted is None and (not _speaker(s, i, j) or _name_list(s, c)):
        return STOP  # "Correction: ...", "Follow him on Twitter: ...": a label; "Iowa: A, B, C"
    content = quoted or s.rest(c)
    if not _has_letter(s.text, content):
        return STOP  # "Clinton: 547.", "Online:": a tally or a heading, nothing said
    kind = s.kind(i, j) or SourceKind.OTHER
    return s.found(cue, "colon", (tk.starts[first], cue.end), s.source_span(i, j), kind, content)


def _dash_start(s: Context, c: int) -> int:
    """The first token after the last dash set off by spaces before token ``c`` ("TURNOUT
    UP - Michael McDonald: “...”"), else 0 (the sentence start)."""
    tk = s.tk
    for t in range(c - 1, 0, -1):
        gap = tk.gap(t)
        if gap.strip() in _DASHES and gap[:1].isspace():
            return t
    return 0


#: Dashes that set a speaker's name off from a heading before it.
_DASHES = frozenset({"-", "--", "–", "—"})


def _colon_speaker(s: Context, first: int, c: int) -> tuple[int, int] | None:
    """The tokens naming the speaker before the colon at token ``c``: the noun phrase
    from token ``first``, in the article's first sentence (its title) cut before a
    headline's addressee or topic (`colon.topics`: "Clinton to Planned Parenthood", "CNN
    President On Trump"; in the body, "Success on Signature Issue:" is a section's
    heading), else ``None``."""
    tk = s.tk
    for k in range(first + 1, c if s.previous is None else first):
        if tk.keys[k] in s.lex.colon_topics and not tk.boundary(k):
            if _speaker_name(s, first, k):
                return first, k
            break
    i, j, _ = np_before(tk, c, s.lex.sources, cross=True, floor=first)
    # a source noun phrase, no other cue in it but its first word ("Report:")
    cues = s.cue_starts - {tk.starts[i]} if j > i else s.cue_starts
    if i != first or j != c or valid_np(tk, i, j, s.lex.sources, cues) is None:
        return None
    if not tk.words[j - 1][:1].isupper() and not _head_source(s, i, j):
        return None
    return i, j


def _head_source(s: Context, i: int, j: int) -> bool:
    """True when the head of tokens ``i:j`` (the last word, or the first after the
    determiners where heads come first: ``head_first``) is a lower-case noun naming a source
    or a document by itself, with no link word in the phrase ("Clinton camp", "WSJ
    editorial", "le camp Zelensky"; not "Frustration with police", "Among them"). A cue
    word counts as a noun here ("report")."""
    tk, src = s.tk, s.lex.sources
    h = j - 1
    if src.head_first:
        h = next((k for k in range(i, j) if tk.keys[k] not in src.determiners), h)
    if not tk.words[h].islower() or tk.keys[h] in src.pronouns:
        return False
    if any(tk.keys[k] in src.links for k in range(i, j)):
        return False
    if valid_np(tk, h, h + 1, src, frozenset()) is not None:
        return True
    doc = document_words(tk, i, j, src)
    return doc is not None and doc[1] <= h < doc[2]


#: At least this many comma-separated names make a list after a colon.
_LIST_ITEMS = 3


def _name_list(s: Context, c: int) -> bool:
    """True when the tokens from ``c`` to the end are a list of names: at least three parts
    between commas, every word capitalised or a coordinator ("Iowa: Tim Albrecht, Brad
    Anderson, Rob Barron"): a heading, nothing said."""
    tk, parts = s.tk, 1
    for t in range(c, len(tk)):
        if t > c and "," in tk.gap(t):
            parts += 1
        elif t > c and tk.boundary(t):
            return False
        if not tk.words[t][:1].isupper() and tk.keys[t] not in s.lex.coordinators:
            return False
    return parts >= _LIST_ITEMS


def _has_letter(text: str, span: Span) -> bool:
    """True when the span is set and holds a letter."""
    a, b = span
    return a is not None and b is not None and any(ch.isalpha() for ch in text[a:b])


def _speaker(s: Context, i: int, j: int) -> bool:
    """True when tokens ``i:j`` before a colon with no quotation read as its speaker: a
    name (:func:`_speaker_name`) or, no label, a phrase whose head names a source or a
    document ("Clinton camp", "Poll", "Insiders")."""
    return _speaker_name(s, i, j) or (not _label(s, i, j) and _head_source(s, i, j))


def _speaker_name(s: Context, i: int, j: int) -> bool:
    """True when tokens ``i:j`` read as a speaker's name: every word capitalised, the first no
    determiner, the whole no label (`colon.labels`): "Pat Caddell", not "The Latest"."""
    tk = s.tk
    if tk.keys[i] in s.lex.sources.determiners:
        return False
    if any(not tk.words[k][:1].isupper() for k in range(i, j)):
        return False
    return not _label(s, i, j)


def _label(s: Context, i: int, j: int) -> bool:
    """True when tokens ``i:j`` are a label of `colon.labels`, alone or after a possessive
    ("Editor's note", "Tuesday's Morning Email")."""
    tk = s.tk
    phrase = s.text[tk.starts[i] : tk.ends[j - 1]].casefold()
    return phrase in s.lex.colon_labels or phrase.rpartition("'s ")[2] in s.lex.colon_labels


@CONSTRUCTIONS.rule("reduced_relative")
def _reduced_relative(s: Context, cue: Cue) -> Found | Stop | None:
    """A gerund of a class read as a reduced relative (``participles.relatives``) right
    after a noun phrase that names a source, no comma nor opener between: the noun phrase
    is the source, "pastors supporting Mr. Cruz", "a super PAC backing her", "un sondage
    montrant que"; not "forces supporting the offensive" (no source), nor after a document an
    issuing verb takes (rule ``issued``)."""
    lex = s.lex
    if cue.kind != "gerund" or cue.entry.cue_class not in lex.relative_classes:
        return None
    tk, k = s.tk, cue.lead
    if k != cue.c or tk.keys[k - 1] in lex.participle_openers:
        return None
    if not relative_head(tk, k, lex.sources, lex.relative_heads, document=not cue.entry.people):
        return None
    if issuing_verb(tk, k, lex.sources, lex.issuing, lex.issuing_recipients) is not None:
        return None  # "released a video showing": the rule ``issued`` reads it
    i, j, stop = np_before(tk, k, lex.sources)
    # the phrase after its last preposition: "the head of the super PAC backing X"
    cut = [t + 1 for t in range(i, j - 1) if tk.keys[t] in lex.sources.links | lex.sources.stops]
    i = max([i, *cut])
    kind = s.kind(i, j) or (SourceKind.OTHER if j - i == 1 else None)
    content = _complement(s, cue)
    if kind is None or content is None or kind.value in lex.relative_not_kinds:
        return None  # "Troops backing the convoy": armed support, no stance
    b = cue.after
    if content[0] == tk.starts[b] and tk.keys[b] not in lex.infinitive_markers:
        # an object: its noun phrase, up to the main clause's auxiliary ("... have met")
        end = np_after(tk, b, lex.sources, s.cue_starts)[1]
        end = next((t for t in range(b + 1, end) if tk.keys[t] in lex.bare_finite), end)
        content = trim(s.text, tk.starts[b], tk.ends[max(b, end - 1)])
    span = s.source_span(i, j)
    cue.subject = Subject(i, j, stop, kind, span, (span[0], cue.end))
    return s.by_subject(cue, "reduced_relative", content)


@CONSTRUCTIONS.rule("issued")
def _issued(s: Context, cue: Cue) -> Found | Stop | None:
    """A gerund after a document its source issued, the subject of the issuing verb:
    "The ministry issued a statement saying ...", "X a publié un communiqué affirmant que";
    not with an evidence verb, whose subject is the document ("released a video showing")."""
    if cue.kind != "gerund":
        return None
    if not cue.entry.people:
        return STOP
    tk = s.tk
    v = issuing_verb(tk, cue.c, s.lex.sources, s.lex.issuing, s.lex.issuing_recipients)
    if v is None:
        return None
    lex = s.lex
    while (
        v > 0
        and not tk.boundary(v)
        and (
            tk.keys[v - 1] in lex.active_auxiliaries
            or is_adverb(tk.keys[v - 1], lex.adverbs, lex.before_verb_endings)
        )
    ):
        v -= 1  # "has also issued", "a publié"
    sub = find_subject(s, attrs.evolve(cue, c=v, lead=v, first=tk.starts[v]))
    content = _complement(s, cue)
    if sub is None or content is None:
        return STOP
    cue.subject = sub
    return s.by_subject(cue, "issued", content)


@CONSTRUCTIONS.rule("participial")
def _participial(s: Context, cue: Cue) -> Found | Stop | None:
    """A gerund after a comma or an opener, its source the subject of the clause it hangs on:
    "X attacked Y, saying ...", "..., ajoutant que ...", "by saying", "en affirmant que"; so is
    an infinitive after an infinitive opener and a comma ("..., avant d'ajouter que")."""
    tk, k = s.tk, cue.lead
    if cue.kind == "infinitive" and tuple(tk.keys[k : cue.c]) in s.lex.infinitive_openers:
        k = cue.lead if "," in tk.gap(k) else 0  # an opener after no comma: none
    elif cue.kind != "gerund":
        return None
    opened = k > 0 and not tk.boundary(k) and tk.keys[k - 1] in s.lex.participle_openers
    if k == 0 or not (opened or "," in tk.gap(k)):
        return STOP
    sub = find_clause_subject(s, cue)
    if sub is None:
        return STOP
    cue.subject = sub
    content = _complement(s, cue)
    if content is None:
        return STOP
    return s.by_subject(cue, "participial", content)


def _complement(s: Context, cue: Cue) -> Span | None:
    """What follows a verb with no subject before it: a clause, a quotation, an infinitive
    or an object, as its entry allows (``None`` when nothing it takes follows)."""
    tk, b, entry = s.tk, cue.after, cue.entry
    if b >= len(tk):
        return None
    left = tk.ends[b - 1] if b > cue.b else cue.end  # after the one told: "telling X, '...'"
    quoted = s.quoted_after(left, s.text[left : tk.starts[b]])
    if quoted is not None and entry.takes("clause"):
        return quoted
    k = s.complementizer(cue)
    if k is not None and entry.takes("clause"):
        return s.rest(k + 1)
    if tk.boundary(b):
        return None
    infinitive = tk.keys[b] in s.lex.infinitive_markers and entry.takes("infinitive")
    if infinitive and b > cue.b:
        return s.rest(b + 1)  # after the one told: "telling voters to stay home"
    if tk.keys[b] in s.lex.not_objects:
        return None
    if infinitive:
        return s.rest(b + 1)
    if entry.takes("object") or (entry.takes("clause") and entry.open_subject):
        return s.rest(b)
    return None


@CONSTRUCTIONS.rule("quote")
def _quote(s: Context, cue: Cue) -> Found | Stop | None:
    """A verb right after a closing quotation mark, its source after it: '"...," said X'."""
    if cue.kind not in VERBS or not s.after_punctuation(cue) or not cue.entry.takes("clause"):
        return None
    _, close = s.gap_before(cue.lead, cue.first)
    if close is None:
        return None
    return s.source_after(cue, "quote", s.quoted_before(close))


@CONSTRUCTIONS.rule("inverted")
def _inverted(s: Context, cue: Cue) -> Found | Stop | None:
    """A verb right after other punctuation, its source after it: "..., a indiqué la Finul",
    "..., comme l'a indiqué le ministère"."""
    if cue.kind not in VERBS or not cue.entry.takes("clause"):
        return None
    lead = _comparative(s, cue)
    if lead == cue.lead and not s.after_punctuation(cue):
        return None
    start, close = s.gap_before(lead, s.tk.starts[lead] if lead < cue.lead else cue.first)
    if lead == 0 and lead < cue.lead:
        return _comparative_first(s, cue)
    if close is not None or "," not in s.tk.gap(lead):
        return None
    if lead == 0:
        return STOP
    sub = find_subject(s, cue) if cue.pronoun is None else None
    if sub is not None and (sub.role is not None or sub.parts > 1):
        return None  # "Mark Spivey, a spokesman for X, said": the subject is before
    return _run_on(s, s.source_after(cue, "inverted", _unquoted(s, trim(s.text, s.lo, start))))


def _run_on(s: Context, found: Found | None) -> Found | None:
    """An incise mid-clause: the content before it runs on past it, from the comma after
    the source to the end of the clause or quotation ("La guerre, a-t-il estimé, va durer",
    "« Nous allons, a-t-il dit, continuer »"); not into a relative clause on the source
    ("..., a dit le ministre, qui ...") nor into another attribution. Only where the language
    reads incises so (``clauses.incise_run_on``)."""
    if not s.lex.incise_run_on or found is None or found.content_end is None:
        return found
    tk = s.tk
    j = tk.index_from(found.end)
    if j >= len(tk) or tk.gap(j).strip() != "," or found.content_end > found.cue_start:
        return found
    if tk.keys[j] in s.lex.sources.relatives or tk.starts[j] in s.cue_starts:
        return found
    _, end = s.rest(j)
    if end is None or any(found.end < c <= tk.starts[j] for c in s.cuts):
        return found
    return attrs.evolve(found, content_end=end)


def _unquoted(s: Context, content: Span) -> Span:
    """A content without the opening quotation mark it starts with, the cue an incise inside
    the quotation ("« Nous allons, a-t-il dit, continuer »" gives "Nous allons")."""
    a, b = content
    if a is None or b is None or s.text[a] not in s.lex.quotes.values():
        return content
    return trim(s.text, a + 1, b)


def _comparative(s: Context, cue: Cue) -> int:
    """The token opening "comme l'" before a verb after a comma (``clauses.comparatives`` and
    a clitic), else the verb's own first token."""
    tk, k = s.tk, cue.lead
    if k > 0 and tk.keys[k - 1] in s.lex.sources.clitics and not tk.boundary(k):
        k -= 1
    if k > 0 and tk.keys[k - 1] in s.lex.comparatives and not tk.boundary(k):
        return k - 1
    return cue.lead


def _comparative_first(s: Context, cue: Cue) -> Found | Stop:
    """ "Comme l'a indiqué le ministère, le pont est coupé": the content follows the source's
    comma."""
    tk = s.tk
    start = cue.after if cue.after > cue.b else tk.index_from(cue.end)
    _, j = np_after(tk, start, s.lex.sources, s.cue_starts)
    if j >= len(tk) or "," not in tk.gap(j):
        return STOP
    return s.source_after(cue, "inverted", s.rest(j)) or STOP


@CONSTRUCTIONS.rule("subject")
def _subject(s: Context, cue: Cue) -> Found | Stop | None:
    """Any other verb needs a subject before it that can name a source: none without; nor
    does a verb with its subject pronoun inverted that no rule above read, a question ("A-t-il
    dit que ... ?", "Pourquoi a-t-il démenti ?", "Le ministre a-t-il confirmé ... ?")."""
    if cue.kind not in VERBS:
        return None
    if cue.pronoun is not None:
        return STOP
    cue.subject = find_subject(s, cue)
    return STOP if cue.subject is None else None


@CONSTRUCTIONS.rule("citation")
def _citation(s: Context, cue: Cue) -> Found | Stop | None:
    """A verb whose object is a source its subject cites ("l'AFP, qui cite le ministère",
    "Reuters cited two officials"): the object is the source, the subject its reporter; a
    document object is the subject's grounds ("She cited satellite images": ``verb_obj``)."""
    sub = cue.subject
    if sub is None or cue.entry.cites != "source":
        return None
    tk = s.tk
    i, j = np_after(tk, cue.after, s.lex.sources, s.cue_starts)
    kind = s.kind(i, j)
    if kind is None:
        return None  # "a cité le nom des victimes": the object names no source
    if document_kind(tk, i, j, s.lex.sources) is not None:
        return None  # "She cited satellite images": the subject's grounds, read as an object
    k = j
    saying = k + 1 < len(tk) and tk.starts[k + 1] in s.cue_starts and not tk.boundary(k + 1)
    if not saying and _cited_grounds(s, cue, i, j, kind):
        return None  # "cited Alphabet as the likely buyer", "cites them": the subject's
    src = s.source_span(i, j)
    if saying:
        k += 2  # "cited two officials as saying ...": the content after the cited one's cue
    content = s.rest(k) if k < len(tk) and not tk.boundary(k) else NO_SPAN
    return s.found(
        cue, "citation", (tk.starts[i] if i < cue.c else cue.first, src[1]), src, kind,
        content, reporter=sub.resolved or sub.src,
    )  # fmt: skip


def _grounds(s: Context, i: int, j: int) -> bool:
    """True when the phrase ``i:j`` after a citing word names no cited source: no source at
    all, or a lower-case phrase of kind ``other`` naming no document ("a more progressive
    platform", "the campaign"; not "two officials", "a poll", "the ministry")."""
    kind = s.kind(i, j)
    if kind is None:
        return True
    lower = kind is SourceKind.OTHER and s.tk.words[i].islower()
    return lower and document_kind(s.tk, i, j, s.lex.sources) is None


def _cited_grounds(s: Context, cue: Cue, i: int, j: int, kind: SourceKind) -> bool:
    """True when the object ``i:j`` of a citing verb is the subject's grounds, no cited
    source: a pronoun ("cites them as evidence"), an object its frame word follows ("cited
    Alphabet as the likely buyer": ``frame``) or a lower-case one of kind ``other`` ("cited
    trade reform", "cited the campaign"); "cited two officials", "cited the ministry", "cited
    John Smith" stay cited sources."""
    tk = s.tk
    if j - i == 1 and tk.keys[i] in s.lex.sources.pronouns:
        return True
    return cue.framed or (kind is SourceKind.OTHER and _grounds(s, i, j))


@CONSTRUCTIONS.rule("quote_after")
def _quote_after(s: Context, cue: Cue) -> Found | Stop | None:
    """Subject, verb, then a quotation or a colon: "X a déclaré : « ... »" (``quote``)."""
    sub = cue.subject
    if sub is None or not cue.entry.takes("clause"):
        return None
    tk, b = s.tk, cue.after
    left = tk.ends[b - 1] if b > cue.b else cue.end
    gap = s.text[left : tk.starts[b]] if b < len(tk) else s.text[left : s.hi]
    quoted = s.quoted_after(left, gap)
    if quoted is None:
        return None
    return s.by_subject(cue, "quote", quoted)


@CONSTRUCTIONS.rule("quoted_object")
def _quoted_object(s: Context, cue: Cue) -> Found | Stop | None:
    """Subject, a verb taking an object but no clause, then a quotation opening its object:
    'one which historian X calls "a foundation of our culture"', 'what X called "the
    beginning"', 'who he dubbed "the little senator"', 'X cited "failed" policies' (reports
    ``verb_obj``; the quotation opens the object, it is no clause). A quotation opening with a
    capital is a name ('a show called "Brokers"'): none."""
    sub = cue.subject
    tk, b = s.tk, cue.after
    if sub is None or b >= len(tk) or cue.entry.takes("clause") or not cue.entry.takes("object"):
        return None
    left = tk.ends[b - 1] if b > cue.b else cue.end
    gap = s.text[left : tk.starts[b]]
    mark = gap.strip()  # a quotation mark alone, no comma nor colon (typewriter ones rewritten)
    if mark not in s.lex.quotes.values():
        return None
    if not tk.words[b].islower():
        return None  # 'a show called "Brokers"': a name, no label
    return s.by_subject(cue, "verb_obj", s.rest(b))


@CONSTRUCTIONS.rule("frame")
def _frame(s: Context, cue: Cue) -> Found | Stop | None:
    """A verb with its particle: "X présente sa position comme ...", "describes ... as".

    The cue is the verb alone ("présente"); the content starts after it.
    """
    sub = cue.subject
    if sub is None or not cue.framed:
        return None
    return s.by_subject(cue, "frame", s.rest(cue.b))  # up to a cut: "X, who ..., said"


@CONSTRUCTIONS.rule("verb_clause")
def _verb_clause(s: Context, cue: Cue) -> Found | Stop | None:
    """A complementizer soon after the verb: "X a déclaré (lundi) que ...", "X said that"."""
    sub = cue.subject
    if sub is None or not cue.entry.takes("clause"):
        return None
    k = s.complementizer(cue)
    return None if k is None else s.by_subject(cue, "verb_clause", s.rest(k + 1))


@CONSTRUCTIONS.rule("quote_end")
def _quote_end(s: Context, cue: Cue) -> Found | Stop | None:
    """Subject and verb after a quotation: '"...," officials said.' (``quote``)."""
    sub = cue.subject
    if sub is None or not s.at_end(cue, sub) or not cue.entry.takes("clause"):
        return None
    k = s.content_start(sub)
    _, close = s.gap_before(k, s.tk.starts[k])
    if close is None:
        return None
    return s.by_subject(cue, "quote", s.quoted_before(close))


@CONSTRUCTIONS.rule("inverted_end")
def _inverted_end(s: Context, cue: Cue) -> Found | Stop | None:
    """Subject and verb after their content: "..., officials said." (``inverted``); a verb
    form that is also a noun after a lower-case phrase naming no source is that phrase's
    noun ("... list of his anti-Latino remarks.", "..., averaging 5 percent across all states.")."""
    sub = cue.subject
    if sub is None or not s.at_end(cue, sub) or not cue.entry.takes("clause"):
        return None
    if _noun_at_end(s, cue, sub):
        return None
    k = s.content_start(sub)
    start, _ = s.gap_before(k, s.tk.starts[k])
    return _run_on(s, s.by_subject(cue, "inverted", trim(s.text, s.lo, start)))


def _noun_at_end(s: Context, cue: Cue, sub: Subject) -> bool:
    """True when ``cue`` is a finite form that is also a noun (``noun_readings.homographs``)
    and its subject, of no source kind, ends with a lower-case adjective (hyphenated or with
    an ending of ``noun_readings.adjective_endings``): "his anti-Muslim comments.", "the
    wealthiest state."; not "records show.", "many strategists think."."""
    tk, nouns = s.tk, s.lex.nouns
    if cue.kind != "finite" or tk.keys[cue.c] not in nouns.homographs:
        return False
    word = tk.words[sub.j - 1]
    head = word.split("-", 1)[0]  # "anti-Western": lower-case before its hyphen
    if sub.kind is not SourceKind.OTHER or not head.islower() or not head[:1].isalpha():
        return False
    return "-" in word or tk.keys[sub.j - 1].endswith(nouns.adjective_endings)


@CONSTRUCTIONS.rule("as_clause")
def _as_clause(s: Context, cue: Cue) -> Found | Stop | None:
    """An opener (`clauses.as_openers`) opening the sentence, then subject and verb, then a
    comma: the rest of the sentence is the content ("As the ministry noted, ...", "Comme le
    ministère l'a indiqué, ..."). Reports ``verb_clause``."""
    sub = cue.subject
    tk, b = s.tk, cue.after
    if sub is None or b >= len(tk) or tk.gap(b).strip() != "," or sub.i != 1:
        return None
    if tk.keys[0] not in s.lex.as_openers or not cue.entry.takes("clause"):
        return None
    return s.by_subject(cue, "verb_clause", s.rest(b))


@CONSTRUCTIONS.rule("verb")
def _verb(s: Context, cue: Cue) -> Found | Stop | None:
    """Subject and verb, nothing after: "The spokesman confirmed.", "L'armée, qui a démenti,"."""
    sub = cue.subject
    if sub is None or not (cue.after >= len(s.tk) or s.tk.boundary(cue.after)):
        return None
    if not cue.entry.takes("bare"):
        return STOP
    return s.by_subject(cue, "verb", NO_SPAN)


@CONSTRUCTIONS.rule("verb_inf")
def _verb_inf(s: Context, cue: Cue) -> Found | Stop | None:
    """An infinitive after the verb: "X a déclaré agir ...", "X claimed to have ..."."""
    sub = cue.subject
    tk, lex, b = s.tk, s.lex, cue.after
    if sub is None or b >= len(tk) or tk.boundary(b) or not cue.entry.takes("infinitive"):
        return None
    # "to" opens an infinitive; "de", "à" only before a word with an infinitive ending.
    marked = tk.keys[b] in lex.infinitive_markers and b + 1 < len(tk)
    # a verb follows the marker, no number ("declined to 3 percent", "declined to $40")
    marked = marked and tk.words[b + 1][:1].isalpha() and tk.words[b + 1].islower()
    if marked and (not lex.infinitive_endings or _infinitive(s, b + 1)):
        return s.by_subject(cue, "verb_inf", s.rest(b + 1))
    if _infinitive(s, b):
        return s.by_subject(cue, "verb_inf", s.rest(b))
    return None


def _infinitive(s: Context, k: int) -> bool:
    """True when token ``k`` has an infinitive ending (`infinitive_endings`) and is lower case."""
    lex, word = s.lex, s.tk.keys[k]
    return (
        bool(lex.infinitive_endings)
        and word.endswith(lex.infinitive_endings)
        and word not in lex.not_infinitives
        and s.tk.words[k].islower()
    )


@CONSTRUCTIONS.rule("verb_obj")
def _verb_obj(s: Context, cue: Cue) -> Found | Stop | None:
    """An object after the verb: "X a confirmé l'envoi ...", "X told Reuters the attack ..."."""
    sub = cue.subject
    tk, b = s.tk, cue.after  # "X told Reuters the attack failed": after the one told
    if sub is None or b >= len(tk) or not cue.entry.takes("object"):
        return None
    if tk.keys[b] in s.lex.sources.breakers or _not_object(s, b):
        return None  # "They believe in ...", "les Français approuvent a été publié"
    if cue.entry.object_source and not _names_source(s, sub):
        return None  # "Le budget prévoit 3 milliards": a text provides for it
    return s.by_subject(cue, "verb_obj", s.rest(b))


def _names_source(s: Context, sub: Subject) -> bool:
    """True when a subject names a source by itself (a name, a pronoun, a source term; not
    only through an open cue class), and no legal or written act (documents of kind
    ``document``: "le projet de loi", "the decree")."""
    if s.kind(sub.i, sub.j) is None:
        return False
    return document_kind(s.tk, sub.i, sub.j, s.lex.sources) is not DocumentKind.DOCUMENT


@CONSTRUCTIONS.rule("verb_bare_clause")
def _verb_bare_clause(s: Context, cue: Cue) -> Found | Stop | None:
    """A clause with no complementizer after a verb taking a clause but no object: "X hopes
    the talks will resume", "he added they had left" (``clauses.bare_*``; none in French,
    whose clauses open with "que"). Reports ``verb_clause``."""
    sub = cue.subject
    tk, lex, b = s.tk, s.lex, cue.after
    if sub is None or b >= len(tk) or tk.boundary(b) or not cue.entry.takes("clause"):
        return None
    if _not_object(s, b) or tk.keys[b] in lex.bare_finite:
        return None  # "it feels like"; "his remarks were": a noun, the subject of "were"
    if s.text[cue.start : cue.end].casefold() in lex.nouns.homographs and (
        s.kind(sub.i, sub.j) is None
    ):
        return None  # "The 22-member state committee would": a noun, its subject no source
    if tk.keys[b] in lex.bare_subjects and b + 1 < len(tk) and not tk.boundary(b + 1):
        return s.by_subject(cue, "verb_clause", s.rest(b))
    for k in range(b + 1, min(len(tk), b + lex.bare_gap + 1)):
        if tk.boundary(k) or tk.starts[k] in s.cue_starts:
            return None
        if _no_clause_word(s, k - 1) and not _name_after(s, cue, k - 1):
            return None  # "felt well and was", "charged his campaign for rent was"
        if tk.keys[k] in lex.bare_finite and tk.words[k].islower():
            return s.by_subject(cue, "verb_clause", s.rest(b))
    return None


@CONSTRUCTIONS.rule("free_relative")
def _free_relative(s: Context, cue: Cue) -> Found | Stop | None:
    """A free relative (``clauses.free_relatives``) right before the subject, then the verb
    and a copula (``clauses.copulas``): the content follows the copula ("What witnesses said
    was a drone", "struck what analysts said was a depot", "ce que les témoins ont décrit
    est un drone"). Reports ``verb_clause``."""
    sub = cue.subject
    tk, b = s.tk, cue.after
    if sub is None or b + 1 >= len(tk) or tk.keys[b] not in s.lex.copulas or tk.boundary(b):
        return None
    if not cue.entry.takes("clause"):
        return None  # "What Washington wants is ...": an aim, no content said
    before = tuple(tk.keys[max(0, sub.i - 3) : sub.i])
    if not any(before[len(before) - len(w) :] == w for w in s.lex.free_relatives):
        return None
    return s.by_subject(cue, "verb_clause", s.rest(b + 1))


@CONSTRUCTIONS.rule("document_obj")
def _document_obj(s: Context, cue: Cue) -> Found | Stop | None:
    """An evidence verb (a class with ``people = false``) whose subject names a document
    takes an object even when its entry takes only a clause: "The April survey found
    Clinton leading", "A poll by X released Saturday found no record of ..." (reports
    ``verb_obj``)."""
    sub = cue.subject
    tk, b, lex = s.tk, cue.after, s.lex
    if sub is None or cue.entry.people or b >= len(tk) or tk.boundary(b):
        return None
    if tk.keys[b] in lex.sources.breakers or tk.keys[b] in lex.not_objects:
        return None
    if document_kind(tk, sub.i, sub.j, lex.sources) is None:
        return None
    return s.by_subject(cue, "verb_obj", s.rest(b))


def _no_clause_word(s: Context, k: int) -> bool:
    """True when token ``k`` cannot stand inside a clause's subject: a coordinator or a
    preposition of ``clauses.not_objects``."""
    key = s.tk.keys[k]
    return key in s.lex.coordinators or _not_object(s, k)


def _name_after(s: Context, cue: Cue, k: int) -> bool:
    """True when token ``k``, after a verb taking no object, is a preposition before a name,
    inside the subject of a bare clause: "hope the technology developed in Israel can",
    "hope her attacks on Clinton might" (not "charged his campaign for rent was", "felt the
    need to have")."""
    tk = s.tk
    if cue.entry.takes("object") or tk.keys[k] in s.lex.coordinators or k + 1 >= len(tk):
        return False
    return tk.keys[k] in s.lex.not_objects and tk.words[k + 1][:1].isupper()


def _not_object(s: Context, k: int) -> bool:
    """True when token ``k`` is a preposition of ``clauses.not_objects`` ("said about the
    talks"), not one opening an amount (:func:`_amount`: "said about 40 people were killed")."""
    return s.tk.keys[k] in s.lex.not_objects and not _amount(s, k)


def _amount(s: Context, k: int) -> bool:
    """True when token ``k`` is an approximator (``clauses.approximators``) right before a
    number, digits or one of ``clauses.numerals``: "about 40", "over half", "about $3"."""
    tk, lex = s.tk, s.lex
    if tk.keys[k] not in lex.approximators or k + 1 >= len(tk) or tk.boundary(k + 1):
        return False
    gap = tk.gap(k + 1).strip()
    return gap in ("", "$") and (tk.words[k + 1][:1].isdigit() or tk.keys[k + 1] in lex.numerals)


def read(s: Context, cue: Cue) -> Found | None:
    """Return the attribution the first applying rule of :data:`CONSTRUCTIONS` reads.

    Examples
    --------
    >>> from osintparse.extractors.attributions._lexicon import cue_lexicon
    >>> from osintparse.extractors.attributions._readings import CueMatch
    >>> lex = cue_lexicon("en")
    >>> t = "Officials said the bridge fell."
    >>> m = CueMatch.of(lex.cues.search(t), lex)
    >>> ctx = Context.of(t, 0, len(t), lex, frozenset({m.start}), None, (0, len(t)))
    >>> read(ctx, ctx.cue(m)).rule
    'verb_obj:say'
    """
    for rule in rules_of(CONSTRUCTIONS):
        result = rule(s, cue)
        if result is STOP:
            return None
        if result is not None:
            return result
    return None
