"""The claims engine: a loop over :data:`STEPS`, each a small named step over drafts.

A :class:`Draft` is a claim being built: its sentences, the attributions whose
content it holds, and the names of the rules that applied to it. The steps, in
order:

``sentence``
    one draft per title and body sentence (headings too with ``include_headings``);
``attach``
    each attribution goes to the draft holding its content (``content_start``), or,
    without content, the one holding the attribution itself;
``anaphora``
    a sentence that only carries an anaphoric attribution about an earlier sentence
    ("C'est ce qu'indique X.") joins that sentence's draft;
``inherit``
    a body sentence with no source of its own takes the previous draft's sources,
    within a paragraph, when a rule of :data:`~._rules.INHERITANCE` matches it;
``mentions``
    the figures, dates, hedges and places inside each draft's span;
``chains``
    the provenance chain of each source that reports no other source of the draft,
    from the one nearest the journalist down (attributions' ``parent``);
``stance``
    the strongest stance of the draft's sources;
``certainty``
    the base certainty of the stance, plus each hedge's effect, plus each
    adjustment of :data:`~._rules.ADJUSTMENT_RULES` that applies;
``question``
    a title or heading ending with a question mark asserts nothing: no stance of
    its own (``unattributed``), certainty 0, ``question=True``.

A claim's ``rule`` joins, with ``+``, ``sentence``, then ``anaphora``,
``inherited:<rule>:<entry>`` and the certainty adjustments that applied (the
``inherited`` adjustment goes without saying after ``inherited:``).

Examples
--------
>>> STEPS.names()
('sentence', 'attach', 'anaphora', 'inherit', 'mentions', 'chains', 'stance', 'certainty',
 'question')
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from osintparse._patterns import RuleTable
from osintparse._records import record_repr
from osintparse.extractors.claims._rules import (
    ADJUSTMENT_RULES,
    ADJUSTMENTS,
    BASE_CERTAINTY,
    Lexicon,
    Sources,
    inherits,
    lexicon,
    sources,
)
from osintparse.model import (
    Attribution,
    Claim,
    DateMention,
    Hedge,
    ParagraphKind,
    Place,
    Quantity,
    Section,
    Sentence,
    _from_source,
)

__all__ = ["STEPS", "Draft", "State", "run"]

_CLAIM_KINDS = frozenset({ParagraphKind.TITLE, ParagraphKind.BODY})
_NO_SOURCES = sources(())


@attrs.define(weakref_slot=False, eq=False)
class Draft:
    """A claim being built: its first and last sentence (indexes into
    :attr:`State.chosen`), sources, rules.

    One draft a sentence is alive at once (11 000 for 1 MB of news), so a draft is
    kept small: no list until it holds an attribution, its rules a shared tuple until
    one is added (a draft cost ~400 bytes with three lists, ~150 now).

    Examples
    --------
    >>> Draft(0, 0).rules
    ('sentence',)
    """

    __repr__ = record_repr

    first: int
    last: int
    own: list[Attribution] | None = None
    attributions: tuple[Attribution, ...] = ()
    inherited: bool = False
    rules: tuple[str, ...] = ("sentence",)
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    hedges: tuple[Hedge, ...] = ()
    places: tuple[Place, ...] = ()
    sources: Sources = _NO_SOURCES
    certainty: float = 0.0
    chains: tuple[tuple[Attribution, ...], ...] = ()
    question: bool = False

    def add(self, found: Sequence[Attribution]) -> None:
        """Add attributions whose content the draft holds."""
        if self.own is None:
            self.own = list(found)
        else:
            self.own.extend(found)


@attrs.define(eq=False)
class State:
    """The input layers and the drafts the steps work on.

    Examples
    --------
    >>> State("", None, ()).drafts
    []
    """

    __repr__ = record_repr

    text: str
    lang: str | None
    sentences: Sequence[Sentence]
    attributions: Sequence[Attribution] = ()
    quantities: Sequence[Quantity] = ()
    dates: Sequence[DateMention] = ()
    hedges: Sequence[Hedge] = ()
    places: Sequence[Place] = ()
    include_headings: bool = False
    chosen: list[Sentence] = attrs.field(factory=list)
    starts: list[int] = attrs.field(factory=list)
    #: The attributions inside a chosen sentence, in text order: each sentence's are a
    #: run of this one list (not a list a sentence).
    hosted: list[Attribution] = attrs.field(factory=list)
    drafts: list[Draft] = attrs.field(factory=list)

    @property
    def lexicon(self) -> Lexicon | None:
        """The claims data of the language, or ``None`` without a language."""
        return lexicon(self.lang) if self.lang is not None else None

    def sentence_at(self, offset: int | None) -> int:
        """Index in :attr:`chosen` of the sentence holding ``offset``, or -1."""
        if offset is None:
            return -1
        i = bisect.bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.chosen[i].end else -1

    def span(self, draft: Draft) -> tuple[int, int]:
        """``(start, end)`` of a draft: from its first sentence to its last."""
        return self.chosen[draft.first].start, self.chosen[draft.last].end


Step = Callable[[State], None]
STEPS: RuleTable[Step] = RuleTable("claims steps")


@STEPS.rule("sentence")
def _sentence(state: State) -> None:
    """One draft per title and body sentence (and heading, with ``include_headings``)."""
    kinds = _CLAIM_KINDS | ({ParagraphKind.HEADING} if state.include_headings else frozenset())
    state.chosen = [s for s in state.sentences if s.kind in kinds]
    state.starts = [s.start for s in state.chosen]
    state.drafts = [Draft(i, i) for i in range(len(state.chosen))]


@STEPS.rule("attach")
def _attach(state: State) -> None:
    """Each attribution to the draft holding its content, else the one holding it."""
    for a in sorted(state.attributions, key=lambda a: (a.start, a.end)):
        host = state.sentence_at(a.start)
        target = state.sentence_at(a.content_start) if a.content_start is not None else host
        if target < 0:
            target = host
        if host >= 0:
            state.hosted.append(a)  # in text order: the hosts never decrease
        if target >= 0:
            state.drafts[target].add((a,))


def _anaphoric_only(state: State, i: int, here: Sequence[Attribution], target: int) -> bool:
    lex = state.lexicon
    if lex is None or not here or not all(a.anaphoric for a in here):
        return False
    rest = len(state.chosen[i].text) - sum(a.end - a.start for a in here)
    return target >= 0 and rest <= lex.anaphora_max_rest


@STEPS.rule("anaphora")
def _anaphora(state: State) -> None:
    """A sentence that only cites an earlier one ("C'est ce qu'indique X.") joins it.

    Its anaphoric attributions must leave at most
    ``language.toml [claims] anaphora_max_rest_chars`` characters of the sentence.
    """
    merged: list[Draft] = []
    owner: list[Draft] = []  # owner[i]: the draft sentence i went to
    hosted, j = state.hosted, 0
    for i, draft in enumerate(state.drafts):
        k = j
        while k < len(hosted) and state.sentence_at(hosted[k].start) == i:
            k += 1
        here, j = hosted[j:k], k
        targets = {state.sentence_at(a.content_start) for a in here}
        target = min(targets) if len(targets) == 1 else -1
        host = owner[target] if 0 <= target < i else None
        if host is not None and _anaphoric_only(state, i, here, target):
            host.last = i
            if draft.own:
                host.add(draft.own)
            if "anaphora" not in host.rules:
                host.rules += ("anaphora",)
            owner.append(host)
            continue
        owner.append(draft)
        merged.append(draft)
    state.drafts = merged
    state.hosted = []  # read by no later step: let it go


def _unique(items: Sequence[Attribution]) -> tuple[Attribution, ...]:
    # dict keys: linear, where list membership was quadratic in the number of sources.
    return tuple(dict.fromkeys(items))


@STEPS.rule("inherit")
def _inherit(state: State) -> None:
    """A body sentence with no source takes the previous draft's, within a paragraph.

    When a rule of the inheritance table matches its start (continuation marker,
    reported-speech word, pronoun subject). The sources are shared, not copied.
    """
    lex = state.lexicon
    prev: Draft | None = None
    for draft in state.drafts:
        if draft.own:
            draft.attributions = _unique(draft.own)
            draft.own = None  # read by no later step: the sources are in the tuple
        elif lex is not None and prev is not None and prev.attributions:
            first = state.chosen[draft.first]
            last = state.chosen[prev.last]
            if first.kind is ParagraphKind.BODY and last.paragraph == first.paragraph:
                why = inherits(first.text, lex)
                if why is not None:
                    draft.attributions = prev.attributions
                    draft.inherited = True
                    draft.rules += (f"inherited:{why}",)
        prev = draft


def _within(items: Sequence[Any], starts: list[int], start: int, end: int) -> tuple[Any, ...]:
    i = bisect.bisect_left(starts, start)
    out = []
    while i < len(items) and items[i].start < end:
        if items[i].end <= end:
            out.append(items[i])
        i += 1
    return tuple(out)


def _by_start(items: Sequence[Any]) -> tuple[list[Any], list[int]]:
    ordered = sorted(items, key=lambda m: (m.start, m.end))
    return ordered, [m.start for m in ordered]


@STEPS.rule("mentions")
def _mentions(state: State) -> None:
    """The figures, dates, hedges and places inside each draft's span."""
    q, qs = _by_start(state.quantities)
    d, ds = _by_start(state.dates)
    h, hs = _by_start(state.hedges)
    p, ps = _by_start(state.places)
    for draft in state.drafts:
        start, end = state.span(draft)
        draft.quantities = _within(q, qs, start, end)
        draft.dates = _within(d, ds, start, end)
        draft.hedges = _within(h, hs, start, end)
        draft.places = _within(p, ps, start, end)


