"""The places rule tables: vetoes, relations, resolvers and roles, with the state they read.

Each table is tried in the order its rules are defined (see ``docs/extractors/places.md``):

* :data:`VETOES` drop a name found in the text that is not a place here ("Jordan
  Peterson", "Washington Post", "Nice weather");
* :data:`RELATIONS` mark the places of a relational phrase ("à la frontière entre la Russie
  et l'Ukraine", "à 30 km au nord de Kharkiv", "accords conclus entre Moscou et Pyongyang");
* :data:`RESOLVERS` choose a gazetteer entry for an ambiguous name, or leave it unresolved;
* :data:`ROLES` say whether a place is a location, an actor or a nationality.

Words come from the language's ``places.toml`` through :class:`~._gazetteer.Lexicon`; what
stays here is script: capitals, commas, digits and white space.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs
import regex

from osintparse._cache import once
from osintparse._patterns import MAX_GAP, RuleTable, alternation
from osintparse._records import record_repr
from osintparse._regexcode import compile_pattern
from osintparse.extractors.places._gazetteer import Entry, Lexicon, fold, lexicon
from osintparse.model import PlaceKind, PlaceRole, SourceKind

__all__ = [
    "RELATIONS",
    "RESOLVERS",
    "ROLES",
    "UNRESOLVED",
    "VETOES",
    "Found",
    "Source",
    "State",
]

#: Characters read before a place for its preposition, determiner or direction phrase.
BEFORE = 48
#: Words read before "entre"/"avec" for a border or interaction noun.
CUE_WORDS = 4
#: Longest text between two places of one list ("la Russie et l'Ukraine").
JOIN_CHARS = 16
#: A name is chosen by population when it has this many times the next candidate's.
POPULATION_RATIO = 5
#: Share of capitalised words (of four letters or more, place names aside) from which a
#: sentence is in title case ("Ukraine Says It Shot Down 30 Drones"), and how many it needs.
TITLE_CASE_SHARE = 0.75
TITLE_CASE_WORDS = 4

# A word with its apostrophe and hyphen parts ("aujourd'hui", "Nagorny-Karabakh"), the
# repetitions bounded: unbounded, the reverse scan was quadratic on runs of "l'l'l'..."
# (tests/test_hostile.py, regex safety).
_WORD_PARTS = r"[\p{L}\p{M}]{1,64}(?:['\-][\p{L}\p{M}]{1,64}){0,16}'?"
_WORDS = compile_pattern(_WORD_PARTS)
_LAST_WORDS = compile_pattern(r"(?r)" + _WORD_PARTS)
_LETTERS = compile_pattern(r"[\p{L}\p{M}]+")
_NOT_WORD = compile_pattern(r"[^\s\p{L}\p{M}']")
_JOIN_TOKENS = compile_pattern(r"[\p{L}\p{M}]+'?|,")
_PREVIOUS_CAPITAL = compile_pattern(r"(?r)(?<![\p{L}\p{M}])(\p{Lu}[\p{L}\p{M}]*) {1,2}\Z")
_NEXT_CAPITAL = compile_pattern(r" {1,2}(\p{Lu}[\p{L}\p{M}]*)")
_DIGITS = r"\d[\d\s.,]{0,12}"


@attrs.define(weakref_slot=False, eq=False)
class Found:
    """A name found in the (normalised) text, on its way to becoming a Place."""

    __repr__ = record_repr

    start: int
    end: int
    text: str
    finder: str
    sentence: int
    entries: tuple[Entry, ...] = ()
    country: str | None = None
    affix: str | None = None
    chosen: Entry | None = None
    resolver: str = ""
    role: PlaceRole = PlaceRole.LOCATION
    role_rule: str = ""
    relation: str | None = None
    relation_start: int | None = None
    relation_end: int | None = None
    actors: bool = False
    head: tuple[int, int] | None = None
    key: str = ""
    #: True for a nationality (found by the demonym pattern).
    demonym: bool = False

    def __attrs_post_init__(self) -> None:
        self.key = fold(self.text)


@attrs.frozen(eq=False)
class Source:
    """An attribution's source span (normalised offsets) and kind."""

    __repr__ = record_repr

    start: int
    end: int
    kind: SourceKind


