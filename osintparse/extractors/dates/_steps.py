"""The vetoes and steps of the dates engine: checks before a match, changes after it.

:data:`VETOES` run before a match is resolved: ``True`` means "not a date here" (a
number that counts something, a name such as "l'accord du Vendredi Saint", a
generic "today's youth"). :data:`STEPS` run on every resolved mention, in order: they
move its edges to TimeML's conventions (a "since" word outside, an article inside,
"Thursday morning" whole) and add what the context says (a dateline, the anchor of
a relative date). Words come from ``dates.toml``; no step names a rule's words.

Examples
--------
>>> VETOES.names()[0], STEPS.names()[0]
('count', 'since')
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from osintparse._patterns import RuleTable
from osintparse._regexcode import compile_pattern
from osintparse.extractors.dates._calendar import DAY
from osintparse.extractors.dates._context import Context, Hit
from osintparse.extractors.dates._vocab import Vocab, key
from osintparse.model import DayPart, Modifier

__all__ = ["STEPS", "VETOES"]

Veto = Callable[[Vocab, str, int, int], bool]
Step = Callable[[Vocab, str, int, Hit, Context], Hit]

#: Checks run before resolving a match (on the scanned text as written): ``True``
#: means "not a date".
VETOES: RuleTable[Veto] = RuleTable("date vetoes")
#: Steps run on each resolved mention, in order.
STEPS: RuleTable[Step] = RuleTable("date steps")

# What may stand before a mention at the start of a sentence (a capitalised relative
# word there is not a name).
_SENTENCE_START = compile_pattern(r"(?:^|[.!?:;\n\"“”«»(\[—–`'‘’-])[^\S\n]*$")
# A title in quotes: ABC's "This Week".
_OPEN_QUOTE = compile_pattern(r"[\"“«‘'`][^\S\n]?$")
_CLOSE_QUOTE = compile_pattern(r"[^\S\n]?[,.]?[\"”»’']")
# A dateline: the text's first line, a place in capitals and a comma before the date,
# an agency in brackets and a dash after it ("WASHINGTON, March 12 (Xinhua) --").
_DATELINE_BEFORE = compile_pattern(
    r"\s*(?:\p{Lu}[\p{L}.'’ -]{0,40}(?:,[^\S\n]{0,3}\p{Lu}[\p{L}.'’ -]{0,30}){0,2},[^\S\n]{0,3})?"
)
_DATELINE_AFTER = compile_pattern(
    r"[^\S\n]{0,3}(?:\([^()\n]{1,40}\)[^\S\n]{0,3})?(?:--|[-–—_:]|\n|$)"
)


# -------------------------------------------------------------------------- vetoes


@VETOES.rule("count")
def _is_count(v: Vocab, text: str, start: int, end: int) -> bool:
    """A number followed by a count noun or unit, or after a currency sign: "2024 soldats".

    A number after a month name is its day ("on Aug. 7 killed 258 people"). After a
    currency sign, a word is a ticker ("$DEC") and a number an amount ("$2024").
    """
    i = start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    if i >= 0 and text[i] in "€$£":
        return True
    if not text[end - 1 : end].isdigit() or v.month_re.search(text, start, end):
        return False
    nxt = v.next_word.match(text, end)
    return nxt is not None and key(nxt.group(1)) in v.count_nouns


@VETOES.rule("name")
def _is_name(v: Vocab, text: str, start: int, end: int) -> bool:
    """A capitalised word that is written lower case as a date, inside a sentence.

    "l'accord du Vendredi Saint", "This is VOA Today", ABC's "This Week": a relative
    word, or a weekday or month in a language that writes them lower case
    (``language.toml [dates] lowercase_calendar``), capitalised where a sentence does
    not start, is a name or a title.
    """
    word = v.first_word.match(text, start)
    if word is None or not word.group().istitle():
        return False
    name = key(word.group())
    lower = name in v.lowercase_words or (v.lowercase_calendar and name in v.calendar_words)
    if not lower:
        return False
    quoted = _OPEN_QUOTE.search(text, max(0, start - 2), start) and _CLOSE_QUOTE.match(text, end)
    if quoted or _SENTENCE_START.search(text, max(0, start - 4), start) is None:
        return True
    nxt = v.next_word.match(text, end)  # a title: "This Week With David Brinkley"
    return nxt is not None and nxt.group(1).istitle() and key(nxt.group(1)) not in v.anchor_words


@VETOES.rule("generic")
def _is_generic(v: Vocab, text: str, start: int, end: int) -> bool:
    """A date word in a generic phrase: "today's youth", "les jeunes d'aujourd'hui".

    The phrases are ``dates.toml [negatives] generic``; a mention inside one of them
    is no date.
    """
    for m in v.generic.finditer(text, max(0, start - 24), min(len(text), end + 24)):
        if m.start() <= start and end <= m.end():
            return True
    return False


# -------------------------------------------------------------------------- steps

# Rules whose mentions are already periods of their own: a "since" word before them is
# part of them or does not apply.
_NOT_WIDENED = ("since", "range", "counted_units", "day_list", "vague")


@STEPS.rule("since")
def _with_since(v: Vocab, text: str, lo: int, hit: Hit, ctx: Context) -> Hit:
    """A date after a "since" word is a period up to P: "depuis mardi", "since last week".

    The word stays outside the mention, as in TimeML ("since [1990]").
    """
    start, end, res = hit
    if res.rule.startswith(_NOT_WIDENED) or res.range_span is not None:
        return hit
    since = v.prep["since"].search(text, max(lo, ctx.floor, start - 30), start)
    if since is None:
        return hit
    pub = ctx.published
    value_end = pub if res.value is not None and pub and pub >= res.value else None
    rule = f"since:{key(since.group())}:{res.rule}"
    return start, end, attrs.evolve(res, value_end=value_end, rule=rule)


@STEPS.rule("article")
def _with_article(v: Vocab, text: str, lo: int, hit: Hit, ctx: Context) -> Hit:
    """An article right before the mention is part of it: "le 30 juin", "l'automne".

    The articles are ``dates.toml [spans] articles`` (none in English, where TimeML
    leaves "the" out of "the January 1998 bombing"; the rules' patterns take it in
    "the third quarter", "the following day").
    """
    start, end, res = hit
    if res.rule.startswith("day_list"):
        return hit  # "les [2] et [3 octobre]": the article is the list's
    m = v.article_before.search(text, max(lo, ctx.floor, start - 12), start)
    return hit if m is None else (m.start(), end, res)


@STEPS.rule("modifier")
def _with_modifier(v: Vocab, text: str, lo: int, hit: Hit, ctx: Context) -> Hit:
    """A word before the mention that approximates it or names a part of a day.

    "around Nov. 1", "almost four years ago", "vers 2010" (``APPROX``); "late
    yesterday", "early Tuesday", "earlier this year" (``START``, ``END``): the word
    joins the mention (``dates.toml [spans] modifiers``).
    """
    start, end, res = hit
    if res.modifier is not None:
        return hit
    m = v.modifier_before.search(text, max(lo, ctx.floor, start - 24), start)
    if m is None:
        return hit
    kind = v.modifiers[key(m.group("word"))]
    if kind != "approx" and res.precision is not DAY and res.rule.startswith("part"):
        return hit
    return m.start(), end, attrs.evolve(res, modifier=Modifier(kind))


@STEPS.rule("day_part")
def _with_day_part(v: Vocab, text: str, lo: int, hit: Hit, ctx: Context) -> Hit:
    """A part of the day after a day: "Thursday morning", "mardi soir", "hier après-midi"."""
    start, end, res = hit
    if res.precision is not DAY or res.day_part is not None or res.value_end != res.value:
        return hit
    m = v.day_part_after.match(text, end, ctx.hi)
    if m is None:
        return hit
    part = DayPart(v.day_parts[key(m.group("word"))])
    return start, m.end(), attrs.evolve(res, day_part=part)


@STEPS.rule("dateline")
def _dateline(v: Vocab, text: str, lo: int, hit: Hit, ctx: Context) -> Hit:
    """A date on the text's first line between a place and an agency: a dateline.

    "WASHINGTON, March 12 (Xinhua) --", "PARIS, 12 mars 2024 (AFP) -": the date the
    article was filed, flagged ``dateline``.
    """
    start, end, res = hit
    if start > 200 or not _DATELINE_BEFORE.fullmatch(text, 0, start):
        return hit
    if _DATELINE_AFTER.match(text, end) is None:
        return hit
    return start, end, attrs.evolve(res, dateline=True)


@STEPS.rule("anchor")
def _with_anchor(v: Vocab, text: str, lo: int, hit: Hit, ctx: Context) -> Hit:
    """A relative date with a value says what it was resolved from.

    The publication date (``Anchor.PUBLISHED``) or, without one, the date of the
    dateline (``Anchor.DATELINE``, with its offsets); a rule that resolved it from an
    earlier mention has set ``Anchor.MENTION`` already.
    """
    start, end, res = hit
    if not res.relative or res.value is None or res.anchor is not None:
        return hit
    return start, end, attrs.evolve(res, anchor=ctx.source, anchor_span=ctx.source_span)
