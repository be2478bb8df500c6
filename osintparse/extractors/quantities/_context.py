"""The context around numbers: qualifiers, ranges, units, counted nouns and negatives.

The rules under :func:`osintparse.find_quantities`: given a number found by
``_numbers``, look left for a qualifier, a range opener or a currency sign, right for a
range end, a unit and the counted noun phrase, and drop what is a year, a date, a time,
an identifier or a designation. All words come from the ``quantities``, ``units`` and
``calendar`` lexicons; patterns are compiled once per language. Everything works on
normalised text offsets; the extractor maps them back.

Examples
--------
>>> [(r.value, r.qualifier.value, r.unit) for r in _find("plus de 10 km", "fr", 0, 13)]
[(10.0, 'more_than', 'kilometre')]
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import regex

from osintparse import lexicons
from osintparse.extractors.quantities._numbers import (
    _FRACTION_ALONE,
    NumberMatch,
    _alternation,
    _Grammar,
    _grammar,
    _scan,
)
from osintparse.model import Qualifier

__all__: list[str] = []

# A word of a noun phrase: letters, inner hyphens ("nord-coréens"), never glued to digits.
_WORD = r"[\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}][\p{L}\p{M}'’]*)*(?![\p{L}\p{M}\p{N}'’\-])"
_LEFT = 48  # characters of left context looked at for qualifiers and cues


@attrs.frozen
class _Rules:
    g: _Grammar
    qualifier_left: Any
    qualifier_of: Mapping[str, str]
    postfix: Any
    postfix_of: Mapping[str, str]
    between_left: Any
    between_and: Any
    from_left: Any
    from_to: Any
    dash: Any
    joiner: Any
    ratio: Any
    bound_joiner: Any
    negative_left: Any
    last_word_left: Any
    prefix_unit_left: Any
    prefix_units: Mapping[str, str]
    prefix_unit_at: Any
    suffix_unit: Any
    suffix_units: Mapping[str, str]
    unit_linker: Any
    noun_linker: Any
    word: Any
    complement: Any
    coordinator: Any
    stop: frozenset[str]
    post_order: bool
    designator_left: Any
    strong_year_cue_left: Any
    time_cue_left: Any
    month_after: Any
    calendar_left: Any
    time_after: Any
    hour_marker: Any
    calendar_words: frozenset[str]
    blockers: Any
    article_unit: Any
    bracket_unit: Any
    scaled_units: Mapping[str, float]
    scale_after: Any
    inclusive: Any
    final_unit: Any
    final_units: Mapping[str, str]
    genitive: frozenset[str]


def _key_map(table: Mapping[str, Iterable[str]]) -> dict[str, str]:
    return {
        phrase.lower().replace("’", "'"): key for key, words in table.items() for phrase in words
    }


# Context patterns are matched in bounded windows, but every whitespace run in them is
# bounded too, so that no pattern is quadratic even when scanned over a whole text
# (a run of 100 000 spaces): at most _MAX_GAP white-space characters between tokens.
_MAX_GAP = 24
_GAP_STAR = regex.compile(r"(?<!\\)\\s\*")
_GAP_PLUS = regex.compile(r"(?<!\\)\\s\+")


def _compile(source: str, flags: int = 0) -> Any:
    """Compile a context pattern with its white-space runs bounded (see ``_MAX_GAP``)."""
    source = _GAP_STAR.sub(lambda _: rf"\s{{0,{_MAX_GAP}}}", source)
    source = _GAP_PLUS.sub(lambda _: rf"\s{{1,{_MAX_GAP}}}", source)
    return regex.compile(source, flags=flags)


@functools.cache
def _rules(lang: str) -> _Rules:
    g = _grammar(lang)
    q = lexicons.load(lang, "quantities")
    units = lexicons.load(lang, "units")
    cal = lexicons.load(lang, "calendar")
    stopwords = lexicons.load(lang, "stopwords")["words"]
    i = regex.IGNORECASE

    qualifier_of = _key_map(q["qualifiers"])
    postfix_of = _key_map(q["postfix_qualifiers"])
    r = q["ranges"]
    nouns = q["nouns"]
    neg = q["not_quantities"]
    prefix_units = {k.lower(): v for k, v in units["prefix"].items()}
    suffix_units = {k.lower(): v for k, v in units["suffix"].items()}
    single = [k for k in units["suffix"] if len(k) == 1 and k.isalpha()]
    multi = [k for k in units["suffix"] if k not in single]
    months = [k.lower() for k in cal["months"]]
    weekdays = [k.lower() for k in cal["weekdays"]]
    before = r"(?<![\p{L}\p{N}])"
    stop = frozenset(
        w.lower().replace("’", "'")
        for w in [*nouns["stop"], *stopwords, *neg["designators"], *months, *weekdays]
    )
    calendar_words = frozenset([*months, *weekdays])
    hours = {"h", "heures", "heure", "hr", "hrs"}
    ordinal = _alternation(neg["ordinal_suffixes"])
    clock = [m for m in neg["time_markers"] if m not in hours]
    return _Rules(
        g=g,
        qualifier_left=_compile(
            rf"(?:{before}(?=\p{{L}})|(?<![<>=~])(?=\P{{L}}))(?P<q>{_alternation(qualifier_of)})"
            r"\s*(?P<qneg>[-−]\s?)?$",
            flags=i,
        ),
        qualifier_of=qualifier_of,
        postfix=_compile(rf"\s*,?\s*(?P<q>{_alternation(postfix_of)})(?![\p{{L}}])", flags=i),
        postfix_of=postfix_of,
        between_left=_compile(rf"{before}{_alternation(r['between'])}\s+$", flags=i),
        between_and=_compile(rf"\s+{_alternation(r['between_and'])}\s+", flags=i),
        from_left=_compile(rf"{before}{_alternation(r['from'])}\s*$", flags=i),
        from_to=_compile(rf"\s+{_alternation(r['from_to'])}\s+", flags=i),
        dash=_compile(
            rf"\s?{_alternation(r['dashes'])}\s?(?=\d|{_alternation(prefix_units)}\s?\d)", flags=i
        ),
        joiner=_compile(rf"\s*{_alternation(r['joiners'])}\s*(?=\S)", flags=i),
        ratio=_compile(rf"\s+{_alternation(r['ratios'])}\s+(?=\S)", flags=i),
        bound_joiner=_compile(rf"\s*{_alternation(r['bound_joiners'])}\s*", flags=i),
        negative_left=_compile(
            rf"(?:(?:^|(?<=[\s(\[]))(?<![-–—:,.]\s)[-−]\s?|{before}{_alternation(g.negatives)}\s+)$",
            flags=i,
        ),
        last_word_left=_compile(r"(?<![\p{L}'])([\p{L}']+)\s+$"),
        prefix_unit_left=_compile(
            rf"(?<![\p{{L}}])(?P<u>{_alternation(prefix_units)})\s?(?P<sign>[-−])?$", flags=i
        ),
        prefix_units=prefix_units,
        prefix_unit_at=_compile(rf"{_alternation(prefix_units)}\s?(?=\d)", flags=i),
        suffix_unit=_compile(
            rf"(?:\s?|-)(?:(?P<u>(?i:{_alternation(multi)}))|(?P<u1>{_alternation(single)}))"
            r"(?![\p{L}\p{N}])",
            flags=regex.V0,
        ),
        suffix_units=suffix_units,
        unit_linker=_compile(rf"\s+{_alternation(nouns['linkers'])}\s*(?=\S)", flags=i),
        noun_linker=_compile(rf"\s+{_alternation(nouns['linkers'])}\s*(?=\p{{L}})", flags=i),
        word=_compile(rf"\s+(?P<w>{_WORD})", flags=regex.V0),
        complement=_compile(rf"\s+{_alternation(nouns['complements'])}\s*(?P<w>{_WORD})", flags=i),
        coordinator=_compile(
            rf"\s+{_alternation(nouns['coordinators'])}"
            rf"(?:\s+{_alternation(nouns['linkers'])})?\s*(?P<w>{_WORD})",
            flags=i,
        ),
        stop=stop,
        post_order=nouns["order"] == ["post"],
        designator_left=_compile(
            rf"(?:^|(?<![\p{{L}}]))(?:{_alternation(neg['designators'])})\s*$", flags=i
        ),
        strong_year_cue_left=_compile(
            rf"{before}(?:{_alternation(neg['year_cues'])})\s*$", flags=i
        ),
        time_cue_left=_compile(rf"{before}(?:{_alternation(neg['time_cues'])})\s*$", flags=i),
        month_after=_compile(
            rf"(?:\s*{_alternation(r['bound_joiners'] + r['dashes'] + r['from_to'])}\s*"
            rf"\d{{1,2}}{ordinal}?)?\s+{_alternation(months)}(?![\p{{L}}])",
            flags=i,
        ),
        calendar_left=_compile(
            rf"{before}(?:{_alternation([*months, *weekdays])})\s*,?\s*"
            rf"(?:\d{{1,2}}{ordinal}?\s*{_alternation(r['bound_joiners'] + r['dashes'])}\s*)?$",
            flags=i,
        ),
        time_after=_compile(
            rf"(?:\s?[h:]\s?\d{{2}}(?!\d)|\s?{_alternation(clock)}(?![\p{{L}}]))", flags=i
        ),
        hour_marker=_compile(r"\s?(?:h|heures?|hours?|hrs?)(?![\p{L}])", flags=i),
        calendar_words=calendar_words,
        blockers=_compile(
            r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}"
            r"|\+\d{1,3}(?:[ .\-]?\(?\d{1,4}\)?){2,6}"
            r"|(?<!\d)0\d(?:[ .\-]\d{2}){4}(?!\d)"
            r"|\(\d{3}\)\s?\d{3}[ .\-]\d{4}|(?<!\d)\d{3}-\d{3}-\d{4}(?!\d)",
            flags=regex.V0,
        ),
        article_unit=_compile(
            rf"(?<![\p{{L}}\p{{N}}'])(?P<a>{_alternation(q['small_words']['one'])})\s+"
            rf"(?P<u>{_alternation(k for k in multi if k[:1].isalpha())})(?![\p{{L}}\p{{N}}])",
            flags=i,
        ),
        final_unit=_compile(
            rf"\s?(?P<u>{_alternation(units['final_suffix'])})"
            rf"(?=\s*(?:$|[.,;:!?)\]]|{_alternation(units['dimension_words']['words'])}(?![\p{{L}}])))",
            flags=i,
        ),
        final_units={k.lower(): v for k, v in units["final_suffix"].items()},
        genitive=frozenset(units["genitive"]["marks"]),
        scaled_units={k.lower(): float(v) for k, v in units["scaled_suffix"].items()},
        bracket_unit=_compile(
            r"\s?(?:"
            + "|".join(
                rf"{regex.escape(o)}(?P<u>{_alternation(multi + single)}){regex.escape(c)}"
                for o, c in ("()", "[]", "{}", "<>")
            )
            + ")",
            flags=i,
        ),
        scale_after=_compile(
            rf"\s+(?P<s>{_alternation(k for k, v in g.scales.items() if v >= 1000)})"
            r"(?![\p{L}\p{N}])",
            flags=i,
        ),
        inclusive=_compile(
            rf"\s*,?\s*{_alternation(q['small_words']['inclusive'])}(?![\p{{L}}])", flags=i
        ),
    )


@attrs.frozen
class _Raw:
    start: int
    end: int
    value: float
    low: float | None
    high: float | None
    qualifier: Qualifier
    unit: str | None
    number_start: int
    number_end: int
    noun_start: int | None
    noun_end: int | None
    rule: str


# Pattern sources, compiled on first use (import stays cheap).
_BLOCK_HINT = r"[+@(]|://|www\.|\d[ .\-]\d\d[ .\-]\d\d[ .\-]\d\d|\d-\d{4}"
_SPACES = r"\s+"
_PROPER_BEFORE = r"(?<![\p{L}\p{N}'’-])\p{Lu}[\p{Ll}\p{M}]+[ ]$"
_WORD_AT = _WORD
_RUN = r"[\p{L}\p{N}]*(?:[\-./:_][\p{L}\p{N}]+)*"


@functools.cache
def _re(source: str) -> Any:
    """Compile a pattern source once (white-space runs bounded, see ``_MAX_GAP``)."""
    return _compile(source, flags=regex.V0)


_PREFIX_REACH = 24  # characters a unit written before the number may span ("malaysian ringgit ")
_WINDOW = 160  # characters a context pattern may look at after its start


def _at(pattern: Any, text: str, pos: int, endpos: int) -> Any:
    """``pattern.match`` in a bounded window: the regex module may otherwise scan the
    whole rest of the text for a required literal, which is quadratic over many numbers."""
    return pattern.match(text, pos, min(endpos, pos + _WINDOW))


def _is_year(n: NumberMatch) -> bool:
    return (
        n.kind == "digits"
        and not n.scaled
        and n.text.isdigit()
        and len(n.text) == 4
        and (1000 <= n.value <= 2100)
    )


_UNIT_OPENERS = frozenset("([{<\"'iI")  # first characters of bracketed and final units


def _unit_at(rules: _Rules, text: str, pos: int, endpos: int) -> tuple[str, str, int] | None:
    m = _at(rules.suffix_unit, text, pos, endpos)
    if m is None:
        nxt = text[pos : pos + 2].lstrip()[:1]
        if not nxt or nxt not in _UNIT_OPENERS:
            return None
        b = _at(rules.bracket_unit, text, pos, endpos)  # "20 (kg)", "20 [kg]"
        if b is not None:
            return rules.suffix_units[_norm_phrase(b.group("u"))], b.group("u"), b.end()
        f = _at(rules.final_unit, text, pos, endpos)  # "2 in.", '5"': ambiguous unless last
        if f is None or (f.group("u") == '"' and text.count('"', max(0, pos - 200), pos) % 2):
            return None
        return rules.final_units[f.group("u").lower()], f.group("u"), f.end()
    surface = m.group("u") if m.group("u") is not None else m.group("u1")
    return rules.suffix_units[_norm_phrase(surface)], surface, m.end()


def _ok_word(rules: _Rules, w: str) -> bool:
    lw = w.lower()
    if lw in rules.stop or lw.rstrip("'’") in rules.stop:
        return False
    g = rules.g
    return not (lw in g.cardinals or lw in g.scales or lw in rules.suffix_units)


def _plural(word: str) -> bool:
    return word[-1:].lower() in {"s", "x"}


def _noun(rules: _Rules, text: str, pos: int, endpos: int, linked: bool) -> tuple[int, int] | None:
    """The span of the counted noun phrase starting after ``pos``, or None."""
    p = pos
    if linked:
        m = _at(rules.noun_linker, text, p, endpos)
        if m is not None:
            w = _at(_re(_WORD_AT), text, m.end(), endpos)
            if w is None or not _ok_word(rules, w.group()):
                return None
            return _extend(rules, text, w.start(), w.end(), endpos, w.group())
    m = _at(rules.word, text, p, endpos)
    if m is None or not _ok_word(rules, m.group("w")):
        return None
    return _extend(rules, text, m.start("w"), m.end(), endpos, m.group("w"))


def _extend(
    rules: _Rules, text: str, start: int, end: int, endpos: int, head: str
) -> tuple[int, int] | None:
    if not rules.post_order:
        # English: modifiers precede the head; take the run of content words.
        words = [(start, end, head)]
        p = end
        while len(words) < 5:
            m = _at(rules.word, text, p, endpos)
            if m is None or not _ok_word(rules, m.group("w")):
                break
            words.append((m.start("w"), m.end(), m.group("w")))
            p = m.end()
        while len(words) > 1 and words[-1][2].lower().endswith(("ed", "ing", "ly")):
            words.pop()
        if words[-1][2].lower().endswith("ly"):
            return None
        end = words[-1][1]
        m = _at(rules.coordinator, text, end, endpos)
        if (
            m is not None
            and _ok_word(rules, m.group("w"))
            and not m.group("w")[0].isupper()
            and _plural(m.group("w")) == _plural(words[-1][2])
            and not m.group("w").lower().endswith(("ed", "ing", "ly"))
        ):
            end = m.end()
        return start, end
    plural = _plural(head)
    complements = 0
    for _ in range(8):
        m = _at(rules.coordinator, text, end, endpos)
        # A second head agrees with the first ("ingénieurs et de sapeurs"), which a verb
        # or participle after "et" usually does not ("livres et payé").
        if m is not None and _ok_word(rules, m.group("w")) and _plural(m.group("w")) == plural:
            end = m.end()
            continue
        m = _at(rules.complement, text, end, endpos)
        if m is not None and complements < 2 and _ok_word(rules, m.group("w")):
            end, plural = m.end(), _plural(m.group("w"))
            complements += 1
            continue
        m = _at(rules.word, text, end, endpos)
        if m is not None and _ok_word(rules, m.group("w")):
            w = m.group("w")
            if (plural and _plural(w)) or w[0].isupper():
                end = m.end()
                continue
        break
    return start, end


def _norm_phrase(phrase: str) -> str:
    return str(_re(_SPACES).sub(" ", phrase.lower().replace("’", "'")))


def _left(text: str, start: int, floor: int) -> str:
    return text[max(floor, start - _LEFT) : start]


def _phrase(
    rules: _Rules, text: str, n: NumberMatch, floor: int, endpos: int
) -> tuple[_Raw | None, int]:
    """Build the quantity around number ``n``; return it (or None) and where to go on."""
    g = rules.g
    s, e = n.start, n.end
    skip = e
    before = text[max(floor, s - 2) : s]
    left = _left(text, s, floor)
    if n.kind == "digits":
        # Identifiers and designations: "F-16", "COVID-19", "n°5", "192.168.1.2".
        if (
            len(before) == 2
            and before[1] in "-/.:#°§_"
            and (before[0].isalnum() or before[0] in "°#")
        ) or (before[-1:] in {"#", "°", "§", "_", "@"}):
            run = _at(_re(_RUN), text, s, endpos)
            return None, max(e, run.end() if run else e)
        nxt = text[e : e + 2]
        if not n.scaled and len(nxt) == 2 and nxt[0] in "/:._" and nxt[1].isdigit():
            run = _at(_re(_RUN), text, s, endpos)
            return None, max(e, run.end() if run else e)
        if not n.scaled and nxt[:1].isalpha():
            attached = _unit_at(rules, text, e, endpos)
            if attached is None or (
                attached[0] == "hour" and _at(rules.time_after, text, e, endpos)
            ):
                run = _at(_re(_RUN), text, s, endpos)
                return None, max(e, run.end() if run else e)
        # "2.1 pm", "2.123 am": minutes take two digits, so a clock marker after a decimal
        # with another number of digits names a unit (picometre), not a time.
        frac_digits = _re(r"[.,](\d+)$").search(n.text)
        clock = (
            _at(rules.time_after, text, e, endpos)
            if not n.scaled and (frac_digits is None or len(frac_digits.group(1)) == 2)
            else None
        )
        if clock is not None:
            return None, clock.end()  # "4 h 30", "10:30", "10 am"
        if rules.designator_left.search(left):
            return None, skip
        month = _at(rules.month_after, text, e, endpos)
        if not n.scaled and n.value <= 31 and month is not None:
            return None, month.end()
        if rules.calendar_left.search(left):
            return None, skip
        if (
            not n.scaled
            and _at(rules.hour_marker, text, e, endpos)
            and rules.time_cue_left.search(left)
        ):
            return None, skip
    if n.kind == "words" and n.text.lower() in g.pronoun_ones:
        lw = rules.last_word_left.search(left)
        if (
            lw is not None
            and lw.group(1).lower() in g.pronoun_determiners
            and _unit_at(rules, text, e, endpos) is None
        ):
            return None, skip
    start = s
    rule = [n.rule]
    # Currency or unit written before the number.
    unit: str | None = None
    pm = rules.prefix_unit_left.search(text[max(floor, s - _PREFIX_REACH) : s])
    if pm is not None:
        unit = rules.prefix_units[_norm_phrase(pm.group("u"))]
        start = max(floor, s - _PREFIX_REACH) + pm.start()
        rule.append(f"unit:{pm.group('u')}")
    # Qualifier or range opener before.
    qualifier = Qualifier.EXACT
    low, high = n.low, n.high
    value = n.value
    if n.approximate:
        qualifier = Qualifier.APPROXIMATE
    left = _left(text, start, floor)
    base = start - len(left)
    qm = rules.qualifier_left.search(left)
    if n.rule == _FRACTION_ALONE and (
        qm is None or rules.qualifier_of[_norm_phrase(qm.group("q"))] not in _BOUNDS
    ):
        return None, skip  # "half" counts only after a bound: "more than half"
    # A sign before a range's first figure: "from -18 °C to -34 °C", "-78-0 degrees".
    neg1 = rules.negative_left.search(left) if qm is None else None
    left_r = left[: neg1.start()] if neg1 is not None else left
    between = rules.between_left.search(left_r)
    frm = rules.from_left.search(left_r)
    end = e
    n2: NumberMatch | None = None
    neg2 = False
    # Ranges.
    for opener, joiner, name in (
        (between, rules.between_and, "between"),
        (frm, rules.from_to, "from"),
        (True, rules.dash, "dash"),
        (True, rules.joiner, "to"),
    ):
        if opener is None:
            continue
        p = e
        u1 = _unit_at(rules, text, p, endpos)
        if u1 is not None:
            p = u1[2]
        j = _at(joiner, text, p, endpos)
        if j is None:
            continue
        q = j.end()
        m2 = _at(rules.prefix_unit_at, text, q, endpos)
        if m2 is not None:
            q = m2.end()
        cand = _scan(text, g, q, min(endpos, q + 80))
        if cand is None or cand.rule == _FRACTION_ALONE:
            continue
        neg2 = cand.start == q + 1 and text[q] in "-−" and name != "dash"
        if cand.start != q and not neg2:
            continue
        if _is_year(n) and (_is_year(cand) or (name == "dash" and len(cand.text) == 2)):
            return None, cand.end  # "2019-2023", "2013-14", "1995-01": years and months
        if name == "dash" and (n.kind != "digits" or cand.kind != "digits"):
            continue
        if name == "to" and (qm is not None or n.kind == "vague" or cand.kind == "vague"):
            continue
        u2 = _unit_at(rules, text, cand.end, endpos)
        if u1 is not None and (u2 is None or u1[0] != u2[0]) and (name in {"dash", "to"} or u2):
            continue
        if unit is not None and u2 is not None and u2[0] != unit:
            continue  # "$1 to 40 hryvnias" is an exchange rate, not a range
        signed = (-n.value if neg1 else n.value), (-cand.value if neg2 else cand.value)
        if name in {"dash", "to"} and not signed[0] < signed[1] and not cand.scaled:
            continue  # "311 to 112", "3-1": tallies and scores, not ranges
        n2 = cand
        if u1 is not None and unit is None:
            unit = u1[0]
        if opener is not True:
            start = base + opener.start()  # type: ignore[union-attr]
        elif qm is not None and rules.qualifier_of[_norm_phrase(qm.group("q"))] == "approximate":
            start = base + qm.start()  # "around 3-5 km": the hedge belongs to the range
        elif neg1 is not None:
            start = base + neg1.start()
        rule.append(f"range:{name}")
        break
    ratio = None
    if n2 is None and _unit_at(rules, text, e, endpos) is None:
        rm = _at(rules.ratio, text, e, endpos)
        if rm is not None:
            cand = _scan(text, g, rm.end(), min(endpos, rm.end() + 80))
            if (
                cand is not None
                and cand.rule != _FRACTION_ALONE
                and cand.start == rm.end()
                and cand.value > 0
                and not _is_year(cand)
                and n.value <= cand.value
                and _unit_at(rules, text, cand.end, endpos) is None
            ):
                ratio = cand
                value = n.value / cand.value
                end = cand.end
                rule.append("ratio")
    if n2 is not None:
        v1 = n.value
        if (
            n2.scaled
            and not n.scaled
            and n.kind == n2.kind == "digits"
            and v1 < n2.value / n2.scale * 1000
        ):
            v1 *= n2.scale
        v1 = -v1 if neg1 is not None else v1
        v2 = -n2.value if neg2 else n2.value
        low, high = min(v1, v2), max(v1, v2)
        value = (low + high) / 2
        qualifier = Qualifier.RANGE
        end = n2.end
    elif qm is None and (neg := rules.negative_left.search(left)) is not None:
        value, start = -value, base + neg.start()
        rule.insert(0, "negative")
    elif qm is not None:
        if qm.group("qneg"):
            value = -value  # "< -30"
            rule.insert(0, "negative")
        phrase = _norm_phrase(qm.group("q"))
        qualifier = Qualifier(rules.qualifier_of[phrase])
        start = base + qm.start()
        rule.insert(0, f"qualifier:{phrase}")
    if n2 is None and pm is not None and pm.group("sign"):
        value = -value  # "$-99.99": the sign between the currency and the figure
        rule.insert(0, "negative")
    # Unit after the number (or after "de"/"of": "2 millions de dollars").
    u = _unit_at(rules, text, end, endpos)
    if u is not None and pm is not None and _is_currency(u[0]):
        u = None  # "$ 20,000.00 $ 37,305.97": the second sign opens the next amount
    if u is None and (n.scaled or n.kind == "vague"):
        lk = _at(rules.unit_linker, text, end, endpos)
        if lk is not None:
            u2 = _unit_at(rules, text, lk.end(), endpos)
            letter = u2 is not None and len(u2[1].strip()) == 1 and u2[1].strip().isalpha()
            if u2 is not None and not letter:  # "2 millions de $", not "2 millions de m..."
                u = u2
    if u is not None:
        if unit is None:
            unit = u[0]
        end = u[2]
        if (
            text[end - 1 : end] == "s"
            and text[end : end + 1] in rules.genitive
            and not text[end + 1 : end + 2].isalnum()
        ):
            end += 1  # "six weeks' time": the genitive mark belongs to the unit
        rule.append(f"unit:{u[1].strip()}")
        mult = rules.scaled_units.get(_norm_phrase(u[1]))  # "30 MUSD"
        if mult is None and _is_currency(u[0]) and not n.scaled and n2 is None:
            sm = _at(rules.scale_after, text, end, endpos)  # "75 USD million"
            if sm is not None:
                mult = rules.g.scales[sm.group("s").lower()]
                end = sm.end()
                rule.append(f"scale:{sm.group('s')}")
        if mult is not None:
            value *= mult
            low = low * mult if low is not None else None
            high = high * mult if high is not None else None
    # Qualifier after.
    pf = _at(rules.postfix, text, end, endpos)
    if pf is not None and _starts_number(rules, text, pf.end(), endpos):
        pf = None  # "5000 or less than 6000": the words qualify the next figure
    if pf is not None and qualifier in {Qualifier.EXACT, Qualifier.APPROXIMATE}:
        phrase = _re(_SPACES).sub(" ", pf.group("q").lower())
        qualifier = Qualifier(rules.postfix_of[phrase])
        end = pf.end()
        rule.append(f"postfix:{phrase}")
    elif (
        qualifier in _STRICT
        and (inc := _at(rules.inclusive, text, end, endpos)) is not None
        and not _starts_number(rules, text, inc.end(), endpos)
    ):
        qualifier = _STRICT[qualifier]  # "less than 5000 or equal": at most 5000
        end = inc.end()
        rule.append("postfix:inclusive")
    # Counted noun.
    noun = None
    if u is None or unit is None:
        noun = _noun(rules, text, end, endpos, n.scaled or n.kind == "vague")
    elif _at(rules.noun_linker, text, end, endpos) is not None:
        noun = _noun(rules, text, end, endpos, True)  # "3 tonnes de munitions"
        if noun is not None and (text[noun[0]].isupper() or "'" in text[noun[0] : noun[0] + 3]):
            noun = None  # "15 km de Kharkiv", "50 milliards d'euros de l'UE": places, not goods
    if noun is not None and text[noun[0] : noun[1]].split()[0].lower() in rules.calendar_words:
        noun = None
    # Years: "en 2024", "2022 was", but "plus de 2000 soldats" is a quantity.
    if (
        n2 is None
        and qm is None
        and _is_year(n)
        and unit is None
        and (
            rules.strong_year_cue_left.search(_left(text, s, floor))
            or noun is None
            or text[noun[0]].isupper()
        )
    ):
        return None, skip
    # Model numbers: "Boeing 737", "Windows 10": a bare figure right after a proper name
    # (not the first word of the sentence) that counts nothing.
    if (
        n.kind == "digits"
        and n2 is None
        and ratio is None
        and unit is None
        and noun is None
        and qualifier is Qualifier.EXACT
        and not n.scaled
        and (proper := _re(_PROPER_BEFORE).search(_left(text, s, floor))) is not None
        and _left(text, s, floor)[: proper.start()].strip()[-1:] not in {"", ".", "!", "?", ":"}
    ):
        return None, skip
    if noun is not None:
        end = max(end, noun[1])
        rule.append("noun")
    # Bounds from the qualifier.
    if qualifier in {Qualifier.MORE_THAN, Qualifier.AT_LEAST}:
        low, high = value, None
    elif qualifier in {Qualifier.LESS_THAN, Qualifier.AT_MOST}:
        low, high = None, value
    if low is not None and low > value:
        low = value
    if high is not None and high < value:
        high = value
    raw = _Raw(
        start=start,
        end=end,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        unit=unit,
        number_start=s,
        number_end=n2.end if n2 is not None else ratio.end if ratio is not None else e,
        noun_start=noun[0] if noun else None,
        noun_end=noun[1] if noun else None,
        rule="|".join(rule),
    )
    return raw, max(end, e)


_BOUNDS = frozenset({"more_than", "at_least", "less_than", "at_most"})
_STRICT = {Qualifier.MORE_THAN: Qualifier.AT_LEAST, Qualifier.LESS_THAN: Qualifier.AT_MOST}


def _starts_number(rules: _Rules, text: str, pos: int, endpos: int) -> bool:
    """Whether a number starts right after ``pos`` (past spaces)."""
    n = _scan(text, rules.g, pos, min(endpos, pos + 40))
    return n is not None and not text[pos : n.start].strip()


def _blocked(rules: _Rules, text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    if _re(_BLOCK_HINT).search(text, pos, endpos) is None:
        return []
    return [(m.start(), m.end()) for m in rules.blockers.finditer(text, pos, endpos)]


def _find(text: str, lang: str, pos: int, endpos: int) -> list[_Raw]:
    rules = _rules(lang)
    if rules.g.prefilter.search(text, pos, endpos) is None:
        return _article_units(rules, text, pos, endpos, [], [])
    blocked = _blocked(rules, text, pos, endpos)
    out: list[_Raw] = []
    cursor = pos
    while cursor < endpos:
        n = _scan(text, rules.g, cursor, endpos)
        if n is None:
            break
        hit = next((b for b in blocked if b[0] <= n.start < b[1]), None)
        if hit is not None:
            cursor = max(hit[1], n.end)
            continue
        # Left context never reaches into the previous quantity.
        floor = max(pos, out[-1].end) if out else pos
        raw, nxt = _phrase(rules, text, n, floor, endpos)
        if raw is not None:
            out.append(raw)
        cursor = max(nxt, n.end, cursor + 1)
    out = _article_units(rules, text, pos, endpos, out, blocked)
    out = _merge_bounds(rules, text, _merge_cents(rules, text, out))
    return _merge_restated(rules, text, _merge_compound(rules, text, out))


def _merge_restated(rules: _Rules, text: str, found: list[_Raw]) -> list[_Raw]:
    """Join a figure restated in brackets: "forty-five (45)", "five (5) years"."""
    out: list[_Raw] = []
    for raw in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.value == raw.value
            and prev.noun_start is None
            and _re(r"\s*\(\s*").fullmatch(text, prev.end, raw.start) is not None
            and (close := _re(r"\s*\)").match(text, raw.number_end)) is not None
        ):
            end, unit = max(raw.end, close.end()), prev.unit or raw.unit
            u = _unit_at(rules, text, close.end(), len(text)) if unit is None else None
            noun = (raw.noun_start, raw.noun_end)
            if u is not None and end == close.end():
                end, unit = u[2], u[0]  # "five (5) years"
            elif unit is None and end == close.end():
                found_noun = _noun(rules, text, end, len(text), False)  # "five (5) soldiers"
                if found_noun is not None:
                    noun, end = found_noun, found_noun[1]
            out[-1] = attrs.evolve(
                prev,
                end=end,
                unit=unit,
                noun_start=noun[0],
                noun_end=noun[1],
                rule=f"{prev.rule}+restated",
            )
            continue
        out.append(raw)
    return out


# Units an article cannot stand for one of: "a year ago", "a second time", "to a degree".
_NO_ARTICLE = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "percent", "degree"}
)


def _article_units(
    rules: _Rules, text: str, pos: int, endpos: int, found: list[_Raw], blocked: list[Any]
) -> list[_Raw]:
    """Add "a dollar", "a kilogram", "un kilomètre": one unit, written with an article."""
    added = []
    for m in rules.article_unit.finditer(text, pos, endpos):
        unit = rules.suffix_units[_norm_phrase(m.group("u"))]
        if unit in _NO_ARTICLE or any(b[0] <= m.start() < b[1] for b in blocked):
            continue
        if any(r.start < m.end() and m.start() < r.end for r in found):
            continue
        added.append(
            _Raw(
                start=m.start(),
                end=m.end(),
                value=1.0,
                low=None,
                high=None,
                qualifier=Qualifier.EXACT,
                unit=unit,
                number_start=m.start(),
                number_end=m.end("a"),
                noun_start=None,
                noun_end=None,
                rule=f"article:{m.group('a').lower()}|unit:{m.group('u')}",
            )
        )
    return sorted([*found, *added], key=lambda r: r.start) if added else found


# Canonical units of one dimension, in a common base, for "5 feet 2 inches", "2 km and 1 m".
_COMPOUND = {
    "mile": ("length", 1609.344),
    "kilometre": ("length", 1000.0),
    "metre": ("length", 1.0),
    "yard": ("length", 0.9144),
    "foot": ("length", 0.3048),
    "inch": ("length", 0.0254),
    "centimetre": ("length", 0.01),
    "millimetre": ("length", 0.001),
    "tonne": ("mass", 1e6),
    "kilogram": ("mass", 1000.0),
    "pound": ("mass", 453.59237),
    "ounce": ("mass", 28.349523125),
    "gram": ("mass", 1.0),
    "milligram": ("mass", 0.001),
}


def _merge_compound(rules: _Rules, text: str, found: list[_Raw]) -> list[_Raw]:
    """Join "5 feet 2 inches", "2 yds, 7 feet and 10 inches" into one measure (smallest unit)."""
    out: list[_Raw] = []
    for raw in found:
        prev = out[-1] if out else None
        unit = raw.unit
        end = raw.end
        if prev is not None and unit is None and prev.unit == "foot":
            f = _at(rules.final_unit, text, raw.number_end, len(text))
            if f is None:
                f = _at(_re(r"\s?(?:in)(?![\p{L}\p{N}])"), text, raw.number_end, len(text))
            if f is not None and raw.end <= f.end():
                unit, end = "inch", f.end()  # "5 ft 2 in more or less"
        if (
            prev is not None
            and prev.unit in _COMPOUND
            and unit in _COMPOUND
            and _COMPOUND[prev.unit][0] == _COMPOUND[unit][0]
            and _COMPOUND[prev.unit][1] > _COMPOUND[unit][1]
            and prev.noun_start is None
            and prev.qualifier in {Qualifier.EXACT, Qualifier.APPROXIMATE}
            and raw.qualifier is Qualifier.EXACT
            and raw.value >= 0
            and (
                not text[prev.end : raw.start].strip()
                or (
                    raw.start - prev.end < _WINDOW
                    and rules.bound_joiner.fullmatch(text, prev.end, raw.start) is not None
                )
            )
        ):
            factor = _COMPOUND[prev.unit][1] / _COMPOUND[unit][1]
            out[-1] = attrs.evolve(
                prev,
                end=max(end, raw.end),
                value=round(prev.value * factor + raw.value, 9),
                low=None,
                high=None,
                unit=unit,
                number_end=raw.number_end,
                noun_start=raw.noun_start,
                noun_end=raw.noun_end,
                rule=f"{prev.rule}+{raw.rule}",
            )
            continue
        out.append(raw)
    return out


def _is_currency(unit: str | None) -> bool:
    return unit is not None and len(unit) == 3 and unit.isupper()


def _merge_cents(rules: _Rules, text: str, found: list[_Raw]) -> list[_Raw]:
    """Join "20 dollars 43 cents", "$20 and 43c", "15 dollars 50." into one amount."""
    out: list[_Raw] = []
    for raw in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _is_currency(prev.unit)
            and prev.noun_start is None
            and prev.value == int(prev.value)
            and 0 < raw.value < 100
            and raw.value == int(raw.value)
            and raw.qualifier is Qualifier.EXACT
            and raw.noun_start is None
            and (
                (raw.unit is not None and "_" in raw.unit and raw.unit.startswith(prev.unit or ""))
                or (raw.unit is None and not text[raw.end : raw.end + 2].strip(" .,;!?"))
                or (raw.unit is not None and raw.unit.endswith("_CENT"))
            )
            and (
                not text[prev.end : raw.start].strip()
                or (
                    raw.start - prev.end < _WINDOW
                    and rules.bound_joiner.fullmatch(text, prev.end, raw.start) is not None
                )
            )
        ):
            out[-1] = attrs.evolve(
                prev,
                end=raw.end,
                value=prev.value + raw.value / 100,
                low=None,
                high=None,
                number_end=raw.number_end,
                rule=f"{prev.rule}+cents",
            )
            continue
        out.append(raw)
    return out


_LOWER = frozenset({Qualifier.MORE_THAN, Qualifier.AT_LEAST})
_UPPER = frozenset({Qualifier.LESS_THAN, Qualifier.AT_MOST})


def _merge_bounds(rules: _Rules, text: str, found: list[_Raw]) -> list[_Raw]:
    """Join "more than 10 and less than 20" into one range."""
    out: list[_Raw] = []
    for raw in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and {prev.qualifier, raw.qualifier} in ({q1, q2} for q1 in _LOWER for q2 in _UPPER)
            and raw.start - prev.end < _WINDOW
            and rules.bound_joiner.fullmatch(text, prev.end, raw.start) is not None
        ):
            lower, upper = (prev, raw) if prev.qualifier in _LOWER else (raw, prev)
            low, high = lower.value, upper.value
            if low <= high:
                noun = raw if raw.noun_start is not None else prev
                out[-1] = attrs.evolve(
                    prev,
                    end=raw.end,
                    value=(low + high) / 2,
                    low=low,
                    high=high,
                    qualifier=Qualifier.RANGE,
                    unit=prev.unit or raw.unit,
                    number_end=raw.number_end,
                    noun_start=noun.noun_start,
                    noun_end=noun.noun_end,
                    rule=f"{prev.rule}&{raw.rule}",
                )
                continue
        out.append(raw)
    return out