@attrs.frozen(eq=False)
class Before:
    """What precedes a name in its sentence, read once per name.

    ``words``: the last words (folded); ``content``: the last words once the determiners
    ending them are dropped; ``adjacent``: the last content word is followed by nothing but
    determiners and spaces; ``opens``: nothing but determiners comes before the name in its
    sentence, or right after a comma, colon or semicolon.

    One is kept for every name a rule reads it for, while the steps run: it holds the text
    once (folded when a rule asks, rarely), and its words are the state's strs.
    """

    __repr__ = record_repr

    text: str
    words: tuple[str, ...]
    content: tuple[str, ...]
    adjacent: bool
    opens: bool

    def holds(self, cues: Iterable[str]) -> bool:
        """Whether one of ``cues`` (folded) occurs in the text before the name."""
        folded = fold(self.text)
        return any(c in folded for c in cues)


@attrs.define(eq=False)
class State:
    """What the rules read: the text, its sentences, the lexicon and what was found."""

    __repr__ = record_repr

    text: str
    lex: Lexicon
    sentences: Sequence[tuple[int, int]]
    sources: Sequence[Source] = ()
    found: list[Found] = attrs.field(factory=list)
    media: Sequence[Source] = attrs.field(init=False)
    countries: frozenset[str] = frozenset()
    _starts: list[int] = attrs.field(factory=list)
    _before: dict[int, Before] = attrs.field(factory=dict)
    _title_case: dict[int, bool] = attrs.field(factory=dict)
    _keys: dict[int, set[str]] = attrs.field(factory=dict)
    # word list -> sentence -> answer: no (sentence, key) tuple an entry
    _cues: dict[str, dict[int, bool]] = attrs.field(factory=dict)
    # one str per distinct word read before names (a long article repeats a few hundred)
    _words: dict[str, str] = attrs.field(factory=dict)
    _spans: dict[bool, tuple[list[Source], list[int], int]] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        self.media = [s for s in self.sources if s.kind is SourceKind.MEDIA]
        for media, spans in ((False, self.sources), (True, self.media)):
            ordered = sorted(spans, key=lambda s: s.start)
            longest = max((s.end - s.start for s in ordered), default=0)
            self._spans[media] = (ordered, [s.start for s in ordered], longest)

    def containing(self, f: Found, *, media: bool = False) -> Iterator[Source]:
        """The sources (or media sources) whose span holds ``f``'s, found by bisection
        among those starting at most the longest source's length before it (testing
        every source for every place was quadratic in the article)."""
        ordered, starts, longest = self._spans[media]
        lo = bisect.bisect_left(starts, f.start - longest)
        hi = bisect.bisect_right(starts, f.start)
        for s in ordered[lo:hi]:
            if s.start <= f.start and f.end <= s.end:
                yield s

    def index(self) -> None:
        """Sort what was found and index its starts."""
        self.found.sort(key=lambda f: (f.start, -f.end))
        self._starts = [f.start for f in self.found]

    def at(self, pos: int) -> Found | None:
        """The place found starting at ``pos``, if any."""
        i = bisect.bisect_left(self._starts, pos)
        if i < len(self.found) and self.found[i].start == pos:
            return self.found[i]
        return None

    def after(self, f: Found) -> Iterator[Found]:
        """The places found after ``f``, in order (no copy: callers stop early)."""
        found = self.found
        return (found[i] for i in range(bisect.bisect_right(self._starts, f.start), len(found)))

    def before(self, f: Found) -> Before:
        """What precedes ``f`` in its sentence (at most :data:`BEFORE` characters)."""
        found = self._before.get(f.start)
        if found is None:
            found = self._before[f.start] = self._read_before(f)
        return found

    def _read_before(self, f: Found) -> Before:
        begin = self.sentences[f.sentence][0]
        lo = max(begin, f.start - BEFORE)
        text = self.text[lo : f.start]
        matches = list(itertools.islice(_LAST_WORDS.finditer(text), CUE_WORDS))[::-1]
        shared = self._words
        words = tuple(shared.setdefault(w, w) for w in (m.group().casefold() for m in matches))
        dets = self.words("names.determiners")
        n = len(words)
        while n and words[n - 1] in dets:
            n -= 1
        if n:
            # After the last content word come only determiners (and maybe punctuation).
            tail = text[matches[n - 1].end() :]
            rest = tail.lstrip()
            adjacent = _NOT_WORD.search(tail) is None
            opens = rest[:1] in (",", ":", ";") and _NOT_WORD.search(rest, 1) is None
        else:
            adjacent = False
            opens = lo == begin and len(matches) < CUE_WORDS and _NOT_WORD.search(text) is None
        return Before(text, words, words[:n], adjacent, opens)

    def title_case(self, sentence: int) -> bool:
        """Whether a sentence is written in title case (most of its long words capitalised)."""
        found = self._title_case.get(sentence)
        if found is None:
            lo, hi = self.sentences[sentence]
            if not self._keys:
                for x in self.found:
                    self._keys.setdefault(x.sentence, set()).add(x.key)
            places = self._keys.get(sentence, set())
            words = [
                w
                for w in _LETTERS.findall(self.text, lo, hi)
                if len(w) > 3 and w.casefold() not in places
            ]
            caps = sum(1 for w in words if w[0].isupper())
            found = len(words) >= TITLE_CASE_WORDS and caps >= TITLE_CASE_SHARE * len(words)
            self._title_case[sentence] = found
        return found

    def has_cue(self, sentence: int, key: str) -> bool:
        """Whether a sentence holds a cue of word list ``key`` (a quick test, read once)."""
        answers = self._cues.get(key)
        if answers is None:
            answers = self._cues[key] = {}
        found = answers.get(sentence)
        if found is None:
            lo, hi = self.sentences[sentence]
            text = self.text[lo:hi].casefold()
            cues = self.lex.directions if key == "directions" else self.words(key)
            found = answers[sentence] = any(c in text for c in cues)
        return found

    def words(self, key: str) -> frozenset[str]:
        """A word list of the lexicon (folded)."""
        return self.lex.words[key]


