"""The rule tables of the structure engine, and the per-language data they read.

Five tables, each an ordered :class:`~osintparse._patterns.RuleTable`; the engine
(:mod:`._engine`) is a loop over each:

* :data:`JOINS`: when a line continues the block above it (hard-wrapped text);
* :data:`BOILERPLATE`: when a block is boilerplate ("Retour en haut", "Lire aussi :");
  the first rule that answers wins;
* :data:`PARAGRAPHS`: what every other block is (title, heading, body); the first
  rule that answers wins, ``body`` always answers;
* :data:`SENTENCES`: what kind each sentence is (today: its paragraph's kind);
* :data:`NO_BREAKS`: when a period does not end a sentence ("M. Dupont", "J. Smith").

A paragraph's ``rule`` is its classifier's name, with ``:<lexicon entry>`` for the
boilerplate rules and ``+hard-wrap`` when lines were joined into it.

What stays in code is script, not language: the punctuation that ends a sentence or
a heading, the opening quotes and brackets, upper and lower case (a Unicode
category: a script without case has no capital-led title or heading), Markdown's
``#``, and the size limits of a title or heading (they hold with no language too).

Examples
--------
>>> PARAGRAPHS.names()
('dateline', 'title', 'markdown-heading', 'byline', 'heading', 'body')
>>> SENTENCES.names()
('paragraph-kind',)
>>> BOILERPLATE.names()
('separator', 'boilerplate-line', 'boilerplate-prefix', 'boilerplate-note')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import attrs

from osintparse import lexicons
from osintparse._cache import once
from osintparse._patterns import Rule, RuleTable, word_key
from osintparse._records import record_repr
from osintparse._regexcode import compile_pattern
from osintparse.model import ParagraphKind
from osintparse.text import token_before

__all__ = [
    "BOILERPLATE",
    "JOINS",
    "NO_BREAKS",
    "NO_LEXICON",
    "PARAGRAPHS",
    "SENTENCES",
    "BoilerRule",
    "JoinRule",
    "Lexicon",
    "Page",
    "boiler_key",
    "first",
    "lexicon",
    "named",
    "no_break",
]

#: Characters that end a sentence: a line ending with one is not hard-wrapped.
SENTENCE_END = tuple(".!?…»\"':;,)")
#: A title or heading never ends with one of these.
HEADING_BAD_END = tuple(".,;:…")
#: Opening quotes, brackets and inverted marks skipped before the capital of a title or heading.
OPENERS = "«\"'(¿¡"
#: Stripped from both ends of a line before it is looked up as boilerplate.
BOILER_PUNCT = " \t.:!?…»«\"'|>-–—•·*#()[]"
#: A longer line is never boilerplate, but for an editor's note (rule ``boilerplate-note``).
BOILER_MAX_CHARS = 200
#: The rule whose lines may be longer.
NOTE_RULE = "boilerplate-note"
HEADING_MAX_CHARS = 160
HEADING_MAX_WORDS = 20
TITLE_MAX_CHARS = 300

_T = TypeVar("_T")
_Label = tuple[ParagraphKind, str]
_WORD = compile_pattern(r"\w+")
_MARKDOWN_HEADING = compile_pattern(r"#{1,6}\s")


@attrs.frozen(eq=False, repr=False)
class Lexicon:
    """The structure data of one language (``structure.toml``), ready for lookups.

    Examples
    --------
    >>> "retour en haut" in lexicon("fr").lines
    True
    """

    lines: frozenset[str]
    prefixes: tuple[str, ...]
    abbreviations: frozenset[str]
    #: Openings of an editor's note (``boilerplate.notes``), boilerplate at any length.
    notes: tuple[str, ...] = ()
    #: Words of a dateline after its place (``dateline.words``, month and weekday names).
    dateline_words: frozenset[str] = frozenset()
    #: Month names (``calendar.toml``), one of which a dateline names.
    months: frozenset[str] = frozenset()
    byline_prefixes: tuple[str, ...] = ()
    byline_connectors: frozenset[str] = frozenset()
    #: First words that never open a dateline's place: the attribution prepositions
    #: (``attributions.toml prepositions.cues``: "Selon Kiev, le 12 mars" is no dateline).
    not_places: frozenset[str] = frozenset()


#: No language: no boilerplate, no abbreviation, no dateline or byline (structure only).
NO_LEXICON = Lexicon(frozenset(), (), frozenset())


def boiler_key(line: str) -> str:
    """Return ``line`` as looked up among boilerplate: case, spaces, end marks ignored.

    Examples
    --------
    >>> boiler_key("  Lire   aussi : ")
    'lire aussi'
    """
    return word_key(line).strip(BOILER_PUNCT)


@once
def lexicon(lang: str) -> Lexicon:
    """Return the structure data of ``lang`` (cached).

    Examples
    --------
    >>> "M" in lexicon("fr").abbreviations
    True
    """
    data = lexicons.load(lang, "structure")
    calendar = lexicons.load(lang, "calendar")
    months = frozenset(_bare(w) for w in calendar["months"])
    weekdays = frozenset(_bare(w) for w in calendar["weekdays"])
    words = frozenset(_bare(w) for w in data["dateline"]["words"])
    return Lexicon(
        lines=frozenset(boiler_key(x) for x in data["boilerplate"]["lines"]),
        prefixes=tuple(boiler_key(x) for x in data["boilerplate"]["prefixes"]),
        notes=tuple(boiler_key(x) for x in data["boilerplate"]["notes"]),
        abbreviations=frozenset(data["abbreviations"]["words"]),
        dateline_words=words | months | weekdays,
        months=months,
        # longest first: "propos recueillis par" before "par"
        byline_prefixes=tuple(
            sorted((boiler_key(x) for x in data["byline"]["prefixes"]), key=len, reverse=True)
        ),
        byline_connectors=frozenset(_bare(w) for w in data["byline"]["connectors"]),
        not_places=frozenset(
            boiler_key(cue).split()[0]
            for cue in lexicons.load(lang, "attributions")["prepositions"]["cues"]
        ),
    )


def _bare(word: str) -> str:
    """A lexicon word as compared with a text's word: case folded, no final period."""
    return word.casefold().rstrip(".")


