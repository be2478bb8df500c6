"""The attribution lexicons of one language, compiled once (cached) for matching.

Reads ``attributions.toml`` (cues), ``sources.toml`` (source kinds and noun phrase
grammar) and ``hedges.toml`` of a language and builds:

* one combined cue pattern (prepositions, finite verb forms, compound and passive
  forms with adverbs between auxiliary and participle), a trie per alternative;
* lookup tables from a matched form to its lexicon entry;
* the source-kind term index and the hedge pattern.

Examples
--------
>>> lex = cue_lexicon("fr")
>>> m = lex.cues.search("Pyongyang a officiellement confirmé l'envoi")
>>> m.group(), lex.participles[key(m.group("part"))].lemma
('a officiellement confirmé', 'confirmer')
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import attrs
import regex

from osintparse import lexicons
from osintparse._patterns import trie_pattern
from osintparse.errors import LexiconError
from osintparse.model import SourceKind, Stance

__all__ = [
    "CueLexicon",
    "HedgeLexicon",
    "NounReadings",
    "SourceLexicon",
    "Verb",
    "cue_lexicon",
    "key",
]

#: Word boundaries used around every cue: a hyphen glues words ("selon-moi").
_BEFORE = r"\m(?<!-)"
_AFTER = r"(?![\w-])"
_TOKEN = regex.compile(r"(?:\w\.){2,}|\w+(?:-\w+)*", flags=regex.V1)


def key(form: str) -> str:
    """Return the lookup key of a matched form: case-folded, single-spaced.

    Examples
    --------
    >>> key("A  Déclaré")
    'a déclaré'
    """
    return " ".join(form.casefold().split())


def tokens(text: str) -> list[str]:
    """Split a lexicon term into the words :func:`key` and the matcher use.

    Examples
    --------
    >>> tokens("U.S. Defense Ministry")
    ['U.S.', 'Defense', 'Ministry']
    """
    return _TOKEN.findall(text)


@attrs.frozen
class Verb:
    """A reporting verb entry of the lexicon.

    Examples
    --------
    >>> v = cue_lexicon("en").finite["said"]
    >>> v.lemma, v.stance.value, v.passive_stance.value
    ('say', 'asserted', 'reported')
    """

    lemma: str
    stance: Stance
    needs_clause: bool = False
    frame: str | None = None
    frame_gap: int = 0
    passive_stance: Stance | None = None
    recipient: bool = False


@attrs.frozen
class CueLexicon:
    """Everything the attribution matcher needs for one language.

    ``cues`` has the named groups ``ppart`` (passive participle), ``part`` (participle
    of a compound tense), ``fin`` (finite form) and ``prep`` (preposition).

    Examples
    --------
    >>> lex = cue_lexicon("en")
    >>> lex.cues.search("officials said on Monday").group("fin")
    'said'
    """

    lang: str
    cues: regex.Pattern[str]
    opener: regex.Pattern[str]
    finite: Mapping[str, Verb]
    participles: Mapping[str, Verb]
    prepositions: Mapping[str, Stance]
    prep_blocked: frozenset[str]
    passive_agent: frozenset[str]
    passive_complement: frozenset[str]
    adverbs: frozenset[str]
    adverb_suffix: str
    before_verb_suffix: str
    complementizers: frozenset[str]
    clause_gap: int
    infinitive_endings: tuple[str, ...]
    not_infinitives: frozenset[str]
    infinitive_markers: frozenset[str]
    quotes: Mapping[str, str]
    sources: SourceLexicon
    hedges: HedgeLexicon
    nouns: NounReadings


@attrs.frozen
class NounReadings:
    """When a finite cue form is a noun (``[noun_readings]`` of ``attributions.toml``).

    Examples
    --------
    >>> n = cue_lexicon("en").nouns
    >>> "media" in n.compounds["state"], "report" in n.bare, n.possessive_endings
    (True, True, ("'s", "s'"))
    """

    possessive_endings: tuple[str, ...]
    homographs: frozenset[str]
    compounds: Mapping[str, frozenset[str]]
    modifiers: frozenset[str]
    bare: frozenset[str]
    singular_determiners: frozenset[str]


@attrs.frozen
class SourceLexicon:
    """Source kinds and the grammar words delimiting source noun phrases.

    ``terms`` maps a term's first word (case-folded) to ``(words, kind, case)``
    entries where ``case`` is ``"exact"``, ``"title"`` or ``"any"``.

    Examples
    --------
    >>> s = cue_lexicon("fr").sources
    >>> s.pronouns["on"].value
    'anonymous'
    """

    terms: Mapping[str, tuple[tuple[tuple[str, ...], SourceKind, str], ...]]
    head_first: bool
    pronouns: Mapping[str, SourceKind]
    anonymity: regex.Pattern[str]
    articles: frozenset[str]
    indefinite: frozenset[str]
    determiners: frozenset[str]
    links: frozenset[str]
    stops: frozenset[str]
    clause_words: frozenset[str]
    connectors: frozenset[str]
    breakers: frozenset[str]
    clitics: frozenset[str]
    relatives: frozenset[str]
    max_words: int


@attrs.frozen
class HedgeLexicon:
    """The hedge pattern (phrases, then conditional forms) and effects.

    Examples
    --------
    >>> h = cue_lexicon("en").hedges
    >>> h.effects["reportedly"]
    -0.2
    """

    pattern: regex.Pattern[str]
    effects: Mapping[str, float]
    conditional_effect: float
    not_conditional: frozenset[str]


def _stance(value: str, where: str) -> Stance:
    try:
        return Stance(value)
    except ValueError:
        raise LexiconError(f"{where}: unknown stance {value!r}") from None


def _verbs(lang: str, data: Mapping[str, Any]) -> tuple[dict[str, Verb], dict[str, Verb]]:
    conj = data["conjugations"]
    agreement = conj.get("agreement", ["~"])
    finite: dict[str, Verb] = {}
    participles: dict[str, Verb] = {}
    for lemma, entry in data["verbs"].items():
        where = f"{lang}/attributions.toml verbs.{lemma}"
        passive = entry.get("passive_stance")
        verb = Verb(
            lemma=lemma,
            stance=_stance(entry["stance"], where),
            needs_clause=bool(entry.get("needs_clause", False)),
            frame=entry.get("frame"),
            frame_gap=int(entry.get("frame_gap", 0)),
            passive_stance=_stance(passive, where) if passive else None,
            recipient=bool(entry.get("recipient", False)),
        )
        fin = list(entry.get("finite", []))
        part = list(entry.get("participle", []))
        if "class" in entry:
            cls = conj.get(entry["class"])
            if not isinstance(cls, dict):
                raise LexiconError(f"{where}: no conjugation class {entry['class']!r}")
            fin += [e.replace("~", entry["stem"]) for e in cls["finite"]]
            part += [e.replace("~", entry["stem"]) for e in cls["participle"]]
        for form in fin:
            finite.setdefault(key(form), verb)
        for form in part:
            for agreed in agreement:
                participles.setdefault(key(agreed.replace("~", form)), verb)
    return finite, participles


def _hedges(lang: str) -> HedgeLexicon:
    data = lexicons.load(lang, "hedges")
    effects = {key(k): float(v) for k, v in data["phrases"].items()}
    cond = data["conditional"]
    alts = [trie_pattern(effects)]
    if cond["suffixes"]:
        alts.append(r"(?P<cond>\w{2,40}?" + trie_pattern(cond["suffixes"]) + ")")
    pattern = regex.compile(
        _BEFORE + "(?:" + "|".join(alts) + ")" + _AFTER, flags=regex.IGNORECASE | regex.V1
    )
    return HedgeLexicon(
        pattern=pattern,
        effects=effects,
        conditional_effect=float(cond["effect"]),
        not_conditional=frozenset(key(w) for w in cond["not"]),
    )


def _noun_readings(lang: str, data: Mapping[str, Any], finite: Mapping[str, Verb]) -> NounReadings:
    where = f"{lang}/attributions.toml noun_readings"
    homographs = frozenset(key(w) for w in data["homographs"])
    for form in homographs - set(finite):
        raise LexiconError(f"{where}: homograph {form!r} is no finite form of a verb")
    compounds = {key(k): frozenset(key(w) for w in v) for k, v in data["compounds"].items()}
    bare = frozenset(key(w) for w in data["bare"])
    for form in (set(compounds) | bare) - homographs:
        raise LexiconError(f"{where}: {form!r} is not listed in homographs")
    endings = tuple(e.replace("\u2019", "'") for e in data["possessive_endings"])
    for e in endings:
        if e.count("'") != 1 or not e.strip("'").isalpha():
            raise LexiconError(f"{where}: possessive ending {e!r} is not an apostrophe and letters")
    return NounReadings(
        possessive_endings=endings,
        homographs=homographs,
        compounds=compounds,
        modifiers=frozenset(key(w) for w in data["modifiers"]),
        bare=bare,
        singular_determiners=frozenset(key(w) for w in data["singular_determiners"]),
    )


def _case(term: str) -> str:
    letters = [c for c in term if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "exact"
    return "title" if term[:1].isupper() else "any"


def _sources(lang: str) -> SourceLexicon:
    data = lexicons.load(lang, "sources")
    index: dict[str, list[tuple[tuple[str, ...], SourceKind, str]]] = {}

    def add(term: str, kind: SourceKind) -> None:
        words = tuple(tokens(term))
        if words:
            index.setdefault(words[0].casefold(), []).append((words, kind, _case(term)))

    for name, terms in data["kinds"].items():
        try:
            kind = SourceKind(name)
        except ValueError:
            raise LexiconError(f"{lang}/sources.toml: unknown source kind {name!r}") from None
        for term in terms:
            add(term, kind)
    for group in ("capitals", "countries"):
        for term in data["places"][group]:
            add(term, SourceKind.GOVERNMENT)
    pronouns = {key(w): SourceKind.ANONYMOUS for w in data["pronouns"]["anonymous"]}
    pronouns.update({key(w): SourceKind.OTHER for w in data["pronouns"]["other"]})
    np = data["noun_phrase"]

    def words(name: str) -> frozenset[str]:
        return frozenset(key(w) for w in np[name])

    anonymity = regex.compile(
        _BEFORE + trie_pattern(key(m) for m in data["anonymity"]["markers"]) + _AFTER,
        flags=regex.IGNORECASE | regex.V1,
    )
    return SourceLexicon(
        terms={k: tuple(v) for k, v in index.items()},
        head_first=lang != "en",
        pronouns=pronouns,
        anonymity=anonymity,
        articles=words("articles"),
        indefinite=words("indefinite"),
        determiners=words("determiners"),
        links=words("links"),
        stops=words("stops"),
        clause_words=words("clause_words"),
        connectors=words("connectors"),
        breakers=words("breakers"),
        clitics=words("clitics"),
        relatives=words("relatives"),
        max_words=int(np["max_words"]),
    )


@functools.cache
def cue_lexicon(lang: str) -> CueLexicon:
    """Return the compiled attribution lexicon of ``lang`` (built once, cached).

    Raises
    ------
    osintparse.UnsupportedLanguageError
        If ``lang`` has no lexicons.
    osintparse.LexiconError
        If a lexicon entry names an unknown stance, kind or conjugation class.

    Examples
    --------
    >>> cue_lexicon("fr").prepositions["selon"].value
    'reported'
    """
    lang = lexicons.check_lang(lang)
    data = lexicons.load(lang, "attributions")
    finite, participles = _verbs(lang, data)
    preps = {
        key(k): _stance(v, f"{lang}/attributions.toml prepositions")
        for k, v in data["prepositions"]["cues"].items()
    }
    aux = data["auxiliaries"]
    adv = data["adverbs"]
    adverbs = frozenset(key(w) for w in adv["words"])
    adverb = "(?:" + trie_pattern(adverbs) + r"|\w{2,30}?" + regex.escape(adv["suffix"]) + ")"
    adverbs_between = r"(?:\s+" + adverb + _AFTER + r"){0,2}\s+"
    parts = trie_pattern(participles)
    cues = regex.compile(
        _BEFORE
        + "(?:"
        + f"{trie_pattern(aux['passive'])}{adverbs_between}(?P<ppart>{parts})"
        + f"|{trie_pattern(aux['active'])}{adverbs_between}(?P<part>{parts})"
        + f"|(?P<fin>{trie_pattern(finite)})"
        + f"|(?P<prep>{trie_pattern(preps)})"
        + ")"
        + _AFTER,
        flags=regex.IGNORECASE | regex.V1,
    )
    opener = regex.compile(
        trie_pattern(key(o) for o in data["anaphoric"]["openers"]) + r"(?:(?<=')|(?![\w-]))\s*",
        flags=regex.IGNORECASE | regex.V1,
    )
    clauses = data["clauses"]
    quotes = {}
    for pair in data["quotes"]["pairs"]:
        if len(pair) != 2:
            raise LexiconError(f"{lang}/attributions.toml quotes: {pair!r} is not two characters")
        quotes[pair[1]] = pair[0]
    return CueLexicon(
        lang=lang,
        cues=cues,
        opener=opener,
        finite=finite,
        participles=participles,
        prepositions=preps,
        prep_blocked=frozenset(key(w) for w in data["prepositions"]["blocked_next"]),
        passive_agent=frozenset(key(w) for w in aux["passive_agent"]),
        passive_complement=frozenset(key(w) for w in aux["passive_complement"]),
        adverbs=adverbs,
        adverb_suffix=adv["suffix"],
        before_verb_suffix=adv["before_verb_suffix"] or "\0",
        complementizers=frozenset(key(w) for w in clauses["complementizers"]),
        clause_gap=int(clauses["max_gap"]),
        infinitive_endings=tuple(clauses["infinitive_endings"]),
        not_infinitives=frozenset(key(w) for w in clauses["not_infinitives"]),
        infinitive_markers=frozenset(key(w) for w in clauses["infinitive_markers"]),
        quotes=quotes,
        sources=_sources(lang),
        hedges=_hedges(lang),
        nouns=_noun_readings(lang, data["noun_readings"], finite),
    )