def _strip_determiners(state: State, text: str) -> str:
    """``text`` without the determiners (and white space) that end it."""
    dets = state.words("names.determiners")
    out = text.rstrip()
    while True:
        words = _WORDS.findall(out[-24:])
        if not words or fold(words[-1]) not in dets:
            return out
        out = out[: len(out) - len(words[-1])].rstrip()


# -- vetoes --------------------------------------------------------------------------------

Veto = Callable[[State, Found], bool]
#: Rules that drop a name found in the text: it is part of another name, or a common word.
VETOES: RuleTable[Veto] = RuleTable("place vetoes")


@VETOES.rule("continued-name")
def _continued_name(state: State, f: Found) -> bool:
    """A name followed by a capitalised word is part of a longer name ("Jordan Peterson")."""
    if f.demonym:
        return False
    end = state.sentences[f.sentence][1]
    m = _NEXT_CAPITAL.match(state.text, f.end, min(end, f.end + 40))
    if m is None or state.at(m.start(1)) is not None:
        return False
    return fold(m.group(1)) not in state.lex.stopwords and not state.title_case(f.sentence)


@VETOES.rule("function-word")
def _function_word(state: State, f: Found) -> bool:
    """A name that is a stop word of the language ("Un", a town of India): stopwords.toml."""
    return f.key in state.lex.stopwords


@VETOES.rule("name-inside-a-name")
def _name_inside_a_name(state: State, f: Found) -> bool:
    """A geo-extra name after a capitalised word is the end of a longer name ("Mauricio Pérez")."""
    if f.finder != "geonames":
        return False
    m = _PREVIOUS_CAPITAL.search(state.text, state.sentences[f.sentence][0], f.start)
    return m is not None and m.group(1).casefold() not in state.lex.stopwords