@STEPS.rule("chains")
def _chains(state: State) -> None:
    """Each source that reports no other source of the draft, with its parents above it.

    ``parent`` indexes the article's attributions; chains are computed once per tuple of
    sources (drafts that inherit share it: they follow one another) and stop on a cycle.
    """
    index: dict[int, int] = {}  # id -> index of each attribution that is another's parent
    last: tuple[Attribution, ...] | None = None
    chains: tuple[tuple[Attribution, ...], ...] = ()
    for draft in state.drafts:
        if draft.attributions is not last:
            if not index and any(a.parent is not None for a in draft.attributions):
                index = _parents(state.attributions)
            last = draft.attributions
            chains = _chains_of(last, state.attributions, index)
        draft.chains = chains


def _parents(every: Sequence[Attribution]) -> dict[int, int]:
    """``id`` -> index of the attributions that are another's ``parent``: only those are
    looked up (an attribution reporting another, or a cycle returning to one)."""
    parents = {a.parent for a in every if a.parent is not None}
    return {id(every[p]): p for p in sorted(parents) if 0 <= p < len(every)}


def _chains_of(
    own: tuple[Attribution, ...], every: Sequence[Attribution], index: dict[int, int]
) -> tuple[tuple[Attribution, ...], ...]:
    """The chains of ``own``; ``index`` may be empty when none of ``own`` has a parent."""
    parents = {a.parent for a in own if a.parent is not None}
    chains: list[tuple[Attribution, ...]] = []
    for a in own:
        if parents and index.get(id(a)) in parents:
            continue  # it reports another source of the draft: that chain holds it
        if a.parent is None and len(own) == 1:
            # The chain of a lone source without parent is the draft's sources: one
            # tuple for both (a tuple a claim saved).
            chains.append(own)
            continue
        chain = [a]
        seen = {index.get(id(a))}
        p = a.parent
        while p is not None and 0 <= p < len(every) and p not in seen:
            seen.add(p)
            chain.append(every[p])
            p = every[p].parent
        chains.append(tuple(reversed(chain)))
    return tuple(chains)


