"""The places engine: a loop over :data:`STEPS`, each a small named step over what was found.

``find``
    the core gazetteer's names and the demonyms (each word of a sentence looked up in the
    language's :class:`~._gazetteer.NameIndex`), then, with the geo extra, runs of
    capitalised words looked up by name;
``veto``
    drop the names :data:`~._rules.VETOES` refuse;
``affixes``
    a demonym joined by a hyphen to an affix ("pro-russes", "Russian-backed") takes it in;
``relations``
    :data:`~._rules.RELATIONS` mark the places of relational phrases;
``resolve``
    :data:`~._rules.RESOLVERS` choose each name's gazetteer entry, knowing the countries the
    article names;
``roles``
    :data:`~._rules.ROLES` give each place its role;
``heads``
    each nationality records the noun it modifies (the word before it where the head comes
    first, after it otherwise).

A place's ``rule`` joins with ``+`` the finder, the resolver and the role rule
(``name+one-entry+locative:en``, ``demonym+one-entry+nationality``,
``geonames+population+default``).

Examples
--------
>>> STEPS.names()
('find', 'veto', 'affixes', 'relations', 'resolve', 'roles', 'heads')
"""

from __future__ import annotations

import array
import bisect
import itertools
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence

import regex

from osintparse._patterns import RuleTable, map_back, to_normalized
from osintparse._regexcode import compile_pattern
from osintparse.extractors.places._gazetteer import (
    MAX_WORDS,
    MIN_GEO_CHARS,
    TOKEN,
    Entry,
    country_entry,
    first_words,
    fold,
    geo,
    lexicon,
    split_words,
)
from osintparse.extractors.places._rules import (
    RELATIONS,
    RESOLVERS,
    ROLES,
    UNRESOLVED,
    VETOES,
    Found,
    Source,
    State,
)
from osintparse.model import Attribution, Place, PlaceKind
from osintparse.text import Normalized

__all__ = ["STEPS", "find_in"]

Step = Callable[[State, bool], None]
#: The engine's steps, run in order.
STEPS: RuleTable[Step] = RuleTable("places steps")

_CAPITAL_START = compile_pattern(r"(?<![\p{L}\p{M}\p{N}'\-.])\p{Lu}")
_RUN = compile_pattern(
    rf"\p{{Lu}}[\p{{L}}\p{{M}}]*(?:(?:[ '\-]|\. )[\p{{L}}\p{{M}}]+){{0,{MAX_WORDS - 1}}}"
)
_ACRONYM = compile_pattern(r"\p{Lu}{2,}")
_SEPARATOR = compile_pattern(r"[ '\-]|\. ")
_WORD = compile_pattern(r"[\p{L}\p{M}]+")
_AFFIX_BEFORE = compile_pattern(r"(?r)(?<![\p{L}\p{M}])([\p{L}\p{M}]+)-\Z")
_AFFIX_AFTER = compile_pattern(r"-([\p{L}\p{M}]+)(?![\p{L}\p{M}])")


def _core(state: State, use_geo: bool) -> None:
    lex, text = state.lex, state.text
    extra = geo(lex.lang) if use_geo else {}
    for i, (lo, hi) in enumerate(state.sentences):
        # The sentence's words once; a word opening a name's words is looked up with the
        # words after it (NameIndex.match), and a name's words are not looked up again.
        parts = split_words(text[lo:hi])
        # machine integers: a sentence of a million words costs 8 bytes a word, not 36
        offsets = array.array("q", itertools.accumulate(map(len, parts), initial=lo))
        # A word cut by the sentence's start opens no name (as if the text went on).
        cut = len(parts) > 1 and parts[0] == "" and TOKEN.match(text, max(0, lo - 1), lo)
        pos = offsets[2] if lo and cut else lo
        for k in lex.index.candidates(parts):
            hit = lex.index.match(parts, k) if offsets[k] >= pos else None
            if hit is None:
                continue
            end = offsets[hit[0] + 1] + hit[1]
            f = Found(offsets[k], end, text[offsets[k] : end], "name", i)
            if hit[2]:
                # GeoNames' names of capitals meet the extra's namesakes; a country's name and
                # the names the language lists do not ("Niger" is not Niger State).
                core = lex.names[f.key]
                plain = f.key not in lex.curated and all(
                    e.kind is not PlaceKind.COUNTRY for e in core
                )
                f.entries = core + (extra.get(f.key, ()) if plain else ())
            else:
                f.finder, f.demonym, f.country = "demonym", True, lex.demonyms[f.key]
                entry = country_entry(f.country)
                f.entries = (entry,) if entry is not None else ()
            state.found.append(f)
            pos = end