@VETOES.rule("media-source")
def _media_source(state: State, f: Found) -> bool:
    """A name inside a media source's name ("Kyiv Independent") names the medium."""
    return any(True for _ in state.containing(f, media=True))


@VETOES.rule("sentence-homograph")
def _sentence_homograph(state: State, f: Found) -> bool:
    """A common word opening a sentence ("Nice weather"): names.sentence_homographs."""
    if f.key not in state.words("names.sentence_homographs"):
        return False
    before = state.before(f)
    return not before.words and before.opens


@VETOES.rule("person-homograph")
def _person_homograph(state: State, f: Found) -> bool:
    """A first name, with no locative or determiner before it: names.person_homographs."""
    if f.key not in state.words("names.person_homographs"):
        return False
    last = state.before(f).words[-1:]
    allowed = (
        state.words("names.determiners")
        | state.words("roles.locative")
        | state.words("roles.locative_city")
    )
    return not (last and last[0] in allowed)


# -- relations -----------------------------------------------------------------------------

Relation = Callable[[State], None]
#: Rules that mark the places of a relational phrase, each a pass over what was found.
RELATIONS: RuleTable[Relation] = RuleTable("place relations")


@once
def _cue_pattern(lang: str, key: str) -> regex.Pattern[str]:
    """A cue word of list ``key``, then determiners, at the end of a window (read backwards)."""
    words = lexicon(lang).words
    dets = alternation(words["names.determiners"], boundary=True)
    return compile_pattern(
        rf"(?r)(?<![\p{{L}}\p{{M}}])(?P<cue>{alternation(words[key], boundary=True)})"
        rf"\s{{0,{MAX_GAP}}}(?:{dets}\s{{0,{MAX_GAP}}}){{0,2}}\Z",
        regex.IGNORECASE,
    )


def _cue(state: State, f: Found, key: str) -> int | None:
    """Where a cue of list ``key`` starts, when it ends just before ``f`` (determiners aside)."""
    if f.demonym or f.relation is not None or not state.has_cue(f.sentence, key):
        return None
    before = state.before(f)
    if not before.holds(state.words(key)):
        return None
    m = _cue_pattern(state.lex.lang, key).search(before.text)
    return None if m is None else f.start - len(before.text) + m.start("cue")


def _relation_start(state: State, lo: int, sentence: int) -> int:
    """Move a relation's start back over a preposition and determiners ("à la frontière")."""
    keep = (
        state.words("names.determiners")
        | state.words("roles.locative")
        | state.words("roles.locative_city")
    )
    begin = state.sentences[sentence][0]
    for _ in range(2):
        before = state.text[max(begin, lo - 24) : lo]
        words = _WORDS.findall(before)
        if not words or fold(words[-1]) not in keep or not before.rstrip().endswith(words[-1]):
            break
        lo = lo - (len(before) - before.rstrip().rfind(words[-1]))
    return lo


def _cue_noun(state: State, cue_start: int, sentence: int) -> tuple[str, int] | None:
    """The border or interaction noun among the words before a cue, and where it starts."""
    lo = max(state.sentences[sentence][0], cue_start - 60)
    window = state.text[lo:cue_start]
    for m in reversed(list(_WORDS.finditer(window))[-CUE_WORDS:]):
        word = fold(m.group())
        for kind in ("border", "interaction"):
            if word in state.words(kind):
                return kind, lo + m.start()
    return None


def _list_after(state: State, first: Found) -> list[Found]:
    """``first`` and the places joined to it ("la Russie et l'Ukraine")."""
    joiners = state.words("joiners")
    out = [first]
    for f in state.after(first):
        gap = state.text[out[-1].end : f.start]
        if f.demonym or len(gap) > JOIN_CHARS or f.sentence != first.sentence:
            break
        tokens = _JOIN_TOKENS.findall(gap)
        if not tokens or any(fold(t) not in joiners for t in tokens):
            break
        out.append(f)
    return out