@STEPS.rule("stance")
def _stance(state: State) -> None:
    """``denied`` if a source denies, else the strongest stance of the sources.

    Computed once per tuple of sources: drafts that inherit share the tuple (and
    follow one another), so a long chain of inheriting sentences costs one
    computation (see :func:`~._rules.sources`).
    """
    # Equal facts, one record: the drafts hold a few records, not one a tuple of sources.
    shared: dict[Sources, Sources] = {}
    last: tuple[Attribution, ...] | None = None
    found = _NO_SOURCES
    for draft in state.drafts:
        if draft.attributions is not last:
            last, found = draft.attributions, sources(draft.attributions)
            found = shared.setdefault(found, found)
        draft.sources = found


@STEPS.rule("certainty")
def _certainty(state: State) -> None:
    """Base certainty of the stance, plus hedge effects and adjustments, in [0, 1]."""
    adjustments = tuple(ADJUSTMENT_RULES)
    shared: dict[float, float] = {}
    for draft in state.drafts:
        found = draft.sources
        score = BASE_CERTAINTY[found.stance] + sum(h.effect for h in draft.hedges)
        for rule in adjustments:
            if rule.fn(found, draft.inherited):
                score += ADJUSTMENTS[rule.name]
                if not draft.inherited or rule.name != "inherited":
                    draft.rules += (rule.name,)
        rounded = round(min(1.0, max(0.0, score)), 2)
        # One float per distinct certainty, shared by the claims that have it.
        draft.certainty = shared.setdefault(rounded, rounded)