def heading_like(line: str, max_chars: int) -> bool:
    """Short, capital- or digit-led, not ending like a sentence: a title or heading.

    Examples
    --------
    >>> heading_like("Un intertitre", 160), heading_like("Une phrase.", 160)
    (True, False)
    """
    if len(line) > max_chars or line.endswith(HEADING_BAD_END):
        return False
    first = line.lstrip(OPENERS)[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    return len(_WORD.findall(line, concurrent=False)) <= HEADING_MAX_WORDS


# -- joining lines into blocks ---------------------------------------------------------

#: ``(normalised text, (start, end) of the block so far, (start, end) of the next line)``
#: -> whether the line continues the block. Lines separated by a blank line never join.
JoinRule = Callable[[str, tuple[int, int], tuple[int, int]], bool]
JOINS: RuleTable[JoinRule] = RuleTable("structure joins")


@JOINS.rule("hard-wrap")
def _hard_wrap(text: str, block: tuple[int, int], line: tuple[int, int]) -> bool:
    """A block not ending a sentence goes on when the next line starts in lower case.

    Or when the block ends with a hyphen ("nord-⏎Coréens"). A block ending with one
    of :data:`SENTENCE_END` (the comma is one) never goes on. Reads no lexicon.
    """
    ps, pe = block
    # endswith over a range, not a slice: slicing the growing block made
    # hard-wrapped text quadratic ("a\n" * 400 000 took 5 s).
    if text.endswith(SENTENCE_END, ps, pe):
        return False
    return text[line[0]].islower() or text[pe - 1] == "-"


# -- boilerplate ------------------------------------------------------------------------

#: ``(boiler_key of the block, lexicon)`` -> the matched lexicon entry ("" for none
#: needed), or ``None`` when the rule does not apply.
BoilerRule = Callable[[str, Lexicon], "str | None"]
BOILERPLATE: RuleTable[BoilerRule] = RuleTable("structure boilerplate")


@BOILERPLATE.rule("separator")
def _separator(key: str, lex: Lexicon) -> str | None:
    """A line of punctuation only ("***", "—", "|"). Reads no lexicon."""
    return None if key else ""


@BOILERPLATE.rule("boilerplate-line")
def _boilerplate_line(key: str, lex: Lexicon) -> str | None:
    """A line equal to a boilerplate line ("Retour en haut"): ``boilerplate.lines``."""
    return key if key in lex.lines else None


@BOILERPLATE.rule("boilerplate-prefix")
def _boilerplate_prefix(key: str, lex: Lexicon) -> str | None:
    """A line opening with a boilerplate prefix ("Lire aussi : ..."): ``boilerplate.prefixes``.

    The prefix must be followed by a space, a colon or nothing, unless it ends in a
    sign ("©").
    """
    for prefix in lex.prefixes:
        if key.startswith(prefix):
            rest = key[len(prefix) :]
            if not rest or rest[0] in " :" or not prefix[-1].isalnum():
                return prefix
    return None


@BOILERPLATE.rule(NOTE_RULE)
def _boilerplate_note(key: str, lex: Lexicon) -> str | None:
    """A paragraph opening with an editor's note and a colon, whatever its length
    ("Editor's note: ...", "NDLR : ..."): ``boilerplate.notes``."""
    for note in lex.notes:
        if key.startswith(note) and key[len(note) : len(note) + 2].lstrip()[:1] == ":":
            return note
    return None


# -- title, headings, body -------------------------------------------------------------


@attrs.define(eq=False)
class Page:
    """The blocks of a text that are not boilerplate, as the paragraph rules see them.

    Parameters
    ----------
    text
        The normalised text.
    spans
        ``(start, end)`` of each content block, in order.

    Examples
    --------
    >>> p = Page("Titre\\n\\nCorps.", [(0, 5), (7, 13)])
    >>> p.line(1), p.heading_like(0), p.heading_like(1)
    ('Corps.', True, False)
    """

    __repr__ = record_repr

    text: str
    spans: Sequence[tuple[int, int]]
    lex: Lexicon = NO_LEXICON
    _heading: dict[int, bool] = attrs.field(factory=dict, init=False, repr=False)

    def line(self, pos: int) -> str:
        """The text of content block ``pos``."""
        s, e = self.spans[pos]
        return self.text[s:e]

    def heading_like(self, pos: int) -> bool:
        """Whether block ``pos`` looks like a heading (computed once per block)."""
        found = self._heading.get(pos)
        if found is None:
            found = self._heading[pos] = heading_like(self.line(pos), HEADING_MAX_CHARS)
        return found

    def markdown(self, pos: int) -> bool:
        """Whether block ``pos`` is a Markdown heading ("## Suite")."""
        s, e = self.spans[pos]
        return _MARKDOWN_HEADING.match(self.text, s, e) is not None


#: ``(page, index of a content block)`` -> ``(kind, lexicon entry or "")``, or ``None``
#: when the rule does not apply.
ParagraphRule = Callable[[Page, int], "_Label | None"]
PARAGRAPHS: RuleTable[ParagraphRule] = RuleTable("structure paragraphs")


#: The most characters and words of a dateline or byline line.
META_MAX_CHARS = 120
META_MAX_WORDS = 14
#: A word, a run of digits with an optional ordinal ending ("1er", "12th"), or a sign.
_TOKEN = compile_pattern(r"\d{1,4}\p{L}{0,3}|\w+|[^\w\s]")
#: Signs a dateline or byline may hold besides its words.
_META_SIGNS = frozenset(".,;:()[]-–—'’&/")


def _tokens(line: str) -> list[str]:
    return _TOKEN.findall(line, concurrent=False)


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def _dateline_rest(tokens: Sequence[str], lex: Lexicon) -> bool:
    """After the place: only figures, dateline words, signs and an agency in brackets."""
    depth = 0
    month = digit = False
    for token in tokens:
        if token in "([":
            depth += 1
        elif token in ")]":
            depth = max(0, depth - 1)
        elif token[0].isdigit():
            digit = True
        elif token.casefold() in lex.dateline_words:
            month = month or token.casefold() in lex.months
        elif not (token in _META_SIGNS or (depth and _capitalised(token))):
            return False
    return month and digit


@PARAGRAPHS.rule("dateline")
def _dateline(page: Page, pos: int) -> tuple[ParagraphKind, str] | None:
    """A line "Place, <date>" ("Kiev, le 12 mars 2025."): metadata, not a claim.

    The place is one to four capitalised words before the first comma, not opening with
    an attribution preposition (``attributions.toml prepositions.cues``); after it come
    only figures, month and weekday names (``calendar.toml``), the words of
    ``structure.toml dateline.words``, signs and an agency in brackets ("(AFP)"), with
    at least one month name and one figure.
    """
    line = page.line(pos)
    if len(line) > META_MAX_CHARS or "," not in line:
        return None
    place, rest = line.split(",", 1)
    words = _tokens(place)
    if boiler_key(place).split(" ", 1)[0] in page.lex.not_places:
        return None
    if not 0 < len(words) <= 4 or not all(_capitalised(w) or w in _META_SIGNS for w in words):
        return None
    tokens = _tokens(rest)
    if len(tokens) > META_MAX_WORDS or not _dateline_rest(tokens, page.lex):
        return None
    return ParagraphKind.DATELINE, ""


@PARAGRAPHS.rule("title")
def _title(page: Page, pos: int) -> tuple[ParagraphKind, str] | None:
    """The first block, when it looks like a title (or is Markdown) and more text follows.

    A title is at most 300 characters and 20 words, starts with a capital or a digit
    and does not end with ``. , ; : …``. Reads no lexicon.
    """
    if pos != 0 or len(page.spans) < 2:
        return None
    if heading_like(page.line(0), TITLE_MAX_CHARS) or page.markdown(0):
        return ParagraphKind.TITLE, ""
    return None


@PARAGRAPHS.rule("markdown-heading")
def _markdown_heading(page: Page, pos: int) -> tuple[ParagraphKind, str] | None:
    """A Markdown heading line ("## Suite"). Reads no lexicon."""
    return (ParagraphKind.HEADING, "") if page.markdown(pos) else None


@PARAGRAPHS.rule("byline")
def _byline(page: Page, pos: int) -> tuple[ParagraphKind, str] | None:
    """A short line "By <names>" ("Par Jean Dupont, à Kiev"): metadata, not a claim.

    It opens with an entry of ``structure.toml byline.prefixes``; then come only
    capitalised words (names, at least one), the words of ``byline.connectors`` and
    signs.
    """
    line = page.line(pos)
    if len(line) > META_MAX_CHARS:
        return None
    key = boiler_key(line)
    prefix = next((p for p in page.lex.byline_prefixes if key.startswith(p + " ")), None)
    if prefix is None:
        return None
    tokens = _tokens(line)[len(_tokens(prefix)) :]
    if not 0 < len(tokens) <= META_MAX_WORDS or not any(map(_capitalised, tokens)):
        return None
    for token in tokens:
        ok = _capitalised(token) or token in _META_SIGNS
        if not ok and token.casefold() not in page.lex.byline_connectors:
            return None
    return ParagraphKind.BYLINE, prefix


@PARAGRAPHS.rule("heading")
def _heading(page: Page, pos: int) -> tuple[ParagraphKind, str] | None:
    """A heading-like block (160 characters, 20 words) followed by one that is not.

    Reads no lexicon.
    """
    if pos + 1 >= len(page.spans):
        return None
    if page.heading_like(pos) and not page.heading_like(pos + 1):
        return ParagraphKind.HEADING, ""
    return None


@PARAGRAPHS.rule("body")
def _body(page: Page, pos: int) -> tuple[ParagraphKind, str] | None:
    """Any other block: body text. Reads no lexicon."""
    return ParagraphKind.BODY, ""


# -- sentences ---------------------------------------------------------------------------

#: ``(normalised text, (start, end) of the sentence, kind of its paragraph, lexicon)``
#: -> ``(kind, lexicon entry or "")``, or ``None`` when the rule does not apply.
SentenceRule = Callable[[str, tuple[int, int], ParagraphKind, Lexicon], "_Label | None"]
SENTENCES: RuleTable[SentenceRule] = RuleTable("structure sentences")


@SENTENCES.rule("paragraph-kind")
def _paragraph_kind(
    text: str, span: tuple[int, int], kind: ParagraphKind, lex: Lexicon
) -> _Label | None:
    """A sentence is of its paragraph's kind (title, heading, body). Reads no lexicon.

    A rule placed before it can set another kind for some sentences (a dateline).
    """
    return kind, ""


# -- sentence breaks --------------------------------------------------------------------

#: ``(token before the period, lexicon)`` -> the matched entry, or ``None`` when the
#: period may end the sentence.
NoBreakRule = Callable[[str, Lexicon], "str | None"]
NO_BREAKS: RuleTable[NoBreakRule] = RuleTable("structure sentence breaks")


@NO_BREAKS.rule("abbreviation")
def _abbreviation(token: str, lex: Lexicon) -> str | None:
    """A period after an abbreviation ("M.", "env.", "Jan.") goes on: ``abbreviations.words``."""
    return token if token in lex.abbreviations else None


@NO_BREAKS.rule("initial-letter")
def _initial(token: str, lex: Lexicon) -> str | None:
    """A period after one capital letter ("J. Smith") goes on. Reads no lexicon."""
    return token if len(token) == 1 and token.isupper() else None


def first(rules: Iterable[Rule[Callable[..., _T | None]]], *args: Any) -> tuple[str, _T] | None:
    """Return ``(name, answer)`` of the first rule answering (not ``None``) on ``args``.

    Examples
    --------
    >>> first(BOILERPLATE, "retour en haut", lexicon("fr"))
    ('boilerplate-line', 'retour en haut')
    >>> first(BOILERPLATE, "un texte", lexicon("fr")) is None
    True
    """
    for rule in rules:
        answer = rule.fn(*args)
        if answer is not None:
            return rule.name, answer
    return None


def named(name: str, entry: str) -> str:
    """Return a rule's name with its lexicon entry, if any: ``name:entry``.

    Examples
    --------
    >>> named("boilerplate-prefix", "lire aussi"), named("title", "")
    ('boilerplate-prefix:lire aussi', 'title')
    """
    return f"{name}:{entry}" if entry else name


def no_break(text: str, dot: int, lex: Lexicon) -> str | None:
    """Return ``rule:entry`` of the first sentence-break rule keeping ``dot`` inside.

    Examples
    --------
    >>> no_break("M. Dupont", 1, lexicon("fr")), no_break("Fin. Et", 3, lexicon("fr"))
    ('abbreviation:M', None)
    """
    token = token_before(text, dot)
    hit = first(NO_BREAKS, token, lex) if token else None
    return None if hit is None else named(*hit)