def _mark(places: Sequence[Found], relation: str, start: int, actors: bool = False) -> None:
    for f in places:
        f.relation, f.relation_start, f.relation_end = relation, start, places[-1].end
        f.actors = actors


@RELATIONS.rule("between")
def _between(state: State) -> None:
    """A list after "entre": border after a border noun, actors after an interaction noun."""
    for f in state.found:
        cue_start = _cue(state, f, "between")
        if cue_start is None:
            continue
        places = _list_after(state, f)
        noun = _cue_noun(state, cue_start, f.sentence)
        if noun is None:
            _mark(places, "between", cue_start)
        elif noun[0] == "border":
            _mark(places, "border", _relation_start(state, noun[1], f.sentence))
        else:
            _mark(places, "between", noun[1], actors=True)


@RELATIONS.rule("with")
def _with(state: State) -> None:
    """A border noun, "avec"/"with", then a place: a border (relations.border, relations.with)."""
    for f in state.found:
        cue_start = _cue(state, f, "with")
        if cue_start is None:
            continue
        noun = _cue_noun(state, cue_start, f.sentence)
        if noun is not None and noun[0] == "border":
            _mark([f], "border", _relation_start(state, noun[1], f.sentence))


@once
def _direction_pattern(lang: str) -> regex.Pattern[str]:
    lex = lexicon(lang)
    prefix = alternation(lex.words["distance_prefix"], boundary=True)
    units = alternation(lex.words["distance_units"], boundary=True)
    dirs = alternation(lex.directions, boundary=False)
    dets = alternation(lex.words["names.determiners"], boundary=True)
    return compile_pattern(
        rf"(?r)(?:(?:{prefix}\s{{1,{MAX_GAP}}})?{_DIGITS}\s{{0,{MAX_GAP}}}{units}"
        rf"\s{{1,{MAX_GAP}}})?(?P<dir>{dirs})\s{{0,{MAX_GAP}}}(?:{dets}\s{{0,{MAX_GAP}}})?\Z",
        regex.IGNORECASE,
    )


@RELATIONS.rule("direction")
def _direction(state: State) -> None:
    """A distance and direction before a place ("à 30 km au nord de"): relations.directions."""
    for f in state.found:
        if f.demonym or f.relation is not None or not state.has_cue(f.sentence, "directions"):
            continue
        before = state.before(f)
        if not before.holds(state.lex.directions):
            continue
        m = _direction_pattern(state.lex.lang).search(before.text)
        if m is not None:
            start = f.start - len(before.text) + m.start()
            _mark([f], state.lex.directions[fold(m.group("dir"))], start)


# -- resolvers -----------------------------------------------------------------------------

#: What a resolver returns when it decides that nothing decides.
UNRESOLVED = Entry("", "", PlaceKind.AREA, None)

Resolver = Callable[[State, Found], Entry | None]
#: Rules choosing a gazetteer entry for a name: the first that answers decides.
RESOLVERS: RuleTable[Resolver] = RuleTable("place resolvers")


@RESOLVERS.rule("one-entry")
def _only(state: State, f: Found) -> Entry | None:
    """The name has one entry."""
    return f.entries[0] if len(f.entries) == 1 else None


@RESOLVERS.rule("country-in-article")
def _country_in_article(state: State, f: Found) -> Entry | None:
    """One entry lies in a country the article names (by name or demonym)."""
    inside = [e for e in f.entries if e.country in state.countries]
    return inside[0] if len(inside) == 1 else None


def _rank(e: Entry) -> int:
    return 0 if e.kind is PlaceKind.COUNTRY else 1 if e.capital else 2


@RESOLVERS.rule("kind-rank")
def _kind_rank(state: State, f: Found) -> Entry | None:
    """One entry is a country (or, failing that, a capital): it stands for the name."""
    best = min(_rank(e) for e in f.entries)
    top = [e for e in f.entries if _rank(e) == best]
    return top[0] if best < 2 and len(top) == 1 else None