def _prefixes(run: regex.Match[str]) -> list[int]:
    """Ends of the run's one- to MAX_WORDS-word prefixes, longest first."""
    ends = [m.start() for m in _SEPARATOR.finditer(run.group())]
    return [run.end(), *(run.start() + e for e in reversed(ends))]


def _geo(state: State) -> None:
    table = geo(state.lex.lang)
    firsts = first_words(state.lex.lang)
    covered = sorted((f.start, f.end) for f in state.found)
    ends = [b for _, b in covered]
    for i, (lo, hi) in enumerate(state.sentences):
        pos = lo
        for m in _CAPITAL_START.finditer(state.text, lo, hi):
            k = bisect.bisect_right(ends, m.start())
            if m.start() < pos or (k < len(covered) and covered[k][0] <= m.start()):
                continue
            word = _WORD.match(state.text, m.start(), hi)
            if word is None or word.group().casefold() not in firsts:
                continue
            run = _RUN.match(state.text, m.start(), hi)
            found = _lookup(state, table, run, i) if run is not None else None
            if found is not None:
                state.found.append(found)
                pos = found.end


def _lookup(
    state: State, table: Mapping[str, tuple[Entry, ...]], run: regex.Match[str], sentence: int
) -> Found | None:
    """The longest prefix of a run of capitalised words that the geo extra knows."""
    for end in _prefixes(run):
        text = state.text[run.start() : end]
        if end - run.start() < MIN_GEO_CHARS:
            break
        # A run holds single separators and the text is normalised: casefold is fold.
        entries = None if _ACRONYM.fullmatch(text) else table.get(text.casefold())
        if entries:
            return Found(run.start(), end, text, "geonames", sentence, entries)
    return None


@STEPS.rule("find")
def _find(state: State, use_geo: bool) -> None:
    """Names of the core gazetteer and demonyms (one pattern), then the geo extra's names."""
    _core(state, use_geo)
    _keep_longest(state)
    if use_geo:
        state.index()
        _geo(state)
    _keep_longest(state)
    state.index()


def _keep_longest(state: State) -> None:
    """Of overlapping names, keep the longest (the first when they tie)."""
    kept: list[Found] = []
    for f in sorted(state.found, key=lambda f: (f.start, -f.end)):
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    state.found = kept


@STEPS.rule("veto")
def _veto(state: State, use_geo: bool) -> None:
    """Drop the names a rule of VETOES refuses."""
    vetoes = list(VETOES)
    state.found = [f for f in state.found if not any(v.fn(state, f) for v in vetoes)]
    state.index()


@STEPS.rule("affixes")
def _affixes(state: State, use_geo: bool) -> None:
    """A demonym joined by a hyphen to an affix takes it in: nationalities.prefixes/suffixes."""
    lex = state.lex
    for f in state.found:
        if not f.demonym:
            continue
        lo = state.sentences[f.sentence][0]
        m = _AFFIX_BEFORE.search(state.text, max(lo, f.start - 24), f.start)
        if m is not None and fold(m.group(1)) in lex.prefixes:
            f.affix, f.start = lex.prefixes[fold(m.group(1))], m.start()
        m = _AFFIX_AFTER.match(state.text, f.end, min(state.sentences[f.sentence][1], f.end + 24))
        if m is not None and fold(m.group(1)) in lex.suffixes:
            f.affix, f.end = lex.suffixes[fold(m.group(1))], m.end()
        f.text = state.text[f.start : f.end]
        f.key = fold(f.text)


@STEPS.rule("relations")
def _relations(state: State, use_geo: bool) -> None:
    """Mark the places of relational phrases, rule by rule of RELATIONS."""
    for rule in RELATIONS:
        rule.fn(state)


def _countries(found: Iterable[Found]) -> frozenset[str]:
    out: set[str] = set()
    for f in found:
        codes = {e.country for e in f.entries}
        if len(codes) == 1 and None not in codes:
            out.update(c for c in codes if c is not None)
    return frozenset(out)