#: Question marks of the scripts (a Unicode fact, not a language's word).
QUESTION_MARKS = tuple("?\uff1f\u061f\u2047\u2048\u2049")
#: Closing signs skipped before a title's final question mark.
_CLOSERS = " \t»\"'”’)]"
_QUESTION_KINDS = frozenset({ParagraphKind.TITLE, ParagraphKind.HEADING})


@STEPS.rule("question")
def _question(state: State) -> None:
    """A title or heading that asks ("Pyongyang à la frontière ?") has no stance of its own.

    It is a claim with ``question=True``, stance ``unattributed`` and certainty 0: it
    asserts nothing. Reads no lexicon (the question marks are script).
    """
    for draft in state.drafts:
        last = state.chosen[draft.last]
        if last.kind in _QUESTION_KINDS and last.text.rstrip(_CLOSERS).endswith(QUESTION_MARKS):
            draft.question = True
            draft.sources = _NO_SOURCES
            draft.certainty = 0.0
            draft.rules += ("question",)


def run(state: State, sections: Sequence[Section]) -> tuple[Claim, ...]:
    """Run every step on ``state`` and return the claims.

    Examples
    --------
    >>> from osintparse.model import Sentence
    >>> s = State("Oui.", "fr", [Sentence(start=0, end=4, text="Oui.")])
    >>> [(c.text, c.rule) for c in run(s, ())]
    [('Oui.', 'sentence')]
    """
    for step in STEPS:
        step.fn(state)
    claims = []
    # One str per distinct rule chain, shared by the claims it names (most claims of an
    # article share a handful of chains: a copy each cost ~60 bytes a claim).
    rules: dict[str, str] = {}
    # Each draft is let go as its claim is made: the drafts (an object and three lists a
    # sentence) and the claims are not all alive at once.
    drafts, state.drafts = state.drafts, []
    drafts.reverse()
    while drafts:
        draft = drafts.pop()
        start, end = state.span(draft)
        first = state.chosen[draft.first]
        rule = "+".join(draft.rules)
        claims.append(
            _from_source(
                Claim(
                    start=start,
                    end=end,
                    text=state.text[start:end],
                    section=sections[first.section].heading
                    if first.section < len(sections)
                    else None,
                    attributions=draft.attributions,
                    quantities=draft.quantities,
                    dates=draft.dates,
                    hedges=draft.hedges,
                    places=draft.places,
                    stance=draft.sources.stance,
                    certainty=draft.certainty,
                    inherited=draft.inherited,
                    question=draft.question,
                    rule=rules.setdefault(rule, rule),
                    chains=draft.chains,
                ),
                # The article's text, shared: the claim's text is its span of it.
                state.text,
            )
        )
    return tuple(claims)