@RESOLVERS.rule("population")
def _population(state: State, f: Found) -> Entry | None:
    """One entry has five times the population of the next (POPULATION_RATIO)."""
    ranked = sorted(f.entries, key=lambda e: -e.population)
    if ranked[0].population > 0 and ranked[0].population >= POPULATION_RATIO * ranked[1].population:
        return ranked[0]
    return None


@RESOLVERS.rule("unresolved")
def _unresolved(state: State, f: Found) -> Entry | None:
    """Nothing decides: the place stays unresolved, with its candidates."""
    return UNRESOLVED


# -- roles ---------------------------------------------------------------------------------

RoleRule = Callable[[State, Found], "tuple[PlaceRole, str] | None"]
#: Rules giving a place its role: the first that answers decides; the rule and the word it
#: read are recorded ("locative:en").
ROLES: RuleTable[RoleRule] = RuleTable("place roles")


def _stands_for_government(f: Found) -> bool:
    e = f.chosen
    return e is not None and (e.kind is PlaceKind.COUNTRY or e.capital)


@ROLES.rule("nationality")
def _nationality(state: State, f: Found) -> tuple[PlaceRole, str] | None:
    """A demonym or adjective names a nationality."""
    return (PlaceRole.NATIONALITY, "") if f.demonym else None


@ROLES.rule("source")
def _source(state: State, f: Found) -> tuple[PlaceRole, str] | None:
    """The place is an attribution's source ("Selon Séoul", "La Corée du Sud annonce")."""
    for s in state.containing(f):
        if s.end == f.end:
            rest = _strip_determiners(state, state.text[s.start : f.start])
            if not rest.strip():
                return PlaceRole.ACTOR, ""
    return None


@ROLES.rule("source-affiliation")
def _source_affiliation(state: State, f: Found) -> tuple[PlaceRole, str] | None:
    """The place is part of a source's name ("les services de renseignement de la Corée du Sud")."""
    inside = any(True for _ in state.containing(f))
    return (PlaceRole.ACTOR, "") if inside and _stands_for_government(f) else None


@ROLES.rule("interaction")
def _interaction(state: State, f: Found) -> tuple[PlaceRole, str] | None:
    """A party to an interaction ("accords conclus entre Moscou et Pyongyang"): interaction."""
    return (PlaceRole.ACTOR, "") if f.actors else None


@ROLES.rule("relation")
def _relation(state: State, f: Found) -> tuple[PlaceRole, str] | None:
    """A place on a border or in a direction ("au nord de Kharkiv") is a location."""
    if f.relation is not None and f.relation != "between":
        return PlaceRole.LOCATION, f.relation
    return None


@ROLES.rule("locative")
def _locative(state: State, f: Found) -> tuple[PlaceRole, str] | None:
    """A locative preposition before it ("en Russie", "à Koursk"): roles.locative(_city)."""
    before = state.before(f)
    if not before.adjacent:
        return None
    words = state.words("roles.locative")
    if f.chosen is not None and f.chosen.kind is PlaceKind.CITY:
        words = words | state.words("roles.locative_city")
    for phrase in (" ".join(before.content[-2:]), before.content[-1]):
        if phrase in words:
            return PlaceRole.LOCATION, phrase
    return None


@ROLES.rule("subject")
def _subject(state: State, f: Found) -> tuple[PlaceRole, str] | None:
    """A country or capital opening a clause is its subject: an actor (roles.subject_openers)."""
    if not _stands_for_government(f):
        return None
    before = state.before(f)
    if before.opens:
        return PlaceRole.ACTOR, ""
    if before.adjacent and before.content[-1] in state.words("roles.subject_openers"):
        return PlaceRole.ACTOR, before.content[-1]
    return None


@ROLES.rule("default")
def _default(state: State, f: Found) -> tuple[PlaceRole, str] | None:
    """Otherwise a country or capital is an actor, any other place a location."""
    return (PlaceRole.ACTOR if _stands_for_government(f) else PlaceRole.LOCATION), ""