@STEPS.rule("resolve")
def _resolve(state: State, use_geo: bool) -> None:
    """Choose each name's entry with the first rule of RESOLVERS that answers."""
    state.countries = _countries(state.found)
    resolvers = list(RESOLVERS)
    for f in state.found:
        f.entries = _unique(f.entries)
        for rule in resolvers:
            chosen = rule.fn(state, f)
            if chosen is not None:
                f.chosen, f.resolver = (None if chosen is UNRESOLVED else chosen), rule.name
                break


def _unique(entries: Sequence[Entry]) -> tuple[Entry, ...]:
    """One entry per gazetteer id, the first (core) one kept."""
    seen: dict[str, Entry] = {}
    for e in entries:
        seen.setdefault(e.id, e)
    return tuple(seen.values())


@STEPS.rule("roles")
def _roles(state: State, use_geo: bool) -> None:
    """Give each place the role of the first rule of ROLES that answers."""
    rules = list(ROLES)
    for f in state.found:
        for rule in rules:
            answer = rule.fn(state, f)
            if answer is not None:
                f.role = answer[0]
                # Interned: a few names, one str each rather than one a place.
                f.role_rule = sys.intern(rule.name + (f":{answer[1]}" if answer[1] else ""))
                break


@STEPS.rule("heads")
def _heads(state: State, use_geo: bool) -> None:
    """Each nationality records the noun it modifies (noun_phrase.head in language.toml)."""
    lex = state.lex
    for f in state.found:
        if not f.demonym:
            continue
        lo, hi = state.sentences[f.sentence]
        if lex.head_first:
            words = list(_WORD.finditer(state.text, max(lo, f.start - 40), f.start))
            m = words[-1] if words else None
            ok = m is not None and not state.text[m.end() : f.start].strip()
        else:
            m = _WORD.search(state.text, f.end, min(hi, f.end + 40))
            ok = m is not None and not state.text[f.end : m.start()].strip()
        if m is not None and ok and fold(m.group()) not in lex.stopwords:
            f.head = (m.start(), m.end())


def _place(norm: Normalized, f: Found) -> Place:
    start, end, text = map_back(norm, f.start, f.end)
    e = f.chosen
    rel: tuple[int | None, int | None] = (None, None)
    if f.relation_start is not None and f.relation_end is not None:
        rel = map_back(norm, f.relation_start, f.relation_end)[:2]
    head: tuple[int | None, int | None] = (None, None)
    if f.head is not None:
        head = map_back(norm, *f.head)[:2]
    return Place(
        start=start,
        end=end,
        text=e.name if e and e.name == text else text,  # one string, not two
        id=e.id if e else None,
        name=e.name if e else None,
        kind=e.kind if e else None,
        country=e.country if e else None,
        lat=e.lat if e else None,
        lon=e.lon if e else None,
        role=f.role,
        capital=bool(e and e.capital),
        unresolved=e is None,
        candidates=() if e else tuple(x.id for x in f.entries),
        relation=f.affix or f.relation,
        relation_start=rel[0],
        relation_end=rel[1],
        head_start=head[0],
        head_end=head[1],
        # Interned: a long article repeats a few rule names thousands of times.
        rule=sys.intern("+".join(r for r in (f.finder, f.resolver, f.role_rule) if r)),
    )


def find_in(
    norm: Normalized,
    lang: str,
    spans: Sequence[tuple[int, int]] | None = None,
    attributions: Sequence[Attribution] = (),
    *,
    use_geo: bool = False,
) -> tuple[Place, ...]:
    """Run the steps over the sentences ``spans`` (normalised offsets; None: the whole text)."""
    sources = [
        Source(
            to_normalized(norm, a.source_start), to_normalized(norm, a.source_end), a.source_kind
        )
        for a in attributions
    ]
    state = State(
        norm.text, lexicon(lang), spans if spans is not None else [(0, len(norm.text))], sources
    )
    for step in STEPS:
        step.fn(state, use_geo)
    # Each name is dropped as its record is made: a long article holds one or the other
    # (1 MB of news: 17,000 names of 900 bytes), not both.
    found, state.found = state.found, []
    found.reverse()
    out = []
    while found:
        out.append(_place(norm, found.pop()))
    return tuple(out)
